package org.tomolyte.image.volume;

import java.util.List;
import java.util.Map;
import org.tomolyte.core.Box;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;

/** {@code volume.crop}: the voxels of a box, end exclusive, keeping type and voxel size. */
public final class CropOp implements Op<CropOp.Params> {

    /**
     * Parameters of {@code volume.crop}.
     *
     * @param box x0, y0, z0, x1, y1, z1 in voxel indices, start inclusive, end exclusive
     */
    public record Params(
            @Param(doc = "box to keep: [x0, y0, z0, x1, y1, z1], voxel indices, end exclusive", unit = "voxel", min = 0)
            int[] box) {
        public Params {
            if (box == null || box.length != 6) {
                throw new ParameterException("box must be 6 voxel indices [x0, y0, z0, x1, y1, z1], got "
                        + (box == null ? "nothing" : box.length + " values"));
            }
            toBox(box);
            box = box.clone();
        }

        /** The box as a record. */
        public Box asBox() {
            return toBox(box);
        }

        private static Box toBox(int[] b) {
            return new Box(b[0], b[1], b[2], b[3], b[4], b[5]);
        }
    }

    @Override
    public String id() {
        return "volume.crop";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Keep the voxels of a box (voxel indices, end exclusive); type and voxel size unchanged";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("image", "volume to crop"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.volume("image", "the cropped volume"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec v = (DataSpec.VolumeSpec) in.get("image");
        Box b = p.asBox();
        if (!b.fitsIn(v.dims())) {
            throw new ParameterException("box " + b + " does not fit in the " + v.dims() + " input (end indices are exclusive)");
        }
        return Map.of("image", new DataSpec.VolumeSpec(b.dims(), v.type(), v.spacing()));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        return new OpResult().volume("image", in.volume("image").crop(p.asBox()));
    }
}
