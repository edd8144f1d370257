package org.tomolyte.analysis.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.testkit.Textured;

/** DVC on the analytic textured phantom: uniform shift, linear strain, signs. */
class DvcTest {

    private static final Dims DIMS = new Dims(48, 44, 40);
    private static final Spacing ANISO = new Spacing(0.5, 0.6, 0.8);

    /** Largest error of the valid vectors against the truth, in voxels of each axis; fails if any vector is invalid. */
    private static double worstError(Dvc.Field f, Textured.Displacement truth, Spacing s) {
        double worst = 0;
        double sum = 0;
        for (Dvc.Vector v : f.vectors()) {
            assertTrue(v.valid(), "vector at " + v.xUm() + ", " + v.yUm() + ", " + v.zUm() + " not valid, correlation " + v.correlation());
            double[] u = truth.atReference(v.xUm(), v.yUm(), v.zUm());
            double ex = Math.abs(v.uUm() - u[0]) / s.x();
            double ey = Math.abs(v.vUm() - u[1]) / s.y();
            double ez = Math.abs(v.wUm() - u[2]) / s.z();
            worst = Math.max(worst, Math.max(ex, Math.max(ey, ez)));
            sum += ex + ey + ez;
        }
        System.out.printf("vectors %d, worst %.4f voxel, mean %.4f voxel%n", f.vectors().size(), worst, sum / (3 * f.vectors().size()));
        return worst;
    }

    @Test
    void uniformSubVoxelShiftWithAnisotropicVoxelsAndNoise() {
        Textured t = Textured.of(Textured.config(DIMS, ANISO, 6).withNoise(20), 17);
        Textured.Uniform u = new Textured.Uniform(1.37 * ANISO.x(), -0.62 * ANISO.y(), 2.21 * ANISO.z());
        try (Volume ref = t.render(null, 1); Volume def = t.render(u, 2)) {
            Dvc.Field f = Dvc.compute(ref, def, new Dvc.Settings(8, 6, 3, 0.5), Progress.NONE);
            assertTrue(worstError(f, u, ANISO) < 0.2);
        }
    }

    @Test
    void linearStrainField() {
        Spacing s = Spacing.isotropic(1);
        Textured t = Textured.of(Textured.config(DIMS, s, 6), 23);
        // 1% stretch along x, -0.5% along z, small shear, plus an offset: up to about 0.5 voxel over the volume
        Textured.Linear u = new Textured.Linear(new double[] {24, 22, 20}, new double[] {0.3, -0.2, 0.6},
                new double[] {0.01, 0.004, 0, 0.004, 0, 0, 0, 0, -0.005});
        try (Volume ref = t.render(null, 1); Volume def = t.render(u, 2)) {
            Dvc.Field f = Dvc.compute(ref, def, new Dvc.Settings(13, 8, 3, 0.5), Progress.NONE);
            assertTrue(worstError(f, u, s) < 0.2);
        }
    }

    @Test
    void contentMovingTowardsPlusXGivesPositiveU() {
        Spacing s = Spacing.isotropic(1);
        Textured t = Textured.of(Textured.config(DIMS, s, 6), 5);
        try (Volume ref = t.render(null, 1); Volume def = t.render(new Textured.Uniform(1.5, 0, 0), 1)) {
            Dvc.Field f = Dvc.compute(ref, def, new Dvc.Settings(11, 12, 3, 0.5), Progress.NONE);
            for (Dvc.Vector v : f.vectors()) {
                assertEquals(1.5, v.uUm(), 0.1);
                assertEquals(0, v.vUm(), 0.1);
                assertEquals(0, v.wUm(), 0.1);
            }
        }
    }
}
