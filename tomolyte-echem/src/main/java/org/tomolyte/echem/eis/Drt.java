package org.tomolyte.echem.eis;

import java.util.ArrayList;
import java.util.List;
import org.tomolyte.core.InputException;

/**
 * Distribution of relaxation times (DRT) by Tikhonov-regularised non-negative least squares,
 * following the pyDRTtools approach (Wan, Saccoccio, Chen, Ciucci, Electrochim. Acta 184 (2015)
 * 483; Ciucci and Chen, Electrochim. Acta 167 (2015) 439).
 *
 * <p>Model: {@code Z(omega) = R_inf + j omega L + integral gamma(ln tau) / (1 + j omega tau) d ln tau},
 * with gamma in Ohm (resistance per unit of ln tau) and L an optional series inductance (H).
 * gamma is a sum of Gaussian radial basis functions {@code phi_m(y) = exp(-(eps (y - y_m))^2)}
 * centred on a log-spaced grid {@code y_m = ln tau_m} that spans {@code 1/(2 pi f_max)} to
 * {@code 1/(2 pi f_min)} extended by one decade on each side, {@code pointsPerDecade} centres
 * per decade; the shape factor {@code eps} gives each Gaussian a full width at half maximum of
 * two grid spacings (pyDRTtools' "FWHM coefficient" 0.5). The real and imaginary parts of the
 * model are fitted together, unweighted; the penalty is {@code lambda * integral (gamma'')^2 d ln tau}
 * (second-derivative Tikhonov, pyDRTtools' default), and all unknowns (R_inf, L, weights) are
 * kept non-negative by an active-set NNLS ({@link Nnls}). All integrals are evaluated by the
 * trapezoid rule on a grid twenty times finer than the centre spacing over +-6.3/eps.
 *
 * <p>When lambda is not given it is chosen by generalised cross-validation (Craven and Wahba
 * 1979): the minimiser over log10(lambda) in [-10, 1] (a 0.5-decade grid search refined by
 * golden-section search to 0.02 decade) of
 * {@code GCV = N |Z - A x|^2 / (N - tr(A (A^T A + lambda M)^-1 A^T))^2} for the unconstrained
 * solution, N the number of real and imaginary values.
 *
 * <p>Peaks: local maxima of gamma on the output grid (five points per centre spacing) above
 * 1 % of the largest value; each peak's resistance is the integral of gamma between the
 * minima on either side (so separated peaks' resistances add up to the polarisation resistance).
 */
public final class Drt {

    private Drt() {
    }

    /**
     * One DRT peak.
     *
     * @param tauS          time constant at the maximum, s
     * @param gammaOhm      gamma at the maximum, Ohm
     * @param resistanceOhm area under the peak, Ohm
     */
    public record Peak(double tauS, double gammaOhm, double resistanceOhm) {
    }

    /**
     * A computed DRT.
     *
     * @param rInfOhm        high-frequency resistance R_inf, Ohm
     * @param inductanceH    series inductance, H (0 when not fitted)
     * @param lambda         regularisation parameter used
     * @param lambdaMethod   {@code given} or {@code gcv}
     * @param tauS           output grid of time constants, s
     * @param gammaOhm       gamma on that grid, Ohm
     * @param polarizationOhm integral of gamma over ln tau, Ohm
     * @param rmsResidualOhm root mean square of the fit residuals (real and imaginary), Ohm
     * @param peaks          peaks in order of increasing tau
     */
    public record Result(double rInfOhm, double inductanceH, double lambda, String lambdaMethod, double[] tauS, double[] gammaOhm,
            double polarizationOhm, double rmsResidualOhm, List<Peak> peaks) {
    }

