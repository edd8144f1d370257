package org.tomolyte.image.filter;

import java.util.HashMap;
import java.util.Map;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.Check;

/**
 * Median over a cube of {@code (2r+1)^3} voxels, keeping the input type, with the
 * {@link Boundary#REFLECT} extension: the same voxels as
 * {@code scipy.ndimage.median_filter(image, size=2r+1)} (scipy's default mode), and the same
 * result, since the median of an odd count is one of the window's values.
 *
 * <p>Strategies, all exact:
 * <ul>
 * <li>radius 1 (3x3x3), any type: a forgetful selection network (keep 15 candidates, drop the
 * smallest and largest, add the next, until 3 remain; then the median of 3), run with min/max
 * on whole rows at once so that the JIT vectorises it;</li>
 * <li>radius &gt;= 2, U8/U16: a running histogram along x (Huang's method: add one yz-plane of
 * the cube, remove another, move the median to keep {@code (N-1)/2} values below it);</li>
 * <li>radius &gt;= 2, I32/F32: quickselect on the window.</li>
 * </ul>
 * F32 values are compared through an order-preserving integer key, so -0.0 sorts below +0.0 and
 * NaN above +infinity. F64 is not supported (convert first).
 *
 * <p>Work is split into fixed chunks of slices; each output voxel depends only on its window, so
 * results are identical for any thread count.
 */
public final class Median {

    private static final int SLICES_PER_TASK = 4;

    private Median() {
    }

    /**
     * The median filter.
     *
     * @param in        U8, U16, I32 or F32
     * @param radiusVox cube half-width in voxels, 0..64 (0 returns a copy)
     * @return a new volume of the input's type, size and voxel size
     * @throws InputException for an F64 input
     */
    public static Volume filter(Volume in, int radiusVox) {
        return filter(in, radiusVox, Progress.NONE);
    }

    /** As {@link #filter(Volume, int)}, reporting progress. */
    public static Volume filter(Volume in, int radiusVox, Progress progress) {
        Check.range("radius_vox", radiusVox, 0, 64);
        requireType(in.type());
        Volume out = Volume.allocateLike(in, in.type());
        try {
            Dims d = in.dims();
            int tasks = Separable.ceilDiv(d.nz(), SLICES_PER_TASK);
            progress.start("median", tasks);
            Parallel.forEach(tasks, t -> new Worker(in, out, radiusVox).run(t * SLICES_PER_TASK,
                    Math.min(d.nz(), (t + 1) * SLICES_PER_TASK)), progress);
            progress.done();
            return out;
        } catch (RuntimeException | Error e) {
            out.close();
            throw e;
        }
    }

    /** Throws unless {@code t} is a type the median filter keeps (U8, U16, I32, F32). */
    public static void requireType(DataType t) {
        if (t == DataType.F64) {
            throw new InputException("filter.median supports u8, u16, i32 and f32 images, got f64 (convert it to f32 first)");
        }
    }

    /** Order-preserving int key of a float. */
    static int floatKey(float f) {
        int b = Float.floatToRawIntBits(f);
        return b ^ ((b >> 31) & 0x7fffffff);
    }

    /** Inverse of {@link #floatKey}. */
    static float keyFloat(int k) {
        return Float.intBitsToFloat(k ^ ((k >> 31) & 0x7fffffff));
    }

    /** Per-task state: padded key slices and scratch arrays. */
    private static final class Worker {
        private final Volume in;
        private final Volume out;
        private final int r;
        private final int nx;
        private final int ny;
        private final int nz;
        private final int px;
        private final boolean isFloat;
        private final Map<Integer, int[]> slices = new HashMap<>();
        private final float[] fline;

        Worker(Volume in, Volume out, int r) {
            this.in = in;
            this.out = out;
            this.r = r;
            Dims d = in.dims();
            nx = d.nx();
            ny = d.ny();
            nz = d.nz();
            px = nx + 2 * r;
            isFloat = in.type() == DataType.F32;
            fline = new float[nx];
        }

