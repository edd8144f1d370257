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
 * {@code filter.gaussian}: Gaussian smoothing with sigma in micrometres (converted to voxels per
 * axis with the voxel size), kernel truncated at {@code truncate} standard deviations, reflect
 * boundary; F32 out. Equal to {@code scipy.ndimage.gaussian_filter} ({@link Gaussian}).
 */
public final class GaussianOp implements Op<GaussianOp.Params> {

    /**
     * Parameters of {@code filter.gaussian}.
     *
     * @param sigmaUm  standard deviation in um: one value (every axis) or [x, y, z]; 0 leaves an axis alone
     * @param truncate kernel half-width in standard deviations (radius = (int) (truncate * sigma_vox + 0.5))
     */
    public record Params(
            @Param(doc = "standard deviation: one value for every axis or [x, y, z]; converted to voxels with the voxel size; 0 leaves an axis unfiltered",
                    unit = "um", min = 0) double[] sigmaUm,
            @Param(doc = "kernel half-width in standard deviations (scipy's truncate): radius = (int) (truncate * sigma_vox + 0.5) voxels",
                    defaultValue = "4.0", min = 0, minExclusive = true, max = 100) double truncate) {
        public Params {
            if (sigmaUm == null || (sigmaUm.length != 1 && sigmaUm.length != 3)) {
                throw new org.tomolyte.core.ParameterException("sigma_um must be one value or three values [x, y, z] in um, got "
                        + (sigmaUm == null ? "nothing" : sigmaUm.length + " values"));
            }
            for (double s : sigmaUm) {
                Check.atLeast("sigma_um", s, 0);
            }
            sigmaUm = sigmaUm.clone();
            Check.greater("truncate", truncate, 0);
            Check.range("truncate", truncate, 0, 100);
        }
    }

    @Override
    public String id() {
        return "filter.gaussian";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Gaussian smoothing, sigma in um per axis (anisotropic voxels handled), reflect boundary; f32 out";
    }

    @Override
    public String reference() {
        return "scipy.ndimage.gaussian_filter (same sampled, normalised kernel, truncation and 'reflect' boundary)";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("image", "grey image, any type"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.volume("image", "smoothed image, f32"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec v = (DataSpec.VolumeSpec) in.get("image");
        double[] s = Gaussian.sigmaVoxels(p.sigmaUm(), v.spacing());
        for (double sv : s) {
            Gaussian.radius(sv, p.truncate());
        }
        return Map.of("image", new DataSpec.VolumeSpec(v.dims(), DataType.F32, v.spacing()));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        var image = in.volume("image");
        double[] s = Gaussian.sigmaVoxels(p.sigmaUm(), image.spacing());
        OpResult r = new OpResult().volume("image", Gaussian.filter(image, s[0], s[1], s[2], p.truncate(), ctx.progress()));
        r.metrics().put("sigma_vox_x", s[0]);
        r.metrics().put("sigma_vox_y", s[1]);
        r.metrics().put("sigma_vox_z", s[2]);
        return r;
    }
}
