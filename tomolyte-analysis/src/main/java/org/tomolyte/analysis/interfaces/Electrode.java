package org.tomolyte.analysis.interfaces;

/**
 * Which electrode of a cell stacked along its stack axis: {@link #BOTTOM} lies at low indices
 * along the axis (slice 0 side), {@link #TOP} at high indices. Each electrode is analysed from its
 * current collector towards the electrolyte (paper 003 analyses columns "from top to bottom").
 */
public enum Electrode {
    /** The electrode at low indices along the stack axis. */
    BOTTOM,
    /** The electrode at high indices along the stack axis. */
    TOP;

    /** Lower-case name as in protocols, tables and metrics. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