        /** The x-padded keys of input slice {@code z}: row y at {@code y * px}. */
        private int[] slice(int z) {
            int[] s = slices.get(z);
            if (s != null) {
                return s;
            }
            s = new int[px * ny];
            for (int y = 0; y < ny; y++) {
                int o = y * px;
                long start = in.dims().index(0, y, z);
                if (isFloat) {
                    in.read(start, fline, 0, nx);
                    for (int x = 0; x < nx; x++) {
                        s[o + r + x] = floatKey(fline[x]);
                    }
                } else {
                    in.read(start, s, o + r, nx);
                }
                for (int p = 0; p < r; p++) {
                    s[o + p] = s[o + r + Boundary.REFLECT.map(p - r, nx)];
                    s[o + r + nx + p] = s[o + r + Boundary.REFLECT.map(nx + p, nx)];
                }
            }
            slices.put(z, s);
            return s;
        }

        void run(int z0, int z1) {
            int w = 2 * r + 1;
            int[][] rows = new int[w * w][];
            int[] rowOff = new int[w * w];
            int[] result = new int[nx];
            Kernel kernel = r == 0 ? null : r == 1 ? new Network(nx) : (in.type() == DataType.U8 || in.type() == DataType.U16)
                    ? new Histogram(r, in.type() == DataType.U8 ? 256 : 65536) : new Select(r);
            for (int z = z0; z < z1; z++) {
                int[][] zs = new int[w][];
                for (int dz = -r; dz <= r; dz++) {
                    zs[dz + r] = slice(Boundary.REFLECT.map(z + dz, nz));
                }
                final int zz = z;
                slices.keySet().removeIf(k -> !isNeeded(k, zz));
                for (int y = 0; y < ny; y++) {
                    for (int dz = 0; dz < w; dz++) {
                        for (int dy = 0; dy < w; dy++) {
                            rows[dz * w + dy] = zs[dz];
                            rowOff[dz * w + dy] = Boundary.REFLECT.map(y + dy - r, ny) * px;
                        }
                    }
                    if (kernel == null) {
                        System.arraycopy(rows[0], rowOff[0], result, 0, nx);
                    } else {
                        kernel.row(rows, rowOff, nx, result);
                    }
                    long start = out.dims().index(0, y, z);
                    if (isFloat) {
                        for (int x = 0; x < nx; x++) {
                            fline[x] = keyFloat(result[x]);
                        }
                        out.write(start, fline, 0, nx);
                    } else {
                        out.write(start, result, 0, nx);
                    }
                }
            }
        }

