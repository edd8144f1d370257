package org.tomolyte.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.Progress;
import org.tomolyte.image.convert.Scaling;
import org.tomolyte.image.convert.TypeConversion;
import org.tomolyte.image.threshold.Select;
import org.tomolyte.image.threshold.Thresholds;
import org.tomolyte.testkit.CrackedPellet;
import org.tomolyte.testkit.Phantoms;

/**
 * The porous phantom the comparison runs on: the test kit's cracked LPS pellet
 * ({@link CrackedPellet}, paper 001) scaled to any size, as three u8 volumes ({@link InputKind}):
 * the grey image ({@code volume.convert} of the U16 grey to u8 with auto scaling) and the pore
 * and electrolyte masks ({@code threshold.global} Otsu, below and above).
 *
 * <p>Scaling keeps the look of {@link Phantoms#pelletConfig()} (128^3 voxels of 0.7 um): the pore
 * count grows with the number of voxels (400 per 128^3, so the porosity stays about 4 %), pore
 * radii stay 1.4-3.5 um, the two cracks' centres scale with the extent and their radii with the
 * smallest extent.
 *
 * <p>On disk ({@link #write}) each volume is a headerless little-endian u8 file, x fastest
 * ({@code numpy.fromfile(f, np.uint8).reshape(nz, ny, nx)}; ImageJ "Raw..." 8-bit), next to
 * {@code phantom.txt} describing size, voxel size, seed and the pellet's true porosity.
 */
public final class BenchPhantom {

    /** Voxel size of the phantom in um (isotropic, as the paper's synchrotron scans). */
    public static final double SPACING_UM = 0.7;

    /** Edge of the reference pellet of {@link Phantoms#pelletConfig()}, voxels. */
    private static final int REFERENCE_EDGE = 128;

    private BenchPhantom() {
    }

    /**
     * The three u8 volumes of one phantom; close it to free them.
     *
     * @param grey     u8 grey image
     * @param pores    u8 mask of pores and cracks
     * @param solid    u8 mask of the electrolyte
     * @param porosity the pellet's true porosity (pores and cracks), 0..1
     */
    public record Data(Volume grey, Volume pores, Volume solid, double porosity) implements AutoCloseable {

        /** The volume of {@code kind}. */
        public Volume get(InputKind kind) {
            return switch (kind) {
                case GREY -> grey;
                case PORES -> pores;
                case SOLID -> solid;
            };
        }

        /** Frees the three volumes. */
        @Override
        public void close() {
            grey.close();
            pores.close();
            solid.close();
        }
    }

    /** The pellet settings scaled to {@code dims} (every extent at least 16 voxels). */
    public static CrackedPellet.Config config(Dims dims) {
        if (Math.min(dims.nx(), Math.min(dims.ny(), dims.nz())) < 16) {
            throw new ParameterException("benchmark phantom size must be at least 16 voxels on each axis, got " + dims);
        }
        CrackedPellet.Config ref = Phantoms.pelletConfig();
        double fx = (double) dims.nx() / REFERENCE_EDGE;
        double fy = (double) dims.ny() / REFERENCE_EDGE;
        double fz = (double) dims.nz() / REFERENCE_EDGE;
        double fmin = Math.min(fx, Math.min(fy, fz));
        double minExtentUm = Math.min(dims.nx(), Math.min(dims.ny(), dims.nz())) * SPACING_UM;
        double poreMax = Math.min(ref.poreMaxRadiusUm(), minExtentUm / 4);
        double poreMin = Math.min(ref.poreMinRadiusUm(), poreMax);
        int pores = (int) Math.round(ref.poreCount() * (double) dims.voxels() / ((long) REFERENCE_EDGE * REFERENCE_EDGE * REFERENCE_EDGE));
        List<CrackedPellet.Crack> cracks = new ArrayList<>();
        for (CrackedPellet.Crack c : ref.cracks()) {
            cracks.add(new CrackedPellet.Crack(c.centreXUm() * fx, c.centreYUm() * fy, c.centreZUm() * fz, c.normalX(),
                    c.normalY(), c.normalZ(), c.apertureUm(), c.radiusUm() * fmin));
        }
        return new CrackedPellet.Config(dims, Spacing.isotropic(SPACING_UM), pores, poreMin, poreMax, ref.poreGapUm(),
                cracks, ref.electrolyteGrey(), ref.voidGrey(), ref.noiseSigma());
    }

