package org.tomolyte.analysis.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.testkit.PythonPeer;
import org.tomolyte.testkit.Textured;

/** Phase correlation on the analytic textured phantom: known sub-voxel shifts, signs, errors. */
class PhaseCorrelationTest {

    private static final Dims DIMS = new Dims(48, 40, 36);
    private static final Spacing ANISO = new Spacing(0.5, 0.6, 0.8);

    private static Textured texture(Spacing s, double noise) {
        return Textured.of(Textured.config(DIMS, s, 8).withNoise(noise), 42);
    }

    @Test
    void recoversRandomSubVoxelShiftsWithAnisotropicVoxelsAndNoise() {
        Textured t = texture(ANISO, 40); // noise sigma 40 against a texture of amplitude 200 per blob
        SplittableRandom r = new SplittableRandom(9);
        Volume fixed = t.render(null, 1);
        double worst = 0;
        for (int trial = 0; trial < 4; trial++) {
            double[] vox = {r.nextDouble() * 8 - 4, r.nextDouble() * 8 - 4, r.nextDouble() * 8 - 4};
            PhaseCorrelation.Shift s;
            try (Volume moving = t.render(new Textured.Uniform(vox[0] * ANISO.x(), vox[1] * ANISO.y(), vox[2] * ANISO.z()), 2 + trial)) {
                s = PhaseCorrelation.estimate(fixed, moving, 20, Double.NaN, PhaseCorrelation.Window.HANN);
            }
            worst = Math.max(worst, Math.max(Math.abs(s.x() - vox[0]), Math.max(Math.abs(s.y() - vox[1]), Math.abs(s.z() - vox[2]))));
            assertEquals(vox[0] * ANISO.x(), s.xUm(ANISO), 0.1 * ANISO.x());
            assertEquals(vox[1] * ANISO.y(), s.yUm(ANISO), 0.1 * ANISO.y());
            assertEquals(vox[2] * ANISO.z(), s.zUm(ANISO), 0.1 * ANISO.z());
        }
        fixed.close();
        System.out.println("register.translation, 4 random shifts with noise: worst error " + worst + " voxel");
    }

    /**
     * Phase-only weighting whitens the spectrum, so it needs content up to high frequencies: a
     * noise-free texture of blobs 1.5-2.5 voxels wide. (On smoother or noisy images the whitened
     * high frequencies hold only noise and rounding; that is why cross-correlation is the default.)
     */
    @Test
    void phaseNormalisationOnCleanSharpTexture() {
        Textured t = texture(Spacing.isotropic(1), 0);
        Volume fixed = t.render(null, 1);
        double[] truth = {1.3, -2.45, 0.7};
        Volume moving = t.render(new Textured.Uniform(truth[0], truth[1], truth[2]), 2);
        PhaseCorrelation.Shift s = PhaseCorrelation.estimate(fixed, moving, 20, Double.NaN, PhaseCorrelation.Window.HANN,
                PhaseCorrelation.Normalization.PHASE);
        assertEquals(truth[0], s.x(), 0.1);
        assertEquals(truth[1], s.y(), 0.1);
        assertEquals(truth[2], s.z(), 0.1);
    }

    @Test
    void contentMovingTowardsPlusXGivesPositiveShift() {
        Textured t = texture(Spacing.isotropic(1), 0);
        Volume fixed = t.render(null, 1);
        Volume moving = t.render(new Textured.Uniform(2.5, 0, 0), 1);
        PhaseCorrelation.Shift s = PhaseCorrelation.estimate(fixed, moving, 20, Double.NaN, PhaseCorrelation.Window.HANN);
        assertTrue(s.x() > 2.4 && s.x() < 2.6, "shift x " + s.x());
        assertEquals(0, s.y(), 0.05);
        assertEquals(0, s.z(), 0.05);
        // the content seen at x in fixed is seen at x + 2.5 in moving
        assertTrue(s.peakCorrelation() > 0.3, "peak " + s.peakCorrelation());
    }

    @Test
    void alignedMatchesFixedAndIntegerShiftsAreExact() {
        Textured t = texture(Spacing.isotropic(1), 0);
        try (Volume fixed = t.render(null, 1); Volume moving = t.render(new Textured.Uniform(3, -2, 1), 1)) {
            PhaseCorrelation.Shift s = PhaseCorrelation.estimate(fixed, moving, 20, Double.NaN, PhaseCorrelation.Window.HANN);
            assertEquals(3, s.x(), 0.05);
            PhaseCorrelation.Shift exact = new PhaseCorrelation.Shift(3, -2, 1, s.peakCorrelation());
            try (Volume aligned = PhaseCorrelation.shiftBack(moving, exact)) {
                assertEquals(moving.type(), aligned.type());
                // aligned(p) = moving(p + s) = fixed(p) wherever p + s is inside; 0 elsewhere
                for (int z = 0; z < DIMS.nz(); z++) {
                    for (int y = 0; y < DIMS.ny(); y++) {
                        for (int x = 0; x < DIMS.nx(); x++) {
                            boolean inside = x + 3 < DIMS.nx() && y - 2 >= 0 && z + 1 < DIMS.nz();
                            assertEquals(inside ? fixed.get(x, y, z) : 0, aligned.get(x, y, z), 0.0, "voxel " + x + "," + y + "," + z);
                        }
                    }
                }
            }
            // the estimated sub-voxel shift re-aligns to within interpolation error in the interior
            try (Volume aligned = PhaseCorrelation.shiftBack(moving, s)) {
                double err = 0;
                double var = 0;
                for (int z = 4; z < DIMS.nz() - 4; z++) {
                    for (int y = 4; y < DIMS.ny() - 4; y++) {
                        for (int x = 4; x < DIMS.nx() - 4; x++) {
                            double e = aligned.get(x, y, z) - fixed.get(x, y, z);
                            double f = fixed.get(x, y, z) - 1000;
                            err += e * e;
                            var += f * f;
                        }
                    }
                }
                assertTrue(err < 0.01 * var, "residual energy " + err / var + " of the texture's");
            }
        }
    }

