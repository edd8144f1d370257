package org.tomolyte.image.threshold;

import org.tomolyte.core.BlockGrid;
import org.tomolyte.core.Box;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;
import org.tomolyte.image.histogram.Histogram;

/**
 * Global thresholds and their application.
 *
 * <p>{@link #otsu} is Otsu's method (N. Otsu, "A threshold selection method from gray-level
 * histograms", IEEE Trans. SMC 9 (1979) 62-66) computed on the histogram exactly as scikit-image's
 * {@code threshold_otsu}: maximise the between-class variance w1 w2 (m1 - m2)^2 over the bin
 * centres and return the bin centre of the first maximum, foreground being {@code v > t}.
 */
public final class Thresholds {

    private Thresholds() {
    }

    /** Otsu's threshold of {@code image} (see the class comment); {@code bins} applies to float data. */
    public static double otsu(Volume image, int bins) {
        return otsu(Histogram.of(image, bins));
    }

    /**
     * Otsu's threshold from a histogram. When only one bin is occupied its centre is returned
     * (scikit-image returns the single value of a constant image).
     */
    public static double otsu(Histogram h) {
        long[] counts = h.counts();
        double[] centers = h.centers();
        int n = counts.length;
        int occupied = 0;
        int lastOccupied = 0;
        for (int i = 0; i < n; i++) {
            if (counts[i] > 0) {
                occupied++;
                lastOccupied = i;
            }
        }
        if (occupied <= 1) {
            return centers[lastOccupied];
        }
        double[] w1 = new double[n];
        double[] m1 = new double[n];
        double cw = 0;
        double cs = 0;
        for (int i = 0; i < n; i++) {
            cw += counts[i];
            cs += counts[i] * centers[i];
            w1[i] = cw;
            m1[i] = cs / cw;
        }
        double[] w2 = new double[n];
        double[] m2 = new double[n];
        cw = 0;
        cs = 0;
        for (int i = n - 1; i >= 0; i--) {
            cw += counts[i];
            cs += counts[i] * centers[i];
            w2[i] = cw;
            m2[i] = cs / cw;
        }
        int best = 0;
        double bestVar = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n - 1; i++) {
            double d = m1[i] - m2[i + 1];
            double var = w1[i] * w2[i + 1] * d * d;
            // NaN (empty class) never wins, as numpy's argmax skips nothing but such bins give 0 weight there
            if (var > bestVar) {
                bestVar = var;
                best = i;
            }
        }
        return centers[best];
    }

    /**
     * A U8 mask, 1 where {@code select} holds for threshold {@code t}, 0 elsewhere; same size
     * and spacing as {@code image}.
     */
    public static Volume apply(Volume image, double t, Select select, Progress progress) {
        Volume out = Volume.allocateLike(image, DataType.U8);
        BlockGrid grid = BlockGrid.slabsOf(image.dims(), 1 << 20);
        progress.start("threshold", grid.count());
        Parallel.forEach(grid.count(), b -> {
            Box box = grid.box(b);
            long start = image.dims().index(0, 0, box.z0());
            long end = start + box.voxels();
            for (long i = start; i < end; i++) {
                if (select.test(image.get(i), t)) {
                    out.set(i, 1);
                }
            }
        }, progress);
        progress.done();
        return out;
    }
}
