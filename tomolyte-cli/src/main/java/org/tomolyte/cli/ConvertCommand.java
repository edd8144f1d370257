package org.tomolyte.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tomolyte.core.Box;
import org.tomolyte.core.DataType;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Volume;
import org.tomolyte.image.convert.Scaling;
import org.tomolyte.image.convert.TypeConversion;
import org.tomolyte.io.VolumeIO;
import org.tomolyte.io.WriteOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tomolyte convert IN OUT}: change format, crop, change type. */
@Command(name = "convert", description = "Convert a volume to another format (by OUT's extension: .tif, .npy, .zarr, .raw), optionally cropped and retyped.")
final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "Input volume (FILE.h5:/dataset for HDF5).")
    String in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output file: .tif/.tiff, .npy, .zarr (directory) or .raw.")
    Path out;

    @Option(names = "--crop", paramLabel = "X0,Y0,Z0,X1,Y1,Z1", description = "Keep this box (voxel indices, end exclusive).")
    String crop;

    @Option(names = "--type", paramLabel = "TYPE", description = "Output type: u8, u16, i32, f32 (or f64).")
    String type;

    @Option(names = "--scaling", paramLabel = "MODE", defaultValue = "none",
            description = "With --type: none (keep values, round and clamp; default), auto (input min..max to the output range), range (see --in-range).")
    String scaling;

    @Option(names = "--in-range", paramLabel = "MIN,MAX", description = "Input grey range mapped to the output range (with --scaling range).")
    String inRange;

    @Option(names = "--compression", paramLabel = "NAME", description = "TIFF: none, deflate, lzw, packbits; Zarr: zlib, gzip, none.")
    String compression;

    @Mixin
    ReadOptionsMixin read;

    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() {
        VolumeIO.writerFor(out);
        Box box = crop == null ? null : Box.parse(crop, "--crop");
        DataType t = type == null ? null : DataType.parse(type, "--type");
        Scaling sc = parseScaling();
        double lo = Double.NaN;
        double hi = Double.NaN;
        if (sc == Scaling.RANGE) {
            String[] p = inRange == null ? new String[0] : inRange.split(",");
            try {
                lo = Double.parseDouble(p[0].trim());
                hi = Double.parseDouble(p[1].trim());
            } catch (RuntimeException e) {
                throw new ParameterException("--in-range must be MIN,MAX (numbers) with --scaling range, got '" + inRange + "'");
            }
        }
        if (sc != Scaling.NONE && t == null) {
            throw new ParameterException("--scaling needs --type");
        }
        Volume v = VolumeIO.read(in, read.toOptions(), Cli.progress());
        try {
            if (box != null) {
                Volume c = v.crop(box);
                v.close();
                v = c;
            }
            if (t != null) {
                Volume c = TypeConversion.convert(v, t, sc, lo, hi, Cli.progress()).volume();
                v.close();
                v = c;
            }
            VolumeIO.write(v, out, new WriteOptions(compression, null), Cli.progress());
            Cli.out().printf("wrote %s: %s %s, voxel size %s%n", out, v.dims(), v.type().label(), v.spacing());
            if (out.toString().endsWith(".raw")) {
                Cli.out().printf("read it back with: --raw-dims %d,%d,%d --raw-type %s --raw-order little --spacing %s,%s,%s%n",
                        v.dims().nx(), v.dims().ny(), v.dims().nz(), v.type().label(), v.spacing().x(), v.spacing().y(), v.spacing().z());
            }
        } finally {
            v.close();
        }
        return 0;
    }

    private Scaling parseScaling() {
        for (Scaling s : Scaling.values()) {
            if (s.name().equalsIgnoreCase(scaling)) {
                return s;
            }
        }
        throw new ParameterException("--scaling must be none, auto or range, got '" + scaling + "'");
    }
}