    /**
     * Computes the DRT of a spectrum.
     *
     * @param data            the spectrum (at least 5 points)
     * @param lambda          regularisation parameter (&gt; 0), or null for GCV
     * @param pointsPerDecade basis centres per decade of tau (&gt;= 2)
     * @param inductance      fit a series inductance
     */
    public static Result compute(Spectrum data, Double lambda, int pointsPerDecade, boolean inductance) {
        int nf = data.size();
        if (nf < 5) {
            throw new InputException("DRT needs at least 5 impedance points, got " + nf);
        }
        double fMin = Double.POSITIVE_INFINITY;
        double fMax = 0;
        for (double f : data.freqHz()) {
            fMin = Math.min(fMin, f);
            fMax = Math.max(fMax, f);
        }
        double delta = Math.log(10) / pointsPerDecade;
        double yLo = Math.log(1 / (2 * Math.PI * fMax)) - Math.log(10);
        double yHi = Math.log(1 / (2 * Math.PI * fMin)) + Math.log(10);
        int m = (int) Math.ceil((yHi - yLo) / delta) + 1;
        double[] centers = new double[m];
        for (int k = 0; k < m; k++) {
            centers[k] = yLo + k * delta;
        }
        double eps = Math.sqrt(Math.log(2)) / delta;
        int extra = inductance ? 2 : 1;
        int p = m + extra;
        int nRows = 2 * nf;
        double[][] a = new double[nRows][p];
        double[] z = new double[nRows];
        double h = delta / 20;
        double halfWidth = Math.sqrt(40) / eps;
        int nq = (int) Math.ceil(halfWidth / h);
        for (int i = 0; i < nf; i++) {
            double w = 2 * Math.PI * data.freqHz()[i];
            z[i] = data.re()[i];
            z[nf + i] = -data.minusIm()[i];
            a[i][0] = 1;
            if (inductance) {
                a[nf + i][1] = w;
            }
            for (int k = 0; k < m; k++) {
                double sr = 0;
                double si = 0;
                for (int q = -nq; q <= nq; q++) {
                    double u = q * h;
                    double phi = Math.exp(-(eps * u) * (eps * u));
                    double wt = w * Math.exp(centers[k] + u);
                    double d = 1 + wt * wt;
                    double weight = (q == -nq || q == nq) ? 0.5 : 1;
                    sr += weight * phi / d;
                    si -= weight * phi * wt / d;
                }
                a[i][extra + k] = sr * h;
                a[nf + i][extra + k] = si * h;
            }
        }
        double[][] pen = penalty(centers, eps, h, halfWidth, extra);
        double[][] g = LinearAlgebra.gram(a);
        double[] c = LinearAlgebra.transposeTimes(a, z);
        String method = "given";
        double lam;
        if (lambda != null) {
            lam = lambda;
        } else {
            lam = gcv(a, z, g, c, pen);
            method = "gcv";
        }
        double[][] hm = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                hm[i][j] = g[i][j] + lam * pen[i][j];
            }
        }
        double[] x = Nnls.solve(hm, c);
        double[] fit = LinearAlgebra.times(a, x);
        double ss = 0;
        for (int r = 0; r < nRows; r++) {
            ss += (fit[r] - z[r]) * (fit[r] - z[r]);
        }
        int fine = 5;
        int nOut = (m - 1) * fine + 1;
        double[] tau = new double[nOut];
        double[] gamma = new double[nOut];
        for (int o = 0; o < nOut; o++) {
            double y = yLo + o * delta / fine;
            tau[o] = Math.exp(y);
            double s = 0;
            for (int k = 0; k < m; k++) {
                double u = eps * (y - centers[k]);
                s += x[extra + k] * Math.exp(-u * u);
            }
            gamma[o] = s;
        }
        double polarization = 0;
        for (int k = 0; k < m; k++) {
            polarization += x[extra + k] * Math.sqrt(Math.PI) / eps;
        }
        return new Result(x[0], inductance ? x[1] : 0, lam, method, tau, gamma, polarization, Math.sqrt(ss / nRows),
                peaks(tau, gamma, delta / fine));
    }

    /** M[i][j] = integral phi_i'' phi_j'' dy over the whole grid (zero rows for R_inf and L). */
    private static double[][] penalty(double[] centers, double eps, double h, double halfWidth, int extra) {
        int m = centers.length;
        double lo = centers[0] - halfWidth;
        double hi = centers[m - 1] + halfWidth;
        int n = (int) Math.ceil((hi - lo) / h) + 1;
        double[][] pen = new double[m + extra][m + extra];
        double e2 = eps * eps;
        double[] d2 = new double[m];
        for (int s = 0; s < n; s++) {
            double y = lo + s * h;
            double weight = (s == 0 || s == n - 1) ? 0.5 * h : h;
            for (int k = 0; k < m; k++) {
                double u = y - centers[k];
                double phi = Math.exp(-e2 * u * u);
                d2[k] = (4 * e2 * e2 * u * u - 2 * e2) * phi;
            }
            for (int i = 0; i < m; i++) {
                if (d2[i] == 0) {
                    continue;
                }
                for (int j = i; j < m; j++) {
                    pen[extra + i][extra + j] += weight * d2[i] * d2[j];
                }
            }
        }
        for (int i = extra; i < m + extra; i++) {
            for (int j = extra; j < i; j++) {
                pen[i][j] = pen[j][i];
            }
        }
        return pen;
    }

    private static double gcv(double[][] a, double[] z, double[][] g, double[] c, double[][] pen) {
        double bestT = -3;
        double best = Double.POSITIVE_INFINITY;
        for (double t = -10; t <= 1; t += 0.5) {
            double score = gcvScore(Math.pow(10, t), a, z, g, c, pen);
            if (score < best) {
                best = score;
                bestT = t;
            }
        }
        double lo = Math.max(-10, bestT - 0.5);
        double hi = Math.min(1, bestT + 0.5);
        double phi = (Math.sqrt(5) - 1) / 2;
        double x1 = hi - phi * (hi - lo);
        double x2 = lo + phi * (hi - lo);
        double f1 = gcvScore(Math.pow(10, x1), a, z, g, c, pen);
        double f2 = gcvScore(Math.pow(10, x2), a, z, g, c, pen);
        while (hi - lo > 0.02) {
            if (f1 <= f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - phi * (hi - lo);
                f1 = gcvScore(Math.pow(10, x1), a, z, g, c, pen);
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + phi * (hi - lo);
                f2 = gcvScore(Math.pow(10, x2), a, z, g, c, pen);
            }
        }
        double t = f1 <= f2 ? x1 : x2;
        return Math.min(f1, f2) <= best ? Math.pow(10, t) : Math.pow(10, bestT);
    }

    private static double gcvScore(double lam, double[][] a, double[] z, double[][] g, double[] c, double[][] pen) {
        int p = c.length;
        int nRows = z.length;
        double[][] hm = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                hm[i][j] = g[i][j] + lam * pen[i][j];
            }
        }
        double[][] l = LinearAlgebra.cholesky(hm);
        if (l == null) {
            return Double.POSITIVE_INFINITY;
        }
        double[] x = LinearAlgebra.choleskySolve(l, c);
        double[] fit = LinearAlgebra.times(a, x);
        double ss = 0;
        for (int r = 0; r < nRows; r++) {
            ss += (fit[r] - z[r]) * (fit[r] - z[r]);
        }
        double trace = 0;
        double[] col = new double[p];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < p; i++) {
                col[i] = g[i][j];
            }
            trace += LinearAlgebra.choleskySolve(l, col)[j];
        }
        double denom = nRows - trace;
        return denom > 0 ? nRows * ss / (denom * denom) : Double.POSITIVE_INFINITY;
    }

    private static List<Peak> peaks(double[] tau, double[] gamma, double dy) {
        int n = gamma.length;
        double max = 0;
        for (double v : gamma) {
            max = Math.max(max, v);
        }
        List<Peak> out = new ArrayList<>();
        if (max <= 0) {
            return out;
        }
        for (int i = 1; i < n - 1; i++) {
            if (gamma[i] > gamma[i - 1] && gamma[i] >= gamma[i + 1] && gamma[i] >= 0.01 * max) {
                int lo = i;
                while (lo > 0 && gamma[lo - 1] <= gamma[lo]) {
                    lo--;
                }
                int hi = i;
                while (hi < n - 1 && gamma[hi + 1] <= gamma[hi]) {
                    hi++;
                }
                double area = 0;
                for (int k = lo; k < hi; k++) {
                    area += 0.5 * (gamma[k] + gamma[k + 1]) * dy;
                }
                out.add(new Peak(tau[i], gamma[i], area));
            }
        }
        return out;
    }
}
