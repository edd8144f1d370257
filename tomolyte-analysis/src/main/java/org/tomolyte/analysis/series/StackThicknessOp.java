package org.tomolyte.analysis.series;

import java.util.List;
import java.util.Map;
import org.tomolyte.core.ParameterException;
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
 * {@code series.stack_thickness}: distance between the two current collectors per scan and its
 * change (Lewis et al., paper 003, Fig. 5c: the stack thickness over a sub-volume grows as the
 * cell is cycled). The per-scan distance comes from the series table: either one column holding it
 * (e.g. {@code positions.stack_thickness_um} of an {@code interface.positions} step run on a
 * cropped sub-volume) or the two collector heights, whose absolute difference is taken.
 *
 * <p>Output table {@code stack}: {@code index, item, x, stack_thickness_um, change_um,
 * change_percent} (relative to the first scan); plot {@code stack}. Metrics {@code first_um,
 * last_um, change_um, change_percent, max_abs_change_um}.
 */
public final class StackThicknessOp implements Op<StackThicknessOp.Params> {

    /**
     * Parameters.
     *
     * @param column stack-thickness column (um), or
     * @param top    top collector height column (um), with
     * @param bottom bottom collector height column (um)
     * @param x      series column on the plot's x axis
     */
    public record Params(
            @Param(doc = "series column holding the stack thickness per scan, e.g. positions.stack_thickness_um", optional = true) String column,
            @Param(doc = "series column of the top collector height (with bottom, instead of column)", unit = "um", optional = true) String top,
            @Param(doc = "series column of the bottom collector height", unit = "um", optional = true) String bottom,
            @Param(doc = "series column on the plot's x axis (time_s when present, else index)", optional = true) String x) {
        public Params {
            boolean pair = top != null && bottom != null;
            if ((column != null) == pair || (!pair && (top != null || bottom != null))) {
                throw new ParameterException("give either column, or top and bottom (collector heights), got column=" + column + ", top=" + top
                        + ", bottom=" + bottom);
            }
        }
    }

    @Override
    public String id() {
        return "series.stack_thickness";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Collector-to-collector stack thickness per scan and its change";
    }

    @Override
    public String reference() {
        return "Lewis et al. (paper 003) Fig. 5c";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.table("series", "the series table"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.table("stack", "stack thickness per scan"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        return Map.of("stack", new DataSpec.TableSpec("stack"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Table t = in.table("series");
        int n = t.rowCount();
        double[] d;
        if (p.column() != null) {
            d = SeriesColumns.numbers(t, p.column(), "column");
        } else {
            double[] a = SeriesColumns.numbers(t, p.top(), "top");
            double[] b = SeriesColumns.numbers(t, p.bottom(), "bottom");
            d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = Math.abs(a[i] - b[i]);
            }
        }
        String xName = SeriesColumns.x(t, p.x());
        double[] x = SeriesColumns.numbers(t, xName, "x");
        String[] items = SeriesColumns.items(t);
        Table.Builder b = Table.builder("stack").column("index", "", Table.Kind.INTEGER, "scan")
                .column("item", "", Table.Kind.TEXT, "scan name").column(xName, "", Table.Kind.REAL, "x of the plot")
                .column("stack_thickness_um", "um", Table.Kind.REAL, "collector-to-collector distance")
                .column("change_um", "um", Table.Kind.REAL, "change from the first scan")
                .column("change_percent", "%", Table.Kind.REAL, "change from the first scan relative to it");
        double maxAbs = 0;
        for (int i = 0; i < n; i++) {
            double ch = d[i] - d[0];
            maxAbs = Math.max(maxAbs, Math.abs(ch));
            b.row((long) i, items[i], x[i], d[i], ch, 100 * ch / d[0]);
        }
        OpResult out = new OpResult().table("stack", b.build());
        out.metrics().put("first_um", d[0]).put("last_um", d[n - 1]).put("change_um", d[n - 1] - d[0])
                .put("change_percent", 100 * (d[n - 1] - d[0]) / d[0]).put("max_abs_change_um", maxAbs);
        out.plot(new Plot("stack", "Stack thickness (collector to collector)", xName, "stack thickness (um)", Plot.Kind.LINE, false,
                List.of(new Plot.Series("", x, d))));
        return out;
    }
}
