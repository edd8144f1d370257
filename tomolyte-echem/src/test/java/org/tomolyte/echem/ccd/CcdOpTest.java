package org.tomolyte.echem.ccd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.Table;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.ParamBinder;
import org.tomolyte.echem.Synthetic;

/** {@code echem.ccd} on generated stepwise tests failing at a known step, by a short and by a sharp drop. */
class CcdOpTest {

    /** Charge (C/cm^2) to 1800 s into the second half cycle of step {@code failStep}: j x time / 1000 per step. */
    private static double expectedCharge(int failStep) {
        double q = 0;
        for (int s = 1; s < failStep; s++) {
            q += Synthetic.ccdStep(s) * 4 * 3600 / 1000.0;
        }
        return q + Synthetic.ccdStep(failStep) * (3600 + 1800) / 1000.0;
    }

    @Test
    void shortAtKnownStep() {
        OpResult r = run(Synthetic.ccd(5, 0.0002), Map.of("area_cm2", 0.5));
        Map<String, Object> m = r.metrics().toMap();
        assertEquals(1L, m.get("failure_detected"));
        assertEquals("short", m.get("failure_kind"));
        assertEquals(1.1, (double) m.get("ccd_mA_cm2"), 1e-12);
        assertEquals(0.85, (double) m.get("max_passed_mA_cm2"), 1e-12);
        assertEquals(expectedCharge(5), (double) m.get("charge_to_failure_C_cm2"), 1e-9);
        Table steps = (Table) r.outputs().get("steps");
        assertEquals(5, steps.rowCount());
        assertEquals(1, steps.number(4, "failed"));
        assertEquals(2, steps.number(4, "half_cycles"));
        assertEquals(0.35 * 14.4, steps.number(1, "charge_C_cm2"), 1e-9);
    }

    @Test
    void sharpDropAtKnownStep() {
        // at step 9 (2.1 mA/cm^2) the potential is ~0.042 V; it falls to 0.01 V (a 76 % drop) mid half cycle
        OpResult r = run(Synthetic.ccd(9, 0.01), Map.of("area_cm2", 0.5));
        Map<String, Object> m = r.metrics().toMap();
        assertEquals("drop", m.get("failure_kind"));
        assertEquals(2.1, (double) m.get("ccd_mA_cm2"), 1e-12);
        assertEquals(expectedCharge(9), (double) m.get("charge_to_failure_C_cm2"), 1e-9);
    }

    @Test
    void noFailureReportsTheLastStep() {
        OpResult r = run(Synthetic.ccd(99, 0), Map.of("area_cm2", 0.5));
        Map<String, Object> m = r.metrics().toMap();
        assertEquals(0L, m.get("failure_detected"));
        assertEquals(Synthetic.ccdStep(16), (double) m.get("max_passed_mA_cm2"), 1e-12);
        assertEquals(16L, m.get("steps"));
    }

    /**
     * "Cut-off reached -> next step" (paper 001, synchrotron runs): half cycles end early when the
     * potential reaches the cut-off, so their length varies, with rests between them; steps are
     * still found by current density, and the charge is what actually passed.
     */
    @Test
    void cutOffStepsOfVaryingLength() {
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        double t = 0;
        double q = 0;
        rows.add(new double[] {t, 0, 0});
        double[] j = {0.04, 0.2, 0.4, 0.8, 1.2};
        int[] halfRows = {60, 60, 45, 20, 7};
        for (int s = 0; s < j.length; s++) {
            for (int h = 0; h < 2; h++) {
                double sign = h == 0 ? 1 : -1;
                for (int r = 1; r <= halfRows[s]; r++) {
                    t += 30;
                    q += j[s] * 30 / 1000.0;
                    rows.add(new double[] {t, sign * (0.5 + 9.5 * r / 60.0 * j[s]), sign * j[s] * 0.07});
                }
                t += 30;
                rows.add(new double[] {t, 0.01 * sign, 0});
            }
        }
        Table.Builder b = Table.builder("cell").column("time_s", "s", Table.Kind.REAL, "").column("Ewe_V", "V", Table.Kind.REAL, "")
                .column("I_mA", "mA", Table.Kind.REAL, "");
        rows.forEach(r -> b.row(r[0], r[1], r[2]));
        OpResult r = new CcdOp().run(ParamBinder.bind(CcdOp.Params.class, Map.of("area_cm2", 0.07)), new OpInputs(Map.of("data", b.build())),
                OpContext.QUIET);
        Table steps = (Table) r.outputs().get("steps");
        assertEquals(5, steps.rowCount());
        for (int s = 0; s < 5; s++) {
            assertEquals(j[s], steps.number(s, "current_density_mA_cm2"), 1e-12);
            assertEquals(2, steps.number(s, "half_cycles"));
        }
        assertEquals(q, steps.number(4, "cumulative_charge_C_cm2"), 1e-12);
        assertEquals(0L, r.metrics().toMap().get("failure_detected"));
    }

    private static OpResult run(Synthetic.Rows rows, Map<String, Object> params) {
        CcdOp op = new CcdOp();
        return op.run(ParamBinder.bind(CcdOp.Params.class, params), new OpInputs(Map.of("data", rows.ecLab(false))), OpContext.QUIET);
    }
}
