package org.tomolyte.echem.eis;

import java.util.List;
import org.tomolyte.core.InputException;
import org.tomolyte.core.ParameterException;

/**
 * Complex nonlinear least squares fit of an equivalent {@link Circuit} to a {@link Spectrum}.
 *
 * <p>Residuals are the real parts followed by the imaginary parts of model minus data (the
 * stacked vector impedance.py gives scipy's {@code curve_fit}), each divided by a weight:
 * {@link Weighting#UNIT} (1, impedance.py's default) or {@link Weighting#MODULUS} (|Z| of the
 * data point, impedance.py's {@code weight_by_modulus=True}). Parameters are bounded below by 0
 * and CPE exponents above by 1 (impedance.py's default bounds). Minimised with
 * {@link LevenbergMarquardt}; standard errors are the square roots of the diagonal of
 * {@code s^2 (J^T J)^-1}.
 *
 * {@snippet :
 * Circuit c = Circuit.parse("Randles");
 * CircuitFit.Result r = CircuitFit.fit(c, spectrum.capacitiveOnly(), new double[] {.01, .005, .01, 200, .1},
 *         CircuitFit.Weighting.UNIT);
 * double rct = r.value("R1");
 * }
 */
public final class CircuitFit {

    private CircuitFit() {
    }

    /** Weight of each residual. */
    public enum Weighting {
        /** All residuals weigh 1 (impedance.py default). */
        UNIT,
        /** Residuals divided by the data modulus |Z| (relative errors). */
        MODULUS
    }

    /**
     * A fitted circuit.
     *
     * @param circuit        the circuit
     * @param parameters     fitted values, in the order of {@link Circuit#parameterNames()}
     * @param standardErrors one-standard-deviation uncertainties (NaN when not estimable)
     * @param rmsResidual    root mean square of the weighted residuals (Ohm for unit weighting)
     */
    public record Result(Circuit circuit, double[] parameters, double[] standardErrors, double rmsResidual) {

        /** The fitted value of the parameter called {@code name}. */
        public double value(String name) {
            int k = circuit.parameterNames().indexOf(name);
            if (k < 0) {
                throw new ParameterException("circuit " + circuit + " has no parameter '" + name + "'; it has " + circuit.parameterNames());
            }
            return parameters[k];
        }

        /** Model impedance at {@code freqHz}. */
        public Complex impedance(double freqHz) {
            return circuit.impedance(freqHz, parameters);
        }
    }

    /** Fits {@code circuit} to {@code data} starting from {@code initialGuess}. */
    public static Result fit(Circuit circuit, Spectrum data, double[] initialGuess, Weighting weighting) {
        int n = circuit.parameterCount();
        if (initialGuess.length != n) {
            throw new ParameterException("initial_guess needs " + n + " values for circuit " + circuit + " " + circuit.parameterNames()
                    + ", got " + initialGuess.length);
        }
        double[] lo = circuit.lowerBounds();
        double[] hi = circuit.upperBounds();
        for (int k = 0; k < n; k++) {
            if (!(initialGuess[k] >= lo[k] && initialGuess[k] <= hi[k])) {
                throw new ParameterException("initial_guess for " + circuit.parameterNames().get(k) + " must be in " + lo[k] + ".." + hi[k]
                        + ", got " + initialGuess[k]);
            }
        }
        int m = data.size();
        if (2 * m <= n) {
            throw new InputException("circuit fit needs more than " + n / 2.0 + " points for " + n + " parameters, got " + m);
        }
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            w[i] = weighting == Weighting.MODULUS ? 1 / data.z(i).abs() : 1;
        }
        LevenbergMarquardt.Result r = LevenbergMarquardt.defaults().minimize(p -> {
            double[] res = new double[2 * m];
            for (int i = 0; i < m; i++) {
                Complex z = circuit.impedance(data.freqHz()[i], p);
                res[i] = (z.re() - data.re()[i]) * w[i];
                res[m + i] = (z.im() + data.minusIm()[i]) * w[i];
            }
            return res;
        }, initialGuess, lo, hi);
        double[] se = new double[n];
        for (int k = 0; k < n; k++) {
            se[k] = r.standardError(k);
        }
        return new Result(circuit, r.parameters(), se, Math.sqrt(r.cost() / (2.0 * m)));
    }

    /**
     * A starting guess from the data alone: resistors share the real-axis span of the arcs (from
     * the highest frequency down to the valley before a low-frequency spike; the first resistor
     * gets the high-frequency real part), capacitances and CPE Q from the frequency of the largest
     * -Im on the arcs (1 / (2 pi f R)), CPE alpha 0.9, Warburg coefficients from the low-frequency point,
     * finite Warburg tau = 1 / (2 pi f_min), inductances 1e-7 H. Good enough for simple circuits;
     * give an explicit guess for anything difficult.
     */
    public static double[] guess(Circuit circuit, Spectrum data) {
        Spectrum s = data.sortedByDecreasingFrequency();
        int m = s.size();
        double reMin = Double.POSITIVE_INFINITY;
        double reMax = Double.NEGATIVE_INFINITY;
        int apex = 0;
        int valley = m - 1;
        while (valley > 0 && s.minusIm()[valley - 1] < s.minusIm()[valley]) {
            valley--;
        }
        int arcEnd = valley == 0 ? m - 1 : valley;
        for (int i = 0; i <= arcEnd; i++) {
            reMin = Math.min(reMin, s.re()[i]);
            reMax = Math.max(reMax, s.re()[i]);
            if (s.minusIm()[i] > s.minusIm()[apex]) {
                apex = i;
            }
        }
        List<String> names = circuit.parameterNames();
        long resistors = names.stream().filter(x -> x.startsWith("R")).count();
        double span = Math.max(reMax - reMin, 1e-12 * Math.max(1, Math.abs(reMax)));
        double rEach = span / Math.max(1, resistors - 1);
        double fApex = s.freqHz()[apex];
        double fMin = s.freqHz()[m - 1];
        double[] g = new double[names.size()];
        boolean firstR = true;
        for (int k = 0; k < g.length; k++) {
            String name = names.get(k);
            ElementType t = ElementType.ofToken(name);
            boolean second = name.endsWith("_1");
            g[k] = switch (t) {
                case R -> {
                    double v = firstR ? Math.max(s.re()[0], span * 1e-3) : rEach;
                    firstR = false;
                    yield v;
                }
                case C -> 1 / (2 * Math.PI * fApex * rEach);
                case CPE -> second ? 0.9 : 1 / (2 * Math.PI * fApex * rEach);
                case L -> 1e-7;
                case W -> Math.max(s.minusIm()[m - 1], span * 1e-3) * Math.sqrt(2 * Math.PI * fMin);
                case WO, WS -> second ? 1 / (2 * Math.PI * fMin) : rEach;
            };
        }
        return g;
    }
}
