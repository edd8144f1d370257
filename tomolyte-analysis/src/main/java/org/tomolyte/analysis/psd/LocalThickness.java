package org.tomolyte.analysis.psd;

import java.util.Arrays;
import java.util.List;
import org.tomolyte.core.BlockGrid;
import org.tomolyte.core.Box;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.image.distance.DistanceTo;
import org.tomolyte.image.distance.EuclideanDistance;

/**
 * Local thickness of a mask (T. Hildebrand and P. Rüegsegger, "A new method for the
 * model-independent assessment of thickness in three-dimensional images", J. Microscopy 185
 * (1997) 67-75): every mask voxel gets the diameter of the largest ball that contains it and
 * lies inside the mask. For pores this is the pore size distribution of paper 001 (Dixit et
 * al.), whose cracks are then found by removing the small pores.
 *
 * <p><b>Definition</b> (voxel centres, micrometres, anisotropic voxels). Let {@code D2(c)} be the
 * squared Euclidean distance in um^2 from mask voxel c to the nearest background voxel centre
 * (the image core's exact transform, {@link EuclideanDistance#squaredUm2}, F32). The ball of c
 * is the set of voxels p with {@code |p - c|^2 < D2(c)}, where
 * {@code |p - c|^2 = ((dx sx)^2 + (dy sy)^2) + (dz sz)^2} is evaluated in double in exactly that
 * order ({@link #distance2}): it holds no background voxel centre, so it is the largest ball
 * centred on c inside the mask. The local thickness of a mask voxel p is
 * <pre>T(p) = max { 2 sqrt(D2(c)) : c in the mask, |p - c|^2 &lt; D2(c) }</pre>
 * (as float; c = p always qualifies), and 0 outside the mask. Only voxels inside the volume count
 * as background: nothing is assumed beyond the border, so a structure cut by the border is
 * measured as far as the image shows it. A mask voxel exactly as far from c as the nearest
 * background voxel is inside the ball or not as the float rounding of the transform (relative
 * 2e-7) decides; a brute-force evaluation of the formula above on the same transform gives
 * bit-identical results (tested).
 *
 * <p><b>Method</b>, exact for that definition:
 * <ol>
 * <li>The distance ridge: a centre c is dropped when a 26-neighbour n satisfies
 * {@code sqrt(D2(c)) + |n - c| <= sqrt(D2(n))}; then c's ball lies inside n's (triangle
 * inequality) and n's larger value reaches every voxel c's would, so dropping c changes nothing.
 * Containment is transitive, so the kept centres cover the same maxima.</li>
 * <li>Painting: every kept centre writes {@code 2 sqrt(D2(c))} into each voxel of its ball where
 * the value there is smaller. The result is a maximum over balls, which does not depend on the
 * order of the balls, so this is equivalent to assigning in descending radius order without the
 * sort. Each ball row is one x run whose ends are found with the same expression as the
 * definition (floating-point addition is monotone, so the run is exactly the set of voxels
 * satisfying it).</li>
 * </ol>
 * Work runs on a fixed grid of z slabs (about 2^20 voxels each, independent of the thread count):
 * the ridge is found slice by slice, and each slab is painted in its own buffer by every ball
 * that reaches it, so the result is bit-identical for any number of threads. Memory: the F32
 * output, the F32 squared distances (freed on return), the ridge centres (12 bytes each) and one
 * 4 MiB buffer per thread. Time is proportional to the summed ball volume of the ridge centres.
 *
 * {@snippet :
 * LocalThickness.Result r = LocalThickness.compute(poreMask, Progress.NONE);
 * Volume thicknessUm = r.thickness(); // F32, um, 0 outside the mask
 * double d50 = r.distribution().d50Um();
 * }
 */
public final class LocalThickness {

    /** Voxels per painting slab. */
    static final long SLAB_VOXELS = 1 << 20;

    private LocalThickness() {
    }

    /**
     * A local thickness map and its volume-weighted distribution.
     *
     * @param thickness    F32, um, 0 outside the mask
     * @param distribution the distribution of the values over the mask voxels
     */
    public record Result(Volume thickness, ThicknessDistribution distribution) {
    }

