package org.tomolyte.analysis.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
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
            Volume moving = t.render(new Textured.Uniform(vox[0] * ANISO.x(), vox[1] * ANISO.y(), vox[2] * ANISO.z()), 2 + trial);
            PhaseCorrelation.Shift s = PhaseCorrelation.estimate(fixed, moving, 20, Double.NaN, PhaseCorrelation.Window.HANN);
            System.out.printf("truth %.3f %.3f %.3f got %.3f %.3f %.3f peak %.3f%n", vox[0], vox[1], vox[2], s.x(), s.y(), s.z(), s.peakCorrelation());
            worst = Math.max(worst, Math.max(Math.abs(s.x() - vox[0]), Math.max(Math.abs(s.y() - vox[1]), Math.abs(s.z() - vox[2]))));
            assertEquals(vox[0] * ANISO.x(), s.xUm(ANISO), 0.1 * ANISO.x());
            assertEquals(vox[1] * ANISO.y(), s.yUm(ANISO), 0.1 * ANISO.y());
            assertEquals(vox[2] * ANISO.z(), s.zUm(ANISO), 0.1 * ANISO.z());
        }
        System.out.println("worst error, voxel: " + worst);
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
}
