package org.tomolyte.image.distance;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;

/**
 * Exact Euclidean distance transform of a mask in micrometres, on anisotropic voxels.
 *
 * <p>For every voxel p the result is {@code min |p - q|} over the target voxels q (background or
 * foreground, see {@link DistanceTo}), where {@code |p - q|} is the physical distance between voxel
 * centres, {@code sqrt((dx*sx)^2 + (dy*sy)^2 + (dz*sz)^2)} um. It equals scipy's
 * {@code ndimage.distance_transform_edt(mask, sampling=(sz, sy, sx))} (numpy axis order z, y, x).
 * Only voxels inside the volume count as targets: nothing is assumed outside it.
 *
 * <p>Method: the separable exact algorithm of A. Meijster, J.B.T.M. Roerdink and W.H. Hesselink
 * (2000) in the lower-envelope-of-parabolas form of P.F. Felzenszwalb and D.P. Huttenlocher,
 * "Distance transforms of sampled functions", Theory of Computing 8 (2012) 415-428, with positions
 * in micrometres along each axis. The first pass finds the distance along x to the nearest target
 * of each row; the passes along y and then z each replace a line of squared distances f by
 * {@code min_j ((p_i - p_j)^2 + f_j)}. That minimum is found, for blocks of 128 adjacent lines,
 * by a windowed scan that visits only the positions j closer than the current distance, as the
 * second phase of T. Saito and J. Toriwaki, "New algorithms for Euclidean distance
 * transformation of an n-dimensional digitized picture with applications", Pattern Recognition
 * 27 (1994) 1551-1565, does (short distances, as in porous solids; vectorised across the lines),
 * and otherwise by the lower envelope of parabolas, whose cost does not depend on the distances
 * (see the pass's comment).
 * Squared distances are held in the F32 output between passes (4 bytes per voxel) and the square
 * root is taken in the last pass; each line is computed in double. The relative rounding of the
 * result is that of float (about 2e-7; the two ways of finding the minimum can differ by one
 * float unit where two candidates tie), so distances below 500 um are within 1e-4 um of the exact
 * value.
 *
 * <p>Memory: the output plus per-task buffers of two blocks of 128 lines (about 1 MiB per thread
 * for a 1024-voxel axis); the input is read, never copied. Work is split on a fixed grid (one
 * task per z slice for the x and y passes, one per y row for the z pass, blocks of 128 x
 * columns); every block is computed independently, so the result is bit-identical for any
 * thread count.
 *
 * <p>A volume without any target voxel (no background for {@link DistanceTo#BACKGROUND}) gives
 * {@code +Infinity} everywhere. scipy returns finite but meaningless values there (distances to
 * a point outside the array), so this is the one documented difference.
 *
 * {@snippet :
 * Volume d = EuclideanDistance.transform(mask, DistanceTo.BACKGROUND); // F32, um
 * }
 */
public final class EuclideanDistance {

    /**
     * Columns handled together by the y and z passes (one contiguous read per line position); 128
     * was the fastest of 64, 128, 256 and 512 for the scan on the 512^3 pellet phantom.
     */
    static final int COLUMN_BLOCK = 128;

    private EuclideanDistance() {
    }

    /** {@link #transform(Volume, DistanceTo, Progress)} without progress reports. */
    public static Volume transform(Volume mask, DistanceTo to) {
        return transform(mask, to, Progress.NONE);
    }

    /**
     * The Euclidean distance map of {@code mask} in micrometres.
     *
     * @param mask     any type; nonzero is foreground
     * @param to       what distances are measured to
     * @param progress progress reports
     * @return a new F32 volume with the size and spacing of {@code mask}, distances in um
     */
    public static Volume transform(Volume mask, DistanceTo to, Progress progress) {
        return compute(mask, to, true, Double.POSITIVE_INFINITY, progress);
    }

    /**
     * Squared distances in um^2 (the transform before its square root), F32, computed only as far
     * as {@code maxUm2}; used where a distance is compared with a radius, as the ball morphology
     * does. Partial squared distances above {@code maxUm2} are dropped during the passes (a
     * partial sum never exceeds the total), so a voxel whose squared distance is at most
     * {@code maxUm2} gets the same value as without the limit (up to float rounding), and any
     * other voxel gets a value above {@code maxUm2} or {@code +Infinity}.
     *
     * @param mask     any type; nonzero is foreground
     * @param to       what distances are measured to
     * @param maxUm2   largest squared distance of interest in um^2, &gt;= 0 ({@code +Infinity}: no limit)
     * @param progress progress reports
     * @return a new F32 volume of squared distances in um^2, {@code +Infinity} where there is no
     *         target (within the limit)
     */
    public static Volume squaredUm2(Volume mask, DistanceTo to, double maxUm2, Progress progress) {
        return compute(mask, to, false, maxUm2, progress);
    }

