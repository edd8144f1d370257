package org.tomolyte.analysis.profile;

import org.tomolyte.core.Axis;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;

/**
 * Per-slice statistics of a grey image along an axis: for every index i along the axis, the
 * mean, population standard deviation, min and max of the voxels with that coordinate, and with a
 * label volume the voxel count of every label value in that slice (phase fractions through the
 * thickness, e.g. of a cell stacked along z). Two streaming passes of bulk row reads (means, then
 * squared deviations from them, which avoids the cancellation of a one-pass variance); rows are
 * split into fixed chunks of z whose partial sums are added in chunk order, so the result is the
 * same for any thread count.
 */
public final class AxisProfile {

    /** Slices (along z) per parallel task. */
    static final int CHUNK = 8;

    /** Most distinct label values a profile tracks. */
    public static final int MAX_LABELS = 256;

    private AxisProfile() {
    }

    /**
     * The profile.
     *
     * @param axis        the axis
     * @param voxels      voxels per slice
     * @param mean        mean per slice
     * @param std         population standard deviation per slice
     * @param min         minimum per slice
     * @param max         maximum per slice
     * @param labelCounts per label value, voxels of that value per slice (empty without labels)
     */
    public record Result(Axis axis, long voxels, double[] mean, double[] std, double[] min, double[] max,
                         Map<Integer, long[]> labelCounts) {
    }

    private static final class Part {
        final double[] sum;
        final double[] min;
        final double[] max;
        final TreeMap<Integer, long[]> labels = new TreeMap<>();

        Part(int n) {
            sum = new double[n];
            min = new double[n];
            max = new double[n];
            java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        }
    }

    /**
     * Computes the profile.
     *
     * @param image    grey image, any type
     * @param labels   integer labels of the same size, or null
     * @param axis     the axis along which slices are indexed
     * @param progress progress of the passes
     * @return statistics per slice
     */
    public static Result compute(Volume image, Volume labels, Axis axis, Progress progress) {
        if (labels != null) {
            if (!labels.type().isInteger()) {
                throw new InputException("labels must be an integer volume (u8, u16 or i32), got " + labels.type().label());
            }
            if (!labels.dims().equals(image.dims())) {
                throw new InputException("labels (" + labels.dims() + ") and image (" + image.dims() + ") must have the same size");
            }
        }
        int nx = image.dims().nx();
        int ny = image.dims().ny();
        int nz = image.dims().nz();
        int a = axis.index();
        int n = image.dims().size(a);
        long perSlice = image.voxels() / n;
        int chunks = (nz + CHUNK - 1) / CHUNK;
        progress.start("profile along " + axis.label(), 2L * chunks);
        List<Part> parts = Parallel.map(chunks, c -> {
            Part p = new Part(n);
            double[] row = new double[nx];
            int[] lab = labels != null ? new int[nx] : null;
            for (int z = c * CHUNK; z < Math.min(nz, (c + 1) * CHUNK); z++) {
                for (int y = 0; y < ny; y++) {
                    long start = ((long) z * ny + y) * nx;
                    image.read(start, row, 0, nx);
                    if (a == 0) {
                        for (int x = 0; x < nx; x++) {
                            double v = row[x];
                            p.sum[x] += v;
                            p.min[x] = Math.min(p.min[x], v);
                            p.max[x] = Math.max(p.max[x], v);
                        }
                    } else {
                        int i = a == 1 ? y : z;
                        double s = 0;
                        double lo = p.min[i];
                        double hi = p.max[i];
                        for (int x = 0; x < nx; x++) {
                            double v = row[x];
                            s += v;
                            lo = Math.min(lo, v);
                            hi = Math.max(hi, v);
                        }
                        p.sum[i] += s;
                        p.min[i] = lo;
                        p.max[i] = hi;
                    }
                    if (lab != null) {
                        labels.read(start, lab, 0, nx);
                        countLabels(p.labels, lab, a, a == 1 ? y : z, n);
                    }
                }
            }
            return p;
        }, progress);
        double[] sum = new double[n];
        double[] min = new double[n];
        double[] max = new double[n];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        TreeMap<Integer, long[]> counts = new TreeMap<>();
        for (Part p : parts) {
            for (int i = 0; i < n; i++) {
                sum[i] += p.sum[i];
                min[i] = Math.min(min[i], p.min[i]);
                max[i] = Math.max(max[i], p.max[i]);
            }
            p.labels.forEach((k, v) -> {
                long[] dst = counts.computeIfAbsent(k, q -> new long[n]);
                for (int i = 0; i < n; i++) {
                    dst[i] += v[i];
                }
            });
            if (counts.size() > MAX_LABELS) {
                throw tooMany();
            }
        }
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            mean[i] = sum[i] / perSlice;
        }
        List<double[]> sq = Parallel.map(chunks, c -> {
            double[] ss = new double[n];
            double[] row = new double[nx];
            for (int z = c * CHUNK; z < Math.min(nz, (c + 1) * CHUNK); z++) {
                for (int y = 0; y < ny; y++) {
                    image.read(((long) z * ny + y) * nx, row, 0, nx);
                    if (a == 0) {
                        for (int x = 0; x < nx; x++) {
                            double dv = row[x] - mean[x];
                            ss[x] += dv * dv;
                        }
                    } else {
                        int i = a == 1 ? y : z;
                        double m = mean[i];
                        double s = 0;
                        for (int x = 0; x < nx; x++) {
                            double dv = row[x] - m;
                            s += dv * dv;
                        }
                        ss[i] += s;
                    }
                }
            }
            return ss;
        }, progress);
        progress.done();
        double[] std = new double[n];
        for (double[] ss : sq) {
            for (int i = 0; i < n; i++) {
                std[i] += ss[i];
            }
        }
        for (int i = 0; i < n; i++) {
            std[i] = Math.sqrt(std[i] / perSlice);
        }
        return new Result(axis, perSlice, mean, std, min, max, counts);
    }

    private static void countLabels(TreeMap<Integer, long[]> counts, int[] lab, int a, int fixed, int n) {
        int last = Integer.MIN_VALUE;
        long[] cur = null;
        for (int x = 0; x < lab.length; x++) {
            int v = lab[x];
            if (v != last || cur == null) {
                cur = counts.get(v);
                if (cur == null) {
                    if (counts.size() >= MAX_LABELS) {
                        throw tooMany();
                    }
                    cur = new long[n];
                    counts.put(v, cur);
                }
                last = v;
            }
            cur[a == 0 ? x : fixed]++;
        }
    }

    private static InputException tooMany() {
        return new InputException("labels hold more than " + MAX_LABELS + " distinct values; profile.axis expects phase labels "
                + "(a segmentation), not connected-component labels");
    }
}
