package org.tomolyte.io.npy;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.io.ReadOptions;
import org.tomolyte.io.VolumeFormat;
import org.tomolyte.io.VolumeHeader;
import org.tomolyte.io.WriteOptions;
import org.tomolyte.io.raw.VoxelStreams;

/**
 * numpy {@code .npy} files (format versions 1.0, 2.0 and 3.0), format name {@code npy}.
 *
 * <p>Reads C-order arrays of shape (z, y, x), or (y, x) as a single slice, in the dtypes listed
 * in {@link NumpyDtype}. Dtypes whose bytes are those of a Tomolyte type ({@code u1 u2 i4 f4 f8},
 * either byte order) are memory-mapped read-only at the header's end instead of copied; the
 * others are converted into an allocated volume. NPY stores no voxel size: reads give 1 um
 * (unless overridden) and report the spacing as unknown.
 *
 * <p>Writes version 1.0 (2.0 when the header needs it), the little-endian dtype of the volume's
 * type ({@code |u1 <u2 <i4 <f4 <f8}), C order, shape (nz, ny, nx); {@code numpy.load} reads it.
 */
public final class NpyFormat implements VolumeFormat {

    /** Creates the format (used by {@link java.util.ServiceLoader}). */
    public NpyFormat() {
    }

    /** {@code npy}. */
    @Override
    public String name() {
        return "npy";
    }

    /** True for a regular file ending in {@code .npy} (case-insensitive). */
    @Override
    public boolean canRead(Path path) {
        return hasExtension(path) && Files.isRegularFile(path);
    }

    /** True for a path ending in {@code .npy} (case-insensitive). */
    @Override
    public boolean canWrite(Path path) {
        return hasExtension(path);
    }

    private static boolean hasExtension(Path path) {
        Path n = path.getFileName();
        return n != null && n.toString().toLowerCase(Locale.ROOT).endsWith(".npy");
    }

    /**
     * Size and type from the header; checks that the file holds all the data.
     *
     * @throws InputException for a bad magic, unsupported dtype or shape, Fortran order, or a truncated file
     */
    @Override
    public VolumeHeader probe(Path path, ReadOptions options) {
        Layout l = layout(path);
        Spacing s = options.spacing() != null ? options.spacing() : Spacing.UNIT;
        return new VolumeHeader(l.dims, l.dtype.target(), s, options.spacing() != null, name(),
                "npy v" + l.header.major() + "." + l.header.minor() + ", dtype " + l.header.descr() + " (" + l.dtype.label() + "), shape "
                        + l.header.shapeText() + (l.dtype.direct() ? ", memory-mapped" : ", converted to " + l.dtype.target().label()));
    }

    /**
     * Maps (direct dtypes) or converts the array; spacing is the override or 1 um.
     *
     * @throws InputException as {@link #probe}, or when a {@code u4} value exceeds 2^31-1
     */
    @Override
    public Volume read(Path path, ReadOptions options, Progress progress) {
        Layout l = layout(path);
        Spacing s = options.spacing() != null ? options.spacing() : Spacing.UNIT;
        if (l.dtype.direct()) {
            return Volume.mapRaw(path, l.header.dataOffset(), l.dims, l.dtype.target(), l.dtype.order(), s, false);
        }
        Volume out = Volume.allocate(l.dims, l.dtype.target(), s);
        long bytes = l.dims.voxels() * l.dtype.bytes();
        try (Arena arena = Arena.ofConfined();
             FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            MemorySegment src = ch.map(FileChannel.MapMode.READ_ONLY, l.header.dataOffset(), bytes, arena);
            progress.start("reading " + path.getFileName(), l.dims.nz());
            long slice = l.dims.sliceVoxels();
            for (int z = 0; z < l.dims.nz(); z++) {
                l.dtype.decode(src, z * slice * l.dtype.bytes(), out, z * slice, slice, path.toString());
                progress.advance(1);
            }
            progress.done();
            return out;
        } catch (IOException e) {
            out.close();
            throw new InputException(path + ": cannot read (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /** Writes a version 1.0 (or 2.0) header and the voxels little-endian, shape (nz, ny, nx). */
    @Override
    public void write(Volume volume, Path path, WriteOptions options, Progress progress) {
        Dims d = volume.dims();
        byte[] header = NpyHeader.encode(NumpyDtype.of(volume.type()).descr(), new long[]{d.nz(), d.ny(), d.nx()});
        progress.start("writing " + path.getFileName(), VoxelStreams.pieces(volume));
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer hb = ByteBuffer.wrap(header);
            while (hb.hasRemaining()) {
                ch.write(hb);
            }
            VoxelStreams.writeLittleEndian(volume, ch, progress);
        } catch (IOException e) {
            throw new InternalException(path + ": cannot write NPY (" + e.getMessage() + ")", e);
        } finally {
            progress.done();
        }
    }

    private record Layout(NpyHeader header, NumpyDtype dtype, Dims dims) {
    }

    private static Layout layout(Path path) {
        NpyHeader h = NpyHeader.read(path);
        NumpyDtype dtype = NumpyDtype.parse(h.descr(), path.toString());
        if (h.fortranOrder()) {
            throw new InputException(path + ": NPY array is in Fortran order (fortran_order True); expected C order, e.g. save numpy.ascontiguousarray(a)");
        }
        long[] s = h.shape();
        if (s.length != 2 && s.length != 3) {
            throw new InputException(path + ": expected an NPY array of shape (z, y, x) or (y, x), found shape " + h.shapeText());
        }
        for (long n : s) {
            if (n < 1 || n > Integer.MAX_VALUE) {
                throw new InputException(path + ": expected every NPY axis to hold 1.." + Integer.MAX_VALUE + " elements, found shape " + h.shapeText());
            }
        }
        Dims dims = s.length == 3 ? new Dims((int) s[2], (int) s[1], (int) s[0]) : new Dims((int) s[1], (int) s[0], 1);
        long need = h.dataOffset() + Math.multiplyExact(dims.voxels(), (long) dtype.bytes());
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw new InputException(path + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (size < need) {
            throw new InputException(path + ": NPY data truncated; expected " + need + " bytes for shape " + h.shapeText() + " " + h.descr()
                    + " after a " + h.dataOffset() + "-byte header, found " + size + " bytes");
        }
        return new Layout(h, dtype, dims);
    }
}
