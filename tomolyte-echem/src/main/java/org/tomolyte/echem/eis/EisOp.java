package org.tomolyte.echem.eis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * {@code echem.eis}: impedance spectrum analysis. Input: a table with columns {@code freq_Hz},
 * {@code Re_Z_Ohm} and {@code minus_Im_Z_Ohm} (-Im(Z) in Ohm, EC-Lab's {@code -Im(Z)/Ohm}
 * convention: a capacitive arc is positive). Gives Nyquist and Bode plots, the bulk resistance
 * from the high-frequency intercept and from the low-frequency spike extrapolated to the real
 * axis (paper 001 Methods; definitions in {@link BulkResistance}), the ionic conductivity
 * sigma = L / (R A) in S/cm for both (a value that cannot be determined, e.g. no spike, is left
 * out of the metrics), and, when a circuit is given, an equivalent-circuit fit
 * by complex nonlinear least squares ({@link CircuitFit}) with standard errors.
 *
 * <p>Outputs: table {@code impedance} (data, |Z|, phase, and the fitted model) and table
 * {@code parameters} (one row per circuit parameter; empty without a circuit). Metrics:
 * {@code hf_intercept_Ohm}, {@code spike_resistance_Ohm}, {@code bulk_resistance_Ohm} (spike
 * when found, else intercept), the matching {@code conductivity_*_S_cm}, and group {@code fit}.
 */
public final class EisOp implements Op<EisOp.Params> {

    /**
     * Parameters of {@code echem.eis}.
     *
     * @param thicknessUm    electrolyte pellet thickness L in um (conductivity needs it and area)
     * @param areaCm2        electrode area A in cm^2
     * @param circuit        equivalent circuit to fit, impedance.py syntax ({@code R0-p(R1,C1)-W1}) or {@code Randles}
     * @param initialGuess   starting values in the circuit's parameter order; a guess from the data when left out
     * @param weighting      residual weighting of the fit: unit or modulus
     * @param capacitiveOnly fit only points with -Im(Z) &gt; 0 (drops the inductive tail, as impedance.py's examples)
     * @param spikePoints    most low-frequency points for the spike line; 0 = the whole spike down to the valley
     */
    public record Params(
            @Param(doc = "electrolyte thickness L for sigma = L/(R A)", unit = "um", optional = true, min = 0, minExclusive = true) Double thicknessUm,
            @Param(doc = "electrode area A for sigma = L/(R A)", unit = "cm^2", optional = true, min = 0, minExclusive = true) Double areaCm2,
            @Param(doc = "equivalent circuit, e.g. R0-p(R1,C1)-W1, R0-p(R1,CPE1), Randles, RandlesCPE", optional = true) String circuit,
            @Param(doc = "initial parameter values in circuit order (guessed from the data when left out)", optional = true) double[] initialGuess,
            @Param(doc = "fit residual weighting: unit (impedance.py default) or modulus (divide by |Z|)", defaultValue = "unit") CircuitFit.Weighting weighting,
            @Param(doc = "fit only points with -Im(Z) > 0", defaultValue = "true") boolean capacitiveOnly,
            @Param(doc = "most low-frequency points in the spike line fit (0 = whole spike)", defaultValue = "0", min = 0) int spikePoints) {

        public Params {
            if (thicknessUm != null) {
                Check.greater("thickness_um", thicknessUm, 0);
            }
            if (areaCm2 != null) {
                Check.greater("area_cm2", areaCm2, 0);
            }
            Check.required("weighting", weighting);
            Check.range("spike_points", spikePoints, 0, Integer.MAX_VALUE);
            if (circuit != null) {
                Circuit c = Circuit.parse(circuit);
                if (initialGuess != null && initialGuess.length != c.parameterCount()) {
                    throw new ParameterException("initial_guess needs " + c.parameterCount() + " values for circuit " + c + " "
                            + c.parameterNames() + ", got " + initialGuess.length);
                }
            } else if (initialGuess != null) {
                throw new ParameterException("initial_guess needs a circuit, got none");
            }
            initialGuess = initialGuess == null ? null : initialGuess.clone();
        }
    }

