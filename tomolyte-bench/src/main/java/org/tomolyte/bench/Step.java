package org.tomolyte.bench;

import java.util.Map;
import java.util.TreeMap;
import org.tomolyte.core.ParameterException;

/**
 * One op call of a benchmark case, written as in a protocol: the op id and its parameters
 * (protocol keys, e.g. {@code sigma_um}). The op is looked up in the registry when the case runs,
 * so a case can name an op that this build does not have.
 *
 * @param op     op id, e.g. {@code filter.gaussian}
 * @param params protocol parameters (copied, unmodifiable)
 */
public record Step(String op, Map<String, Object> params) {

    /** Copies the parameters; the op id must be non-blank. */
    public Step {
        if (op == null || op.isBlank()) {
            throw new ParameterException("step op id must be non-blank, got '" + op + "'");
        }
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }

    /** A step without parameters. */
    public static Step of(String op) {
        return new Step(op, Map.of());
    }

    /** A step with parameters. */
    public static Step of(String op, Map<String, Object> params) {
        return new Step(op, params);
    }

    @Override
    public String toString() {
        return params.isEmpty() ? op : op + " " + params;
    }
}
