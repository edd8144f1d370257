package org.tomolyte.echem.cycling;

import java.util.ArrayList;
import java.util.LinkedHashSet;
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
 * {@code echem.cycles}: per-cycle charge and discharge capacity (mAh and, with an active mass,
 * mAh/g), coulombic efficiency, retention against cycle 1 and a reference cycle, mean charge and
 * discharge voltage and their gap, the cycle of an abrupt capacity drop (change point, paper 000
 * Fig. S1) and the half cycles whose voltage jumps up and down (paper 000 Fig. S1c). The rules are
 * those of {@link CycleAnalysis}.
 *
 * <p>Input {@code data}: a table with EC-Lab column names ({@code time/s}, {@code Ewe/V},
 * {@code I/mA} or {@code <I>/mA}, optionally {@code cycle number}) or canonical ones
 * ({@code time_s, Ewe_V, I_mA, cycle}), e.g. an {@code .mpr}/{@code .mpt}/{@code .csv} protocol input.
 *
 * <p>Outputs: table {@code cycles} (one row per cycle), table {@code erratic} (one row per erratic
 * half cycle); plots {@code capacity} (capacity vs cycle), {@code efficiency} (coulombic efficiency
 * vs cycle, %), {@code profiles} (voltage vs capacity of the chosen cycles, paper 002 Fig. 4).
 * Cycle numbers in the tables and metrics are those of the record (EC-Lab counts from 0); the
 * parameters {@code reference_cycle} and {@code profile_cycles} count positions from 1.
 * Metrics: {@code cycles}, {@code first_charge_mAh}, {@code first_discharge_mAh}, {@code last_retention},
 * {@code mean_coulombic_efficiency}, {@code capacity_drop_found} (0/1), {@code capacity_drop_cycle}
 * (when found), {@code erratic_segments}, {@code first_voltage_gap_V}, {@code last_voltage_gap_V}.
 */
public final class CyclesOp implements Op<CyclesOp.Params> {

    /**
     * Parameters of {@code echem.cycles}.
     *
     * @param activeMassMg   active mass, mg
     * @param referenceCycle second retention reference (position in the cycle list, 1 = first cycle)
     * @param restCurrentMA  currents with |I| at or below this are rest, mA
     * @param dropFraction   relative drop against the baseline median that counts as abrupt
     * @param dropWindow     cycles in the baseline median
     * @param jumpV          voltage step that counts in a reversal, V
     * @param minReversals   reversals that make a half cycle erratic
     * @param profileCycles  cycles (positions, 1 = first) whose voltage profiles are plotted (default: first, reference, last)
     */
    public record Params(
            @Param(doc = "active material mass for specific capacities (mAh/g); leave out for mAh only", unit = "mg", optional = true,
                    min = 0, minExclusive = true) Double activeMassMg,
            @Param(doc = "cycle (position, 1 = first) that retention is also given against", defaultValue = "1", min = 1) int referenceCycle,
            @Param(doc = "currents with |I| at or below this are rest", unit = "mA", defaultValue = "0", min = 0) double restCurrentMA,
            @Param(doc = "abrupt drop: out capacity below (1 - drop_fraction) x median of the previous drop_window cycles",
                    defaultValue = "0.2", min = 0, minExclusive = true, max = 0.999) double dropFraction,
            @Param(doc = "cycles in the baseline median of the drop detection", defaultValue = "5", min = 1, max = 1000) int dropWindow,
            @Param(doc = "voltage step that counts in an up-down reversal", unit = "V", defaultValue = "0.005", min = 0, minExclusive = true)
            double jumpV,
            @Param(doc = "reversals that make a half cycle erratic", defaultValue = "3", min = 1) int minReversals,
            @Param(doc = "cycles (positions, 1 = first) whose voltage profiles are plotted (default: first, reference and last)", optional = true,
                    min = 1)
            int[] profileCycles) {
        public Params {
            if (activeMassMg != null) {
                Check.greater("active_mass_mg", activeMassMg, 0);
            }
            Check.range("reference_cycle", referenceCycle, 1, Integer.MAX_VALUE);
            Check.atLeast("rest_current_ma", restCurrentMA, 0);
            Check.range("drop_fraction", dropFraction, 1e-9, 0.999);
            Check.range("drop_window", dropWindow, 1, 1000);
            Check.greater("jump_v", jumpV, 0);
            Check.range("min_reversals", minReversals, 1, Integer.MAX_VALUE);
            if (profileCycles != null) {
                for (int c : profileCycles) {
                    Check.range("profile_cycles", c, 1, Integer.MAX_VALUE);
                }
            }
        }
    }

