package org.tomolyte.echem.ccd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tomolyte.core.Plot;
import org.tomolyte.core.Table;
import org.tomolyte.core.op.Check;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;
import org.tomolyte.echem.eclab.Canonical;
import org.tomolyte.echem.eclab.Tables;

/**
 * {@code echem.ccd}: critical current density of a stepwise plating/stripping test (paper 001,
 * Methods and Fig. 1e): the failure (a sharp potential drop mid half cycle, or a short), the
 * current density of the step it happens in ({@code ccd_mA_cm2}) and the cumulative charge passed
 * up to it ({@code charge_to_failure_C_cm2}). The rules are those of {@link CcdAnalysis}.
 *
 * <p>Input {@code data}: time (s), Ewe (V), I (mA), EC-Lab or canonical names. Output table
 * {@code steps} (one row per current step); plot {@code ccd} (potential vs time, failure marked).
 * Metrics: {@code failure_detected} (0/1), {@code failure_kind} (none/short/drop), {@code ccd_mA_cm2},
 * {@code charge_to_failure_C_cm2}, {@code failure_time_s} (when detected), {@code max_passed_mA_cm2},
 * {@code steps}.
 */
public final class CcdOp implements Op<CcdOp.Params> {

    /**
     * Parameters of {@code echem.ccd}.
     *
     * @param areaCm2       electrode area, cm^2
     * @param restCurrentMA currents with |I| at or below this are rest, mA
     * @param dropFraction  relative potential drop within drop_window_s that is a failure
     * @param dropWindowS   time window of the drop, s
     * @param shortV        |E| at or below this while current flows is a short, V (0 disables)
     */
    public record Params(
            @Param(doc = "electrode (contact) area", unit = "cm^2", min = 0, minExclusive = true) double areaCm2,
            @Param(doc = "currents with |I| at or below this are rest", unit = "mA", defaultValue = "0", min = 0) double restCurrentMA,
            @Param(doc = "failure: |E| falls below (1 - drop_fraction) x its maximum over the previous drop_window_s of the half cycle",
                    defaultValue = "0.5", min = 0, minExclusive = true, max = 0.999) double dropFraction,
            @Param(doc = "time window of a sharp drop", unit = "s", defaultValue = "300", min = 0, minExclusive = true) double dropWindowS,
            @Param(doc = "short: |E| at or below this while current flows (0 disables)", unit = "V", defaultValue = "0.001", min = 0)
            double shortV) {
        public Params {
            Check.greater("area_cm2", areaCm2, 0);
            Check.atLeast("rest_current_ma", restCurrentMA, 0);
            Check.range("drop_fraction", dropFraction, 1e-9, 0.999);
            Check.greater("drop_window_s", dropWindowS, 0);
            Check.atLeast("short_v", shortV, 0);
        }
    }

    @Override
    public String id() {
        return "echem.ccd";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Critical current density and charge to failure of a stepwise plating/stripping test";
    }

    @Override
    public String reference() {
        return "Dixit et al. (paper 001), Methods 'Critical Current Density (CCD) test' and Fig. 1e";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.table("data", "symmetric-cell record: time (s), Ewe (V), I (mA); EC-Lab or canonical names"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.table("steps", "one row per current step"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        return Map.of("steps", new DataSpec.TableSpec("steps"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Table data = Canonical.view(in.table("data"), "echem");
        double[] t = Tables.required(data, "time_s", "time in s");
        double[] e = Tables.required(data, "Ewe_V", "potential in V");
        double[] i = Tables.required(data, "I_mA", "current in mA");
        CcdAnalysis.Result r = CcdAnalysis.analyse(t, e, i,
                new CcdAnalysis.Settings(p.areaCm2(), p.restCurrentMA(), p.dropFraction(), p.dropWindowS(), p.shortV()));
        Table.Builder b = Table.builder("steps")
                .column("step", "", Table.Kind.INTEGER, "step number from 1")
                .column("current_density_mA_cm2", "mA/cm^2", Table.Kind.REAL, "median |I| / area")
                .column("half_cycles", "", Table.Kind.INTEGER, "half cycles in the step (up to the failure)")
                .column("start_s", "s", Table.Kind.REAL, "first row of the step")
                .column("end_s", "s", Table.Kind.REAL, "last row of the step, or the failure")
                .column("charge_C_cm2", "C/cm^2", Table.Kind.REAL, "charge passed in the step")
                .column("cumulative_charge_C_cm2", "C/cm^2", Table.Kind.REAL, "charge passed from the start to the end of the step")
                .column("max_abs_Ewe_V", "V", Table.Kind.REAL, "largest |E| in the step")
                .column("failed", "", Table.Kind.INTEGER, "1 for the step the cell failed in");
        for (CcdAnalysis.Step s : r.steps()) {
            b.row((long) s.step(), s.currentDensity(), (long) s.halfCycles(), s.startS(), s.endS(), s.chargeCcm2(), s.cumulativeCcm2(), s.maxAbsV(),
                    s.failed() ? 1L : 0L);
        }
        OpResult res = new OpResult().table("steps", b.build());
        double[] th = new double[t.length];
        for (int k = 0; k < t.length; k++) {
            th[k] = t[k] / 3600.0;
        }
        List<Plot.Series> series = new ArrayList<>();
        series.add(new Plot.Series("Ewe", th, e));
        if (r.failureRow() >= 0) {
            double lo = java.util.Arrays.stream(e).min().orElse(0);
            double hi = java.util.Arrays.stream(e).max().orElse(0);
            series.add(new Plot.Series(String.format(java.util.Locale.ROOT, "failure at %.3g mA/cm^2", r.ccd()),
                    new double[] {th[r.failureRow()], th[r.failureRow()]}, new double[] {lo, hi}));
        }
        res.plot(new Plot("ccd", "Critical current density test", "time (h)", "Ewe (V)", Plot.Kind.LINE, false, series));
        res.metrics().put("failure_detected", r.kind() == CcdAnalysis.FailureKind.NONE ? 0L : 1L)
                .put("failure_kind", r.kind().name().toLowerCase(java.util.Locale.ROOT))
                .put("steps", (long) r.steps().size());
        if (r.kind() != CcdAnalysis.FailureKind.NONE) {
            res.metrics().put("ccd_mA_cm2", r.ccd()).put("charge_to_failure_C_cm2", r.chargeToFailureCcm2()).put("failure_time_s", r.failureTimeS());
        }
        if (!Double.isNaN(r.maxPassed())) {
            res.metrics().put("max_passed_mA_cm2", r.maxPassed());
        }
        return res;
    }
}
