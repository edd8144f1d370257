package org.tomolyte.analysis.transport;

import org.tomolyte.core.InternalException;

/**
 * Exact solve on the coarsest multigrid level: the level's symmetric positive definite matrix
 * (inactive cells get an identity row) factored once by dense Cholesky, A = L L^T, then
 * forward and back substitution per V-cycle. Used for at most a few thousand cells.
 */
final class DenseCholesky {

    private final int n;
    private final double[] l;

    DenseCholesky(CoarseLevel c) {
        n = c.cells();
        double[] a = new double[n * n];
        int plane = c.nx * c.ny;
        for (int z = 0; z < c.nz; z++) {
            for (int y = 0; y < c.ny; y++) {
                for (int x = 0; x < c.nx; x++) {
                    int i = (z * c.ny + y) * c.nx + x;
                    a[i * n + i] = c.diag[i] > 0 ? c.diag[i] : 1;
                    if (x + 1 < c.nx) {
                        a[i * n + i + 1] = a[(i + 1) * n + i] = -c.gxp[i];
                    }
                    if (y + 1 < c.ny) {
                        a[i * n + i + c.nx] = a[(i + c.nx) * n + i] = -c.gyp[i];
                    }
                    if (z + 1 < c.nz) {
                        a[i * n + i + plane] = a[(i + plane) * n + i] = -c.gzp[i];
                    }
                }
            }
        }
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= a[j * n + k] * a[j * n + k];
            }
            if (!(d > 0)) {
                throw new InternalException("coarsest multigrid matrix is not positive definite at row " + j + " (pivot " + d + ")");
            }
            d = Math.sqrt(d);
            a[j * n + j] = d;
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = s / d;
            }
        }
        l = a;
    }

    /** x = A^-1 b (float vectors, double arithmetic). */
    void solve(float[] b, float[] x) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * y[k];
            }
            y[i] = s / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * y[k];
            }
            y[i] = s / l[i * n + i];
        }
        for (int i = 0; i < n; i++) {
            x[i] = (float) y[i];
        }
    }
}
