package org.tomolyte.analysis.porosity;

import java.util.Arrays;

/**
 * Summary statistics of a sample of values: mean, population standard deviation (numpy
 * {@code std}, ddof = 0), min, max and the quartiles by linear interpolation between order
 * statistics (numpy {@code percentile}'s default: position q (n - 1) in the sorted values). An
 * empty sample, or one holding a NaN, gives NaN for every statistic.
 *
 * @param n      number of values
 * @param mean   arithmetic mean
 * @param std    population standard deviation (ddof = 0)
 * @param min    smallest value
 * @param max    largest value
 * @param q1     25th percentile
 * @param median 50th percentile
 * @param q3     75th percentile
 */
public record SampleStats(int n, double mean, double std, double min, double max, double q1, double median, double q3) {

    /** Statistics of {@code values} (not modified). */
    public static SampleStats of(double[] values) {
        int n = values.length;
        boolean nan = false;
        for (double v : values) {
            nan |= Double.isNaN(v);
        }
        if (n == 0 || nan) {
            double q = Double.NaN;
            return new SampleStats(n, q, q, q, q, q, q, q);
        }
        double[] s = values.clone();
        Arrays.sort(s);
        double sum = 0;
        for (double v : s) {
            sum += v;
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : s) {
            ss += (v - mean) * (v - mean);
        }
        return new SampleStats(n, mean, Math.sqrt(ss / n), s[0], s[n - 1], quantile(s, 0.25), quantile(s, 0.5), quantile(s, 0.75));
    }

    /** Interquartile range q3 - q1. */
    public double iqr() {
        return q3 - q1;
    }

    /** Quantile {@code q} in [0, 1] of sorted values, linear interpolation (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        double f = pos - lo;
        return sorted[lo] + (sorted[hi] - sorted[lo]) * f;
    }
}
