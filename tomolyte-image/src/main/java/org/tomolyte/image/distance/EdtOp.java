package org.tomolyte.image.distance;

import java.util.List;
import java.util.Map;
import org.tomolyte.core.DataType;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;

/**
 * {@code distance.edt}: exact Euclidean distance map of a mask in micrometres on anisotropic
 * voxels, F32 (see {@link EuclideanDistance} for the method, memory and the one difference from
 * scipy: a volume without any target voxel gives {@code +Infinity}).
 */
public final class EdtOp implements Op<EdtOp.Params> {

    /**
     * Parameters of {@code distance.edt}.
     *
     * @param to background: distance of each voxel to the nearest background (0) voxel, 0 on the
     *           background (scipy {@code distance_transform_edt(mask)}); foreground: distance to
     *           the nearest foreground (nonzero) voxel, 0 on the foreground
     */
    public record Params(
            @Param(doc = "background: distance from each voxel to the nearest background (0) voxel, as scipy distance_transform_edt(mask); "
                    + "foreground: distance to the nearest foreground (nonzero) voxel", defaultValue = "background") DistanceTo to) {
        public Params {
            to = to == null ? DistanceTo.BACKGROUND : to;
        }
    }

    @Override
    public String id() {
        return "distance.edt";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Exact Euclidean distance map in um (anisotropic voxels) to the nearest background or foreground voxel, F32";
    }

    @Override
    public String reference() {
        return "A. Meijster, J. Roerdink, W. Hesselink, Math. Morphology and its Appl. to Image and Signal Processing (2000) 331-340; "
                + "P.F. Felzenszwalb, D.P. Huttenlocher, Theory of Computing 8 (2012) 415-428; scipy.ndimage.distance_transform_edt";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("mask", "mask, nonzero = foreground (any type)"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.volume("distance", "f32 distance in um (+Infinity everywhere when the volume has no target voxel)"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec v = (DataSpec.VolumeSpec) in.get("mask");
        return Map.of("distance", new DataSpec.VolumeSpec(v.dims(), DataType.F32, v.spacing()));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        return new OpResult().volume("distance", EuclideanDistance.transform(in.volume("mask"), p.to(), ctx.progress()));
    }
}
