package org.tomolyte.analysis.interfaces;

import org.tomolyte.core.Axis;

import java.util.List;
import java.util.Map;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;

/**
 * {@code interface.lithium}: column-wise lithium segmentation of one electrode of an operando cell
 * (paper 003; algorithm in {@link LithiumSegmentation}). Outputs the lithium mask, per-column
 * thickness and interface-height maps (F32, nu x nv x 1, um) with heat-map plots, and metrics
 * {@code li_volume_um3, li_thickness_mean_um, interface_z_mean_um, collector_z_mean_um,
 * analysed_area_um2, columns}.
 */
public final class LithiumOp implements Op<LithiumOp.Params> {

    /**
     * Parameters of {@code interface.lithium}.
     *
     * @param electrode     top or bottom
     * @param liMax         grey below which a voxel is lithium
     * @param interphaseMin lookahead mean above which the lithium ends; default li_max
     * @param lookaheadVox  voxels of the lookahead, 3..5
     * @param collectorMin  grey at or above which a voxel is current collector
     * @param voidMax       optional grey below which run voxels are voids, not lithium
     * @param stackAxis     stack axis, default z
     */
    public record Params(
            @Param(doc = "electrode: bottom (low indices along the stack axis) or top") Electrode electrode,
            @Param(doc = "grey below which a voxel is accepted as lithium (voids are darker and accepted too)") double liMax,
            @Param(doc = "the lithium ends where the mean of the next lookahead_vox voxels is above this (a value typical of "
                    + "the interphase); default li_max", optional = true) Double interphaseMin,
            @Param(doc = "voxels averaged by the lookahead (paper: 3-5)", defaultValue = "4", min = 3, max = 5) int lookaheadVox,
            @Param(doc = "grey at or above which a voxel is current collector; the electrode starts at the first voxel below it")
            double collectorMin,
            @Param(doc = "optional: electrode voxels below this grey are voids and left out of the lithium mask", optional = true)
            Double voidMax,
            @Param(doc = "stack axis (x, y or z)", defaultValue = "z") Axis stackAxis) {
        public Params {
            stackAxis = stackAxis == null ? Axis.Z : stackAxis;
            interphaseMin = interphaseMin == null ? Double.valueOf(liMax) : interphaseMin;
            settings(electrode, liMax, interphaseMin, lookaheadVox, collectorMin, voidMax, stackAxis);
        }

        /** The algorithm settings. */
        public LithiumSegmentation.Settings settings() {
            return settings(electrode, liMax, interphaseMin, lookaheadVox, collectorMin, voidMax, stackAxis);
        }

        private static LithiumSegmentation.Settings settings(Electrode e, double liMax, double interphaseMin, int look,
                                                             double collectorMin, Double voidMax, Axis axis) {
            return new LithiumSegmentation.Settings(e, axis, liMax, interphaseMin, look, collectorMin, voidMax);
        }
    }

    @Override
    public String id() {
        return "interface.lithium";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Column-wise lithium of one electrode: mask, thickness and interface-height maps, lithium volume";
    }

    @Override
    public String reference() {
        return "J.A. Lewis et al., Linking void and interphase evolution to electrochemistry in solid-state batteries using "
                + "operando X-ray tomography, Nat. Mater. 20 (2021) 503-510, Methods: Segmentation Analysis";
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
        return List.of(Port.volume("mask", "u8 lithium mask"),
                Port.volume("thickness", "f32 map (one value per column): lithium thickness, um"),
                Port.volume("interface", "f32 map: lithium | electrolyte interface height along the stack axis, um"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec v = (DataSpec.VolumeSpec) in.get("image");
        Columns c = new Columns(v.dims(), p.stackAxis());
        if (c.n < 2) {
            throw new InputException("interface.lithium needs at least 2 voxels along the stack axis " + p.stackAxis().name().toLowerCase()
                    + ", got " + c.n);
        }
        DataSpec.VolumeSpec map = mapSpec(c, v.spacing(), DataType.F32);
        return Map.of("mask", new DataSpec.VolumeSpec(v.dims(), DataType.U8, v.spacing()), "thickness", map, "interface", map);
    }

    static DataSpec.VolumeSpec mapSpec(Columns c, Spacing s, DataType type) {
        return new DataSpec.VolumeSpec(new Dims(c.nu, c.nv, 1), type, new Spacing(c.su(s), c.sv(s), Columns.along(s, c.axis)));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        LithiumSegmentation.Result r = LithiumSegmentation.run(in.volume("image"), p.settings(), ctx.progress());
        r.collectorZ().close();
        if (r.columns() == 0) {
            r.mask().close();
            r.thickness().close();
            r.interfaceZ().close();
            throw new InputException("interface.lithium found no column with current collector (grey >= collector_min "
                    + p.collectorMin() + ") followed by lithium (grey < li_max " + p.liMax() + ") and an interface: check the "
                    + "thresholds, electrode and stack_axis");
        }
        String e = p.electrode().label();
        OpResult out = new OpResult().volume("mask", r.mask()).volume("thickness", r.thickness()).volume("interface", r.interfaceZ());
        out.plot(Maps.heatmap("thickness", "Lithium thickness, " + e + " electrode", r.thickness(), p.stackAxis(), "thickness (um)"));
        out.plot(Maps.heatmap("interface", "Li | electrolyte interface height, " + e + " electrode", r.interfaceZ(), p.stackAxis(),
                "height (um)"));
        out.metrics().put("li_volume_um3", r.liVolumeUm3()).put("li_thickness_mean_um", r.thicknessMeanUm())
                .put("interface_z_mean_um", r.interfaceZMeanUm()).put("collector_z_mean_um", r.collectorZMeanUm())
                .put("analysed_area_um2", r.analysedAreaUm2()).put("columns", r.columns());
        return out;
    }
}
