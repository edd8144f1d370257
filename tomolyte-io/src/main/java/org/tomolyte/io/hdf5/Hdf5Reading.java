package org.tomolyte.io.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.message.DataLayout;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.io.npy.NumpyDtype;

/** HDF5 reading shared by {@link Hdf5Format} and {@link Hdf5Projections}, on top of jhdf. */
final class Hdf5Reading {

    /** Voxels fetched per jhdf slice read: bounds the heap used by the boxed Java arrays jhdf returns. */
    static final long BLOCK_VOXELS = 1 << 22;

    private Hdf5Reading() {
    }

    /** Opens {@code file}; a file that is not HDF5 gives a one-line {@link InputException}. */
    static HdfFile open(Path file) {
        try {
            return new HdfFile(file);
        } catch (HdfException e) {
            throw new InputException(file + ": not a readable HDF5 file (" + oneLine(e.getMessage()) + ")", e);
        }
    }

    static String oneLine(String s) {
        return s == null ? "no detail" : s.replaceAll("\\s+", " ").strip();
    }

    /** All datasets of rank 2 or 3 under {@code group}, depth first in jhdf's child order (links are not followed). */
    static List<Dataset> volumeDatasets(Group group) {
        List<Dataset> out = new ArrayList<>();
        collect(group, out);
        return out;
    }

    private static void collect(Group g, List<Dataset> out) {
        for (Node n : g.getChildren().values()) {
            if (n.isLink()) {
                continue;
            }
            if (n instanceof Dataset d && !d.isScalar() && !d.isEmpty() && !d.isCompound()
                    && (d.getDimensions().length == 2 || d.getDimensions().length == 3)) {
                out.add(d);
            } else if (n instanceof Group sub) {
                collect(sub, out);
            }
        }
    }

    /** {@code /a (3D), /b (2D)} for messages. */
    static String listing(HdfFile f) {
        List<Dataset> ds = volumeDatasets(f);
        if (ds.isEmpty()) {
            return "none of rank 2 or 3";
        }
        return ds.stream().map(d -> d.getPath() + " (" + d.getDimensions().length + "D)").collect(Collectors.joining(", "));
    }

    /**
     * The dataset at {@code path}.
     *
     * @throws InputException when there is none (the message lists the 2D/3D datasets)
     */
    static Dataset dataset(HdfFile f, Path file, String path) {
        Node n;
        try {
            n = f.getByPath(path);
        } catch (HdfException e) {
            throw new InputException(file + ": no dataset " + path + "; datasets here: " + listing(f), e);
        }
        if (!(n instanceof Dataset d)) {
            throw new InputException(file + ": " + path + " is a group, not a dataset; datasets here: " + listing(f));
        }
        return d;
    }

    /**
     * The dataset's HDF5 type as a numpy-style item type: uint8, uint16, int8, int16, int32,
     * float32 or float64 in the dataset's byte order. Its {@link NumpyDtype#target()} is the
     * Tomolyte type: uint8 -> U8, uint16 -> U16, int8/int16/int32 -> I32, float32 -> F32, float64 -> F64.
     *
     * @throws InputException for any other type
     */
    static NumpyDtype storageOf(Dataset d, Path file) {
        io.jhdf.object.datatype.DataType t = d.getDataType();
        String found;
        NumpyDtype out = null;
        if (t instanceof FixedPoint fp) {
            found = (fp.isSigned() ? "int" : "uint") + 8 * fp.getSize();
            NumpyDtype.Kind kind = fp.isSigned() ? NumpyDtype.Kind.INT : NumpyDtype.Kind.UINT;
            boolean ok = fp.isSigned() ? fp.getSize() <= 4 && fp.getSize() != 3 : fp.getSize() == 1 || fp.getSize() == 2;
            out = ok ? new NumpyDtype(kind, fp.getSize(), fp.getByteOrder()) : null;
        } else if (t instanceof FloatingPoint fl) {
            found = "float" + 8 * fl.getSize();
            out = fl.getSize() == 4 || fl.getSize() == 8 ? new NumpyDtype(NumpyDtype.Kind.FLOAT, fl.getSize(), fl.getByteOrder()) : null;
        } else {
            found = t.getClass().getSimpleName();
        }
        if (out == null) {
            throw new InputException(file + ":" + d.getPath() + ": HDF5 type " + found
                    + " is not supported; expected uint8, uint16, int8, int16, int32, float32 or float64");
        }
        return out;
    }

