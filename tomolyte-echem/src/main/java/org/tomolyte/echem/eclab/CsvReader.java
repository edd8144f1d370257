package org.tomolyte.echem.eclab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Table;

/**
 * Reads a generic delimited text table: UTF-8, first line the column names, separator tab,
 * semicolon or comma (the first of these found in the header line), double quotes around fields
 * that hold the separator. A column is integer when every value is a whole number, real when
 * every value is a number (a decimal comma is accepted when the separator is not a comma), text
 * otherwise.
 */
final class CsvReader {

    private CsvReader() {
    }

    static EchemData read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read as UTF-8 text (" + e.getMessage() + ")", e);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.isEmpty()) {
            throw new InputException(file + ": empty file; expected a header line with column names");
        }
        String head = lines.get(0);
        char sep = head.indexOf('\t') >= 0 ? '\t' : head.indexOf(';') >= 0 ? ';' : ',';
        List<String> names = split(head, sep);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> f = split(lines.get(i), sep);
            if (f.size() != names.size()) {
                throw new InputException(file + ": line " + (i + 1) + " has " + f.size() + " values, the header names " + names.size());
            }
            rows.add(f);
        }
        Table.Builder t = Table.builder("table");
        Table.Kind[] kinds = new Table.Kind[names.size()];
        for (int c = 0; c < names.size(); c++) {
            Table.Kind k = rows.isEmpty() ? Table.Kind.REAL : Table.Kind.INTEGER;
            for (List<String> r : rows) {
                String s = number(r.get(c), sep);
                if (k == Table.Kind.INTEGER && !s.matches("-?\\d{1,18}")) {
                    k = Table.Kind.REAL;
                }
                if (k == Table.Kind.REAL && !isNumber(s)) {
                    k = Table.Kind.TEXT;
                    break;
                }
            }
            kinds[c] = k;
            String name = names.get(c).strip();
            if (name.isEmpty()) {
                throw new InputException(file + ": column " + (c + 1) + " has no name in the header line");
            }
            t.column(name, EcLabColumns.unitOf(name), k, "CSV column");
        }
        for (List<String> r : rows) {
            Object[] v = new Object[r.size()];
            for (int c = 0; c < v.length; c++) {
                String s = number(r.get(c), sep);
                v[c] = switch (kinds[c]) {
                    case INTEGER -> Long.parseLong(s);
                    case REAL -> Double.parseDouble(s);
                    case TEXT -> r.get(c);
                };
            }
            t.row(v);
        }
        return new EchemData(file, "csv", "unknown", t.build(), new LinkedHashMap<>(), List.of());
    }

    private static String number(String s, char sep) {
        s = s.strip();
        return sep != ',' ? s.replace(',', '.') : s;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return !s.isEmpty() && !s.endsWith("d") && !s.endsWith("f") && !s.endsWith("D") && !s.endsWith("F");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<String> split(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    f.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == sep) {
                out.add(f.toString());
                f.setLength(0);
            } else if (ch != '\r') {
                f.append(ch);
            }
        }
        out.add(f.toString());
        return out;
    }
}
