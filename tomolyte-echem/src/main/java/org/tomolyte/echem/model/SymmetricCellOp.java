package org.tomolyte.echem.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tomolyte.core.InputException;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Plot;
import org.tomolyte.core.Table;
import org.tomolyte.core.op.Check;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Metrics;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;

/**
 * {@code model.symmetric_cell}: the Butler–Volmer + ohmic voltage model of a symmetric Li cell
 * driven by imaged contact fractions and interphase thickness (paper 003, Methods and Fig. 4d;
 * the model is {@link SymmetricCell}).
 *
 * <p>Inputs: table {@code interfaces} with {@code time_s}, {@code contact_fraction_top},
 * {@code contact_fraction_bottom} (contact area / nominal area, (0, 1]) and
 * {@code interphase_thickness_um} (total interphase thickness in the current path), linearly
 * interpolated onto the measured times (held constant beyond its first and last rows); table
 * {@code voltage} with {@code time_s} and {@code voltage_V} (measured cell voltage, top minus
 * bottom). The applied current is galvanostatic: {@code current_density_ma_cm2} during
 * {@code [0, half_cycle_s)}, reversed in the next half cycle, and so on.
 *
 * <p>The interphase conductivity (and i0 when {@code fit_i0}) is fitted to the measured voltage
 * of the first half cycle ({@code time_s < half_cycle_s}) with the measured contact fractions;
 * the model then predicts every later time (a) with the measured contact fractions and (b) for
 * each scenario fraction s (default 1, 0.25, 0.01: 100 %, 25 %, 1 %), with the contact fraction
 * of both interfaces held at s after the first half cycle. Output table {@code model} holds
 * the measured voltage, every modelled curve and the parts of the measured-contact curve; the
 * plot compares them (time in h). Metrics: fitted parameters with standard errors, the fit
 * and prediction RMS errors.
 */
public final class SymmetricCellOp implements Op<SymmetricCellOp.Params> {

    /** Scenario contact fractions used when none are given. */
    public static final double[] DEFAULT_SCENARIOS = {1, 0.25, 0.01};

    /**
     * Parameters of {@code model.symmetric_cell}.
     *
     * @param electrolyteThicknessUm     electrolyte thickness, um
     * @param electrolyteConductivitySiemensPerCm electrolyte ionic conductivity, S/cm
     * @param currentDensityMaCm2        applied current density in the first half cycle, mA/cm^2 (sign = direction)
     * @param halfCycleS                 half-cycle duration, s
     * @param alphaA                     anodic transfer coefficient
     * @param alphaC                     cathodic transfer coefficient
     * @param i0MaCm2                    exchange current density (fixed, or start value when fitted), mA/cm^2
     * @param temperatureK               temperature, K
     * @param fitI0                      fit i0 too
     * @param interphaseConductivitySiemensPerCm  start value of the interphase conductivity fit, S/cm (default electrolyte / 10)
     * @param scenarioContactFractions   contact fractions of the scenarios (default 1, 0.25, 0.01)
     */
    public record Params(
            @Param(doc = "electrolyte (pellet) thickness", unit = "um", min = 0, minExclusive = true) double electrolyteThicknessUm,
            @Param(doc = "electrolyte ionic conductivity", unit = "S/cm", min = 0, minExclusive = true) double electrolyteConductivitySiemensPerCm,
            @Param(doc = "applied current density in the first half cycle (positive strips the top electrode)", unit = "mA/cm^2") double currentDensityMaCm2,
            @Param(doc = "half-cycle duration; the current reverses every half cycle", unit = "s", min = 0, minExclusive = true) double halfCycleS,
            @Param(doc = "anodic charge transfer coefficient", defaultValue = "0.5", min = 0, minExclusive = true, max = 1) double alphaA,
            @Param(doc = "cathodic charge transfer coefficient", defaultValue = "0.5", min = 0, minExclusive = true, max = 1) double alphaC,
            @Param(doc = "exchange current density (start value when fit_i0)", unit = "mA/cm^2", min = 0, minExclusive = true) double i0MaCm2,
            @Param(doc = "temperature", unit = "K", defaultValue = "298.15", min = 0, minExclusive = true) double temperatureK,
            @Param(doc = "also fit the exchange current density", defaultValue = "false") boolean fitI0,
            @Param(doc = "start value of the fitted interphase conductivity (default electrolyte/10)", unit = "S/cm", optional = true, min = 0, minExclusive = true) Double interphaseConductivitySiemensPerCm,
            @Param(doc = "contact fractions of the predicted scenarios (default 1, 0.25, 0.01)", optional = true, min = 0, minExclusive = true, max = 1) double[] scenarioContactFractions) {

        public Params {
            Check.greater("electrolyte_thickness_um", electrolyteThicknessUm, 0);
            Check.greater("electrolyte_conductivity_siemens_per_cm", electrolyteConductivitySiemensPerCm, 0);
            Check.finite("current_density_ma_cm2", currentDensityMaCm2);
            if (currentDensityMaCm2 == 0) {
                throw new ParameterException("current_density_ma_cm2 must be non-zero, got 0");
            }
            Check.greater("half_cycle_s", halfCycleS, 0);
            new ButlerVolmer(alphaA, alphaC, i0MaCm2, temperatureK);
            if (interphaseConductivitySiemensPerCm != null) {
                Check.greater("interphase_conductivity_siemens_per_cm", interphaseConductivitySiemensPerCm, 0);
            }
            if (scenarioContactFractions != null) {
                for (double s : scenarioContactFractions) {
                    Check.greater("scenario_contact_fractions", s, 0);
                    Check.range("scenario_contact_fractions", s, 0, 1);
                }
                scenarioContactFractions = scenarioContactFractions.clone();
            }
        }
    }

