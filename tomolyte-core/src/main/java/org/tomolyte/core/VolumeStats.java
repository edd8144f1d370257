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

    /** Voxels read per bulk call (fits in L2 cache as doubles). */
    private static final int CHUNK = 1 << 14;

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
            double[] buf = new double[CHUNK];
            for (long c = start; c < end; c += CHUNK) {
                int len = (int) Math.min(CHUNK, end - c);
                v.read(c, buf, 0, len);
                for (int k = 0; k < len; k++) {
                    double x = buf[k];
                    if (x != x) {
                        nan++;
                        continue;
                    }
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                    sum += x;
                    n++;
                }
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
