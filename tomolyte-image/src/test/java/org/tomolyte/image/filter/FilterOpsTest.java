package org.tomolyte.image.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.ParamBinder;

/** The four filter ops: registration, protocol parameters, preflight and results equal to the algorithms. */
class FilterOpsTest {

    @Test
    void opsAreRegistered() {
        Set<String> ids = new HashSet<>();
        for (Op<?> op : ServiceLoader.load(Op.class)) {
            ids.add(op.id());
            ParamBinder.describe(op.paramsType());
        }
        assertTrue(ids.containsAll(List.of("filter.gaussian", "filter.mean", "filter.median", "filter.nlm")), ids.toString());
    }

    @Test
    void gaussianOpConvertsMicrometresPerAxis() {
        Spacing sp = new Spacing(0.5, 1.0, 2.0);
        var op = new GaussianOp();
        var p = ParamBinder.bind(GaussianOp.Params.class, Map.of("sigma_um", List.of(1.0, 1.0, 2.0)));
        assertEquals(4.0, p.truncate());
        var out = op.preflight(p, Map.of("image", new DataSpec.VolumeSpec(new Dims(20, 10, 8), DataType.U16, sp)));
        assertEquals(DataType.F32, ((DataSpec.VolumeSpec) out.get("image")).type());
        try (Volume v = Peer.random(new Dims(20, 10, 8), DataType.U16, sp, 1)) {
            OpResult r = op.run(p, new OpInputs(Map.of("image", v)), OpContext.QUIET);
            try (Volume got = (Volume) r.outputs().get("image");
                 Volume want = Gaussian.filter(v, 2.0, 1.0, 1.0, 4.0, Progress.NONE)) {
                assertTrue(got.contentEquals(want));
            }
            assertEquals(2.0, ((Number) r.metrics().toMap().get("sigma_vox_x")).doubleValue());
        }
        var scalar = ParamBinder.bind(GaussianOp.Params.class, Map.of("sigma_um", 1.4, "truncate", 3));
        assertArrayEquals(new double[] {1.4}, scalar.sigmaUm());
        assertThrows(ParameterException.class, () -> ParamBinder.bind(GaussianOp.Params.class, Map.of("sigma_um", List.of(1, 2))));
        assertThrows(ParameterException.class, () -> ParamBinder.bind(GaussianOp.Params.class, Map.of("sigma_um", -1)));
        assertThrows(ParameterException.class, () -> ParamBinder.bind(GaussianOp.Params.class, Map.of("sigma_um", 1, "truncate", 0)));
        assertThrows(ParameterException.class, () -> ParamBinder.bind(GaussianOp.Params.class, Map.of()));
    }

    @Test
    void medianAndMeanOps() {
        try (Volume v = Peer.random(new Dims(17, 12, 9), DataType.U8, Spacing.UNIT, 2)) {
            var mp = ParamBinder.bind(MedianOp.Params.class, Map.of());
            assertEquals(1, mp.radiusVox());
            try (Volume got = (Volume) new MedianOp().run(mp, new OpInputs(Map.of("image", v)), OpContext.QUIET).outputs().get("image");
                 Volume want = Median.filter(v, 1)) {
                assertEquals(DataType.U8, got.type());
                assertTrue(got.contentEquals(want));
            }
            var ap = ParamBinder.bind(MeanOp.Params.class, Map.of("radius_vox", 2));
            try (Volume got = (Volume) new MeanOp().run(ap, new OpInputs(Map.of("image", v)), OpContext.QUIET).outputs().get("image");
                 Volume want = BoxMean.filter(v, 2)) {
                assertTrue(got.contentEquals(want));
            }
        }
        var f64 = new DataSpec.VolumeSpec(new Dims(4, 4, 4), DataType.F64, Spacing.UNIT);
        InputException e = assertThrows(InputException.class,
                () -> new MedianOp().preflight(ParamBinder.bind(MedianOp.Params.class, Map.of()), Map.of("image", f64)));
        assertTrue(e.getMessage().contains("f64"), e.getMessage());
        assertThrows(ParameterException.class, () -> ParamBinder.bind(MedianOp.Params.class, Map.of("radius_vox", 0)));
        assertThrows(ParameterException.class, () -> ParamBinder.bind(MeanOp.Params.class, Map.of("radius_vox", 1.5)));
    }

    @Test
    void nlmOpEstimatesNoiseAndH() {
        try (Volume v = NlmTest.noisyBlocks(new Dims(30, 26, 22), 4)) {
            var p = ParamBinder.bind(NlmOp.Params.class, Map.of("search_radius_vox", 2));
            assertEquals(1, p.patchRadiusVox());
            OpResult r = new NlmOp().run(p, new OpInputs(Map.of("image", v)), OpContext.QUIET);
            double sigma = NoiseEstimate.sigma(v);
            Map<String, Object> m = r.metrics().toMap();
            assertEquals(sigma, ((Number) m.get("sigma_noise")).doubleValue());
            assertEquals(0.8 * sigma, ((Number) m.get("h")).doubleValue(), 1e-12);
            try (Volume got = (Volume) r.outputs().get("image");
                 Volume want = NonLocalMeans.denoise(v, 1, 2, 0.8 * sigma, sigma)) {
                assertTrue(got.contentEquals(want));
            }
            var given = ParamBinder.bind(NlmOp.Params.class, Map.of("h", 12.5, "sigma_noise", 0));
            OpResult r2 = new NlmOp().run(given, new OpInputs(Map.of("image", v)), OpContext.QUIET);
            assertEquals(12.5, ((Number) r2.metrics().toMap().get("h")).doubleValue());
            ((Volume) r2.outputs().get("image")).close();
        }
        assertThrows(ParameterException.class, () -> ParamBinder.bind(NlmOp.Params.class, Map.of("h", 0)));
        assertThrows(ParameterException.class, () -> ParamBinder.bind(NlmOp.Params.class, Map.of("search_radius_vox", 11)));
    }
}
