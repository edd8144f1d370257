package org.tomolyte.analysis.series;

import java.util.ArrayList;
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
 * {@code series.table}: chosen scalar metrics of every scan on one time axis, as values or as
 * changes from the first scan, in one table and one plot (e.g. lithium and interphase volume change
 * over time, Lewis et al. paper 003 Fig. 2b; interface and collector positions, Fig. 5a). To put the
 * cell voltage beside it, join the series table with an electrochemistry table in another series
 * step ({@code echem.join}).
 *
 * <p>Output table {@code table}: {@code index, item, x}, then each column as chosen. Plot
 * {@code table}. Metrics {@code scans, columns}.
 */
public final class SeriesTableOp implements Op<SeriesTableOp.Params> {

    /** How values are reported. */
    public enum Relative {
        /** As measured. */
        NONE,
        /** Minus the first scan's value (same unit). */
        DIFFERENCE,
        /** Change from the first scan in percent of it. */
        PERCENT
    }

    /**
     * Parameters.
     *
     * @param columns  series columns, comma-separated (default: every metric column); {@code COLUMN as NAME}
     *                 renames a column in the output (e.g. to feed {@code model.symmetric_cell}'s {@code contact_fraction_top})
     * @param relative none, difference or percent
     * @param x        series column on the x axis (time_s when present, else index)
     * @param yLabel   y axis label of the plot (with unit)
     */
    public record Params(
            @Param(doc = "series columns, comma-separated (default: every metric); 'COLUMN as NAME' renames one in the output",
                    optional = true) String columns,
            @Param(doc = "none (values), difference (minus the first scan) or percent (change in % of the first scan)", defaultValue = "none")
            Relative relative,
            @Param(doc = "series column on the x axis (time_s when present, else index)", optional = true) String x,
            @Param(doc = "y axis label of the plot, with unit", defaultValue = "value") String yLabel) {
        public Params {
            org.tomolyte.core.op.Check.required("relative", relative);
        }
    }

    @Override
    public String id() {
        return "series.table";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Chosen per-scan metrics on one time axis (values or changes from the first scan), table and plot";
    }

    @Override
    public String reference() {
        return "Lewis et al. (paper 003) Fig. 2b, 5a";
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
        return List.of(Port.table("table", "the chosen columns per scan"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        return Map.of("table", new DataSpec.TableSpec("table"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Table t = in.table("series");
        int n = t.rowCount();
        List<String> cols = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (p.columns() == null) {
            cols.addAll(SeriesColumns.metricColumns(t));
            names.addAll(cols);
        } else {
            for (String c : p.columns().split(",")) {
                String[] parts = c.strip().split("\\s+as\\s+");
                if (parts[0].isBlank()) {
                    continue;
                }
                if (parts.length > 2 || (parts.length == 2 && !parts[1].matches("[A-Za-z][A-Za-z0-9_.]*"))) {
                    throw new org.tomolyte.core.ParameterException("columns: expected COLUMN or COLUMN as NAME (NAME: letters, digits, _), found '"
                            + c.strip() + "'");
                }
                cols.add(SeriesColumns.normalise(parts[0]));
                names.add(parts.length == 2 ? parts[1] : SeriesColumns.normalise(parts[0]));
            }
        }
        String xName = SeriesColumns.x(t, p.x());
        double[] x = SeriesColumns.numbers(t, xName, "x");
        String[] items = SeriesColumns.items(t);
        String suffix = switch (p.relative()) {
            case NONE -> "";
            case DIFFERENCE -> "_change";
            case PERCENT -> "_change_percent";
        };
        Table.Builder b = Table.builder("table").column("index", "", Table.Kind.INTEGER, "scan")
                .column("item", "", Table.Kind.TEXT, "scan name").column(xName, "", Table.Kind.REAL, "x of the plot");
        List<double[]> values = new ArrayList<>();
        List<Plot.Series> series = new ArrayList<>();
        for (int k = 0; k < cols.size(); k++) {
            String c = cols.get(k);
            double[] v = SeriesColumns.numbers(t, c, "columns");
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = switch (p.relative()) {
                    case NONE -> v[i];
                    case DIFFERENCE -> v[i] - v[0];
                    case PERCENT -> 100 * (v[i] - v[0]) / v[0];
                };
            }
            values.add(y);
            b.column(names.get(k) + suffix, p.relative() == Relative.PERCENT ? "%" : "", Table.Kind.REAL,
                    p.relative() == Relative.NONE ? "per-scan metric" : "change from the first scan");
            series.add(new Plot.Series(names.get(k), x, y));
        }
        for (int i = 0; i < n; i++) {
            Object[] row = new Object[3 + cols.size()];
            row[0] = (long) i;
            row[1] = items[i];
            row[2] = x[i];
            for (int k = 0; k < cols.size(); k++) {
                row[3 + k] = values.get(k)[i];
            }
            b.row(row);
        }
        OpResult out = new OpResult().table("table", b.build());
        out.metrics().put("scans", (long) n).put("columns", (long) cols.size());
        out.plot(new Plot("table", p.relative() == Relative.NONE ? "Per-scan metrics" : "Change from the first scan", xName, p.yLabel(),
                Plot.Kind.LINE, false, series));
        return out;
    }
}