    /**
     * The local thickness of the nonzero voxels of {@code mask}.
     *
     * @param mask     any type; nonzero is the phase measured (pores, particles)
     * @param progress progress reports
     * @return the thickness map (close it) and its distribution
     * @throws InputException when the mask has foreground but no background voxel (the
     *                        thickness is unbounded)
     */
    public static Result compute(Volume mask, Progress progress) {
        Dims d = mask.dims();
        if (d.sliceVoxels() > Integer.MAX_VALUE / 4) {
            throw new InputException("local thickness needs a slice of at most " + Integer.MAX_VALUE / 4
                    + " voxels, got " + d.sliceVoxels() + " (" + d + ")");
        }
        try (Volume d2 = EuclideanDistance.squaredUm2(mask, DistanceTo.BACKGROUND, Double.POSITIVE_INFINITY, progress)) {
            Spacing s = mask.spacing();
            progress.start("local thickness: ridge", d.nz());
            List<Centres> centres = Parallel.map(d.nz(), z -> ridge(d2, z), progress);
            progress.done();
            double maxD2 = 0;
            int total = 0;
            for (Centres c : centres) {
                for (float v : c.d2) {
                    if (v == Float.POSITIVE_INFINITY) {
                        throw new InputException("mask has no background voxel: local thickness is unbounded");
                    }
                    maxD2 = Math.max(maxD2, v);
                }
                total += c.d2.length;
            }
            float[] values = distinctThickness(centres, total);
            BlockGrid grid = BlockGrid.slabsOf(d, SLAB_VOXELS);
            Volume out = Volume.allocateLike(mask, DataType.F32);
            try {
                double reach = Math.sqrt(maxD2);
                progress.start("local thickness: paint", grid.count());
                List<ThicknessDistribution.Counts> parts = Parallel.map(grid.count(),
                        i -> paintSlab(d2, out, grid.box(i), centres, reach, values), progress);
                progress.done();
                return new Result(out, ThicknessDistribution.of(values, parts, s.voxelVolumeUm3()));
            } catch (RuntimeException | Error e) {
                out.close();
                throw e;
            }
        }
    }

    /**
     * The squared distance in um^2 between voxel centres {@code (dx, dy, dz)} voxels apart, in
     * the exact floating-point order of the definition.
     */
    static double distance2(int dx, int dy, int dz, Spacing s) {
        double a = dx * s.x();
        double b = dy * s.y();
        double c = dz * s.z();
        return (a * a + b * b) + c * c;
    }

    /** The ridge centres of one slice: positions and squared distances. */
    record Centres(int z, int[] x, int[] y, float[] d2) {
    }

