package org.tomolyte.echem.eis;

import java.util.List;
import java.util.Map;
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
 * {@code echem.drt}: distribution of relaxation times of an impedance spectrum (table with
 * {@code freq_Hz}, {@code Re_Z_Ohm}, {@code minus_Im_Z_Ohm}) by Tikhonov-regularised
 * non-negative least squares on Gaussian radial basis functions (pyDRTtools approach; method,
 * grid and the GCV choice of lambda in {@link Drt}). Outputs table {@code drt}
 * ({@code tau_s}, {@code gamma_Ohm}) and table {@code peaks} ({@code tau_s}, {@code freq_Hz} =
 * 1/(2 pi tau), {@code gamma_Ohm}, {@code resistance_Ohm}); metrics {@code r_inf_Ohm},
 * {@code lambda}, {@code polarization_Ohm} and one group per peak; plot gamma vs log10 tau.
 */
public final class DrtOp implements Op<DrtOp.Params> {

    /**
     * Parameters of {@code echem.drt}.
     *
     * @param lambda          Tikhonov regularisation parameter (&gt; 0); chosen by GCV when left out
     * @param pointsPerDecade radial basis centres per decade of tau, 2..50
     * @param inductance      also fit a series inductance L (H)
     */
    public record Params(
            @Param(doc = "regularisation parameter of the second-derivative penalty (GCV when left out)", optional = true, min = 0, minExclusive = true) Double lambda,
            @Param(doc = "Gaussian basis functions per decade of tau", defaultValue = "10", min = 2, max = 50) int pointsPerDecade,
            @Param(doc = "fit a series inductance", defaultValue = "false") boolean inductance) {

        public Params {
            if (lambda != null) {
                Check.greater("lambda", lambda, 0);
            }
            Check.range("points_per_decade", pointsPerDecade, 2, 50);
        }
    }

    @Override
    public String id() {
        return "echem.drt";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Distribution of relaxation times (Tikhonov NNLS on Gaussian RBFs, lambda by GCV), peaks with time constants and resistances";
    }

    @Override
    public String reference() {
        return "Wan et al., Electrochim. Acta 184 (2015) 483 (pyDRTtools); GCV: Craven and Wahba, Numer. Math. 31 (1979) 377";
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
        return List.of(Port.table("drt", "tau_s, gamma_Ohm"), Port.table("peaks", "tau_s, freq_Hz, gamma_Ohm, resistance_Ohm"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        return Map.of("drt", new DataSpec.TableSpec("drt"), "peaks", new DataSpec.TableSpec("peaks"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Spectrum s = Spectrum.of(in.table("impedance"));
        ctx.progress().start("DRT", 1);
        Drt.Result d = Drt.compute(s, p.lambda(), p.pointsPerDecade(), p.inductance());
        ctx.progress().done();
        Table.Builder t = Table.builder("drt")
                .column("tau_s", "s", Table.Kind.REAL, "relaxation time")
                .column("gamma_Ohm", "Ohm", Table.Kind.REAL, "distribution gamma(ln tau): resistance per unit ln tau");
        double[] logTau = new double[d.tauS().length];
        for (int i = 0; i < d.tauS().length; i++) {
            t.row(d.tauS()[i], d.gammaOhm()[i]);
            logTau[i] = Math.log10(d.tauS()[i]);
        }
        Table.Builder pk = Table.builder("peaks")
                .column("tau_s", "s", Table.Kind.REAL, "time constant at the peak maximum")
                .column("freq_Hz", "Hz", Table.Kind.REAL, "characteristic frequency 1/(2 pi tau)")
                .column("gamma_Ohm", "Ohm", Table.Kind.REAL, "gamma at the maximum")
                .column("resistance_Ohm", "Ohm", Table.Kind.REAL, "area under the peak");
        OpResult r = new OpResult();
        Metrics m = r.metrics();
        m.put("r_inf_Ohm", d.rInfOhm()).put("inductance_H", d.inductanceH()).put("lambda", d.lambda()).put("lambda_method", d.lambdaMethod());
        m.put("polarization_Ohm", d.polarizationOhm()).put("rms_residual_Ohm", d.rmsResidualOhm()).put("peak_count", (long) d.peaks().size());
        int k = 1;
        for (Drt.Peak peak : d.peaks()) {
            double f = 1 / (2 * Math.PI * peak.tauS());
            pk.row(peak.tauS(), f, peak.gammaOhm(), peak.resistanceOhm());
            m.group("peak_" + k++).put("tau_s", peak.tauS()).put("freq_Hz", f).put("resistance_Ohm", peak.resistanceOhm());
        }
        r.table("drt", t.build()).table("peaks", pk.build());
        r.plot(new Plot("drt", "Distribution of relaxation times (lambda " + String.format(java.util.Locale.ROOT, "%.3g", d.lambda()) + ")",
                "log10(tau / s)", "gamma (Ohm)", Plot.Kind.LINE, false, List.of(new Plot.Series("gamma", logTau, d.gammaOhm()))));
        return r;
    }
}
