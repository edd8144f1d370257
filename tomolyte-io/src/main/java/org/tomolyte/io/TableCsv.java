package org.tomolyte.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Table;

/**
 * Writes and reads {@link Table}s as CSV (RFC 4180: comma separated, text quoted when it holds a
 * comma, quote or line break, {@code \n} line ends). The header holds the column names, which
 * carry their unit ({@code volume_um3}). Numbers use Java's shortest round-trip form
 * ({@link Double#toString}), so a value read back is bit-identical; NaN is written {@code NaN}.
 */
public final class TableCsv {

    private TableCsv() {
    }

    /** Writes {@code table} to {@code file} atomically (temporary sibling, then rename). */
    public static void write(Table table, Path file) {
        AtomicFiles.write(file, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                write(table, w);
            }
        });
    }

    /** The CSV text of {@code table}, exactly as {@link #write(Table, Path)} writes it. */
    public static String text(Table table) {
        java.io.StringWriter w = new java.io.StringWriter();
        try {
            write(table, w);
        } catch (IOException e) {
            throw new org.tomolyte.core.InternalException("cannot format table " + table.name() + " (" + e.getMessage() + ")", e);
        }
        return w.toString();
    }

    /** Writes {@code table} as CSV text. */
    public static void write(Table table, Writer w) throws IOException {
        List<Table.Column> cols = table.columns();
        for (int c = 0; c < cols.size(); c++) {
            w.write(c == 0 ? "" : ",");
            w.write(quote(cols.get(c).name()));
        }
        w.write('\n');
        for (int r = 0; r < table.rowCount(); r++) {
            for (int c = 0; c < cols.size(); c++) {
                w.write(c == 0 ? "" : ",");
                Object v = table.value(r, c);
                w.write(v instanceof String s ? quote(s) : String.valueOf(v));
            }
            w.write('\n');
        }
    }

    private static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /**
     * Reads a CSV written by {@link #write}. Column kinds are given by {@code template} (its
     * columns must match the header), so integers, reals and text come back as they were written.
     *
     * @throws InputException naming the file when the header or a value does not match
     */
    public static Table read(Path file, Table template) {
        List<List<String>> rows = parse(file);
        if (rows.isEmpty()) {
            throw new InputException(file + ": empty CSV; expected a header row");
        }
        List<Table.Column> cols = template.columns();
        List<String> header = rows.get(0);
        List<String> expected = cols.stream().map(Table.Column::name).toList();
        if (!header.equals(expected)) {
            throw new InputException(file + ": expected CSV header " + expected + ", found " + header);
        }
        Table.Builder b = Table.builder(template.name());
        cols.forEach(c -> b.column(c.name(), c.unit(), c.kind(), c.description()));
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != cols.size()) {
                throw new InputException(file + ": line " + (r + 1) + " has " + row.size() + " values, expected " + cols.size());
            }
            Object[] values = new Object[cols.size()];
            for (int c = 0; c < cols.size(); c++) {
                String s = row.get(c);
                try {
                    values[c] = switch (cols.get(c).kind()) {
                        case INTEGER -> Long.parseLong(s);
                        case REAL -> Double.parseDouble(s);
                        case TEXT -> s;
                    };
                } catch (NumberFormatException e) {
                    throw new InputException(file + ": line " + (r + 1) + " column '" + cols.get(c).name()
                            + "': expected a number, found '" + s + "'");
                }
            }
            b.row(values);
        }
        return b.build();
    }

    /** Parses CSV into rows of fields. */
    static List<List<String>> parse(Path file) {
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            int ch;
            while ((ch = r.read()) != -1) {
                char c = (char) ch;
                any = true;
                if (quoted) {
                    if (c == '"') {
                        r.mark(1);
                        int n = r.read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (n != -1) {
                                r.reset();
                            }
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    any = false;
                } else if (c != '\r') {
                    field.append(c);
                }
            }
            if (quoted) {
                throw new InputException(file + ": unterminated quoted field at end of file");
            }
            if (any) {
                row.add(field.toString());
                rows.add(row);
            }
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return rows;
    }
}