    @Test
    void maxShiftLimitsTheSearch() {
        Textured t = texture(Spacing.isotropic(1), 0);
        try (Volume fixed = t.render(null, 1); Volume moving = t.render(new Textured.Uniform(6, 0, 0), 1)) {
            PhaseCorrelation.Shift free = PhaseCorrelation.estimate(fixed, moving, 10, Double.NaN, PhaseCorrelation.Window.HANN);
            assertEquals(6, free.x(), 0.1);
            PhaseCorrelation.Shift limited = PhaseCorrelation.estimate(fixed, moving, 10, 3.0, PhaseCorrelation.Window.HANN);
            assertTrue(Math.abs(limited.x()) <= 3.75, "limited search found " + limited.x());
        }
    }

    @Test
    void oneAndTwoThreadsGiveIdenticalResults() {
        Textured t = texture(ANISO, 30);
        int before = Parallel.threads();
        try (Volume fixed = t.render(null, 1); Volume moving = t.render(new Textured.Uniform(0.7, -0.4, 1.1), 2)) {
            Parallel.setThreads(1);
            PhaseCorrelation.Shift one = PhaseCorrelation.estimate(fixed, moving, 20, Double.NaN, PhaseCorrelation.Window.HANN);
            Volume a1 = PhaseCorrelation.shiftBack(moving, one);
            Parallel.setThreads(2);
            PhaseCorrelation.Shift two = PhaseCorrelation.estimate(fixed, moving, 20, Double.NaN, PhaseCorrelation.Window.HANN);
            Volume a2 = PhaseCorrelation.shiftBack(moving, two);
            assertEquals(one, two);
            assertTrue(a1.contentEquals(a2));
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void sizeOrVoxelMismatchIsAnInputErrorNamingTheInput() {
        try (Volume a = Volume.allocate(new Dims(8, 8, 8), DataType.F32, Spacing.isotropic(1));
             Volume b = Volume.allocate(new Dims(8, 8, 9), DataType.F32, Spacing.isotropic(1));
             Volume c = Volume.allocate(new Dims(8, 8, 8), DataType.F32, Spacing.isotropic(2))) {
            InputException e = assertThrows(InputException.class,
                    () -> PhaseCorrelation.estimate(a, b, 20, Double.NaN, PhaseCorrelation.Window.HANN));
            assertTrue(e.getMessage().startsWith("moving is "), e.getMessage());
            InputException f = assertThrows(InputException.class,
                    () -> PhaseCorrelation.estimate(a, c, 20, Double.NaN, PhaseCorrelation.Window.HANN));
            assertTrue(f.getMessage().startsWith("moving has voxel size"), f.getMessage());
        }
    }

    /**
     * The same algorithm as scikit-image 0.19's {@code phase_cross_correlation(upsample_factor=20,
     * normalization='phase')}, which uses no window: with {@code window: none, normalization: phase}
     * both evaluate the same upsampled DFT, so they agree within the grid pitch of 1/20 voxel (ours
     * adds a sub-grid parabola). scikit-image returns the shift that registers moving onto
     * reference, the negative of ours. Without a window both are pulled far towards zero by the
     * volume edges (measured: about (0.15, 0.05, 0.1) for a true (1.62, -0.85, 2.3)), which is
     * why {@code hann} is the default; the agreement checks the transform, the spectrum and the
     * upsampled DFT, and the test above checks the answer.
     */
    @Test
    void matchesScikitImagePhaseCrossCorrelation(@TempDir Path dir) {
        Assumptions.assumeTrue(PythonPeer.available("numpy", "skimage"), PythonPeer.skipMessage("numpy and scikit-image"));
        Textured t = texture(Spacing.isotropic(1), 0);
        try (Volume fixed = t.render(null, 1); Volume moving = t.render(new Textured.Uniform(1.62, -0.85, 2.3), 1)) {
            Path f = dir.resolve("fixed.f64");
            Path m = dir.resolve("moving.f64");
            PythonPeer.writeF64(fixed, f);
            PythonPeer.writeF64(moving, m);
            String out = PythonPeer.run("""
                    import sys, numpy as np
                    from skimage.registration import phase_cross_correlation
                    shape = (int(sys.argv[5]), int(sys.argv[4]), int(sys.argv[3]))
                    a = np.fromfile(sys.argv[1], '<f8').reshape(shape)
                    b = np.fromfile(sys.argv[2], '<f8').reshape(shape)
                    s = phase_cross_correlation(a, b, upsample_factor=20, normalization='phase', return_error=False)
                    print(-s[2], -s[1], -s[0])
                    """, f.toString(), m.toString(), "" + DIMS.nx(), "" + DIMS.ny(), "" + DIMS.nz());
            String[] v = out.trim().split("\\s+");
            PhaseCorrelation.Shift s = PhaseCorrelation.estimate(fixed, moving, 20, Double.NaN, PhaseCorrelation.Window.NONE,
                    PhaseCorrelation.Normalization.PHASE);
            assertTrue(Math.abs(s.x() - 1.62) > 0.5, "edge effect expected without a window, got " + s);
            assertEquals(Double.parseDouble(v[0]), s.x(), 0.05);
            assertEquals(Double.parseDouble(v[1]), s.y(), 0.05);
            assertEquals(Double.parseDouble(v[2]), s.z(), 0.05);
        }
    }
}
