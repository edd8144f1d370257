package org.tomolyte.image.label;

import java.util.List;
import java.util.Map;
import org.tomolyte.core.Plot;
import org.tomolyte.core.Table;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;

/**
 * {@code labels.properties}: one table row per label with voxels, volume, centroid, bounding
 * box, equivalent diameter, axis lengths of the ellipsoid of equal second moments, elongation,
 * flatness, surface area (Crofton), sphericity and whether it touches the volume border; all
 * lengths in um on anisotropic voxels. Definitions: {@link LabelProperties}. Metric
 * {@code count}; plot {@code equivalent_diameter}: histogram of the equivalent diameters.
 */
public final class LabelPropertiesOp implements Op<LabelPropertiesOp.Params> {

    /**
     * Parameters of {@code labels.properties}.
     *
     * @param bins bins of the equivalent-diameter histogram
     */
    public record Params(
            @Param(doc = "bins of the equivalent-diameter histogram plot", defaultValue = "40", min = 1, max = 10000) int bins) {
        public Params {
            org.tomolyte.core.op.Check.range("bins", bins, 1, 10000);
        }
    }

    @Override
    public String id() {
        return "labels.properties";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Per-label volume, centroid, bbox, equivalent diameter, axes, elongation, flatness, surface area, sphericity (table)";
    }

    @Override
    public String reference() {
        return "skimage.measure.regionprops (same definitions where both define them); surface by the Crofton formula "
                + "(Lehmann and Legland, Insight Journal 2012)";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("labels", "label volume, integer type, 0 = background"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.table("properties", "one row per label, lengths in um, areas in um^2, volumes in um^3"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        ConnectedComponentsOp.requireIntegerMask(in.get("labels"), "labels");
        return Map.of("properties", new DataSpec.TableSpec("properties"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Table t = LabelProperties.of(in.volume("labels"), ctx.progress());
        OpResult r = new OpResult().table("properties", t);
        r.metrics().put("count", (long) t.rowCount());
        if (t.rowCount() > 0) {
            r.plot(histogram(t, p.bins()));
        }
        return r;
    }

    /** Histogram of {@code equivalent_diameter_um}: equal-width bins from the smallest to the largest. */
    static Plot histogram(Table t, int bins) {
        int n = t.rowCount();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = t.number(i, "equivalent_diameter_um");
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        int b = hi > lo ? bins : 1;
        double w = hi > lo ? (hi - lo) / b : 1;
        double[] x = new double[b];
        double[] y = new double[b];
        for (int k = 0; k < b; k++) {
            x[k] = hi > lo ? lo + (k + 0.5) * w : lo;
        }
        for (int i = 0; i < n; i++) {
            int k = hi > lo ? (int) Math.min(b - 1, (t.number(i, "equivalent_diameter_um") - lo) / w) : 0;
            y[k]++;
        }
        return new Plot("equivalent_diameter", "Equivalent diameters", "equivalent diameter (um)", "components",
                Plot.Kind.STEP, false, List.of(new Plot.Series("components", x, y)));
    }
}
