package org.tomolyte.echem.eis;

import java.util.function.Function;
import org.tomolyte.core.InputException;

/**
 * Levenberg–Marquardt minimisation of a sum of squared residuals {@code 0.5 * |r(p)|^2} with box
 * bounds, used for complex nonlinear least squares fits of impedance spectra and for the cell
 * model fits.
 *
 * <p>Method: Marquardt's damping scaled by the diagonal of {@code J^T J} (so parameters of very
 * different magnitude, capacitances of 1e-6 F next to resistances of 1e3 Ohm, are handled),
 * central-difference Jacobian with a relative step (forward or backward next to a bound),
 * trial steps projected onto the bounds, damping divided by 3 after an accepted step and
 * multiplied by 2 after a rejected one. Stops when an accepted step lowers the cost by less
 * than {@code ftol} relative, when the relative step is below {@code xtol}, or after
 * {@code maxIterations}. The covariance at the solution is {@code s^2 (J^T J)^-1} with
 * {@code s^2 = |r|^2 / (m - n)}, the same estimate scipy's {@code curve_fit} returns with
 * {@code absolute_sigma=False}.
 */
public final class LevenbergMarquardt {

    /**
     * The result of a fit.
     *
     * @param parameters the solution
     * @param covariance parameter covariance (units of parameter squared); null when {@code J^T J}
     *                   is singular
     * @param cost       sum of squared residuals at the solution
     * @param residuals  number of residuals m
     * @param iterations accepted and rejected steps taken
     */
    public record Result(double[] parameters, double[][] covariance, double cost, int residuals, int iterations) {

        /** One-standard-deviation uncertainty of parameter {@code k} (NaN when unavailable). */
        public double standardError(int k) {
            return covariance == null ? Double.NaN : Math.sqrt(Math.max(0, covariance[k][k]));
        }
    }

    private final double ftol;
    private final double xtol;
    private final int maxIterations;

    /**
     * @param ftol          relative cost decrease that counts as converged (e.g. 1e-13)
     * @param xtol          relative step size that counts as converged (e.g. 1e-12)
     * @param maxIterations most steps
     */
    public LevenbergMarquardt(double ftol, double xtol, int maxIterations) {
        this.ftol = ftol;
        this.xtol = xtol;
        this.maxIterations = maxIterations;
    }

    /** Defaults: ftol 1e-13 (as impedance.py passes to curve_fit), xtol 1e-12, 10000 steps. */
    public static LevenbergMarquardt defaults() {
        return new LevenbergMarquardt(1e-13, 1e-12, 10_000);
    }

    /**
     * Minimises {@code |r(p)|^2}.
     *
     * @param residuals function from parameters to residual vector (fixed length)
     * @param start     initial guess, inside the bounds
     * @param lower     lower bounds
     * @param upper     upper bounds
     */
    public Result minimize(Function<double[], double[]> residuals, double[] start, double[] lower, double[] upper) {
        int n = start.length;
        double[] p = start.clone();
        for (int k = 0; k < n; k++) {
            p[k] = Math.min(upper[k], Math.max(lower[k], p[k]));
        }
        double[] r = checked(residuals.apply(p));
        double cost = dot(r, r);
        double[][] jac = jacobian(residuals, p, r.length, lower, upper);
        double mu = 1e-3;
        int it = 0;
        boolean converged = false;
        while (it < maxIterations && !converged && cost > 0) {
            double[][] a = LinearAlgebra.gram(jac);
            double[] g = LinearAlgebra.transposeTimes(jac, r);
            boolean accepted = false;
            while (!accepted && it < maxIterations) {
                it++;
                double[][] damped = new double[n][];
                for (int i = 0; i < n; i++) {
                    damped[i] = a[i].clone();
                    damped[i][i] += mu * Math.max(a[i][i], 1e-300);
                }
                double[] neg = new double[n];
                for (int i = 0; i < n; i++) {
                    neg[i] = -g[i];
                }
                double[] step = LinearAlgebra.solve(damped, neg);
                if (step == null) {
                    mu *= 10;
                    if (mu > 1e20) {
                        converged = true;
                        break;
                    }
                    continue;
                }
                double[] trial = new double[n];
                double stepNorm = 0;
                double pNorm = 0;
                for (int k = 0; k < n; k++) {
                    trial[k] = Math.min(upper[k], Math.max(lower[k], p[k] + step[k]));
                    stepNorm += (trial[k] - p[k]) * (trial[k] - p[k]);
                    pNorm += p[k] * p[k];
                }
                double[] rt = residuals.apply(trial);
                double ct = finite(rt) ? dot(rt, rt) : Double.POSITIVE_INFINITY;
                if (ct < cost) {
                    double decrease = (cost - ct) / cost;
                    p = trial;
                    r = rt;
                    cost = ct;
                    mu = Math.max(mu / 3, 1e-15);
                    accepted = true;
                    if (decrease < ftol || Math.sqrt(stepNorm) <= xtol * (Math.sqrt(pNorm) + xtol)) {
                        converged = true;
                    }
                    jac = jacobian(residuals, p, r.length, lower, upper);
                } else {
                    mu *= 2;
                    if (mu > 1e20 || Math.sqrt(stepNorm) <= xtol * (Math.sqrt(pNorm) + xtol)) {
                        converged = true;
                        break;
                    }
                }
            }
        }
        double[][] cov = null;
        int m = r.length;
        double[][] inv = LinearAlgebra.inverse(LinearAlgebra.gram(jac));
        if (inv != null && m > n) {
            double s2 = cost / (m - n);
            cov = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    cov[i][j] = inv[i][j] * s2;
                }
            }
        }
        return new Result(p, cov, cost, m, it);
    }

    private static double[][] jacobian(Function<double[], double[]> f, double[] p, int m, double[] lower, double[] upper) {
        int n = p.length;
        double[][] j = new double[m][n];
        double h0 = Math.cbrt(Math.ulp(1.0));
        for (int k = 0; k < n; k++) {
            double h = h0 * Math.max(Math.abs(p[k]), 1e-12);
            double[] hi = p.clone();
            double[] lo = p.clone();
            boolean up = p[k] + h <= upper[k];
            boolean down = p[k] - h >= lower[k];
            if (up) {
                hi[k] = p[k] + h;
            }
            if (down) {
                lo[k] = p[k] - h;
            }
            double[] fh = f.apply(hi);
            double[] fl = f.apply(lo);
            double d = hi[k] - lo[k];
            if (d == 0) {
                continue;
            }
            for (int i = 0; i < m; i++) {
                j[i][k] = (fh[i] - fl[i]) / d;
            }
        }
        return j;
    }

    private static double[] checked(double[] r) {
        if (!finite(r)) {
            throw new InputException("the model is not finite at the initial guess: give another initial guess");
        }
        return r;
    }

    private static boolean finite(double[] r) {
        for (double v : r) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
