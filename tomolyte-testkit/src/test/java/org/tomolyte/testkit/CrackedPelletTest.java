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
import org.tomolyte.core.Volume;

class CrackedPelletTest {

    /** A small anisotropic pellet with one crack fully inside, one leaving the volume, and pores they cross. */
    private static CrackedPellet.Config small() {
        return new CrackedPellet.Config(new Dims(72, 64, 56), new Spacing(0.7, 0.7, 0.9), 60, 1.4, 3.5, 0.5,
                List.of(new CrackedPellet.Crack(25, 22, 25, 0.2, 0.1, 1, 2.1, 14),
                        new CrackedPellet.Crack(30, 30, 30, 1, 0.4, 0.1, 1.75, 60)),
                40000, 12000, 2500);
    }

    @Test
    void truthMatchesBruteForceRecount() {
        CrackedPellet.Config cfg = small();
        try (CrackedPellet.Phantom p = CrackedPellet.generate(cfg, 3)) {
            CrackedPellet.Truth t = p.truth();
            Dims d = cfg.dims();
            Spacing sp = cfg.spacing();
            long pore = 0;
            long crack = 0;
            long both = 0;
            long[] perCrack = new long[cfg.cracks().size()];
            for (int z = 0; z < d.nz(); z++) {
                for (int y = 0; y < d.ny(); y++) {
                    for (int x = 0; x < d.nx(); x++) {
                        double px = (x + 0.5) * sp.x();
                        double py = (y + 0.5) * sp.y();
                        double pz = (z + 0.5) * sp.z();
                        boolean inPore = false;
                        for (CrackedPellet.Pore q : t.pores()) {
                            double r2 = Math.pow(px - q.centreXUm(), 2) + Math.pow(py - q.centreYUm(), 2)
                                    + Math.pow(pz - q.centreZUm(), 2);
                            inPore |= r2 <= q.radiusUm() * q.radiusUm();
                        }
                        boolean inCrack = false;
                        for (int k = 0; k < perCrack.length; k++) {
                            CrackedPellet.Crack c = cfg.cracks().get(k);
                            double dx = px - c.centreXUm();
                            double dy = py - c.centreYUm();
                            double dz = pz - c.centreZUm();
                            double along = dx * c.normalX() + dy * c.normalY() + dz * c.normalZ();
                            double inPlane2 = dx * dx + dy * dy + dz * dz - along * along;
                            if (Math.abs(along) <= c.apertureUm() / 2 && inPlane2 <= c.radiusUm() * c.radiusUm()) {
                                perCrack[k]++;
                                inCrack = true;
                            }
                        }
                        int expected = inPore ? 1 : inCrack ? 2 : 0;
                        assertEquals(expected, Recount.at(p.labels(), x, y, z), "label at " + x + "," + y + "," + z);
                        pore += inPore ? 1 : 0;
                        crack += !inPore && inCrack ? 1 : 0;
                        both += inPore && inCrack ? 1 : 0;
                    }
                }
            }
            assertEquals(pore, t.poreVoxels());
            assertEquals(crack, t.crackVoxels());
            assertEquals(both, t.crackPoreOverlapVoxels());
            assertTrue(both > 0, "the test pellet should have cracks through pores");
            assertEquals(d.voxels() - pore - crack, t.electrolyteVoxels());
            for (int k = 0; k < perCrack.length; k++) {
                assertEquals(perCrack[k], t.cracks().get(k).voxels(), "voxels of crack " + k);
            }
            assertTrue(t.cracks().get(0).fullyInside());
            assertFalse(t.cracks().get(1).fullyInside());
            long[] h = Recount.histogram(p.labels(), 3);
            assertEquals(t.electrolyteVoxels(), h[0]);
            assertEquals(t.poreVoxels(), h[1]);
            assertEquals(t.crackVoxels(), h[2]);
            assertEquals((double) (pore + crack) / d.voxels(), t.porosity(), 1e-15);
            assertEquals(crack * sp.voxelVolumeUm3(), t.crackVolumeUm3(), 1e-9);
            assertEquals(pore * sp.voxelVolumeUm3(), t.poreVolumeUm3(), 1e-9);
            assertEquals(60, t.poreCount());
            double analytic = t.pores().stream().mapToDouble(q -> 4.0 / 3 * Math.PI * Math.pow(q.radiusUm(), 3)).sum();
            assertEquals(analytic, t.analyticPoreVolumeUm3(), 1e-6);
        }
    }

    /**
     * A crack fully inside the volume: its voxel volume matches pi r^2 * aperture within 5 %
     * (a tilted slab 2-3 voxels thick holds on average aperture/spacing voxel centres per
     * column; the residual error comes from the rim of the disc).
     */
    @Test
    void insideCrackVolumeMatchesAnalytic() {
        try (CrackedPellet.Phantom p = Phantoms.pellet(8)) {
            double vv = p.truth().spacing().voxelVolumeUm3();
            for (CrackedPellet.CrackTruth c : p.truth().cracks()) {
                assertTrue(c.fullyInside());
                double rel = Math.abs(c.voxels() * vv - c.crack().analyticVolumeUm3()) / c.crack().analyticVolumeUm3();
                assertTrue(rel < 0.05, "crack volume " + c.voxels() * vv + " vs " + c.crack().analyticVolumeUm3());
            }
        }
    }

