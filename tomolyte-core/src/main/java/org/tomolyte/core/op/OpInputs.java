package org.tomolyte.core.op;

import java.util.Map;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.Table;
import org.tomolyte.core.Volume;

/**
 * The data connected to an op's input ports for one run.
 *
 * @param values port name to {@link Volume} or {@link Table}
 */
public record OpInputs(Map<String, Object> values) {

    public OpInputs {
        values = Map.copyOf(values);
    }

    /** The volume on port {@code name}. */
    public Volume volume(String name) {
        if (values.get(name) instanceof Volume v) {
            return v;
        }
        throw new InternalException("input '" + name + "' is not a connected volume");
    }

    /** The volume on port {@code name}, or null when the optional port is not connected. */
    public Volume optionalVolume(String name) {
        return values.get(name) instanceof Volume v ? v : null;
    }

    /** The table on port {@code name}. */
    public Table table(String name) {
        if (values.get(name) instanceof Table t) {
            return t;
        }
        throw new InternalException("input '" + name + "' is not a connected table");
    }

    /** The table on port {@code name}, or null when the optional port is not connected. */
    public Table optionalTable(String name) {
        return values.get(name) instanceof Table t ? t : null;
    }
}
