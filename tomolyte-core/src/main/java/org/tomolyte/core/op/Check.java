package org.tomolyte.core.op;

import org.tomolyte.core.ParameterException;

/**
 * Validation helpers for parameter records' compact constructors. Every message names the
 * parameter, the allowed range and the value given.
 */
public final class Check {

    private Check() {
    }

    /** {@code value} must be finite and &gt; {@code bound}. */
    public static double greater(String name, double value, double bound) {
        if (!(value > bound) || Double.isInfinite(value)) {
            throw new ParameterException(name + " must be > " + fmt(bound) + ", got " + fmt(value));
        }
        return value;
    }

    /** {@code value} must be finite and &gt;= {@code bound}. */
    public static double atLeast(String name, double value, double bound) {
        if (!(value >= bound) || Double.isInfinite(value)) {
            throw new ParameterException(name + " must be >= " + fmt(bound) + ", got " + fmt(value));
        }
        return value;
    }

    /** {@code value} must lie in {@code [lo, hi]}. */
    public static double range(String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new ParameterException(name + " must be in " + fmt(lo) + ".." + fmt(hi) + ", got " + fmt(value));
        }
        return value;
    }

    /** {@code value} must lie in {@code [lo, hi]}. */
    public static int range(String name, int value, int lo, int hi) {
        if (value < lo || value > hi) {
            throw new ParameterException(name + " must be in " + lo + ".." + hi + ", got " + value);
        }
        return value;
    }

    /** {@code value} must be finite (not NaN or infinite). */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new ParameterException(name + " must be a finite number, got " + value);
        }
        return value;
    }

    /** {@code lo <= hi} for a pair of bounds such as a minimum and a maximum radius. */
    public static void ordered(String loName, double lo, String hiName, double hi) {
        if (lo > hi) {
            throw new ParameterException(loName + " (" + fmt(lo) + ") must be <= " + hiName + " (" + fmt(hi) + ")");
        }
    }

    /** {@code value} must not be null. */
    public static <T> T required(String name, T value) {
        if (value == null) {
            throw new ParameterException(name + " is required");
        }
        return value;
    }

    /** Formats a number without a trailing {@code .0} for whole values. */
    public static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