    private static Volume compute(Volume mask, DistanceTo to, boolean sqrt, double maxUm2, Progress progress) {
        Dims d = mask.dims();
        Spacing s = mask.spacing();
        Volume out = Volume.allocateLike(mask, DataType.F32);
        try {
            progress.start("distance transform", (long) d.nz() + d.ny());
            long slice = d.sliceVoxels();
            int block = Math.min(d.nx(), COLUMN_BLOCK);
            boolean sqrtAfterY = sqrt && d.nz() == 1;
            // buffers are reused by later tasks (each task overwrites what it reads), so that
            // the heap does not grow with the rate of short-lived buffers
            Reuse<RowPass> xs = new Reuse<>(() -> new RowPass(d.nx(), s.x(), to, maxUm2));
            Reuse<LinePass> ys = new Reuse<>(() -> new LinePass(d.ny(), block, s.y(), maxUm2));
            Parallel.forEach(d.nz(), z -> {
                RowPass rows = xs.take();
                LinePass lines = ys.take();
                long base = z * slice;
                for (int y = 0; y < d.ny(); y++) {
                    rows.run(mask, out, base + (long) y * d.nx());
                }
                lines.run(out, base, d.nx(), d.nx(), sqrtAfterY);
                xs.give(rows);
                ys.give(lines);
            }, progress);
            if (d.nz() > 1) {
                Reuse<LinePass> zs = new Reuse<>(() -> new LinePass(d.nz(), block, s.z(), maxUm2));
                Parallel.forEach(d.ny(), y -> {
                    LinePass lines = zs.take();
                    lines.run(out, (long) y * d.nx(), slice, d.nx(), sqrt);
                    zs.give(lines);
                }, progress);
            } else {
                progress.advance(d.ny());
            }
            progress.done();
            return out;
        } catch (RuntimeException | Error e) {
            out.close();
            throw e;
        }
    }

    /** Work buffers handed from one task to the next: at most one per thread is ever made. */
    private static final class Reuse<T> {
        private final ConcurrentLinkedQueue<T> idle = new ConcurrentLinkedQueue<>();
        private final Supplier<T> make;

        Reuse(Supplier<T> make) {
            this.make = make;
        }

        T take() {
            T t = idle.poll();
            return t != null ? t : make.get();
        }

        void give(T t) {
            idle.add(t);
        }
    }

    /** The pass along x: squared distance (um^2) to the nearest target in the same row. */
    private static final class RowPass {
        private final int n;
        private final DistanceTo to;
        private final byte[] bytes;
        private final float[] floats;
        private final double[] doubles;
        private final int[] left;
        private final float[] row;
        /** {@code squares[k] = (k * sx)^2} as float, for k in 0..n-1 (+Infinity above the limit). */
        private final float[] squares;

        RowPass(int n, double sx, DistanceTo to, double maxUm2) {
            this.n = n;
            this.to = to;
            this.bytes = new byte[n];
            this.floats = new float[n];
            this.doubles = new double[n];
            this.left = new int[n];
            this.row = new float[n];
            this.squares = new float[n];
            for (int k = 0; k < n; k++) {
                double u = k * sx;
                squares[k] = u * u <= maxUm2 ? (float) (u * u) : Float.POSITIVE_INFINITY;
            }
        }

        void run(Volume mask, Volume out, long start) {
            boolean flip = readTargets(mask, start);
            // distance to the nearest target on the left (> n - 1 when there is none), then on the right
            int last = -n - 1;
            for (int i = 0; i < n; i++) {
                if ((bytes[i] != 0) != flip) {
                    last = i;
                }
                left[i] = i - last;
            }
            int next = 2 * n + 1;
            for (int i = n - 1; i >= 0; i--) {
                if ((bytes[i] != 0) != flip) {
                    next = i;
                }
                int k = Math.min(left[i], next - i);
                row[i] = k < n ? squares[k] : Float.POSITIVE_INFINITY;
            }
            out.write(start, row, 0, n);
        }

