package org.tomolyte.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomolyte.core.Dims;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Spacing;

class SymmetricCellTest {

    /** Anisotropic voxels (thicker along the stack axis), 5 steps, 6 growing voids, 2 plating voids. */
    private static SymmetricCell.Config small(int steps) {
        return new SymmetricCell.Config(new Dims(64, 56, 48), new Spacing(1.5, 1.5, 2.0), 30, 40, steps, 6, 14, 8, 1,
                2, 6, 4, 12000, 30000, 4000, 1500);
    }

    private static void close(List<SymmetricCell.Step> steps) {
        steps.forEach(SymmetricCell.Step::close);
    }

    @Test
    void truthMatchesRecount() {
        SymmetricCell.Config cfg = small(5);
        List<SymmetricCell.Step> series = SymmetricCell.series(cfg, 17);
        try {
            Dims d = cfg.dims();
            Spacing sp = cfg.spacing();
            int b = cfg.strippingPlaneZ();
            int t = cfg.platingPlaneZ();
            assertEquals(15, b, "bottom Li 30 um / 2 um");
            assertEquals(35, t, "electrolyte 40 um / 2 um");
            for (SymmetricCell.Step s : series) {
                long li = 0;
                long el = 0;
                long voidBottom = 0;
                long voidTop = 0;
                long contactBottom = 0;
                long contactTop = 0;
                for (int z = 0; z < d.nz(); z++) {
                    for (int y = 0; y < d.ny(); y++) {
                        for (int x = 0; x < d.nx(); x++) {
                            int v = Recount.at(s.labels(), x, y, z);
                            if (z >= b && z < t) {
                                assertEquals(1, v, "electrolyte layer at z=" + z);
                                el++;
                            } else {
                                assertTrue(v == 0 || v == 2, "lithium layer holds lithium or void at z=" + z);
                                li += v == 2 ? 1 : 0;
                                if (v == 0) {
                                    if (z < b) {
                                        voidBottom++;
                                    } else {
                                        voidTop++;
                                    }
                                }
                            }
                            contactBottom += z == b - 1 && v == 2 ? 1 : 0;
                            contactTop += z == t && v == 2 ? 1 : 0;
                        }
                    }
                }
                SymmetricCell.Truth tr = s.truth();
                assertEquals(s.index(), tr.step());
                assertEquals(li, tr.lithiumVoxels());
                assertEquals(li * sp.voxelVolumeUm3(), tr.lithiumVolumeUm3(), 1e-9);
                assertEquals(el, tr.electrolyteVoxels());
                assertEquals(voidBottom + voidTop, tr.voidVoxels());
                check(tr.stripping(), "stripping", b, b - 1, b, voidBottom, contactBottom, d, sp);
                check(tr.plating(), "plating", t, t, t - 1, voidTop, contactTop, d, sp);
            }
        } finally {
            close(series);
        }
    }

    private static void check(SymmetricCell.InterfaceTruth it, String name, int plane, int liZ, int elZ, long voids,
                              long contact, Dims d, Spacing sp) {
        assertEquals(name, it.name());
        assertEquals(plane, it.planeZ());
        assertEquals(plane * sp.z(), it.planeZUm(), 1e-12);
        assertEquals(liZ, it.lithiumSliceZ());
        assertEquals(elZ, it.electrolyteSliceZ());
        assertEquals(voids, it.voidVoxels(), name + " void voxels");
        assertEquals(voids * sp.voxelVolumeUm3(), it.voidVolumeUm3(), 1e-9);
        assertEquals(voids, it.voids().stream().mapToLong(SymmetricCell.InterfaceVoid::voxels).sum());
        assertEquals(contact, it.contactColumns(), name + " contact columns");
        assertEquals((double) contact / d.sliceVoxels(), it.contactFraction(), 1e-15);
        assertEquals(contact * sp.x() * sp.y(), it.contactAreaUm2(), 1e-9);
    }

    @Test
    void strippingContactDecreasesWhilePlatingContactStays() {
        List<SymmetricCell.Step> series = Phantoms.cell(3, 8);
        try {
            for (int k = 1; k < series.size(); k++) {
                SymmetricCell.Truth prev = series.get(k - 1).truth();
                SymmetricCell.Truth cur = series.get(k).truth();
                assertTrue(cur.stripping().contactFraction() < prev.stripping().contactFraction(),
                        "contact fraction must drop from step " + (k - 1) + " to " + k);
                assertTrue(cur.stripping().voidVoxels() > prev.stripping().voidVoxels());
                assertTrue(cur.stripping().voidCount() >= prev.stripping().voidCount());
                assertTrue(cur.lithiumVoxels() < prev.lithiumVoxels());
                assertEquals(prev.plating(), cur.plating(), "plating interface is fixed");
            }
            SymmetricCell.Truth first = series.getFirst().truth();
            SymmetricCell.Truth last = series.getLast().truth();
            assertTrue(last.stripping().voidCount() > first.stripping().voidCount(), "void count grows");
            assertEquals(12, last.stripping().voidCount());
            assertTrue(last.plating().contactFraction() < 1 && last.plating().voidCount() == 3);
            // voids only grow: every void voxel of a step is still void at the next step
            for (int k = 1; k < series.size(); k++) {
                var a = series.get(k - 1).labels();
                var b = series.get(k).labels();
                for (long i = 0; i < a.voxels(); i++) {
                    if (a.getInt(i) == 0) {
                        assertEquals(0, b.getInt(i), "void voxel " + i + " closed at step " + k);
                    }
                }
            }
        } finally {
            close(series);
        }
    }

