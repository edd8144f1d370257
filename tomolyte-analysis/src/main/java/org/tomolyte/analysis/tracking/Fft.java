package org.tomolyte.analysis.tracking;

import org.tomolyte.core.InternalException;

/**
 * Complex discrete Fourier transform of one length {@code n}, any {@code n >= 1}, on separate
 * real and imaginary {@code double} arrays, in place.
 *
 * <p>Forward: {@code X[k] = sum_j x[j] exp(-2 pi i j k / n)}; inverse: {@code x[j] = (1/n) sum_k
 * X[k] exp(+2 pi i j k / n)} (numpy's {@code fft}/{@code ifft} conventions). Powers of two use an
 * iterative radix-2 Cooley-Tukey transform; every other length uses Bluestein's chirp-z algorithm
 * (the transform written as a convolution with the chirp {@code exp(-i pi k^2 / n)}, evaluated by
 * radix-2 transforms of length {@code m}, the smallest power of two {@code >= 2n - 1}), so any size
 * costs {@code O(n log n)} and no padding of the data is needed. The chirp angle is computed from
 * {@code k^2 mod 2n} in exact integer arithmetic, which keeps large lengths accurate.
 *
 * <p>An instance is immutable (twiddle and chirp tables only) and may be shared by threads; each
 * call allocates its own scratch for Bluestein lengths, or uses the {@link Work} a caller passes.
 * Results depend only on the input, never on the thread that computes them.
 */
public final class Fft {

    private final int n;
    /** Length of the radix-2 transforms: n for powers of two, the Bluestein length otherwise. */
    private final int m;
    private final double[] cos;
    private final double[] sin;
    private final int[] reverse;
    private final boolean bluestein;
    /** Chirp exp(-i pi k^2 / n), k < n (Bluestein only). */
    private final double[] wRe;
    private final double[] wIm;
    /** Radix-2 transform of the conjugate chirp filter, length m (Bluestein only). */
    private final double[] bRe;
    private final double[] bIm;

    /**
     * Plans a transform of length {@code n}.
     *
     * @param n length, 1 .. 2^29
     */
    public Fft(int n) {
        if (n < 1 || n > (1 << 29)) {
            throw new InternalException("FFT length must be in 1..2^29, got " + n);
        }
        this.n = n;
        this.bluestein = Integer.bitCount(n) != 1;
        this.m = bluestein ? Integer.highestOneBit(2 * n - 2) << 1 : n;
        int half = Math.max(1, m / 2);
        cos = new double[half];
        sin = new double[half];
        for (int k = 0; k < half; k++) {
            double a = 2 * Math.PI * k / m;
            cos[k] = Math.cos(a);
            sin[k] = Math.sin(a);
        }
        reverse = new int[m];
        int bits = Integer.numberOfTrailingZeros(m);
        for (int i = 0; i < m; i++) {
            reverse[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
        if (bluestein) {
            wRe = new double[n];
            wIm = new double[n];
            long twoN = 2L * n;
            for (int k = 0; k < n; k++) {
                long k2 = ((long) k * k) % twoN;
                double a = Math.PI * k2 / n;
                wRe[k] = Math.cos(a);
                wIm[k] = -Math.sin(a);
            }
            bRe = new double[m];
            bIm = new double[m];
            bRe[0] = wRe[0];
            bIm[0] = -wIm[0];
            for (int k = 1; k < n; k++) {
                bRe[k] = wRe[k];
                bIm[k] = -wIm[k];
                bRe[m - k] = wRe[k];
                bIm[m - k] = -wIm[k];
            }
            radix2(bRe, bIm, false);
        } else {
            wRe = wIm = bRe = bIm = null;
        }
    }

    /** The transform length. */
    public int size() {
        return n;
    }

    /** Scratch for one thread: reuse it across calls to avoid allocation. */
    public Work work() {
        return new Work(new double[bluestein ? m : 0], new double[bluestein ? m : 0]);
    }

    /**
     * Scratch arrays of a Bluestein transform (empty for powers of two).
     *
     * @param re real scratch, length m
     * @param im imaginary scratch, length m
     */
    public record Work(double[] re, double[] im) {
    }

    /** Forward transform of {@code re + i im} (each of length {@link #size()}), in place. */
    public void forward(double[] re, double[] im) {
        transform(re, im, false, work());
    }

    /** Inverse transform, including the factor 1/n, in place. */
    public void inverse(double[] re, double[] im) {
        transform(re, im, true, work());
    }

    /**
     * Transforms in place with caller-owned scratch.
     *
     * @param re      real parts, length n
     * @param im      imaginary parts, length n
     * @param inverse true for the inverse (scaled by 1/n)
     * @param work    scratch from {@link #work()} of this plan
     */
    public void transform(double[] re, double[] im, boolean inverse, Work work) {
        if (re.length < n || im.length < n) {
            throw new InternalException("FFT of length " + n + " given arrays of " + re.length + " and " + im.length);
        }
        if (inverse) {
            for (int i = 0; i < n; i++) {
                im[i] = -im[i];
            }
        }
        if (bluestein) {
            bluestein(re, im, work);
        } else {
            radix2(re, im, false);
        }
        if (inverse) {
            double s = 1.0 / n;
            for (int i = 0; i < n; i++) {
                re[i] *= s;
                im[i] = -im[i] * s;
            }
        }
    }

    private void bluestein(double[] re, double[] im, Work work) {
        double[] aRe = work.re();
        double[] aIm = work.im();
        for (int k = 0; k < n; k++) {
            aRe[k] = re[k] * wRe[k] - im[k] * wIm[k];
            aIm[k] = re[k] * wIm[k] + im[k] * wRe[k];
        }
        java.util.Arrays.fill(aRe, n, m, 0);
        java.util.Arrays.fill(aIm, n, m, 0);
        radix2(aRe, aIm, false);
        for (int k = 0; k < m; k++) {
            double r = aRe[k] * bRe[k] - aIm[k] * bIm[k];
            double i = aRe[k] * bIm[k] + aIm[k] * bRe[k];
            aRe[k] = r;
            aIm[k] = i;
        }
        radix2(aRe, aIm, true);
        double s = 1.0 / m;
        for (int k = 0; k < n; k++) {
            double r = aRe[k] * s;
            double i = aIm[k] * s;
            re[k] = r * wRe[k] - i * wIm[k];
            im[k] = r * wIm[k] + i * wRe[k];
        }
    }

    /** Unscaled radix-2 transform of length m; {@code conj} uses exp(+2 pi i jk/m). */
    private void radix2(double[] re, double[] im, boolean conj) {
        for (int i = 0; i < m; i++) {
            int j = reverse[i];
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        double sign = conj ? 1 : -1;
        for (int len = 2; len <= m; len <<= 1) {
            int halfLen = len >> 1;
            int stride = m / len;
            for (int start = 0; start < m; start += len) {
                for (int k = 0; k < halfLen; k++) {
                    double c = cos[k * stride];
                    double s = sign * sin[k * stride];
                    int a = start + k;
                    int b = a + halfLen;
                    double tr = re[b] * c - im[b] * s;
                    double ti = re[b] * s + im[b] * c;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
