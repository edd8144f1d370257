package org.tomolyte.image.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tomolyte.image.label.LabelTestSupport.CANON;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.ParamBinder;
import org.tomolyte.testkit.PythonPeer;
import org.tomolyte.testkit.Spheres;

class LabelFilterTest {

    @TempDir
    Path tmp;

    /**
     * Spheres of radius 3, 5 and 8 um (anisotropic voxels): volumes known exactly from the
     * phantom's voxel counts. A minimum between the r=3 and r=5 volumes removes exactly the small
     * ones; adding a maximum below the r=8 volume keeps only the middle ones. The survivors keep
     * their voxels and are renumbered in raster order.
     */
    @Test
    void removesSpheresBelowAndAboveTheRange() {
        Spacing s = new Spacing(0.5, 0.6, 0.8);
        double[] radii = {3, 5, 8, 3, 5, 3};
        try (Spheres.Phantom p = Spheres.generate(new Dims(80, 70, 50), s, radii, 1, 17)) {
            double small = 0;
            double mid = Double.MAX_VALUE;
            double large = Double.MAX_VALUE;
            for (Spheres.Sphere sp : p.truth().spheres()) {
                if (sp.radiusUm() == 3) {
                    small = Math.max(small, sp.voxelVolumeUm3());
                } else if (sp.radiusUm() == 5) {
                    mid = Math.min(mid, sp.voxelVolumeUm3());
                } else {
                    large = sp.voxelVolumeUm3();
                }
            }
            double cut = (small + mid) / 2;
            LabelFilter.Result a = LabelFilter.ofMask(p.labels(), Connectivity.TWENTY_SIX, new LabelFilter.Range(cut, null), Progress.NONE);
            assertEquals(3, a.count());
            assertEquals(3, a.removed());
            LabelFilter.Result b = LabelFilter.ofLabels(p.instances(), new LabelFilter.Range(cut, large - 1e-6), Progress.NONE);
            assertEquals(2, b.count());
            assertEquals(4, b.removed());
            try (Volume la = a.labels(); Volume lb = b.labels()) {
                long kept = 0;
                for (int k = 0; k < (int) la.voxels(); k++) {
                    int inst = p.instances().getInt(k);
                    double r = inst == 0 ? 0 : radii[inst - 1];
                    assertEquals(r >= 5, la.getInt(k) != 0, "voxel " + k);
                    assertEquals(r == 5, lb.getInt(k) != 0, "voxel " + k);
                    kept += lb.getInt(k) != 0 ? 1 : 0;
                }
                long expected = 0;
                for (Spheres.Sphere sp : p.truth().spheres()) {
                    expected += sp.radiusUm() == 5 ? sp.voxels() : 0;
                }
                assertEquals(expected, kept);
                int[] ia = LabelTestSupport.ints(la);
                int[] ib = LabelTestSupport.ints(lb);
                Map<Integer, Integer> rank = rasterRanks(ia, ib);
                for (int k = 0; k < ia.length; k++) {
                    if (ib[k] != 0) {
                        assertEquals(ib[k], rank.get(ia[k]), "the kept are numbered in raster order of their first voxel");
                    }
                }
            }
        }
    }

    /** For the voxels kept in b: a's label -> its rank by first voxel in raster order. */
    private static Map<Integer, Integer> rasterRanks(int[] a, int[] b) {
        Map<Integer, Integer> rank = new HashMap<>();
        for (int i = 0; i < b.length; i++) {
            if (b[i] != 0) {
                rank.putIfAbsent(a[i], rank.size() + 1);
            }
        }
        return rank;
    }

    /**
     * Paper 001's crack identification on the test kit's cracked pellet: pores (radius <= 3.5 um,
     * so at most 4/3 pi 3.5^3 = 180 um^3 each, kept 0.7 um = one voxel apart so that they never
     * touch through a face) and two penny cracks (thousands of um^3). Removing the void
     * components below 500 um^3 (6-connected) keeps every crack voxel and removes every component
     * made of pore voxels only: what is left is exactly the components that contain a crack.
     */
    @Test
    void poresBelowAThresholdVolumeAreRemovedLeavingTheCracks() {
        try (var p = org.tomolyte.testkit.Phantoms.pellet(3)) {
            Volume labels = p.labels();
            LabelFilter.Result r = LabelFilter.ofMask(labels, Connectivity.SIX, new LabelFilter.Range(500.0, null), Progress.NONE);
            Labeling all = Labeling.analyse(labels, Connectivity.SIX);
            try (Volume kept = r.labels(); Volume every = all.labels()) {
                boolean[] hasCrack = new boolean[all.count() + 1];
                int[] k = LabelTestSupport.ints(kept);
                int[] e = LabelTestSupport.ints(every);
                long crackVoxels = 0;
                for (int i = 0; i < k.length; i++) {
                    if (labels.getInt(i) == 2) {
                        hasCrack[e[i]] = true;
                        crackVoxels++;
                        assertEquals(true, k[i] != 0, "crack voxel " + i + " is kept");
                    }
                }
                assertEquals(p.truth().crackVoxels(), crackVoxels);
                int withCrack = 0;
                for (int c = 1; c <= all.count(); c++) {
                    withCrack += hasCrack[c] ? 1 : 0;
                }
                for (int i = 0; i < k.length; i++) {
                    assertEquals(e[i] != 0 && hasCrack[e[i]], k[i] != 0, "voxel " + i);
                }
                assertEquals(withCrack, r.count());
                assertEquals(all.count() - withCrack, r.removed());
                assertEquals(true, r.removed() > 300, "most of the 400 pores stand alone, removed " + r.removed());
            }
        }
    }

