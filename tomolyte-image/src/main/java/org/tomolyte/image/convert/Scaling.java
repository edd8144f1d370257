package org.tomolyte.image.convert;

/** How values are mapped when a volume changes type ({@link TypeConversion}). */
public enum Scaling {
    /** Values are kept; integer outputs round half away from zero and clamp to the type's range. */
    NONE,
    /** The input's own min..max maps linearly onto the output range. */
    AUTO,
    /** A given input range {@code in_min..in_max} maps linearly onto the output range; values outside clamp. */
    RANGE
}
