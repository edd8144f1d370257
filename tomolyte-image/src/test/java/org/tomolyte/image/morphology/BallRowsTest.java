package org.tomolyte.image.morphology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.image.morphology.BallMorphology.Method;

/** The direct small-ball path ({@link BallRows}) against the EDT path, bit for bit. */
class BallRowsTest {

    private static final int THREADS = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(THREADS);
    }

    /** Random 0/1 blobs: a random field smoothed by majority so that both phases have runs and holes. */
    private static Volume randomMask(Dims d, Spacing s, DataType type, double foreground, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Volume v = Volume.allocate(d, type, s);
        for (long i = 0; i < v.voxels(); i++) {
            if (r.nextDouble() < foreground) {
                v.set(i, type == DataType.F32 ? (r.nextBoolean() ? -0.25 : 3.5) : 1 + r.nextInt(200));
            }
        }
        return v;
    }

    private static Volume op(Volume m, double r, String op, Method method) {
        return switch (op) {
            case "dilate" -> BallMorphology.apply(m, false, r, method, Progress.NONE);
            case "erode" -> BallMorphology.apply(m, true, r, method, Progress.NONE);
            case "open" -> {
                try (Volume e = BallMorphology.apply(m, true, r, method, Progress.NONE)) {
                    yield BallMorphology.apply(e, false, r, method, Progress.NONE);
                }
            }
            case "close" -> {
                try (Volume e = BallMorphology.apply(m, false, r, method, Progress.NONE)) {
                    yield BallMorphology.apply(e, true, r, method, Progress.NONE);
                }
            }
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static void assertSameVoxels(Volume expected, Volume got, String what) {
        Dims d = expected.dims();
        long diff = 0;
        long first = -1;
        for (long i = 0; i < expected.voxels(); i++) {
            if (expected.getInt(i) != got.getInt(i)) {
                diff++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        assertEquals(0, diff, what + ": " + diff + " voxels differ, first at index " + first + " of " + d);
    }

    /** Radii placed on, just below and just above lattice shells, up to past the switch-over to the EDT. */
    @Test
    void directEqualsEdtOnRandomAnisotropicVolumesForAllFourOps() {
        Spacing[] spacings = {new Spacing(0.7, 0.7, 0.7), new Spacing(0.5, 0.7, 2.0), new Spacing(1.3, 0.9, 0.4),
                new Spacing(0.3, 0.3, 0.9)};
        // isotropic: 9.8 voxels has 293 rows and 9.85 has 301, either side of DIRECT_MAX_ROWS = 300
        double[] radiiVoxels = {0, 0.99, 1, 1.42, 1.5, 2, 2.0000001, 2.24, 2.45, 3, 3.3, 4, 5, 6.5, 7, 7.2, 8, 9.8, 9.85, 10};
        Dims d = new Dims(23, 19, 17);
        int seed = 0;
        int directCases = 0;
        int autoDirect = 0;
        int autoEdt = 0;
        for (Spacing s : spacings) {
            for (double rv : radiiVoxels) {
                double r = rv * s.x();
                BallRows rows = BallRows.of(s, r, BallRows.MAX_HALF_WIDTH, Integer.MAX_VALUE / 4);
                if (BallRows.of(s, r, BallMorphology.DIRECT_MAX_HALF_WIDTH, BallMorphology.DIRECT_MAX_ROWS) != null) {
                    autoDirect++;
                } else {
                    autoEdt++;
                }
                try (Volume m = randomMask(d, s, DataType.U8, 0.35 + 0.05 * (seed % 5), 1000 + seed++)) {
                    for (String op : new String[] {"dilate", "erode", "open", "close"}) {
                        try (Volume edt = op(m, r, op, Method.EDT); Volume auto = op(m, r, op, Method.AUTO)) {
                            String what = op + " r=" + r + " um on " + s;
                            assertSameVoxels(edt, auto, what + " (auto)");
                            if (rows != null) {
                                try (Volume direct = op(m, r, op, Method.DIRECT)) {
                                    assertSameVoxels(edt, direct, what + " (direct)");
                                }
                                directCases++;
                            }
                        }
                    }
                }
            }
        }
        assertTrue(directCases > 200, "direct path exercised in " + directCases + " cases");
        assertTrue(autoDirect > 40 && autoEdt > 4, "auto chose direct " + autoDirect + " and EDT " + autoEdt + " times");
    }

    @Test
    void nonByteInputsThinVolumesAndBordersMatchTheEdt() {
        Spacing s = new Spacing(0.5, 0.7, 2.0);
        Dims[] sizes = {new Dims(1, 9, 8), new Dims(9, 1, 8), new Dims(9, 8, 1), new Dims(2, 2, 2), new Dims(31, 3, 5),
                new Dims(64, 4, 3), new Dims(150, 4, 5)};
        int seed = 7;
        for (Dims d : sizes) {
            for (DataType t : new DataType[] {DataType.U8, DataType.F32, DataType.U16}) {
                for (double r : new double[] {0.5, 1.0, 1.45, 2.1}) {
                    try (Volume m = randomMask(d, s, t, 0.5, seed++)) {
                        for (String op : new String[] {"dilate", "erode", "open", "close"}) {
                            try (Volume edt = op(m, r, op, Method.EDT); Volume direct = op(m, r, op, Method.DIRECT)) {
                                assertSameVoxels(edt, direct, op + " r=" + r + " " + t + " " + d);
                            }
                        }
                    }
                }
            }
        }
        // all foreground: erosion keeps everything (outside counts as foreground), dilation of nothing is nothing
        Dims d = new Dims(12, 10, 9);
        try (Volume full = Volume.allocate(d, DataType.U8, s); Volume empty = Volume.allocate(d, DataType.U8, s)) {
            full.fill(1);
            try (Volume e = op(full, 1.4, "erode", Method.DIRECT); Volume g = op(empty, 1.4, "dilate", Method.DIRECT)) {
                assertSameVoxels(full, e, "erode of all foreground");
                assertSameVoxels(empty, g, "dilate of all background");
            }
        }
    }

    @Test
    void directIsIndependentOfTheThreadCount() {
        Spacing s = new Spacing(0.7, 0.7, 0.7);
        // taller than one slab of the fixed grid (2^23 voxels) so that slab seams are crossed
        Dims d = new Dims(128, 128, 700);
        try (Volume m = randomMask(d, s, DataType.U8, 0.5, 99)) {
            for (String op : new String[] {"dilate", "erode"}) {
                Parallel.setThreads(1);
                try (Volume one = op(m, 1.4, op, Method.DIRECT)) {
                    Parallel.setThreads(2);
                    try (Volume two = op(m, 1.4, op, Method.DIRECT)) {
                        assertTrue(one.contentEquals(two), op + ": 1 and 2 threads differ");
                    }
                }
            }
            Dims small = new Dims(40, 30, 90);
            try (Volume sm = m.crop(new org.tomolyte.core.Box(0, 0, 0, small.nx(), small.ny(), small.nz())).copy()) {
                try (Volume edt = op(sm, 1.4, "close", Method.EDT); Volume direct = op(sm, 1.4, "close", Method.DIRECT)) {
                    assertSameVoxels(edt, direct, "close on a cropped copy");
                }
            }
        }
    }

    @Test
    void ballRowsCoverTheBallAndRespectTheLimits() {
        Spacing s = new Spacing(0.7, 0.7, 0.7);
        BallRows two = BallRows.of(s, 1.4, 7, 300);
        assertNotNull(two);
        assertEquals(13, two.rows(), "radius 2 voxels: rows with dy^2 + dz^2 <= 4");
        assertEquals(2, two.maxHalfWidth());
        assertNull(BallRows.of(s, 8 * 0.7, 7, 300), "half width 8 is past the limit");
        assertNull(BallRows.of(new Spacing(0.7, 0.01, 0.7), 1.4, 7, 300), "too many rows");
        assertEquals(293, BallRows.of(s, 9.8 * 0.7, 64, 300).rows());
        assertNull(BallRows.of(s, 9.85 * 0.7, 64, 300), "301 rows");
    }
}
