package org.tomolyte.analysis.cracks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
import org.tomolyte.image.label.Connectivity;
import org.tomolyte.testkit.CrackedPellet;

class CrackIdentificationTest {

    private static final int THREADS = Parallel.threads();
    private static final long SEED = 4;

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(THREADS);
    }

    /**
     * 96^3 voxels of 0.7 um, 40 pores of radius 1.4-3.5 um (at most 180 um^3) at least 2.1 um
     * (3 voxels) apart, so no two pores touch even diagonally, and two tilted penny cracks of
     * about 1300 and 800 um^3 (the seed is one where no pore touches a crack: asserted).
     */
    static CrackedPellet.Config config() {
        return new CrackedPellet.Config(new Dims(96, 96, 96), Spacing.isotropic(0.7), 40, 1.4, 3.5, 2.1,
                List.of(new CrackedPellet.Crack(34, 34, 22, 0.2, 0.1, 1, 2.1, 14),
                        new CrackedPellet.Crack(30, 40, 48, 1, 0.3, 0.2, 1.75, 12)),
                40000, 12000, 2500);
    }

    /** Pore and void masks from the labels: pores = labels 1 or 2, electrolyte = label 0. */
    static Volume mask(Volume labels, int... values) {
        Volume m = Volume.allocateLike(labels, DataType.U8);
        for (long i = 0; i < labels.voxels(); i++) {
            int v = labels.getInt(i);
            for (int w : values) {
                if (v == w) {
                    m.set(i, 1);
                }
            }
        }
        return m;
    }

    /** True when some crack voxel (2) has a pore voxel (1) among its 26 neighbours, or the two cracks touch. */
    static boolean cracksTouchPores(Volume labels) {
        Dims d = labels.dims();
        for (int z = 0; z < d.nz(); z++) {
            for (int y = 0; y < d.ny(); y++) {
                for (int x = 0; x < d.nx(); x++) {
                    if (labels.getInt(x, y, z) != 2) {
                        continue;
                    }
                    for (int k = 0; k < 27; k++) {
                        int xx = x + k % 3 - 1;
                        int yy = y + k / 3 % 3 - 1;
                        int zz = z + k / 9 - 1;
                        if (d.contains(xx, yy, zz) && labels.getInt(xx, yy, zz) == 1) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    @Test
    void crackedPelletGivesExactCrackCountAndVolume() {
        try (CrackedPellet.Phantom ph = CrackedPellet.generate(config(), SEED);
             Volume pores = mask(ph.labels(), 1, 2);
             Volume electrolyte = mask(ph.labels(), 0)) {
            CrackedPellet.Truth t = ph.truth();
            // preconditions of the known answer: cracks are separate from pores and from each other
            assertEquals(0, t.crackPoreOverlapVoxels());
            assertTrue(!cracksTouchPores(ph.labels()), "a crack touches a pore for this seed");
            long discVoxels = t.cracks().get(0).voxels() + t.cracks().get(1).voxels();
            assertEquals(t.crackVoxels(), discVoxels, "the two cracks overlap");
            double vv = 0.7 * 0.7 * 0.7;
            CrackIdentification.Result r = CrackIdentification.identify(pores, electrolyte,
                    new CrackIdentification.Criteria(500, null, Connectivity.TWENTY_SIX), Progress.NONE);
            try (Volume cracks = r.cracks()) {
                assertEquals(2, r.crackCount());
                assertEquals(t.crackVoxels(), r.crackVoxels());
                assertEquals(t.crackVolumeUm3(), r.crackVolumeUm3(), 1e-9 * t.crackVolumeUm3());
                assertEquals(t.poreCount(), r.removedPoreCount());
                assertEquals(t.poreVolumeUm3(), r.removedPoreVolumeUm3(), 1e-9 * t.poreVolumeUm3());
                assertEquals((double) t.crackVoxels() / (t.crackVoxels() + t.electrolyteVoxels()), r.crackVolumeRatio(), 1e-15);
                assertEquals(t.electrolyteVoxels() * vv, r.referenceVolumeUm3(), 1e-6);
                for (long i = 0; i < cracks.voxels(); i++) {
                    assertEquals(ph.labels().getInt(i) == 2 ? 1 : 0, cracks.getInt(i), "voxel " + i);
                }
                Table tab = r.table();
                assertEquals(2, tab.rowCount());
                long sum = 0;
                for (int row = 0; row < 2; row++) {
                    assertEquals(row + 1, (long) tab.number(row, "label"));
                    sum += (long) tab.number(row, "voxels");
                    assertTrue(tab.number(row, "aspect_ratio") > 5, "aspect " + tab.number(row, "aspect_ratio"));
                }
                assertEquals(t.crackVoxels(), sum);
                // per-crack voxel counts, matched by size
                long a = (long) tab.number(0, "voxels");
                long b = (long) tab.number(1, "voxels");
                long c0 = t.cracks().get(0).voxels();
                long c1 = t.cracks().get(1).voxels();
                assertTrue((a == c0 && b == c1) || (a == c1 && b == c0), a + ", " + b + " vs " + c0 + ", " + c1);
            }
            // without a reference: ratio to the whole volume
            CrackIdentification.Result noRef = CrackIdentification.identify(pores, null,
                    new CrackIdentification.Criteria(500, null, Connectivity.TWENTY_SIX), Progress.NONE);
            noRef.cracks().close();
            assertEquals((double) t.crackVoxels() / pores.voxels(), noRef.crackVolumeRatio(), 1e-15);
            assertTrue(Double.isNaN(noRef.referenceVolumeUm3()));
            // shape instead of size: pores are round (aspect near 1), cracks are flat
            CrackIdentification.Result shape = CrackIdentification.identify(pores, electrolyte,
                    new CrackIdentification.Criteria(0, 3.0, Connectivity.TWENTY_SIX), Progress.NONE);
            shape.cracks().close();
            assertEquals(2, shape.crackCount());
            assertEquals(t.crackVoxels(), shape.crackVoxels());
            // a threshold above both cracks keeps nothing
            CrackIdentification.Result none = CrackIdentification.identify(pores, electrolyte,
                    new CrackIdentification.Criteria(1e6, null, Connectivity.TWENTY_SIX), Progress.NONE);
            none.cracks().close();
            assertEquals(0, none.crackCount());
            assertEquals(t.poreCount() + 2, none.removedPoreCount());
            assertEquals(0.0, none.crackVolumeRatio(), 0.0);
        }
    }

    @Test
    void sameResultForOneAndTwoThreads() {
        try (CrackedPellet.Phantom ph = CrackedPellet.generate(config(), SEED + 1); Volume pores = mask(ph.labels(), 1, 2)) {
            CrackIdentification.Criteria c = new CrackIdentification.Criteria(300, null, Connectivity.SIX);
            Parallel.setThreads(1);
            CrackIdentification.Result a = CrackIdentification.identify(pores, null, c, Progress.NONE);
            Parallel.setThreads(2);
            CrackIdentification.Result b = CrackIdentification.identify(pores, null, c, Progress.NONE);
            try (Volume ca = a.cracks(); Volume cb = b.cracks()) {
                assertTrue(ca.contentEquals(cb));
                assertEquals(a.crackVolumeUm3(), b.crackVolumeUm3(), 0.0);
                assertEquals(a.table().rowCount(), b.table().rowCount());
            }
        }
    }

    @Test
    void aspectRatioEdgeCases() {
        assertEquals(1.0, CrackIdentification.aspectRatio(0, 0), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, CrackIdentification.aspectRatio(3, 0), 0.0);
        assertEquals(2.0, CrackIdentification.aspectRatio(4, 2), 0.0);
    }

    @Test
    void opMetricsAndBadParameters() {
        try (CrackedPellet.Phantom ph = CrackedPellet.generate(config(), SEED); Volume pores = mask(ph.labels(), 1, 2)) {
            OpResult res = new CrackIdentifyOp().run(new CrackIdentifyOp.Params(500, null, 26),
                    new OpInputs(Map.of("pores", pores)), OpContext.QUIET);
            ((Volume) res.outputs().get("cracks")).close();
            Map<String, Object> m = res.metrics().toMap();
            assertEquals(2L, m.get("crack_count"));
            assertEquals(ph.truth().crackVolumeUm3(), (double) m.get("crack_volume_um3"), 1e-6);
            assertEquals((long) ph.truth().poreCount(), m.get("removed_pore_count"));
            assertEquals(2, ((Table) res.outputs().get("crack_table")).rowCount());
        }
        for (Runnable bad : List.<Runnable>of(() -> new CrackIdentifyOp.Params(-1, null, 26),
                () -> new CrackIdentifyOp.Params(Double.NaN, null, 26))) {
            ParameterException e = assertThrows(ParameterException.class, bad::run);
            assertTrue(e.getMessage().contains("min_volume_um3"), e.getMessage());
        }
        ParameterException e = assertThrows(ParameterException.class, () -> new CrackIdentifyOp.Params(1, 0.5, 26));
        assertTrue(e.getMessage().contains("min_elongation"), e.getMessage());
        e = assertThrows(ParameterException.class, () -> new CrackIdentifyOp.Params(1, null, 8));
        assertTrue(e.getMessage().contains("connectivity"), e.getMessage());
        try (Volume a = Volume.allocate(new Dims(4, 4, 4), DataType.U8, Spacing.UNIT);
             Volume b = Volume.allocate(new Dims(4, 4, 5), DataType.U8, Spacing.UNIT);
             Volume f = Volume.allocate(new Dims(4, 4, 4), DataType.F32, Spacing.UNIT)) {
            CrackIdentification.Criteria c = new CrackIdentification.Criteria(1, null, Connectivity.TWENTY_SIX);
            assertThrows(InputException.class, () -> CrackIdentification.identify(a, b, c, Progress.NONE));
            assertThrows(InputException.class, () -> CrackIdentification.identify(f, null, c, Progress.NONE));
        }
    }
}
