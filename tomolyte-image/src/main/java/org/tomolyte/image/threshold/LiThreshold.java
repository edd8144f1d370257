package org.tomolyte.image.threshold;

import java.util.Arrays;
import java.util.List;
import org.tomolyte.core.BlockGrid;
import org.tomolyte.core.Box;
import org.tomolyte.core.DataType;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Volume;
import org.tomolyte.image.histogram.Histogram;

/**
 * Li's iterative minimum cross-entropy threshold (C.H. Li, C.K. Lee, Pattern Recognition 26
 * (1993) 617-625; C.H. Li, P.K.S. Tam, Pattern Recognition Letters 18 (1998) 771-776), with
 * scikit-image 0.19's {@code threshold_li} iteration:
 *
 * <ol>
 * <li>non-finite voxels are ignored; a constant image returns its value;</li>
 * <li>values are shifted by the image minimum so that they are &gt;= 0;</li>
 * <li>the start is the mean of the shifted values (or {@code initialGuess - min}, which must lie
 * strictly inside the shifted range), and the previous value is {@code -2 * tolerance};</li>
 * <li>repeat while {@code |t_next - t| > tolerance}: {@code t = t_next}, foreground {@code v > t},
 * {@code t_next = (m_back - m_fore) / (ln m_back - ln m_fore)};</li>
 * <li>the threshold is {@code t_next + min}; foreground is {@code v > threshold}.</li>
 * </ol>
 *
 * <p>The default tolerance is 0.5 for integer images and half the smallest difference between
 * distinct shifted values for float images (found from a sorted copy of the values, 4 bytes per voxel
 * for F32; give the tolerance to avoid it). Integer images iterate on their
 * one-bin-per-value histogram; class sums are exact integers, so the result equals scikit-image's
 * up to the last bits of the logarithm (numpy's vectorised {@code log} is not correctly rounded; the
 * thresholds differ by a few ulps at most, e.g. 86.30619564786036 vs 86.3061956478604). Float images iterate over the voxels with the shifted
 * values in float32 (as scikit-image) and the class means in double precision (scikit-image
 * accumulates in float32), so thresholds agree to float32 rounding in practice. Sums are taken
 * slab by slab and combined in slab order: the result does not depend on the thread count.
 */
public final class LiThreshold {

    private LiThreshold() {
    }

    /**
     * Li's threshold of {@code image}.
     *
     * @param tolerance    stop when the threshold changes by at most this (grey value, &gt; 0), or
     *                     null for the default above
     * @param initialGuess start of the iteration (grey value strictly between the image minimum
     *                     and maximum), or null for the mean
     */
    public static double threshold(Volume image, Double tolerance, Double initialGuess) {
        if (tolerance != null && !(tolerance > 0)) {
            throw new ParameterException("tolerance must be > 0 (grey value), got " + tolerance);
        }
        boolean integer = image.type().isInteger();
        double[] range = finiteRange(image);
        double min = range[0];
        double max = range[1];
        if (Double.isNaN(min)) {
            throw new InputException("image has no finite values for the Li threshold");
        }
        if (min == max) {
            return min;
        }
        // one bin per integer value from min to max: bin k holds the shifted value k
        boolean histogramPath = integer && max - min + 1 <= Histogram.MAX_INTEGER_BINS;
        Histogram h = histogramPath ? Histogram.of(image, 256, min, max, null, 0, org.tomolyte.core.Progress.NONE) : null;
        boolean single = image.type() == DataType.F32;
        double tol = tolerance != null ? tolerance : integer ? 0.5 : smallestGap(image, min, single) / 2;
        Sums all = histogramPath ? histSums(h, Double.NEGATIVE_INFINITY) : voxelSums(image, min, Double.NEGATIVE_INFINITY);
        double tNext;
        if (initialGuess != null) {
            tNext = initialGuess - min;
            if (!(tNext > 0 && tNext < max - min)) {
                throw new ParameterException("initial_guess must be inside the image range " + min + ".." + max + " (exclusive), got "
                        + initialGuess);
            }
        } else {
            tNext = single ? (float) (all.foreSum() / all.foreCount()) : all.foreSum() / all.foreCount();
        }
        double tCurr = -2 * tol;
        int iterations = 0;
        while (Math.abs(tNext - tCurr) > tol) {
            tCurr = tNext;
            Sums s = histogramPath ? histSums(h, tCurr) : voxelSums(image, min, tCurr);
            double backCount = all.foreCount() - s.foreCount();
            double backSum = all.foreSum() - s.foreSum();
            if (s.foreCount() == 0 || backCount == 0) {
                throw new InputException("Li threshold iteration left an empty class at t = " + (tCurr + min));
            }
            double meanFore = s.foreSum() / s.foreCount();
            double meanBack = backSum / backCount;
            tNext = (meanBack - meanFore) / (Math.log(meanBack) - Math.log(meanFore));
            if (single) {
                tNext = (float) tNext;
            }
            if (++iterations > 10_000) {
                throw new InputException("Li threshold did not converge in 10000 iterations (tolerance " + tol + ")");
            }
        }
        double t = tNext + min;
        return image.type() == DataType.F32 ? (float) t : t;
    }