    /** Generates the phantom of size {@code dims} in memory. */
    public static Data generate(Dims dims, long seed) {
        try (CrackedPellet.Phantom p = CrackedPellet.generate(config(dims), seed)) {
            Volume grey = TypeConversion.convert(p.grey(), DataType.U8, Scaling.AUTO, Double.NaN, Double.NaN, Progress.NONE).volume();
            double t = Thresholds.otsu(grey, 256);
            Volume pores = Thresholds.apply(grey, t, Select.BELOW, Progress.NONE);
            Volume solid = Thresholds.apply(grey, t, Select.ABOVE, Progress.NONE);
            return new Data(grey, pores, solid, p.truth().porosity());
        }
    }

    /**
     * Makes sure {@code dir} holds the phantom of size {@code dims} and {@code seed}: generates and
     * writes it unless {@code phantom.txt} there already describes exactly this phantom.
     *
     * @return true when it was generated, false when the files were reused
     */
    public static boolean ensure(Path dir, Dims dims, long seed) {
        String manifest = manifest(dims, seed, Double.NaN);
        Path m = dir.resolve("phantom.txt");
        try {
            if (Files.isRegularFile(m) && firstLines(Files.readString(m)).equals(firstLines(manifest)) && allPresent(dir, dims)) {
                return false;
            }
            Files.createDirectories(dir);
            try (Data d = generate(dims, seed)) {
                for (InputKind k : InputKind.values()) {
                    writeRaw(d.get(k), dir.resolve(k.fileName()));
                }
                Files.writeString(m, manifest(dims, seed, d.porosity()));
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark phantom to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Reads volume {@code kind} of the phantom in {@code dir} into native memory. */
    public static Volume load(Path dir, InputKind kind, Dims dims) {
        Path f = dir.resolve(kind.fileName());
        Volume v = Volume.allocate(dims, DataType.U8, Spacing.isotropic(SPACING_UM));
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            if (ch.size() != dims.voxels()) {
                throw new InputException(f + ": expected " + dims.voxels() + " bytes for a " + dims + " u8 volume, found " + ch.size());
            }
            MemorySegment seg = v.segment();
            long pos = 0;
            while (pos < seg.byteSize()) {
                long n = Math.min(1L << 30, seg.byteSize() - pos);
                java.nio.ByteBuffer b = seg.asSlice(pos, n).asByteBuffer();
                while (b.hasRemaining()) {
                    if (ch.read(b, pos + b.position()) < 0) {
                        throw new InputException(f + ": ended early at byte " + (pos + b.position()));
                    }
                }
                pos += n;
            }
            return v;
        } catch (IOException e) {
            v.close();
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            v.close();
            throw e;
        }
    }

    private static void writeRaw(Volume v, Path f) throws IOException {
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            MemorySegment seg = v.segment();
            long pos = 0;
            while (pos < seg.byteSize()) {
                long n = Math.min(1L << 30, seg.byteSize() - pos);
                java.nio.ByteBuffer b = seg.asSlice(pos, n).asByteBuffer();
                while (b.hasRemaining()) {
                    ch.write(b, pos + b.position());
                }
                pos += n;
            }
        }
        Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean allPresent(Path dir, Dims dims) throws IOException {
        for (InputKind k : InputKind.values()) {
            Path f = dir.resolve(k.fileName());
            if (!Files.isRegularFile(f) || Files.size(f) != dims.voxels()) {
                return false;
            }
        }
        return true;
    }

    /** The manifest lines that identify the phantom (everything before the porosity line). */
    private static String firstLines(String manifest) {
        int i = manifest.indexOf("porosity=");
        return i < 0 ? manifest : manifest.substring(0, i);
    }

    static String manifest(Dims dims, long seed, double porosity) {
        return String.format(Locale.ROOT, """
                tomolyte benchmark phantom: cracked LPS pellet (testkit CrackedPellet), u8, x fastest, little-endian, no header
                dims_vox=%d %d %d
                spacing_um=%s %s %s
                seed=%d
                files=grey.raw pores.raw solid.raw
                porosity=%.6f
                """, dims.nx(), dims.ny(), dims.nz(), SPACING_UM, SPACING_UM, SPACING_UM, seed, porosity);
    }
}
