package org.tomolyte.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.tomolyte.core.InputException;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;

/**
 * Reads and writes volumes in any registered {@link VolumeFormat}.
 *
 * <p>A source is a path, or {@code FILE.h5:/dataset/path} for a dataset inside an HDF5 file.
 * Formats are chosen by extension, directory layout or content: {@code .tif/.tiff} (also a
 * folder of single-slice TIFFs), {@code .raw} (needs a {@link RawLayout}), {@code .h5/.hdf5/.hdf},
 * {@code .npy}, {@code .zarr} (a directory). A {@link ReadOptions#spacing()} override replaces the
 * file's voxel size.
 *
 * <p>Writes are atomic: the format writes to a temporary sibling which is renamed over the
 * target only when complete, so a failed write leaves nothing half-written.
 */
public final class VolumeIO {

    private static final List<VolumeFormat> FORMATS = load();

    private VolumeIO() {
    }

    private static List<VolumeFormat> load() {
        List<VolumeFormat> list = new ArrayList<>();
        ServiceLoader.load(VolumeFormat.class, VolumeIO.class.getClassLoader()).forEach(list::add);
        return List.copyOf(list);
    }

    /** The registered formats. */
    public static List<VolumeFormat> formats() {
        return FORMATS;
    }

    /**
     * A parsed source: a file and, for container formats, a dataset inside it.
     *
     * @param file    the file or directory
     * @param dataset dataset path inside the container, or null
     */
    public record Source(Path file, String dataset) {

        /** Parses {@code PATH} or {@code PATH.h5:/dataset} (also {@code .hdf5}, {@code .hdf}, {@code .nxs}). */
        public static Source parse(String text) {
            if (text == null || text.isBlank()) {
                throw new ParameterException("input path must not be empty");
            }
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("(?i)^(.*\\.(?:h5|hdf5|hdf|nxs|cxi)):(/.*)$").matcher(text);
            if (m.matches()) {
                return new Source(Path.of(m.group(1)), m.group(2));
            }
            return new Source(Path.of(text), null);
        }
    }

    /** Reads {@code source} (see {@link Source#parse}). */
    public static Volume read(String source, ReadOptions options, Progress progress) {
        Source s = Source.parse(source);
        ReadOptions o = s.dataset() != null ? options.withDataset(s.dataset()) : options;
        return read(s.file(), o, progress);
    }

    /** Reads {@code path} with the format that accepts it. */
    public static Volume read(Path path, ReadOptions options, Progress progress) {
        VolumeFormat f = readerFor(path, options);
        Volume v = f.read(path, options, progress);
        return options.spacing() != null && !options.spacing().equals(v.spacing()) ? v.withSpacing(options.spacing()) : v;
    }

    /** Reads {@code path} with default options and no progress. */
    public static Volume read(Path path) {
        return read(path, ReadOptions.DEFAULT, Progress.NONE);
    }

    /** Size, type and calibration of {@code source} without reading voxels. */
    public static VolumeHeader probe(String source, ReadOptions options) {
        Source s = Source.parse(source);
        ReadOptions o = s.dataset() != null ? options.withDataset(s.dataset()) : options;
        VolumeHeader h = readerFor(s.file(), o).probe(s.file(), o);
        return o.spacing() != null ? new VolumeHeader(h.dims(), h.type(), o.spacing(), true, h.format(), h.detail()) : h;
    }

    /** The format that reads {@code path}. */
    public static VolumeFormat readerFor(Path path, ReadOptions options) {
        if (!Files.exists(path)) {
            throw new InputException(path + ": no such file or directory");
        }
        if (options.raw() != null) {
            return byName("raw");
        }
        for (VolumeFormat f : FORMATS) {
            if (f.canRead(path)) {
                return f;
            }
        }
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".raw")) {
            throw new ParameterException(path + ": a raw file needs --raw-dims NX,NY,NZ and --raw-type u8|u16|i32|f32");
        }
        throw new InputException(path + ": unknown volume format; expected .tif/.tiff (or a folder of them), .raw, .h5, .npy or .zarr");
    }

    /** The format that writes {@code path} (by extension). */
    public static VolumeFormat writerFor(Path path) {
        for (VolumeFormat f : FORMATS) {
            if (f.canWrite(path)) {
                return f;
            }
        }
        throw new ParameterException(path + ": cannot tell the output format from the extension; use .tif, .npy, .zarr or .raw");
    }

    /** The format called {@code name}. */
    public static VolumeFormat byName(String name) {
        for (VolumeFormat f : FORMATS) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new InternalException("volume format '" + name + "' is not registered");
    }

    /** Writes {@code volume} to {@code path} atomically, format by extension, format defaults. */
    public static void write(Volume volume, Path path) {
        write(volume, path, WriteOptions.DEFAULT, Progress.NONE);
    }

    /**
     * Writes {@code volume} to {@code path} atomically: the format writes a temporary sibling,
     * which replaces {@code path} only when complete. On failure nothing is left behind.
     */
    public static void write(Volume volume, Path path, WriteOptions options, Progress progress) {
        VolumeFormat f = writerFor(path);
        AtomicFiles.write(path, tmp -> f.write(volume, tmp, options, progress));
    }
}
