package org.tomolyte.image.filter;

import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.Check;

/**
 * Gaussian smoothing, separable, with the definitions of {@code scipy.ndimage.gaussian_filter}:
 * along each axis the kernel is the Gaussian sampled at integer offsets {@code -R..R} with
 * {@code R = (int) (truncate * sigma + 0.5)}, normalised to sum 1, and the image is extended by
 * {@link Boundary#REFLECT} ({@code d c b a | a b c d | d c b a}). An axis whose sigma is 0 is not
 * filtered. Any voxel type goes in; the result is F32 (same size and voxel size), equal to
 * {@code scipy.ndimage.gaussian_filter(image.astype(np.float32), sigma=(sz, sy, sx), truncate=t)}
 * to float rounding (about 1e-6 relative).
 *
 * <p>Cost: {@code R + 1} multiply-adds per voxel per axis (the kernel is symmetric), three
 * streaming passes, no temporary beyond the output volume.
 *
 * {@snippet :
 * Volume smooth = Gaussian.filterUm(scan, new double[] {1.4}, Gaussian.DEFAULT_TRUNCATE); // sigma 1.4 um on every axis
 * }
 */
public final class Gaussian {

    /** Kernel half-width in standard deviations, scipy's default. */
    public static final double DEFAULT_TRUNCATE = 4.0;

    private Gaussian() {
    }

    /**
     * Smooths with a Gaussian whose standard deviation is given in micrometres and converted to
     * voxels with the volume's (possibly anisotropic) voxel size.
     *
     * @param in       any type
     * @param sigmaUm  one value (every axis) or three values [x, y, z], um, each &gt;= 0
     * @param truncate kernel half-width in standard deviations, &gt; 0
     * @return a new F32 volume
     */
    public static Volume filterUm(Volume in, double[] sigmaUm, double truncate) {
        double[] s = sigmaVoxels(sigmaUm, in.spacing());
        return filter(in, s[0], s[1], s[2], truncate, Progress.NONE);
    }

    /**
     * Converts sigma in um (one value or [x, y, z]) to voxels per axis.
     *
     * @throws org.tomolyte.core.ParameterException when the array is not 1 or 3 finite values &gt;= 0
     */
    public static double[] sigmaVoxels(double[] sigmaUm, Spacing spacing) {
        if (sigmaUm == null || (sigmaUm.length != 1 && sigmaUm.length != 3)) {
            throw new org.tomolyte.core.ParameterException("sigma_um must be one value or three values [x, y, z] in um, got "
                    + (sigmaUm == null ? "nothing" : sigmaUm.length + " values"));
        }
        double[] out = new double[3];
        for (int a = 0; a < 3; a++) {
            double um = sigmaUm[sigmaUm.length == 1 ? 0 : a];
            Check.atLeast("sigma_um", um, 0);
            out[a] = um / spacing.along(a);
        }
        return out;
    }

    /**
     * Smooths with a Gaussian whose standard deviation is given in voxels per axis.
     *
     * @param in       any type
     * @param sigmaX   standard deviation along x in voxels, &gt;= 0 (0: axis not filtered)
     * @param sigmaY   along y
     * @param sigmaZ   along z
     * @param truncate kernel half-width in standard deviations, &gt; 0
     * @param progress progress reports
     * @return a new F32 volume
     */
    public static Volume filter(Volume in, double sigmaX, double sigmaY, double sigmaZ, double truncate, Progress progress) {
        Check.greater("truncate", truncate, 0);
        return Separable.run(in, line(sigmaX, truncate), line(sigmaY, truncate), line(sigmaZ, truncate), "gaussian", progress);
    }

    /**
     * The half kernel {@code w[0..R]} (centre first) of scipy's {@code _gaussian_kernel1d}: the
     * Gaussian {@code exp(-x^2 / (2 sigma^2))} at {@code x = -R..R}, divided by its sum, in double.
     *
     * @param sigma    standard deviation in voxels, &gt; 0
     * @param truncate half-width in standard deviations
     * @return weights for offsets 0..R
     */
    public static double[] halfKernel(double sigma, double truncate) {
        Check.greater("sigma", sigma, 0);
        int r = radius(sigma, truncate);
        double[] w = new double[r + 1];
        double c = -0.5 / (sigma * sigma);
        double sum = 0;
        for (int x = -r; x <= r; x++) {
            sum += Math.exp(c * x * x);
        }
        for (int x = 0; x <= r; x++) {
            w[x] = Math.exp(c * x * x) / sum;
        }
        return w;
    }

    /** Kernel radius in voxels, {@code (int) (truncate * sigma + 0.5)} as scipy. */
    public static int radius(double sigma, double truncate) {
        double r = truncate * sigma + 0.5;
        if (r > 1 << 20) {
            throw new org.tomolyte.core.ParameterException("sigma times truncate must be below 2^20 voxels, got " + Check.fmt(r - 0.5));
        }
        return (int) r;
    }

    private static Separable.LineFilter line(double sigma, double truncate) {
        Check.atLeast("sigma", sigma, 0);
        if (sigma <= 1e-15) {
            return null;
        }
        double[] hw = halfKernel(sigma, truncate);
        float[] w = new float[hw.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) hw[i];
        }
        int r = w.length - 1;
        return new Separable.LineFilter() {
            @Override
            public int radius() {
                return r;
            }

            @Override
            public void apply(float[] in, float[] out, int n, int lanes) {
                convolve(in, out, w, n * lanes, lanes);
            }
        };
    }

    /**
     * {@code out[i] = w0 in[c+i] + sum_j wj (in[c+i+j*lanes] + in[c+i-j*lanes])}, {@code c = r * lanes}.
     * Each loop is its own small method: C2 vectorises those reliably, loops nested in a
     * larger method not always.
     */
    private static void convolve(float[] in, float[] out, float[] w, int m, int lanes) {
        int r = w.length - 1;
        if (r == 0) {
            scale(in, 0, out, m, w[0]);
            return;
        }
        int c = r * lanes;
        scalePair(in, c, c + lanes, c - lanes, out, m, w[0], w[1]);
        int j = 2;
        for (; j + 1 <= r; j += 2) {
            addTwoPairs(in, c + j * lanes, c - j * lanes, c + (j + 1) * lanes, c - (j + 1) * lanes, out, m, w[j], w[j + 1]);
        }
        if (j <= r) {
            addPair(in, c + j * lanes, c - j * lanes, out, m, w[j]);
        }
    }

    private static void scalePair(float[] in, int c, int a, int b, float[] out, int m, float w0, float w1) {
        for (int i = 0; i < m; i++) {
            out[i] = w0 * in[c + i] + w1 * (in[a + i] + in[b + i]);
        }
    }

    private static void addTwoPairs(float[] in, int a, int b, int a2, int b2, float[] out, int m, float w1, float w2) {
        for (int i = 0; i < m; i++) {
            out[i] = out[i] + w1 * (in[a + i] + in[b + i]) + w2 * (in[a2 + i] + in[b2 + i]);
        }
    }

    private static void scale(float[] in, int c, float[] out, int m, float w) {
        for (int i = 0; i < m; i++) {
            out[i] = w * in[c + i];
        }
    }

    private static void addPair(float[] in, int a, int b, float[] out, int m, float w) {
        for (int i = 0; i < m; i++) {
            out[i] = out[i] + w * (in[a + i] + in[b + i]);
        }
    }
}