    private static Centres ridge(Volume d2, int z) {
        Dims d = d2.dims();
        Spacing s = d2.spacing();
        int nx = d.nx();
        int ny = d.ny();
        int slice = (int) d.sliceVoxels();
        float[][] planes = new float[3][];
        for (int k = 0; k < 3; k++) {
            int zz = z + k - 1;
            if (zz >= 0 && zz < d.nz()) {
                planes[k] = new float[slice];
                d2.read(d.index(0, 0, zz), planes[k], 0, slice);
            }
        }
        double[] len = new double[27];
        for (int k = 0; k < 27; k++) {
            len[k] = Math.sqrt(distance2(k % 3 - 1, k / 3 % 3 - 1, k / 9 - 1, s));
        }
        IntList xs = new IntList();
        IntList ys = new IntList();
        FloatList vals = new FloatList();
        float[] mid = planes[1];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                float v = mid[y * nx + x];
                if (v > 0 && !contained(planes, len, x, y, nx, ny, v)) {
                    xs.add(x);
                    ys.add(y);
                    vals.add(v);
                }
            }
        }
        return new Centres(z, xs.toArray(), ys.toArray(), vals.toArray());
    }

    /** True when the ball of (x, y) lies inside the ball of a 26-neighbour. */
    private static boolean contained(float[][] planes, double[] len, int x, int y, int nx, int ny, float v) {
        double r = Math.sqrt(v);
        for (int k = 0; k < 27; k++) {
            float[] p = planes[k / 9];
            int xx = x + k % 3 - 1;
            int yy = y + k / 3 % 3 - 1;
            if (k == 13 || p == null || xx < 0 || yy < 0 || xx >= nx || yy >= ny) {
                continue;
            }
            float w = p[yy * nx + xx];
            if (w > v && r + len[k] <= Math.sqrt(w)) {
                return true;
            }
        }
        return false;
    }

    /** The sorted distinct thickness values {@code (float) (2 sqrt(D2))} of all centres. */
    private static float[] distinctThickness(List<Centres> centres, int total) {
        float[] all = new float[total];
        int k = 0;
        for (Centres c : centres) {
            for (float v : c.d2) {
                all[k++] = thickness(v);
            }
        }
        Arrays.sort(all);
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            if (n == 0 || all[i] != all[n - 1]) {
                all[n++] = all[i];
            }
        }
        return Arrays.copyOf(all, n);
    }

    /** Diameter in um of the ball of squared radius {@code d2}. */
    static float thickness(float d2) {
        return (float) (2 * Math.sqrt(d2));
    }

    private static ThicknessDistribution.Counts paintSlab(Volume d2, Volume out, Box box, List<Centres> centres,
                                                          double reach, float[] values) {
        Dims d = d2.dims();
        Spacing s = d2.spacing();
        int nx = d.nx();
        int ny = d.ny();
        int z0 = box.z0();
        int z1 = box.z1();
        long slice = d.sliceVoxels();
        int n = (int) ((z1 - z0) * slice);
        float[] buf = new float[n];
        int kz = (int) Math.floor(reach / s.z()) + 1;
        for (int zc = Math.max(0, z0 - kz); zc <= Math.min(d.nz() - 1, z1 - 1 + kz); zc++) {
            Centres c = centres.get(zc);
            for (int k = 0; k < c.d2.length; k++) {
                paintBall(buf, c.x[k], c.y[k], zc, c.d2[k], z0, z1, nx, ny, s);
            }
        }
        float[] mask = new float[n];
        d2.read(d.index(0, 0, z0), mask, 0, n);
        int[] idx = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (mask[i] > 0) {
                idx[m++] = Arrays.binarySearch(values, buf[i]);
            } else {
                buf[i] = 0;
            }
        }
        out.write(d.index(0, 0, z0), buf, 0, n);
        return ThicknessDistribution.Counts.of(idx, m);
    }

    /** Writes the thickness of the ball of centre (xc, yc, zc) into slices z0..z1-1 of {@code buf}. */
    private static void paintBall(float[] buf, int xc, int yc, int zc, float d2f, int z0, int z1, int nx, int ny, Spacing s) {
        double d2 = d2f;
        float value = thickness(d2f);
        double r = Math.sqrt(d2);
        int ky = (int) Math.floor(r / s.y()) + 1;
        int kz = (int) Math.floor(r / s.z()) + 1;
        int slice = nx * ny;
        for (int z = Math.max(z0, zc - kz); z <= Math.min(z1 - 1, zc + kz); z++) {
            int dz = z - zc;
            if (distance2(0, 0, dz, s) >= d2) {
                continue;
            }
            int zoff = (z - z0) * slice;
            for (int y = Math.max(0, yc - ky); y <= Math.min(ny - 1, yc + ky); y++) {
                int dy = y - yc;
                if (distance2(0, dy, dz, s) >= d2) {
                    continue;
                }
                int kx = halfWidth(dy, dz, d2, s);
                int row = zoff + y * nx;
                int x1 = Math.min(nx - 1, xc + kx);
                for (int x = Math.max(0, xc - kx); x <= x1; x++) {
                    if (buf[row + x] < value) {
                        buf[row + x] = value;
                    }
                }
            }
        }
    }

    /** Largest k with {@code distance2(k, dy, dz) < d2}; distance2(0, dy, dz) &lt; d2 holds. */
    private static int halfWidth(int dy, int dz, double d2, Spacing s) {
        double rest = distance2(0, dy, dz, s);
        int k = (int) (Math.sqrt(Math.max(0, d2 - rest)) / s.x());
        while (k > 0 && distance2(k, dy, dz, s) >= d2) {
            k--;
        }
        while (distance2(k + 1, dy, dz, s) < d2) {
            k++;
        }
        return k;
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] a = new int[64];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    /** A growable float array. */
    private static final class FloatList {
        private float[] a = new float[64];
        private int n;

        void add(float v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        float[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
