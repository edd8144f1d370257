package org.tomolyte.io.tiff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;
import org.tomolyte.io.ReadOptions;
import org.tomolyte.io.VolumeFormat;
import org.tomolyte.io.VolumeHeader;
import org.tomolyte.io.WriteOptions;

/**
 * The TIFF volume format ({@code tiff}): multi-page TIFF and BigTIFF stacks, or a folder of
 * TIFF files taken in natural name order, one page per z slice.
 *
 * <p>Reads classic TIFF and BigTIFF in either byte order, strips or tiles, one grey sample per
 * pixel: 1-bit (as U8 0/1), 8- and 16-bit unsigned (U8, U16), 8/16/32-bit signed and 32-bit
 * unsigned (I32; unsigned values above 2^31-1 are refused), 32- and 64-bit float (F32, F64);
 * compression none, LZW, Deflate (8 and 32946) and PackBits, with predictor 2. Calibration comes
 * from an ImageJ description or the resolution tags ({@link TiffCalibration}). Writes with
 * {@link TiffWriter}. Pixel data are read with positional reads, page by page, in parallel.
 */
public final class TiffFormat implements VolumeFormat {

    /** Creates the format (for {@link java.util.ServiceLoader}). */
    public TiffFormat() {
    }

    /** {@code tiff}. */
    @Override
    public String name() {
        return "tiff";
    }

    /** A .tif/.tiff file, or a folder that holds (non-hidden) .tif/.tiff files and no {@code .zarray}. */
    @Override
    public boolean canRead(Path path) {
        if (Files.isDirectory(path)) {
            if (Files.exists(path.resolve(".zarray"))) {
                return false;
            }
            try (Stream<Path> s = Files.list(path)) {
                return s.anyMatch(p -> TiffStack.isTiffName(p) && Files.isRegularFile(p));
            } catch (java.io.IOException e) {
                throw new InputException(path + ": cannot list the folder (" + e.getMessage() + ")", e);
            }
        }
        return Files.isRegularFile(path) && isTiffExtension(path);
    }

    /** A path ending in .tif or .tiff. */
    @Override
    public boolean canWrite(Path path) {
        return isTiffExtension(path);
    }

    private static boolean isTiffExtension(Path path) {
        Path n = path.getFileName();
        String s = n == null ? "" : n.toString().toLowerCase(java.util.Locale.ROOT);
        return s.endsWith(".tif") || s.endsWith(".tiff");
    }

    /** Size, type, calibration and encoding from the image file directories only. */
    @Override
    public VolumeHeader probe(Path path, ReadOptions options) {
        return TiffStack.open(path).header();
    }

    /** Decodes every page into a new volume; one progress unit per page. */
    @Override
    public Volume read(Path path, ReadOptions options, Progress progress) {
        TiffStack stack = TiffStack.open(path);
        progress.start("reading " + path.getFileName(), stack.slices().size());
        try {
            return stack.read(progress);
        } finally {
            progress.done();
        }
    }

    /** Writes with {@link TiffWriter#of(WriteOptions)}; one progress unit per slice. */
    @Override
    public void write(Volume volume, Path path, WriteOptions options, Progress progress) {
        TiffWriter writer = TiffWriter.of(options);
        progress.start("writing " + path.getFileName(), volume.dims().nz());
        try {
            writer.write(volume, path, progress);
        } finally {
            progress.done();
        }
    }
}
