package org.tomolyte.analysis.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tomolyte.core.Dims;
import org.tomolyte.core.Plot;
import org.tomolyte.core.Table;
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
 * {@code dvc.displacement}: displacement vectors between a reference and a deformed scan on a grid
 * of subsets, by digital volume correlation ({@link Dvc}): Lewis et al. (paper 003), Fig. 5b, the
 * non-uniform displacement of the solid electrolyte pellet during cycling.
 *
 * <p>Table {@code displacement}: {@code x_um, y_um, z_um} (subset centre in the reference, from
 * the outer corner of voxel 0), {@code u_um, v_um, w_um} (position in deformed minus position in
 * reference; NaN when the correlation is below {@code min_correlation}, the best integer shift
 * is at the search limit, or the subset has no texture) and {@code correlation} (ZNCC at the match). Metrics: {@code vectors},
 * {@code valid_vectors}, {@code mean_u_um, mean_v_um, mean_w_um} and {@code max_magnitude_um} over
 * the valid vectors (NaN when there are none). Plot {@code displacement}: the x-z section through
 * the middle row of subsets, arrows (u, w) drawn five times their length as in the paper's
 * figure.
 */
public final class DvcOp implements Op<DvcOp.Params> {

    /** Arrow magnification of the quiver plot: Lewis et al. Fig. 5b scale vectors by five. */
    public static final double ARROW_SCALE = 5;

    /**
     * Parameters of {@code dvc.displacement}.
     *
     * @param subsetUm       subset edge, um
     * @param stepUm         distance between subset centres, um
     * @param searchUm       largest displacement searched along each axis, um
     * @param minCorrelation smallest ZNCC of a valid vector
     */
    public record Params(
            @Param(doc = "edge of the cubic subsets matched between the scans (2 round(subset/2/voxel) + 1 voxels per axis)",
                    unit = "um", min = 0, minExclusive = true) double subsetUm,
            @Param(doc = "distance between subset centres", unit = "um", min = 0, minExclusive = true) double stepUm,
            @Param(doc = "largest displacement searched along each axis", unit = "um", min = 0) double searchUm,
            @Param(doc = "vectors whose zero-normalised cross-correlation is below this are not valid (NaN)", defaultValue = "0.5",
                    min = -1, max = 1) double minCorrelation) {
        public Params {
            Check.greater("subset_um", subsetUm, 0);
            Check.greater("step_um", stepUm, 0);
            Check.atLeast("search_um", searchUm, 0);
            Check.range("min_correlation", minCorrelation, -1, 1);
        }

        Dvc.Settings settings() {
            return new Dvc.Settings(subsetUm, stepUm, searchUm, minCorrelation);
        }
    }

    @Override
    public String id() {
        return "dvc.displacement";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Displacement vectors between two scans by subset matching (ZNCC, sub-voxel refinement); table, metrics, quiver plot";
    }

    @Override
    public String reference() {
        return "Bay et al., Exp. Mech. 39, 217 (1999); Pan et al., Exp. Mech. 53, 1277 (2013); Lewis et al. (paper 003) Fig. 5b";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("reference", "reference scan"), Port.volume("deformed", "deformed scan, same size and voxel size"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.table("displacement", "one displacement vector per subset"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec ref = (DataSpec.VolumeSpec) in.get("reference");
        DataSpec.VolumeSpec def = (DataSpec.VolumeSpec) in.get("deformed");
        RegisterTranslationOp.checkSpecs(ref, def, "reference", "deformed");
        Dvc.grid(ref.dims(), ref.spacing(), p.settings());
        return Map.of("displacement", new DataSpec.TableSpec("displacement"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Volume ref = in.volume("reference");
        Dvc.Field field = Dvc.compute(ref, in.volume("deformed"), p.settings(), ctx.progress());
        Table.Builder t = Table.builder("displacement")
                .column("x_um", "um", Table.Kind.REAL, "subset centre x in the reference")
                .column("y_um", "um", Table.Kind.REAL, "subset centre y in the reference")
                .column("z_um", "um", Table.Kind.REAL, "subset centre z in the reference")
                .column("u_um", "um", Table.Kind.REAL, "displacement along x (deformed minus reference); NaN when not valid")
                .column("v_um", "um", Table.Kind.REAL, "displacement along y; NaN when not valid")
                .column("w_um", "um", Table.Kind.REAL, "displacement along z; NaN when not valid")
                .column("correlation", "", Table.Kind.REAL, "zero-normalised cross-correlation at the match");
        double su = 0;
        double sv = 0;
        double sw = 0;
        double max = Double.NaN;
        long valid = 0;
        for (Dvc.Vector v : field.vectors()) {
            t.row(v.xUm(), v.yUm(), v.zUm(), v.uUm(), v.vUm(), v.wUm(), v.correlation());
            if (v.valid()) {
                valid++;
                su += v.uUm();
                sv += v.vUm();
                sw += v.wUm();
                max = Double.isNaN(max) ? v.magnitudeUm() : Math.max(max, v.magnitudeUm());
            }
        }
        OpResult r = new OpResult().table("displacement", t.build());
        r.metrics().put("vectors", (long) field.vectors().size()).put("valid_vectors", valid)
                .put("mean_u_um", valid > 0 ? su / valid : Double.NaN).put("mean_v_um", valid > 0 ? sv / valid : Double.NaN)
                .put("mean_w_um", valid > 0 ? sw / valid : Double.NaN).put("max_magnitude_um", max);
        r.plot(quiver(field));
        return r;
    }

    /**
     * The x-z section through the middle row of subsets, arrows (u, w) magnified {@link #ARROW_SCALE}
     * times; subsets without a valid vector keep their place (NaN components, drawn as grey dots).
     */
    static Plot quiver(Dvc.Field field) {
        Dims g = field.grid();
        int row = g.ny() / 2;
        List<Dvc.Vector> section = new ArrayList<>();
        double y = Double.NaN;
        for (Dvc.Vector v : field.vectors()) {
            if (v.gridY() == row) {
                y = v.yUm();
                section.add(v);
            }
        }
        int n = section.size();
        double[] xs = new double[n];
        double[] zs = new double[n];
        double[] us = new double[n];
        double[] ws = new double[n];
        for (int i = 0; i < n; i++) {
            Dvc.Vector v = section.get(i);
            xs[i] = v.xUm();
            zs[i] = v.zUm();
            us[i] = v.valid() ? v.uUm() : Double.NaN;
            ws[i] = v.valid() ? v.wUm() : Double.NaN;
        }
        String title = String.format(java.util.Locale.ROOT, "Displacement (u, w), x-z section at y = %.1f um; arrows scaled x%.0f (as Lewis et al. Fig. 5b)",
                y, ARROW_SCALE);
        return Plot.quiver("displacement", title, "x (um)", "z (um)", new Plot.Arrows(xs, zs, us, ws, ARROW_SCALE));
    }
}
