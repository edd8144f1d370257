package org.tomolyte.echem.eis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Table;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.testkit.PythonPeer;

/** {@code echem.eis} run on tables: known answers and a scipy curve_fit peer. */
class EisOpTest {

    static Table table(Spectrum s) {
        Table.Builder t = Table.builder("eis")
                .column("freq_Hz", "Hz", Table.Kind.REAL, "")
                .column("Re_Z_Ohm", "Ohm", Table.Kind.REAL, "")
                .column("minus_Im_Z_Ohm", "Ohm", Table.Kind.REAL, "");
        for (int i = 0; i < s.size(); i++) {
            t.row(s.freqHz()[i], s.re()[i], s.minusIm()[i]);
        }
        return t.build();
    }

    private static OpResult run(EisOp.Params p, Spectrum s) {
        return new EisOp().run(p, new OpInputs(Map.of("impedance", table(s))), OpContext.QUIET);
    }

    @Test
    void conductivityAndFitOfAKnownBlockingCell() {
        // 500 um pellet, 1 cm^2, bulk 100 Ohm -> sigma = 0.05 cm / (100 Ohm cm^2) = 5e-4 S/cm
        Spectrum s = Synthetic.spectrum("R0-p(R1,C1)-CPE2", new double[] {40, 60, 5e-9, 1e-5, 0.9},
                Synthetic.frequencies(1e6, 0.1, 10), 0, 1);
        OpResult r = run(new EisOp.Params(500.0, 1.0, "R0-p(R1,C1)-CPE2", new double[] {30, 80, 1e-8, 2e-5, 0.8}, CircuitFit.Weighting.MODULUS, true, 0), s);
        Map<String, Object> m = r.metrics().toMap();
        assertEquals(5e-4, (Double) m.get("conductivity_spike_S_cm"), 5e-4 * 0.005);
        assertEquals(100, (Double) m.get("spike_resistance_Ohm"), 0.5);
        @SuppressWarnings("unchecked")
        Map<String, Object> fit = (Map<String, Object>) m.get("fit");
        @SuppressWarnings("unchecked")
        Map<String, Object> r1 = (Map<String, Object>) fit.get("R1");
        assertEquals(60, (Double) r1.get("value"), 1e-4);
        Table params = (Table) r.outputs().get("parameters");
        assertEquals(5, params.rowCount());
        assertEquals("CPE2_1", params.text(4, "parameter"));
        assertEquals(0.9, params.number(4, "value"), 1e-6);
        Table out = (Table) r.outputs().get("impedance");
        assertEquals(s.size(), out.rowCount());
        assertEquals(out.number(7, "minus_Im_Z_Ohm"), out.number(7, "fit_minus_Im_Z_Ohm"), 1e-6);
        assertEquals(List.of("nyquist", "bode_modulus", "bode_phase"), r.plots().stream().map(p -> p.name()).toList());
    }

    @Test
    void badParametersNameTheProblem() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> new EisOp.Params(null, null, "R0-p(R1,C1)", new double[] {1, 2}, CircuitFit.Weighting.UNIT, true, 0));
        assertEquals("initial_guess needs 3 values for circuit R0-p(R1,C1) [R0, R1, C1], got 2", e.getMessage());
        assertThrows(ParameterException.class, () -> new EisOp.Params(-1.0, 1.0, null, null, CircuitFit.Weighting.UNIT, true, 0));
    }

    /**
     * The BioLogic arrays impedance.py's tests assert (expected_exampleDataBioLogic_f_ReZ_ImZ.csv):
     * fitting R0-p(R1,CPE1) to the capacitive points gives the same parameters as scipy's
     * {@code curve_fit} (trust-region reflective, bounds 0..inf and alpha &lt;= 1, unit weights,
     * stacked real/imag, ftol 1e-13) from the same start, to 1e-4 relative: both find the same
     * least-squares minimum; the standard errors agree to 1 %.
     */
    @Test
    void bioLogicArraysMatchScipyCurveFit() throws Exception {
        Path d = SharedData.dir();
        Assumptions.assumeTrue(d != null, "../shared/data not present");
        Assumptions.assumeTrue(PythonPeer.available("numpy", "scipy"), PythonPeer.skipMessage("numpy and scipy"));
        Path csv = d.resolve("impedance_py/expected_exampleDataBioLogic_f_ReZ_ImZ.csv");
        double[][] rows = SharedData.readCsv(csv);
        assertEquals(43, rows.length);
        double[] mi = SharedData.column(rows, 2);
        for (int i = 0; i < mi.length; i++) {
            mi[i] = -mi[i];
        }
        Spectrum s = new Spectrum(SharedData.column(rows, 0), SharedData.column(rows, 1), mi);
        double[] start = {60, 50, 1e-2, 0.8};
        OpResult r = run(new EisOp.Params(null, null, "R0-p(R1,CPE1)", start, CircuitFit.Weighting.UNIT, true, 0), s);
        Table params = (Table) r.outputs().get("parameters");
        String script = """
                import sys, numpy as np
                from scipy.optimize import curve_fit
                d = np.loadtxt(sys.argv[1], delimiter=',', comments='#')
                f, zr, zi = d[:, 0], d[:, 1], d[:, 2]
                k = zi < 0
                f, z = f[k], zr[k] + 1j * zi[k]
                def model(f, r0, r1, q, a):
                    w = 2 * np.pi * f
                    zc = 1 / (q * (1j * w) ** a)
                    zz = r0 + 1 / (1 / r1 + 1 / zc)
                    return np.hstack([zz.real, zz.imag])
                p, cov = curve_fit(model, f, np.hstack([z.real, z.imag]), p0=[60, 50, 1e-2, 0.8],
                                   bounds=([0, 0, 0, 0], [np.inf, np.inf, np.inf, 1]), maxfev=100000, ftol=1e-13)
                print(' '.join(repr(v) for v in p))
                print(' '.join(repr(v) for v in np.sqrt(np.diag(cov))))
                """;
        String[] lines = PythonPeer.run(script, csv.toString()).strip().split("\n");
        String[] vals = lines[0].split(" ");
        String[] errs = lines[1].split(" ");
        for (int k = 0; k < 4; k++) {
            double peer = Double.parseDouble(vals[k]);
            assertEquals(peer, params.number(k, "value"), 1e-4 * Math.abs(peer), params.text(k, "parameter"));
            double peerErr = Double.parseDouble(errs[k]);
            assertEquals(peerErr, params.number(k, "std_error"), 0.01 * peerErr, params.text(k, "parameter") + " std error");
        }
    }
}
