package org.tomolyte.io.npy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.tomolyte.core.DataType;
import org.tomolyte.core.InputException;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.Volume;
import org.tomolyte.io.raw.VoxelStreams;

/**
 * A numpy array-protocol type string ({@code descr} in NPY headers, {@code dtype} in Zarr v2
 * {@code .zarray}) such as {@code <f4} or {@code |u1}, restricted to the scalar types Tomolyte
 * reads, and how its values map to a Tomolyte {@link DataType}:
 * <ul>
 *   <li>{@code |b1} (bool), {@code |u1} -> U8</li>
 *   <li>{@code u2} -> U16</li>
 *   <li>{@code |i1}, {@code i2}, {@code i4} -> I32; {@code u4} -> I32, a value above 2^31-1 is an error</li>
 *   <li>{@code f4} -> F32, {@code f8} -> F64</li>
 * </ul>
 * Types whose bytes equal the target's ({@code u1 u2 i4 f4 f8}, either byte order) are
 * {@link #direct()} and are copied (or memory-mapped) in bulk; the others are converted value by value.
 *
 * @param kind  the numpy kind
 * @param bytes item size in bytes: 1, 2, 4 or 8
 * @param order byte order of multi-byte items (little-endian for 1-byte items)
 */
public record NumpyDtype(Kind kind, int bytes, ByteOrder order) {

    /** The numpy kind character: {@code b} bool, {@code u} unsigned, {@code i} signed, {@code f} float. */
    public enum Kind {
        /** {@code b}: bool, one byte 0 or 1. */
        BOOL('b'),
        /** {@code u}: unsigned integer. */
        UINT('u'),
        /** {@code i}: signed integer. */
        INT('i'),
        /** {@code f}: IEEE float. */
        FLOAT('f');

        private final char code;

        Kind(char code) {
            this.code = code;
        }

        /** The kind character of the type string. */
        public char code() {
            return code;
        }
    }

    /**
     * Checks that kind and size form a supported type (bool 1; integers 1, 2, 4; floats 4, 8 bytes)
     * and sets the order of one-byte types to little-endian.
     */
    public NumpyDtype {
        boolean ok = switch (kind) {
            case BOOL -> bytes == 1;
            case UINT -> bytes == 1 || bytes == 2 || bytes == 4;
            case INT -> bytes == 1 || bytes == 2 || bytes == 4;
            case FLOAT -> bytes == 4 || bytes == 8;
        };
        if (!ok) {
            throw new InternalException("unsupported numpy dtype " + kind + bytes);
        }
        if (bytes == 1) {
            order = ByteOrder.LITTLE_ENDIAN;
        }
    }

    /**
     * Parses a type string such as {@code <u2}, {@code >f4} or {@code |u1} ({@code =} means the
     * machine's order).
     *
     * @param where the file, for the message
     * @throws InputException naming the type when it is not one of the supported scalar types
     */
    public static NumpyDtype parse(String text, String where) {
        String supported = "|u1 |b1 |i1 <u2 >u2 <i2 >i2 <i4 >i4 <u4 >u4 <f4 >f4 <f8 >f8";
        if (text == null || text.length() != 3) {
            throw new InputException(where + ": unsupported dtype " + quote(text) + "; expected one of " + supported);
        }
        ByteOrder order = switch (text.charAt(0)) {
            case '<', '|' -> ByteOrder.LITTLE_ENDIAN;
            case '>' -> ByteOrder.BIG_ENDIAN;
            case '=' -> ByteOrder.nativeOrder();
            default -> null;
        };
        Kind kind = switch (text.charAt(1)) {
            case 'b' -> Kind.BOOL;
            case 'u' -> Kind.UINT;
            case 'i' -> Kind.INT;
            case 'f' -> Kind.FLOAT;
            default -> null;
        };
        int bytes = Character.isDigit(text.charAt(2)) ? text.charAt(2) - '0' : -1;
        boolean ok = order != null && kind != null && switch (kind) {
            case BOOL -> bytes == 1;
            case UINT, INT -> bytes == 1 || bytes == 2 || bytes == 4;
            case FLOAT -> bytes == 4 || bytes == 8;
        };
        if (!ok) {
            throw new InputException(where + ": unsupported dtype " + quote(text) + "; expected one of " + supported);
        }
        return new NumpyDtype(kind, bytes, order);
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }

    /** The little-endian type string Tomolyte writes for {@code type}: {@code |u1 <u2 <i4 <f4 <f8}. */
    public static NumpyDtype of(DataType type) {
        return switch (type) {
            case U8 -> new NumpyDtype(Kind.UINT, 1, ByteOrder.LITTLE_ENDIAN);
            case U16 -> new NumpyDtype(Kind.UINT, 2, ByteOrder.LITTLE_ENDIAN);
            case I32 -> new NumpyDtype(Kind.INT, 4, ByteOrder.LITTLE_ENDIAN);
            case F32 -> new NumpyDtype(Kind.FLOAT, 4, ByteOrder.LITTLE_ENDIAN);
            case F64 -> new NumpyDtype(Kind.FLOAT, 8, ByteOrder.LITTLE_ENDIAN);
        };
    }

    /** The type string, e.g. {@code <f4}; {@code |} for one-byte types. */
    public String descr() {
        char o = bytes == 1 ? '|' : order == ByteOrder.BIG_ENDIAN ? '>' : '<';
        return "" + o + kind.code + bytes;
    }

