package org.tomolyte.echem.eis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Bulk resistance estimates on spectra with known resistances. */
class BulkResistanceTest {

    @Test
    void spikeOfABlockingCellExtrapolatesToTheBulkResistance() {
        // bulk R only with a blocking double layer: the spike is a straight line through (R, 0)
        double[] f = Synthetic.frequencies(1e6, 0.1, 10);
        Spectrum s = Synthetic.spectrum("R0-CPE1", new double[] {250, 2e-6, 0.85}, f, 0, 1);
        BulkResistance.Estimate e = BulkResistance.spikeExtrapolation(s, 0);
        assertEquals("spike", e.method());
        assertEquals(f.length, e.points());
        assertEquals(250, e.ohm(), 1e-9);
        assertEquals(250 * 1e-4 / (250 * 1.0), BulkResistance.conductivitySCm(250, 1.0, e.ohm()), 1e-15);
    }

    @Test
    void spikeAfterAGrainBoundaryArcGivesTotalResistance() {
        // bulk 50 Ohm + grain boundary arc 200 Ohm (tau 2e-5 s) + blocking CPE: the spike below
        // the valley extrapolates to 250 Ohm to within the arc's residual curvature (< 0.5 %)
        double[] f = Synthetic.frequencies(1e6, 0.1, 10);
        Spectrum s = Synthetic.spectrum("R0-p(R1,C1)-CPE2", new double[] {50, 200, 1e-7, 1e-4, 0.8}, f, 0, 1);
        BulkResistance.Estimate e = BulkResistance.spikeExtrapolation(s, 0);
        assertEquals(250, e.ohm(), 1.25);
        BulkResistance.Estimate hf = BulkResistance.highFrequencyIntercept(s);
        assertEquals("min_im", hf.method());
        assertEquals(50, hf.ohm(), 0.5);
    }

    @Test
    void inductiveTailCrossingIsInterpolated() {
        double[] f = Synthetic.frequencies(1e7, 1, 20);
        Spectrum s = Synthetic.spectrum("L0-R0-p(R1,C1)", new double[] {2e-7, 30, 100, 1e-6}, f, 0, 1);
        BulkResistance.Estimate hf = BulkResistance.highFrequencyIntercept(s);
        assertEquals("crossing", hf.method());
        // exact crossing: -Im = 0 where w L = R1^2 w C / (1 + (w R1 C)^2); Re there is within 0.5 Ohm of R0
        assertEquals(30, hf.ohm(), 0.5);
        assertEquals(Double.NaN, BulkResistance.spikeExtrapolation(
                Synthetic.spectrum("R0-p(R1,C1)", new double[] {30, 100, 1e-6}, f, 0, 1), 0).ohm());
    }
}