    /** The Tomolyte type of the dataset's values (see {@link #storageOf}). */
    static DataType typeOf(Dataset d, Path file) {
        return storageOf(d, file).target();
    }

    /**
     * The volume size of a (z, y, x) or (y, x) dataset.
     *
     * @throws InputException for other ranks
     */
    static Dims dimsOf(Dataset d, Path file) {
        int[] s = d.getDimensions();
        if (s.length == 3 && s[0] > 0 && s[1] > 0 && s[2] > 0) {
            return new Dims(s[2], s[1], s[0]);
        }
        if (s.length == 2 && s[0] > 0 && s[1] > 0) {
            return new Dims(s[1], s[0], 1);
        }
        throw new InputException(file + ":" + d.getPath() + ": expected a 3D (z, y, x) or 2D (y, x) dataset, found shape "
                + Arrays.toString(s));
    }

    /**
     * Reads the whole dataset into a new volume a block at a time, so the heap holds one block:
     * chunked datasets chunk by chunk ({@link #readChunked}); contiguous ones with jhdf's slice
     * reads in blocks of whole slices (or of rows, when one slice exceeds {@link #BLOCK_VOXELS});
     * compact ones (at most 64 KiB) at once. Progress advances one per block.
     */
    static Volume read(Dataset d, Path file, Spacing spacing, Progress progress) {
        return read(d, file, spacing, progress, BLOCK_VOXELS);
    }

