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

    private static OpResult run(Synthetic.Rows rows, Map<String, Object> params) {
        CcdOp op = new CcdOp();
        return op.run(ParamBinder.bind(CcdOp.Params.class, params), new OpInputs(Map.of("data", rows.ecLab(false))), OpContext.QUIET);
    }
}
