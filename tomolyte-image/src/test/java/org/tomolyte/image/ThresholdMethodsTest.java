package org.tomolyte.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.ParamBinder;
import org.tomolyte.image.histogram.Histogram;
import org.tomolyte.image.threshold.GlobalThresholdOp;
import org.tomolyte.image.threshold.LiThreshold;
import org.tomolyte.image.threshold.MultiOtsu;
import org.tomolyte.image.threshold.Thresholds;
import org.tomolyte.testkit.PythonPeer;

/** Multi-Otsu, Li and triangle thresholds: known answers and scikit-image 0.19 as the peer. */
class ThresholdMethodsTest {

    @TempDir
    Path tmp;

    /**
     * Prints every threshold scikit-image computes for each (file, dtype, classes) triple of the
     * arguments, one line per threshold kind prefixed with the case number.
     */
    private static final String PEER = """
            import sys, numpy as np
            from skimage.filters import threshold_otsu, threshold_multiotsu, threshold_li, threshold_triangle
            args = sys.argv[1:]
            for k in range(len(args) // 3):
                f, dtype, classes = args[3 * k:3 * k + 3]
                a = np.fromfile(f, dtype='<f8').astype(dtype)
                print(k, 'otsu', repr(float(threshold_otsu(a))))
                print(k, 'li', repr(float(threshold_li(a))))
                print(k, 'triangle', repr(float(threshold_triangle(a))))
                for c in [int(c) for c in classes.split(',') if c != '-']:
                    print(k, 'multi%d' % c, ' '.join(repr(float(t)) for t in threshold_multiotsu(a, classes=c)))
            """;

    /** A volume and the multi-Otsu class counts to compare ("-" for none). */
    private record Case(Volume volume, String classes) {
    }

