package org.tomolyte.analysis.series;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Table;

/**
 * Reads columns of a series table ({@code series.csv}: {@code index, item}, the protocol's series
 * values such as {@code time_s}, then one {@code step.metric} column per scalar metric). Column
 * names are matched as the series table writes them: characters other than letters, digits,
 * {@code _} and {@code .} become {@code _}, so {@code top-li.li_volume_um3} finds
 * {@code top_li.li_volume_um3}.
 */
public final class SeriesColumns {

    private SeriesColumns() {
    }

    /** The series-table spelling of a column name. */
    public static String normalise(String name) {
        return name.strip().replaceAll("[^A-Za-z0-9_.]", "_");
    }

    /**
     * The values of column {@code name} (as given, else in the series-table spelling); a missing
     * column is a parameter error listing the columns.
     */
    public static double[] numbers(Table t, String name, String param) {
        String n = index(t, name.strip()) >= 0 ? name.strip() : normalise(name);
        int c = index(t, n);
        if (c < 0) {
            List<String> names = t.columns().stream().map(Table.Column::name).toList();
            throw new ParameterException(param + ": the series table has no column '" + n + "'; its columns: " + String.join(", ", names));
        }
        double[] v = new double[t.rowCount()];
        for (int r = 0; r < v.length; r++) {
            Object o = t.value(r, c);
            if (!(o instanceof Number num)) {
                throw new ParameterException(param + ": column '" + n + "' is not numeric");
            }
            v[r] = num.doubleValue();
        }
        return v;
    }

    /** Position of column {@code name}, or -1. */
    public static int index(Table t, String name) {
        for (int c = 0; c < t.columns().size(); c++) {
            if (t.columns().get(c).name().equals(name)) {
                return c;
            }
        }
        return -1;
    }

    /** Comma-separated column names as a list (blank entries dropped). */
    public static List<String> list(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(SeriesColumns::normalise).toList();
    }

    /** The x column: {@code requested} when given, else {@code time_s} when present, else {@code index}. */
    public static String x(Table t, String requested) {
        if (requested != null && !requested.isBlank()) {
            return normalise(requested);
        }
        return index(t, "time_s") >= 0 ? "time_s" : "index";
    }

    /** Every numeric metric column (those after the per-item values: names holding a dot). */
    public static List<String> metricColumns(Table t) {
        List<String> out = new ArrayList<>();
        for (Table.Column c : t.columns()) {
            if (c.name().contains(".") && c.kind() != Table.Kind.TEXT) {
                out.add(c.name());
            }
        }
        return out;
    }

    /** Item names (the {@code item} column), or the row numbers when absent. */
    public static String[] items(Table t) {
        String[] out = new String[t.rowCount()];
        int c = index(t, "item");
        for (int r = 0; r < out.length; r++) {
            out[r] = c >= 0 ? String.valueOf(t.value(r, c)) : String.valueOf(r);
        }
        return out;
    }
}
