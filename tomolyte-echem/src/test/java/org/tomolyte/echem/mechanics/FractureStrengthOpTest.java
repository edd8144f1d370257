package org.tomolyte.echem.mechanics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.Table;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.ParamBinder;

/** {@code echem.fracture_strength} on a generated curve with a known first major drop. */
class FractureStrengthOpTest {

    /**
     * Load rises 0.01 mN per nm to 12 mN at 1200 nm, with an early wobble (0.5 -> 0.3 mN, a 40 % drop
     * below the contact threshold), falls to 4 mN (fracture), then densifies up to 15 mN.
     */
    static Table curve(double unitScale) {
        Table.Builder b = Table.builder("curve").column("displacement_nm", "nm", Table.Kind.REAL, "")
                .column("load", "", Table.Kind.REAL, "");
        for (int i = 0; i <= 1200; i++) {
            double load = i == 51 ? 0.3 : 0.01 * i;
            b.row((double) i, load * unitScale);
        }
        for (int i = 1; i <= 1100; i++) {
            b.row(1200.0 + i, (4 + 0.01 * i) * unitScale);
        }
        return b.build();
    }

    @Test
    void loadAtFirstMajorDropAndStrength() {
        for (var unit : Map.of("mn", 1.0, "n", 1e-3, "un", 1e3).entrySet()) {
            OpResult r = new FractureStrengthOp().run(
                    ParamBinder.bind(FractureStrengthOp.Params.class, Map.of("diameter_um", 10.0, "load_column", "load", "load_unit", unit.getKey())),
                    new OpInputs(Map.of("curve", curve(unit.getValue()))), OpContext.QUIET);
            Map<String, Object> m = r.metrics().toMap();
            assertEquals(12.0, (double) m.get("fracture_load_mN"), 1e-9);
            assertEquals(15.0, (double) m.get("max_load_mN"), 1e-9);
            double expected = 12.0e-3 / (Math.PI * 10e-6 * 10e-6 / 4) / 1e6;
            assertEquals(expected, (double) m.get("strength_MPa"), 1e-9 * expected);
            Table t = (Table) r.outputs().get("fracture");
            assertEquals(1200.0, t.number(0, "fracture_displacement"));
        }
    }

    @Test
    void smoothCurveHasNoDrop() {
        double[] d = {0, 1, 2, 3};
        double[] l = {0, 1, 2, 3};
        assertEquals(false, FractureStrength.analyse(d, l, 5, 0.1, 0.2).found());
    }
}
