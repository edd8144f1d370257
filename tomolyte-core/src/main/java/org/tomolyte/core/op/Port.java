package org.tomolyte.core.op;

/**
 * A named input or output of an op.
 *
 * @param name        name used in protocols ({@code in: {image: smooth}})
 * @param kind        volume or table
 * @param optional    true when the input may be left out
 * @param description what it holds, with units
 */
public record Port(String name, Kind kind, boolean optional, String description) {

    /** What flows through a port. */
    public enum Kind {
        /** A {@link org.tomolyte.core.Volume}. */
        VOLUME,
        /** A {@link org.tomolyte.core.Table}. */
        TABLE
    }

    /** A required volume port. */
    public static Port volume(String name, String description) {
        return new Port(name, Kind.VOLUME, false, description);
    }

    /** An optional volume port. */
    public static Port optionalVolume(String name, String description) {
        return new Port(name, Kind.VOLUME, true, description);
    }

    /** A table port. */
    public static Port table(String name, String description) {
        return new Port(name, Kind.TABLE, false, description);
    }

    /** An optional table port. */
    public static Port optionalTable(String name, String description) {
        return new Port(name, Kind.TABLE, true, description);
    }
}
