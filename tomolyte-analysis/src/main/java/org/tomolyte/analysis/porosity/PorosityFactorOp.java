package org.tomolyte.analysis.porosity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tomolyte.core.Axis;
import org.tomolyte.core.DataType;
import org.tomolyte.core.InputException;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Plot;
import org.tomolyte.core.Table;
import org.tomolyte.core.op.Check;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Metrics;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;

/**
 * {@code porosity.factor}: porosity factor d = Phi / Phi0 - 1 of cubes of {@code block_um}
 * (Dixit et al., paper 001, Eq. 3, Fig. 5, S10-S12), computed by {@link PorosityFactor}.
 *
 * <p>Outputs per cube size S (names get the suffix {@code _S} when several sizes are given, e.g.
 * {@code blocks_30}; the ports {@code blocks} and {@code sections} carry the first size, further
 * sizes are written as extra tables): the table of cubes ({@code ix, iy, iz, x_um, y_um, z_um,
 * porosity, d}, centres in um; {@code grey_mean} too with {@code source: grey}), the per-section
 * statistics ({@code orientation, section, position_um, mean, median, std, min, max, q1, q3, n};
 * orientation {@code through_plane} = sections at one cube index along the through axis,
 * {@code in_plane} = sections at one cube index along the first in-plane axis), a heat map of d for
 * every section, all of one size on one colour scale (smallest to largest d of that size), and a box plot
 * of d per through-plane section. Partial cubes at the far edges are dropped (metric
 * {@code dropped_voxels}); they still count in Phi0. Metrics: {@code mean_porosity} (Phi0),
 * {@code mean_grey} (G0, source grey), and per size (group {@code size_S} when several)
 * {@code d_std} (population), {@code d_min}, {@code d_max}, {@code d_iqr}, {@code blocks},
 * {@code block_vox_x/y/z}, {@code dropped_voxels} and, when voxels are dropped, {@code edge_note}.
 */
public final class PorosityFactorOp implements Op<PorosityFactorOp.Params> {

    /**
     * Parameters of {@code porosity.factor}.
     *
     * @param blockUm     cube edge(s) in um, one value or a list (e.g. [30, 60, 120])
     * @param throughAxis the through-plane axis (direction of current)
     * @param source      mask: d from local porosity; grey: d from local mean grey
     */
    public record Params(
            @Param(doc = "cube edge in um: one value or a list such as [30, 60, 120]; per axis round(block_um / spacing) voxels",
                    unit = "um", defaultValue = "30", min = 0, minExclusive = true) double[] blockUm,
            @Param(doc = "through-plane axis (direction of current); sections along it are through-plane sections",
                    defaultValue = "z") Axis throughAxis,
            @Param(doc = "mask: d = Phi / Phi0 - 1 from the mask's local porosity (Eq. 3); grey: d = G / G0 - 1 from the grey input's local mean (Fig. S11-S12)",
                    defaultValue = "mask") PorosityFactor.Source source) {
        public Params {
            if (blockUm == null || blockUm.length == 0) {
                throw new ParameterException("block_um must be one value or a list of values in um, got nothing");
            }
            blockUm = blockUm.clone();
            Set<String> names = new HashSet<>();
            for (double b : blockUm) {
                Check.greater("block_um", b, 0);
                if (!names.add(Check.fmt(b))) {
                    throw new ParameterException("block_um lists " + Check.fmt(b) + " twice");
                }
            }
            Check.required("through_axis", throughAxis);
            Check.required("source", source);
        }
    }

    @Override
    public String id() {
        return "porosity.factor";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Porosity factor d = Phi/Phi0 - 1 of cubes of block_um (one or several sizes): cube table, per-section statistics, "
                + "heat maps of every through-plane and in-plane section on one colour scale, box plot per through-plane section";
    }

