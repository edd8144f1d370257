package org.tomolyte.testkit;

import org.tomolyte.core.ParameterException;

/** Parameter validation with one-line messages naming the parameter, the range and the value. */
final class Check {

    private Check() {
    }

    /** {@code v} must be finite and &gt; 0. */
    static double positive(String name, double v, String unit) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new ParameterException(name + " must be a finite number of " + unit + " > 0, got " + v);
        }
        return v;
    }

    /** {@code v} must be finite and &gt;= 0. */
    static double nonNegative(String name, double v, String unit) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new ParameterException(name + " must be a finite number of " + unit + " >= 0, got " + v);
        }
        return v;
    }

    /** {@code v} must be finite. */
    static double finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new ParameterException(name + " must be a finite number, got " + v);
        }
        return v;
    }

    /** {@code v} must be in {@code lo..hi} inclusive. */
    static int range(String name, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new ParameterException(name + " must be in " + lo + ".." + hi + ", got " + v);
        }
        return v;
    }

    /** {@code lo <= hi} for a range of radii or sizes. */
    static void ordered(String loName, double lo, String hiName, double hi) {
        if (lo > hi) {
            throw new ParameterException(loName + " (" + lo + ") must be <= " + hiName + " (" + hi + ")");
        }
    }

    /** {@code v} must be a grey level in {@code 0..max}. */
    static void greyLevel(String name, double v, double max) {
        if (!(v >= 0 && v <= max)) {
            throw new ParameterException(name + " must be a grey level in 0.." + (long) max + ", got " + v);
        }
    }

    /** A non-null argument. */
    static <T> T notNull(String name, T v) {
        if (v == null) {
            throw new ParameterException(name + " must be given, got null");
        }
        return v;
    }
}
