package org.tomolyte.analysis.porosity;

import java.util.ArrayList;
import java.util.List;

import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.Check;
import org.tomolyte.core.Parallel;

/**
 * Sums of voxel values over a regular grid of whole blocks, for one or several block sizes, in
 * one streaming pass over the volume (bulk row reads, no copy of the volume). Mask rows are counted
 * eight voxels at a time into per-word prefix counts ({@link NonzeroBytes}), so every block of
 * every size costs O(1) per row.
 *
 * <p>The grid starts at voxel (0, 0, 0); block (ix, iy, iz) of edge (bx, by, bz) voxels covers
 * x in [ix bx, (ix + 1) bx) and likewise for y and z. Only whole blocks are kept:
 * {@code nbx = nx / bx} (integer division) and so on; the partial blocks at the far edges are
 * dropped (their voxels still count in the whole-volume total). The volume is split into fixed
 * chunks of {@value #CHUNK} slices whatever the thread count and the chunks' partial sums are
 * added in chunk order, so sums of real values are bit-for-bit the same for any thread count
 * (sums of counts are exact anyway).
 */
public final class BlockSums {

    /** Slices per parallel task. */
    static final int CHUNK = 8;

    /** Most whole blocks of one size (tables and maps stay readable; 100^3). */
    public static final long MAX_BLOCKS = 1_000_000;

    private BlockSums() {
    }

    /**
     * Block sums for one block size.
     *
     * @param bx    block edge along x in voxels
     * @param by    block edge along y in voxels
     * @param bz    block edge along z in voxels
     * @param nbx   whole blocks along x ({@code nx / bx})
     * @param nby   whole blocks along y
     * @param nbz   whole blocks along z
     * @param sums  per block the sum of values (or count of nonzero voxels), index
     *              {@code (iz * nby + iy) * nbx + ix}
     */
    public record Grid(int bx, int by, int bz, int nbx, int nby, int nbz, double[] sums) {

        /** Voxels in one block. */
        public long blockVoxels() {
            return (long) bx * by * bz;
        }

        /** Number of blocks. */
        public int count() {
            return nbx * nby * nbz;
        }

        /** Flat index of block (ix, iy, iz). */
        public int index(int ix, int iy, int iz) {
            return (iz * nby + iy) * nbx + ix;
        }

        /** Whole blocks along axis 0, 1 or 2. */
        public int blocksAlong(int axis) {
            return switch (axis) {
                case 0 -> nbx;
                case 1 -> nby;
                default -> nbz;
            };
        }

        /** Block edge in voxels along axis 0, 1 or 2. */
        public int edgeAlong(int axis) {
            return switch (axis) {
                case 0 -> bx;
                case 1 -> by;
                default -> bz;
            };
        }
    }

    /**
     * Result of one pass.
     *
     * @param grids  one grid per requested block size, in request order
     * @param total  the sum (or nonzero count) over the whole volume, partial edge blocks included
     * @param voxels voxels in the volume
     */
    public record Result(List<Grid> grids, double total, long voxels) {
    }

    /**
     * Block edge in voxels per axis for a cube of {@code blockUm}: {@code round(blockUm / spacing)}
     * per axis (anisotropic voxels give different edges).
     *
     * @param param   parameter name for messages
     * @param blockUm cube edge in um, &gt; 0
     * @param dims    volume size; every edge must be 1..the volume's size along that axis
     * @param spacing voxel size in um
     * @return {bx, by, bz}
     * @throws ParameterException when an edge rounds to 0 voxels or exceeds the volume, or there would be more than
     *                            {@link #MAX_BLOCKS} whole blocks
     */
    public static int[] edgeVoxels(String param, double blockUm, Dims dims, Spacing spacing) {
        Check.greater(param, blockUm, 0);
        int[] e = new int[3];
        for (int a = 0; a < 3; a++) {
            long n = Math.round(blockUm / spacing.along(a));
            String axis = "xyz".substring(a, a + 1);
            if (n < 1) {
                throw new ParameterException(param + " " + Check.fmt(blockUm) + " is less than half a voxel along " + axis + " ("
                        + Check.fmt(spacing.along(a)) + " um); use at least " + Check.fmt(spacing.along(a) / 2) + " um");
            }
            if (n > dims.size(a)) {
                throw new ParameterException(param + " " + Check.fmt(blockUm) + " needs " + n + " voxels along " + axis
                        + " but the volume has " + dims.size(a) + " (" + Check.fmt(dims.size(a) * spacing.along(a)) + " um)");
            }
            e[a] = (int) n;
        }
        long blocks = (long) (dims.nx() / e[0]) * (dims.ny() / e[1]) * (dims.nz() / e[2]);
        if (blocks > MAX_BLOCKS) {
            throw new ParameterException(param + " " + Check.fmt(blockUm) + " gives " + blocks + " cubes of " + e[0] + "x" + e[1] + "x" + e[2]
                    + " voxels; at most " + MAX_BLOCKS + " are allowed: use a larger size");
        }
        return e;
    }

