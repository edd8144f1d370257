package org.tomolyte.analysis.psd;

import java.util.Arrays;
import java.util.List;
import org.tomolyte.core.op.Check;

/**
 * The volume-weighted distribution of local thickness values: how many mask voxels (equal
 * volumes) carry each distinct diameter. Quantiles and the mean are exact over the voxels, not
 * taken from bins.
 *
 * <p>{@code dq} (q = 10, 50, 90) is the smallest diameter d such that the voxels with thickness
 * at most d make up at least q % of the mask volume (the lower empirical quantile); the mean is
 * the mean thickness over the mask voxels, which is the volume-weighted mean diameter.
 *
 * @param diametersUm distinct diameters present, ascending, um
 * @param voxels      mask voxels per diameter
 * @param voxelUm3    volume of one voxel, um^3
 */
public record ThicknessDistribution(float[] diametersUm, long[] voxels, double voxelUm3) {

    /** Copies the arrays. */
    public ThicknessDistribution {
        diametersUm = diametersUm.clone();
        voxels = voxels.clone();
    }

    /**
     * Counts of one slab: sorted distinct value indices and their voxel counts.
     *
     * @param keys   indices into the sorted distinct values, ascending
     * @param counts voxels per key
     */
    record Counts(int[] keys, long[] counts) {

        /** Run-length counts of the first {@code m} entries of {@code idx} (sorted in place). */
        static Counts of(int[] idx, int m) {
            Arrays.sort(idx, 0, m);
            int runs = 0;
            for (int i = 0; i < m; i++) {
                runs += i == 0 || idx[i] != idx[i - 1] ? 1 : 0;
            }
            int[] keys = new int[runs];
            long[] counts = new long[runs];
            int r = -1;
            for (int i = 0; i < m; i++) {
                if (i == 0 || idx[i] != idx[i - 1]) {
                    keys[++r] = idx[i];
                }
                counts[r]++;
            }
            return new Counts(keys, counts);
        }
    }

    /** Merges per-slab counts over the sorted distinct {@code values}, dropping values with no voxel. */
    static ThicknessDistribution of(float[] values, List<Counts> parts, double voxelUm3) {
        long[] all = new long[values.length];
        for (Counts c : parts) {
            for (int k = 0; k < c.keys.length; k++) {
                all[c.keys[k]] += c.counts[k];
            }
        }
        int n = 0;
        for (long a : all) {
            n += a > 0 ? 1 : 0;
        }
        float[] d = new float[n];
        long[] v = new long[n];
        int j = 0;
        for (int k = 0; k < all.length; k++) {
            if (all[k] > 0) {
                d[j] = values[k];
                v[j++] = all[k];
            }
        }
        return new ThicknessDistribution(d, v, voxelUm3);
    }

    /** Mask voxels (all diameters). */
    public long totalVoxels() {
        long t = 0;
        for (long v : voxels) {
            t += v;
        }
        return t;
    }

    /** Mask volume in um^3. */
    public double totalVolumeUm3() {
        return totalVoxels() * voxelUm3;
    }

    /** Volume-weighted mean diameter in um (NaN for an empty mask). */
    public double meanUm() {
        long t = totalVoxels();
        if (t == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int k = 0; k < voxels.length; k++) {
            sum += voxels[k] * (double) diametersUm[k];
        }
        return sum / t;
    }

    /**
     * The smallest diameter whose cumulative volume fraction reaches {@code percent} %.
     *
     * @param percent 0 (exclusive) to 100 (inclusive)
     * @return um, NaN for an empty mask
     */
    public double quantileUm(double percent) {
        Check.range("percent", percent, Double.MIN_VALUE, 100);
        long t = totalVoxels();
        long cum = 0;
        for (int k = 0; k < voxels.length; k++) {
            cum += voxels[k];
            if (cum * 100.0 >= percent * t) {
                return diametersUm[k];
            }
        }
        return Double.NaN;
    }

    /** d10 in um. */
    public double d10Um() {
        return quantileUm(10);
    }

    /** d50 (volume-weighted median diameter) in um. */
    public double d50Um() {
        return quantileUm(50);
    }

    /** d90 in um. */
    public double d90Um() {
        return quantileUm(90);
    }

    /**
     * Equal-width bins from 0 to the largest diameter.
     *
     * @param bins number of bins, &gt;= 1
     * @return {@code [bin][0]} centre in um, {@code [1]} pdf in 1/um (volume fraction / bin width),
     *         {@code [2]} cdf (volume fraction with thickness up to the bin's upper edge)
     */
    public double[][] binned(int bins) {
        Check.range("bins", bins, 1, 1 << 20);
        double max = diametersUm.length == 0 ? 0 : diametersUm[diametersUm.length - 1];
        double width = max > 0 ? max / bins : 1.0 / bins;
        long[] counts = new long[bins];
        for (int k = 0; k < voxels.length; k++) {
            int b = (int) Math.min(bins - 1, Math.floor(diametersUm[k] / width));
            counts[b] += voxels[k];
        }
        long t = totalVoxels();
        double[][] out = new double[bins][3];
        long cum = 0;
        for (int b = 0; b < bins; b++) {
            cum += counts[b];
            out[b][0] = (b + 0.5) * width;
            out[b][1] = t == 0 ? 0 : counts[b] / (double) t / width;
            out[b][2] = t == 0 ? 0 : cum / (double) t;
        }
        return out;
    }
}
