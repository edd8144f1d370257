package org.tomolyte.analysis.intensity;

import java.util.List;
import java.util.Map;

import org.tomolyte.analysis.porosity.SampleStats;
import org.tomolyte.core.Axis;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Plot;
import org.tomolyte.core.Table;
import org.tomolyte.core.op.Check;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;

/**
 * {@code intensity.interface_map}: interfacial intensity map of paper 001 Fig. 6 / S13
 * ({@link InterfaceMap}: per column of a centred square window, the grey mean through
 * {@code depth_um} of electrolyte from the interface, divided by the type's maximum). Tables
 * {@code map} ({@code x_um, y_um, value} for stack axis z; the two in-plane axes otherwise) and
 * {@code window_profile} ({@code index, position_um, mean}: the window's slice means used to find
 * the interface); heat map {@code intensity_map}; metrics {@code mean, std} (population),
 * {@code min, max, median} of the map, {@code interface_um}, {@code first_slice},
 * {@code last_slice}, {@code depth_slices}, {@code normaliser}.
 */
public final class InterfaceMapOp implements Op<InterfaceMapOp.Params> {

    /**
     * Parameters of {@code intensity.interface_map}.
     *
     * @param Interface     top, bottom or z_um (capitalised because {@code interface} is a Java keyword; the
     *                      protocol key is {@code interface})
     * @param zUm           boundary position along the stack axis (interface z_um)
     * @param windowUm      window side
     * @param depthUm       depth averaged into the electrolyte
     * @param stackAxis     stack (through-plane) axis
     */
    public record Params(
            @Param(doc = "top: the electrolyte | Li interface found in the upper half of the stack (large indices; the axis points up); bottom: in the lower half; "
                    + "z_um: the boundary plane given by z_um", defaultValue = "top") InterfaceMap.Interface Interface,
            @Param(doc = "boundary position along the stack axis (interface: z_um); the electrolyte is taken towards the volume's centre",
                    unit = "um", optional = true, min = 0) Double zUm,
            @Param(doc = "side of the square window centred in the plane", unit = "um", defaultValue = "150", min = 0, minExclusive = true)
            double windowUm,
            @Param(doc = "depth of electrolyte averaged from the interface", unit = "um", defaultValue = "500", min = 0, minExclusive = true)
            double depthUm,
            @Param(doc = "stack (through-plane) axis", defaultValue = "z") Axis stackAxis) {
        public Params {
            Check.required("interface", Interface);
            if (Interface == InterfaceMap.Interface.Z_UM) {
                Check.required("z_um", zUm);
            }
            if (zUm != null) {
                Check.atLeast("z_um", zUm, 0);
            }
            Check.greater("window_um", windowUm, 0);
            Check.greater("depth_um", depthUm, 0);
            Check.required("stack_axis", stackAxis);
        }
    }

    @Override
    public String id() {
        return "intensity.interface_map";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Interfacial intensity map: per column of a centred window, grey mean through depth_um of electrolyte from the "
                + "Li | electrolyte interface, divided by the type's maximum (0..1)";
    }

    @Override
    public String reference() {
        return "Dixit et al., paper 001, Fig. 6 and S13 (150 x 150 um window, >= 500 um depth, normalised to depth and 8-bit maximum)";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("image", "grey image (u8, u16, i32, f32 or f64)"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.table("map", "x_um, y_um, value: normalised intensity per column"),
                Port.table("window_profile", "index, position_um, mean: the window's slice means along the stack axis"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec v = (DataSpec.VolumeSpec) in.get("image");
        InterfaceMap.windowVoxels(p.windowUm(), p.stackAxis().firstInPlane(), v.dims(), v.spacing());
        InterfaceMap.windowVoxels(p.windowUm(), p.stackAxis().secondInPlane(), v.dims(), v.spacing());
        InterfaceMap.depthSlices(p.depthUm(), p.stackAxis(), v.dims(), v.spacing());
        if (p.Interface() == InterfaceMap.Interface.Z_UM) {
            double ext = v.dims().size(p.stackAxis().index()) * v.spacing().along(p.stackAxis().index());
            if (p.zUm() > ext) {
                throw new ParameterException("z_um must be in 0.." + Check.fmt(ext) + " um (the stack), got " + Check.fmt(p.zUm()));
            }
        }
        return Map.of("map", new DataSpec.TableSpec("map"), "window_profile", new DataSpec.TableSpec("window_profile"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        var image = in.volume("image");
        InterfaceMap.Result res = InterfaceMap.compute(image, p.Interface(), p.zUm(), p.windowUm(), p.depthUm(), p.stackAxis(),
                ctx.progress());
        String un = res.u().label() + "_um";
        String vn = res.v().label() + "_um";
        Table.Builder t = Table.builder("map")
                .column(un, "um", Table.Kind.REAL, "column centre along " + res.u().label())
                .column(vn, "um", Table.Kind.REAL, "column centre along " + res.v().label())
                .column("value", "", Table.Kind.REAL, "grey mean through " + res.depthSlices() + " slices of electrolyte / "
                        + Check.fmt(res.normaliser()));
        for (int j = 0; j < res.nv(); j++) {
            for (int i = 0; i < res.nu(); i++) {
                t.row(res.uUm(i), res.vUm(j), res.values()[j * res.nu() + i]);
            }
        }
        double sa = image.spacing().along(p.stackAxis().index());
        Table.Builder prof = Table.builder("window_profile")
                .column("index", "", Table.Kind.INTEGER, "slice index along " + p.stackAxis().label())
                .column("position_um", "um", Table.Kind.REAL, "slice centre, (index + 0.5) * spacing")
                .column("mean", "", Table.Kind.REAL, "mean grey of the window in the slice");
        double[] pos = new double[res.profile().length];
        for (int k = 0; k < pos.length; k++) {
            pos[k] = (k + 0.5) * sa;
            prof.row(k, pos[k], res.profile()[k]);
        }
        SampleStats st = SampleStats.of(res.values());
        double lo = st.min();
        double hi = st.max();
        if (!(hi > lo)) {
            lo -= 0.5e-3;
            hi += 0.5e-3;
        }
        OpResult r = new OpResult().table("map", t.build()).table("window_profile", prof.build());
        r.plot(Plot.heatmap("intensity_map", "interfacial intensity map (" + p.Interface().name().toLowerCase(java.util.Locale.ROOT)
                        + ", " + Check.fmt(p.depthUm()) + " um deep)", res.u().label() + " (um)", res.v().label() + " (um)",
                new Plot.Grid(res.nu(), res.nv(), res.uUm(0), image.spacing().along(res.u().index()), res.vUm(0),
                        image.spacing().along(res.v().index()), res.values(), lo, hi, "normalised intensity")));
        r.plot(new Plot("window_profile", "window mean grey along " + p.stackAxis().label() + " (interface at "
                + Check.fmt(Math.round(res.boundary() * sa * 1000) / 1000.0) + " um)", p.stackAxis().label() + " (um)", "grey value",
                Plot.Kind.LINE, false, List.of(new Plot.Series("window mean", pos, res.profile()))));
        r.metrics().put("mean", st.mean()).put("std", st.std()).put("min", st.min()).put("max", st.max()).put("median", st.median())
                .put("interface_um", res.boundary() * sa).put("first_slice", (long) res.firstSlice()).put("last_slice", (long) res.lastSlice())
                .put("depth_slices", (long) res.depthSlices()).put("normaliser", res.normaliser());
        return r;
    }
}
