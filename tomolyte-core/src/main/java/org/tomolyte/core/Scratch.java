package org.tomolyte.core;

/**
 * Per-thread scratch arrays for {@link Volume}'s bulk accessors: a bulk copy between native
 * memory and a Java array is a memcpy, and the type conversion then runs as a simple int-indexed
 * loop the JIT vectorises. Arrays grow to the largest request and are reused by the thread.
 */
final class Scratch {

    private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);

    private byte[] bytes = new byte[0];
    private short[] shorts = new short[0];
    private int[] ints = new int[0];
    private float[] floats = new float[0];
    private double[] doubles = new double[0];

    private Scratch() {
    }

    static byte[] bytes(int n) {
        Scratch s = LOCAL.get();
        if (s.bytes.length < n) {
            s.bytes = new byte[n];
        }
        return s.bytes;
    }

    static short[] shorts(int n) {
        Scratch s = LOCAL.get();
        if (s.shorts.length < n) {
            s.shorts = new short[n];
        }
        return s.shorts;
    }

    static int[] ints(int n) {
        Scratch s = LOCAL.get();
        if (s.ints.length < n) {
            s.ints = new int[n];
        }
        return s.ints;
    }

    static float[] floats(int n) {
        Scratch s = LOCAL.get();
        if (s.floats.length < n) {
            s.floats = new float[n];
        }
        return s.floats;
    }

    static double[] doubles(int n) {
        Scratch s = LOCAL.get();
        if (s.doubles.length < n) {
            s.doubles = new double[n];
        }
        return s.doubles;
    }
}
