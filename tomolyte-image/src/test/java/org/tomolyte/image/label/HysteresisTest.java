package org.tomolyte.image.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.ParamBinder;
import org.tomolyte.image.threshold.Hysteresis;
import org.tomolyte.image.threshold.HysteresisThresholdOp;
import org.tomolyte.testkit.PythonPeer;

class HysteresisTest {

    @TempDir
    Path tmp;

    /** scikit-image's docstring example, along x: [1 2 3 2 1 2 1 3 2], low 1.5, high 2.5 -> [0 1 1 1 0 0 0 1 1]. */
    @Test
    void docstringExample() {
        try (Volume v = Volume.allocate(new Dims(9, 1, 1), DataType.U8, Spacing.UNIT)) {
            v.write(0, new int[] {1, 2, 3, 2, 1, 2, 1, 3, 2}, 0, 9);
            try (Volume m = Hysteresis.apply(v, 1.5, 2.5, Connectivity.SIX, Progress.NONE)) {
                assertArrayEquals(new int[] {0, 1, 1, 1, 0, 0, 0, 1, 1}, LabelTestSupport.ints(m));
            }
            // strict comparisons: low = 2 excludes the 2s, high = 3 selects nothing (no value > 3)
            try (Volume m = Hysteresis.apply(v, 2, 2.5, Connectivity.SIX, Progress.NONE)) {
                assertArrayEquals(new int[] {0, 0, 1, 0, 0, 0, 0, 1, 0}, LabelTestSupport.ints(m));
            }
            try (Volume m = Hysteresis.apply(v, 1.5, 3, Connectivity.SIX, Progress.NONE)) {
                assertArrayEquals(new int[9], LabelTestSupport.ints(m));
            }
        }
    }

    @Test
    void equalsApplyHysteresisThresholdOnNoise() {
        Assumptions.assumeTrue(PythonPeer.available("numpy", "skimage"), PythonPeer.skipMessage("scikit-image"));
        Dims d = new Dims(40, 36, 30);
        for (DataType t : new DataType[] {DataType.U16, DataType.F32}) {
            SplittableRandom r = new SplittableRandom(t.ordinal());
            try (Volume v = Volume.allocate(d, t, Spacing.UNIT)) {
                for (long i = 0; i < v.voxels(); i++) {
                    v.set(i, t == DataType.F32 ? r.nextDouble() : r.nextInt(1000));
                }
                double low = t == DataType.F32 ? 0.55 : 550;
                double high = t == DataType.F32 ? 0.93 : 930;
                Path in = LabelTestSupport.toPeer(v, tmp, "grey.f64");
                Path out = tmp.resolve("hyst.f64");
                PythonPeer.run("""
                        import sys, numpy as np
                        from skimage.filters import apply_hysteresis_threshold
                        nz, ny, nx = map(int, sys.argv[1:4])
                        a = np.fromfile(sys.argv[4], '<f8').reshape(nz, ny, nx).astype(sys.argv[5])
                        apply_hysteresis_threshold(a, float(sys.argv[6]), float(sys.argv[7])).astype('<f8').tofile(sys.argv[8])
                        """, "" + d.nz(), "" + d.ny(), "" + d.nx(), in.toString(), t == DataType.F32 ? "float32" : "uint16",
                        "" + low, "" + high, out.toString());
                try (Volume m = Hysteresis.apply(v, low, high, Connectivity.SIX, Progress.NONE)) {
                    assertArrayEquals(LabelTestSupport.fromPeer(out), LabelTestSupport.ints(m), t.label());
                }
            }
        }
    }

    @Test
    void opValidatesAndCounts() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> ParamBinder.bind(HysteresisThresholdOp.Params.class, Map.of("low", 5, "high", 2)));
        assertEquals("low must be <= high (2), got 5", e.getMessage());
        var p = ParamBinder.bind(HysteresisThresholdOp.Params.class, Map.of("low", 1.5, "high", 2.5));
        assertEquals(6, p.connectivity());
        try (Volume v = Volume.allocate(new Dims(9, 1, 1), DataType.U8, Spacing.UNIT)) {
            v.write(0, new int[] {1, 2, 3, 2, 1, 2, 1, 3, 2}, 0, 9);
            OpResult r = new HysteresisThresholdOp().run(p, new OpInputs(Map.of("image", v)), OpContext.QUIET);
            assertEquals(5L, r.metrics().toMap().get("selected_voxels"));
            assertEquals(2L, r.metrics().toMap().get("components"));
            ((Volume) r.outputs().get("mask")).close();
        }
    }

    @Test
    void sameMaskForOneAndTwoThreads() {
        SplittableRandom r = new SplittableRandom(4);
        try (Volume v = Volume.allocate(new Dims(70, 60, 90), DataType.U8, Spacing.UNIT)) {
            for (long i = 0; i < v.voxels(); i++) {
                v.set(i, r.nextInt(256));
            }
            int[] one = LabelTestSupport.withThreads(1, () -> {
                try (Volume m = Hysteresis.apply(v, 120, 250, Connectivity.TWENTY_SIX, Progress.NONE)) {
                    return LabelTestSupport.ints(m);
                }
            });
            int[] two = LabelTestSupport.withThreads(2, () -> {
                try (Volume m = Hysteresis.apply(v, 120, 250, Connectivity.TWENTY_SIX, Progress.NONE)) {
                    return LabelTestSupport.ints(m);
                }
            });
            assertArrayEquals(one, two);
        }
    }
}
