package org.tomolyte.image.filter;

import java.util.List;
import java.util.Map;
import org.tomolyte.core.op.Check;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;

/**
 * {@code filter.median}: median over a cube of (2r+1)^3 voxels, reflect boundary, keeping the
 * input type (u8, u16, i32, f32); identical to {@code scipy.ndimage.median_filter(size=2r+1)}
 * ({@link Median}).
 */
public final class MedianOp implements Op<MedianOp.Params> {

    /**
     * Parameters of {@code filter.median}.
     *
     * @param radiusVox cube half-width in voxels (1 = 3x3x3)
     */
    public record Params(
            @Param(doc = "cube half-width: the median is over (2 radius_vox + 1)^3 voxels (1 = 3x3x3)", unit = "voxel",
                    defaultValue = "1", min = 1, max = 64) int radiusVox) {
        public Params {
            Check.range("radius_vox", radiusVox, 1, 64);
        }
    }

    @Override
    public String id() {
        return "filter.median";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Median over a (2r+1)^3 voxel cube, reflect boundary; keeps the type (u8, u16, i32, f32)";
    }

    @Override
    public String reference() {
        return "scipy.ndimage.median_filter (size = 2 radius_vox + 1, mode 'reflect'); T. Huang et al., IEEE TASSP 27 (1979) 13 (running histogram)";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("image", "grey image: u8, u16, i32 or f32"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.volume("image", "median image, same type"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec v = (DataSpec.VolumeSpec) in.get("image");
        Median.requireType(v.type());
        return Map.of("image", v);
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        return new OpResult().volume("image", Median.filter(in.volume("image"), p.radiusVox(), ctx.progress()));
    }
}
