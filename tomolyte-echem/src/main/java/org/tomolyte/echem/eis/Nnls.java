package org.tomolyte.echem.eis;

/**
 * Non-negative quadratic programme: minimise {@code 0.5 x^T H x - c^T x} subject to
 * {@code x >= 0} for a symmetric positive definite {@code H}, by the Lawson–Hanson active-set
 * method written on the normal equations (the NNLS of {@code min |A x - b|} is the case
 * {@code H = A^T A}, {@code c = A^T b}).
 */
public final class Nnls {

    private Nnls() {
    }

    /**
     * Solves the programme.
     *
     * @param h    symmetric positive definite n x n matrix
     * @param c n-vector
     * @return the minimiser
     */
    public static double[] solve(double[][] h, double[] c) {
        int n = c.length;
        double[] x = new double[n];
        boolean[] passive = new boolean[n];
        double cmax = 0;
        for (double v : c) {
            cmax = Math.max(cmax, Math.abs(v));
        }
        double tol = 1e-13 * Math.max(cmax, Double.MIN_NORMAL);
        int outer = 0;
        while (outer++ < 3 * n + 10) {
            double[] w = gradient(h, c, x);
            int j = -1;
            double best = tol;
            for (int i = 0; i < n; i++) {
                if (!passive[i] && w[i] > best) {
                    best = w[i];
                    j = i;
                }
            }
            if (j < 0) {
                break;
            }
            passive[j] = true;
            int inner = 0;
            while (inner++ < 3 * n + 10) {
                double[] z = solvePassive(h, c, passive);
                if (z == null) {
                    passive[j] = false;
                    break;
                }
                double alpha = 1;
                boolean allPositive = true;
                for (int i = 0; i < n; i++) {
                    if (passive[i] && z[i] <= 0) {
                        allPositive = false;
                        double d = x[i] - z[i];
                        if (d > 0) {
                            alpha = Math.min(alpha, x[i] / d);
                        } else {
                            alpha = 0;
                        }
                    }
                }
                if (allPositive) {
                    x = z;
                    break;
                }
                for (int i = 0; i < n; i++) {
                    x[i] += alpha * (z[i] - x[i]);
                    if (passive[i] && x[i] <= 1e-15 * Math.max(1, Math.abs(z[i]))) {
                        passive[i] = false;
                        x[i] = 0;
                    }
                }
            }
        }
        return x;
    }

    private static double[] gradient(double[][] h, double[] c, double[] x) {
        double[] w = c.clone();
        for (int i = 0; i < h.length; i++) {
            double s = 0;
            for (int k = 0; k < x.length; k++) {
                s += h[i][k] * x[k];
            }
            w[i] -= s;
        }
        return w;
    }

    private static double[] solvePassive(double[][] h, double[] c, boolean[] passive) {
        int n = c.length;
        int[] idx = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (passive[i]) {
                idx[k++] = i;
            }
        }
        double[][] sub = new double[k][k];
        double[] rhs = new double[k];
        for (int a = 0; a < k; a++) {
            rhs[a] = c[idx[a]];
            for (int b = 0; b < k; b++) {
                sub[a][b] = h[idx[a]][idx[b]];
            }
        }
        double[] zs = LinearAlgebra.solve(sub, rhs);
        if (zs == null) {
            return null;
        }
        double[] z = new double[n];
        for (int a = 0; a < k; a++) {
            z[idx[a]] = zs[a];
        }
        return z;
    }
}
