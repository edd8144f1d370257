package org.tomolyte.io.zarr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.tomolyte.core.Box;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.io.ReadOptions;
import org.tomolyte.io.VolumeFormat;
import org.tomolyte.io.VolumeHeader;
import org.tomolyte.io.WriteOptions;

/**
 * Zarr v2 directory stores, format name {@code zarr}; see the package documentation for the
 * supported subset. Reading and writing go chunk by chunk through {@link ZarrArray}, in
 * parallel; written bytes do not depend on the thread count.
 */
public final class ZarrFormat implements VolumeFormat {

    /** Creates the format (used by {@link java.util.ServiceLoader}). */
    public ZarrFormat() {
    }

    /** {@code zarr}. */
    @Override
    public String name() {
        return "zarr";
    }

    /** True for a directory holding a {@code .zarray} file. */
    @Override
    public boolean canRead(Path path) {
        return Files.isDirectory(path) && Files.isRegularFile(path.resolve(".zarray"));
    }

    /** True for a path ending in {@code .zarr} (case-insensitive). */
    @Override
    public boolean canWrite(Path path) {
        Path n = path.getFileName();
        return n != null && n.toString().toLowerCase(Locale.ROOT).endsWith(".zarr");
    }

    /** Size, type and spacing from {@code .zarray} and {@code .zattrs}. */
    @Override
    public VolumeHeader probe(Path path, ReadOptions options) {
        ZarrArray a = ZarrArray.open(path);
        ZarrMeta m = a.meta();
        Spacing s = options.spacing() != null ? options.spacing() : a.spacing();
        String codec = m.compressor().codec() == ZarrCompressor.Codec.NONE ? "uncompressed"
                : m.compressor().codec().name().toLowerCase(Locale.ROOT) + " level " + m.compressor().level();
        return new VolumeHeader(m.shape(), m.dtype().target(), s, options.spacing() != null || a.spacingKnown(), name(),
                "zarr v2, dtype " + m.dtype().descr() + " (" + m.dtype().label() + "), chunks " + m.chunks() + ", " + codec);
    }

    /** Reads every chunk (in parallel) into a new volume; spacing from {@code .zattrs} unless overridden. */
    @Override
    public Volume read(Path path, ReadOptions options, Progress progress) {
        ZarrArray a = ZarrArray.open(path);
        progress.start("reading " + path.getFileName(), a.grid().count());
        try {
            Volume v = a.readBox(Box.of(a.meta().shape()), progress);
            return options.spacing() != null ? v.withSpacing(options.spacing()) : v;
        } finally {
            progress.done();
        }
    }

    /**
     * Writes a rank-3 array: the volume's little-endian dtype, chunk edge
     * {@link WriteOptions#chunkEdge()} (default 64, clipped to the shape), compressor
     * {@link WriteOptions#compression()} ({@code zlib} level 1 by default, {@code gzip}, {@code none}),
     * fill value 0, and {@code .zattrs} with the spacing.
     */
    @Override
    public void write(Volume volume, Path path, WriteOptions options, Progress progress) {
        int edge = options.chunkEdge() != null ? options.chunkEdge() : 64;
        ZarrMeta meta = ZarrMeta.forVolume(volume.dims(), volume.type(), edge, ZarrCompressor.parseOption(options.compression()));
        ZarrArray a = ZarrArray.create(path, meta, volume.spacing());
        progress.start("writing " + path.getFileName(), a.grid().count());
        try {
            a.writeBox(Box.of(volume.dims()), volume, progress);
        } finally {
            progress.done();
        }
    }
}
