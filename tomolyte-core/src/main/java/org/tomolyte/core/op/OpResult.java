package org.tomolyte.core.op;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.Plot;
import org.tomolyte.core.Table;
import org.tomolyte.core.Volume;

/**
 * What one op run produced: output data by port name, scalar metrics, and plots.
 */
public final class OpResult {

    private final Map<String, Object> outputs = new LinkedHashMap<>();
    private final Metrics metrics = new Metrics();
    private final List<Plot> plots = new ArrayList<>();

    /** Sets output port {@code port} to a volume. */
    public OpResult volume(String port, Volume v) {
        put(port, v);
        return this;
    }

    /** Sets output port {@code port} to a table. */
    public OpResult table(String port, Table t) {
        put(port, t);
        return this;
    }

    private void put(String port, Object value) {
        if (outputs.putIfAbsent(port, value) != null) {
            throw new InternalException("output '" + port + "' set twice");
        }
    }

    /** The metrics tree to fill. */
    public Metrics metrics() {
        return metrics;
    }

    /** Adds a plot. */
    public OpResult plot(Plot p) {
        plots.add(p);
        return this;
    }

    /** Outputs by port name (Volume or Table), in the order set. */
    public Map<String, Object> outputs() {
        return outputs;
    }

    /** The plots in the order added. */
    public List<Plot> plots() {
        return plots;
    }
}
