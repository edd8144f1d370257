package org.tomolyte.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code key=value} lines by which the measuring processes report (see {@link Measurement}). */
public final class KeyValues {

    private KeyValues() {
    }

    /**
     * The {@code key=value} lines of {@code text}, keys being lower-case words; other lines (a
     * tool's own chatter) are ignored, and a later line wins over an earlier one with the same key.
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).matches("[a-z][a-z0-9_]*")) {
                out.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        return out;
    }
}
