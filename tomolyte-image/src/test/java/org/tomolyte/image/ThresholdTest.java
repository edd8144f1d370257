package org.tomolyte.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.ParamBinder;
import org.tomolyte.image.histogram.Histogram;
import org.tomolyte.image.threshold.GlobalThresholdOp;
import org.tomolyte.image.threshold.Select;
import org.tomolyte.image.threshold.Thresholds;
import org.tomolyte.testkit.PythonPeer;

class ThresholdTest {

    @TempDir
    Path tmp;

    /** Two grey values a < b: every threshold in [a, b) separates them; Otsu's is the lower class's bin, a. */
    @Test
    void otsuSeparatesATwoValuedImageExactly() {
        try (Volume v = Volume.allocate(new Dims(10, 10, 10), DataType.U8, Spacing.UNIT)) {
            for (long i = 0; i < v.voxels(); i++) {
                v.set(i, i % 4 == 0 ? 200 : 10);
            }
            double t = Thresholds.otsu(v, 256);
            assertEquals(10, t);
            try (Volume m = Thresholds.apply(v, t, Select.ABOVE, org.tomolyte.core.Progress.NONE)) {
                long ones = 0;
                for (long i = 0; i < m.voxels(); i++) {
                    ones += m.getInt(i);
                }
                assertEquals(250, ones, "exactly the 200-valued quarter is above the threshold");
            }
        }
    }

    @Test
    void otsuEqualsScikitImageOnBimodalNoise() throws Exception {
        Assumptions.assumeTrue(PythonPeer.available("numpy", "skimage"), PythonPeer.skipMessage("scikit-image"));
        for (DataType t : new DataType[] {DataType.U8, DataType.U16, DataType.F32}) {
            Dims d = new Dims(40, 30, 20);
            SplittableRandom r = new SplittableRandom(7 + t.ordinal());
            double scale = t == DataType.U16 ? 200 : 1;
            try (Volume v = Volume.allocate(d, t, Spacing.UNIT)) {
                ByteBuffer buf = ByteBuffer.allocate((int) (v.voxels() * 8)).order(ByteOrder.LITTLE_ENDIAN);
                for (long i = 0; i < v.voxels(); i++) {
                    double mean = r.nextDouble() < 0.35 ? 60 : 170;
                    double x = (mean + 18 * gauss(r)) * scale;
                    v.set(i, t.isInteger() ? Math.max(0, x) : x);
                    buf.putDouble(v.get(i));
                }
                Path f = tmp.resolve("v.f64");
                Files.write(f, buf.array());
                String dtype = switch (t) {
                    case U8 -> "uint8";
                    case U16 -> "uint16";
                    default -> "float32";
                };
                String out = PythonPeer.run("""
                        import sys, numpy as np
                        from skimage.filters import threshold_otsu
                        a = np.fromfile(sys.argv[1], dtype='<f8').astype(sys.argv[2])
                        print(repr(float(threshold_otsu(a))))
                        """, f.toString(), dtype);
                double expected = Double.parseDouble(out.trim());
                double actual = Thresholds.otsu(v, 256);
                // identical histogram and arithmetic: equal up to the last bits of the float bin centres
                assertEquals(expected, actual, Math.abs(expected) * 1e-12, t.label());
            }
        }
    }

    @Test
    void floatHistogramBinsEqualNumpys() throws Exception {
        Assumptions.assumeTrue(PythonPeer.available("numpy"), PythonPeer.skipMessage("numpy"));
        SplittableRandom r = new SplittableRandom(3);
        try (Volume v = Volume.allocate(new Dims(50, 40, 10), DataType.F32, Spacing.UNIT)) {
            ByteBuffer buf = ByteBuffer.allocate((int) (v.voxels() * 4)).order(ByteOrder.LITTLE_ENDIAN);
            for (long i = 0; i < v.voxels(); i++) {
                // values on the bin edges too, the hard case for binning
                float x = (float) (i % 97 == 0 ? Math.round(r.nextDouble() * 64) / 64.0 : r.nextDouble());
                v.set(i, x);
                buf.putFloat(x);
            }
            Path f = tmp.resolve("v.f32");
            Files.write(f, buf.array());
            String out = PythonPeer.run("""
                    import sys, numpy as np
                    a = np.fromfile(sys.argv[1], dtype='<f4')
                    h, e = np.histogram(a, bins=64, range=(float(a.min()), float(a.max())))
                    print(' '.join(str(int(c)) for c in h))
                    """, f.toString());
            Histogram h = Histogram.of(v, 64);
            String[] expected = out.trim().split(" ");
            for (int i = 0; i < 64; i++) {
                assertEquals(Long.parseLong(expected[i]), h.counts()[i], "bin " + i);
            }
        }
    }

    @Test
    void opGivesTheSameMaskForOneAndTwoThreadsAndReportsTheThreshold() {
        SplittableRandom r = new SplittableRandom(11);
        try (Volume v = Volume.allocate(new Dims(64, 64, 64), DataType.U16, Spacing.isotropic(0.7))) {
            for (long i = 0; i < v.voxels(); i++) {
                v.set(i, (r.nextDouble() < 0.2 ? 9000 : 30000) + 2000 * gauss(r));
            }
            GlobalThresholdOp op = new GlobalThresholdOp();
            GlobalThresholdOp.Params p = ParamBinder.bind(GlobalThresholdOp.Params.class, Map.of("method", "otsu", "select", "below"));
            Parallel.setThreads(1);
            OpResult one = op.run(p, new OpInputs(Map.of("image", v)), OpContext.QUIET);
            Parallel.setThreads(2);
            OpResult two = op.run(p, new OpInputs(Map.of("image", v)), OpContext.QUIET);
            Volume a = (Volume) one.outputs().get("mask");
            Volume b = (Volume) two.outputs().get("mask");
            assertTrue(a.contentEquals(b));
            assertEquals(one.metrics().toMap(), two.metrics().toMap());
            double t = ((Number) one.metrics().toMap().get("threshold")).doubleValue();
            assertTrue(t > 12000 && t < 27000, "threshold between the modes, got " + t);
            assertEquals(v.spacing(), a.spacing());
            a.close();
            b.close();
        } finally {
            Parallel.setThreads(Runtime.getRuntime().availableProcessors());
        }
    }

    @Test
    void parametersAreValidatedWithClearMessages() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> ParamBinder.bind(GlobalThresholdOp.Params.class, Map.of("method", "manual")));
        assertEquals("value must be a finite grey value for method manual, got null", e.getMessage());
        e = assertThrows(ParameterException.class,
                () -> ParamBinder.bind(GlobalThresholdOp.Params.class, Map.of("method", "otsu", "select", "middle")));
        assertEquals("select must be one of above|below, got 'middle'", e.getMessage());
    }

    static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
