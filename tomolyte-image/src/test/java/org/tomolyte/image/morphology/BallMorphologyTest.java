package org.tomolyte.image.morphology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.ParamBinder;
import org.tomolyte.testkit.PythonPeer;

class BallMorphologyTest {

    private static final int THREADS = Parallel.threads();

    @TempDir
    Path tmp;

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(THREADS);
    }

    private static Volume randomMask(Dims d, Spacing s, double foreground, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Volume v = Volume.allocate(d, DataType.U8, s);
        for (long i = 0; i < v.voxels(); i++) {
            if (r.nextDouble() < foreground) {
                v.set(i, 1 + r.nextInt(200));
            }
        }
        return v;
    }

    /** The explicit ball: every offset with (dx sx)^2 + (dy sy)^2 + (dz sz)^2 <= r^2, written out independently. */
    private static List<int[]> ball(Spacing s, double r) {
        List<int[]> b = new ArrayList<>();
        int rx = (int) Math.ceil(r / s.x());
        int ry = (int) Math.ceil(r / s.y());
        int rz = (int) Math.ceil(r / s.z());
        for (int dz = -rz; dz <= rz; dz++) {
            for (int dy = -ry; dy <= ry; dy++) {
                for (int dx = -rx; dx <= rx; dx++) {
                    double ux = dx * s.x();
                    double uy = dy * s.y();
                    double uz = dz * s.z();
                    if (ux * ux + uy * uy + uz * uz <= r * r) {
                        b.add(new int[] {dx, dy, dz});
                    }
                }
            }
        }
        return b;
    }

    /** Brute-force dilation (outside = background) or erosion (outside = foreground) with an explicit ball. */
    private static byte[] bruteForce(Volume m, double r, boolean dilate) {
        Dims d = m.dims();
        List<int[]> b = ball(m.spacing(), r);
        byte[] out = new byte[(int) d.voxels()];
        for (int z = 0; z < d.nz(); z++) {
            for (int y = 0; y < d.ny(); y++) {
                for (int x = 0; x < d.nx(); x++) {
                    boolean any = false;
                    boolean all = true;
                    for (int[] o : b) {
                        int qx = x + o[0];
                        int qy = y + o[1];
                        int qz = z + o[2];
                        if (d.contains(qx, qy, qz)) {
                            boolean fg = m.get(qx, qy, qz) != 0;
                            any |= fg;
                            all &= fg;
                        }
                    }
                    out[(int) d.index(x, y, z)] = (byte) ((dilate ? any : all) ? 1 : 0);
                }
            }
        }
        return out;
    }

    private static Volume of(byte[] b, Dims d, Spacing s) {
        Volume v = Volume.allocate(d, DataType.U8, s);
        v.write(0, b, 0, b.length);
        return v;
    }

    private static void assertSame(byte[] expected, Volume got, String what) {
        long diff = 0;
        long first = -1;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != got.getInt(i)) {
                diff++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        assertEquals(0, diff, what + ": " + diff + " voxels differ, first at " + first);
    }

    private static byte[] bytes(Volume v) {
        byte[] b = new byte[(int) v.voxels()];
        v.read(0, b, 0, b.length);
        return b;
    }

    /**
     * Radii chosen to land exactly on lattice points (ties): r = 1 with 0.5 um voxels, r = 2 and
     * sqrt(2) on unit voxels, r = 2.1 on (0.7, 0.7, 2.1) voxels, r = 1.4 = 2 x 0.7 and r = 0.9 = 3 x 0.3
     * (whose squares are not exact in float), plus r = 0 and generic radii.
     */
    @Test
    void equalsBruteForceWithAnExplicitBallTiesIncluded() {
        record Case(Spacing s, double r) {
        }
        List<Case> cases = List.of(new Case(Spacing.UNIT, 0), new Case(Spacing.UNIT, 1), new Case(Spacing.UNIT, 2),
                new Case(Spacing.UNIT, Math.sqrt(2)), new Case(Spacing.UNIT, Math.sqrt(3)), new Case(Spacing.isotropic(0.5), 1.0),
                new Case(new Spacing(0.7, 0.7, 2.1), 2.1), new Case(new Spacing(0.5, 0.7, 2.0), 1.5),
                new Case(new Spacing(0.5, 0.7, 2.0), 1.4), new Case(new Spacing(0.3, 0.7, 2.0), 0.9),
                new Case(new Spacing(0.5, 0.7, 2.0), 2.3), new Case(new Spacing(1.3, 0.9, 0.4), 1.77));
        long seed = 1;
        for (Case c : cases) {
            for (double f : new double[] {0.1, 0.5, 0.85}) {
                Dims d = new Dims(13 + (int) (seed % 4), 11 + (int) (seed % 3), 9 + (int) (seed % 5));
                try (Volume m = randomMask(d, c.s(), f, seed++);
                     Volume dil = BallMorphology.dilate(m, c.r());
                     Volume ero = BallMorphology.erode(m, c.r())) {
                    String what = "spacing " + c.s() + ", r " + c.r() + " um, foreground " + f;
                    byte[] bd = bruteForce(m, c.r(), true);
                    byte[] be = bruteForce(m, c.r(), false);
                    assertSame(bd, dil, "dilation, " + what);
                    assertSame(be, ero, "erosion, " + what);
                    try (Volume e = of(be, d, c.s()); Volume d2 = of(bd, d, c.s());
                         Volume open = BallMorphology.open(m, c.r()); Volume close = BallMorphology.close(m, c.r())) {
                        assertSame(bruteForce(e, c.r(), true), open, "opening, " + what);
                        assertSame(bruteForce(d2, c.r(), false), close, "closing, " + what);
                    }
                }
            }
        }
    }

    @Test
    void dilatingOneVoxelGivesTheBall() {
        Spacing s = new Spacing(0.5, 0.7, 2.0);
        double r = 3.5;
        Dims d = new Dims(31, 25, 9);
        try (Volume m = Volume.allocate(d, DataType.U8, s)) {
            m.set(15, 12, 4, 1);
            try (Volume dil = BallMorphology.dilate(m, r)) {
                long n = 0;
                for (long i = 0; i < dil.voxels(); i++) {
                    n += dil.getInt(i);
                }
                assertEquals(ball(s, r).size(), n);
                assertEquals(1, dil.getInt(15, 12 + 5, 4), "0.7*5 = 3.5 um: on the sphere, inside");
                assertEquals(0, dil.getInt(15 + 7, 12 + 1, 4), "sqrt(3.5^2 + 0.7^2) > 3.5 um: outside");
                assertEquals(0, dil.getInt(15, 12, 4 + 2), "4 um along z: outside");
            }
        }
    }

    @Test
    void borderRuleCutPhaseIsNotErodedFromTheCutFace() {
        Dims d = new Dims(20, 20, 20);
        try (Volume full = Volume.allocate(d, DataType.U8, Spacing.UNIT)) {
            for (long i = 0; i < full.voxels(); i++) {
                full.set(i, 1);
            }
            try (Volume e = BallMorphology.erode(full, 3); Volume c = BallMorphology.close(full, 3)) {
                assertTrue(full.contentEquals(e), "a volume full of foreground stays full under erosion");
                assertTrue(full.contentEquals(c), "and under closing");
            }
            // a slab z < 10 touching the bottom face: erosion by 3 removes z = 7..9 only
            for (int z = 10; z < 20; z++) {
                for (int y = 0; y < 20; y++) {
                    for (int x = 0; x < 20; x++) {
                        full.set(x, y, z, 0);
                    }
                }
            }
            try (Volume e = BallMorphology.erode(full, 3)) {
                for (int z = 0; z < 20; z++) {
                    assertEquals(z < 7 ? 1 : 0, e.getInt(0, 0, z), "z " + z);
                    assertEquals(z < 7 ? 1 : 0, e.getInt(10, 10, z), "z " + z);
                }
            }
        }
    }

    @Test
    void dualityOpeningShrinksClosingGrows() {
        Dims d = new Dims(30, 26, 18);
        Spacing s = new Spacing(0.5, 0.7, 2.0);
        try (Volume m = randomMask(d, s, 0.6, 77); Volume inv = Volume.allocate(d, DataType.U8, s)) {
            for (long i = 0; i < m.voxels(); i++) {
                inv.set(i, m.get(i) == 0 ? 1 : 0);
            }
            try (Volume e = BallMorphology.erode(m, 1.6); Volume di = BallMorphology.dilate(inv, 1.6);
                 Volume o = BallMorphology.open(m, 1.6); Volume c = BallMorphology.close(m, 1.6)) {
                for (long i = 0; i < m.voxels(); i++) {
                    int x = m.get(i) != 0 ? 1 : 0;
                    assertEquals(1 - di.getInt(i), e.getInt(i), "erode(X) = not dilate(not X) at " + i);
                    assertTrue(o.getInt(i) <= x, "opening never adds, voxel " + i);
                    assertTrue(c.getInt(i) >= x, "closing never removes, voxel " + i);
                }
            }
        }
    }

    @Test
    void opsAreRegisteredValidatedAndThreadIndependent() {
        Dims d = new Dims(45, 37, 29);
        Spacing s = new Spacing(0.5, 0.7, 2.0);
        Map<String, Op<BallMorphologyOp.Params>> ops = Map.of("morphology.erode", new ErodeOp(), "morphology.dilate", new DilateOp(),
                "morphology.open", new OpenOp(), "morphology.close", new CloseOp());
        List<String> ids = new ArrayList<>();
        for (Op<?> op : java.util.ServiceLoader.load(Op.class)) {
            ids.add(op.id());
        }
        assertTrue(ids.containsAll(ops.keySet()) && ids.contains("distance.edt"), "registered: " + ids);
        assertThrows(ParameterException.class, () -> ParamBinder.bind(BallMorphologyOp.Params.class, Map.of("radius_um", -1)));
        assertThrows(ParameterException.class, () -> new BallMorphologyOp.Params(Double.NaN));
        BallMorphologyOp.Params p = ParamBinder.bind(BallMorphologyOp.Params.class, Map.of("radius_um", 2.2));
        try (Volume m = randomMask(d, s, 0.55, 3)) {
            for (var e : ops.entrySet()) {
                assertEquals(e.getKey(), e.getValue().id());
                Parallel.setThreads(1);
                try (Volume one = (Volume) e.getValue().run(p, new OpInputs(Map.of("mask", m)), OpContext.QUIET).outputs().get("mask")) {
                    Parallel.setThreads(2);
                    try (Volume two = (Volume) e.getValue().run(p, new OpInputs(Map.of("mask", m)), OpContext.QUIET).outputs().get("mask")) {
                        assertEquals(DataType.U8, one.type());
                        assertTrue(one.contentEquals(two), e.getKey());
                    }
                }
            }
        }
    }

    /** scipy.ndimage with the same explicit footprint, border_value 0 for dilation and 1 for erosion. */
    @Test
    void equalsScipyWithTheSameFootprint() {
        Assumptions.assumeTrue(PythonPeer.available("numpy", "scipy"), PythonPeer.skipMessage("scipy"));
        Dims d = new Dims(47, 39, 31);
        Spacing s = new Spacing(0.5, 0.7, 2.0);
        double[] radii = {1.4, 2.0, 3.1};
        try (Volume m = randomMask(d, s, 0.45, 21)) {
            Path in = tmp.resolve("m.f64");
            PythonPeer.writeF64(m, in);
            List<String> args = new ArrayList<>(List.of(in.toString(), d.nz() + "," + d.ny() + "," + d.nx(), s.x() + "," + s.y() + "," + s.z()));
            for (double r : radii) {
                args.add(Double.toString(r));
            }
            PythonPeer.run("""
                    import sys, numpy as np
                    from scipy import ndimage as ndi
                    shape = tuple(int(v) for v in sys.argv[2].split(','))
                    sx, sy, sz = (float(v) for v in sys.argv[3].split(','))
                    m = np.fromfile(sys.argv[1], '<f8').reshape(shape) != 0
                    for k, r in enumerate(float(v) for v in sys.argv[4:]):
                        rz, ry, rx = (int(np.ceil(r / v)) for v in (sz, sy, sx))
                        dz, dy, dx = np.mgrid[-rz:rz + 1, -ry:ry + 1, -rx:rx + 1]
                        fp = (dx * sx) ** 2 + (dy * sy) ** 2 + (dz * sz) ** 2 <= r * r
                        dil = ndi.binary_dilation(m, fp, border_value=0)
                        ero = ndi.binary_erosion(m, fp, border_value=1)
                        opn = ndi.binary_dilation(ero, fp, border_value=0)
                        cls = ndi.binary_erosion(dil, fp, border_value=1)
                        for name, a in (('dilate', dil), ('erode', ero), ('open', opn), ('close', cls)):
                            a.astype('<f8').tofile(sys.argv[1] + '.%d.%s' % (k, name))
                    """, args.toArray(String[]::new));
            for (int k = 0; k < radii.length; k++) {
                double r = radii[k];
                try (Volume dil = BallMorphology.dilate(m, r); Volume ero = BallMorphology.erode(m, r);
                     Volume opn = BallMorphology.open(m, r); Volume cls = BallMorphology.close(m, r)) {
                    Map<String, Volume> ours = Map.of("dilate", dil, "erode", ero, "open", opn, "close", cls);
                    for (var e : ours.entrySet()) {
                        double[] ref = PythonPeer.readF64(Path.of(in + "." + k + "." + e.getKey()));
                        byte[] b = new byte[ref.length];
                        for (int i = 0; i < ref.length; i++) {
                            b[i] = (byte) ref[i];
                        }
                        assertSame(b, e.getValue(), "scipy " + e.getKey() + ", r " + r + " um");
                    }
                }
            }
        }
    }
}
