package org.tomolyte.analysis.interfaces;

import org.tomolyte.core.Axis;

import java.util.List;
import java.util.Map;
import org.tomolyte.core.InputException;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Metrics;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;

/**
 * {@code interface.positions}: interface and current-collector heights, electrode thicknesses and
 * the stack thickness (collector to collector) of both electrodes, averaged over all columns and
 * over {@code sites} seeded sample columns (paper 003, Fig. 5a, 5c; algorithm in
 * {@link Positions}). Table {@code sites}: {@code site, x_um, y_um, electrode, interface_z_um,
 * collector_z_um, thickness_um}; metrics {@code top_/bottom_ interface_z_um, collector_z_um,
 * thickness_um}, {@code stack_thickness_um}, the same with suffix {@code _sites}, and
 * {@code columns}.
 */
public final class PositionsOp implements Op<PositionsOp.Params> {

    /**
     * Parameters of {@code interface.positions}.
     *
     * @param sites         sampled columns
     * @param seed          sampling seed
     * @param collectorMin  grey at or above which a voxel is current collector
     * @param liMax         grey below which a voxel is lithium
     * @param interphaseMin lookahead mean above which the lithium ends; default li_max
     * @param lookaheadVox  voxels of the lookahead, 3..5
     * @param stackAxis     stack axis, default z
     */
    public record Params(
            @Param(doc = "number of sampled columns (sites)", defaultValue = "15", min = 1, max = 100000) int sites,
            @Param(doc = "seed of the site sampling", defaultValue = "1") long seed,
            @Param(doc = "grey at or above which a voxel is current collector") double collectorMin,
            @Param(doc = "grey below which a voxel is accepted as lithium") double liMax,
            @Param(doc = "the lithium ends where the mean of the next lookahead_vox voxels is above this; default li_max",
                    optional = true) Double interphaseMin,
            @Param(doc = "voxels averaged by the lookahead (paper: 3-5)", defaultValue = "4", min = 3, max = 5) int lookaheadVox,
            @Param(doc = "stack axis (x, y or z)", defaultValue = "z") Axis stackAxis) {
        public Params {
            stackAxis = stackAxis == null ? Axis.Z : stackAxis;
            interphaseMin = interphaseMin == null ? Double.valueOf(liMax) : interphaseMin;
            new Positions.Settings(stackAxis, liMax, interphaseMin, lookaheadVox, collectorMin, sites, seed);
        }

        /** The algorithm settings. */
        public Positions.Settings settings() {
            return new Positions.Settings(stackAxis, liMax, interphaseMin, lookaheadVox, collectorMin, sites, seed);
        }
    }

    @Override
    public String id() {
        return "interface.positions";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Interface and current-collector heights, electrode and stack thickness, over all columns and seeded sites";
    }

    @Override
    public String reference() {
        return "J.A. Lewis et al., Nat. Mater. 20 (2021) 503-510, Fig. 5a (interface and collector tracking), Fig. 5c (stack thickness)";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("image", "grey image of the cell with both collectors"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.table("sites", "site, x_um, y_um, electrode, interface_z_um, collector_z_um, thickness_um"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        return Map.of("sites", new DataSpec.TableSpec("sites"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Positions.Result r = Positions.run(in.volume("image"), p.settings(), ctx.progress());
        if (r.columns() == 0) {
            throw new InputException("interface.positions found no column with both electrodes (collector >= collector_min "
                    + p.collectorMin() + ", lithium < li_max " + p.liMax() + "): check the thresholds and stack_axis");
        }
        OpResult out = new OpResult().table("sites", r.table());
        Metrics m = out.metrics();
        put(m, "top", "", r.top());
        put(m, "bottom", "", r.bottom());
        m.put("stack_thickness_um", r.stackThicknessUm());
        put(m, "top", "_sites", r.topSites());
        put(m, "bottom", "_sites", r.bottomSites());
        m.put("stack_thickness_um_sites", r.stackThicknessUmSites());
        m.put("columns", r.columns());
        return out;
    }

    private static void put(Metrics m, String e, String suffix, Positions.Mean mean) {
        m.put(e + "_interface_z_um" + suffix, mean.interfaceZUm());
        m.put(e + "_collector_z_um" + suffix, mean.collectorZUm());
        m.put(e + "_thickness_um" + suffix, mean.thicknessUm());
    }
}