    @Override
    public String reference() {
        return "Dixit et al., paper 001, Eq. 3, Fig. 5, S10-S12 (30/60/120 um sub-volumes; grey variant from raw data)";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("mask", "u8 binarised volume, nonzero = pore"),
                Port.optionalVolume("grey", "grey image of the same size (required with source: grey)"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.table("blocks", "ix, iy, iz, x_um, y_um, z_um, porosity, d per whole cube (first size)"),
                Port.table("sections", "orientation, section, position_um, mean, median, std, min, max, q1, q3, n of d per section (first size)"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec m = (DataSpec.VolumeSpec) in.get("mask");
        if (m.type() != DataType.U8) {
            throw new InputException("mask must be u8 (0 solid, nonzero pore), got " + m.type().label());
        }
        if (p.source() == PorosityFactor.Source.GREY) {
            DataSpec.VolumeSpec g = (DataSpec.VolumeSpec) in.get("grey");
            if (g == null) {
                throw new ParameterException("source grey needs the grey input (in: {mask: ..., grey: ...})");
            }
            if (!g.dims().equals(m.dims())) {
                throw new InputException("grey (" + g.dims() + ") and mask (" + m.dims() + ") must have the same size");
            }
        }
        for (double b : p.blockUm()) {
            BlockSums.edgeVoxels("block_um", b, m.dims(), m.spacing());
        }
        String sfx = p.blockUm().length > 1 ? "_" + Check.fmt(p.blockUm()[0]) : "";
        return Map.of("blocks", new DataSpec.TableSpec("blocks" + sfx), "sections", new DataSpec.TableSpec("sections" + sfx));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        PorosityFactor.Result res = PorosityFactor.compute(in.volume("mask"), in.optionalVolume("grey"), p.blockUm(), p.source(),
                ctx.progress());
        OpResult r = new OpResult();
        boolean several = p.blockUm().length > 1;
        r.metrics().put("mean_porosity", res.meanPorosity());
        if (p.source() == PorosityFactor.Source.GREY) {
            r.metrics().put("mean_grey", res.meanGrey());
        }
        boolean zeroRef = p.source() == PorosityFactor.Source.GREY ? res.meanGrey() == 0 : res.meanPorosity() == 0;
        if (zeroRef) {
            r.metrics().put("note", p.source() == PorosityFactor.Source.GREY
                    ? "the mean grey value is 0: d = G/G0 - 1 is undefined (NaN)"
                    : "the mask has no pore voxel (Phi0 = 0): d = Phi/Phi0 - 1 is undefined (NaN)");
        }
        for (int s = 0; s < res.blocks().size(); s++) {
            PorosityFactor.Blocks b = res.blocks().get(s);
            String sizeName = Check.fmt(b.blockUm());
            String sfx = several ? "_" + sizeName : "";
            String blocksPort = s == 0 ? "blocks" : "blocks" + sfx;
            String sectionsPort = s == 0 ? "sections" : "sections" + sfx;
            r.table(blocksPort, blockTable("blocks" + sfx, b, p.source()));
            r.table(sectionsPort, sectionTable("sections" + sfx, b, p.throughAxis()));
            SampleStats all = SampleStats.of(b.d());
            Metrics m = several ? r.metrics().group("size_" + sizeName) : r.metrics();
            m.put("d_std", all.std()).put("d_min", all.min()).put("d_max", all.max()).put("d_iqr", all.iqr())
                    .put("blocks", (long) b.grid().count())
                    .put("block_vox_x", (long) b.grid().bx()).put("block_vox_y", (long) b.grid().by()).put("block_vox_z", (long) b.grid().bz())
                    .put("dropped_voxels", b.droppedVoxels());
            if (b.droppedVoxels() > 0) {
                BlockSums.Grid g = b.grid();
                m.put("edge_note", "partial cubes at the far edges are left out of the cube table and maps: " + b.droppedVoxels()
                        + " voxels (" + (in.volume("mask").dims().nx() - g.nbx() * g.bx()) + " along x, "
                        + (in.volume("mask").dims().ny() - g.nby() * g.by()) + " along y, "
                        + (in.volume("mask").dims().nz() - g.nbz() * g.bz()) + " along z beyond the whole cubes); they count in mean_porosity");
            }
            plots(r, b, p.throughAxis(), sfx, all);
        }
        return r;
    }

    private static Table blockTable(String name, PorosityFactor.Blocks b, PorosityFactor.Source source) {
        String cube = "whole cube of " + b.grid().bx() + "x" + b.grid().by() + "x" + b.grid().bz() + " voxels (" + Check.fmt(b.blockUm())
                + " um); partial cubes at the far edges are dropped (" + b.droppedVoxels() + " voxels)";
        Table.Builder t = Table.builder(name)
                .column("ix", "", Table.Kind.INTEGER, "cube index along x; " + cube)
                .column("iy", "", Table.Kind.INTEGER, "cube index along y")
                .column("iz", "", Table.Kind.INTEGER, "cube index along z")
                .column("x_um", "um", Table.Kind.REAL, "cube centre x")
                .column("y_um", "um", Table.Kind.REAL, "cube centre y")
                .column("z_um", "um", Table.Kind.REAL, "cube centre z")
                .column("porosity", "", Table.Kind.REAL, "local porosity Phi of the mask, 0..1")
                .column("d", "", Table.Kind.REAL, source == PorosityFactor.Source.GREY
                        ? "porosity factor from grey: G / G0 - 1" : "porosity factor Phi / Phi0 - 1 (paper 001 Eq. 3)");
        if (source == PorosityFactor.Source.GREY) {
            t.column("grey_mean", "", Table.Kind.REAL, "local mean grey value G");
        }
        BlockSums.Grid g = b.grid();
        for (int iz = 0; iz < g.nbz(); iz++) {
            for (int iy = 0; iy < g.nby(); iy++) {
                for (int ix = 0; ix < g.nbx(); ix++) {
                    int i = g.index(ix, iy, iz);
                    double xc = b.centreUm(Axis.X, ix);
                    double yc = b.centreUm(Axis.Y, iy);
                    double zc = b.centreUm(Axis.Z, iz);
                    if (b.greyMean() != null) {
                        t.row(ix, iy, iz, xc, yc, zc, b.porosity()[i], b.d()[i], b.greyMean()[i]);
                    } else {
                        t.row(ix, iy, iz, xc, yc, zc, b.porosity()[i], b.d()[i]);
                    }
                }
            }
        }
        return t.build();
    }

    private static Table sectionTable(String name, PorosityFactor.Blocks b, Axis through) {
        Table.Builder t = Table.builder(name)
                .column("orientation", "", Table.Kind.TEXT, "through_plane: cubes at one index along the " + through.label()
                        + " axis; in_plane: cubes at one index along the " + through.firstInPlane().label() + " axis")
                .column("section", "", Table.Kind.INTEGER, "cube index along the section's axis")
                .column("position_um", "um", Table.Kind.REAL, "centre of the section along its axis")
                .column("mean", "", Table.Kind.REAL, "mean d")
                .column("median", "", Table.Kind.REAL, "median d")
                .column("std", "", Table.Kind.REAL, "population standard deviation of d (ddof 0)")
                .column("min", "", Table.Kind.REAL, "smallest d")
                .column("max", "", Table.Kind.REAL, "largest d")
                .column("q1", "", Table.Kind.REAL, "25th percentile of d (linear)")
                .column("q3", "", Table.Kind.REAL, "75th percentile of d (linear)")
                .column("n", "", Table.Kind.INTEGER, "cubes in the section");
        sectionRows(t, b, "through_plane", through);
        sectionRows(t, b, "in_plane", through.firstInPlane());
        return t.build();
    }

    private static void sectionRows(Table.Builder t, PorosityFactor.Blocks b, String orientation, Axis axis) {
        for (int k = 0; k < b.grid().blocksAlong(axis.index()); k++) {
            SampleStats s = SampleStats.of(b.section(axis, k));
            t.row(orientation, k, b.centreUm(axis, k), s.mean(), s.median(), s.std(), s.min(), s.max(), s.q1(), s.q3(), s.n());
        }
    }

    private static void plots(OpResult r, PorosityFactor.Blocks b, Axis through, String sfx, SampleStats all) {
        double lo = all.min();
        double hi = all.max();
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = -1;
            hi = 1;
        } else if (!(hi > lo)) {
            lo -= 0.5;
            hi += 0.5;
        }
        String size = Check.fmt(b.blockUm()) + " um cubes";
        Axis u = through.firstInPlane();
        Axis v = through.secondInPlane();
        for (int k = 0; k < b.grid().blocksAlong(through.index()); k++) {
            Plot.Grid grid = new Plot.Grid(b.grid().blocksAlong(u.index()), b.grid().blocksAlong(v.index()), b.centreUm(u, 0), b.pitchUm(u),
                    b.centreUm(v, 0), b.pitchUm(v), b.sectionMap(through, k, u, v), lo, hi, "porosity factor d");
            r.plot(Plot.heatmap("d_through_plane_" + k + sfx, "d, through-plane section " + k + " (" + through.label() + " = "
                    + Check.fmt(round3(b.centreUm(through, k))) + " um), " + size, u.label() + " (um)", v.label() + " (um)", grid));
        }
        Axis w = through.firstInPlane();
        Axis h = through.secondInPlane();
        for (int k = 0; k < b.grid().blocksAlong(w.index()); k++) {
            Plot.Grid grid = new Plot.Grid(b.grid().blocksAlong(h.index()), b.grid().blocksAlong(through.index()), b.centreUm(h, 0),
                    b.pitchUm(h), b.centreUm(through, 0), b.pitchUm(through), b.sectionMap(w, k, h, through), lo, hi, "porosity factor d");
            r.plot(Plot.heatmap("d_in_plane_" + k + sfx, "d, in-plane section " + k + " (" + w.label() + " = "
                    + Check.fmt(round3(b.centreUm(w, k))) + " um), " + size, h.label() + " (um)", through.label() + " (um)", grid));
        }
        List<Plot.Series> boxes = new ArrayList<>();
        for (int k = 0; k < b.grid().blocksAlong(through.index()); k++) {
            double[] y = b.section(through, k);
            double[] x = new double[y.length];
            java.util.Arrays.fill(x, b.centreUm(through, k));
            boxes.add(new Plot.Series(through.label() + " = " + Check.fmt(round3(b.centreUm(through, k))) + " um", x, y));
        }
        r.plot(new Plot("d_box" + sfx, "porosity factor per through-plane section, " + size, through.label() + " (um)", "porosity factor d",
                Plot.Kind.BOX, false, boxes));
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