    @Test
    void multiOtsuOnAThreeLevelImageSeparatesTheLevels() {
        // exactly three grey values: the thresholds are the two lower values and labels are 0, 1, 2
        try (Volume v = Volume.allocate(new Dims(12, 10, 8), DataType.U8, Spacing.UNIT)) {
            int[] levels = {20, 100, 220};
            for (long i = 0; i < v.voxels(); i++) {
                v.set(i, levels[(int) (i % 3)]);
            }
            double[] t = MultiOtsu.thresholds(Histogram.of(v, 256), 3);
            assertArrayEquals(new double[] {20, 100}, t);
            try (Volume labels = Thresholds.classify(v, t, Progress.NONE)) {
                for (long i = 0; i < v.voxels(); i++) {
                    assertEquals(i % 3, labels.getInt(i));
                }
            }
        }
        // three noisy levels 40, 120, 200 (+-15): both thresholds fall between the clusters and the labels are the levels
        SplittableRandom r = new SplittableRandom(5);
        try (Volume v = Volume.allocate(new Dims(30, 20, 10), DataType.U8, Spacing.UNIT)) {
            int[] truth = new int[(int) v.voxels()];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = r.nextInt(3);
                v.set(i, 40 + 80 * truth[i] + r.nextInt(-15, 16));
            }
            double[] t = MultiOtsu.thresholds(Histogram.of(v, 256), 3);
            assertTrue(t[0] >= 55 && t[0] < 105, "t1 between the first two levels, got " + t[0]);
            assertTrue(t[1] >= 135 && t[1] < 185, "t2 between the last two levels, got " + t[1]);
            try (Volume labels = Thresholds.classify(v, t, Progress.NONE)) {
                for (int i = 0; i < truth.length; i++) {
                    assertEquals(truth[i], labels.getInt(i));
                }
            }
        }
    }

    @Test
    void liAndTriangleKnownAnswers() {
        try (Volume v = Volume.allocate(new Dims(10, 10, 10), DataType.U8, Spacing.UNIT)) {
            // two values: Li's fixed point lies strictly between them, the triangle threshold is the tail end
            for (long i = 0; i < v.voxels(); i++) {
                v.set(i, i % 4 == 0 ? 200 : 10);
            }
            // two values 10 (3/4) and 200 (1/4): the mean 57.5 separates them, the background mean is then the
            // shifted 0, ln 0 = -inf drives the next threshold to the shifted 0, where it stays: Li = 10 (scikit-image too)
            assertEquals(10, LiThreshold.threshold(v, null, null));
            // peak at 10, the longer tail to the right ends at 200 with 250 voxels: the farthest bin below the line
            // from the peak to the tail end is the one next to the peak, 11 (scikit-image too)
            assertEquals(11, Thresholds.triangle(Histogram.of(v, 256)));
            v.fill(7);
            assertEquals(7, LiThreshold.threshold(v, null, null));
            assertEquals(7, Thresholds.triangle(Histogram.of(v, 256)));
            assertThrows(InputException.class, () -> MultiOtsu.thresholds(Histogram.of(v, 256), 2));
        }
    }

    @Test
    void allMethodsEqualScikitImageOnSeededRandomVolumes() throws Exception {
        Assumptions.assumeTrue(PythonPeer.available("numpy", "skimage"), PythonPeer.skipMessage("scikit-image"));
        // u8 over ~160 grey levels: every class count (5 classes over 256 levels takes scikit-image 9 s);
        // u8 over all 256 levels and f32 (256 bins): up to 4 classes; u16 over ~700 grey levels: up to 3 classes;
        // u16 over ~40000 grey levels: single thresholds only (scikit-image's multi-Otsu table would need 3 GB)
        compare(List.of(new Case(trimodal(DataType.U8, 0.6, 0, 11), "2,3,4,5"),
                new Case(trimodal(DataType.U8, 1, 0, 15), "2,3,4"),
                new Case(trimodal(DataType.U16, 3, 5, 12), "2,3"),
                new Case(trimodal(DataType.U16, 180, 2000, 13), "-"),
                new Case(trimodal(DataType.F32, 0.01, 0.5, 14), "2,3,4")));
    }

    @Test
    void allMethodsEqualScikitImageOnRealDataCrops() throws Exception {
        Assumptions.assumeTrue(PythonPeer.available("numpy", "scipy", "skimage", "tifffile"), PythonPeer.skipMessage("scipy, scikit-image, tifffile"));
        Path data = Path.of(System.getProperty("tomolyte.shared.data", "../shared/data"));
        Path electrode = data.resolve("taufactor/electrode.tiff");
        Path matbox = data.resolve("matbox_nrel/nmc-1-cal_generatedCBD_bridge.tif");
        Assumptions.assumeTrue(Files.exists(electrode) && Files.exists(matbox), "shared data not found at " + data);
        // real segmentations (3 values) and their Gaussian-blurred grey versions (u8 rounded and f32): realistic histograms
        PythonPeer.run("""
                import sys, numpy as np, tifffile
                from scipy import ndimage
                for name, path, scale in (('electrode', sys.argv[1], 1.0), ('matbox', sys.argv[2], 100.0)):
                    a = tifffile.imread(path)[:48, :56, :64].astype(np.float64) * scale
                    a.astype('<f8').tofile(sys.argv[3] + '/' + name + '_labels.f64')
                    b = ndimage.gaussian_filter(a, 1.2)
                    np.round(b).astype('<f8').tofile(sys.argv[3] + '/' + name + '_u8.f64')
                    b.astype(np.float32).astype('<f8').tofile(sys.argv[3] + '/' + name + '_f32.f64')
                """, electrode.toString(), matbox.toString(), tmp.toString());
        Dims d = new Dims(64, 56, 48);
        List<Case> cases = new ArrayList<>();
        for (String name : new String[] {"electrode", "matbox"}) {
            cases.add(new Case(load(tmp.resolve(name + "_labels.f64"), d, DataType.U8), "2,3"));
            cases.add(new Case(load(tmp.resolve(name + "_u8.f64"), d, DataType.U8), "2,3,4"));
            cases.add(new Case(load(tmp.resolve(name + "_f32.f64"), d, DataType.F32), "2,3,4"));
        }
        compare(cases);
    }

    @Test
    void opLabelsAndMasksAreTheSameForOneAndTwoThreads() {
        try (Volume v = trimodal(DataType.U16, 1, 100, 21)) {
            for (String method : new String[] {"multi_otsu", "li", "triangle"}) {
                Map<String, Object> params = method.equals("multi_otsu") ? Map.of("method", method, "classes", 4) : Map.of("method", method);
                GlobalThresholdOp op = new GlobalThresholdOp();
                GlobalThresholdOp.Params p = ParamBinder.bind(GlobalThresholdOp.Params.class, params);
                try {
                    Parallel.setThreads(1);
                    OpResult one = op.run(p, new OpInputs(Map.of("image", v)), OpContext.QUIET);
                    Parallel.setThreads(2);
                    OpResult two = op.run(p, new OpInputs(Map.of("image", v)), OpContext.QUIET);
                    try (Volume a = (Volume) one.outputs().get("mask"); Volume b = (Volume) two.outputs().get("mask")) {
                        assertTrue(a.contentEquals(b), method);
                        assertEquals(one.metrics().toMap(), two.metrics().toMap(), method);
                        assertEquals(DataType.U8, a.type());
                        int maxLabel = 0;
                        for (long i = 0; i < a.voxels(); i++) {
                            maxLabel = Math.max(maxLabel, a.getInt(i));
                        }
                        assertEquals(method.equals("multi_otsu") ? 3 : 1, maxLabel, method);
                    }
                    if (method.equals("multi_otsu")) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> t = (Map<String, Object>) one.metrics().toMap().get("thresholds");
                        assertEquals(java.util.List.of("t1", "t2", "t3"), java.util.List.copyOf(t.keySet()));
                        assertEquals(4L, one.metrics().toMap().get("classes"));
                    } else {
                        assertTrue(one.metrics().toMap().get("threshold") instanceof Number);
                    }
                } finally {
                    Parallel.setThreads(Runtime.getRuntime().availableProcessors());
                }
            }
        }
    }

    @Test
    void parametersAreCheckedPerMethod() {
        assertEquals("classes applies only to method multi_otsu, got classes 3 with method otsu",
                assertThrows(ParameterException.class,
                        () -> ParamBinder.bind(GlobalThresholdOp.Params.class, Map.of("method", "otsu", "classes", 3))).getMessage());
        assertEquals("classes must be in 2..5, got 6", assertThrows(ParameterException.class,
                () -> ParamBinder.bind(GlobalThresholdOp.Params.class, Map.of("method", "multi_otsu", "classes", 6))).getMessage());
        assertEquals("tolerance applies only to method li, got method triangle", assertThrows(ParameterException.class,
                () -> ParamBinder.bind(GlobalThresholdOp.Params.class, Map.of("method", "triangle", "tolerance", 0.1))).getMessage());
        assertEquals(3, ParamBinder.bind(GlobalThresholdOp.Params.class, Map.of("method", "multi_otsu")).classes());
    }

    /** Three Gaussian modes (0.3, 0.45, 0.25 of the voxels) plus a small fourth, in grey units of {@code scale}. */
    private static Volume trimodal(DataType type, double scale, double offset, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Volume v = Volume.allocate(new Dims(40, 30, 20), type, Spacing.UNIT);
        for (long i = 0; i < v.voxels(); i++) {
            double u = r.nextDouble();
            double mean = u < 0.3 ? 50 : u < 0.75 ? 110 : u < 0.97 ? 170 : 225;
            double x = offset + (mean + 12 * ThresholdTest.gauss(r)) * scale;
            v.set(i, type.isInteger() ? Math.max(0, x) : x);
        }
        return v;
    }

    private static Volume load(Path f64, Dims d, DataType type) {
        double[] a = PythonPeer.readF64(f64);
        Volume v = Volume.allocate(d, type, Spacing.UNIT);
        for (int i = 0; i < a.length; i++) {
            v.set(i, a[i]);
        }
        return v;
    }

    private void compare(List<Case> cases) throws Exception {
        List<String> args = new ArrayList<>();
        for (int k = 0; k < cases.size(); k++) {
            Volume v = cases.get(k).volume();
            Path f = tmp.resolve("case" + k + ".f64");
            PythonPeer.writeF64(v, f);
            args.add(f.toString());
            args.add(switch (v.type()) {
                case U8 -> "uint8";
                case U16 -> "uint16";
                default -> "float32";
            });
            args.add(cases.get(k).classes());
        }
        Map<String, double[]> expected = new HashMap<>();
        for (String line : PythonPeer.run(PEER, args.toArray(String[]::new)).trim().split("\n")) {
            String[] parts = line.trim().split(" ");
            double[] t = new double[parts.length - 2];
            for (int k = 2; k < parts.length; k++) {
                t[k - 2] = Double.parseDouble(parts[k]);
            }
            expected.put(parts[0] + " " + parts[1], t);
        }
        for (int k = 0; k < cases.size(); k++) {
            try (Volume v = cases.get(k).volume()) {
                String what = "case " + k + " " + v.type().label() + " " + v.dims();
                String key = k + " ";
                Histogram h = Histogram.of(v, 256);
                assertEquals(expected.get(key + "otsu")[0], Thresholds.otsu(h), what + " otsu");
                assertEquals(expected.get(key + "triangle")[0], Thresholds.triangle(h), what + " triangle");
                double li = LiThreshold.threshold(v, null, null);
                if (v.type().isInteger()) {
                    // exact integer class sums and the same iteration; numpy's vectorised log differs from a correctly
                    // rounded one in the last bit for ~20% of arguments, and ln(m_back) - ln(m_fore) amplifies that to a
                    // few ulps of the threshold (seen: 3 ulps); 1e-14 relative is far below any grey-level resolution
                    assertEquals(expected.get(key + "li")[0], li, Math.abs(li) * 1e-14, what + " li");
                } else {
                    // scikit-image iterates in float32 (float32 sums, numpy's float32 log); ours sums in double:
                    // agreement to a few float32 ulps of the threshold
                    assertEquals(expected.get(key + "li")[0], li, Math.abs(li) * 1e-6, what + " li");
                }
                for (String c : cases.get(k).classes().split(",")) {
                    if (!c.equals("-")) {
                        assertArrayEquals(expected.get(key + "multi" + c), MultiOtsu.thresholds(h, Integer.parseInt(c)),
                                what + " multi-otsu " + c);
                    }
                }
            }
        }
    }
}
