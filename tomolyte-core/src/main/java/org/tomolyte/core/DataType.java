package org.tomolyte.core;

import java.util.Locale;

/**
 * Voxel data type of a {@link Volume}.
 *
 * <p>U8 and U16 are unsigned grey values (raw scans, segmentations with up to 256 phases),
 * I32 holds connected-component labels (0 = background), F32 holds filtered or reconstructed
 * values, F64 is for results that need double precision.
 */
public enum DataType {
    /** Unsigned 8-bit integer, 0..255. */
    U8(1, true, 0, 255),
    /** Unsigned 16-bit integer, 0..65535. */
    U16(2, true, 0, 65535),
    /** Signed 32-bit integer (labels). */
    I32(4, true, Integer.MIN_VALUE, Integer.MAX_VALUE),
    /** IEEE 754 32-bit float. */
    F32(4, false, -Float.MAX_VALUE, Float.MAX_VALUE),
    /** IEEE 754 64-bit float. */
    F64(8, false, -Double.MAX_VALUE, Double.MAX_VALUE);

    private final int bytes;
    private final boolean integer;
    private final double min;
    private final double max;

    DataType(int bytes, boolean integer, double min, double max) {
        this.bytes = bytes;
        this.integer = integer;
        this.min = min;
        this.max = max;
    }

    /** Bytes per voxel. */
    public int bytes() {
        return bytes;
    }

    /** True for U8, U16 and I32. */
    public boolean isInteger() {
        return integer;
    }

    /** Smallest representable value. */
    public double min() {
        return min;
    }

    /** Largest representable value. */
    public double max() {
        return max;
    }

    /** Lower-case name as used on the command line and in protocols: {@code u8}, {@code u16}, {@code i32}, {@code f32}, {@code f64}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code u8|u16|i32|f32|f64} (case-insensitive).
     *
     * @param what the parameter name for the error message
     * @throws ParameterException naming {@code what} when the text is not a type
     */
    public static DataType parse(String text, String what) {
        for (DataType t : values()) {
            if (t.label().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return t;
            }
        }
        throw new ParameterException(what + " must be one of u8, u16, i32, f32, f64, got '" + text + "'");
    }

    /**
     * Converts a value to this type the way a store does: integers are rounded half away from
     * zero and clamped to {@link #min()}..{@link #max()}; NaN becomes 0 for integer types.
     */
    public double clamp(double v) {
        if (!integer) {
            return this == F32 ? (float) v : v;
        }
        if (Double.isNaN(v)) {
            return 0;
        }
        double r = Math.rint(v) == v ? v : Math.signum(v) * Math.floor(Math.abs(v) + 0.5);
        return Math.max(min, Math.min(max, r));
    }
}