    /** As {@link #read(Dataset, Path, Spacing, Progress)} with contiguous blocks of at most about {@code blockVoxels} voxels (at least one row). */
    static Volume read(Dataset d, Path file, Spacing spacing, Progress progress, long blockVoxels) {
        Dims dims = dimsOf(d, file);
        NumpyDtype storage = storageOf(d, file);
        Volume out = Volume.allocate(dims, storage.target(), spacing);
        try {
            if (d instanceof ChunkedDataset cd) {
                readChunked(cd, file, storage, out, progress);
            } else if (d.getDataLayout() == DataLayout.COMPACT) {
                progress.start("reading " + file.getFileName() + ":" + d.getPath(), 1);
                checkCount(put(fetch(d, file, null, null), out, 0), dims.voxels(), d, file);
                progress.advance(1);
            } else {
                readSlabs(d, file, out, progress, blockVoxels);
            }
            progress.done();
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    private static void readSlabs(Dataset d, Path file, Volume out, Progress progress, long blockVoxels) {
        Dims dims = out.dims();
        boolean rank3 = d.getDimensions().length == 3;
        long slice = dims.sliceVoxels();
        int kz = (int) Math.max(1, Math.min(dims.nz(), blockVoxels / slice));
        int ky = slice <= blockVoxels ? dims.ny() : (int) Math.max(1, Math.min(dims.ny(), blockVoxels / dims.nx()));
        long blocks = (long) ((dims.nz() + kz - 1) / kz) * ((dims.ny() + ky - 1) / ky);
        progress.start("reading " + file.getFileName() + ":" + d.getPath(), blocks);
        for (int z = 0; z < dims.nz(); z += kz) {
            int nz = Math.min(kz, dims.nz() - z);
            for (int y = 0; y < dims.ny(); y += ky) {
                int ny = Math.min(ky, dims.ny() - y);
                Object block = rank3 ? fetch(d, file, new long[]{z, y, 0}, new int[]{nz, ny, dims.nx()})
                        : fetch(d, file, new long[]{y, 0}, new int[]{ny, dims.nx()});
                long start = dims.index(0, y, z);
                checkCount(put(block, out, start) - start, (long) nz * ny * dims.nx(), d, file);
                progress.advance(1);
            }
        }
    }

    private static Object fetch(Dataset d, Path file, long[] offset, int[] shape) {
        try {
            return offset == null ? d.getData() : d.getData(offset, shape);
        } catch (HdfException e) {
            throw new InputException(file + ":" + d.getPath() + ": cannot read data (" + oneLine(e.getMessage()) + ")", e);
        }
    }

    private static void checkCount(long got, long expected, Dataset d, Path file) {
        if (got != expected) {
            throw new InternalException(file + ":" + d.getPath() + ": jhdf returned " + got + " values for a block of " + expected);
        }
    }

    /**
     * Reads a chunked dataset chunk by chunk with {@link ChunkedDataset#getDecompressedChunk}
     * (chunks are addressed by the element offset of their first voxel and stored full size),
     * copying each chunk's part inside the dataset into {@code out}; a chunk that was never
     * written reads as the dataset's fill value (0 when none). jhdf 0.9.4's sliced
     * {@code getData(offset, shape)} cannot be used here: for chunked datasets it returns zeros
     * outside the first chunk (jhdf issue #727).
     */
    private static void readChunked(ChunkedDataset d, Path file, NumpyDtype storage, Volume out, Progress progress) {
        Dims dims = out.dims();
        int[] c = d.getChunkDimensions();
        boolean rank3 = c.length == 3;
        int cz = rank3 ? c[0] : 1;
        int cy = rank3 ? c[1] : c[0];
        int cx = rank3 ? c[2] : c[1];
        long chunkBytes = (long) cz * cy * cx * storage.bytes();
        double fill = fillValue(d);
        int nbz = (dims.nz() + cz - 1) / cz;
        int nby = (dims.ny() + cy - 1) / cy;
        int nbx = (dims.nx() + cx - 1) / cx;
        progress.start("reading " + file.getFileName() + ":" + d.getPath(), (long) nbz * nby * nbx);
        for (int z0 = 0; z0 < dims.nz(); z0 += cz) {
            for (int y0 = 0; y0 < dims.ny(); y0 += cy) {
                for (int x0 = 0; x0 < dims.nx(); x0 += cx) {
                    int[] offset = rank3 ? new int[]{z0, y0, x0} : new int[]{y0, x0};
                    byte[] chunk = chunk(d, file, offset);
                    if (chunk != null && chunk.length != chunkBytes) {
                        throw new InputException(file + ":" + d.getPath() + ": chunk at " + Arrays.toString(offset)
                                + " holds " + chunk.length + " bytes, expected " + chunkBytes);
                    }
                    MemorySegment src = chunk == null ? null : MemorySegment.ofArray(chunk);
                    int run = Math.min(cx, dims.nx() - x0);
                    for (int z = z0; z < Math.min(dims.nz(), z0 + cz); z++) {
                        for (int y = y0; y < Math.min(dims.ny(), y0 + cy); y++) {
                            long dst = dims.index(x0, y, z);
                            if (src == null) {
                                for (int k = 0; k < run; k++) {
                                    out.set(dst + k, fill);
                                }
                            } else {
                                long off = ((long) (z - z0) * cy + (y - y0)) * cx * storage.bytes();
                                storage.decode(src, off, out, dst, run, file + ":" + d.getPath());
                            }
                        }
                    }
                    progress.advance(1);
                }
            }
        }
    }

    /** The decompressed chunk at element {@code offset}, or null when the chunk was never written. */
    private static byte[] chunk(ChunkedDataset d, Path file, int[] offset) {
        try {
            return d.getDecompressedChunk(offset);
        } catch (HdfException e) {
            String m = e.getMessage();
            if (m != null && m.startsWith("No chunk with offset")) {
                return null;
            }
            throw new InputException(file + ":" + d.getPath() + ": cannot read chunk at " + Arrays.toString(offset)
                    + " (" + oneLine(m) + ")", e);
        }
    }

    private static double fillValue(Dataset d) {
        Object f = d.getFillValue();
        return f instanceof Number n ? n.doubleValue() : 0;
    }

    /** Stores the values of a (nested) Java array from jhdf at consecutive indices from {@code i}; returns the next index. */
    private static long put(Object a, Volume v, long i) {
        long k = i;
        switch (a) {
            case Object[] arr -> {
                for (Object o : arr) {
                    k = put(o, v, k);
                }
            }
            case byte[] arr -> {
                for (byte x : arr) {
                    v.set(k++, x);
                }
            }
            case short[] arr -> {
                for (short x : arr) {
                    v.set(k++, x);
                }
            }
            case int[] arr -> {
                for (int x : arr) {
                    v.set(k++, x);
                }
            }
            case long[] arr -> {
                for (long x : arr) {
                    v.set(k++, x);
                }
            }
            case float[] arr -> {
                for (float x : arr) {
                    v.set(k++, x);
                }
            }
            case double[] arr -> {
                for (double x : arr) {
                    v.set(k++, x);
                }
            }
            default -> throw new InternalException("unexpected array type from jhdf: " + a.getClass().getName());
        }
        return k;
    }
}
