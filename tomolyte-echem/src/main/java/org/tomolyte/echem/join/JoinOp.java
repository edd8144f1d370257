package org.tomolyte.echem.join;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
import org.tomolyte.echem.eclab.Canonical;
import org.tomolyte.echem.eclab.Tables;

/**
 * {@code echem.join}: joins an image-series table (one row per scan or per sample) with an
 * electrochemistry table, so that any image metric can be plotted against potential, charge
 * passed or cycle (paper 003: contact fraction and interphase growth against the cell voltage),
 * and samples compared across a series (paper 001 Fig. 3b: porosity against charge to failure).
 * Matching is nearest, linear or exact on a key column ({@link TableJoin}). An echem table with
 * EC-Lab column names is first turned into its canonical view ({@code time_s, Ewe_V, I_mA, Q_mAh,
 * cycle, ...}, see {@link Canonical}).
 *
 * <p>Output table {@code joined}: the series table plus the echem columns. With {@code plot_x}
 * and {@code plot_y} a plot {@code join} of those two columns of the joined table is drawn
 * (markers for exact joins, lines otherwise). Metrics: {@code rows}, {@code matched} (rows with a match).
 */
public final class JoinOp implements Op<JoinOp.Params> {

    /**
     * Parameters of {@code echem.join}.
     *
     * @param method     nearest, linear or exact
     * @param on         key column of the series table
     * @param echemOn    key column of the echem table
     * @param timeOffsetS added to the series key before matching (numeric keys), s
     * @param columns    echem columns to bring, comma-separated (default all numeric)
     * @param plotX      joined-table column on the plot's x axis (optional)
     * @param plotY      joined-table column on the plot's y axis (optional)
     */
    public record Params(
            @Param(doc = "nearest (closest key), linear (interpolated, NaN outside the echem range) or exact (equal keys, e.g. sample ids)",
                    defaultValue = "nearest") TableJoin.Method method,
            @Param(doc = "key column of the series table", defaultValue = "time_s") String on,
            @Param(doc = "key column of the echem table (after the canonical view)", defaultValue = "time_s") String echemOn,
            @Param(doc = "added to the series key before matching", unit = "s", defaultValue = "0") double timeOffsetS,
            @Param(doc = "echem columns to bring, comma-separated (default: all numeric columns)", optional = true) String columns,
            @Param(doc = "column of the joined table on the plot's x axis", optional = true) String plotX,
            @Param(doc = "column of the joined table on the plot's y axis", optional = true) String plotY) {
        public Params {
            Check.required("method", method);
            Check.finite("time_offset_s", timeOffsetS);
            if (on == null || on.isBlank() || echemOn == null || echemOn.isBlank()) {
                throw new ParameterException("on and echem_on must name columns, got on='" + on + "', echem_on='" + echemOn + "'");
            }
            if ((plotX == null) != (plotY == null)) {
                throw new ParameterException("plot_x and plot_y go together, got plot_x=" + plotX + ", plot_y=" + plotY);
            }
        }
    }

    @Override
    public String id() {
        return "echem.join";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Join an image-series table with an electrochemistry table on time (nearest/linear) or on a key (exact); optional plot";
    }

    @Override
    public String reference() {
        return "Dixit et al. (paper 001) Fig. 3b (porosity vs charge to failure); Lewis et al. (paper 003) contact area vs voltage";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.table("series", "image-series or per-sample table with the key column"),
                Port.table("echem", "electrochemistry table (EC-Lab or canonical names) or any table with the key column"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.table("joined", "the series table with the echem columns added"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        return Map.of("joined", new DataSpec.TableSpec("joined"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Table series = in.table("series");
        Table echem = in.table("echem");
        if (Tables.has(echem, "time/s")) {
            echem = Canonical.view(echem, "echem");
        }
        List<String> cols = p.columns() == null ? List.of() : Arrays.stream(p.columns().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        Table joined = TableJoin.join(series, p.on(), echem, p.echemOn(), p.timeOffsetS(), cols, p.method(), "joined");
        OpResult r = new OpResult().table("joined", joined);
        int added = joined.columns().size() - series.columns().size();
        long matched = 0;
        for (int row = 0; row < joined.rowCount(); row++) {
            boolean any = added == 0;
            for (int c = series.columns().size(); c < joined.columns().size(); c++) {
                any |= !Double.isNaN(((Number) joined.value(row, c)).doubleValue());
            }
            matched += any ? 1 : 0;
        }
        r.metrics().put("rows", (long) joined.rowCount()).put("matched", matched);
        if (p.plotX() != null) {
            double[] x = Tables.required(joined, p.plotX(), "plot_x");
            double[] y = Tables.required(joined, p.plotY(), "plot_y");
            List<Plot.Series> s = new ArrayList<>();
            s.add(new Plot.Series(p.plotY(), x, y));
            r.plot(new Plot("join", p.plotY() + " vs " + p.plotX(), p.plotX(), p.plotY(),
                    p.method() == TableJoin.Method.EXACT ? Plot.Kind.SCATTER : Plot.Kind.LINE, false, s));
        }
        return r;
    }
}