    /** The Tomolyte type values of this dtype are held in. */
    public DataType target() {
        return switch (kind) {
            case BOOL -> DataType.U8;
            case UINT -> bytes == 1 ? DataType.U8 : bytes == 2 ? DataType.U16 : DataType.I32;
            case INT -> DataType.I32;
            case FLOAT -> bytes == 4 ? DataType.F32 : DataType.F64;
        };
    }

    /** True when the stored bytes are those of {@link #target()} (in {@link #order()}): bulk copy or map. */
    public boolean direct() {
        return switch (kind) {
            case BOOL -> false;
            case UINT -> bytes <= 2;
            case INT -> bytes == 4;
            case FLOAT -> true;
        };
    }

    /** The value of the item stored at byte offset {@code offset} of {@code src}. */
    public double value(MemorySegment src, long offset) {
        return switch (kind) {
            case BOOL -> src.get(ValueLayout.JAVA_BYTE, offset) != 0 ? 1 : 0;
            case UINT -> switch (bytes) {
                case 1 -> Byte.toUnsignedInt(src.get(ValueLayout.JAVA_BYTE, offset));
                case 2 -> Short.toUnsignedInt(src.get(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(order), offset));
                default -> Integer.toUnsignedLong(src.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(order), offset));
            };
            case INT -> switch (bytes) {
                case 1 -> src.get(ValueLayout.JAVA_BYTE, offset);
                case 2 -> src.get(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(order), offset);
                default -> src.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(order), offset);
            };
            case FLOAT -> bytes == 4
                    ? src.get(ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(order), offset)
                    : src.get(ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(order), offset);
        };
    }

    /**
     * Stores {@code v} as this dtype at byte offset {@code offset} of {@code dst}; integers are
     * rounded and clamped to the dtype's range, bool stores {@code v != 0}.
     */
    public void put(MemorySegment dst, long offset, double v) {
        switch (kind) {
            case BOOL -> dst.set(ValueLayout.JAVA_BYTE, offset, (byte) (v != 0 && !Double.isNaN(v) ? 1 : 0));
            case UINT, INT -> {
                double lo = kind == Kind.INT ? -Math.pow(2, 8 * bytes - 1) : 0;
                double hi = kind == Kind.INT ? Math.pow(2, 8 * bytes - 1) - 1 : Math.pow(2, 8 * bytes) - 1;
                double r = Double.isNaN(v) ? 0 : Math.max(lo, Math.min(hi, Math.rint(v) == v ? v : Math.signum(v) * Math.floor(Math.abs(v) + 0.5)));
                long bits = (long) r;
                switch (bytes) {
                    case 1 -> dst.set(ValueLayout.JAVA_BYTE, offset, (byte) bits);
                    case 2 -> dst.set(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(order), offset, (short) bits);
                    default -> dst.set(ValueLayout.JAVA_INT_UNALIGNED.withOrder(order), offset, (int) bits);
                }
            }
            case FLOAT -> {
                if (bytes == 4) {
                    dst.set(ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(order), offset, (float) v);
                } else {
                    dst.set(ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(order), offset, v);
                }
            }
        }
    }

    /**
     * Decodes {@code count} items stored in {@code src} from byte offset {@code srcOffset} into
     * {@code dst} (of type {@link #target()}) from linear index {@code dstIndex}: a bulk copy for
     * {@link #direct()} types, value by value otherwise.
     *
     * @param where the file, for the message
     * @throws InputException when a {@code u4} value exceeds 2^31-1
     */
    public void decode(MemorySegment src, long srcOffset, Volume dst, long dstIndex, long count, String where) {
        if (dst.type() != target()) {
            throw new InternalException("dtype " + descr() + " decodes to " + target().label() + ", not " + dst.type().label());
        }
        if (direct()) {
            VoxelStreams.copyIn(src, srcOffset, order, dst, dstIndex, count);
            return;
        }
        for (long k = 0; k < count; k++) {
            double v = value(src, srcOffset + k * bytes);
            if (v > Integer.MAX_VALUE) {
                throw new InputException(where + ": uint32 value " + (long) v
                        + " does not fit Tomolyte's i32 type (max 2147483647); convert the data to float32 or int32 first");
            }
            dst.set(dstIndex + k, v);
        }
    }

    /**
     * Encodes {@code count} voxels of {@code src} from linear index {@code srcIndex} into
     * {@code dst} at byte offset {@code dstOffset}: a bulk copy when {@code src}'s type is
     * {@link #target()} and the dtype is {@link #direct()}, value by value ({@link #put}) otherwise.
     */
    public void encode(Volume src, long srcIndex, MemorySegment dst, long dstOffset, long count) {
        if (direct() && src.type() == target()) {
            VoxelStreams.copyOut(src, srcIndex, dst, dstOffset, count, order);
            return;
        }
        for (long k = 0; k < count; k++) {
            put(dst, dstOffset + k * bytes, src.get(srcIndex + k));
        }
    }

    /** A readable name for messages, e.g. {@code uint16 big-endian}. */
    public String label() {
        String base = switch (kind) {
            case BOOL -> "bool";
            case UINT -> "uint" + 8 * bytes;
            case INT -> "int" + 8 * bytes;
            case FLOAT -> "float" + 8 * bytes;
        };
        return bytes == 1 ? base : base + (order == ByteOrder.BIG_ENDIAN ? " big-endian" : " little-endian");
    }
}
