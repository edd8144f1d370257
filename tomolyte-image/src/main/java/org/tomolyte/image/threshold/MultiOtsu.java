package org.tomolyte.image.threshold;

import java.util.List;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.ParameterException;
import org.tomolyte.image.histogram.Histogram;

/**
 * Multi-level Otsu thresholds: the {@code classes - 1} thresholds that maximise the
 * between-class variance of a histogram (P.-S. Liao, T.-S. Chen, P.-C. Chung, "A fast algorithm
 * for multilevel thresholding", J. Inf. Sci. Eng. 17 (2001) 713-727).
 *
 * <p>The search reproduces scikit-image 0.19's {@code threshold_multiotsu(image, classes,
 * nbins)} to the bit, so that both return the same thresholds on the same histogram: the bin
 * probabilities are {@code count / total} rounded to float32, the zeroth and first moments are
 * float32 running sums over the bin <em>index</em> (with scikit-image's first-moment start value
 * {@code prob[0]}), each class term is {@code S^2 / P} in float32 (the term of the class that
 * ends at bin 0 is 0), every combination of threshold bins {@code t1 < t2 < ...} is evaluated
 * exhaustively in lexicographic order with the terms added in scikit-image's order, and the first
 * combination with the largest sum wins. The thresholds are the centres of the chosen bins.
 * When the histogram has exactly {@code classes} occupied bins the thresholds are the centres of
 * the first {@code classes - 1} of them.
 *
 * <p>The search costs about {@code C(bins, classes - 1)} evaluations; it runs in parallel over
 * the first threshold and combines the per-task maxima in order, so the result does not depend
 * on the thread count. Searches above {@value #MAX_EVALUATIONS} evaluations (e.g. 4 classes on a
 * 16-bit image with thousands of grey levels) are refused with a message.
 */
public final class MultiOtsu {

    /** Largest number of threshold combinations evaluated before a search is refused. */
    public static final double MAX_EVALUATIONS = 5e9;

    /** Largest number of bins for which the class-term table (bins^2/2 floats) is kept in memory. */
    private static final int LUT_MAX_BINS = 2048;

    private MultiOtsu() {
    }

    /**
     * The {@code classes - 1} thresholds (bin centres, increasing) of histogram {@code h}.
     *
     * @param h       histogram as {@link Histogram#of}; its first and last bins must be occupied
     *                (true for a histogram over the image's own range)
     * @param classes number of classes, 2..5
     * @throws InputException     when the histogram has fewer than {@code classes} occupied bins
     * @throws ParameterException when classes is out of range or the search is too large
     */
    public static double[] thresholds(Histogram h, int classes) {
        if (classes < 2 || classes > 5) {
            throw new ParameterException("classes must be in 2..5, got " + classes);
        }
        long[] counts = h.counts();
        int n = counts.length;
        long total = h.total();
        float[] prob = new float[n];
        int occupied = 0;
        for (int i = 0; i < n; i++) {
            prob[i] = (float) ((double) counts[i] / (double) total);
            if (prob[i] > 0) {
                occupied++;
            }
        }
        if (occupied < classes) {
            throw new InputException("the image has only " + occupied + " different grey values (histogram bins); it cannot be split into "
                    + classes + " classes");
        }
        int m = classes - 1;
        int[] idx = new int[m];
        if (occupied == classes) {
            for (int i = 0, k = 0; i < n && k < m; i++) {
                if (prob[i] > 0) {
                    idx[k++] = i;
                }
            }
        } else {
            double evaluations = combinations(n - 1, m);
            if (evaluations > MAX_EVALUATIONS) {
                throw new ParameterException("multi_otsu with " + classes + " classes on " + n + " histogram bins needs "
                        + String.format(java.util.Locale.ROOT, "%.2g", evaluations) + " evaluations (at most "
                        + String.format(java.util.Locale.ROOT, "%.0g", MAX_EVALUATIONS)
                        + "); use fewer classes or convert the image to fewer grey levels first (volume.convert)");
            }
            idx = search(prob, m);
        }
        double[] centers = h.centers();
        double[] t = new double[m];
        for (int k = 0; k < m; k++) {
            t[k] = centers[idx[k]];
        }
        return t;
    }

