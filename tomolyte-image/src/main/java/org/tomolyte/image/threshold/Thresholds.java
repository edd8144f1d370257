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
 *
 * <p>{@link #triangle} is the triangle method (G.W. Zack, W.E. Rogers, S.A. Latt, J. Histochem.
 * Cytochem. 25 (1977) 741-753) exactly as scikit-image's {@code threshold_triangle}. Multi-level
 * Otsu is in {@link MultiOtsu}, Li's method in {@link LiThreshold}; {@link #classify} turns
 * several thresholds into class labels.
 */
public final class Thresholds {

    /** Voxels processed per bulk call. */
    private static final int CHUNK = 1 << 14;

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
     * The triangle threshold of a histogram, as scikit-image's {@code threshold_triangle}: the
     * line from the histogram peak to the far end of the longer tail (the first or last occupied
     * bin), and the bin of that tail whose count lies farthest below the line (first such bin,
     * counted from the tail end; ties to the first in scikit-image's order). Returns the bin
     * centre; foreground is {@code v > t}. A histogram with one occupied bin returns its centre.
     */
    public static double triangle(Histogram h) {
        long[] hist = h.counts();
        double[] centers = h.centers();
        int nbins = hist.length;
        int peak = 0;
        int low = -1;
        int high = -1;
        for (int i = 0; i < nbins; i++) {
            if (hist[i] > hist[peak]) {
                peak = i;
            }
            if (hist[i] > 0) {
                high = i;
                if (low < 0) {
                    low = i;
                }
            }
        }
        if (low < 0) {
            throw new org.tomolyte.core.InputException("image has no values for the triangle threshold");
        }
        long peakHeight = hist[peak];
        boolean flip = peak - low < high - peak;
        if (flip) {
            low = nbins - high - 1;
            peak = nbins - peak - 1;
        }
        int width = peak - low;
        if (width == 0) {
            return centers[flip ? nbins - low - 1 : low];
        }
        double norm = Math.sqrt((double) (peakHeight * peakHeight + (long) width * width));
        double ph = peakHeight / norm;
        double w = width / norm;
        int best = 0;
        double bestLength = Double.NEGATIVE_INFINITY;
        for (int x = 0; x < width; x++) {
            int bin = x + low;
            long y = flip ? hist[nbins - 1 - bin] : hist[bin];
            double length = ph * x - w * y;
            if (length > bestLength) {
                bestLength = length;
                best = x;
            }
        }
        int level = best + low;
        if (flip) {
            level = nbins - level - 1;
        }
        return centers[level];
    }

    /**
     * Class labels from increasing thresholds {@code t[0] < t[1] < ...}: a voxel's label is the
     * number of thresholds strictly below it ({@code #{k : v > t[k]}}), 0..t.length, as U8. This is
     * the rule of single thresholds ({@code v > t} is the upper class) and of the multi-Otsu search
     * itself (a threshold bin belongs to the class below it); it equals numpy's
     * {@code digitize(v, t, right=True)}. scikit-image's documentation labels with
     * {@code digitize(v, t)} ({@code right=False}), which differs only for voxels exactly equal to a
     * threshold: they move one class up there (so an image with exactly three grey values would be
     * labelled 1, 2, 2 instead of 0, 1, 2). NaN voxels get the top label t.length, as numpy sorts NaN
     * last. Same size and spacing as {@code image}.
     */
    public static Volume classify(Volume image, double[] t, Progress progress) {
        if (t.length < 1 || t.length > 255) {
            throw new org.tomolyte.core.ParameterException("classify needs 1..255 thresholds, got " + t.length);
        }
        for (int k = 1; k < t.length; k++) {
            if (!(t[k] > t[k - 1])) {
                throw new org.tomolyte.core.ParameterException("thresholds must increase, got " + java.util.Arrays.toString(t));
            }
        }
        Volume out = Volume.allocateLike(image, DataType.U8);
        BlockGrid grid = BlockGrid.slabsOf(image.dims(), 1 << 20);
        progress.start("classify", grid.count());
        Parallel.forEach(grid.count(), b -> {
            Box box = grid.box(b);
            long start = image.dims().index(0, 0, box.z0());
            long end = start + box.voxels();
            double[] values = new double[CHUNK];
            byte[] labels = new byte[CHUNK];
            for (long c0 = start; c0 < end; c0 += CHUNK) {
                int len = (int) Math.min(CHUNK, end - c0);
                image.read(c0, values, 0, len);
                for (int k = 0; k < len; k++) {
                    double v = values[k];
                    int c = 0;
                    if (Double.isNaN(v)) {
                        c = t.length;
                    } else {
                        while (c < t.length && v > t[c]) {
                            c++;
                        }
                    }
                    labels[k] = (byte) c;
                }
                out.write(c0, labels, 0, len);
            }
        }, progress);
        progress.done();
        return out;
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
            byte[] mask = new byte[CHUNK];
            if (image.type() == DataType.U8) {
                // 8-bit: byte copies and a branch-free comparison the JIT vectorises. For integer v,
                // v > t  <=>  v >= k and v <= t  <=>  v < k, with k = floor(t) + 1; a NaN threshold
                // selects nothing, and the mask is already zero.
                if (Double.isNaN(t)) {
                    return;
                }
                int k = (int) Math.max(0, Math.min(256, Math.floor(t) + 1));
                int flip = select == Select.ABOVE ? 1 : 0;
                byte[] values = new byte[CHUNK];
                for (long c0 = start; c0 < end; c0 += CHUNK) {
                    int len = (int) Math.min(CHUNK, end - c0);
                    image.read(c0, values, 0, len);
                    for (int q = 0; q < len; q++) {
                        mask[q] = (byte) ((((values[q] & 0xFF) - k) >>> 31) ^ flip);
                    }
                    out.write(c0, mask, 0, len);
                }
            } else if (image.type().isInteger()) {
                int[] values = new int[CHUNK];
                for (long c0 = start; c0 < end; c0 += CHUNK) {
                    int len = (int) Math.min(CHUNK, end - c0);
                    image.read(c0, values, 0, len);
                    for (int k = 0; k < len; k++) {
                        mask[k] = select.test(values[k], t) ? (byte) 1 : 0;
                    }
                    out.write(c0, mask, 0, len);
                }
            } else {
                double[] values = new double[CHUNK];
                for (long c0 = start; c0 < end; c0 += CHUNK) {
                    int len = (int) Math.min(CHUNK, end - c0);
                    image.read(c0, values, 0, len);
                    for (int k = 0; k < len; k++) {
                        mask[k] = select.test(values[k], t) ? (byte) 1 : 0;
                    }
                    out.write(c0, mask, 0, len);
                }
            }
        }, progress);
        progress.done();
        return out;
    }
}