    /**
     * Sums over whole blocks of every size in {@code edges}, in one pass.
     *
     * @param v       the volume; with {@code nonzero} it must be U8 and voxels count 1 when nonzero;
     *                otherwise any type and voxels count their value
     * @param nonzero count nonzero voxels (masks) instead of summing values
     * @param edges   block edges {bx, by, bz} in voxels, each 1..the volume's size
     * @param progress advanced once per chunk of slices
     * @return the grids and the whole-volume total
     */
    public static Result compute(Volume v, boolean nonzero, List<int[]> edges, Progress progress) {
        if (nonzero && v.type() != DataType.U8) {
            throw new InternalException("block counts of nonzero voxels need a u8 mask, got " + v.type().label());
        }
        Dims d = v.dims();
        int nx = d.nx();
        int ny = d.ny();
        int nz = d.nz();
        int sizes = edges.size();
        int[][] e = new int[sizes][];
        int[][] nb = new int[sizes][];
        for (int s = 0; s < sizes; s++) {
            e[s] = edges.get(s).clone();
            nb[s] = new int[3];
            for (int a = 0; a < 3; a++) {
                if (e[s][a] < 1 || e[s][a] > d.size(a)) {
                    throw new InternalException("block edge " + e[s][a] + " out of 1.." + d.size(a) + " along axis " + a);
                }
                nb[s][a] = d.size(a) / e[s][a];
            }
        }
        int chunks = (nz + CHUNK - 1) / CHUNK;
        progress.start(nonzero ? "block counts" : "block sums", chunks);
        List<Partial> parts = Parallel.map(chunks, c -> chunk(v, nonzero, e, nb, c * CHUNK, Math.min(nz, (c + 1) * CHUNK)), progress);
        progress.done();
        double total = 0;
        double[][] sums = new double[sizes][];
        for (int s = 0; s < sizes; s++) {
            sums[s] = new double[nb[s][0] * nb[s][1] * nb[s][2]];
        }
        for (Partial p : parts) {
            total += p.total;
            for (int s = 0; s < sizes; s++) {
                if (p.layers[s] != null) {
                    int layer = nb[s][0] * nb[s][1];
                    int off = p.firstLayer[s] * layer;
                    double[] src = p.layers[s];
                    for (int k = 0; k < src.length; k++) {
                        sums[s][off + k] += src[k];
                    }
                }
            }
        }
        List<Grid> grids = new ArrayList<>(sizes);
        for (int s = 0; s < sizes; s++) {
            grids.add(new Grid(e[s][0], e[s][1], e[s][2], nb[s][0], nb[s][1], nb[s][2], sums[s]));
        }
        return new Result(List.copyOf(grids), total, d.voxels());
    }

    /** Partial sums of one chunk: per size the block layers it touches, and its total. */
    private record Partial(double total, int[] firstLayer, double[][] layers) {
    }

    private static Partial chunk(Volume v, boolean nonzero, int[][] e, int[][] nb, int z0, int z1) {
        int nx = v.dims().nx();
        int ny = v.dims().ny();
        int sizes = e.length;
        int[] first = new int[sizes];
        double[][] layers = new double[sizes][];
        for (int s = 0; s < sizes; s++) {
            int bz = e[s][2];
            int lo = z0 / bz;
            int hi = Math.min(nb[s][2] - 1, (z1 - 1) / bz);
            first[s] = lo;
            layers[s] = hi >= lo ? new double[(hi - lo + 1) * nb[s][0] * nb[s][1]] : null;
        }
        byte[] bytes = nonzero ? new byte[nx] : null;
        int[] words = nonzero ? new int[nx / 8 + 1] : null;
        double[] values = nonzero ? null : new double[nx];
        double[] rowBlocks = new double[nx];
        double total = 0;
        long slice = (long) nx * ny;
        for (int z = z0; z < z1; z++) {
            for (int y = 0; y < ny; y++) {
                long start = z * slice + (long) y * nx;
                if (nonzero) {
                    v.read(start, bytes, 0, nx);
                    total += NonzeroBytes.prefix(bytes, nx, words);
                } else {
                    v.read(start, values, 0, nx);
                    double t = 0;
                    for (int x = 0; x < nx; x++) {
                        t += values[x];
                    }
                    total += t;
                }
                for (int s = 0; s < sizes; s++) {
                    int iy = y / e[s][1];
                    int iz = z / e[s][2];
                    if (layers[s] == null || iy >= nb[s][1] || iz >= nb[s][2]) {
                        continue;
                    }
                    int nbx = nb[s][0];
                    if (nonzero) {
                        blockRowCounts(bytes, words, e[s][0], nbx, rowBlocks);
                    } else {
                        blockRowSums(values, e[s][0], nbx, rowBlocks);
                    }
                    int off = ((iz - first[s]) * nb[s][1] + iy) * nbx;
                    double[] dst = layers[s];
                    for (int ix = 0; ix < nbx; ix++) {
                        dst[off + ix] += rowBlocks[ix];
                    }
                }
            }
        }
        return new Partial(total, first, layers);
    }

    private static void blockRowCounts(byte[] row, int[] words, int bx, int nbx, double[] out) {
        for (int ix = 0, x = 0; ix < nbx; ix++) {
            out[ix] = NonzeroBytes.count(row, words, x, x + bx);
            x += bx;
        }
    }

    private static void blockRowSums(double[] row, int bx, int nbx, double[] out) {
        for (int ix = 0, x = 0; ix < nbx; ix++) {
            double t = 0;
            for (int end = x + bx; x < end; x++) {
                t += row[x];
            }
            out[ix] = t;
        }
    }
}
