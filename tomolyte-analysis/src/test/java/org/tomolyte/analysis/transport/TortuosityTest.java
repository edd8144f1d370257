package org.tomolyte.analysis.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.Axis;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;

/** Known answers of the tortuosity solver: straight channels, single winding paths, a slow reference solver. */
class TortuosityTest {

    private static Volume mask(Dims d, Spacing s) {
        return Volume.allocate(d, DataType.U8, s);
    }

    @Test
    void straightChannelsHaveTortuosityOneAlongEveryAxis() {
        Spacing s = new Spacing(0.5, 0.7, 1.3);
        for (Axis axis : Axis.values()) {
            Dims d = new Dims(9, 8, 7);
            try (Volume m = mask(d, s)) {
                // channels of different cross-sections running straight along the axis, plus an isolated voxel
                for (int z = 0; z < d.nz(); z++) {
                    for (int y = 0; y < d.ny(); y++) {
                        for (int x = 0; x < d.nx(); x++) {
                            int a = axis == Axis.X ? y : x;
                            int b = axis == Axis.Z ? y : z;
                            if (a % 4 < (b % 3 == 0 ? 2 : 1)) {
                                m.set(x, y, z, 1);
                            }
                        }
                    }
                }
                TortuositySolver.Result r = TortuositySolver.solve(m, axis, 1e-6, 100, false, Progress.NONE);
                assertTrue(r.converged());
                assertEquals(1.0, r.tortuosity(), 1e-6, axis.label());
                assertEquals(1.0, r.throughFraction(), 0);
                assertEquals(r.porosity(), r.effectiveDiffusivity(), 1e-6);
            }
        }
    }

    /**
     * A single winding path of one-voxel width is a chain of resistors: the links along the axis
     * have resistance sa/(sb sc), links across it sb/(sa sc) (and so on), and the two end
     * half-links sa/(2 sb sc) each. With unit concentration drop: F = 1/R,
     * D_eff/D0 = F L / A, tau = porosity / D_eff. Isotropic voxels give tau = (Np/nz)^2.
     */
    @Test
    void windingPathMatchesTheResistorChain() {
        for (Spacing s : new Spacing[] {Spacing.isotropic(0.4), new Spacing(0.5, 0.8, 1.25)}) {
            Dims d = new Dims(5, 3, 8);
            try (Volume m = mask(d, s)) {
                int[][] path = {{0, 0}, {0, 1}, {0, 2}, {0, 3}, {1, 3}, {2, 3}, {3, 3}, {4, 3}, {4, 4}, {4, 5}, {4, 6}, {4, 7}};
                for (int[] p : path) {
                    m.set(p[0], 1, p[1], 1);
                }
                int xLinks = 4;
                int zLinks = path.length - 1 - xLinks;
                double rz = s.z() / (s.x() * s.y());
                double rx = s.x() / (s.y() * s.z());
                double resistance = xLinks * rx + (zLinks + 1) * rz;
                double deff = (1 / resistance) * d.nz() * s.z() / (d.nx() * s.x() * d.ny() * s.y());
                double porosity = path.length / (double) d.voxels();
                TortuositySolver.Result r = TortuositySolver.solve(m, Axis.Z, 1e-6, 200, false, Progress.NONE);
                assertTrue(r.converged());
                assertEquals(deff, r.effectiveDiffusivity(), 1e-6 * deff);
                assertEquals(porosity / deff, r.tortuosity(), 1e-5 * r.tortuosity());
                if (s.isIsotropic()) {
                    assertEquals(Math.pow(path.length / 8.0, 2), r.tortuosity(), 1e-5);
                }
            }
        }
    }

    @Test
    void nonPercolatingPhaseHasInfiniteTortuosity() {
        try (Volume m = mask(new Dims(6, 6, 6), Spacing.UNIT)) {
            m.set(2, 2, 2, 1);
            m.set(2, 2, 0, 1);
            TortuositySolver.Result r = TortuositySolver.solve(m, Axis.Z, 1e-4, 100, false, Progress.NONE);
            assertEquals(Double.POSITIVE_INFINITY, r.tortuosity());
            assertEquals(0, r.effectiveDiffusivity());
            assertEquals(0, r.throughFraction());
        }
    }

