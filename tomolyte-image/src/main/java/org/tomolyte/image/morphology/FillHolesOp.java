package org.tomolyte.image.morphology;

import java.util.List;
import java.util.Map;
import org.tomolyte.core.DataType;
import org.tomolyte.core.InputException;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;
import org.tomolyte.image.label.Connectivity;

/**
 * {@code morphology.fill_holes}: background regions not connected to the volume border become
 * foreground (3D; background 6-connected by default, identical to
 * {@code scipy.ndimage.binary_fill_holes}). Metrics {@code holes} and {@code filled_voxels}.
 * Method: {@link FillHoles}.
 */
public final class FillHolesOp implements Op<FillHolesOp.Params> {

    /**
     * Parameters of {@code morphology.fill_holes}.
     *
     * @param connectivity connectivity of the background: 6 (as scipy), 18 or 26
     */
    public record Params(
            @Param(doc = "connectivity of the background: 6 (faces, as scipy binary_fill_holes), 18 or 26",
                    defaultValue = "6", min = 6, max = 26) int connectivity) {
        public Params {
            Connectivity.of("connectivity", connectivity);
        }
    }

    @Override
    public String id() {
        return "morphology.fill_holes";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Fills background regions that do not touch the volume border (3D, as scipy binary_fill_holes)";
    }

    @Override
    public String reference() {
        return "scipy.ndimage.binary_fill_holes (background grown from the border, 6-connected)";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("mask", "mask, any integer type: nonzero voxels are foreground"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.volume("mask", "u8 mask with the holes filled"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        if (!(in.get("mask") instanceof DataSpec.VolumeSpec v) || !v.type().isInteger()) {
            throw new InputException("mask must be an integer volume (u8, u16 or i32; nonzero = foreground)");
        }
        return Map.of("mask", new DataSpec.VolumeSpec(v.dims(), DataType.U8, v.spacing()));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        FillHoles.Result res = FillHoles.run(in.volume("mask"), Connectivity.of("connectivity", p.connectivity()), ctx.progress());
        OpResult r = new OpResult().volume("mask", res.mask());
        r.metrics().put("holes", (long) res.holes()).put("filled_voxels", res.filledVoxels());
        return r;
    }
}
