package org.tomolyte.core.op;

import java.util.List;

/**
 * The documentation of one parameter as listed by {@code tomolyte ops}.
 *
 * @param name         protocol key (snake case)
 * @param type         {@code number}, {@code integer}, {@code boolean}, {@code text}, {@code choice},
 *                     {@code numbers} (one value or one per axis x,y,z), {@code integers}
 * @param unit         unit or empty
 * @param defaultValue default as protocol text, or null when required or optional
 * @param optional     may be left out (then null)
 * @param min          smallest allowed number or -Infinity
 * @param minExclusive true when {@code min} itself is not allowed
 * @param max          largest allowed number or +Infinity
 * @param choices      allowed words for a choice, else empty
 * @param doc          meaning
 */
public record ParamInfo(String name, String type, String unit, String defaultValue, boolean optional,
                        double min, boolean minExclusive, double max, List<String> choices, String doc) {

    /** Human-readable allowed range, e.g. {@code > 0}, {@code 0..255}, {@code otsu|manual}, or empty. */
    public String range() {
        if (!choices.isEmpty()) {
            return String.join("|", choices);
        }
        boolean lo = min != Double.NEGATIVE_INFINITY;
        boolean hi = max != Double.POSITIVE_INFINITY;
        if (lo && hi) {
            return (minExclusive ? "> " + Check.fmt(min) + ", <= " : Check.fmt(min) + "..") + Check.fmt(max);
        }
        if (lo) {
            return (minExclusive ? "> " : ">= ") + Check.fmt(min);
        }
        if (hi) {
            return "<= " + Check.fmt(max);
        }
        return "";
    }
}
