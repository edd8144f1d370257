package org.tomolyte.image.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;

/** Known answers for the Gaussian, mean and median filters, brute-force checks, thread independence. */
class FilterKnownAnswerTest {

    @Test
    void constantVolumeIsUnchanged() {
        try (Volume c = Volume.allocate(new Dims(37, 23, 11), DataType.U16, new Spacing(0.5, 0.5, 1.5))) {
            c.fill(1000);
            try (Volume g = Gaussian.filterUm(c, new double[] {1.0, 2.0, 3.0}, 4.0);
                 Volume m = BoxMean.filter(c, 3);
                 Volume md = Median.filter(c, 1);
                 Volume md2 = Median.filter(c, 2)) {
                assertEquals(DataType.F32, g.type());
                assertEquals(DataType.U16, md.type());
                for (long i = 0; i < c.voxels(); i++) {
                    assertEquals(1000, g.get(i), 1e-3, "gaussian voxel " + i);
                    assertEquals(1000, m.get(i), 0, "mean voxel " + i);
                    assertEquals(1000, md.get(i), 0, "median voxel " + i);
                    assertEquals(1000, md2.get(i), 0, "median r2 voxel " + i);
                }
            }
        }
    }

    /** A unit impulse gives the product of the three 1D kernels (anisotropic sigma via voxel size), to float rounding (weights are applied as floats). */
    @Test
    void impulseResponseIsTheKernel() {
        Dims d = new Dims(41, 41, 41);
        try (Volume v = Volume.allocate(d, DataType.F32, new Spacing(0.5, 1.0, 2.0))) {
            v.set(20, 20, 20, 1);
            double[] sigmaUm = {0.5, 1.5, 4.0};
            try (Volume g = Gaussian.filterUm(v, sigmaUm, 4.0)) {
                double[] wx = Gaussian.halfKernel(1.0, 4.0);
                double[] wy = Gaussian.halfKernel(1.5, 4.0);
                double[] wz = Gaussian.halfKernel(2.0, 4.0);
                assertEquals(5, wx.length);
                assertEquals(7, wy.length);
                assertEquals(9, wz.length);
                double total = 0;
                for (int z = 0; z < 41; z++) {
                    for (int y = 0; y < 41; y++) {
                        for (int x = 0; x < 41; x++) {
                            int dx = Math.abs(x - 20);
                            int dy = Math.abs(y - 20);
                            int dz = Math.abs(z - 20);
                            double e = dx < wx.length && dy < wy.length && dz < wz.length ? wx[dx] * wy[dy] * wz[dz] : 0;
                            assertEquals(e, g.get(x, y, z), 1e-6 * Math.max(e, 1e-3), "voxel " + x + "," + y + "," + z);
                            total += g.get(x, y, z);
                        }
                    }
                }
                assertEquals(1, total, 1e-5, "the kernel sums to 1");
                assertEquals(Math.exp(-0.5), wx[1] / wx[0], 1e-12, "sampled Gaussian, sigma 1 voxel");
            }
        }
    }

    @Test
    void meanOfAStep() {
        try (Volume v = Volume.allocate(new Dims(30, 8, 7), DataType.U8, Spacing.UNIT)) {
            for (int z = 0; z < 7; z++) {
                for (int y = 0; y < 8; y++) {
                    for (int x = 15; x < 30; x++) {
                        v.set(x, y, z, 100);
                    }
                }
            }
            try (Volume m = BoxMean.filter(v, 2)) {
                for (int x = 0; x < 30; x++) {
                    int above = 0;
                    for (int k = x - 2; k <= x + 2; k++) {
                        above += Boundary.REFLECT.map(k, 30) >= 15 ? 1 : 0;
                    }
                    for (int z = 0; z < 7; z++) {
                        for (int y = 0; y < 8; y++) {
                            assertEquals(100.0 * above / 5, m.get(x, y, z), 1e-4, "x " + x);
                        }
                    }
                }
                assertEquals(20, m.get(13, 4, 3), 1e-4);
                assertEquals(60, m.get(15, 4, 3), 1e-4);
            }
        }
    }

    @Test
    void medianRemovesImpulsesAndKeepsAStep() {
        try (Volume v = Volume.allocate(new Dims(31, 20, 12), DataType.U8, Spacing.UNIT)) {
            for (long i = 0; i < v.voxels(); i++) {
                v.set(i, 50);
            }
            for (int z = 1; z < 12; z += 4) {
                for (int y = 1; y < 20; y += 4) {
                    for (int x = 1; x < 31; x += 4) {
                        v.set(x, y, z, 255);
                    }
                }
            }
            try (Volume m = Median.filter(v, 1)) {
                for (long i = 0; i < m.voxels(); i++) {
                    assertEquals(50, m.get(i), "isolated bright voxels are removed, voxel " + i);
                }
            }
            for (int z = 0; z < 12; z++) {
                for (int y = 0; y < 20; y++) {
                    for (int x = 0; x < 31; x++) {
                        v.set(x, y, z, x < 14 ? 10 : 200);
                    }
                }
            }
            for (int r = 1; r <= 3; r++) {
                try (Volume m = Median.filter(v, r)) {
                    assertTrue(m.contentEquals(v), "a planar step is a median root (radius " + r + ")");
                }
            }
        }
    }

