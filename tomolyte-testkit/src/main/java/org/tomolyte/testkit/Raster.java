package org.tomolyte.testkit;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;

import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Spacing;

/**
 * Rasterisation helpers shared by the phantom generators. Work is split into fixed slabs of
 * {@link #SLAB} slices (independent of the thread count) and per-slab counters are added in slab
 * order, so every result is identical for any {@link Parallel#threads()}.
 */
final class Raster {

    /** Slices per slab task. */
    static final int SLAB = 8;

    private Raster() {
    }

    /** Number of slab tasks for {@code dims}. */
    static int slabCount(Dims dims) {
        return (dims.nz() + SLAB - 1) / SLAB;
    }

    /** First slice of slab {@code t}. */
    static int slabStart(int t) {
        return t * SLAB;
    }

    /** One past the last slice of slab {@code t}. */
    static int slabEnd(Dims dims, int t) {
        return Math.min(dims.nz(), (t + 1) * SLAB);
    }

    /**
     * Runs {@code task} for every slab (in parallel) and returns the element-wise sum of the
     * counters it returns, added in slab order.
     */
    static long[] sumOverSlabs(Dims dims, int counters, IntFunction<long[]> task) {
        List<long[]> parts = Parallel.map(slabCount(dims), task);
        long[] sum = new long[counters];
        for (long[] p : parts) {
            for (int k = 0; k < counters; k++) {
                sum[k] += p[k];
            }
        }
        return sum;
    }

    /**
     * Calls {@code action} with the linear index of every voxel of slices {@code zLo..zHi-1}
     * whose centre lies inside {@code shape}, in x-fastest order.
     */
    static void forEachInside(Shape shape, Dims dims, Spacing sp, int zLo, int zHi, LongConsumer action) {
        Shape.Bounds b = shape.bounds();
        int i0 = Math.max(0, (int) Math.ceil(b.x0() / sp.x() - 0.5));
        int i1 = Math.min(dims.nx() - 1, (int) Math.floor(b.x1() / sp.x() - 0.5));
        int j0 = Math.max(0, (int) Math.ceil(b.y0() / sp.y() - 0.5));
        int j1 = Math.min(dims.ny() - 1, (int) Math.floor(b.y1() / sp.y() - 0.5));
        int k0 = Math.max(zLo, (int) Math.ceil(b.z0() / sp.z() - 0.5));
        int k1 = Math.min(zHi - 1, (int) Math.floor(b.z1() / sp.z() - 0.5));
        for (int k = k0; k <= k1; k++) {
            double z = (k + 0.5) * sp.z();
            for (int j = j0; j <= j1; j++) {
                double y = (j + 0.5) * sp.y();
                long row = dims.index(0, j, k);
                for (int i = i0; i <= i1; i++) {
                    if (shape.contains((i + 0.5) * sp.x(), y, z)) {
                        action.accept(row + i);
                    }
                }
            }
        }
    }

    /** True when the bounds of {@code shape} lie inside the physical extent of the volume. */
    static boolean inside(Shape shape, Dims dims, Spacing sp) {
        Shape.Bounds b = shape.bounds();
        return b.x0() >= 0 && b.y0() >= 0 && b.z0() >= 0 && b.x1() <= dims.nx() * sp.x()
                && b.y1() <= dims.ny() * sp.y() && b.z1() <= dims.nz() * sp.z();
    }
}
