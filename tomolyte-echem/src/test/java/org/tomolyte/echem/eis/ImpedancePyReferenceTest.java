package org.tomolyte.echem.eis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * impedance.py's own known answers (../shared/data/impedance_py/MANIFEST.txt): the Randles fit
 * of exampleData.csv from its test_circuits.py, to 2 decimals (numpy's {@code decimal=2}:
 * |difference| &lt; 1.5e-2), and the prediction at 10 Hz.
 */
class ImpedancePyReferenceTest {

    private static Spectrum exampleData() {
        Path d = SharedData.dir();
        Assumptions.assumeTrue(d != null, "../shared/data not present");
        double[][] rows = SharedData.readCsv(d.resolve("impedance_py/exampleData.csv"));
        double[] f = SharedData.column(rows, 0);
        double[] re = SharedData.column(rows, 1);
        double[] im = SharedData.column(rows, 2);
        double[] mi = new double[im.length];
        for (int i = 0; i < im.length; i++) {
            mi[i] = -im[i];
        }
        return new Spectrum(f, re, mi);
    }

    @Test
    void randlesFitMatchesImpedancePy() {
        Spectrum all = exampleData();
        assertEquals(66, all.size());
        Spectrum data = all.capacitiveOnly();
        Circuit randles = Circuit.parse("Randles");
        assertEquals("R0-p(R1-Wo1,C1)", randles.text());
        assertEquals(java.util.List.of("R0", "R1", "Wo1_0", "Wo1_1", "C1"), randles.parameterNames());
        CircuitFit.Result r = CircuitFit.fit(randles, data, new double[] {.01, .005, .01, 200, .1}, CircuitFit.Weighting.UNIT);
        double[] expected = {1.86235717e-02, 1.16804085e-02, 6.27121224e-02, 2.21232935e+02, 1.17171440e+00};
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], r.parameters()[k], 1.5e-2, randles.parameterNames().get(k));
            // much closer than impedance.py's own tolerance: the same minimum of the same cost
            assertEquals(expected[k], r.parameters()[k], 1e-4 * Math.abs(expected[k]), randles.parameterNames().get(k) + " relative");
        }
        Complex z10 = r.impedance(10);
        assertEquals(0.0251618, z10.re(), 1e-6);
        assertEquals(-0.00601304, z10.im(), 1e-7);
        for (double se : r.standardErrors()) {
            assertTrue(se > 0 && Double.isFinite(se));
        }
    }
}
