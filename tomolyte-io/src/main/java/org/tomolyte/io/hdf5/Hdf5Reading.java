package org.tomolyte.io.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
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
     * The Tomolyte type for the dataset's HDF5 type: uint8 -> U8, uint16 -> U16, int8/int16/int32
     * -> I32, float32 -> F32, float64 -> F64.
     *
     * @throws InputException for any other type
     */
    static DataType typeOf(Dataset d, Path file) {
        io.jhdf.object.datatype.DataType t = d.getDataType();
        DataType out = null;
        String found;
        if (t instanceof FixedPoint fp) {
            found = (fp.isSigned() ? "int" : "uint") + 8 * fp.getSize();
            out = switch (found) {
                case "uint8" -> DataType.U8;
                case "uint16" -> DataType.U16;
                case "int8", "int16", "int32" -> DataType.I32;
                default -> null;
            };
        } else if (t instanceof FloatingPoint fl) {
            found = "float" + 8 * fl.getSize();
            out = fl.getSize() == 4 ? DataType.F32 : fl.getSize() == 8 ? DataType.F64 : null;
        } else {
            found = t.getClass().getSimpleName();
        }
        if (out == null) {
            throw new InputException(file + ":" + d.getPath() + ": HDF5 type " + found
                    + " is not supported; expected uint8, uint16, int8, int16, int32, float32 or float64");
        }
        return out;
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
     * Reads the whole dataset into a new volume in blocks of whole slices (or of rows, when one
     * slice exceeds {@link #BLOCK_VOXELS}) with jhdf's slice reads, so the heap holds one block at
     * a time. Progress advances one per block.
     */
    static Volume read(Dataset d, Path file, Spacing spacing, Progress progress) {
        Dims dims = dimsOf(d, file);
        DataType type = typeOf(d, file);
        boolean rank3 = d.getDimensions().length == 3;
        long slice = dims.sliceVoxels();
        int kz = (int) Math.max(1, Math.min(dims.nz(), BLOCK_VOXELS / slice));
        int ky = slice <= BLOCK_VOXELS ? dims.ny() : (int) Math.max(1, BLOCK_VOXELS / dims.nx());
        Volume out = Volume.allocate(dims, type, spacing);
        try {
            long blocks = (long) ((dims.nz() + kz - 1) / kz) * ((dims.ny() + ky - 1) / ky);
            progress.start("reading " + file.getFileName() + ":" + d.getPath(), blocks);
            for (int z = 0; z < dims.nz(); z += kz) {
                int nz = Math.min(kz, dims.nz() - z);
                for (int y = 0; y < dims.ny(); y += ky) {
                    int ny = Math.min(ky, dims.ny() - y);
                    Object block;
                    try {
                        block = rank3 ? d.getData(new long[]{z, y, 0}, new int[]{nz, ny, dims.nx()})
                                : d.getData(new long[]{y, 0}, new int[]{ny, dims.nx()});
                    } catch (HdfException e) {
                        throw new InputException(file + ":" + d.getPath() + ": cannot read data (" + oneLine(e.getMessage()) + ")", e);
                    }
                    long end = put(block, out, dims.index(0, y, z));
                    if (end != dims.index(0, y, z) + (long) nz * ny * dims.nx()) {
                        throw new InternalException(file + ":" + d.getPath() + ": jhdf returned " + (end - dims.index(0, y, z))
                                + " values for a block of " + (long) nz * ny * dims.nx());
                    }
                    progress.advance(1);
                }
            }
            progress.done();
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
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
