package org.tomolyte.analysis.tracking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.testkit.PythonPeer;

/** The FFT against a naive DFT, against numpy.fft, and across thread counts. */
class FftTest {

    /** O(n^2) reference DFT, forward. */
    private static double[][] naive(double[] re, double[] im) {
        int n = re.length;
        double[] or = new double[n];
        double[] oi = new double[n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                double a = -2 * Math.PI * (((long) j * k) % n) / n;
                or[k] += re[j] * Math.cos(a) - im[j] * Math.sin(a);
                oi[k] += re[j] * Math.sin(a) + im[j] * Math.cos(a);
            }
        }
        return new double[][] {or, oi};
    }

    private static double[] random(int n, SplittableRandom r) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextDouble() * 2 - 1;
        }
        return a;
    }

    @Test
    void matchesNaiveDftForSmallAndOddSizes() {
        SplittableRandom r = new SplittableRandom(7);
        for (int n : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 11, 13, 15, 16, 17, 25, 27, 31, 97, 100, 128}) {
            double[] re = random(n, r);
            double[] im = random(n, r);
            double[][] want = naive(re, im);
            double[] gr = re.clone();
            double[] gi = im.clone();
            Fft f = new Fft(n);
            f.forward(gr, gi);
            // rounding grows like log n for both; 1e-12 relative to sqrt(n) * |x| is ample and far below any real error
            double tol = 1e-12 * n;
            assertArrayEquals(want[0], gr, tol, "real part, n=" + n);
            assertArrayEquals(want[1], gi, tol, "imaginary part, n=" + n);
            f.inverse(gr, gi);
            assertArrayEquals(re, gr, 1e-13 * n, "round trip, n=" + n);
            assertArrayEquals(im, gi, 1e-13 * n, "round trip, n=" + n);
        }
    }

    @Test
    void threeDimensionalMatchesSeparableNaiveDft() {
        Dims d = new Dims(5, 3, 4);
        SplittableRandom r = new SplittableRandom(3);
        int n = (int) d.voxels();
        double[] re = random(n, r);
        double[] im = random(n, r);
        // naive 3D DFT
        double[] wr = new double[n];
        double[] wi = new double[n];
        for (int kz = 0; kz < 4; kz++) {
            for (int ky = 0; ky < 3; ky++) {
                for (int kx = 0; kx < 5; kx++) {
                    double sr = 0;
                    double si = 0;
                    for (int z = 0; z < 4; z++) {
                        for (int y = 0; y < 3; y++) {
                            for (int x = 0; x < 5; x++) {
                                double a = -2 * Math.PI * ((double) kx * x / 5 + (double) ky * y / 3 + (double) kz * z / 4);
                                int i = x + 5 * (y + 3 * z);
                                sr += re[i] * Math.cos(a) - im[i] * Math.sin(a);
                                si += re[i] * Math.sin(a) + im[i] * Math.cos(a);
                            }
                        }
                    }
                    wr[kx + 5 * (ky + 3 * kz)] = sr;
                    wi[kx + 5 * (ky + 3 * kz)] = si;
                }
            }
        }
        Fft3 f = new Fft3(d);
        double[] gr = re.clone();
        double[] gi = im.clone();
        f.forward(gr, gi);
        assertArrayEquals(wr, gr, 1e-11);
        assertArrayEquals(wi, gi, 1e-11);
        f.inverse(gr, gi);
        assertArrayEquals(re, gr, 1e-13);
    }

    @Test
    void threadCountDoesNotChangeBits() {
        Dims d = new Dims(12, 9, 7);
        SplittableRandom r = new SplittableRandom(11);
        double[] re = random((int) d.voxels(), r);
        double[] im = random((int) d.voxels(), r);
        int before = Parallel.threads();
        try {
            double[][] out = new double[4][];
            for (int t = 1; t <= 2; t++) {
                Parallel.setThreads(t);
                double[] a = re.clone();
                double[] b = im.clone();
                new Fft3(d).forward(a, b);
                out[2 * (t - 1)] = a;
                out[2 * (t - 1) + 1] = b;
            }
            assertArrayEquals(out[0], out[2], 0.0);
            assertArrayEquals(out[1], out[3], 0.0);
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void matchesNumpyFftn(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(PythonPeer.available("numpy"), PythonPeer.skipMessage("numpy"));
        Dims d = new Dims(21, 10, 13);
        int n = (int) d.voxels();
        SplittableRandom r = new SplittableRandom(5);
        double[] re = random(n, r);
        double[] im = random(n, r);
        Path in = dir.resolve("in.f64");
        ByteBuffer b = ByteBuffer.allocate(2 * n * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putDouble(re[i]).putDouble(im[i]);
        }
        Files.write(in, b.array());
        Path out = dir.resolve("out.f64");
        PythonPeer.run("""
                import sys, numpy as np
                a = np.fromfile(sys.argv[1], '<f8').view('<c16').reshape(13, 10, 21)
                np.ascontiguousarray(np.fft.fftn(a), dtype='<c16').view('<f8').tofile(sys.argv[2])
                """, in.toString(), out.toString());
        double[] want = PythonPeer.readF64(out);
        assertEquals(2 * n, want.length);
        new Fft3(d).forward(re, im);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.max(Math.abs(want[2 * i] - re[i]), Math.abs(want[2 * i + 1] - im[i])));
        }
        // values are O(sqrt(n)) ~ 50; both are O(eps log n) accurate: 1e-10 is ~1e6 times the rounding, far below any bug
        assertEquals(0, worst, 1e-10, "largest difference to numpy.fft.fftn");
    }
}