        /** Whether input slice {@code k} is in the window of output slice {@code z} or the next. */
        private boolean isNeeded(int k, int z) {
            for (int dz = -r; dz <= r + 1; dz++) {
                if (Boundary.REFLECT.map(z + dz, nz) == k) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Computes the medians of one output row from its {@code (2r+1)^2} padded input rows. */
    private interface Kernel {
        void row(int[][] rows, int[] rowOff, int nx, int[] result);
    }

    /**
     * Radius 1: forgetful selection on whole rows. 27 values, median rank 13 (0-based): keep 15
     * candidates; the smallest and largest of them cannot be the median, drop both and add the
     * next value; after 12 additions 3 remain and their median is the answer.
     */
    private static final class Network implements Kernel {
        private final int[][] pool;
        private final int[][] held = new int[15][];

        Network(int nx) {
            pool = new int[15][nx];
        }

        @Override
        public void row(int[][] rows, int[] rowOff, int nx, int[] result) {
            for (int k = 0; k < 15; k++) {
                held[k] = pool[k];
                load(rows, rowOff, k, held[k], nx);
            }
            int m = 15;
            for (int next = 15; next < 27; next++) {
                for (int i = 0; i + 1 < m; i += 2) {
                    cswap(held[i], held[i + 1], nx); // pairs: even slot <= odd slot
                }
                for (int i = 2; i < m; i += 2) {
                    cswap(held[0], held[i], nx); // smallest of the evens (and an unpaired last) to slot 0
                }
                for (int i = 3; i < m; i += 2) {
                    cswap(held[i], held[1], nx); // largest of the odds to slot 1
                }
                if ((m & 1) == 1) {
                    cswap(held[m - 1], held[1], nx); // the unpaired last may be the largest
                }
                load(rows, rowOff, next, held[0], nx); // drop the smallest: its slot takes the next value
                held[1] = held[m - 1]; // drop the largest
                m--;
            }
            int[] a = held[0];
            int[] b = held[1];
            int[] c = held[2];
            for (int x = 0; x < nx; x++) {
                int lo = Math.min(a[x], b[x]);
                int hi = Math.max(a[x], b[x]);
                result[x] = Math.max(lo, Math.min(hi, c[x]));
            }
        }

        private static void load(int[][] rows, int[] rowOff, int idx, int[] dst, int nx) {
            int row = idx / 3;
            int dx = idx % 3;
            System.arraycopy(rows[row], rowOff[row] + dx, dst, 0, nx);
        }

        private static void cswap(int[] lo, int[] hi, int n) {
            for (int x = 0; x < n; x++) {
                int a = lo[x];
                int b = hi[x];
                lo[x] = Math.min(a, b);
                hi[x] = Math.max(a, b);
            }
        }
    }

    /** Radius &gt;= 2 on U8/U16: Huang's running histogram along x. */
    private static final class Histogram implements Kernel {
        private final int r;
        private final int[] hist;
        private final int rank;
        private final int[] window;

        Histogram(int r, int bins) {
            this.r = r;
            this.hist = new int[bins];
            int w = 2 * r + 1;
            this.rank = w * w * w / 2;
            this.window = new int[w * w * w];
        }

        @Override
        public void row(int[][] rows, int[] rowOff, int nx, int[] result) {
            int w = 2 * r + 1;
            int nrows = rows.length;
            int[] h = hist;
            int n = 0;
            for (int k = 0; k < nrows; k++) {
                int[] row = rows[k];
                int o = rowOff[k];
                for (int dx = 0; dx < w; dx++) {
                    int v = row[o + dx];
                    h[v]++;
                    window[n++] = v;
                }
            }
            // the first window by selection (no scan over up to 65536 bins), then incremental
            int med = Quickselect.select(window, n, rank);
            int below = 0;
            for (int i = 0; i < n; i++) {
                below += window[i] < med ? 1 : 0;
            }
            result[0] = med;
            for (int x = 1; x < nx; x++) {
                for (int k = 0; k < nrows; k++) {
                    int[] row = rows[k];
                    int o = rowOff[k] + x;
                    int out = row[o - 1];
                    int add = row[o + w - 1];
                    h[out]--;
                    h[add]++;
                    below += (add < med ? 1 : 0) - (out < med ? 1 : 0);
                }
                while (below > rank) {
                    med--;
                    below -= h[med];
                }
                while (below + h[med] <= rank) {
                    below += h[med];
                    med++;
                }
                result[x] = med;
            }
            for (int k = 0; k < nrows; k++) {
                int[] row = rows[k];
                int o = rowOff[k] + nx - 1;
                for (int dx = 0; dx < w; dx++) {
                    h[row[o + dx]]--;
                }
            }
        }
    }

    /** Radius &gt;= 2 on I32/F32 keys: quickselect per voxel. */
    private static final class Select implements Kernel {
        private final int r;
        private final int[] window;

        Select(int r) {
            this.r = r;
            int w = 2 * r + 1;
            this.window = new int[w * w * w];
        }

        @Override
        public void row(int[][] rows, int[] rowOff, int nx, int[] result) {
            int w = 2 * r + 1;
            for (int x = 0; x < nx; x++) {
                int n = 0;
                for (int k = 0; k < rows.length; k++) {
                    System.arraycopy(rows[k], rowOff[k] + x, window, n, w);
                    n += w;
                }
                result[x] = Quickselect.select(window, n, n / 2);
            }
        }
    }
}