    @Override
    public String id() {
        return "echem.cycles";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Per-cycle capacities, coulombic efficiency, retention, mean voltages, abrupt capacity drop and erratic voltage";
    }

    @Override
    public String reference() {
        return "Shi et al. SI Fig. S1 (paper 000): capacity drop and unstable voltage; Zheng et al. Fig. 4 (paper 002): retention, CE";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.table("data", "cycling record: time (s), Ewe (V), I (mA), optional cycle number; EC-Lab or canonical names"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.table("cycles", "one row per cycle"), Port.table("erratic", "half cycles whose voltage jumps up and down"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        return Map.of("cycles", new DataSpec.TableSpec("cycles"), "erratic", new DataSpec.TableSpec("erratic"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Table data = Canonical.view(in.table("data"), "echem");
        double[] t = Tables.required(data, "time_s", "time in s");
        double[] e = Tables.required(data, "Ewe_V", "potential in V");
        double[] i = Tables.required(data, "I_mA", "current in mA");
        long[] cyc = null;
        if (Tables.has(data, "cycle")) {
            double[] c = Tables.numbers(data, "cycle");
            cyc = new long[c.length];
            for (int k = 0; k < c.length; k++) {
                cyc[k] = Math.round(c[k]);
            }
        }
        double mass = p.activeMassMg() == null ? Double.NaN : p.activeMassMg();
        CycleAnalysis.Settings s = new CycleAnalysis.Settings(p.referenceCycle(), p.restCurrentMA(), p.dropFraction(), p.dropWindow(),
                p.jumpV(), p.minReversals());
        CycleAnalysis.Result r = CycleAnalysis.analyse(t, e, i, cyc, s);
        boolean specific = !Double.isNaN(mass);
        double perGram = specific ? 1000.0 / mass : Double.NaN;

        Table.Builder tb = Table.builder("cycles")
                .column("cycle", "", Table.Kind.INTEGER, "cycle number")
                .column("charge_mAh", "mAh", Table.Kind.REAL, "charge capacity")
                .column("discharge_mAh", "mAh", Table.Kind.REAL, "discharge capacity");
        if (specific) {
            tb.column("charge_mAh_g", "mAh/g", Table.Kind.REAL, "specific charge capacity")
                    .column("discharge_mAh_g", "mAh/g", Table.Kind.REAL, "specific discharge capacity");
        }
        tb.column("coulombic_efficiency", "", Table.Kind.REAL, "Q_out / Q_in")
                .column("retention_vs_first", "", Table.Kind.REAL, "Q_out / Q_out of cycle 1")
                .column("retention_vs_reference", "", Table.Kind.REAL, "Q_out / Q_out of reference_cycle")
                .column("mean_charge_V", "V", Table.Kind.REAL, "time-weighted mean charge voltage")
                .column("mean_discharge_V", "V", Table.Kind.REAL, "time-weighted mean discharge voltage")
                .column("voltage_gap_V", "V", Table.Kind.REAL, "mean charge minus mean discharge voltage")
                .column("voltage_reversals", "", Table.Kind.INTEGER, "up-down voltage reversals in the cycle");
        for (CycleAnalysis.Cycle c : r.cycles()) {
            List<Object> row = new ArrayList<>(List.of(c.cycle(), c.chargeMAh(), c.dischargeMAh()));
            if (specific) {
                row.add(c.chargeMAh() * perGram);
                row.add(c.dischargeMAh() * perGram);
            }
            row.addAll(List.of(c.efficiency(), c.retentionFirst(), c.retentionRef(), c.meanChargeV(), c.meanDischargeV(), c.gapV(),
                    (long) c.reversals()));
            tb.row(row.toArray());
        }
        Table.Builder eb = Table.builder("erratic")
                .column("cycle", "", Table.Kind.INTEGER, "cycle number")
                .column("direction", "", Table.Kind.TEXT, "charge or discharge")
                .column("start_s", "s", Table.Kind.REAL, "start of the half cycle")
                .column("end_s", "s", Table.Kind.REAL, "end of the half cycle")
                .column("reversals", "", Table.Kind.INTEGER, "up-down voltage reversals")
                .column("max_jump_V", "V", Table.Kind.REAL, "largest voltage step");
        for (CycleAnalysis.HalfCycle h : r.erratic()) {
            eb.row(h.cycle(), h.charge() ? "charge" : "discharge", t[h.firstRow()], t[h.lastRow()], (long) h.reversals(), h.maxJumpV());
        }
        OpResult res = new OpResult().table("cycles", tb.build()).table("erratic", eb.build());

        int nc = r.cycles().size();
        double[] x = new double[nc];
        double[] yc = new double[nc];
        double[] yd = new double[nc];
        double[] ce = new double[nc];
        for (int k = 0; k < nc; k++) {
            CycleAnalysis.Cycle c = r.cycles().get(k);
            x[k] = c.cycle();
            yc[k] = specific ? c.chargeMAh() * perGram : c.chargeMAh();
            yd[k] = specific ? c.dischargeMAh() * perGram : c.dischargeMAh();
            ce[k] = 100 * c.efficiency();
        }
        String unit = specific ? "mAh/g" : "mAh";
        res.plot(new Plot("capacity", "Capacity per cycle" + (r.dropCycle() >= 0 ? " (abrupt drop at cycle " + r.dropCycle() + ")" : ""),
                "cycle", "capacity (" + unit + ")", Plot.Kind.LINE, false,
                List.of(new Plot.Series("charge", x, yc), new Plot.Series("discharge", x, yd))));
        res.plot(new Plot("efficiency", "Coulombic efficiency", "cycle", "coulombic efficiency (%)", Plot.Kind.LINE, false,
                List.of(new Plot.Series("Q_out / Q_in", x, ce))));
        res.plot(profiles(r, p, t, e, i, specific ? perGram : 1, unit));

        CycleAnalysis.Cycle first = r.cycles().get(0);
        CycleAnalysis.Cycle lastC = r.cycles().get(nc - 1);
        double meanCe = r.cycles().stream().mapToDouble(CycleAnalysis.Cycle::efficiency).filter(Double::isFinite).average().orElse(Double.NaN);
        res.metrics().put("cycles", (long) nc)
                .put("first_charge_mAh", first.chargeMAh())
                .put("first_discharge_mAh", first.dischargeMAh())
                .put("last_retention", lastC.retentionFirst())
                .put("mean_coulombic_efficiency", meanCe)
                .put("capacity_drop_found", r.dropCycle() >= 0 ? 1L : 0L)
                .put("erratic_segments", (long) r.erratic().size())
                .put("first_voltage_gap_V", first.gapV())
                .put("last_voltage_gap_V", lastC.gapV());
        if (r.dropCycle() >= 0) {
            res.metrics().put("capacity_drop_cycle", r.dropCycle());
        }
        return res;
    }

    /** Voltage against capacity passed within each half cycle, for the chosen cycles. */
    private static Plot profiles(CycleAnalysis.Result r, Params p, double[] t, double[] e, double[] i, double scale, String unit) {
        List<Long> numbers = r.cycles().stream().map(CycleAnalysis.Cycle::cycle).toList();
        LinkedHashSet<Long> chosen = new LinkedHashSet<>();
        if (p.profileCycles() != null) {
            for (int c : p.profileCycles()) {
                if (c > numbers.size()) {
                    throw new org.tomolyte.core.ParameterException("profile_cycles: " + c + " is beyond the record's " + numbers.size() + " cycles");
                }
                chosen.add(numbers.get(c - 1));
            }
        } else {
            chosen.add(numbers.get(0));
            chosen.add(numbers.get(Math.min(p.referenceCycle(), numbers.size()) - 1));
            chosen.add(numbers.get(numbers.size() - 1));
        }
        List<Plot.Series> series = new ArrayList<>();
        for (CycleAnalysis.HalfCycle h : r.halfCycles()) {
            if (!chosen.contains(h.cycle())) {
                continue;
            }
            int n = h.lastRow() - h.firstRow() + 1;
            double[] x = new double[n];
            double[] y = new double[n];
            double q = 0;
            for (int k = 0; k < n; k++) {
                int row = h.firstRow() + k;
                if (k > 0 && Math.abs(i[row]) > p.restCurrentMA()) {
                    q += Math.abs(i[row]) * (t[row] - t[row - 1]) / 3600.0;
                }
                x[k] = q * scale;
                y[k] = e[row];
            }
            series.add(new Plot.Series("cycle " + h.cycle() + (h.charge() ? " charge" : " discharge"), x, y));
        }
        return new Plot("profiles", "Voltage profiles", "capacity (" + unit + ")", "Ewe (V)", Plot.Kind.LINE, false, series);
    }
}
