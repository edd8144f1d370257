package org.tomolyte.testkit;

import java.util.function.Supplier;

import org.tomolyte.core.Parallel;
import org.tomolyte.core.Volume;

/** Independent recounts of generated volumes and a helper to run a generator at a fixed thread count. */
final class Recount {

    private Recount() {
    }

    /** Number of voxels per value 0..n-1 (values outside are an error). */
    static long[] histogram(Volume v, int n) {
        long[] h = new long[n];
        for (long i = 0; i < v.voxels(); i++) {
            h[v.getInt(i)]++;
        }
        return h;
    }

    /** Integer value of voxel (x, y, z). */
    static int at(Volume v, int x, int y, int z) {
        return v.getInt(v.dims().index(x, y, z));
    }

    /** Runs {@code gen} with {@code threads} threads and restores the previous setting. */
    static <T> T withThreads(int threads, Supplier<T> gen) {
        int old = Parallel.threads();
        Parallel.setThreads(threads);
        try {
            return gen.get();
        } finally {
            Parallel.setThreads(old);
        }
    }
}
