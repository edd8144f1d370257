package org.tomolyte.core;

import java.util.List;

/**
 * Minimum, maximum and mean of a volume's finite values, and the count of NaN voxels.
 * Computed slab by slab in parallel and combined in slab order (deterministic).
 *
 * @param min   smallest finite value (NaN when there is none)
 * @param max   largest finite value (NaN when there is none)
 * @param mean  mean of finite values (NaN when there is none)
 * @param nans  number of NaN voxels (always 0 for integer types)
 */
public record VolumeStats(double min, double max, double mean, long nans) {

    /** Computes the statistics of {@code v}. */
    public static VolumeStats of(Volume v) {
        return of(v, Progress.NONE);
    }

    /** Computes the statistics of {@code v}, reporting one unit per slab. */
    public static VolumeStats of(Volume v, Progress progress) {
        BlockGrid grid = BlockGrid.slabsOf(v.dims(), 1 << 20);
        progress.start("statistics", grid.count());
        List<double[]> parts = Parallel.map(grid.count(), b -> {
            Box box = grid.box(b);
            long start = v.dims().index(0, 0, box.z0());
            long end = v.dims().index(0, 0, box.z1() - 1) + v.dims().sliceVoxels();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            long n = 0;
            long nan = 0;
            for (long i = start; i < end; i++) {
                double x = v.get(i);
                if (Double.isNaN(x)) {
                    nan++;
                    continue;
                }
                min = Math.min(min, x);
                max = Math.max(max, x);
                sum += x;
                n++;
            }
            return new double[] {min, max, sum, n, nan};
        }, progress);
        progress.done();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        long n = 0;
        long nan = 0;
        for (double[] p : parts) {
            min = Math.min(min, p[0]);
            max = Math.max(max, p[1]);
            sum += p[2];
            n += (long) p[3];
            nan += (long) p[4];
        }
        return n == 0 ? new VolumeStats(Double.NaN, Double.NaN, Double.NaN, nan) : new VolumeStats(min, max, sum / n, nan);
    }
}
