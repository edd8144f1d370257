package org.tomolyte.analysis.series;

import java.util.ArrayList;
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
 * {@code series.contact_change}: percent change of contact (area or fraction) between chosen
 * scans, for one or both interfaces (Lewis et al., paper 003, Fig. 4b-c: contact area of the
 * stripping and plating interfaces relative to the first scan), with the values of every scan
 * against time. Change of scan i relative to the reference scan r: {@code 100 (c_i - c_r) / c_r}.
 *
 * <p>Output table {@code contact}: {@code index, item, x} and per column its value and
 * {@code <column>_change_percent} (relative to the reference scan). Metrics per column (grouped by
 * the column name with {@code .} replaced by {@code _}): {@code reference, compared, change_percent}.
 * Plot {@code contact}: every column against x; with the optional table input {@code echem}
 * (e.g. the cell's time, current and voltage record), its {@code echem_y} column is drawn against
 * a right axis on the same time axis (paper 003 Fig. 4a: contact fraction of both interfaces and
 * the cell voltage); {@code x} must then be a time in the echem table's time unit.
 */
public final class ContactChangeOp implements Op<ContactChangeOp.Params> {

    /**
     * Parameters.
     *
     * @param columns        series columns, comma-separated (e.g. {@code top-contact.contact_fraction, bottom-contact.contact_fraction})
     * @param referenceIndex scan the changes are relative to
     * @param compareIndex   scan compared with the reference for the metrics (-1: the last)
     * @param x              series column on the plot's x axis (default time_s when present, else index)
     * @param echemX         time column of the echem table (same unit as x)
     * @param echemY         column of the echem table drawn against the right axis
     */
    public record Params(
            @Param(doc = "series columns with contact area or fraction, comma-separated") String columns,
            @Param(doc = "index of the reference scan", defaultValue = "0", min = 0) int referenceIndex,
            @Param(doc = "index of the scan compared with the reference in the metrics; -1 is the last", defaultValue = "-1", min = -1)
            int compareIndex,
            @Param(doc = "series column on the plot's x axis (time_s when present, else index)", optional = true) String x,
            @Param(doc = "time column of the echem input (same unit as x)", defaultValue = "time_s") String echemX,
            @Param(doc = "column of the echem input drawn against the right axis, e.g. voltage_V or Ewe/V", defaultValue = "voltage_V")
            String echemY) {
        public Params {
            if (SeriesColumns.list(columns).isEmpty()) {
                throw new ParameterException("columns must name at least one series column, got '" + columns + "'");
            }
        }
    }

    @Override
    public String id() {
        return "series.contact_change";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Percent change of interface contact between chosen scans; contact of every scan against time";
    }

    @Override
    public String reference() {
        return "Lewis et al. (paper 003) Fig. 4a-c";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.table("series", "the series table"),
                Port.optionalTable("echem", "cell record with a time column and e.g. the voltage (plotted on a right axis)"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.table("contact", "contact per scan and its change relative to the reference scan"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        return Map.of("contact", new DataSpec.TableSpec("contact"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Table t = in.table("series");
        int n = t.rowCount();
        int ref = p.referenceIndex();
        int cmp = p.compareIndex() < 0 ? n - 1 : p.compareIndex();
        if (ref >= n || cmp >= n) {
            throw new ParameterException("reference_index " + ref + " and compare_index " + cmp + " must be scans of the series (0.." + (n - 1) + ")");
        }
        String xName = SeriesColumns.x(t, p.x());
        double[] x = SeriesColumns.numbers(t, xName, "x");
        List<String> cols = SeriesColumns.list(p.columns());
        String[] items = SeriesColumns.items(t);
        Table.Builder b = Table.builder("contact").column("index", "", Table.Kind.INTEGER, "scan")
                .column("item", "", Table.Kind.TEXT, "scan name").column(xName, "", Table.Kind.REAL, "x of the plot");
        List<double[]> values = new ArrayList<>();
        List<double[]> changes = new ArrayList<>();
        OpResult out = new OpResult();
        List<Plot.Series> series = new ArrayList<>();
        for (String c : cols) {
            double[] v = SeriesColumns.numbers(t, c, "columns");
            double[] ch = new double[n];
            for (int i = 0; i < n; i++) {
                ch[i] = 100 * (v[i] - v[ref]) / v[ref];
            }
            values.add(v);
            changes.add(ch);
            b.column(c, "", Table.Kind.REAL, "value per scan").column(c + "_change_percent", "%", Table.Kind.REAL,
                    "change relative to scan " + ref);
            out.metrics().group(c.replace('.', '_')).put("reference", v[ref]).put("compared", v[cmp]).put("change_percent", ch[cmp]);
            series.add(new Plot.Series(c, x, v));
        }
        for (int i = 0; i < n; i++) {
            Object[] row = new Object[3 + 2 * cols.size()];
            row[0] = (long) i;
            row[1] = items[i];
            row[2] = x[i];
            for (int k = 0; k < cols.size(); k++) {
                row[3 + 2 * k] = values.get(k)[i];
                row[4 + 2 * k] = changes.get(k)[i];
            }
            b.row(row);
        }
        out.table("contact", b.build());
        Plot plot = new Plot("contact", "Interface contact per scan", xName, "contact", Plot.Kind.LINE, false, series);
        Table echem = in.optionalTable("echem");
        if (echem != null) {
            double[] ex = SeriesColumns.numbers(echem, p.echemX(), "echem_x");
            double[] ey = SeriesColumns.numbers(echem, p.echemY(), "echem_y");
            plot = plot.withRightAxis(p.echemY(), List.of(new Plot.Series(p.echemY(), ex, ey)));
        }
        out.plot(plot);
        return out;
    }
}
