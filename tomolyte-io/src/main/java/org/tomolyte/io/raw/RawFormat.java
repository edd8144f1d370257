package org.tomolyte.io.raw;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.tomolyte.core.InputException;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.io.RawLayout;
import org.tomolyte.io.ReadOptions;
import org.tomolyte.io.VolumeFormat;
import org.tomolyte.io.VolumeHeader;
import org.tomolyte.io.WriteOptions;

/**
 * Headerless raw voxels (x fastest, then y, then z), format name {@code raw}.
 *
 * <p>Reading memory-maps the file read-only with {@link Volume#mapRaw} using the
 * {@link RawLayout} given in {@link ReadOptions#raw()} (dimensions, type, byte order, header
 * offset): nothing is loaded, so a file larger than memory opens at once. Raw files are never
 * recognised by content ({@link #canRead} is false); {@link org.tomolyte.io.VolumeIO} routes to
 * this format by name when a raw layout is given. Writing streams the voxels little-endian with
 * no header; {@code .raw} outputs are written by this format.
 */
public final class RawFormat implements VolumeFormat {

    /** Creates the format (used by {@link java.util.ServiceLoader}). */
    public RawFormat() {
    }

    /** {@code raw}. */
    @Override
    public String name() {
        return "raw";
    }

    /** Always false: raw files carry no signature; they are read only when a layout is given. */
    @Override
    public boolean canRead(Path path) {
        return false;
    }

    /** True for a path ending in {@code .raw} (case-insensitive). */
    @Override
    public boolean canWrite(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".raw");
    }

    /**
     * The layout given in the options, after checking that the file holds at least
     * {@code offset + voxels * bytes} bytes.
     *
     * @throws ParameterException when no layout is given
     * @throws InputException     when the file is too short
     */
    @Override
    public VolumeHeader probe(Path path, ReadOptions options) {
        RawLayout layout = layout(path, options);
        long expected = expectedBytes(layout);
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw new InputException(path + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (size < expected) {
            throw new InputException(path + ": expected at least " + expected + " bytes for " + layout.dims() + " "
                    + layout.type().label() + " voxels after a " + layout.offsetBytes() + "-byte header, found " + size + " bytes");
        }
        Spacing s = options.spacing() != null ? options.spacing() : Spacing.UNIT;
        String order = layout.type().bytes() == 1 ? "" : layout.order() == ByteOrder.BIG_ENDIAN ? ", big-endian" : ", little-endian";
        return new VolumeHeader(layout.dims(), layout.type(), s, options.spacing() != null, name(),
                "raw " + layout.type().label() + order + ", " + layout.offsetBytes() + "-byte header, memory-mapped");
    }

    /**
     * Memory-maps the file read-only (no voxels are loaded). Spacing is the override in the
     * options, else 1 um.
     *
     * @throws ParameterException when no layout is given
     * @throws InputException     when the file is too short or cannot be mapped
     */
    @Override
    public Volume read(Path path, ReadOptions options, Progress progress) {
        RawLayout layout = layout(path, options);
        Spacing s = options.spacing() != null ? options.spacing() : Spacing.UNIT;
        return Volume.mapRaw(path, layout.offsetBytes(), layout.dims(), layout.type(), layout.order(), s, false);
    }

    /**
     * Streams the voxels little-endian with no header, converting big-endian volumes piece by
     * piece. Options are ignored.
     */
    @Override
    public void write(Volume volume, Path path, WriteOptions options, Progress progress) {
        progress.start("writing " + path.getFileName(), VoxelStreams.pieces(volume));
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            VoxelStreams.writeLittleEndian(volume, ch, progress);
        } catch (IOException e) {
            throw new InternalException(path + ": cannot write raw voxels (" + e.getMessage() + ")", e);
        } finally {
            progress.done();
        }
    }

    private static RawLayout layout(Path path, ReadOptions options) {
        if (options.raw() == null) {
            throw new ParameterException(path + ": a raw file needs --raw-dims NX,NY,NZ and --raw-type u8|u16|i32|f32");
        }
        return options.raw();
    }

    private static long expectedBytes(RawLayout layout) {
        return layout.offsetBytes() + Math.multiplyExact(layout.dims().voxels(), layout.type().bytes());
    }
}
