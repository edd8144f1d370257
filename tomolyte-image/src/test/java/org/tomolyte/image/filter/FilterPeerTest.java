package org.tomolyte.image.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.testkit.PythonPeer;

/**
 * Gaussian, mean and median filters against scipy.ndimage on seeded random volumes (odd shapes,
 * anisotropic sigma, windows larger than the volume) and on a crop of the TauFactor electrode.
 */
class FilterPeerTest {

    @TempDir
    Path tmp;

    private static String np(DataType t) {
        return switch (t) {
            case U8 -> "uint8";
            case U16 -> "uint16";
            case I32 -> "int32";
            default -> "float32";
        };
    }

    /** One Tomolyte result and the peer expression it must equal. */
    private record Case(String name, Volume input, Volume ours, String expr, double relTol) {
    }

    private static Case gauss(String name, Volume in, double[] sigmaUm, double truncate) {
        double[] s = Gaussian.sigmaVoxels(sigmaUm, in.spacing());
        String expr = String.format(Locale.ROOT, "ndi.gaussian_filter(a.astype(np.float32), sigma=(%s, %s, %s), truncate=%s)",
                s[2], s[1], s[0], truncate);
        return new Case(name, in, Gaussian.filterUm(in, sigmaUm, truncate), expr, 1e-4);
    }

    private static Case mean(String name, Volume in, int r) {
        return new Case(name, in, BoxMean.filter(in, r), "ndi.uniform_filter(a.astype(np.float32), size=" + (2 * r + 1) + ")", 1e-5);
    }

    private static Case median(String name, Volume in, int r) {
        return new Case(name, in, Median.filter(in, r), "ndi.median_filter(a, size=" + (2 * r + 1) + ")", 0);
    }

    private void check(List<Case> cases) {
        List<Peer.Job> jobs = new ArrayList<>();
        for (Case c : cases) {
            jobs.add(new Peer.Job(c.input(), np(c.input().type()), c.expr()));
        }
        List<double[]> ref = Peer.run(tmp, jobs);
        for (int k = 0; k < cases.size(); k++) {
            Case c = cases.get(k);
            double[] e = ref.get(k);
            assertEquals(c.ours().voxels(), e.length, c.name());
            double peak = 0;
            for (double x : e) {
                peak = Math.max(peak, Math.abs(x));
            }
            for (int i = 0; i < e.length; i++) {
                double got = c.ours().get(i);
                // relative to the value, floored at 1 % of the peak: near zero both sides carry rounding of the window's values
                if (!(Math.abs(got - e[i]) <= c.relTol() * Math.max(Math.abs(e[i]), 0.01 * peak))) {
                    fail(c.name() + ": voxel " + i + " is " + got + ", peer " + e[i] + " (relative tolerance " + c.relTol() + ")");
                }
            }
            c.ours().close();
        }
    }

    @Test
    void gaussianEqualsScipy() {
        Assumptions.assumeTrue(PythonPeer.available("numpy", "scipy"), PythonPeer.skipMessage("scipy"));
        try (Volume f = Peer.random(new Dims(37, 23, 11), DataType.F32, new Spacing(0.5, 1.0, 2.0), 1);
             Volume u8 = Peer.random(new Dims(40, 30, 20), DataType.U8, Spacing.UNIT, 2);
             Volume u16 = Peer.random(new Dims(64, 17, 9), DataType.U16, new Spacing(0.7, 0.7, 2.1), 3);
             Volume tiny = Peer.random(new Dims(5, 4, 3), DataType.F32, Spacing.UNIT, 4);
             Volume flat = Peer.random(new Dims(9, 7, 1), DataType.U8, Spacing.UNIT, 13)) {
            check(List.of(
                    gauss("one slice", flat, new double[] {1.0}, 4.0),
                    gauss("f32 37x23x11 anisotropic", f, new double[] {0.5, 1.5, 1.4}, 4.0),
                    gauss("u8 isotropic truncate 3", u8, new double[] {2.0}, 3.0),
                    gauss("u16 one axis not smoothed", u16, new double[] {0, 1.2, 3.0}, 4.0),
                    gauss("kernel wider than the volume", tiny, new double[] {2.0}, 4.0),
                    gauss("small sigma (radius 0 along z)", f, new double[] {0.3, 0.3, 0.1}, 4.0)));
        }
    }

    @Test
    void meanEqualsScipy() {
        Assumptions.assumeTrue(PythonPeer.available("numpy", "scipy"), PythonPeer.skipMessage("scipy"));
        try (Volume f = Peer.random(new Dims(37, 23, 11), DataType.F32, Spacing.UNIT, 5);
             Volume u16 = Peer.random(new Dims(50, 20, 16), DataType.U16, Spacing.UNIT, 6);
             Volume tiny = Peer.random(new Dims(6, 3, 2), DataType.U8, Spacing.UNIT, 7);
             Volume flat = Peer.random(new Dims(9, 7, 1), DataType.F32, Spacing.UNIT, 15)) {
            check(List.of(mean("one slice", flat, 1),mean("f32 r1", f, 1), mean("f32 r3", f, 3), mean("u16 r2", u16, 2), mean("window wider than the volume", tiny, 4)));
        }
    }

    @Test
    void medianEqualsScipyExactly() {
        Assumptions.assumeTrue(PythonPeer.available("numpy", "scipy"), PythonPeer.skipMessage("scipy"));
        try (Volume u8 = Peer.random(new Dims(37, 23, 11), DataType.U8, Spacing.UNIT, 8);
             Volume u16 = Peer.random(new Dims(29, 31, 10), DataType.U16, Spacing.UNIT, 9);
             Volume f = Peer.random(new Dims(21, 19, 12), DataType.F32, Spacing.UNIT, 10);
             Volume i32 = Peer.random(new Dims(17, 13, 9), DataType.I32, Spacing.UNIT, 11);
             Volume tiny = Peer.random(new Dims(7, 4, 3), DataType.U8, Spacing.UNIT, 12);
             Volume flat = Peer.random(new Dims(9, 7, 1), DataType.U16, Spacing.UNIT, 14)) {
            check(List.of(median("one slice r1", flat, 1), median("one slice r2", flat, 2),median("u8 r1", u8, 1), median("u8 r2", u8, 2), median("u16 r1", u16, 1), median("u16 r3", u16, 3),
                    median("f32 r1", f, 1), median("f32 r2", f, 2), median("i32 r1", i32, 1), median("i32 r2", i32, 2),
                    median("window wider than the volume", tiny, 2)));
        }
    }

    @Test
    void electrodeCropEqualsScipy() {
        Assumptions.assumeTrue(PythonPeer.available("numpy", "scipy"), PythonPeer.skipMessage("scipy"));
        Volume crop = Peer.electrodeCrop(tmp, 60, 90, 100, new Dims(64, 48, 40));
        Assumptions.assumeTrue(crop != null, "../shared/data/taufactor/electrode.tiff or tifffile not available: skipping");
        try (crop) {
            assertNotNull(crop);
            check(List.of(gauss("electrode gaussian 0.8 um", crop, new double[] {0.8}, 4.0), mean("electrode mean r2", crop, 2),
                    median("electrode median r1", crop, 1), median("electrode median r2", crop, 2)));
        }
    }
}
