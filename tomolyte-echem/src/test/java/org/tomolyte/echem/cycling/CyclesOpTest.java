package org.tomolyte.echem.cycling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Table;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.ParamBinder;
import org.tomolyte.echem.Synthetic;

/** {@code echem.cycles} on a generated record with known capacities, efficiency, drop cycle and one erratic half cycle. */
class CyclesOpTest {

    @Test
    void knownCapacitiesEfficiencyDropAndErraticSegment() {
        Synthetic.Rows rows = Synthetic.cycling();
        for (boolean withCycle : new boolean[] {false, true}) {
            CyclesOp op = new CyclesOp();
            CyclesOp.Params p = ParamBinder.bind(CyclesOp.Params.class, Map.of("active_mass_mg", 2.0, "reference_cycle", 10));
            OpResult r = op.run(p, new OpInputs(Map.of("data", rows.ecLab(withCycle))), OpContext.QUIET);
            Table t = (Table) r.outputs().get("cycles");
            assertEquals(40, t.rowCount());
            for (int k = 1; k <= 40; k++) {
                int d = Synthetic.dischargeSteps(k);
                int row = k - 1;
                assertEquals(k, t.number(row, "cycle"));
                assertEquals((d + 1) / 60.0, t.number(row, "charge_mAh"), 1e-12);
                assertEquals(d / 60.0, t.number(row, "discharge_mAh"), 1e-12);
                assertEquals(d / 60.0 * 500, t.number(row, "discharge_mAh_g"), 1e-9);
                assertEquals(d / (d + 1.0), t.number(row, "coulombic_efficiency"), 1e-12);
                assertEquals(d / 119.0, t.number(row, "retention_vs_first"), 1e-12);
                assertEquals(d / 110.0, t.number(row, "retention_vs_reference"), 1e-12);
                int c = d + 1;
                assertEquals(3.7 + 0.1 * (c + 1) / (2.0 * c), t.number(row, "mean_charge_V"), 1e-12);
                if (k != Synthetic.ERRATIC_CYCLE) {
                    assertEquals(3.6 - 0.1 * (d + 1) / (2.0 * d), t.number(row, "mean_discharge_V"), 1e-12);
                    assertEquals(0, t.number(row, "voltage_reversals"));
                }
            }
            assertEquals(30L, r.metrics().toMap().get("capacity_drop_cycle"));
            Table erratic = (Table) r.outputs().get("erratic");
            assertEquals(1, erratic.rowCount());
            assertEquals(Synthetic.ERRATIC_CYCLE, erratic.number(0, "cycle"));
            assertEquals("discharge", erratic.text(0, "direction"));
            assertEquals(3, r.plots().size());
        }
    }

    @Test
    void gradualFadeIsNoAbruptDrop() {
        double[] fade = new double[60];
        for (int k = 0; k < fade.length; k++) {
            fade[k] = 200 * Math.pow(0.99, k);
        }
        assertEquals(-1, CycleAnalysis.changePoint(fade, 0.2, 5));
        fade[45] *= 0.7;
        assertEquals(45, CycleAnalysis.changePoint(fade, 0.2, 5));
    }

    @Test
    void parametersAreChecked() {
        assertThrows(ParameterException.class, () -> ParamBinder.bind(CyclesOp.Params.class, Map.of("active_mass_mg", -1.0)));
        assertThrows(ParameterException.class, () -> ParamBinder.bind(CyclesOp.Params.class, Map.of("drop_fraction", 1.5)));
    }
}
