package org.tomolyte.echem.eis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.Table;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;

/**
 * DRT known answers. A parallel RC has a delta-function DRT at tau = R C with area R; a ZARC
 * {@code p(R, CPE)} has a distribution symmetric in ln tau around {@code tau0 = (R Q)^(1/alpha)}
 * with area R. Tolerances: peak positions within 0.1 decade of log10(tau) (one grid spacing
 * at 10 centres per decade), resistances within 5 %, R_inf within 1 %.
 */
class DrtTest {

    private static final double[] F = Synthetic.frequencies(1e6, 1e-2, 10);

    private static void assertPeak(Drt.Peak p, double tau, double r) {
        assertEquals(Math.log10(tau), Math.log10(p.tauS()), 0.1, "peak log10 tau");
        assertEquals(r, p.resistanceOhm(), 0.05 * r, "peak resistance");
    }

    @Test
    void singleRc() {
        Spectrum s = Synthetic.spectrum("R0-p(R1,C1)", new double[] {10, 100, 1e-5}, F, 0, 1);
        Drt.Result r = Drt.compute(s, null, 10, false);
        assertEquals("gcv", r.lambdaMethod());
        assertEquals(1, r.peaks().size(), r.peaks().toString());
        assertPeak(r.peaks().getFirst(), 1e-3, 100);
        assertEquals(10, r.rInfOhm(), 0.1);
        assertEquals(100, r.polarizationOhm(), 2);
    }

    @Test
    void doubleRcWithNoise() {
        Spectrum s = Synthetic.spectrum("R0-p(R1,C1)-p(R2,C2)", new double[] {5, 50, 2e-7, 200, 5e-3}, F, 0.005, 7);
        Drt.Result r = Drt.compute(s, null, 10, false);
        List<Drt.Peak> peaks = r.peaks().stream().filter(p -> p.resistanceOhm() > 5).toList();
        assertEquals(2, peaks.size(), r.peaks().toString());
        assertPeak(peaks.get(0), 1e-5, 50);
        assertPeak(peaks.get(1), 1.0, 200);
        assertEquals(5, r.rInfOhm(), 0.5);
    }

    @Test
    void zarcPeakAtItsCharacteristicTime() {
        double rz = 80;
        double q = 1e-4;
        double alpha = 0.8;
        double tau0 = Math.pow(rz * q, 1 / alpha);
        Spectrum s = Synthetic.spectrum("R0-p(R1,CPE1)", new double[] {3, rz, q, alpha}, F, 0, 1);
        Drt.Result r = Drt.compute(s, null, 10, false);
        assertEquals(1, r.peaks().size(), r.peaks().toString());
        assertPeak(r.peaks().getFirst(), tau0, rz);
        assertTrue(r.rmsResidualOhm() < 0.01 * rz);
    }

    @Test
    void givenLambdaAndInductance() {
        Spectrum s = Synthetic.spectrum("L0-R0-p(R1,C1)", new double[] {1e-7, 10, 100, 1e-5}, F, 0, 1);
        Drt.Result r = Drt.compute(s, 1e-4, 10, true);
        assertEquals("given", r.lambdaMethod());
        assertEquals(1e-4, r.lambda());
        assertEquals(1e-7, r.inductanceH(), 5e-9);
        assertPeak(r.peaks().getFirst(), 1e-3, 100);
    }

    @Test
    void opGivesTablesMetricsAndPlot() {
        Spectrum s = Synthetic.spectrum("R0-p(R1,C1)", new double[] {10, 100, 1e-5}, F, 0, 1);
        OpResult r = new DrtOp().run(new DrtOp.Params(null, 10, false),
                new OpInputs(Map.of("impedance", EisOpTest.table(s))), OpContext.QUIET);
        Table peaks = (Table) r.outputs().get("peaks");
        assertEquals(1, peaks.rowCount());
        assertEquals(1 / (2 * Math.PI * peaks.number(0, "tau_s")), peaks.number(0, "freq_Hz"), 1e-12);
        Table drt = (Table) r.outputs().get("drt");
        assertTrue(drt.rowCount() > 400);
        assertEquals("gcv", r.metrics().toMap().get("lambda_method"));
        assertEquals("drt", r.plots().getFirst().name());
    }
}
