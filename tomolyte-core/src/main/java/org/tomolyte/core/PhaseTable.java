package org.tomolyte.core;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Names of the phases of a segmentation: label value to name, e.g. {@code 0 -> void,
 * 1 -> electrolyte, 2 -> lithium}. A value without a name is called {@code phase_<id>}.
 *
 * @param names label value to phase name, sorted by value
 */
public record PhaseTable(SortedMap<Integer, String> names) {

    /** No names: every phase is {@code phase_<id>}. */
    public static final PhaseTable NONE = new PhaseTable(new TreeMap<>());

    public PhaseTable {
        TreeMap<Integer, String> copy = new TreeMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Map.Entry<Integer, String> e : names.entrySet()) {
            String n = e.getValue() == null ? "" : e.getValue().trim();
            if (!n.matches("[A-Za-z][A-Za-z0-9_-]*")) {
                throw new ParameterException("phase name for value " + e.getKey()
                        + " must start with a letter and use letters, digits, '_' or '-', got '" + e.getValue() + "'");
            }
            if (!seen.add(n)) {
                throw new ParameterException("phase name '" + n + "' is given to more than one value");
            }
            copy.put(e.getKey(), n);
        }
        names = Collections.unmodifiableSortedMap(copy);
    }

    /** A table from value/name pairs. */
    public static PhaseTable of(Map<Integer, String> names) {
        return new PhaseTable(new TreeMap<>(names));
    }

    /** Name of phase {@code id}, or {@code phase_<id>} when unnamed. */
    public String name(int id) {
        String n = names.get(id);
        return n != null ? n : "phase_" + id;
    }

    /** True when no phase is named. */
    public boolean isEmpty() {
        return names.isEmpty();
    }

    /**
     * The label value a protocol names: a whole number is taken as it is, anything else must be one
     * of this table's phase names.
     *
     * @param param the parameter name, for the message
     * @param text  a label value or a phase name
     * @throws ParameterException naming the parameter and the known names
     */
    public int resolve(String param, String text) {
        String t = text.trim();
        if (t.matches("\\d{1,9}")) {
            return Integer.parseInt(t);
        }
        for (var e : names.entrySet()) {
            if (e.getValue().equals(t)) {
                return e.getKey();
            }
        }
        throw new ParameterException(param + " must be a label value or one of the phase names " + names.values() + ", got '" + t + "'");
    }
}
