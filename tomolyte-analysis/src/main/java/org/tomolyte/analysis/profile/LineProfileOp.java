package org.tomolyte.analysis.profile;

import java.util.List;
import java.util.Map;

import org.tomolyte.core.Plot;
import org.tomolyte.core.Spacing;
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
 * {@code profile.line}: grey values along a segment from {@code from_um} to {@code to_um}
 * ({@link LineProfile}; paper 003 Fig. S5). Table {@code line}: {@code distance_um, x_um, y_um,
 * z_um, value}; plot of value against distance; metrics {@code length_um}, {@code samples}.
 */
public final class LineProfileOp implements Op<LineProfileOp.Params> {

    /**
     * Parameters of {@code profile.line}.
     *
     * @param fromUm        start [x, y, z] in um
     * @param toUm          end [x, y, z] in um
     * @param stepUm        distance between samples in um; null = the smallest voxel size
     * @param interpolation linear or nearest
     */
    public record Params(
            @Param(doc = "start point [x, y, z]; voxel i covers [i s, (i + 1) s)", unit = "um") double[] fromUm,
            @Param(doc = "end point [x, y, z]", unit = "um") double[] toUm,
            @Param(doc = "distance between samples (default: the smallest voxel size)", unit = "um", optional = true, min = 0,
                    minExclusive = true) Double stepUm,
            @Param(doc = "linear: trilinear between voxel centres; nearest: the voxel containing the point", defaultValue = "linear")
            LineProfile.Interpolation interpolation) {
        public Params {
            for (var e : List.of(Map.entry("from_um", fromUm == null ? new double[0] : fromUm), Map.entry("to_um", toUm == null ? new double[0] : toUm))) {
                if (e.getValue().length != 3) {
                    throw new org.tomolyte.core.ParameterException(e.getKey() + " must be three values [x, y, z] in um, got "
                            + e.getValue().length + " values");
                }
                for (double v : e.getValue()) {
                    Check.finite(e.getKey(), v);
                }
            }
            fromUm = fromUm.clone();
            toUm = toUm.clone();
            if (stepUm != null) {
                Check.greater("step_um", stepUm, 0);
            }
            Check.required("interpolation", interpolation);
        }

        /** The step in um for voxel size {@code s}. */
        public double step(Spacing s) {
            return stepUm != null ? stepUm : Math.min(s.x(), Math.min(s.y(), s.z()));
        }
    }

    @Override
    public String id() {
        return "profile.line";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Grey values along a straight segment in um (trilinear or nearest): distance, position, value";
    }

    @Override
    public String reference() {
        return "Lewis et al., paper 003, Fig. S5 (grey-value line profiles)";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("image", "grey image, any type"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.table("line", "distance_um, x_um, y_um, z_um, value"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec v = (DataSpec.VolumeSpec) in.get("image");
        LineProfile.checkInside("from_um", p.fromUm(), v.dims(), v.spacing());
        LineProfile.checkInside("to_um", p.toUm(), v.dims(), v.spacing());
        double len = Math.sqrt(Math.pow(p.toUm()[0] - p.fromUm()[0], 2) + Math.pow(p.toUm()[1] - p.fromUm()[1], 2)
                + Math.pow(p.toUm()[2] - p.fromUm()[2], 2));
        LineProfile.sampleCount(len, p.step(v.spacing()));
        return Map.of("line", new DataSpec.TableSpec("line"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        var image = in.volume("image");
        LineProfile.Result res = LineProfile.sample(image, p.fromUm(), p.toUm(), p.step(image.spacing()), p.interpolation());
        Table.Builder t = Table.builder("line")
                .column("distance_um", "um", Table.Kind.REAL, "distance from from_um")
                .column("x_um", "um", Table.Kind.REAL, "sample x")
                .column("y_um", "um", Table.Kind.REAL, "sample y")
                .column("z_um", "um", Table.Kind.REAL, "sample z")
                .column("value", "", Table.Kind.REAL, "grey value (" + p.interpolation().name().toLowerCase(java.util.Locale.ROOT) + ")");
        int n = res.value().length;
        for (int k = 0; k < n; k++) {
            t.row(res.distanceUm()[k], res.xUm()[k], res.yUm()[k], res.zUm()[k], res.value()[k]);
        }
        OpResult r = new OpResult().table("line", t.build());
        r.plot(new Plot("line", "grey values along the segment", "distance (um)", "grey value", Plot.Kind.LINE, false,
                List.of(new Plot.Series("value", res.distanceUm(), res.value()))));
        double len = Math.sqrt(Math.pow(p.toUm()[0] - p.fromUm()[0], 2) + Math.pow(p.toUm()[1] - p.fromUm()[1], 2)
                + Math.pow(p.toUm()[2] - p.fromUm()[2], 2));
        r.metrics().put("length_um", len).put("samples", (long) n);
        return r;
    }
}
