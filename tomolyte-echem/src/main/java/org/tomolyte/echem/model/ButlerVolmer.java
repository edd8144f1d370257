package org.tomolyte.echem.model;

import org.tomolyte.core.InternalException;
import org.tomolyte.core.op.Check;

/**
 * Butler–Volmer kinetics of the Li/electrolyte interface (paper 003, Methods):
 * {@code i = i0 (exp(alpha_a F eta / (R T)) - exp(-alpha_c F eta / (R T)))}, with i and i0 in
 * mA/cm^2, eta in V (positive = anodic, lithium oxidised), T in K.
 *
 * <p>Inversion (overpotential from current) is exact: with equal coefficients
 * {@code eta = asinh(i / (2 i0)) / (alpha F / (R T))}; otherwise a bracketed, safeguarded
 * Newton iteration on the bracket {@code [0, ln(i/i0 + 1) / (alpha_a f)]} (anodic) or
 * {@code [-ln(|i|/i0 + 1) / (alpha_c f), 0]} (cathodic), {@code f = F / (R T)}, which always
 * contains the root because the current is monotonic in eta; converged to 1e-15 V relative.
 *
 * @param alphaA       anodic charge transfer coefficient, (0, 1]
 * @param alphaC       cathodic charge transfer coefficient, (0, 1]
 * @param i0MaCm2      exchange current density, mA/cm^2, &gt; 0
 * @param temperatureK temperature, K, &gt; 0
 */
public record ButlerVolmer(double alphaA, double alphaC, double i0MaCm2, double temperatureK) {

    public ButlerVolmer {
        Check.greater("alpha_a", alphaA, 0);
        Check.range("alpha_a", alphaA, 0, 1);
        Check.greater("alpha_c", alphaC, 0);
        Check.range("alpha_c", alphaC, 0, 1);
        Check.greater("i0_ma_cm2", i0MaCm2, 0);
        Check.greater("temperature_k", temperatureK, 0);
    }

    /** F / (R T) in 1/V. */
    public double f() {
        return Constants.FARADAY_C_MOL / (Constants.GAS_J_MOL_K * temperatureK);
    }

    /** Current density (mA/cm^2) at overpotential {@code etaV}. */
    public double currentDensity(double etaV) {
        double f = f();
        return i0MaCm2 * (Math.exp(alphaA * f * etaV) - Math.exp(-alphaC * f * etaV));
    }

    /** Overpotential (V) that drives current density {@code iMaCm2}: closed form when the alphas are equal. */
    public double overpotential(double iMaCm2) {
        if (alphaA == alphaC) {
            return asinh(iMaCm2 / (2 * i0MaCm2)) / (alphaA * f());
        }
        return overpotentialByRootFinding(iMaCm2);
    }

    /** Overpotential (V) by bracketed root finding, for any alphas. */
    public double overpotentialByRootFinding(double iMaCm2) {
        if (!Double.isFinite(iMaCm2)) {
            throw new InternalException("Butler-Volmer inversion needs a finite current density, got " + iMaCm2);
        }
        if (iMaCm2 == 0) {
            return 0;
        }
        double f = f();
        double lo;
        double hi;
        if (iMaCm2 > 0) {
            lo = 0;
            hi = Math.log1p(iMaCm2 / i0MaCm2) / (alphaA * f);
        } else {
            lo = -Math.log1p(-iMaCm2 / i0MaCm2) / (alphaC * f);
            hi = 0;
        }
        double x = 0.5 * (lo + hi);
        for (int it = 0; it < 200; it++) {
            double g = currentDensity(x) - iMaCm2;
            if (g == 0) {
                return x;
            }
            if (g > 0) {
                hi = x;
            } else {
                lo = x;
            }
            double dg = i0MaCm2 * f * (alphaA * Math.exp(alphaA * f * x) + alphaC * Math.exp(-alphaC * f * x));
            double next = x - g / dg;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - x) <= 1e-15 * Math.max(1e-3, Math.abs(x)) || hi - lo <= 1e-15 * Math.max(1e-3, Math.abs(x))) {
                return next;
            }
            x = next;
        }
        return x;
    }

    /** Inverse hyperbolic sine, accurate for small arguments and without overflow for large ones. */
    static double asinh(double x) {
        double a = Math.abs(x);
        double r = a > 1e8 ? Math.log(a) + Math.log(2) : Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        return Math.copySign(r, x);
    }

    /** The same kinetics with another exchange current density. */
    public ButlerVolmer withI0(double i0) {
        return new ButlerVolmer(alphaA, alphaC, i0, temperatureK);
    }
}