    /** Class terms S^2/P in float32 exactly as scikit-image's table. */
    private record Terms(float[] zeroth, float[] first, float[] lut, int[] rowStart, int n) {

        static Terms of(float[] prob) {
            int n = prob.length;
            float[] z = new float[n];
            float[] f = new float[n];
            z[0] = prob[0];
            f[0] = prob[0];
            for (int i = 1; i < n; i++) {
                z[i] = z[i - 1] + prob[i];
                f[i] = f[i - 1] + (float) i * prob[i];
            }
            float[] lut = null;
            int[] rowStart = null;
            if (n <= LUT_MAX_BINS) {
                lut = new float[n * (n + 1) / 2];
                rowStart = new int[n];
                for (int i = 0; i < n; i++) {
                    rowStart[i] = i * (2 * n - i + 1) / 2 - i;
                }
                Terms t = new Terms(z, f, null, null, n);
                int k = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = i; j < n; j++) {
                        lut[k++] = t.compute(i, j);
                    }
                }
            }
            return new Terms(z, f, lut, rowStart, n);
        }

        float get(int i, int j) {
            return lut != null ? lut[rowStart[i] + j] : compute(i, j);
        }

        float compute(int i, int j) {
            if (i == 0) {
                if (j == 0 || !(zeroth[j] > 0)) {
                    return 0f;
                }
                return first[j] * first[j] / zeroth[j];
            }
            float zij = zeroth[j] - zeroth[i - 1];
            if (zij > 0) {
                float fij = first[j] - first[i - 1];
                return fij * fij / zij;
            }
            return 0f;
        }
    }

    /** Best of one task: its largest sigma (above 0) and the first combination reaching it. */
    private record Best(float sigma, int[] idx) {
    }

    private static int[] search(float[] prob, int m) {
        Terms terms = Terms.of(prob);
        int n = prob.length;
        int firstCount = n - m;
        List<Best> parts = Parallel.map(firstCount, t0 -> {
            int[] cur = new int[m];
            int[] best = new int[m];
            cur[0] = t0;
            float[] max = {0f};
            boolean[] found = {false};
            recurse(terms, n, m, 1, t0 + 1, cur, best, max, found);
            return found[0] ? new Best(max[0], best) : null;
        });
        float max = 0f;
        int[] idx = null;
        for (Best b : parts) {
            if (b != null && b.sigma() > max) {
                max = b.sigma();
                idx = b.idx();
            }
        }
        if (idx == null) {
            throw new InputException("multi_otsu found no threshold combination with a positive between-class variance");
        }
        return idx;
    }

    private static void recurse(Terms t, int n, int m, int level, int from, int[] cur, int[] best, float[] max, boolean[] found) {
        if (level < m - 1) {
            for (int i = from; i < n - m + level; i++) {
                cur[level] = i;
                recurse(t, n, m, level + 1, i + 1, cur, best, max, found);
            }
            return;
        }
        if (level == m) {
            // one threshold: cur[0] is the only one
            float sigma = t.get(0, cur[0]) + t.get(cur[0] + 1, n - 1);
            if (sigma > max[0]) {
                max[0] = sigma;
                best[0] = cur[0];
                found[0] = true;
            }
            return;
        }
        // the last threshold runs in this loop; the terms are added in scikit-image's order:
        // (first class + last class) + the middle classes from left to right
        float first = t.get(0, cur[0]);
        for (int i = from; i < n - 1; i++) {
            float sigma = first + t.get(i + 1, n - 1);
            for (int k = 0; k < m - 2; k++) {
                sigma += t.get(cur[k] + 1, cur[k + 1]);
            }
            sigma += t.get(cur[m - 2] + 1, i);
            if (sigma > max[0]) {
                max[0] = sigma;
                cur[m - 1] = i;
                System.arraycopy(cur, 0, best, 0, m);
                found[0] = true;
            }
        }
    }

    private static double combinations(int n, int k) {
        double c = 1;
        for (int i = 0; i < k; i++) {
            c = c * (n - i) / (i + 1);
        }
        return c;
    }
}
