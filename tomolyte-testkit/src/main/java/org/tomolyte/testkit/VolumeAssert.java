package org.tomolyte.testkit;

import org.tomolyte.core.Dims;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Volume;

/**
 * Assertions on volumes for tests. Each throws an {@link AssertionError} with a one-line
 * message that says what differs and where, so it works under any test framework (no JUnit
 * dependency).
 */
public final class VolumeAssert {

    private VolumeAssert() {
    }

    /**
     * Asserts equal dims, data type and voxel values (spacing is not compared). On failure the
     * message names the first differing voxel (x, y, z) in x-fastest order and both values.
     *
     * @param expected the reference volume
     * @param actual   the volume under test
     * @throws AssertionError when they differ
     */
    public static void assertSameContent(Volume expected, Volume actual) {
        sameDims(expected, actual);
        if (expected.type() != actual.type()) {
            throw new AssertionError("volumes differ in type: expected " + expected.type().label() + ", actual "
                    + actual.type().label());
        }
        if (expected.contentEquals(actual)) {
            return;
        }
        Dims d = expected.dims();
        for (long i = 0, n = d.voxels(); i < n; i++) {
            double e = expected.get(i);
            double a = actual.get(i);
            if (Double.compare(e, a) != 0) {
                throw new AssertionError("volumes differ first at voxel " + where(d, i) + ": expected " + e + ", actual " + a);
            }
        }
        throw new AssertionError("volumes differ in their bytes but every voxel value compares equal (e.g. -0.0 and 0.0"
                + " or different NaN payloads)");
    }

    /**
     * Asserts equal dims and {@code |expected - actual| <= tol} at every voxel (types may differ;
     * NaN matches only NaN). On failure the message gives the largest difference, its voxel and
     * both values.
     *
     * @param expected the reference volume
     * @param actual   the volume under test
     * @param tol      largest allowed absolute difference, in the volumes' value units, &gt;= 0
     * @throws AssertionError when a voxel differs by more than {@code tol}
     */
    public static void assertClose(Volume expected, Volume actual, double tol) {
        if (!(tol >= 0)) {
            throw new ParameterException("tol must be >= 0, got " + tol);
        }
        sameDims(expected, actual);
        Dims d = expected.dims();
        double worst = -1;
        long worstAt = -1;
        for (long i = 0, n = d.voxels(); i < n; i++) {
            double e = expected.get(i);
            double a = actual.get(i);
            double diff;
            if (Double.isNaN(e) || Double.isNaN(a)) {
                diff = Double.isNaN(e) && Double.isNaN(a) ? 0 : Double.POSITIVE_INFINITY;
            } else {
                diff = Math.abs(e - a);
            }
            if (diff > worst) {
                worst = diff;
                worstAt = i;
            }
        }
        if (worst > tol) {
            throw new AssertionError("volumes differ by up to " + worst + " (tolerance " + tol + ") at voxel "
                    + where(d, worstAt) + ": expected " + expected.get(worstAt) + ", actual " + actual.get(worstAt));
        }
    }

    /**
     * Asserts that {@code actual} holds exactly the values {@code expected}, in x-fastest order
     * (as a peer wrote them, e.g. with numpy's {@code tofile}; see {@link PythonPeer#readF64}).
     * Values compare as {@link Double#compare} does, so NaN matches NaN and -0.0 differs from 0.0.
     *
     * @param expected the reference values, one per voxel
     * @param actual   the volume under test
     * @param what     names the case in the failure message (e.g. a file name)
     * @throws AssertionError when the voxel count or any value differs
     */
    public static void assertValues(double[] expected, Volume actual, String what) {
        if (expected.length != actual.voxels()) {
            throw new AssertionError(what + ": expected " + expected.length + " values, volume has " + actual.voxels());
        }
        Dims d = actual.dims();
        for (int i = 0; i < expected.length; i++) {
            if (Double.compare(expected[i], actual.get(i)) != 0) {
                throw new AssertionError(what + ": voxel " + i + " " + where(d, i) + " expected " + expected[i]
                        + ", actual " + actual.get(i));
            }
        }
    }

    /**
     * Asserts that the fraction of voxels equal to {@code value} is within {@code tol} of
     * {@code expectedFraction}.
     *
     * @param volume           the volume under test
     * @param value            the voxel value counted (e.g. a label)
     * @param expectedFraction expected fraction, 0..1
     * @param tol              largest allowed absolute difference of fractions, &gt;= 0
     * @throws AssertionError when the fraction is off by more than {@code tol}
     */
    public static void assertFraction(Volume volume, double value, double expectedFraction, double tol) {
        if (!(tol >= 0)) {
            throw new ParameterException("tol must be >= 0, got " + tol);
        }
        long hits = 0;
        long n = volume.voxels();
        for (long i = 0; i < n; i++) {
            if (volume.get(i) == value) {
                hits++;
            }
        }
        double f = (double) hits / n;
        if (!(Math.abs(f - expectedFraction) <= tol)) {
            throw new AssertionError("fraction of voxels equal to " + value + " is " + f + " (" + hits + " of " + n
                    + "), expected " + expectedFraction + " +- " + tol);
        }
    }

    private static void sameDims(Volume expected, Volume actual) {
        if (!expected.dims().equals(actual.dims())) {
            throw new AssertionError("volumes differ in size: expected " + expected.dims() + ", actual " + actual.dims());
        }
    }

    private static String where(Dims d, long i) {
        long x = i % d.nx();
        long y = (i / d.nx()) % d.ny();
        long z = i / d.sliceVoxels();
        return "(x=" + x + ", y=" + y + ", z=" + z + ")";
    }
}
