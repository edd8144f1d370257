package org.tomolyte.echem.eis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tomolyte.testkit.PythonPeer;

/** NNLS: optimality (KKT) conditions on seeded random problems, and scipy.optimize.nnls as a peer. */
class NnlsTest {

    private static double[][] random(Random r, int m, int n) {
        double[][] a = new double[m][n];
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return a;
    }

    @Test
    void satisfiesKktConditions() {
        Random r = new Random(42);
        for (int trial = 0; trial < 20; trial++) {
            int m = 30;
            int n = 12;
            double[][] a = random(r, m, n);
            double[] b = new double[m];
            for (int i = 0; i < m; i++) {
                b[i] = r.nextGaussian();
            }
            double[][] h = LinearAlgebra.gram(a);
            double[] c = LinearAlgebra.transposeTimes(a, b);
            double[] x = Nnls.solve(h, c);
            double[] grad = c.clone();
            double[] hx = LinearAlgebra.times(h, x);
            int active = 0;
            for (int j = 0; j < n; j++) {
                grad[j] -= hx[j];
                assertTrue(x[j] >= 0);
                if (x[j] > 0) {
                    assertEquals(0, grad[j], 1e-9, "stationary in free variable " + j);
                } else {
                    active++;
                    assertTrue(grad[j] <= 1e-9, "no descent into the bound " + j);
                }
            }
            assertTrue(active > 0 && active < n, "trial " + trial + " exercises both sets");
        }
    }

    @Test
    void matchesScipyNnls() throws Exception {
        Assumptions.assumeTrue(PythonPeer.available("numpy", "scipy"), PythonPeer.skipMessage("numpy and scipy"));
        Random r = new Random(7);
        int m = 40;
        int n = 15;
        double[][] a = random(r, m, n);
        double[] b = new double[m];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < m; i++) {
            b[i] = r.nextGaussian();
            for (int j = 0; j < n; j++) {
                sb.append(a[i][j]).append(',');
            }
            sb.append(b[i]).append('\n');
        }
        Path csv = Files.createTempFile("nnls", ".csv");
        try {
            Files.writeString(csv, sb.toString());
            String out = PythonPeer.run("""
                    import sys, numpy as np
                    from scipy.optimize import nnls
                    d = np.loadtxt(sys.argv[1], delimiter=',')
                    x, _ = nnls(d[:, :-1], d[:, -1])
                    print(' '.join(repr(v) for v in x))
                    """, csv.toString());
            String[] v = out.strip().split(" ");
            double[] x = Nnls.solve(LinearAlgebra.gram(a), LinearAlgebra.transposeTimes(a, b));
            for (int j = 0; j < n; j++) {
                assertEquals(Double.parseDouble(v[j]), x[j], 1e-10, "x" + j);
            }
        } finally {
            Files.deleteIfExists(csv);
        }
    }
}