        /**
         * Fills {@code bytes} so that a voxel is a target where {@code (bytes[i] != 0) != flip};
         * returns flip.
         */
        private boolean readTargets(Volume mask, long start) {
            switch (mask.type()) {
                case U8 -> {
                    mask.read(start, bytes, 0, n);
                    return to == DistanceTo.BACKGROUND;
                }
                case F64 -> {
                    mask.read(start, doubles);
                    for (int i = 0; i < n; i++) {
                        bytes[i] = (byte) (to.isTarget(doubles[i]) ? 1 : 0);
                    }
                    return false;
                }
                default -> {
                    mask.read(start, floats, 0, n);
                    for (int i = 0; i < n; i++) {
                        bytes[i] = (byte) (floats[i] != 0 ? 1 : 0);
                    }
                    return to == DistanceTo.BACKGROUND;
                }
            }
        }
    }

    /**
     * A pass along y or z over blocks of adjacent x columns: each line of squared distances f is
     * replaced by {@code min_j ((p_i - p_j)^2 + f_j)}.
     *
     * <p>Two methods give that minimum. The windowed scan ({@link #scan}) is used first: where
     * the distances are short, as in a porous solid, it visits only the few positions within
     * the current distance of each one, with the columns of the block innermost so that the
     * loops run on vectors without data-dependent branches. A block where some row would need
     * more than {@link #MAX_WINDOW} positions on a side (large empty regions) is left to the
     * lower envelope of parabolas, whose cost does not depend on the distances but whose
     * branches do not predict.
     *
     * <p>Two reductions keep the envelope's work proportional to what can change. It is built
     * only from the finite values that are not a 0 between two 0s (outside a run of zeros the
     * run's end points are nearer, inside it every result is 0). It is evaluated only where
     * {@code f > step^2}: any other parabola is at least {@code step^2} high there, so a
     * smaller value is already final.
     */
    static final class LinePass {
        /**
         * Most positions on each side of a row that {@link #scan} visits before it leaves the block
         * to the envelope. The break-even depends on the data (the envelope is cheap where few
         * parabolas are hidden): with 48, 93 % of the blocks of the 512^3 pellet phantom stay on
         * the scan (as fast as with 64 there), and a 512^3 mask with one background voxel in 10^5
         * takes 1.1x the envelope's time (1.2x with 64).
         */
        static final int MAX_WINDOW = 48;

        private final int n;
        private final int block;
        private final double step;
        private final double step2;
        private final double max;
        private float[] buf;
        /** The scan's results (swapped with {@code buf} when the scan succeeds). */
        private float[] res;
        /** The row being scanned. */
        private final double[] best;
        /** {@code sqd[d] = (d * step)^2}. */
        private final double[] sqd;
        private final double[] f;
        private final int[] parabolas;
        private final int[] open;
        private final double[] pv;
        private final double[] hv;
        private final double[] fv;
        private final double[] zv;
        private int parabolaCount;
        private int openCount;

        /**
         * @param n     line length in voxels
         * @param block most columns handled at once
         * @param step  voxel size along the line in um
         * @param max   largest squared distance kept, um^2 (larger results become +Infinity)
         */
        LinePass(int n, int block, double step, double max) {
            this.n = n;
            this.max = max;
            this.block = block;
            this.step = step;
            this.step2 = step * step;
            this.buf = new float[n * block];
            this.res = new float[n * block];
            this.best = new double[block];
            this.sqd = new double[n];
            for (int d = 0; d < n; d++) {
                double u = d * step;
                sqd[d] = u * u;
            }
            this.f = new double[n];
            this.parabolas = new int[n];
            this.open = new int[n];
            this.pv = new double[n];
            this.hv = new double[n];
            this.fv = new double[n];
            this.zv = new double[n];
        }

        /**
         * Transforms the lines starting at {@code base + x} for x in 0..nx-1, element j of a
         * line at {@code base + x + j * stride}; {@code sqrt} takes the square root of every
         * result (the last pass).
         */
        void run(Volume v, long base, long stride, int nx, boolean sqrt) {
            for (int x0 = 0; x0 < nx; x0 += block) {
                int w = Math.min(block, nx - x0);
                for (int j = 0; j < n; j++) {
                    v.read(base + x0 + j * stride, buf, j * w, w);
                }
                if (!scan(w)) {
                    for (int c = 0; c < w; c++) {
                        if (load(c, w)) {
                            evaluate(envelope(), c, w);
                        }
                    }
                }
                if (sqrt) {
                    for (int k = 0, end = n * w; k < end; k++) {
                        buf[k] = (float) Math.sqrt(buf[k]);
                    }
                }
                for (int j = 0; j < n; j++) {
                    v.write(base + x0 + j * stride, buf, j * w, w);
                }
            }
        }

