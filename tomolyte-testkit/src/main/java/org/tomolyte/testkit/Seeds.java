package org.tomolyte.testkit;

import java.util.SplittableRandom;

/**
 * Derivation of independent random streams from one user seed, and Gaussian deviates that are
 * bit-identical on every JVM and machine (Marsaglia's polar method with {@link StrictMath#log}
 * and the exactly rounded {@link Math#sqrt}; the JDK's own {@code nextGaussian} is not specified
 * to the bit across versions).
 */
final class Seeds {

    private Seeds() {
    }

    /** A seed for stream {@code stream}, item {@code index} (e.g. slice z) derived from {@code seed}. */
    static long derive(long seed, long stream, long index) {
        long h = seed;
        h = mix(h + 0x9E3779B97F4A7C15L * (stream + 1));
        h = mix(h + 0xBF58476D1CE4E5B9L * (index + 1));
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A seeded source of standard normal deviates. */
    static final class Gaussian {
        private final SplittableRandom rnd;
        private double spare;
        private boolean hasSpare;

        Gaussian(SplittableRandom rnd) {
            this.rnd = rnd;
        }

        /** The next deviate with mean 0 and standard deviation 1. */
        double next() {
            if (hasSpare) {
                hasSpare = false;
                return spare;
            }
            double u;
            double v;
            double s;
            do {
                u = 2 * rnd.nextDouble() - 1;
                v = 2 * rnd.nextDouble() - 1;
                s = u * u + v * v;
            } while (s >= 1 || s == 0);
            double f = Math.sqrt(-2 * StrictMath.log(s) / s);
            spare = v * f;
            hasSpare = true;
            return u * f;
        }
    }

    /** A uniform deviate in [lo, hi) ({@code lo} when the range is empty). */
    static double uniform(SplittableRandom rnd, double lo, double hi) {
        return lo + (hi - lo) * rnd.nextDouble();
    }
}
