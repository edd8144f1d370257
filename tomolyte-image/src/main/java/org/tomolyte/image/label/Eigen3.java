package org.tomolyte.image.label;

/** Eigenvalues of a symmetric 3x3 matrix by cyclic Jacobi rotations (deterministic, accurate to rounding). */
final class Eigen3 {

    private Eigen3() {
    }

    /**
     * Eigenvalues of the symmetric matrix {@code m} (not modified), largest first.
     *
     * @param m symmetric 3x3
     * @return three eigenvalues, descending
     */
    static double[] symmetricEigenvalues(double[][] m) {
        double[][] a = {m[0].clone(), m[1].clone(), m[2].clone()};
        for (int sweep = 0; sweep < 50; sweep++) {
            double off = a[0][1] * a[0][1] + a[0][2] * a[0][2] + a[1][2] * a[1][2];
            double scale = a[0][0] * a[0][0] + a[1][1] * a[1][1] + a[2][2] * a[2][2];
            if (off == 0 || off <= 1e-30 * scale) {
                break;
            }
            for (int p = 0; p < 2; p++) {
                for (int q = p + 1; q < 3; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < 3; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < 3; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                }
            }
        }
        double[] ev = {a[0][0], a[1][1], a[2][2]};
        java.util.Arrays.sort(ev);
        return new double[] {ev[2], ev[1], ev[0]};
    }
}
