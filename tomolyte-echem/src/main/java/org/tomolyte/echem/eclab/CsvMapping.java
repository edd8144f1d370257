package org.tomolyte.echem.eclab;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tomolyte.core.ParameterException;

/**
 * Which column of a generic CSV file holds which canonical quantity ({@link Canonical#NAMES}),
 * with a scale factor to the canonical unit (e.g. 1000 for a current in A to {@code I_mA}).
 *
 * @param columns canonical name to the CSV header name
 * @param scales  canonical name to the factor its values are multiplied by (missing = 1)
 */
public record CsvMapping(Map<String, String> columns, Map<String, Double> scales) {

    public CsvMapping {
        for (String k : columns.keySet()) {
            if (!Canonical.NAMES.contains(k)) {
                throw new ParameterException("column mapping: unknown quantity '" + k + "'; allowed: " + String.join(", ", Canonical.NAMES));
            }
        }
        for (var e : scales.entrySet()) {
            if (!columns.containsKey(e.getKey())) {
                throw new ParameterException("column mapping: a scale is given for '" + e.getKey() + "' but no column");
            }
            if (!Double.isFinite(e.getValue()) || e.getValue() == 0) {
                throw new ParameterException("column mapping: scale of '" + e.getKey() + "' must be a finite non-zero number, got " + e.getValue());
            }
        }
        columns = Map.copyOf(new LinkedHashMap<>(columns));
        scales = Map.copyOf(scales);
    }

    /** A mapping without scale factors. */
    public static CsvMapping of(Map<String, String> columns) {
        return new CsvMapping(columns, Map.of());
    }

    /**
     * Parses {@code quantity=column[*scale],...}, e.g. {@code time_s=Time,I_mA=Current(A)*1000}.
     */
    public static CsvMapping parse(String spec) {
        Map<String, String> cols = new LinkedHashMap<>();
        Map<String, Double> sc = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException("column mapping: expected quantity=column, got '" + part + "'");
            }
            String k = part.substring(0, eq).strip();
            String v = part.substring(eq + 1).strip();
            int star = v.lastIndexOf('*');
            if (star > 0) {
                try {
                    sc.put(k, Double.parseDouble(v.substring(star + 1).strip()));
                } catch (NumberFormatException e) {
                    throw new ParameterException("column mapping: scale of '" + k + "' is not a number: '" + v.substring(star + 1) + "'");
                }
                v = v.substring(0, star).strip();
            }
            cols.put(k, v);
        }
        return new CsvMapping(cols, sc);
    }
}