    @Override
    public String id() {
        return "echem.eis";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Impedance: Nyquist/Bode plots, bulk resistance (HF intercept, LF spike), conductivity (S/cm), circuit fit";
    }

    @Override
    public String reference() {
        return "Paper 001 Methods (spike extrapolation, sigma = L/(R A)); impedance.py circuit syntax and CNLS conventions";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.table("impedance", "freq_Hz, Re_Z_Ohm, minus_Im_Z_Ohm (-Im(Z), EC-Lab convention)"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(
                Port.table("impedance", "freq_Hz, Re_Z_Ohm, minus_Im_Z_Ohm, abs_Z_Ohm, phase_deg, fit_Re_Z_Ohm, fit_minus_Im_Z_Ohm"),
                Port.table("parameters", "parameter, unit, value, std_error"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        return Map.of("impedance", new DataSpec.TableSpec("impedance"), "parameters", new DataSpec.TableSpec("parameters"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Spectrum data = Spectrum.of(in.table("impedance"));
        OpResult r = new OpResult();
        Metrics m = r.metrics();
        m.put("points", (long) data.size());
        BulkResistance.Estimate hf = BulkResistance.highFrequencyIntercept(data);
        BulkResistance.Estimate spike = BulkResistance.spikeExtrapolation(data, p.spikePoints());
        putFinite(m, "hf_intercept_Ohm", hf.ohm());
        m.put("hf_intercept_method", hf.method());
        putFinite(m, "spike_resistance_Ohm", spike.ohm());
        m.put("spike_points", (long) spike.points());
        BulkResistance.Estimate bulk = Double.isFinite(spike.ohm()) ? spike : hf;
        putFinite(m, "bulk_resistance_Ohm", bulk.ohm());
        m.put("bulk_resistance_method", bulk.method());
        if (p.thicknessUm() != null && p.areaCm2() != null) {
            putFinite(m, "conductivity_hf_S_cm", BulkResistance.conductivitySCm(p.thicknessUm(), p.areaCm2(), hf.ohm()));
            putFinite(m, "conductivity_spike_S_cm", BulkResistance.conductivitySCm(p.thicknessUm(), p.areaCm2(), spike.ohm()));
            putFinite(m, "conductivity_S_cm", BulkResistance.conductivitySCm(p.thicknessUm(), p.areaCm2(), bulk.ohm()));
        }
        CircuitFit.Result fit = null;
        Table.Builder pt = Table.builder("parameters")
                .column("parameter", "", Table.Kind.TEXT, "circuit parameter (impedance.py naming)")
                .column("unit", "", Table.Kind.TEXT, "unit of the parameter")
                .column("value", "", Table.Kind.REAL, "fitted value, in the unit of column 'unit'")
                .column("std_error", "", Table.Kind.REAL, "one standard deviation from the Jacobian covariance");
        if (p.circuit() != null) {
            Circuit c = Circuit.parse(p.circuit());
            Spectrum fitData = p.capacitiveOnly() ? data.capacitiveOnly() : data;
            double[] guess = p.initialGuess() != null ? p.initialGuess() : CircuitFit.guess(c, fitData);
            ctx.progress().start("circuit fit", 1);
            fit = CircuitFit.fit(c, fitData, guess, p.weighting());
            ctx.progress().done();
            Metrics fm = m.group("fit");
            fm.put("circuit", c.text()).put("weighting", p.weighting().name().toLowerCase(java.util.Locale.ROOT));
            fm.put("points", (long) fitData.size()).put("rms_residual", fit.rmsResidual());
            for (int k = 0; k < c.parameterCount(); k++) {
                String name = c.parameterNames().get(k);
                Metrics pm = fm.group(name).put("value", fit.parameters()[k]).put("unit", c.parameterUnits().get(k));
                putFinite(pm, "std_error", fit.standardErrors()[k]);
                pt.row(name, c.parameterUnits().get(k), fit.parameters()[k], fit.standardErrors()[k]);
            }
        }
        r.table("impedance", spectrumTable(data, fit)).table("parameters", pt.build());
        plots(data, fit).forEach(r::plot);
        return r;
    }

    /** Metrics hold finite numbers only: a value that could not be determined is left out. */
    private static void putFinite(Metrics m, String key, double v) {
        if (Double.isFinite(v)) {
            m.put(key, v);
        }
    }

    private static Table spectrumTable(Spectrum s, CircuitFit.Result fit) {
        Table.Builder t = Table.builder("impedance")
                .column(Spectrum.FREQ, "Hz", Table.Kind.REAL, "frequency")
                .column(Spectrum.RE, "Ohm", Table.Kind.REAL, "Re(Z)")
                .column(Spectrum.MINUS_IM, "Ohm", Table.Kind.REAL, "-Im(Z) (EC-Lab convention)")
                .column("abs_Z_Ohm", "Ohm", Table.Kind.REAL, "|Z|")
                .column("phase_deg", "deg", Table.Kind.REAL, "arg(Z) in degrees (negative for capacitive)");
        if (fit != null) {
            t.column("fit_Re_Z_Ohm", "Ohm", Table.Kind.REAL, "Re(Z) of the fitted circuit")
                    .column("fit_minus_Im_Z_Ohm", "Ohm", Table.Kind.REAL, "-Im(Z) of the fitted circuit");
        }
        for (int i = 0; i < s.size(); i++) {
            Complex z = s.z(i);
            if (fit == null) {
                t.row(s.freqHz()[i], s.re()[i], s.minusIm()[i], z.abs(), Math.toDegrees(z.arg()));
            } else {
                Complex zf = fit.impedance(s.freqHz()[i]);
                t.row(s.freqHz()[i], s.re()[i], s.minusIm()[i], z.abs(), Math.toDegrees(z.arg()), zf.re(), -zf.im());
            }
        }
        return t.build();
    }

    private static List<Plot> plots(Spectrum s, CircuitFit.Result fit) {
        int n = s.size();
        double[] logF = new double[n];
        double[] abs = new double[n];
        double[] phase = new double[n];
        for (int i = 0; i < n; i++) {
            logF[i] = Math.log10(s.freqHz()[i]);
            abs[i] = s.z(i).abs();
            phase[i] = -Math.toDegrees(s.z(i).arg());
        }
        List<Plot.Series> nyq = new ArrayList<>(List.of(new Plot.Series("data", s.re(), s.minusIm())));
        List<Plot.Series> mod = new ArrayList<>(List.of(new Plot.Series("data", logF, abs)));
        List<Plot.Series> ph = new ArrayList<>(List.of(new Plot.Series("data", logF, phase)));
        if (fit != null) {
            double fMin = Double.POSITIVE_INFINITY;
            double fMax = 0;
            for (double f : s.freqHz()) {
                fMin = Math.min(fMin, f);
                fMax = Math.max(fMax, f);
            }
            int k = 200;
            double[] lf = new double[k];
            double[] re = new double[k];
            double[] mi = new double[k];
            double[] a = new double[k];
            double[] pp = new double[k];
            for (int i = 0; i < k; i++) {
                lf[i] = Math.log10(fMax) + (Math.log10(fMin) - Math.log10(fMax)) * i / (k - 1);
                Complex z = fit.impedance(Math.pow(10, lf[i]));
                re[i] = z.re();
                mi[i] = -z.im();
                a[i] = z.abs();
                pp[i] = -Math.toDegrees(z.arg());
            }
            String label = "fit " + fit.circuit().text();
            nyq.add(new Plot.Series(label, re, mi));
            mod.add(new Plot.Series(label, lf, a));
            ph.add(new Plot.Series(label, lf, pp));
        }
        return List.of(
                new Plot("nyquist", "Nyquist plot", "Re(Z) (Ohm)", "-Im(Z) (Ohm)", Plot.Kind.SCATTER, false, nyq),
                new Plot("bode_modulus", "Bode plot: modulus", "log10(frequency / Hz)", "|Z| (Ohm)", Plot.Kind.SCATTER, true, mod),
                new Plot("bode_phase", "Bode plot: phase", "log10(frequency / Hz)", "-phase (deg)", Plot.Kind.SCATTER, false, ph));
    }
}
