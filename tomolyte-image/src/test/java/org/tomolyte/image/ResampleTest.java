package org.tomolyte.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.MemoryBudget;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.ParamBinder;
import org.tomolyte.image.resample.Resample;
import org.tomolyte.image.resample.Resample.Interpolation;
import org.tomolyte.image.resample.ResampleOp;
import org.tomolyte.image.resample.TiltCorrectOp;
import org.tomolyte.image.resample.TiltCorrection;
import org.tomolyte.testkit.PythonPeer;

/** volume.resample and volume.tilt_correct: known answers, scipy.ndimage.zoom as the peer, threads, memory. */
class ResampleTest {

    @TempDir
    Path tmp;

    @Test
    void linearReproducesARampAndClampsAtTheEdges() {
        // v = 3 x + 10 along x: trilinear interpolation of a linear function is exact inside, edge values outside
        try (Volume v = Volume.allocate(new Dims(10, 3, 2), DataType.F64, new Spacing(1.0, 0.5, 2.0))) {
            for (int z = 0; z < 2; z++) {
                for (int y = 0; y < 3; y++) {
                    for (int x = 0; x < 10; x++) {
                        v.set(x, y, z, 3 * x + 10);
                    }
                }
            }
            try (Volume r = Resample.toSpacing(v, new Spacing(0.4, 0.5, 2.0), Interpolation.LINEAR, Progress.NONE)) {
                assertEquals(new Dims(25, 3, 2), r.dims());
                assertEquals(new Spacing(0.4, 0.5, 2.0), r.spacing());
                for (int j = 0; j < 25; j++) {
                    double u = Math.max(0, Math.min(9, (j + 0.5) * 0.4 - 0.5));
                    assertEquals(3 * u + 10, r.get(j, 1, 1), 1e-12, "x " + j);
                }
            }
            // the output keeps the requested voxel size; the size is round(extent / voxel size): 10 um / 0.3 um = 33.3 -> 33
            try (Volume r = Resample.toSpacing(v, new Spacing(0.3, 0.5, 2.0), Interpolation.NEAREST, Progress.NONE)) {
                assertEquals(new Dims(33, 3, 2), r.dims());
                assertEquals(0.3, r.spacing().x());
                // output centre (j + 0.5) * 0.3 um lies in input voxel floor of that
                for (int j = 0; j < 33; j++) {
                    assertEquals(3 * Math.floor((j + 0.5) * 0.3) + 10, r.get(j, 0, 0), "x " + j);
                }
            }
        }
    }

    @Test
    void nearestKeepsLabelsAndLinearRoundsIntegers() {
        try (Volume v = Volume.allocate(new Dims(4, 1, 1), DataType.U8, Spacing.UNIT)) {
            for (int x = 0; x < 4; x++) {
                v.set(x, 0, 0, x);
            }
            // 0, 0.25, 0.75, 1.25, 1.75, 2.25, 2.75, 3 rounded half up (as scipy does for u8)
            try (Volume r = Resample.byScale(v, new double[] {2, 1, 1}, Interpolation.LINEAR, Progress.NONE)) {
                int[] expected = {0, 0, 1, 1, 2, 2, 3, 3};
                for (int j = 0; j < 8; j++) {
                    assertEquals(expected[j], r.getInt(j, 0, 0));
                }
            }
        }
        SplittableRandom rnd = new SplittableRandom(3);
        try (Volume labels = Volume.allocate(new Dims(17, 13, 9), DataType.I32, new Spacing(0.7, 0.7, 1.1))) {
            for (long i = 0; i < labels.voxels(); i++) {
                labels.set(i, rnd.nextInt(5) * 1_000_003);
            }
            try (Volume r = Resample.toSpacing(labels, Spacing.isotropic(0.33), Interpolation.NEAREST, Progress.NONE)) {
                assertEquals(DataType.I32, r.type());
                for (long i = 0; i < r.voxels(); i++) {
                    assertEquals(0, r.getInt(i) % 1_000_003, "only input labels appear");
                }
            }
        }
    }