        /**
         * The windowed scan of the block: for each row j and every column
         * {@code min_d (f_(j-d) + (d*step)^2, f_(j+d) + (d*step)^2)} over d = 0, 1, ... as long as
         * {@code (d*step)^2} is below the row's largest current value (a farther term cannot win,
         * f being &gt;= 0), in double, rounded to float once. The window of a row is first the
         * previous row's largest value (the square root of the result changes by at most step
         * from one row to the next, so this is rarely short) and is then extended until it
         * covers the row's own largest value. The results go to {@code res}, which then changes
         * place with {@code buf}. Returns false, leaving {@code buf} unchanged, when a row needs
         * more than {@link #MAX_WINDOW} positions on a side.
         */
        private boolean scan(int w) {
            // best (double) and buf (float) have different element types on purpose: C2
            // vectorises these loops only between arrays that cannot be the same object
            int stop = Math.min(n, MAX_WINDOW + 1);
            double guess = sqd[Math.min(n - 1, 4)];
            for (int j = 0; j < n; j++) {
                int row = j * w;
                for (int c = 0; c < w; c++) {
                    best[c] = buf[row + c];
                }
                int d = 1;
                double need = guess;
                double largest;
                while (true) {
                    for (; d < stop && sqd[d] < need && sqd[d] <= max; d++) {
                        double sq = sqd[d];
                        if (j >= d && j + d < n) {
                            // min(a, b) + sq rounds to min(a + sq, b + sq): rounding is monotone
                            for (int c = 0, lo = row - d * w, hi = row + d * w; c < w; c++) {
                                best[c] = Math.min(best[c], Math.min(buf[lo + c], buf[hi + c]) + sq);
                            }
                        } else if (j >= d || j + d < n) {
                            for (int c = 0, o = j >= d ? row - d * w : row + d * w; c < w; c++) {
                                best[c] = Math.min(best[c], buf[o + c] + sq);
                            }
                        }
                    }
                    largest = 0;
                    for (int c = 0; c < w; c++) {
                        largest = Math.max(largest, best[c]);
                    }
                    if (d >= n || sqd[d] >= largest || sqd[d] > max) {
                        break;
                    }
                    if (d > MAX_WINDOW) {
                        return false;
                    }
                    need = largest;
                }
                for (int c = 0; c < w; c++) {
                    double v = best[c];
                    res[row + c] = v <= max ? (float) v : Float.POSITIVE_INFINITY;
                }
                guess = largest;
            }
            float[] t = buf;
            buf = res;
            res = t;
            return true;
        }

        /**
         * Copies column c into {@code f} and lists the envelope candidates and the open positions
         * (see the class comment); false when nothing can change.
         */
        private boolean load(int c, int w) {
            int a = 0;
            int b = 0;
            double prev = 1;
            double cur = buf[c];
            for (int j = 0, k = c; j < n; j++, k += w) {
                double next = j + 1 < n ? buf[k + w] : 1;
                f[j] = cur;
                parabolas[a] = j;
                a += cur < Double.POSITIVE_INFINITY && !(cur == 0 && prev == 0 && next == 0) ? 1 : 0;
                open[b] = j;
                b += cur > step2 ? 1 : 0;
                prev = cur;
                cur = next;
            }
            parabolaCount = a;
            openCount = b;
            return a > 0 && b > 0;
        }

        /** Builds the lower envelope of the candidate parabolas; returns the index of its last one. */
        private int envelope() {
            int k = -1;
            for (int i = 0; i < parabolaCount; i++) {
                int q = parabolas[i];
                double fq = f[q];
                double pq = q * step;
                double hq = fq + pq * pq;
                double cut = Double.NEGATIVE_INFINITY;
                while (k >= 0) {
                    cut = (hq - hv[k]) / (2 * (pq - pv[k]));
                    if (k > 0 && cut <= zv[k]) {
                        k--;
                    } else {
                        break;
                    }
                }
                k++;
                pv[k] = pq;
                hv[k] = hq;
                fv[k] = fq;
                zv[k] = k == 0 ? Double.NEGATIVE_INFINITY : cut;
            }
            return k;
        }

        /** Writes the envelope's value at every open position of column c; parabola k is lowest on (zv[k], zv[k+1]]. */
        private void evaluate(int m, int c, int w) {
            int k = 0;
            for (int i = 0; i < openCount; i++) {
                int j = open[i];
                double p = j * step;
                while (k < m && zv[k + 1] < p) {
                    k++;
                }
                double u = p - pv[k];
                double dd = u * u + fv[k];
                buf[c + j * w] = dd <= max ? (float) dd : Float.POSITIVE_INFINITY;
            }
        }
    }
}
