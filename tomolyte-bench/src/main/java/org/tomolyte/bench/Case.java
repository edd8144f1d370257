package org.tomolyte.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.tomolyte.core.ParameterException;

/**
 * One benchmark case, as data: which phantom volume it reads, the Tomolyte op calls (by id and
 * protocol parameters) to prepare (untimed) and to time, and the peers that compute the same.
 *
 * @param name                  short name used by {@code --cases} (e.g. {@code gaussian})
 * @param summary               what is computed, for the listing
 * @param input                 the phantom volume read
 * @param setup                 op calls run once before timing (their output feeds the timed steps)
 * @param timed                 op calls timed together; each step's primary output feeds the next
 * @param peers                 peer implementations, fastest expected first
 * @param maxExtraBytesPerVoxel memory floor: Tomolyte's peak memory above the JVM's baseline must
 *                              stay within the input's bytes plus this many bytes per voxel; NaN
 *                              when the issue sets none
 */
public record Case(String name, String summary, InputKind input, List<Step> setup, List<Step> timed, List<Peer> peers,
                   double maxExtraBytesPerVoxel) {

    /** Validates and copies the lists. */
    public Case {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new ParameterException("case name must be lower-case letters, digits and '_', got '" + name + "'");
        }
        if (input == null) {
            throw new ParameterException("case " + name + " needs an input kind");
        }
        setup = List.copyOf(setup);
        timed = List.copyOf(timed);
        peers = List.copyOf(peers);
        if (timed.isEmpty()) {
            throw new ParameterException("case " + name + " needs at least one timed step");
        }
        if (!(Double.isNaN(maxExtraBytesPerVoxel) || maxExtraBytesPerVoxel >= 0)) {
            throw new ParameterException("case " + name + " maxExtraBytesPerVoxel must be >= 0 or NaN, got " + maxExtraBytesPerVoxel);
        }
    }

    /** Every op id the case calls (setup and timed), in order, without repeats. */
    public List<String> opIds() {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        setup.forEach(s -> ids.add(s.op()));
        timed.forEach(s -> ids.add(s.op()));
        return new ArrayList<>(ids);
    }

    /** The timed op ids joined with {@code +}, as shown in the table's op column. */
    public String timedOps() {
        return String.join("+", timed.stream().map(Step::op).toList());
    }

    /** True when the issue sets a memory floor for this case. */
    public boolean hasMemoryFloor() {
        return !Double.isNaN(maxExtraBytesPerVoxel);
    }

    /** The memory floor as text, e.g. {@code mem<=input+5B/vox}, or empty. */
    public String memoryFloorText() {
        return hasMemoryFloor() ? String.format(Locale.ROOT, "mem<=input+%sB/vox", ResultTable.number(maxExtraBytesPerVoxel)) : "";
    }
}
