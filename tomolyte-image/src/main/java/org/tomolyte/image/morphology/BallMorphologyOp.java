package org.tomolyte.image.morphology;

import java.util.List;
import java.util.Map;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.Check;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;

/**
 * The four ball morphology ops {@code morphology.erode|dilate|open|close}: same parameter, same
 * ports, one {@link BallMorphology} method each. The structuring element, the border rule and
 * the exactness are documented on {@link BallMorphology}.
 */
public abstract sealed class BallMorphologyOp implements Op<BallMorphologyOp.Params>
        permits ErodeOp, DilateOp, OpenOp, CloseOp {

    /**
     * Parameters of the ball morphology ops.
     *
     * @param radiusUm ball radius in um, finite and &gt;= 0: offsets with
     *                 {@code (dx sx)^2 + (dy sy)^2 + (dz sz)^2 <= radius_um^2} belong to it
     */
    public record Params(
            @Param(doc = "radius of the ball structuring element; voxel offsets with (dx sx)^2 + (dy sy)^2 + (dz sz)^2 <= radius_um^2 "
                    + "belong to it (0 = the single voxel)", unit = "um", min = 0) double radiusUm) {
        public Params {
            Check.finite("radius_um", radiusUm);
            Check.atLeast("radius_um", radiusUm, 0);
        }
    }

    /** The op's name after {@code morphology.}. */
    abstract String name();

    /** Applies the operation. */
    abstract Volume apply(Volume mask, double radiusUm, org.tomolyte.core.Progress progress);

    @Override
    public String id() {
        return "morphology." + name();
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String reference() {
        return "J. Serra, Image Analysis and Mathematical Morphology (1982); small balls as the union of the ball's "
                + "x runs on bit-packed rows, larger ones from the exact EDT (Felzenszwalb & Huttenlocher 2012); "
                + "equals scipy.ndimage binary_dilation (border_value=0) / "
                + "binary_erosion (border_value=1) with the same ball footprint";
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
        return List.of(Port.volume("mask", "u8 mask, 0/1"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec v = (DataSpec.VolumeSpec) in.get("mask");
        return Map.of("mask", new DataSpec.VolumeSpec(v.dims(), DataType.U8, v.spacing()));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        return new OpResult().volume("mask", apply(in.volume("mask"), p.radiusUm(), ctx.progress()));
    }
}
