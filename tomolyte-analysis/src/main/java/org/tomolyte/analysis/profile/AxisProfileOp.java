package org.tomolyte.analysis.profile;

import org.tomolyte.core.Axis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.tomolyte.core.InputException;
import org.tomolyte.core.PhaseTable;
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
 * {@code profile.axis}: per slice along an axis, the grey mean, std (population), min and max and,
 * with {@code labels}, the fraction of every phase ({@link AxisProfile}). Table {@code profile}:
 * {@code index, position_um} (slice centre, (index + 0.5) spacing), {@code mean, std, min, max},
 * {@code fraction_<phase>} per phase (names from the protocol's phase table, else the label value,
 * e.g. {@code fraction_3}; named phases absent from the labels get 0). Plots: grey mean with mean +- std
 * and min/max; phase fractions.
 */
public final class AxisProfileOp implements Op<AxisProfileOp.Params> {

    /**
     * Parameters of {@code profile.axis}.
     *
     * @param axis the axis along which slices are indexed
     */
    public record Params(@Param(doc = "axis along which slices are indexed (z: the stack / through-plane axis)", defaultValue = "z") Axis axis) {
        public Params {
            Check.required("axis", axis);
        }
    }

    @Override
    public String id() {
        return "profile.axis";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Per-slice grey mean, std, min, max along an axis, and phase fractions per slice when labels are given";
    }

    @Override
    public String reference() {
        return "slice-wise profiles through the cell thickness (papers 001, 003)";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("image", "grey image, any type"),
                Port.optionalVolume("labels", "phase labels (u8, u16 or i32) of the same size"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.table("profile", "index, position_um, mean, std, min, max, fraction_<phase>"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec im = (DataSpec.VolumeSpec) in.get("image");
        if (in.get("labels") instanceof DataSpec.VolumeSpec lab) {
            if (!lab.type().isInteger()) {
                throw new InputException("labels must be an integer volume (u8, u16 or i32), got " + lab.type().label());
            }
            if (!lab.dims().equals(im.dims())) {
                throw new InputException("labels (" + lab.dims() + ") and image (" + im.dims() + ") must have the same size");
            }
        }
        return Map.of("profile", new DataSpec.TableSpec("profile"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        var image = in.volume("image");
        var labels = in.optionalVolume("labels");
        AxisProfile.Result res = AxisProfile.compute(image, labels, p.axis(), ctx.progress());
        double s = image.spacing().along(p.axis().index());
        String ax = p.axis().label();
        Table.Builder t = Table.builder("profile")
                .column("index", "", Table.Kind.INTEGER, "slice index along " + ax)
                .column("position_um", "um", Table.Kind.REAL, "slice centre along " + ax + ", (index + 0.5) * spacing")
                .column("mean", "", Table.Kind.REAL, "mean grey of the slice")
                .column("std", "", Table.Kind.REAL, "population standard deviation of grey in the slice")
                .column("min", "", Table.Kind.REAL, "smallest grey in the slice")
                .column("max", "", Table.Kind.REAL, "largest grey in the slice");
        PhaseTable phases = ctx.phases();
        TreeSet<Integer> ids = new TreeSet<>(res.labelCounts().keySet());
        if (labels != null) {
            ids.addAll(phases.names().keySet());
            for (int id : ids) {
                t.column("fraction_" + phaseName(phases, id), "", Table.Kind.REAL, "voxel fraction of label " + id + " in the slice");
            }
        }
        int n = res.mean().length;
        double[] pos = new double[n];
        List<double[]> fractions = new ArrayList<>();
        for (int id : ids) {
            long[] c = res.labelCounts().get(id);
            double[] f = new double[n];
            for (int i = 0; i < n && c != null; i++) {
                f[i] = c[i] / (double) res.voxels();
            }
            fractions.add(f);
        }
        for (int i = 0; i < n; i++) {
            pos[i] = (i + 0.5) * s;
            Object[] row = new Object[6 + (labels != null ? ids.size() : 0)];
            row[0] = i;
            row[1] = pos[i];
            row[2] = res.mean()[i];
            row[3] = res.std()[i];
            row[4] = res.min()[i];
            row[5] = res.max()[i];
            for (int k = 0; k < fractions.size() && labels != null; k++) {
                row[6 + k] = fractions.get(k)[i];
            }
            t.row(row);
        }
        OpResult r = new OpResult().table("profile", t.build());
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            lo[i] = res.mean()[i] - res.std()[i];
            hi[i] = res.mean()[i] + res.std()[i];
        }
        r.plot(new Plot("profile", "grey profile along " + ax, ax + " (um)", "grey value", Plot.Kind.LINE, false,
                List.of(new Plot.Series("mean", pos, res.mean()), new Plot.Series("mean - std", pos, lo),
                        new Plot.Series("mean + std", pos, hi), new Plot.Series("min", pos, res.min()), new Plot.Series("max", pos, res.max()))));
        if (labels != null) {
            List<Plot.Series> fs = new ArrayList<>();
            int k = 0;
            for (int id : ids) {
                fs.add(new Plot.Series(phaseName(phases, id), pos, fractions.get(k++)));
            }
            r.plot(new Plot("fractions", "phase fractions along " + ax, ax + " (um)", "voxel fraction", Plot.Kind.LINE, false, fs));
        }
        r.metrics().put("slices", (long) n).put("voxels_per_slice", res.voxels());
        return r;
    }

    /** The phase's name from the protocol's phase table, else its label value. */
    static String phaseName(PhaseTable phases, int id) {
        String n = phases.names().get(id);
        return n != null ? n : Integer.toString(id);
    }
}
