package org.tomolyte.analysis.interfaces;

import org.tomolyte.core.Axis;

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
 * {@code interface.voids}: interfacial voids at one electrode by the paper's sweep from the
 * electrolyte bulk towards the electrode (paper 003; algorithm in {@link InterfacialVoids}); bulk
 * pores met on the way are discarded and counted separately. Output the void mask; metrics
 * {@code void_volume_um3, bulk_pore_volume_um3, void_columns}.
 */
public final class VoidsOp implements Op<VoidsOp.Params> {

    /**
     * Parameters of {@code interface.voids}.
     *
     * @param electrode    top or bottom
     * @param voidMax      grey below which a voxel is void
     * @param liMax        grey below which voxels beyond a dark run look like lithium
     * @param lookaheadVox voxels averaged beyond a dark run, 3..5
     * @param bulkUm       sweep start along the stack axis, um (default the middle of the volume)
     * @param stackAxis    stack axis, default z
     */
    public record Params(
            @Param(doc = "electrode the sweep goes towards: bottom (low indices along the stack axis) or top") Electrode electrode,
            @Param(doc = "grey below which a voxel is void") double voidMax,
            @Param(doc = "grey below which the voxels beyond a dark run look like lithium (interfacial void); at or above, "
                    + "like electrolyte (bulk pore)") double liMax,
            @Param(doc = "voxels averaged beyond a dark run (paper: 3-5)", defaultValue = "4", min = 3, max = 5) int lookaheadVox,
            @Param(doc = "start of each sweep along the stack axis, inside the electrolyte bulk; default the middle of the volume",
                    unit = "um", optional = true, min = 0) Double bulkUm,
            @Param(doc = "stack axis (x, y or z)", defaultValue = "z") Axis stackAxis) {
        public Params {
            stackAxis = stackAxis == null ? Axis.Z : stackAxis;
            new InterfacialVoids.Settings(electrode, stackAxis, voidMax, liMax, lookaheadVox, bulkUm);
        }

        /** The algorithm settings. */
        public InterfacialVoids.Settings settings() {
            return new InterfacialVoids.Settings(electrode, stackAxis, voidMax, liMax, lookaheadVox, bulkUm);
        }
    }

    @Override
    public String id() {
        return "interface.voids";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Interfacial voids at one electrode by a column sweep from the electrolyte bulk; bulk pores counted apart";
    }

    @Override
    public String reference() {
        return "J.A. Lewis et al., Nat. Mater. 20 (2021) 503-510, Methods: Segmentation Analysis (void segmentation)";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("image", "grey image of the cell"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.volume("mask", "u8 interfacial void mask"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec v = (DataSpec.VolumeSpec) in.get("image");
        return Map.of("mask", new DataSpec.VolumeSpec(v.dims(), DataType.U8, v.spacing()));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        InterfacialVoids.Result r = InterfacialVoids.run(in.volume("image"), p.settings(), ctx.progress());
        OpResult out = new OpResult().volume("mask", r.mask());
        out.metrics().put("void_volume_um3", r.voidVolumeUm3()).put("bulk_pore_volume_um3", r.bulkPoreVolumeUm3())
                .put("void_columns", r.voidColumns());
        return out;
    }
}