    /** The fast strategies against sorting every window, on every type. */
    @Test
    void medianEqualsBruteForce() {
        Object[][] cases = {
            {DataType.U8, 1}, {DataType.U8, 2}, {DataType.U16, 1}, {DataType.U16, 2}, {DataType.I32, 1}, {DataType.I32, 2},
            {DataType.F32, 1}, {DataType.F32, 2}};
        long seed = 100;
        for (Object[] c : cases) {
            DataType t = (DataType) c[0];
            int r = (Integer) c[1];
            try (Volume v = Peer.random(new Dims(19, 13, 9), t, Spacing.UNIT, seed++)) {
                if (t == DataType.F32) {
                    for (long i = 0; i < v.voxels(); i += 3) {
                        v.set(i, -v.get(i)); // negative values exercise the float key
                    }
                }
                try (Volume m = Median.filter(v, r)) {
                    assertTrue(m.contentEquals(bruteMedian(v, r)), t + " radius " + r);
                }
            }
        }
    }

    private static Volume bruteMedian(Volume v, int r) {
        Dims d = v.dims();
        Volume out = Volume.allocateLike(v, v.type());
        int w = 2 * r + 1;
        double[] win = new double[w * w * w];
        for (int z = 0; z < d.nz(); z++) {
            for (int y = 0; y < d.ny(); y++) {
                for (int x = 0; x < d.nx(); x++) {
                    int n = 0;
                    for (int dz = -r; dz <= r; dz++) {
                        for (int dy = -r; dy <= r; dy++) {
                            for (int dx = -r; dx <= r; dx++) {
                                win[n++] = v.get(Boundary.REFLECT.map(x + dx, d.nx()), Boundary.REFLECT.map(y + dy, d.ny()),
                                        Boundary.REFLECT.map(z + dz, d.nz()));
                            }
                        }
                    }
                    Arrays.sort(win);
                    out.set(x, y, z, win[n / 2]);
                }
            }
        }
        return out;
    }

    @Test
    void boundaryModes() {
        int[] reflect = new int[12];
        int[] mirror = new int[12];
        for (int i = -4; i < 8; i++) {
            reflect[i + 4] = Boundary.REFLECT.map(i, 4);
            mirror[i + 4] = Boundary.MIRROR.map(i, 4);
        }
        // d c b a | a b c d | d c b a  and  d c b | a b c d | c b a (indices 0..3 = a..d)
        assertEquals("[3, 2, 1, 0, 0, 1, 2, 3, 3, 2, 1, 0]", Arrays.toString(reflect));
        assertEquals("[2, 3, 2, 1, 0, 1, 2, 3, 2, 1, 0, 1]", Arrays.toString(mirror));
        assertEquals(0, Boundary.REFLECT.map(-7, 1));
        assertEquals(0, Boundary.MIRROR.map(5, 1));
    }

    @Test
    void oneAndTwoThreadsGiveIdenticalBits() {
        try (Volume u8 = Peer.random(new Dims(70, 45, 33), DataType.U8, new Spacing(0.7, 0.7, 1.4), 21);
             Volume f = Peer.random(new Dims(41, 38, 29), DataType.F32, Spacing.UNIT, 22)) {
            check(u8, v -> Gaussian.filterUm(v, new double[] {1.2, 0.9, 2.0}, 4.0));
            check(u8, v -> Gaussian.filter(v, 1.5, 0, 2, 3.0, Progress.NONE));
            check(u8, v -> BoxMean.filter(v, 2));
            check(u8, v -> Median.filter(v, 1));
            check(u8, v -> Median.filter(v, 2));
            check(f, v -> Median.filter(v, 2));
            check(f, v -> BoxMean.filter(v, 1, 3, 2, Progress.NONE));
        }
    }

    private static void check(Volume in, Function<Volume, Volume> f) {
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            try (Volume one = f.apply(in)) {
                Parallel.setThreads(2);
                try (Volume two = f.apply(in)) {
                    assertTrue(one.contentEquals(two), "1 and 2 threads must give identical bits");
                }
            }
        } finally {
            Parallel.setThreads(before);
        }
    }
}
