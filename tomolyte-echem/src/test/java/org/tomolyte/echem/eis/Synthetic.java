package org.tomolyte.echem.eis;

import java.util.Random;

/** Test helper: spectra of known circuits, log-spaced frequencies, optional seeded noise. */
final class Synthetic {

    private Synthetic() {
    }

    /** Frequencies from fMax down to fMin, {@code perDecade} points per decade. */
    static double[] frequencies(double fMax, double fMin, int perDecade) {
        int n = (int) Math.round(Math.log10(fMax / fMin) * perDecade) + 1;
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = fMax * Math.pow(10, -(double) i / perDecade);
        }
        return f;
    }

    /** The spectrum of {@code circuit} with relative Gaussian noise {@code rel} (0 = exact) on Re and Im. */
    static Spectrum spectrum(String circuit, double[] p, double[] f, double rel, long seed) {
        Circuit c = Circuit.parse(circuit);
        Random rnd = new Random(seed);
        double[] re = new double[f.length];
        double[] mi = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            Complex z = c.impedance(f[i], p);
            double a = z.abs();
            re[i] = z.re() + rel * a * rnd.nextGaussian();
            mi[i] = -z.im() + rel * a * rnd.nextGaussian();
        }
        return new Spectrum(f, re, mi);
    }
}
