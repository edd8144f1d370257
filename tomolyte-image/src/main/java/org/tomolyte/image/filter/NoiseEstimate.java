package org.tomolyte.image.filter;

import java.util.List;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Volume;

/**
 * Robust estimate of the standard deviation of additive Gaussian noise, as scikit-image's
 * {@code estimate_sigma} (Donoho and Johnstone, Biometrika 81 (1994) 425): one level of the
 * 3D Daubechies-2 wavelet transform (pywt {@code dwtn(image, 'db2')}, symmetric extension), the
 * finest detail band {@code 'ddd'} (high-pass along x, y and z), and
 * {@code sigma = median(|c|) / 0.6744897501960817} over its non-zero coefficients. Returned in
 * the image's grey units (scikit-image rescales integer images to [0, 1] first; this does not).
 *
 * <p>Streams slice by slice: memory is the band itself (1/8 of the voxel count, 4 bytes each)
 * plus a few slices.
 */
public final class NoiseEstimate {

    /** pywt's db2 decomposition high-pass filter. */
    private static final double[] HI = {-0.48296291314453416, 0.8365163037378079, -0.2241438680420134, -0.12940952255126037};
    /** The 75th percentile of the standard normal distribution. */
    private static final double Q75 = 0.6744897501960817;

    private NoiseEstimate() {
    }

    /**
     * The noise standard deviation of {@code v} in grey units.
     *
     * @throws InputException when every detail coefficient is zero (a flat image has no noise to measure)
     */
    public static double sigma(Volume v) {
        Dims d = v.dims();
        int mx = (d.nx() + HI.length - 1) / 2;
        int my = (d.ny() + HI.length - 1) / 2;
        int mz = (d.nz() + HI.length - 1) / 2;
        long count = (long) mx * my * mz;
        if (count > Integer.MAX_VALUE - 16) {
            throw new InputException("noise estimate: volume " + d + " is too large for one wavelet band (at most 2^31 coefficients)");
        }
        List<float[]> planes = Parallel.map(mz, oz -> plane(v, oz, mx, my));
        // |c| as raw float bits: for non-negative floats the bits order like the values
        int[] all = new int[(int) count];
        int n = 0;
        for (float[] p : planes) {
            for (float c : p) {
                if (c != 0) {
                    all[n++] = Float.floatToRawIntBits(Math.abs(c));
                }
            }
        }
        if (n == 0) {
            throw new InputException("noise estimate: the image has no fine-scale variation (all wavelet detail coefficients are 0)");
        }
        double med;
        if ((n & 1) == 1) {
            med = Float.intBitsToFloat(Quickselect.select(all, n, n / 2));
        } else {
            double a = Float.intBitsToFloat(Quickselect.select(all, n, n / 2 - 1));
            double b = Float.intBitsToFloat(Quickselect.select(all, n, n / 2));
            med = 0.5 * (a + b);
        }
        return med / Q75;
    }

    /** Output plane {@code oz} of the 'ddd' band: input slices {@code 2 oz - 2 .. 2 oz + 1}. */
    private static float[] plane(Volume v, int oz, int mx, int my) {
        Dims d = v.dims();
        double[] acc = new double[mx * my];
        float[] line = new float[d.nx()];
        double[] xs = new double[mx * d.ny()];
        for (int k = 0; k < HI.length; k++) {
            int z = symmetric(2 * oz + 1 - k, d.nz());
            // high-pass along x for every row of slice z
            for (int y = 0; y < d.ny(); y++) {
                v.read(d.index(0, y, z), line, 0, d.nx());
                for (int ox = 0; ox < mx; ox++) {
                    double s = 0;
                    for (int j = 0; j < HI.length; j++) {
                        s += HI[j] * line[symmetric(2 * ox + 1 - j, d.nx())];
                    }
                    xs[y * mx + ox] = s;
                }
            }
            // then along y, weighted by the z tap
            for (int oy = 0; oy < my; oy++) {
                for (int j = 0; j < HI.length; j++) {
                    int y = symmetric(2 * oy + 1 - j, d.ny());
                    double w = HI[k] * HI[j];
                    for (int ox = 0; ox < mx; ox++) {
                        acc[oy * mx + ox] += w * xs[y * mx + ox];
                    }
                }
            }
        }
        float[] out = new float[mx * my];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) acc[i];
        }
        return out;
    }

    /** pywt's 'symmetric' extension: {@code x1 | x1 x2 .. xn | xn}, periodic with period 2n. */
    private static int symmetric(int i, int n) {
        return Boundary.REFLECT.map(i, n);
    }
}
