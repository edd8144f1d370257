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
 * {@code filter.mean}: mean over a cube of (2r+1)^3 voxels, reflect boundary, F32 out; equal to
 * {@code scipy.ndimage.uniform_filter(size=2r+1)} ({@link BoxMean}).
 */
public final class MeanOp implements Op<MeanOp.Params> {

    /**
     * Parameters of {@code filter.mean}.
     *
     * @param radiusVox cube half-width in voxels (1 = 3x3x3)
     */
    public record Params(
            @Param(doc = "cube half-width: the mean is over (2 radius_vox + 1)^3 voxels (1 = 3x3x3)", unit = "voxel",
                    defaultValue = "1", min = 1, max = 1000) int radiusVox) {
        public Params {
            Check.range("radius_vox", radiusVox, 1, 1000);
        }
    }

    @Override
    public String id() {
        return "filter.mean";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Box mean over a (2r+1)^3 voxel cube, running sums (O(1) per voxel), reflect boundary; f32 out";
    }

    @Override
    public String reference() {
        return "scipy.ndimage.uniform_filter (size = 2 radius_vox + 1, mode 'reflect')";
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
        return List.of(Port.volume("image", "mean image, f32"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec v = (DataSpec.VolumeSpec) in.get("image");
        return Map.of("image", new DataSpec.VolumeSpec(v.dims(), DataType.F32, v.spacing()));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        int r = p.radiusVox();
        return new OpResult().volume("image", BoxMean.filter(in.volume("image"), r, r, r, ctx.progress()));
    }
}