    /** Otsu's threshold on the noisy grey image recovers the void (pore + crack) mask almost exactly. */
    @Test
    void otsuSeparatesElectrolyteFromVoids() {
        try (CrackedPellet.Phantom p = Phantoms.pellet(4)) {
            Volume g = p.grey();
            long[] hist = new long[65536];
            for (long i = 0; i < g.voxels(); i++) {
                hist[g.getInt(i)]++;
            }
            int threshold = otsu(hist, g.voxels());
            assertTrue(threshold > 12000 && threshold < 40000, "Otsu threshold " + threshold);
            long wrong = 0;
            for (long i = 0; i < g.voxels(); i++) {
                boolean dark = g.getInt(i) <= threshold;
                boolean voidLabel = p.labels().getInt(i) != 0;
                wrong += dark != voidLabel ? 1 : 0;
            }
            // classes are 28000 / 2500 = 11 sigma apart: misclassification is essentially zero
            assertTrue(wrong <= p.grey().voxels() / 100_000, "misclassified voxels " + wrong);
        }
    }

    /** Otsu (1979): the grey level maximising the between-class variance; class 0 is {@code <= t}. */
    private static int otsu(long[] hist, long n) {
        double sumAll = 0;
        for (int i = 0; i < hist.length; i++) {
            sumAll += (double) i * hist[i];
        }
        double sum0 = 0;
        long n0 = 0;
        double best = -1;
        int bestT = 0;
        for (int t = 0; t < hist.length; t++) {
            n0 += hist[t];
            sum0 += (double) t * hist[t];
            long n1 = n - n0;
            if (n0 == 0 || n1 == 0) {
                continue;
            }
            double m0 = sum0 / n0;
            double m1 = (sumAll - sum0) / n1;
            double between = (double) n0 * n1 * (m0 - m1) * (m0 - m1);
            if (between > best) {
                best = between;
                bestT = t;
            }
        }
        return bestT;
    }

    @Test
    void greyMeansAndNoiseAreAsConfigured() {
        try (CrackedPellet.Phantom p = CrackedPellet.generate(small(), 9)) {
            double[] sum = new double[2];
            double[] sq = new double[2];
            long[] n = new long[2];
            for (long i = 0; i < p.grey().voxels(); i++) {
                int c = p.labels().getInt(i) == 0 ? 0 : 1;
                double v = p.grey().get(i);
                sum[c] += v;
                sq[c] += v * v;
                n[c]++;
            }
            double[] mean = {40000, 12000};
            for (int c = 0; c < 2; c++) {
                double m = sum[c] / n[c];
                double sd = Math.sqrt(sq[c] / n[c] - m * m);
                // standard error of the mean is 2500 / sqrt(n) < 30 here; allow 5 standard errors
                assertEquals(mean[c], m, 5 * 2500 / Math.sqrt(n[c]), "mean grey of class " + c);
                assertEquals(2500, sd, 2500 * 0.03, "noise sigma of class " + c);
            }
        }
    }

    @Test
    void sameSeedIsIdenticalAndOtherSeedDiffers() {
        try (CrackedPellet.Phantom a = CrackedPellet.generate(small(), 21);
             CrackedPellet.Phantom b = CrackedPellet.generate(small(), 21);
             CrackedPellet.Phantom c = CrackedPellet.generate(small(), 22)) {
            VolumeAssert.assertSameContent(a.labels(), b.labels());
            VolumeAssert.assertSameContent(a.grey(), b.grey());
            assertEquals(a.truth(), b.truth());
            assertFalse(a.labels().contentEquals(c.labels()));
            assertFalse(a.grey().contentEquals(c.grey()));
        }
    }

    @Test
    void identicalForOneAndTwoThreads() {
        try (CrackedPellet.Phantom one = Recount.withThreads(1, () -> Phantoms.pellet(5));
             CrackedPellet.Phantom two = Recount.withThreads(2, () -> Phantoms.pellet(5))) {
            VolumeAssert.assertSameContent(one.labels(), two.labels());
            VolumeAssert.assertSameContent(one.grey(), two.grey());
            assertEquals(one.truth(), two.truth());
        }
    }

    @Test
    void badParametersAreRejected() {
        Dims d = new Dims(32, 32, 32);
        Spacing s = Spacing.isotropic(1);
        assertThrows(ParameterException.class, () -> new CrackedPellet.Crack(1, 1, 1, 0, 0, 0, 1, 1));
        assertThrows(ParameterException.class, () -> new CrackedPellet.Crack(1, 1, 1, 0, 0, 1, 0, 1));
        assertThrows(ParameterException.class, () -> new CrackedPellet.Config(d, s, 5, 3, 2, 0, List.of(), 1, 0, 1));
        assertThrows(ParameterException.class, () -> new CrackedPellet.Config(d, s, 5, 1, 2, 0, List.of(), 70000, 0, 1));
        assertThrows(ParameterException.class,
                () -> CrackedPellet.generate(new CrackedPellet.Config(d, s, 5000, 3, 4, 0, List.of(), 1, 0, 1), 1));
    }
}
