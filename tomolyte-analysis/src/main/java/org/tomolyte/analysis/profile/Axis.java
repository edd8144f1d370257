package org.tomolyte.analysis.profile;

import java.util.Locale;

/**
 * A volume axis, as protocols name it ({@code x}, {@code y}, {@code z}). The through-plane
 * (stack, current) direction is {@link #Z} unless a protocol says otherwise.
 */
public enum Axis {
    /** Axis 0, fastest in memory. */
    X,
    /** Axis 1. */
    Y,
    /** Axis 2, the stack axis. */
    Z;

    /** 0 for x, 1 for y, 2 for z (as {@link org.tomolyte.core.Dims#size(int)} and {@link org.tomolyte.core.Spacing#along(int)}). */
    public int index() {
        return ordinal();
    }

    /** Lower-case name, {@code x}, {@code y} or {@code z}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The first of the two other axes in x, y, z order (x for z, y for x, x for y). */
    public Axis firstInPlane() {
        return this == X ? Y : X;
    }

    /** The second of the two other axes in x, y, z order (y for z, z for x, z for y). */
    public Axis secondInPlane() {
        return this == Z ? Y : Z;
    }

    /** The axis with index 0, 1 or 2. */
    public static Axis of(int index) {
        return values()[index];
    }
}
