package org.tomolyte.analysis.psd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Table;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.image.distance.DistanceTo;
import org.tomolyte.image.distance.EuclideanDistance;
import org.tomolyte.testkit.PythonPeer;
import org.tomolyte.testkit.Spheres;

class LocalThicknessTest {

    private static final int THREADS = Parallel.threads();

    @TempDir
    Path tmp;

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(THREADS);
    }

    /** Random blobs: random voxels plus a few random balls so that radii of several voxels occur. */
    static Volume randomMask(Dims d, Spacing s, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Volume v = Volume.allocate(d, DataType.U8, s);
        for (long i = 0; i < v.voxels(); i++) {
            if (r.nextDouble() < 0.55) {
                v.set(i, 1);
            }
        }
        for (int b = 0; b < 4; b++) {
            int cx = r.nextInt(d.nx());
            int cy = r.nextInt(d.ny());
            int cz = r.nextInt(d.nz());
            double rad = 1.5 + 3 * r.nextDouble();
            for (int z = 0; z < d.nz(); z++) {
                for (int y = 0; y < d.ny(); y++) {
                    for (int x = 0; x < d.nx(); x++) {
                        double dx = (x - cx) * s.x();
                        double dy = (y - cy) * s.y();
                        double dz = (z - cz) * s.z();
                        if (dx * dx + dy * dy + dz * dz <= rad * rad) {
                            v.set(x, y, z, 1);
                        }
                    }
                }
            }
        }
        return v;
    }

    /**
     * O(N^2) reference, straight from the definition: for every mask voxel p the maximum of
     * 2 sqrt(D2(c)) over all mask voxels c whose ball contains p. D2 is the core's transform,
     * checked here against a brute-force minimum over the background voxels.
     */
    static float[] bruteForce(Volume mask) {
        Dims d = mask.dims();
        Spacing s = mask.spacing();
        int n = (int) mask.voxels();
        float[] d2 = new float[n];
        try (Volume t = EuclideanDistance.squaredUm2(mask, DistanceTo.BACKGROUND, Double.POSITIVE_INFINITY, Progress.NONE)) {
            t.read(0, d2, 0, n);
        }
        int[][] pos = new int[n][];
        for (int i = 0; i < n; i++) {
            pos[i] = new int[] {i % d.nx(), i / d.nx() % d.ny(), i / (d.nx() * d.ny())};
        }
        for (int i = 0; i < n; i++) {
            if (mask.get(i) == 0) {
                continue;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (mask.get(j) == 0) {
                    best = Math.min(best, dist2(pos[i], pos[j], s));
                }
            }
            assertEquals(best, d2[i], 1e-6 * best, "EDT at voxel " + i);
        }
        float[] out = new float[n];
        for (int p = 0; p < n; p++) {
            if (mask.get(p) == 0) {
                continue;
            }
            float t = 0;
            for (int c = 0; c < n; c++) {
                if (d2[c] > 0 && dist2(pos[p], pos[c], s) < d2[c]) {
                    t = Math.max(t, (float) (2 * Math.sqrt(d2[c])));
                }
            }
            out[p] = t;
        }
        return out;
    }

    private static double dist2(int[] p, int[] c, Spacing s) {
        double a = (p[0] - c[0]) * s.x();
        double b = (p[1] - c[1]) * s.y();
        double e = (p[2] - c[2]) * s.z();
        return (a * a + b * b) + e * e;
    }

    private static float[] values(Volume v) {
        float[] f = new float[(int) v.voxels()];
        v.read(0, f, 0, f.length);
        return f;
    }

    @Test
    void equalsBruteForceOnRandomAnisotropicVolumes() {
        Spacing[] spacings = {Spacing.isotropic(1), new Spacing(0.7, 1.1, 1.3), new Spacing(1.0, 1.0, 2.5)};
        for (int k = 0; k < spacings.length; k++) {
            Dims d = new Dims(19, 17, 13);
            try (Volume mask = randomMask(d, spacings[k], 11 + k)) {
                float[] ref = bruteForce(mask);
                LocalThickness.Result r = LocalThickness.compute(mask, Progress.NONE);
                try (Volume t = r.thickness()) {
                    float[] got = values(t);
                    for (int i = 0; i < ref.length; i++) {
                        assertEquals(ref[i], got[i], 0.0f, "voxel " + i + " spacing " + spacings[k]);
                    }
                    double sum = 0;
                    long n = 0;
                    for (float f : ref) {
                        if (f > 0) {
                            sum += f;
                            n++;
                        }
                    }
                    assertEquals(n, r.distribution().totalVoxels());
                    assertEquals(sum / n, r.distribution().meanUm(), 1e-9 * sum / n);
                }
            }
        }
    }

    @Test
    void sameResultForOneAndTwoThreads() {
        Dims d = new Dims(40, 36, 70);
        try (Volume mask = randomMask(d, new Spacing(0.8, 0.8, 1.2), 5)) {
            Parallel.setThreads(1);
            LocalThickness.Result a = LocalThickness.compute(mask, Progress.NONE);
            Parallel.setThreads(2);
            LocalThickness.Result b = LocalThickness.compute(mask, Progress.NONE);
            try (Volume ta = a.thickness(); Volume tb = b.thickness()) {
                assertTrue(ta.contentEquals(tb));
                assertEquals(a.distribution().meanUm(), b.distribution().meanUm(), 0.0);
                assertEquals(a.distribution().d90Um(), b.distribution().d90Um(), 0.0);
            }
        }
    }

    /**
     * Spheres of known radius R surrounded by matrix: every voxel of a sphere gets 2R up to the
     * voxel discretisation. Voxel centres within R of the true centre O are the sphere; the
     * balls are centred on voxel centres, at best h (half the voxel diagonal) from O. Bounds:
     * no ball is larger than R + 2h (a matrix voxel lies within h of the point at R + h on any
     * ray), so T &lt;= 2R + 4h for every voxel; the best-centred ball has a radius of at least
     * R - h, so the bulk of the voxels lies within 2h of 2R, and rim voxels beyond that ball get
     * smaller balls. Measured on R = 5, 7, 10 voxels (cubic and 0.8 x 0.8 x 1.4 um): 89.7-93.5 %
     * of the voxels within 2h, 97.3-100 % within 4h, every T &lt; 2R, mean 0.6-1.2 um below 2R.
     * Asserted: T &lt;= 2R + 4h everywhere, &gt;= 85 % within 2h, &gt;= 95 % within 4h, mean and
     * d50 within 2h.
     */
    @Test
    void spheresOfKnownRadiusGetTheirDiameter() {
        Spacing[] spacings = {Spacing.isotropic(1), new Spacing(0.8, 0.8, 1.4)};
        for (Spacing s : spacings) {
            double[] radii = {10, 7, 5};
            Dims d = new Dims(64, 64, (int) Math.ceil(64 / s.z()));
            try (Spheres.Phantom ph = Spheres.generate(d, s, radii, 3, 42)) {
                LocalThickness.Result r = LocalThickness.compute(ph.labels(), Progress.NONE);
                double h = 0.5 * Math.sqrt(s.x() * s.x() + s.y() * s.y() + s.z() * s.z());
                try (Volume t = r.thickness()) {
                    float[] th = values(t);
                    int[] inst = new int[th.length];
                    ph.instances().read(0, inst, 0, inst.length);
                    long volBelow = 0;
                    for (Spheres.Sphere sp : ph.truth().spheres()) {
                        double lo = Double.POSITIVE_INFINITY;
                        double hi = 0;
                        double twoR = 2 * sp.radiusUm();
                        long in1 = 0;
                        long in2 = 0;
                        long all = 0;
                        double sum = 0;
                        for (int i = 0; i < th.length; i++) {
                            if (inst[i] == sp.label()) {
                                lo = Math.min(lo, th[i]);
                                hi = Math.max(hi, th[i]);
                                all++;
                                sum += th[i];
                                in1 += Math.abs(th[i] - twoR) <= 2 * h ? 1 : 0;
                                in2 += Math.abs(th[i] - twoR) <= 4 * h ? 1 : 0;
                            }
                        }
                        String what = "R=" + sp.radiusUm() + " spacing " + s;
                        assertTrue(hi <= twoR + 4 * h, what + ": max " + hi);
                        assertTrue(in1 >= 0.85 * all, what + ": within 2h " + in1 + " of " + all);
                        assertTrue(in2 >= 0.95 * all, what + ": within 4h " + in2 + " of " + all);
                        assertEquals(twoR, sum / all, 2 * h, what + ": mean");

                        volBelow += sp.voxels();
                    }
                    // d50: spheres sorted by size; the largest holds more than half the volume here
                    long big = ph.truth().spheres().get(0).voxels();
                    assertTrue(big * 2 > volBelow);
                    assertEquals(20, r.distribution().d50Um(), 2 * h);
                    assertEquals(ph.truth().foregroundVoxels(), r.distribution().totalVoxels());
                }
            }
        }
    }

    @Test
    void slabIsTwiceTheHalfThicknessEverywhere() {
        // an infinite slab 6 voxels thick along z between background planes: the EDT peaks at 3
        Dims d = new Dims(20, 20, 10);
        try (Volume mask = Volume.allocate(d, DataType.U8, new Spacing(0.5, 0.5, 1.0))) {
            for (int z = 2; z < 8; z++) {
                for (int y = 0; y < 20; y++) {
                    for (int x = 0; x < 20; x++) {
                        mask.set(x, y, z, 1);
                    }
                }
            }
            LocalThickness.Result r = LocalThickness.compute(mask, Progress.NONE);
            try (Volume t = r.thickness()) {
                for (int z = 0; z < 10; z++) {
                    // nearest background is 1 um beyond the outer voxel on each side: largest ball radius 3 um
                    float expect = z >= 2 && z < 8 ? 6.0f : 0.0f;
                    assertEquals(expect, (float) t.get(5, 5, z), 0.0f, "z=" + z);
                }
                assertEquals(6.0, r.distribution().d50Um(), 0.0);
                assertEquals(6.0, r.distribution().meanUm(), 0.0);
            }
        }
    }

    @Test
    void emptyAndFullMasks() {
        Dims d = new Dims(5, 5, 5);
        try (Volume empty = Volume.allocate(d, DataType.U8, Spacing.UNIT)) {
            LocalThickness.Result r = LocalThickness.compute(empty, Progress.NONE);
            r.thickness().close();
            assertTrue(Double.isNaN(r.distribution().d50Um()));
            empty.fill(1);
            assertThrows(InputException.class, () -> LocalThickness.compute(empty, Progress.NONE));
        }
    }

    /**
     * scipy peer, independent of the core's transform: for every distinct value r of scipy's
     * {@code distance_transform_edt}, the voxels within r (strictly) of a voxel whose distance is
     * at least r get 2r, the largest such r winning (porespy's {@code local_thickness} method,
     * here over every distinct radius, which makes it exact for our definition). On unit voxels
     * the squared distances are integers, exact in float and in double, so the two tie rules agree
     * and the results must be equal to float rounding of 2r (asserted: 1e-5 um).
     */
    @Test
    void equalsScipyPeerOnUnitVoxels() throws Exception {
        Assumptions.assumeTrue(PythonPeer.available("numpy", "scipy"), PythonPeer.skipMessage("python3-scipy"));
        Dims d = new Dims(24, 20, 18);
        try (Volume mask = randomMask(d, Spacing.isotropic(1), 21)) {
            Path in = tmp.resolve("mask.f64");
            Path out = tmp.resolve("lt.f64");
            PythonPeer.writeF64(mask, in);
            PythonPeer.run("""
                    import sys
                    import numpy as np
                    from scipy import ndimage
                    nx, ny, nz = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
                    im = np.fromfile(sys.argv[1], dtype=np.float64).reshape(nz, ny, nx) != 0
                    dt = ndimage.distance_transform_edt(im)
                    lt = np.zeros(im.shape)
                    for r in np.unique(dt[im]):
                        cover = ndimage.distance_transform_edt(~(dt >= r)) < r
                        lt[cover & im] = np.maximum(lt[cover & im], 2 * r)
                    lt.astype(np.float64).tofile(sys.argv[2])
                    """, in.toString(), out.toString(), "" + d.nx(), "" + d.ny(), "" + d.nz());
            double[] ref = PythonPeer.readF64(out);
            LocalThickness.Result r = LocalThickness.compute(mask, Progress.NONE);
            try (Volume t = r.thickness()) {
                float[] got = values(t);
                for (int i = 0; i < ref.length; i++) {
                    assertEquals(ref[i], got[i], 1e-5, "voxel " + i);
                }
            }
        }
    }

    @Test
    void opOutputsTableMetricsAndRejectsBadBins() {
        Dims d = new Dims(20, 20, 10);
        try (Volume mask = Volume.allocate(d, DataType.U8, Spacing.UNIT)) {
            for (int z = 2; z < 8; z++) {
                for (int y = 0; y < 20; y++) {
                    for (int x = 0; x < 20; x++) {
                        mask.set(x, y, z, 1);
                    }
                }
            }
            OpResult res = new LocalThicknessOp().run(new LocalThicknessOp.Params(4), new OpInputs(Map.of("mask", mask)),
                    OpContext.QUIET);
            Table t = (Table) res.outputs().get("distribution");
            assertEquals(4, t.rowCount());
            assertEquals(1.0, t.number(3, "cdf"), 0.0);
            assertEquals(1.0 / 1.5, t.number(3, "pdf"), 1e-12);
            assertEquals(5.25, t.number(3, "diameter_um"), 1e-12);
            Map<String, Object> m = res.metrics().toMap();
            assertEquals(6.0, (double) m.get("d10_um"), 0.0);
            assertEquals(6.0, (double) m.get("mean_diameter_um"), 0.0);
            ((Volume) res.outputs().get("thickness")).close();
        }
        ParameterException e = assertThrows(ParameterException.class, () -> new LocalThicknessOp.Params(0));
        assertTrue(e.getMessage().contains("bins"), e.getMessage());
    }
}