    @Test
    void equalsScipyZoomWhereTheConventionsAgree() throws Exception {
        Assumptions.assumeTrue(PythonPeer.available("numpy", "scipy"), PythonPeer.skipMessage("scipy"));
        SplittableRandom rnd = new SplittableRandom(17);
        Dims d = new Dims(20, 16, 12);
        // n * scale is whole on every axis: scipy's grid and ours coincide
        double[][] scales = {{2, 0.5, 4}, {3, 1.5, 0.25}, {0.5, 2, 1}};
        for (DataType type : new DataType[] {DataType.F32, DataType.U8, DataType.U16}) {
            try (Volume v = Volume.allocate(d, type, new Spacing(0.5, 0.5, 1.5)); Volume wide = Volume.allocate(d, DataType.F64, v.spacing())) {
                for (long i = 0; i < v.voxels(); i++) {
                    v.set(i, type == DataType.F32 ? rnd.nextDouble() * 100 : type == DataType.U8 ? rnd.nextInt(256) : rnd.nextInt(60000));
                    wide.set(i, v.get(i));
                }
                Path f = tmp.resolve("v.f64");
                PythonPeer.writeF64(v, f);
                String dtype = switch (type) {
                    case U8 -> "uint8";
                    case U16 -> "uint16";
                    default -> "float32";
                };
                // one peer run per type: every scale with order 0 and 1, written to o<scale>_<order>.f64
                PythonPeer.run("""
                        import sys, numpy as np
                        from scipy import ndimage
                        a = np.fromfile(sys.argv[1], dtype='<f8').astype(sys.argv[2]).reshape(12, 16, 20)
                        for k, s in enumerate(sys.argv[4:]):
                            x, y, z = (float(v) for v in s.split(','))
                            for order in (0, 1):
                                out = ndimage.zoom(a, (z, y, x), order=order, mode='nearest', grid_mode=True)
                                out.astype('<f8').tofile('%s/o%d_%d.f64' % (sys.argv[3], k, order))
                        """, f.toString(), dtype, tmp.toString(), "2,0.5,4", "3,1.5,0.25", "0.5,2,1");
                for (int k = 0; k < scales.length; k++) {
                    double[] s = scales[k];
                    for (Interpolation interp : Interpolation.values()) {
                        double[] expected = PythonPeer.readF64(tmp.resolve("o" + k + "_" + (interp == Interpolation.NEAREST ? 0 : 1) + ".f64"));
                        try (Volume r = Resample.byScale(v, s, interp, Progress.NONE); Volume exact = Resample.byScale(wide, s, interp,
                                Progress.NONE)) {
                            assertEquals(expected.length, r.voxels());
                            String what = type.label() + " " + interp + " scale " + java.util.Arrays.toString(s);
                            for (long i = 0; i < r.voxels(); i++) {
                                double e = expected[(int) i];
                                double a = r.get(i);
                                if (interp == Interpolation.NEAREST) {
                                    assertEquals(e, a, what + " voxel " + i);
                                } else if (type == DataType.F32) {
                                    // same weights, different summation order, float32 output: a few float32 ulps
                                    assertEquals(e, a, 1e-5, what + " voxel " + i);
                                } else if (e != a) {
                                    // integer outputs round half up in both; they may differ only where the exact value is
                                    // a half and rounding noise of non-dyadic weights (1/3, 2/3) tips it the other way
                                    double unrounded = exact.get(i);
                                    assertEquals(e, a, 1, what + " voxel " + i);
                                    assertEquals(0.5, unrounded - Math.floor(unrounded), 1e-9, what + " voxel " + i + " is not a tie");
                                    assertTrue(s[0] != 2 && s[0] != 0.5, what + ": dyadic weights are exact, no voxel may differ");
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void sameForOneAndTwoThreadsAndHoldsOnlyTheOutput() {
        SplittableRandom rnd = new SplittableRandom(9);
        try (Volume v = Volume.allocate(new Dims(60, 50, 40), DataType.U16, new Spacing(0.3, 0.3, 0.9))) {
            for (long i = 0; i < v.voxels(); i++) {
                v.set(i, rnd.nextInt(65536));
            }
            try {
                Parallel.setThreads(1);
                Volume one = Resample.toSpacing(v, Spacing.isotropic(0.45), Interpolation.LINEAR, Progress.NONE);
                Parallel.setThreads(2);
                long before = MemoryBudget.liveBytes();
                MemoryBudget.resetPeak();
                Volume two = Resample.toSpacing(v, Spacing.isotropic(0.45), Interpolation.LINEAR, Progress.NONE);
                assertEquals(two.byteSize(), MemoryBudget.peakBytes() - before, "no volume-sized buffer besides the output");
                assertTrue(one.contentEquals(two));
                assertEquals(new Dims(40, 33, 80), one.dims());
                one.close();
                two.close();
            } finally {
                Parallel.setThreads(Runtime.getRuntime().availableProcessors());
            }
        }
    }

    @Test
    void opParametersAndPreflight() {
        ResampleOp op = new ResampleOp();
        assertEquals("give exactly one of spacing_um (target voxel size, um) and scale (factors), got both",
                assertThrows(ParameterException.class, () -> ParamBinder.bind(ResampleOp.Params.class,
                        Map.of("spacing_um", 1.0, "scale", 2.0))).getMessage());
        assertEquals("give exactly one of spacing_um (target voxel size, um) and scale (factors), got neither",
                assertThrows(ParameterException.class, () -> ParamBinder.bind(ResampleOp.Params.class, Map.of())).getMessage());
        assertThrows(ParameterException.class, () -> ParamBinder.bind(ResampleOp.Params.class, Map.of("scale", List.of(1.0, 2.0))));
        assertThrows(ParameterException.class, () -> ParamBinder.bind(ResampleOp.Params.class, Map.of("scale", -1.0)));
        ResampleOp.Params p = ParamBinder.bind(ResampleOp.Params.class, Map.of("spacing_um", List.of(1.0, 1.0, 0.5)));
        assertEquals(Interpolation.LINEAR, p.interpolation());
        DataSpec.VolumeSpec out = (DataSpec.VolumeSpec) op.preflight(p, Map.of("image",
                new DataSpec.VolumeSpec(new Dims(100, 50, 10), DataType.U8, new Spacing(0.5, 0.5, 1.0)))).get("image");
        assertEquals(new DataSpec.VolumeSpec(new Dims(50, 25, 20), DataType.U8, new Spacing(1.0, 1.0, 0.5)), out);
        try (Volume v = Volume.allocate(new Dims(100, 50, 10), DataType.U8, new Spacing(0.5, 0.5, 1.0))) {
            OpResult r = op.run(p, new OpInputs(Map.of("image", v)), OpContext.QUIET);
            try (Volume o = (Volume) r.outputs().get("image")) {
                assertEquals(out.dims(), o.dims());
                assertEquals(out.spacing(), o.spacing());
            }
        }
    }

    /** A sphere of radius 6 um imaged with FIB-SEM foreshortening: rows cover 0.5 / sin(52 deg) um of the face. */
    private static Volume squashedSphere(double angleDeg) {
        double s = 0.5;
        double sy = s / Math.sin(Math.toRadians(angleDeg));
        Dims d = new Dims(32, (int) Math.ceil(16 / sy), 32);
        Volume v = Volume.allocate(d, DataType.U8, Spacing.isotropic(s));
        for (int z = 0; z < d.nz(); z++) {
            for (int y = 0; y < d.ny(); y++) {
                for (int x = 0; x < d.nx(); x++) {
                    double px = (x + 0.5) * s - 8;
                    double py = (y + 0.5) * sy - 8;
                    double pz = (z + 0.5) * s - 8;
                    v.set(x, y, z, px * px + py * py + pz * pz <= 36 ? 200 : 20);
                }
            }
        }
        return v;
    }

    /** Voxel-counted extents (bounding box sizes in voxels) of the voxels above {@code t}. */
    private static int[] extents(Volume v, double t) {
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        Dims d = v.dims();
        for (int z = 0; z < d.nz(); z++) {
            for (int y = 0; y < d.ny(); y++) {
                for (int x = 0; x < d.nx(); x++) {
                    if (v.get(x, y, z) > t) {
                        int[] p = {x, y, z};
                        for (int a = 0; a < 3; a++) {
                            lo[a] = Math.min(lo[a], p[a]);
                            hi[a] = Math.max(hi[a], p[a]);
                        }
                    }
                }
            }
        }
        return new int[] {hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1};
    }

    @Test
    void tiltCorrectionMakesASquashedSphereRoundAgain() {
        try (Volume v = squashedSphere(52)) {
            int[] raw = extents(v, 110);
            assertTrue(raw[0] - raw[1] > 3, "the raw sphere is squashed in y: " + java.util.Arrays.toString(raw));
            TiltCorrectOp op = new TiltCorrectOp();
            // default: same voxels, y voxel size / sin(52 deg); extents in um agree within one (y) voxel
            TiltCorrectOp.Params meta = ParamBinder.bind(TiltCorrectOp.Params.class, Map.of());
            assertEquals(52, meta.angleDeg());
            OpResult r = op.run(meta, new OpInputs(Map.of("image", v)), OpContext.QUIET);
            try (Volume o = (Volume) r.outputs().get("image")) {
                assertTrue(o.contentEquals(v));
                assertEquals(0.5 / Math.sin(Math.toRadians(52)), o.spacing().y(), 1e-15);
                assertEquals(0.5, o.spacing().x());
                int[] e = extents(o, 110);
                assertEquals(e[0] * o.spacing().x(), e[1] * o.spacing().y(), o.spacing().y(), "x and y extents in um");
                assertEquals(e[2] * o.spacing().z(), e[1] * o.spacing().y(), o.spacing().y(), "z and y extents in um");
            }
            assertEquals(1 / Math.sin(Math.toRadians(52)), (Double) r.metrics().toMap().get("y_stretch"), 1e-15);
            // resampled: square pixels again, voxel-counted extents agree within one voxel
            for (String interp : new String[] {"linear", "nearest"}) {
                TiltCorrectOp.Params res = ParamBinder.bind(TiltCorrectOp.Params.class, Map.of("resample", true, "interpolation", interp));
                DataSpec.VolumeSpec spec = (DataSpec.VolumeSpec) op.preflight(res, Map.of("image",
                        new DataSpec.VolumeSpec(v.dims(), v.type(), v.spacing()))).get("image");
                try (Volume o = (Volume) op.run(res, new OpInputs(Map.of("image", v)), OpContext.QUIET).outputs().get("image")) {
                    assertEquals(spec.dims(), o.dims());
                    assertEquals(Math.round(v.dims().ny() / Math.sin(Math.toRadians(52))), o.dims().ny());
                    assertEquals(v.spacing(), o.spacing());
                    int[] e = extents(o, 110);
                    assertEquals(e[0], e[1], 1, interp + " x and y extents in voxels " + java.util.Arrays.toString(e));
                    assertEquals(e[2], e[1], 1, interp + " z and y extents in voxels " + java.util.Arrays.toString(e));
                    assertEquals(24, e[0], 1, "diameter 12 um = 24 voxels");
                }
            }
        }
        assertThrows(ParameterException.class, () -> ParamBinder.bind(TiltCorrectOp.Params.class, Map.of("angle_deg", 0)));
        assertThrows(ParameterException.class, () -> ParamBinder.bind(TiltCorrectOp.Params.class, Map.of("angle_deg", 95)));
        assertEquals(2, TiltCorrection.spacing(Spacing.UNIT, 30).y(), 1e-12);
    }
}