    /** Random 60 % porous phase: multigrid CG against plain Gauss-Seidel iterated to 1e-12 (the slow reference). */
    @Test
    void randomStructureMatchesReferenceSolverForAnyThreadCount() {
        Dims d = new Dims(14, 11, 12);
        Spacing s = new Spacing(1.0, 0.8, 1.2);
        try (Volume m = mask(d, s)) {
            SplittableRandom rnd = new SplittableRandom(7);
            for (long i = 0; i < d.voxels(); i++) {
                m.set(i, rnd.nextDouble() < 0.6 ? 1 : 0);
            }
            double ref = referenceTortuosity(m, s);
            int threads = Parallel.threads();
            TortuositySolver.Result one;
            TortuositySolver.Result two;
            try {
                Parallel.setThreads(1);
                one = TortuositySolver.solve(m, Axis.Z, 1e-6, 500, true, Progress.NONE);
                Parallel.setThreads(3);
                two = TortuositySolver.solve(m, Axis.Z, 1e-6, 500, true, Progress.NONE);
            } finally {
                Parallel.setThreads(threads);
            }
            assertEquals(ref, one.tortuosity(), 1e-5 * ref);
            assertEquals(one.tortuosity(), two.tortuosity(), 0);
            assertEquals(one.iterations(), two.iterations());
            assertTrue(one.concentration().contentEquals(two.concentration()));
            assertArrayEquals(one.planeDiffusivity(), two.planeDiffusivity(), 0);
            one.concentration().close();
            two.concentration().close();
        }
    }

    /** Gauss-Seidel on the full grid with the through-connected mask found by flood fill: slow and obvious. */
    private static double referenceTortuosity(Volume m, Spacing s) {
        Dims d = m.dims();
        int nx = d.nx();
        int ny = d.ny();
        int nz = d.nz();
        boolean[] on = new boolean[(int) d.voxels()];
        for (int i = 0; i < on.length; i++) {
            on[i] = m.get(i) != 0;
        }
        boolean[] fromIn = flood(on, d, 0);
        boolean[] fromOut = flood(on, d, nz - 1);
        double gx = s.y() * s.z() / s.x();
        double gy = s.x() * s.z() / s.y();
        double gz = s.x() * s.y() / s.z();
        double[] c = new double[on.length];
        boolean[] act = new boolean[on.length];
        long phase = 0;
        for (int i = 0; i < on.length; i++) {
            act[i] = fromIn[i] && fromOut[i];
            phase += on[i] ? 1 : 0;
        }
        int[][] off = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
        double[] gg = {gx, gx, gy, gy, gz, gz};
        for (int sweep = 0; sweep < 200000; sweep++) {
            double change = 0;
            for (int z = 0; z < nz; z++) {
                for (int y = 0; y < ny; y++) {
                    for (int x = 0; x < nx; x++) {
                        int i = (z * ny + y) * nx + x;
                        if (!act[i]) {
                            continue;
                        }
                        double num = 0;
                        double den = 0;
                        for (int k = 0; k < 6; k++) {
                            int xx = x + off[k][0];
                            int yy = y + off[k][1];
                            int zz = z + off[k][2];
                            if (xx < 0 || yy < 0 || zz < 0 || xx >= nx || yy >= ny || zz >= nz) {
                                continue;
                            }
                            int j = (zz * ny + yy) * nx + xx;
                            if (act[j]) {
                                num += gg[k] * c[j];
                                den += gg[k];
                            }
                        }
                        if (z == 0) {
                            num += 2 * gz;
                            den += 2 * gz;
                        }
                        if (z == nz - 1) {
                            den += 2 * gz;
                        }
                        double v = num / den;
                        change = Math.max(change, Math.abs(v - c[i]));
                        c[i] = v;
                    }
                }
            }
            if (change < 1e-13) {
                break;
            }
        }
        double flux = 0;
        for (int i = 0; i < nx * ny; i++) {
            if (act[i]) {
                flux += 2 * gz * (1 - c[i]);
            }
        }
        double deff = flux * nz * s.z() / (nx * s.x() * ny * s.y());
        return (phase / (double) on.length) / deff;
    }

    /** Voxels 6-connected (within the phase) to layer z = z0. */
    private static boolean[] flood(boolean[] on, Dims d, int z0) {
        int nx = d.nx();
        int ny = d.ny();
        int nz = d.nz();
        boolean[] seen = new boolean[on.length];
        java.util.ArrayDeque<Integer> q = new java.util.ArrayDeque<>();
        for (int i = z0 * nx * ny; i < (z0 + 1) * nx * ny; i++) {
            if (on[i]) {
                seen[i] = true;
                q.add(i);
            }
        }
        while (!q.isEmpty()) {
            int i = q.poll();
            int x = i % nx;
            int y = (i / nx) % ny;
            int z = i / (nx * ny);
            int[] nb = {x > 0 ? i - 1 : -1, x < nx - 1 ? i + 1 : -1, y > 0 ? i - nx : -1, y < ny - 1 ? i + nx : -1,
                z > 0 ? i - nx * ny : -1, z < nz - 1 ? i + nx * ny : -1};
            for (int j : nb) {
                if (j >= 0 && on[j] && !seen[j]) {
                    seen[j] = true;
                    q.add(j);
                }
            }
        }
        return seen;
    }
}