    /**
     * At the last step the voids are 5-11 voxels wide and 3-5 voxels deep; their voxel volume
     * matches the half-spheroid volume 2/3 pi R^2 h within 5 %.
     */
    @Test
    void voidVolumeApproachesAnalytic() {
        List<SymmetricCell.Step> series = Phantoms.cell(6, 4);
        try {
            SymmetricCell.InterfaceTruth it = series.getLast().truth().stripping();
            double rel = Math.abs(it.voidVolumeUm3() - it.analyticVoidVolumeUm3()) / it.analyticVoidVolumeUm3();
            assertTrue(rel < 0.05, "void volume " + it.voidVolumeUm3() + " vs " + it.analyticVoidVolumeUm3());
        } finally {
            close(series);
        }
    }

    @Test
    void singleStepEqualsSeriesElement() {
        SymmetricCell.Config cfg = small(4);
        List<SymmetricCell.Step> series = SymmetricCell.series(cfg, 5);
        try (SymmetricCell.Step two = SymmetricCell.step(cfg, 2, 5)) {
            VolumeAssert.assertSameContent(series.get(2).labels(), two.labels());
            VolumeAssert.assertSameContent(series.get(2).grey(), two.grey());
            assertEquals(series.get(2).truth(), two.truth());
        } finally {
            close(series);
        }
    }

    @Test
    void greyOrdersVoidBelowLithiumBelowElectrolyte() {
        try (SymmetricCell.Step s = SymmetricCell.step(small(3), 2, 1)) {
            double[] sum = new double[3];
            long[] n = new long[3];
            for (long i = 0; i < s.grey().voxels(); i++) {
                int c = s.labels().getInt(i);
                sum[c] += s.grey().get(i);
                n[c]++;
            }
            double[] expected = {4000, 30000, 12000};
            for (int c = 0; c < 3; c++) {
                // 5 standard errors of the mean (sigma 1500)
                assertEquals(expected[c], sum[c] / n[c], 5 * 1500 / Math.sqrt(n[c]), "mean grey of label " + c);
            }
        }
    }

    @Test
    void sameSeedIsIdenticalAndOtherSeedDiffers() {
        SymmetricCell.Config cfg = small(3);
        try (SymmetricCell.Step a = SymmetricCell.step(cfg, 2, 8);
             SymmetricCell.Step b = SymmetricCell.step(cfg, 2, 8);
             SymmetricCell.Step c = SymmetricCell.step(cfg, 2, 9)) {
            VolumeAssert.assertSameContent(a.labels(), b.labels());
            VolumeAssert.assertSameContent(a.grey(), b.grey());
            assertEquals(a.truth(), b.truth());
            assertFalse(a.labels().contentEquals(c.labels()));
            assertFalse(a.grey().contentEquals(c.grey()));
        }
    }

    @Test
    void identicalForOneAndTwoThreads() {
        List<SymmetricCell.Step> one = Recount.withThreads(1, () -> Phantoms.cell(2, 3));
        List<SymmetricCell.Step> two = Recount.withThreads(2, () -> Phantoms.cell(2, 3));
        try {
            for (int k = 0; k < 3; k++) {
                VolumeAssert.assertSameContent(one.get(k).labels(), two.get(k).labels());
                VolumeAssert.assertSameContent(one.get(k).grey(), two.get(k).grey());
                assertEquals(one.get(k).truth(), two.get(k).truth());
            }
        } finally {
            close(one);
            close(two);
        }
    }

    @Test
    void badParametersAreRejected() {
        SymmetricCell.Config ok = small(3);
        assertThrows(ParameterException.class, () -> SymmetricCell.step(ok, 3, 1));
        assertThrows(ParameterException.class, () -> new SymmetricCell.Config(ok.dims(), ok.spacing(), 30, 100, 3, 6,
                14, 8, 1, 2, 6, 4, 12000, 30000, 4000, 1500));
        assertThrows(ParameterException.class, () -> new SymmetricCell.Config(ok.dims(), ok.spacing(), 30, 40, 3, 6,
                14, 2, 1, 2, 6, 4, 12000, 30000, 4000, 1500));
        assertThrows(ParameterException.class, () -> new SymmetricCell.Config(ok.dims(), ok.spacing(), 30, 40, 3, 6,
                4, 8, 1, 2, 6, 4, 12000, 30000, 4000, 1500));
        assertThrows(ParameterException.class, () -> SymmetricCell.series(new SymmetricCell.Config(ok.dims(),
                ok.spacing(), 30, 40, 3, 500, 14, 8, 1, 2, 6, 4, 12000, 30000, 4000, 1500), 1));
        assertThrows(ParameterException.class, () -> Phantoms.cell(1, 13));
    }
}
