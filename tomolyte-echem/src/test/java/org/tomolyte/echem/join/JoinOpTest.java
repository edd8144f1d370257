package org.tomolyte.echem.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.Plot;
import org.tomolyte.core.Table;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.ParamBinder;

/** {@code echem.join}: nearest, linear and exact joins with known answers. */
class JoinOpTest {

    static Table echem() {
        Table.Builder b = Table.builder("eclab").column("time/s", "s", Table.Kind.REAL, "").column("Ewe/V", "V", Table.Kind.REAL, "")
                .column("I/mA", "mA", Table.Kind.REAL, "");
        for (int k = 0; k <= 30; k++) {
            b.row(100.0 * k, 0.001 * 100 * k, 1.0);
        }
        return b.build();
    }

    static Table series() {
        return Table.builder("series").column("time_s", "s", Table.Kind.REAL, "").column("contact_fraction", "", Table.Kind.REAL, "")
                .row(0.0, 1.0).row(1000.0, 0.8).row(2500.0, 0.5).row(5000.0, 0.2).build();
    }

    private static Table join(Map<String, Object> params, Table left, Table right) {
        OpResult r = new JoinOp().run(ParamBinder.bind(JoinOp.Params.class, params), new OpInputs(Map.of("series", left, "echem", right)),
                OpContext.QUIET);
        return (Table) r.outputs().get("joined");
    }

    @Test
    void nearestAndLinearOnTime() {
        Table n = join(Map.of("method", "nearest", "time_offset_s", 50.0), series(), echem());
        assertEquals(1.0, n.number(1, "Ewe_V"), 1e-12); // 1050 s: tie between 1000 and 1100 -> earlier
        assertEquals(3.0, n.number(3, "Ewe_V"), 1e-12); // beyond the end -> last
        Table l = join(Map.of("method", "linear", "time_offset_s", 50.0), series(), echem());
        assertEquals(1.05, l.number(1, "Ewe_V"), 1e-12);
        assertEquals(2.55, l.number(2, "Ewe_V"), 1e-12);
        assertTrue(Double.isNaN(l.number(3, "Ewe_V")));
        assertEquals(0.8, l.number(1, "contact_fraction"));
    }

    @Test
    void exactOnSampleWithScatterPlot() {
        Table porosity = Table.builder("porosity").column("sample", "", Table.Kind.TEXT, "").column("porosity", "", Table.Kind.REAL, "")
                .row("A-LPS", 0.12).row("LiI-AN", 0.03).row("unknown", 0.5).build();
        Table ccd = Table.builder("ccd").column("sample", "", Table.Kind.TEXT, "").column("charge_to_failure_C_cm2", "C/cm^2", Table.Kind.REAL, "")
                .row("LiI-AN", 135.72).row("A-LPS", 6.849).build();
        OpResult r = new JoinOp().run(ParamBinder.bind(JoinOp.Params.class, Map.of("method", "exact", "on", "sample", "echem_on", "sample",
                "plot_x", "porosity", "plot_y", "charge_to_failure_C_cm2")), new OpInputs(Map.of("series", porosity, "echem", ccd)), OpContext.QUIET);
        Table j = (Table) r.outputs().get("joined");
        assertEquals(6.849, j.number(0, "charge_to_failure_C_cm2"));
        assertEquals(135.72, j.number(1, "charge_to_failure_C_cm2"));
        assertTrue(Double.isNaN(j.number(2, "charge_to_failure_C_cm2")));
        assertEquals(2L, r.metrics().toMap().get("matched"));
        assertEquals(Plot.Kind.SCATTER, r.plots().get(0).kind());
    }
}
