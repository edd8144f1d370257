package org.tomolyte.echem.eis;

import org.tomolyte.core.InternalException;

/** Small dense linear algebra on row-major {@code double[][]} (sizes of tens to a few hundred). */
public final class LinearAlgebra {

    private LinearAlgebra() {
    }

    /**
     * Solves {@code a x = b} by Gaussian elimination with partial pivoting; {@code a} and
     * {@code b} are not modified.
     *
     * @return x, or null when {@code a} is singular to working precision
     */
    public static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = new double[n + 1];
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        double scale = 0;
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                scale = Math.max(scale, Math.abs(row[j]));
            }
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
                    piv = r;
                }
            }
            if (!(Math.abs(m[piv][c]) > scale * 1e-300) || scale == 0) {
                return null;
            }
            double[] t = m[c];
            m[c] = m[piv];
            m[piv] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                if (f != 0) {
                    for (int j = c; j <= n; j++) {
                        m[r][j] -= f * m[c][j];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int j = r + 1; j < n; j++) {
                s -= m[r][j] * x[j];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }

    /** Inverse of a square matrix, or null when singular. */
    public static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] inv = new double[n][n];
        for (int k = 0; k < n; k++) {
            double[] e = new double[n];
            e[k] = 1;
            double[] col = solve(a, e);
            if (col == null) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                inv[i][k] = col[i];
            }
        }
        return inv;
    }

    /** {@code a^T a} for an m x n matrix. */
    public static double[][] gram(double[][] a) {
        int n = a[0].length;
        double[][] g = new double[n][n];
        for (double[] row : a) {
            for (int i = 0; i < n; i++) {
                double ri = row[i];
                if (ri == 0) {
                    continue;
                }
                for (int j = i; j < n; j++) {
                    g[i][j] += ri * row[j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                g[i][j] = g[j][i];
            }
        }
        return g;
    }

    /** {@code a^T v} for an m x n matrix and an m-vector. */
    public static double[] transposeTimes(double[][] a, double[] v) {
        if (a.length != v.length) {
            throw new InternalException("matrix has " + a.length + " rows, vector " + v.length);
        }
        int n = a[0].length;
        double[] out = new double[n];
        for (int r = 0; r < a.length; r++) {
            for (int j = 0; j < n; j++) {
                out[j] += a[r][j] * v[r];
            }
        }
        return out;
    }

    /** {@code a x}. */
    public static double[] times(double[][] a, double[] x) {
        double[] out = new double[a.length];
        for (int r = 0; r < a.length; r++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += a[r][j] * x[j];
            }
            out[r] = s;
        }
        return out;
    }

    /**
     * Cholesky factor L (lower triangular, {@code a = L L^T}) of a symmetric positive definite
     * matrix, or null when {@code a} is not positive definite to working precision.
     */
    public static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    /** Solves {@code L L^T x = b} given the Cholesky factor L. */
    public static double[] choleskySolve(double[][] l, double[] b) {
        int n = b.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
