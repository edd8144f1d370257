package org.tomolyte.core.op;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tomolyte.core.InternalException;

/**
 * The scalar results of a step, as an ordered tree: keys map to numbers or to nested groups,
 * e.g. {@code {"pore": {"fraction": 0.45, "voxels": 1234}}}. Written to {@code results.json}
 * under the step id. Integral counts are kept as {@code Long}, everything else as {@code Double}.
 */
public final class Metrics {

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Sets a real-valued metric. */
    public Metrics put(String key, double value) {
        check(key);
        values.put(key, value);
        return this;
    }

    /** Sets an integral metric (a count). */
    public Metrics put(String key, long value) {
        check(key);
        values.put(key, value);
        return this;
    }

    /** Sets a text metric (a method name, a phase name). */
    public Metrics put(String key, String value) {
        check(key);
        values.put(key, value);
        return this;
    }

    /** The group {@code key}, created when absent. */
    public Metrics group(String key) {
        Object existing = values.get(key);
        if (existing instanceof Metrics m) {
            return m;
        }
        check(key);
        Metrics m = new Metrics();
        values.put(key, m);
        return m;
    }

    private void check(String key) {
        if (key == null || key.isBlank() || values.containsKey(key)) {
            throw new InternalException("metric key must be new and non-blank, got '" + key + "'");
        }
    }

    /** True when there are no metrics. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The tree as plain ordered maps (values: Long, Double, String or Map). */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v instanceof Metrics m ? m.toMap() : v));
        return Collections.unmodifiableMap(out);
    }

    /** Rebuilds metrics from {@link #toMap()} output (numbers as Long or Double). */
    public static Metrics fromMap(Map<String, ?> map) {
        Metrics m = new Metrics();
        map.forEach((k, v) -> {
            if (v instanceof Map<?, ?> sub) {
                @SuppressWarnings("unchecked")
                Map<String, ?> s = (Map<String, ?>) sub;
                m.values.put(k, fromMap(s));
            } else if (v instanceof Long || v instanceof Integer) {
                m.values.put(k, ((Number) v).longValue());
            } else if (v instanceof Number n) {
                m.values.put(k, n.doubleValue());
            } else {
                m.values.put(k, String.valueOf(v));
            }
        });
        return m;
    }
}