    @Override
    public String id() {
        return "model.symmetric_cell";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Symmetric Li cell voltage: Butler-Volmer at both interfaces (local current = I/contact) + electrolyte and interphase ohmic drops; fit and predict";
    }

    @Override
    public String reference() {
        return "Paper 003 (Lewis et al.), Methods 'Electrochemical Model' and Fig. 4d";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(
                Port.table("interfaces", "time_s, contact_fraction_top, contact_fraction_bottom, interphase_thickness_um"),
                Port.table("voltage", "time_s, voltage_V (measured cell voltage)"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.table("model", "time_s, current_mA_cm2, contact fractions, interphase_thickness_um, measured_V, model_*_V, parts"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        return Map.of("model", new DataSpec.TableSpec("model"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Table it = in.table("interfaces");
        Table vt = in.table("voltage");
        need(it, "time_s", "contact_fraction_top", "contact_fraction_bottom", "interphase_thickness_um");
        need(vt, "time_s", "voltage_V");
        double[] ti = column(it, "time_s");
        Integer[] order = new Integer[ti.length];
        Arrays.setAll(order, k -> k);
        Arrays.sort(order, (a, b) -> Double.compare(ti[a], ti[b]));
        double[] tiS = reorder(ti, order);
        double[] top = reorder(column(it, "contact_fraction_top"), order);
        double[] bot = reorder(column(it, "contact_fraction_bottom"), order);
        double[] thick = reorder(column(it, "interphase_thickness_um"), order);
        double[] t = column(vt, "time_s");
        double[] vMeas = column(vt, "voltage_V");
        int n = t.length;
        if (n == 0 || tiS.length == 0) {
            throw new InputException("model.symmetric_cell needs rows in both tables; interfaces has " + tiS.length + ", voltage has " + n);
        }
        ButlerVolmer bv = new ButlerVolmer(p.alphaA(), p.alphaC(), p.i0MaCm2(), p.temperatureK());
        SymmetricCell cell = new SymmetricCell(p.electrolyteThicknessUm(), p.electrolyteConductivitySiemensPerCm());
        SymmetricCell.State[] states = new SymmetricCell.State[n];
        List<SymmetricCell.State> fitStates = new ArrayList<>();
        List<Double> fitV = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            states[k] = SymmetricCell.stateAt(t[k], p.currentDensityMaCm2(), p.halfCycleS(), tiS, top, bot, thick);
            if (t[k] < p.halfCycleS()) {
                fitStates.add(states[k]);
                fitV.add(vMeas[k]);
            }
        }
        double start = p.interphaseConductivitySiemensPerCm() != null ? p.interphaseConductivitySiemensPerCm() : p.electrolyteConductivitySiemensPerCm() / 10;
        ctx.progress().start("symmetric cell fit", 1);
        SymmetricCell.Fit fit = cell.fit(bv, fitStates.toArray(SymmetricCell.State[]::new), fitV.stream().mapToDouble(Double::doubleValue).toArray(),
                start, p.fitI0());
        ctx.progress().done();
        ButlerVolmer fitted = bv.withI0(fit.i0MaCm2());
        double k = fit.interphaseConductivitySiemensPerCm();
        double[] scen = p.scenarioContactFractions() != null ? p.scenarioContactFractions() : DEFAULT_SCENARIOS;

        Table.Builder tb = Table.builder("model")
                .column("time_s", "s", Table.Kind.REAL, "time")
                .column("current_mA_cm2", "mA/cm^2", Table.Kind.REAL, "applied current density")
                .column("contact_fraction_top", "", Table.Kind.REAL, "top contact fraction (interpolated)")
                .column("contact_fraction_bottom", "", Table.Kind.REAL, "bottom contact fraction (interpolated)")
                .column("interphase_thickness_um", "um", Table.Kind.REAL, "interphase thickness (interpolated)")
                .column("measured_V", "V", Table.Kind.REAL, "measured cell voltage")
                .column("model_measured_contact_V", "V", Table.Kind.REAL, "model with the measured contact fractions");
        List<String> scenNames = new ArrayList<>();
        for (double s : scen) {
            String name = "model_contact_" + pct(s) + "pct_V";
            if (scenNames.contains(name)) {
                throw new ParameterException("scenario_contact_fractions has " + s + " twice");
            }
            scenNames.add(name);
            tb.column(name, "V", Table.Kind.REAL, "model with contact fraction " + s + " at both interfaces after the first half cycle");
        }
        tb.column("eta_top_V", "V", Table.Kind.REAL, "top interface overpotential (measured contact)")
                .column("eta_bottom_V", "V", Table.Kind.REAL, "bottom interface overpotential (measured contact)")
                .column("ohmic_electrolyte_V", "V", Table.Kind.REAL, "electrolyte ohmic drop")
                .column("ohmic_interphase_V", "V", Table.Kind.REAL, "interphase ohmic drop");
        double[] th = new double[n];
        double[] vm = new double[n];
        double[][] vs = new double[scen.length][n];
        double ssPred = 0;
        int nPred = 0;
        for (int r = 0; r < n; r++) {
            SymmetricCell.State s = states[r];
            SymmetricCell.Voltage v = cell.voltage(fitted, k, s);
            vm[r] = v.cellV();
            th[r] = t[r] / 3600;
            Object[] row = new Object[7 + scen.length + 4];
            row[0] = t[r];
            row[1] = s.currentMaCm2();
            row[2] = s.contactTop();
            row[3] = s.contactBottom();
            row[4] = s.interphaseThicknessUm();
            row[5] = vMeas[r];
            row[6] = vm[r];
            for (int q = 0; q < scen.length; q++) {
                SymmetricCell.State sq = t[r] < p.halfCycleS() ? s
                        : new SymmetricCell.State(s.currentMaCm2(), scen[q], scen[q], s.interphaseThicknessUm());
                vs[q][r] = cell.voltage(fitted, k, sq).cellV();
                row[7 + q] = vs[q][r];
            }
            row[7 + scen.length] = v.etaTopV();
            row[8 + scen.length] = v.etaBottomV();
            row[9 + scen.length] = v.ohmicElectrolyteV();
            row[10 + scen.length] = v.ohmicInterphaseV();
            tb.row(row);
            if (t[r] >= p.halfCycleS()) {
                ssPred += (vm[r] - vMeas[r]) * (vm[r] - vMeas[r]);
                nPred++;
            }
        }
        OpResult res = new OpResult();
        Metrics m = res.metrics();
        m.put("interphase_conductivity_S_cm", k);
        if (Double.isFinite(fit.interphaseConductivityStdError())) {
            m.put("interphase_conductivity_std_error_S_cm", fit.interphaseConductivityStdError());
        }
        m.put("i0_mA_cm2", fit.i0MaCm2()).put("i0_fitted", p.fitI0() ? "yes" : "no");
        if (p.fitI0() && Double.isFinite(fit.i0StdError())) {
            m.put("i0_std_error_mA_cm2", fit.i0StdError());
        }
        m.put("fit_points", (long) fitStates.size()).put("fit_rms_V", fit.rmsV());
        m.put("prediction_points", (long) nPred);
        if (nPred > 0) {
            m.put("prediction_rms_V", Math.sqrt(ssPred / nPred));
        }
        List<Plot.Series> series = new ArrayList<>();
        series.add(new Plot.Series("measured", th, vMeas));
        series.add(new Plot.Series("model, measured contact", th, vm));
        for (int q = 0; q < scen.length; q++) {
            series.add(new Plot.Series("model, contact " + pct(scen[q]) + " %", th, vs[q]));
        }
        res.table("model", tb.build());
        res.plot(new Plot("voltage", "Symmetric cell: measured vs model", "time (h)", "cell voltage (V)", Plot.Kind.LINE, false, series));
        return res;
    }


    private static String pct(double s) {
        String v = String.format(Locale.ROOT, "%.6g", s * 100);
        if (v.contains(".")) {
            v = v.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return v;
    }

    private static void need(Table t, String... cols) {
        for (String c : cols) {
            if (t.columns().stream().noneMatch(col -> col.name().equals(c))) {
                throw new InputException("table '" + t.name() + "' needs columns " + String.join(", ", cols) + "; '" + c + "' is missing");
            }
        }
    }

    private static double[] column(Table t, String name) {
        double[] out = new double[t.rowCount()];
        for (int r = 0; r < out.length; r++) {
            out[r] = t.number(r, name);
            if (!Double.isFinite(out[r])) {
                throw new InputException("table '" + t.name() + "' column " + name + " row " + r + " is not a finite number: " + out[r]);
            }
        }
        return out;
    }

    private static double[] reorder(double[] v, Integer[] order) {
        double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = v[order[k]];
        }
        return out;
    }

}
