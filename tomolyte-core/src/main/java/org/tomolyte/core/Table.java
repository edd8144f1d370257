package org.tomolyte.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A result table: named, typed columns, each with a unit, and rows. Column names carry their
 * unit as a suffix ({@code volume_um3}, {@code current_mA_cm2}) so a CSV header is
 * self-describing; {@link Column#unit()} states it again for documentation.
 */
public final class Table {

    /** Value kind of a column. */
    public enum Kind {
        /** Whole numbers, stored as {@code long}. */
        INTEGER,
        /** Real numbers, stored as {@code double}. */
        REAL,
        /** Text. */
        TEXT
    }

    /**
     * One column.
     *
     * @param name        column name with unit suffix, e.g. {@code volume_um3}; any printable text without
     *                    comma, double quote or leading/trailing blanks (instrument names such as
     *                    EC-Lab's {@code <I>/mA} or {@code Capacitance charge/µF} are kept as they are)
     * @param unit        unit, e.g. {@code um^3}, or empty for dimensionless
     * @param kind        value kind
     * @param description one-line meaning for documentation
     */
    public record Column(String name, String unit, Kind kind, String description) {
        public Column {
            if (name == null || name.isBlank() || !name.equals(name.strip()) || !name.chars().allMatch(Column::allowed)) {
                throw new InternalException("column name must be printable text without comma, quote, or leading/trailing blanks, got '"
                        + name + "'");
            }
            unit = unit == null ? "" : unit;
            description = description == null ? "" : description;
        }

        /** Printable, and neither comma nor double quote (so a CSV header needs no quoting). */
        private static boolean allowed(int ch) {
            return ch >= 0x20 && ch != 0x7f && ch != ',' && ch != '"' && !Character.isISOControl(ch);
        }
    }

    private final String name;
    private final List<Column> columns;
    private final List<Object[]> rows;

    private Table(String name, List<Column> columns, List<Object[]> rows) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.rows = rows;
    }

    /** Starts a table called {@code name} (used as the CSV file name). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Table name (file name stem of its CSV). */
    public String name() {
        return name;
    }

    /** The columns in order. */
    public List<Column> columns() {
        return columns;
    }

    /** Number of rows. */
    public int rowCount() {
        return rows.size();
    }

    /** Index of column {@code columnName}. */
    public int columnIndex(String columnName) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(columnName)) {
                return c;
            }
        }
        throw new InternalException("table '" + name + "' has no column '" + columnName + "'");
    }

    /** The value at (row, column): a {@code Long}, {@code Double} or {@code String}. */
    public Object value(int row, int column) {
        return rows.get(row)[column];
    }

    /** A numeric value by column name. */
    public double number(int row, String columnName) {
        Object v = value(row, columnIndex(columnName));
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new InternalException("column '" + columnName + "' of table '" + name + "' is text");
    }

    /** A text value by column name. */
    public String text(int row, String columnName) {
        return String.valueOf(value(row, columnIndex(columnName)));
    }

    /** Builds a table row by row. */
    public static final class Builder {
        private final String name;
        private final List<Column> columns = new ArrayList<>();
        private final List<Object[]> rows = new ArrayList<>();
        private final Set<String> names = new HashSet<>();

        private Builder(String name) {
            if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
                throw new InternalException("table name must be a plain file name, got '" + name + "'");
            }
            this.name = name;
        }

        /** Adds a column. */
        public Builder column(String columnName, String unit, Kind kind, String description) {
            if (!rows.isEmpty()) {
                throw new InternalException("add all columns of table '" + name + "' before its rows");
            }
            if (!names.add(columnName)) {
                throw new InternalException("table '" + name + "' already has a column '" + columnName + "'");
            }
            columns.add(new Column(columnName, unit, kind, description));
            return this;
        }

        /** Adds a row; values must match the column kinds (any integral type for INTEGER, any number for REAL). */
        public Builder row(Object... values) {
            if (values.length != columns.size()) {
                throw new InternalException("table '" + name + "' has " + columns.size() + " columns, row has " + values.length + " values");
            }
            Object[] row = new Object[values.length];
            for (int c = 0; c < values.length; c++) {
                Column col = columns.get(c);
                Object v = values[c];
                row[c] = switch (col.kind()) {
                    case INTEGER -> {
                        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                            yield ((Number) v).longValue();
                        }
                        throw new InternalException("column '" + col.name() + "' takes integers, got " + v);
                    }
                    case REAL -> {
                        if (v instanceof Number n) {
                            yield n.doubleValue();
                        }
                        throw new InternalException("column '" + col.name() + "' takes numbers, got " + v);
                    }
                    case TEXT -> String.valueOf(v);
                };
            }
            rows.add(row);
            return this;
        }

        /** The finished table. */
        public Table build() {
            return new Table(name, columns, List.copyOf(rows));
        }
    }
}
