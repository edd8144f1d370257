package org.tomolyte.analysis.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tomolyte.analysis.transport.ElectrodeData;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.testkit.Spheres;

/** Known answers of face counting and marching cubes, and TauFactor's electrode.tiff values. */
class SurfaceAreaTest {

    /** An a x b x c box of phase 1 inside phase 0, anisotropic voxels: faces give exactly 2(AB + BC + CA). */
    @Test
    void boxFacesAreExact() {
        Spacing s = new Spacing(0.5, 0.75, 2.0);
        try (Volume v = Volume.allocate(new Dims(12, 10, 9), DataType.U8, s)) {
            int a = 5;
            int b = 4;
            int c = 3;
            for (int z = 2; z < 2 + c; z++) {
                for (int y = 3; y < 3 + b; y++) {
                    for (int x = 4; x < 4 + a; x++) {
                        v.set(x, y, z, 7);
                    }
                }
            }
            SurfaceArea.Result r = SurfaceArea.measure(v, SurfaceArea.Method.FACES, Progress.NONE);
            double ax = a * s.x();
            double by = b * s.y();
            double cz = c * s.z();
            double expected = 2 * (ax * by + by * cz + cz * ax);
            assertEquals(2, r.phases().length);
            assertEquals(7, r.phases()[1]);
            assertEquals(expected, r.areaUm2()[1], 1e-12 * expected);
            assertEquals(expected, r.areaUm2()[0], 1e-12 * expected);
            assertEquals(expected, r.interfaceUm2()[0][1], 1e-12 * expected);
            assertEquals(a * b * c, r.voxels()[1]);
            // the box touching the volume boundary: boundary faces do not count
            try (Volume w = Volume.allocate(new Dims(4, 4, 4), DataType.U8, Spacing.UNIT)) {
                for (int z = 0; z < 2; z++) {
                    for (int y = 0; y < 4; y++) {
                        for (int x = 0; x < 4; x++) {
                            w.set(x, y, z, 1);
                        }
                    }
                }
                assertEquals(16, SurfaceArea.measure(w, SurfaceArea.Method.FACES, Progress.NONE).areaUm2()[1], 0);
            }
        }
    }

    /** Three phases: every interface counted once, each phase's area the sum of its interfaces. */
    @Test
    void interfacesAddUpToPhaseAreas() {
        try (Volume v = Volume.allocate(new Dims(9, 7, 5), DataType.I32, new Spacing(1, 2, 3))) {
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
            int[] vals = {-4, 10, 100000};
            for (long i = 0; i < v.voxels(); i++) {
                v.set(i, vals[rnd.nextInt(3)]);
            }
            SurfaceArea.Result r = SurfaceArea.measure(v, SurfaceArea.Method.FACES, Progress.NONE);
            double[][] f = r.interfaceUm2();
            for (int i = 0; i < 3; i++) {
                double sum = 0;
                for (int j = 0; j < 3; j++) {
                    sum += i == j ? 0 : f[i][j];
                }
                assertEquals(r.areaUm2()[i], sum, 1e-9);
            }
        }
    }

    /**
     * Marching cubes on a digitised sphere of radius 20 um (voxels 1 x 1 x 1.25 um): on a binary
     * mask every vertex sits at an edge midpoint, so the mesh follows the staircase and
     * overestimates a smooth surface by several per cent (Lindblad 2005, Image Vis. Comput.
     * 23:111, about +8 % for random plane orientations); measured +7.4 %, asserted within
     * [0, +10 %]. Face counting gives 3/2 of the true area on average (measured 1.499).
     */
    @Test
    void sphereMarchingCubesAreaApproachesFourPiRSquared() {
        double radius = 20;
        Spacing s = new Spacing(1, 1, 1.25);
        try (Spheres.Phantom p = Spheres.generate(new Dims(48, 48, 40), s, new double[] {radius}, 0, 11)) {
            SurfaceArea.Result mc = SurfaceArea.measure(p.labels(), SurfaceArea.Method.MARCHING_CUBES, Progress.NONE);
            SurfaceArea.Result faces = SurfaceArea.measure(p.labels(), SurfaceArea.Method.FACES, Progress.NONE);
            double exact = 4 * Math.PI * radius * radius;
            System.out.printf("sphere: mc %.2f faces %.2f exact %.2f%n", mc.areaUm2()[1], faces.areaUm2()[1], exact);
            assertEquals(1.05 * exact, mc.areaUm2()[1], 0.05 * exact);
            assertEquals(1.5 * exact, faces.areaUm2()[1], 0.05 * exact);
        }
    }

    /** TauFactor face_counting on electrode.tiff (MANIFEST, per voxel): 0.30683690, 0.14610451, 0.34222639, exactly. */
    @Test
    void electrodeFaceCountingMatchesTauFactor() {
        try (Volume labels = ElectrodeData.electrode()) {
            SurfaceArea.Result r = SurfaceArea.measure(labels, SurfaceArea.Method.FACES, Progress.NONE);
            double[] perVoxel = {0.30683690, 0.14610451, 0.34222639};
            double[] perMetre = {785502.47, 374027.56, 876099.55};
            double voxel = ElectrodeData.VOXEL_UM;
            for (int i = 0; i < 3; i++) {
                assertEquals(perVoxel[i], r.specificUm(i) * voxel, 5e-9, "phase " + r.phases()[i]);
                assertEquals(perMetre[i], r.specificUm(i) * 1e6, 0.006, "1/m, phase " + r.phases()[i]);
            }
            SurfaceArea.Result mc = SurfaceArea.measure(labels, SurfaceArea.Method.MARCHING_CUBES, Progress.NONE);
            // scikit-image 0.19 lewiner marching cubes, unpadded (= TauFactor marching_cubes, no smoothing): 0.22268,
            // 0.10418, 0.25400 per voxel. This mesher triangulates non-planar loops around their centroid (less area) and
            // builds no interior tunnels: measured -4.6 %, -2.0 %, -6.8 %; asserted within 8 % and below.
            double[] skimage = {0.22268128, 0.10418398, 0.25399911};
            for (int i = 0; i < 3; i++) {
                double v = mc.specificUm(i) * voxel;
                System.out.printf("electrode mc per voxel, phase %d: %.5f (scikit-image %.5f, %+.2f %%)%n", r.phases()[i], v, skimage[i],
                        100 * (v / skimage[i] - 1));
                assertEquals(skimage[i], v, 0.08 * skimage[i]);
                org.junit.jupiter.api.Assertions.assertTrue(v < skimage[i]);
            }
        }
    }
}
