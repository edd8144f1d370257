package org.tomolyte.echem.eclab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Table;

/**
 * Reads electrochemistry files: EC-Lab binary {@code .mpr}, EC-Lab text {@code .mpt}, and generic
 * delimited text ({@code .csv}, {@code .txt}, {@code .tsv}).
 *
 * {@snippet :
 * EchemData d = EchemFiles.read(Path.of("cycling.mpr"));
 * Table raw = d.table();                                  // EC-Lab names: time/s, Ewe/V, <I>/mA, ...
 * Table canonical = Canonical.view(raw, "echem");         // time_s, Ewe_V, I_mA, Q_mAh, cycle, ...
 * }
 */
public final class EchemFiles {

    private EchemFiles() {
    }

    /** File name extensions {@link #read} accepts. */
    public static final List<String> EXTENSIONS = List.of("mpr", "mpt", "csv", "tsv", "txt");

    /** True when {@link #read} handles this file's extension. */
    public static boolean accepts(Path file) {
        return EXTENSIONS.contains(extension(file));
    }

    /**
     * Reads {@code file} by its extension.
     *
     * @throws InputException naming the file when it is missing, of another format, truncated or malformed
     */
    public static EchemData read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such file");
        }
        return switch (extension(file)) {
            case "mpr" -> MprReader.read(file);
            case "mpt" -> MptReader.read(file);
            case "csv", "tsv", "txt" -> CsvReader.read(file);
            default -> throw new InputException(file + ": unknown electrochemistry file type; expected one of ." + String.join(", .", EXTENSIONS));
        };
    }

    /**
     * Reads a generic delimited file and returns its canonical view, the columns named by
     * {@code mapping} renamed to canonical names and scaled to canonical units.
     */
    public static EchemData readCsv(Path file, CsvMapping mapping) {
        EchemData raw = CsvReader.read(file);
        Table t = raw.table();
        List<Tables.Added> cols = new ArrayList<>();
        for (String canon : Canonical.NAMES) {
            String src = mapping.columns().get(canon);
            if (src == null) {
                continue;
            }
            if (!Tables.has(t, src)) {
                throw new InputException(file + ": column mapping names '" + src + "' for " + canon + " but the file's columns are "
                        + String.join(", ", Tables.names(t)));
            }
            double[] v = Tables.numbers(t, src);
            double s = mapping.scales().getOrDefault(canon, 1.0);
            if (canon.equals("cycle") || canon.equals("half_cycle")) {
                long[] l = new long[v.length];
                for (int i = 0; i < v.length; i++) {
                    l[i] = Math.round(v[i] * s);
                }
                cols.add(Tables.Added.integer(canon, "", "from CSV column '" + src + "'", l));
            } else {
                for (int i = 0; i < v.length; i++) {
                    v[i] *= s;
                }
                String unit = canon.substring(canon.lastIndexOf('_') + 1);
                cols.add(Tables.Added.real(canon, unit, "from CSV column '" + src + "'", v));
            }
        }
        return new EchemData(file, "csv", "unknown", Tables.of("echem", cols), raw.info(), raw.notes());
    }

    static String extension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
