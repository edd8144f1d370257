package org.tomolyte.echem.eclab;

import java.util.ArrayList;
import java.util.List;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Table;

/** Column access and column appending for tables of electrochemistry data. */
public final class Tables {

    private Tables() {
    }

    /** True when {@code t} has a column named {@code name}. */
    public static boolean has(Table t, String name) {
        return t.columns().stream().anyMatch(c -> c.name().equals(name));
    }

    /** The first of {@code names} that {@code t} has, or null. */
    public static String first(Table t, String... names) {
        for (String n : names) {
            if (has(t, n)) {
                return n;
            }
        }
        return null;
    }

    /** Column {@code name} as numbers. */
    public static double[] numbers(Table t, String name) {
        int c = t.columnIndex(name);
        if (t.columns().get(c).kind() == Table.Kind.TEXT) {
            throw new InputException("table '" + t.name() + "': column '" + name + "' is text, expected numbers");
        }
        double[] v = new double[t.rowCount()];
        for (int r = 0; r < v.length; r++) {
            v[r] = ((Number) t.value(r, c)).doubleValue();
        }
        return v;
    }

    /** Column {@code name} as numbers, failing with a message that names the table and the columns it has. */
    public static double[] required(Table t, String name, String meaning) {
        if (!has(t, name)) {
            throw new InputException("table '" + t.name() + "' has no column '" + name + "' (" + meaning + "); its columns: "
                    + String.join(", ", t.columns().stream().map(Table.Column::name).toList()));
        }
        return numbers(t, name);
    }

    /**
     * A new column to append.
     *
     * @param column the column
     * @param values one value per row (Long for INTEGER, Double for REAL, String for TEXT)
     */
    public record Added(Table.Column column, Object[] values) {
        /** A real column from doubles. */
        public static Added real(String name, String unit, String description, double[] v) {
            Object[] o = new Object[v.length];
            for (int i = 0; i < v.length; i++) {
                o[i] = v[i];
            }
            return new Added(new Table.Column(name, unit, Table.Kind.REAL, description), o);
        }

        /** An integer column from longs. */
        public static Added integer(String name, String unit, String description, long[] v) {
            Object[] o = new Object[v.length];
            for (int i = 0; i < v.length; i++) {
                o[i] = v[i];
            }
            return new Added(new Table.Column(name, unit, Table.Kind.INTEGER, description), o);
        }
    }

    /** {@code t} with {@code added} columns appended (same rows), under table name {@code name}. */
    public static Table append(Table t, String name, List<Added> added) {
        Table.Builder b = Table.builder(name);
        t.columns().forEach(c -> b.column(c.name(), c.unit(), c.kind(), c.description()));
        added.forEach(a -> b.column(a.column().name(), a.column().unit(), a.column().kind(), a.column().description()));
        int n = t.columns().size();
        for (int r = 0; r < t.rowCount(); r++) {
            Object[] row = new Object[n + added.size()];
            for (int c = 0; c < n; c++) {
                row[c] = t.value(r, c);
            }
            for (int a = 0; a < added.size(); a++) {
                row[n + a] = added.get(a).values()[r];
            }
            b.row(row);
        }
        return b.build();
    }

    /** A table built from columns of equal length. */
    public static Table of(String name, List<Added> columns) {
        Table.Builder b = Table.builder(name);
        columns.forEach(a -> b.column(a.column().name(), a.column().unit(), a.column().kind(), a.column().description()));
        int rows = columns.isEmpty() ? 0 : columns.get(0).values().length;
        for (int r = 0; r < rows; r++) {
            Object[] row = new Object[columns.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = columns.get(c).values()[r];
            }
            b.row(row);
        }
        return b.build();
    }

    /** Names of the columns of {@code t}. */
    public static List<String> names(Table t) {
        List<String> out = new ArrayList<>();
        t.columns().forEach(c -> out.add(c.name()));
        return out;
    }
}