    @Test
    void equalsRemoveSmallObjectsThenLabel() {
        Assumptions.assumeTrue(PythonPeer.available("numpy", "scipy", "skimage"), PythonPeer.skipMessage("scikit-image"));
        Dims d = new Dims(50, 60, 40);
        try (Volume m = LabelTestSupport.random(d, 0.3, 5)) {
            Path in = LabelTestSupport.toPeer(m, tmp, "mask.f64");
            PythonPeer.run(CANON + """
                    import sys
                    from skimage.morphology import remove_small_objects
                    from skimage.measure import label
                    nz, ny, nx = map(int, sys.argv[1:4])
                    m = np.fromfile(sys.argv[4], '<f8').reshape(nz, ny, nx) != 0
                    for conn in (6, 26):
                        for k in (2, 5, 40):
                            c = {6: 1, 26: 3}[conn]
                            kept = remove_small_objects(m, min_size=k, connectivity=c)
                            canon(label(kept, connectivity=c)).astype('<f8').tofile(sys.argv[5] + '/rso%d_%d.f64' % (conn, k))
                    """, "" + d.nz(), "" + d.ny(), "" + d.nx(), in.toString(), tmp.toString());
            for (Connectivity c : new Connectivity[] {Connectivity.SIX, Connectivity.TWENTY_SIX}) {
                for (int k : new int[] {2, 5, 40}) {
                    LabelFilter.Result r = LabelFilter.ofMask(m, c, new LabelFilter.Range((double) k, null), Progress.NONE);
                    try (Volume l = r.labels()) {
                        assertArrayEquals(LabelTestSupport.fromPeer(tmp.resolve("rso" + c.neighbours() + "_" + k + ".f64")),
                                LabelTestSupport.ints(l), c + " min_size " + k);
                    }
                    // the same from the label volume
                    try (Volume lab = ConnectedComponents.label(m, c);
                         Volume l2 = LabelFilter.ofLabels(lab, new LabelFilter.Range((double) k, null), Progress.NONE).labels()) {
                        assertArrayEquals(LabelTestSupport.fromPeer(tmp.resolve("rso" + c.neighbours() + "_" + k + ".f64")),
                                LabelTestSupport.ints(l2), c + " min_size " + k + " from labels");
                    }
                }
            }
        }
    }

    @Test
    void sameResultForOneAndTwoThreads() {
        try (Volume m = LabelTestSupport.random(new Dims(64, 64, 64), 0.25, 8)) {
            int[] one = LabelTestSupport.withThreads(1, () -> {
                try (Volume l = LabelFilter.ofMask(m, Connectivity.EIGHTEEN, new LabelFilter.Range(3.0, 500.0), Progress.NONE).labels()) {
                    return LabelTestSupport.ints(l);
                }
            });
            int[] two = LabelTestSupport.withThreads(2, () -> {
                try (Volume l = LabelFilter.ofMask(m, Connectivity.EIGHTEEN, new LabelFilter.Range(3.0, 500.0), Progress.NONE).labels()) {
                    return LabelTestSupport.ints(l);
                }
            });
            assertArrayEquals(one, two);
        }
    }

    @Test
    void opNeedsExactlyOneInputAndValidatesTheRange() {
        LabelFilterOp op = new LabelFilterOp();
        LabelFilterOp.Params p = ParamBinder.bind(LabelFilterOp.Params.class, Map.of("min_volume_um3", 4.0));
        assertEquals(26, p.connectivity());
        ParameterException e = assertThrows(ParameterException.class,
                () -> ParamBinder.bind(LabelFilterOp.Params.class, Map.of("min_volume_um3", 10.0, "max_volume_um3", 5.0)));
        assertEquals("max_volume_um3 must be >= min_volume_um3 (10.0 um^3), got 5.0", e.getMessage());
        assertThrows(InputException.class, () -> op.preflight(p, Map.of()));
        try (Volume m = LabelTestSupport.random(new Dims(30, 30, 30), 0.2, 2)) {
            OpResult r = op.run(p, new OpInputs(Map.of("mask", m)), OpContext.QUIET);
            Labeling all = Labeling.analyse(m, Connectivity.TWENTY_SIX);
            long small = 0;
            for (int c = 1; c <= all.count(); c++) {
                small += all.voxels()[c] < 4 ? 1 : 0;
            }
            assertEquals(small, r.metrics().toMap().get("removed"));
            assertEquals(all.count() - small, r.metrics().toMap().get("count"));
            ((Volume) r.outputs().get("labels")).close();
        }
    }
}
