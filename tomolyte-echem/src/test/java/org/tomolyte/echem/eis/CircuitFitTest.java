package org.tomolyte.echem.eis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Known answers: spectra of known circuits give back their parameters. */
class CircuitFitTest {

    private static final double[] F = Synthetic.frequencies(1e6, 0.1, 10);

    @Test
    void exactDataRecoversParametersFromAGuess() {
        String circuit = "R0-p(R1,CPE1)-W1";
        double[] truth = {20, 150, 3e-6, 0.85, 40};
        Spectrum s = Synthetic.spectrum(circuit, truth, F, 0, 1);
        Circuit c = Circuit.parse(circuit);
        CircuitFit.Result r = CircuitFit.fit(c, s, new double[] {10, 100, 1e-6, 0.9, 10}, CircuitFit.Weighting.MODULUS);
        for (int k = 0; k < truth.length; k++) {
            assertEquals(truth[k], r.parameters()[k], 1e-6 * truth[k], c.parameterNames().get(k));
        }
        assertTrue(r.rmsResidual() < 1e-8);
    }

    @Test
    void automaticGuessWorksForASimpleArc() {
        String circuit = "R0-p(R1,C1)";
        double[] truth = {12, 340, 2e-7};
        Spectrum s = Synthetic.spectrum(circuit, truth, F, 0, 1);
        Circuit c = Circuit.parse(circuit);
        CircuitFit.Result r = CircuitFit.fit(c, s, CircuitFit.guess(c, s), CircuitFit.Weighting.UNIT);
        for (int k = 0; k < truth.length; k++) {
            assertEquals(truth[k], r.parameters()[k], 1e-6 * truth[k], c.parameterNames().get(k));
        }
    }

    /**
     * 1 % relative Gaussian noise on 71 points: each estimate must lie within 4 of its reported
     * standard errors of the truth (a check that the uncertainties are of the right size), and
     * within 5 % for the resistances.
     */
    @Test
    void noisyDataWithinReportedUncertainty() {
        String circuit = "R0-p(R1,C1)-p(R2,CPE2)";
        double[] truth = {5, 100, 1e-8, 400, 1e-5, 0.8};
        Circuit c = Circuit.parse(circuit);
        for (long seed = 1; seed <= 3; seed++) {
            Spectrum s = Synthetic.spectrum(circuit, truth, F, 0.01, seed);
            CircuitFit.Result r = CircuitFit.fit(c, s, new double[] {4, 80, 2e-8, 300, 2e-5, 0.7}, CircuitFit.Weighting.MODULUS);
            for (int k = 0; k < truth.length; k++) {
                double se = r.standardErrors()[k];
                assertTrue(se > 0, c.parameterNames().get(k));
                assertEquals(truth[k], r.parameters()[k], 4 * se, c.parameterNames().get(k) + " seed " + seed);
            }
            assertEquals(100, r.value("R1"), 5);
            assertEquals(400, r.value("R2"), 20);
        }
    }
}