    /** Sum and count of the shifted values above {@code t} ({@code -inf}: all). */
    private record Sums(double foreSum, double foreCount) {
    }

    private static Sums histSums(Histogram h, double t) {
        long[] c = h.counts();
        double sum = 0;
        double count = 0;
        for (int k = 0; k < c.length; k++) {
            if (k > t) {
                sum += (double) k * c[k];
                count += c[k];
            }
        }
        return new Sums(sum, count);
    }

    private static Sums voxelSums(Volume image, double min, double t) {
        BlockGrid grid = BlockGrid.slabsOf(image.dims(), 1 << 20);
        boolean exactFloat = image.type() != DataType.I32 && image.type() != DataType.F64;
        List<double[]> parts = Parallel.map(grid.count(), b -> {
            Box box = grid.box(b);
            long start = image.dims().index(0, 0, box.z0());
            int len = (int) box.voxels();
            double sum = 0;
            double count = 0;
            if (exactFloat) {
                float fmin = (float) min;
                float[] buf = new float[len];
                image.read(start, buf, 0, len);
                for (float v : buf) {
                    if (Float.isFinite(v)) {
                        // shifted in float32, as scikit-image does for a float32 image (U8/U16 never take this path)
                        float w = v - fmin;
                        if (w > t) {
                            sum += w;
                            count++;
                        }
                    }
                }
            } else {
                double dmin = min;
                for (int k = 0; k < len; k++) {
                    double v = image.get(start + k);
                    if (Double.isFinite(v)) {
                        // I32 and F64 shift in double precision, as numpy does for int and float64 arrays
                        double w = v - dmin;
                        if (w > t) {
                            sum += w;
                            count++;
                        }
                    }
                }
            }
            return new double[] {sum, count};
        });
        double sum = 0;
        double count = 0;
        for (double[] p : parts) {
            sum += p[0];
            count += p[1];
        }
        return new Sums(sum, count);
    }

    private static double[] finiteRange(Volume image) {
        BlockGrid grid = BlockGrid.slabsOf(image.dims(), 1 << 20);
        List<double[]> parts = Parallel.map(grid.count(), b -> {
            Box box = grid.box(b);
            long start = image.dims().index(0, 0, box.z0());
            double lo = Double.NaN;
            double hi = Double.NaN;
            for (long i = start, end = start + box.voxels(); i < end; i++) {
                double v = image.get(i);
                if (Double.isFinite(v)) {
                    lo = Double.isNaN(lo) || v < lo ? v : lo;
                    hi = Double.isNaN(hi) || v > hi ? v : hi;
                }
            }
            return new double[] {lo, hi};
        });
        double lo = Double.NaN;
        double hi = Double.NaN;
        for (double[] p : parts) {
            if (!Double.isNaN(p[0])) {
                lo = Double.isNaN(lo) || p[0] < lo ? p[0] : lo;
                hi = Double.isNaN(hi) || p[1] > hi ? p[1] : hi;
            }
        }
        return new double[] {lo, hi};
    }

    /**
     * Smallest difference between distinct shifted values (scikit-image's default tolerance is half
     * of it), in float32 arithmetic for F32 images. Needs a sorted copy of the finite values on the
     * heap (4 or 8 bytes per voxel); give the tolerance to avoid it.
     */
    private static double smallestGap(Volume image, double min, boolean single) {
        long n = image.voxels();
        if (n > Integer.MAX_VALUE - 16) {
            throw new ParameterException("the Li tolerance of a float image with more than 2^31 voxels must be given (tolerance), this one has "
                    + n + " voxels");
        }
        if (single) {
            float fmin = (float) min;
            float[] all = new float[(int) n];
            int k = 0;
            for (long i = 0; i < n; i++) {
                float v = (float) image.get(i);
                if (Float.isFinite(v)) {
                    all[k++] = v - fmin;
                }
            }
            Arrays.parallelSort(all, 0, k);
            float gap = Float.POSITIVE_INFINITY;
            for (int i = 1; i < k; i++) {
                float d = all[i] - all[i - 1];
                if (d > 0 && d < gap) {
                    gap = d;
                }
            }
            return gap;
        }
        double[] all = new double[(int) n];
        int k = 0;
        for (long i = 0; i < n; i++) {
            double v = image.get(i);
            if (Double.isFinite(v)) {
                all[k++] = v - min;
            }
        }
        Arrays.parallelSort(all, 0, k);
        double gap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < k; i++) {
            double d = all[i] - all[i - 1];
            if (d > 0 && d < gap) {
                gap = d;
            }
        }
        return gap;
    }
}
