package org.tomolyte.echem.eclab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Table;

/**
 * Reads an EC-Lab {@code .mpt} text export: ISO-8859-1 text; line 1 {@code EC-Lab ASCII FILE},
 * line 2 {@code Nb header lines : N}, line 4 the technique, line N the tab-separated column
 * names, then one tab-separated row per point. Numbers use the decimal separator of the
 * exporting computer's locale (a decimal comma is accepted). A file without the header block
 * (EC-Lab's "export without header") starts directly with the column names.
 *
 * <p>Columns EC-Lab stores as integers (flags, {@code Ns}, {@code I Range}, {@code half cycle},
 * {@code z cycle}) become integer columns; columns of unknown name become integer columns when
 * every value is a whole number written without a decimal separator, else real columns.
 */
final class MptReader {

    private MptReader() {
    }

    private static final Map<String, Table.Kind> KNOWN = new HashMap<>();

    static {
        for (int id = 0; id < 1024; id++) {
            EcLabColumns.Def d = EcLabColumns.get(id);
            if (d != null) {
                KNOWN.put(d.name(), d.type().kind());
            }
        }
        KNOWN.put("Pwe/W", Table.Kind.REAL);
    }

    static EchemData read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (lines.isEmpty()) {
            throw new InputException(file + ": empty file; expected an EC-Lab text export");
        }
        Map<String, String> info = new LinkedHashMap<>();
        String technique = "unknown";
        int headerLines = 1;
        if (lines.get(0).strip().equals("EC-Lab ASCII FILE")) {
            if (lines.size() < 2 || !lines.get(1).strip().startsWith("Nb header lines")) {
                throw new InputException(file + ": line 2 should read 'Nb header lines : N'");
            }
            String n = lines.get(1).substring(lines.get(1).indexOf(':') + 1).strip();
            try {
                headerLines = Integer.parseInt(n);
            } catch (NumberFormatException e) {
                throw new InputException(file + ": line 2: 'Nb header lines' is not a number: '" + n + "'");
            }
            if (headerLines < 3 || headerLines > lines.size()) {
                throw new InputException(file + ": 'Nb header lines : " + headerLines + "' but the file has " + lines.size() + " lines");
            }
            info.put("Nb header lines", Integer.toString(headerLines));
            technique = lines.size() > 3 && headerLines > 4 ? lines.get(3).strip() : "unknown";
            for (int i = 4; i < headerLines - 1; i++) {
                String l = lines.get(i);
                int colon = l.indexOf(" : ");
                if (colon > 0) {
                    info.putIfAbsent(l.substring(0, colon).strip(), l.substring(colon + 3).strip());
                }
            }
        }
        String header = stripEnd(lines.get(headerLines - 1));
        String[] names = header.split("\t", -1);
        List<String[]> rows = new ArrayList<>();
        for (int i = headerLines; i < lines.size(); i++) {
            String l = stripEnd(lines.get(i));
            if (l.isEmpty()) {
                continue;
            }
            String[] f = l.split("\t", -1);
            if (f.length != names.length) {
                throw new InputException(file + ": line " + (i + 1) + " has " + f.length + " values, the header names " + names.length + " columns");
            }
            rows.add(f);
        }
        Table.Builder t = Table.builder("eclab");
        Table.Kind[] kinds = new Table.Kind[names.length];
        for (int c = 0; c < names.length; c++) {
            Table.Kind k = KNOWN.get(names[c]);
            if (k == null) {
                k = Table.Kind.INTEGER;
                for (String[] r : rows) {
                    if (!r[c].matches("-?\\d{1,18}")) {
                        k = Table.Kind.REAL;
                        break;
                    }
                }
                if (rows.isEmpty()) {
                    k = Table.Kind.REAL;
                }
            }
            kinds[c] = k;
            t.column(names[c], EcLabColumns.unitOf(names[c]), k, "EC-Lab column");
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] f = rows.get(r);
            Object[] v = new Object[f.length];
            for (int c = 0; c < f.length; c++) {
                String s = f[c].strip().replace(',', '.');
                try {
                    v[c] = kinds[c] == Table.Kind.INTEGER ? (Object) Long.parseLong(s) : (Object) Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new InputException(file + ": line " + (headerLines + r + 1) + ", column '" + names[c] + "': not a number: '" + f[c] + "'");
                }
            }
            t.row(v);
        }
        return new EchemData(file, "mpt", technique, t.build(), info, List.of());
    }

    /** Removes trailing tabs, blanks and carriage returns (EC-Lab ends lines with a tab). */
    private static String stripEnd(String s) {
        int e = s.length();
        while (e > 0 && (s.charAt(e - 1) == '\t' || s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\r')) {
            e--;
        }
        return s.substring(0, e);
    }
}
