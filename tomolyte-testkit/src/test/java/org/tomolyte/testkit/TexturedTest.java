package org.tomolyte.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;

/** The textured phantom: analytic values, exact displacement, truth, determinism. */
class TexturedTest {

    private static final Dims DIMS = new Dims(24, 20, 16);
    private static final Spacing SPACING = new Spacing(0.5, 0.6, 0.8);

    @Test
    void voxelsAreTheFunctionAtTheirCentres() {
        Textured t = Textured.of(Textured.config(DIMS, SPACING, 4), 1);
        try (Volume v = t.render(null, 0)) {
            for (int[] p : new int[][] {{0, 0, 0}, {5, 7, 3}, {23, 19, 15}}) {
                double want = t.value((p[0] + 0.5) * SPACING.x(), (p[1] + 0.5) * SPACING.y(), (p[2] + 0.5) * SPACING.z());
                assertEquals((float) want, v.get(p[0], p[1], p[2]), 0.0);
            }
            double sum = 0;
            double sq = 0;
            for (long i = 0; i < v.voxels(); i++) {
                sum += v.get(i);
                sq += v.get(i) * v.get(i);
            }
            double mean = sum / v.voxels();
            double sd = Math.sqrt(sq / v.voxels() - mean * mean);
            // signed blobs around grey 1000: a textured image, neither flat nor saturated
            assertTrue(sd > 30 && sd < 400, "standard deviation " + sd);
            assertEquals(1000, mean, 3 * sd);
        }
    }

    @Test
    void aShiftByWholeVoxelsMovesTheContentExactly() {
        Textured t = Textured.of(Textured.config(DIMS, SPACING, 4), 2);
        try (Volume a = t.render(null, 0); Volume b = t.render(new Textured.Uniform(2 * SPACING.x(), -SPACING.y(), 3 * SPACING.z()), 0)) {
            // b(p) = a(p - (2, -1, 3)): content moved towards +x, -y, +z
            for (int z = 3; z < DIMS.nz(); z++) {
                for (int y = 0; y < DIMS.ny() - 1; y++) {
                    for (int x = 2; x < DIMS.nx(); x++) {
                        // positions differ only by rounding of p - u: far below float resolution of the grey values
                        assertEquals(a.get(x - 2, y + 1, z - 3), b.get(x, y, z), 1e-3);
                    }
                }
            }
        }
    }

    @Test
    void truthAtReferenceSolvesTheImplicitEquation() {
        double[] g = {0.02, 0.01, 0, 0, -0.01, 0.005, 0.003, 0, 0.015};
        Textured.Linear u = new Textured.Linear(new double[] {5, 6, 7}, new double[] {0.4, -0.3, 0.2}, g);
        double[] q = {12, 3, 9};
        double[] d = u.atReference(q[0], q[1], q[2]);
        double[] again = u.at(q[0] + d[0], q[1] + d[1], q[2] + d[2]);
        assertArrayEquals(d, again, 1e-12);
        Textured.Uniform s = new Textured.Uniform(1, 2, 3);
        assertArrayEquals(new double[] {1, 2, 3}, s.atReference(0, 0, 0), 0.0);
        Textured.Bulge b = new Textured.Bulge(0, 0, 10, 2);
        assertEquals(2, b.atReference(0, 0, 5)[2], 1e-12);
    }

    @Test
    void noiseAndContentDoNotDependOnThreads() {
        Textured t = Textured.of(Textured.config(DIMS, SPACING, 4).withNoise(25), 3);
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            Volume one = t.render(new Textured.Bulge(6, 6, 4, 1), 9);
            Parallel.setThreads(2);
            Volume two = t.render(new Textured.Bulge(6, 6, 4, 1), 9);
            assertTrue(one.contentEquals(two));
            Volume other = t.render(new Textured.Bulge(6, 6, 4, 1), 10);
            assertTrue(!one.contentEquals(other), "another noise seed gives other noise");
        } finally {
            Parallel.setThreads(before);
        }
    }
}
