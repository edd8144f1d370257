package org.tomolyte.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Spacing;

class CathodeTest {

    private static Cathode.Config small() {
        return new Cathode.Config(new Dims(64, 64, 48), new Spacing(0.08, 0.08, 0.1), 8, 0.8, 1.4, 1.6, 0.0, 80, 0.12,
                2.0, 60, 0.2, 0.4, 20, 200, 130, 70, 12);
    }

    @Test
    void truthMatchesRecount() {
        try (Cathode.Phantom p = Cathode.generate(small(), 2)) {
            Cathode.Truth t = p.truth();
            assertEquals(DataType.U8, p.labels().type());
            assertEquals(DataType.U8, p.grey().type());
            long[] h = Recount.histogram(p.labels(), 4);
            double fractions = 0;
            for (int label = 0; label < 4; label++) {
                Cathode.PhaseTruth ph = t.phase(label);
                assertEquals(label, ph.label());
                assertEquals(Cathode.PHASES.name(label), ph.name());
                assertEquals(h[label], ph.voxels(), "voxels of " + ph.name());
                assertTrue(ph.voxels() > 0, ph.name() + " present");
                assertEquals((double) h[label] / p.labels().voxels(), ph.fraction(), 1e-15);
                assertEquals(h[label] * 0.08 * 0.08 * 0.1, ph.volumeUm3(), 1e-9);
                fractions += ph.fraction();
            }
            assertEquals(1, fractions, 1e-12);
            assertEquals(8, t.particleCount());
            assertEquals(80, t.fibreCount());
            assertEquals(60, t.poreCount());
        }
    }

    @Test
    void defaultCathodeLooksLikeAComposite() {
        try (Cathode.Phantom p = Phantoms.cathode(1)) {
            Cathode.Truth t = p.truth();
            assertTrue(t.phase(Cathode.ACTIVE).fraction() > 0.25 && t.phase(Cathode.ACTIVE).fraction() < 0.5);
            assertTrue(t.phase(Cathode.ELECTROLYTE).fraction() > 0.4);
            assertTrue(t.phase(Cathode.CARBON).fraction() > 0.005 && t.phase(Cathode.CARBON).fraction() < 0.06);
            assertTrue(t.phase(Cathode.VOID).fraction() > 0.005 && t.phase(Cathode.VOID).fraction() < 0.06);
        }
    }

    /**
     * Per-phase grey mean and spread match the configured values. Tolerances: mean within 0.5
     * grey level (rounding to integers is unbiased; clamping at 0 lifts the void mean of
     * 20 +- 12 by about 0.24), standard deviation within 5 % of sigma (rounding adds 1/12 of
     * variance; clamping trims the void tail slightly).
     */
    @Test
    void greyLevelsFollowThePhaseMeans() {
        try (Cathode.Phantom p = Phantoms.cathode(3)) {
            double[] sum = new double[4];
            double[] sq = new double[4];
            long[] n = new long[4];
            for (long i = 0; i < p.grey().voxels(); i++) {
                int c = p.labels().getInt(i);
                double v = p.grey().get(i);
                sum[c] += v;
                sq[c] += v * v;
                n[c]++;
            }
            for (int c = 0; c < 4; c++) {
                double m = sum[c] / n[c];
                double sd = Math.sqrt(sq[c] / n[c] - m * m);
                double expected = p.truth().phase(c).meanGrey();
                assertEquals(expected, m, 0.5 + 5 * 12 / Math.sqrt(n[c]), "mean grey of " + Cathode.PHASES.name(c));
                assertEquals(12, sd, 0.6, "grey spread of " + Cathode.PHASES.name(c));
            }
        }
    }

    @Test
    void sameSeedIsIdenticalAndOtherSeedDiffers() {
        try (Cathode.Phantom a = Cathode.generate(small(), 4);
             Cathode.Phantom b = Cathode.generate(small(), 4);
             Cathode.Phantom c = Cathode.generate(small(), 5)) {
            VolumeAssert.assertSameContent(a.labels(), b.labels());
            VolumeAssert.assertSameContent(a.grey(), b.grey());
            assertEquals(a.truth(), b.truth());
            assertFalse(a.labels().contentEquals(c.labels()));
            assertFalse(a.grey().contentEquals(c.grey()));
        }
    }

    @Test
    void identicalForOneAndTwoThreads() {
        try (Cathode.Phantom one = Recount.withThreads(1, () -> Phantoms.cathode(9));
             Cathode.Phantom two = Recount.withThreads(2, () -> Phantoms.cathode(9))) {
            VolumeAssert.assertSameContent(one.labels(), two.labels());
            VolumeAssert.assertSameContent(one.grey(), two.grey());
            assertEquals(one.truth(), two.truth());
        }
    }

    @Test
    void badParametersAreRejected() {
        Cathode.Config ok = small();
        assertThrows(ParameterException.class, () -> new Cathode.Config(ok.dims(), ok.spacing(), 8, 1.5, 1.4, 1.6, 0,
                80, 0.12, 2, 60, 0.2, 0.4, 20, 200, 130, 70, 12));
        assertThrows(ParameterException.class, () -> new Cathode.Config(ok.dims(), ok.spacing(), 8, 0.8, 1.4, 0.5, 0,
                80, 0.12, 2, 60, 0.2, 0.4, 20, 200, 130, 70, 12));
        assertThrows(ParameterException.class, () -> new Cathode.Config(ok.dims(), ok.spacing(), 8, 0.8, 1.4, 1.6, 0,
                80, 0.12, 2, 60, 0.2, 0.4, 20, 300, 130, 70, 12));
        assertThrows(ParameterException.class, () -> Cathode.generate(new Cathode.Config(ok.dims(), ok.spacing(), 5000,
                0.8, 1.4, 1.6, 0, 80, 0.12, 2, 60, 0.2, 0.4, 20, 200, 130, 70, 12), 1));
    }
}
