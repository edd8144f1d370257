package org.tomolyte.image.filter;

import java.util.List;
import java.util.Map;
import org.tomolyte.core.DataType;
import org.tomolyte.core.op.Check;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;

/**
 * {@code filter.nlm}: non-local means for XCT noise, the fast (integral-patch) form of
 * scikit-image's {@code denoise_nl_means(fast_mode=True)} with symmetric patches
 * ({@link NonLocalMeans}). When {@code sigma_noise} is not given it is estimated from the image
 * ({@link NoiseEstimate}, wavelet median absolute deviation as scikit-image's
 * {@code estimate_sigma}); when {@code h} is not given it is {@code 0.8 sigma_noise}, scikit-image's
 * recommendation for the fast mode with the noise variance subtracted. Metrics: {@code h},
 * {@code sigma_noise} (grey units). Cost grows as (2 search_radius_vox + 1)^3.
 */
public final class NlmOp implements Op<NlmOp.Params> {

    /** h = this times sigma_noise when h is not given. */
    public static final double H_PER_SIGMA = 0.8;

    /**
     * Parameters of {@code filter.nlm}.
     *
     * @param patchRadiusVox  patch half-width (1 = 3x3x3 patches)
     * @param searchRadiusVox search half-width; (2d+1)^3 candidate voxels per voxel
     * @param h               filter strength in grey units; null: 0.8 sigma_noise
     * @param sigmaNoise      noise standard deviation in grey units; null: estimated
     */
    public record Params(
            @Param(doc = "patch half-width: patches of (2 patch_radius_vox + 1)^3 voxels are compared", unit = "voxel",
                    defaultValue = "1", min = 1, max = 5) int patchRadiusVox,
            @Param(doc = "search half-width: (2 search_radius_vox + 1)^3 candidates per voxel; cost grows with its cube (3: 343, 5: 1331)",
                    unit = "voxel", defaultValue = "3", min = 1, max = 10) int searchRadiusVox,
            @Param(doc = "filter strength in grey units: weight exp(-max(patch mean squared difference - 2 sigma_noise^2, 0) / h^2); default 0.8 sigma_noise",
                    optional = true, min = 0, minExclusive = true) Double h,
            @Param(doc = "noise standard deviation in grey units, subtracted from patch distances; default: estimated (wavelet MAD, as scikit-image estimate_sigma)",
                    optional = true, min = 0) Double sigmaNoise) {
        public Params {
            Check.range("patch_radius_vox", patchRadiusVox, 1, 5);
            Check.range("search_radius_vox", searchRadiusVox, 1, 10);
            if (h != null) {
                Check.greater("h", h, 0);
            }
            if (sigmaNoise != null) {
                Check.atLeast("sigma_noise", sigmaNoise, 0);
            }
        }
    }

    @Override
    public String id() {
        return "filter.nlm";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Non-local means denoising (fast, integral-patch form), h from the estimated noise when not given; f32 out";
    }

    @Override
    public String reference() {
        return "Buades, Coll, Morel, CVPR 2005; Darbon et al., ISBI 2008; scikit-image denoise_nl_means(fast_mode=True) and estimate_sigma";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("image", "noisy grey image, any type"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.volume("image", "denoised image, f32"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec v = (DataSpec.VolumeSpec) in.get("image");
        return Map.of("image", new DataSpec.VolumeSpec(v.dims(), DataType.F32, v.spacing()));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        var image = in.volume("image");
        double sigma = p.sigmaNoise() != null ? p.sigmaNoise() : NoiseEstimate.sigma(image);
        double h = p.h() != null ? p.h() : H_PER_SIGMA * sigma;
        if (!(h > 0)) {
            throw new org.tomolyte.core.InputException("filter.nlm: the estimated noise is 0, so h cannot be derived from it; give h (grey units > 0)");
        }
        var s = new NonLocalMeans.Settings(p.patchRadiusVox(), p.searchRadiusVox(), h, sigma, NonLocalMeans.Patch.SYMMETRIC);
        OpResult r = new OpResult().volume("image", NonLocalMeans.denoise(image, s, ctx.progress()));
        r.metrics().put("h", h);
        r.metrics().put("sigma_noise", sigma);
        return r;
    }
}
