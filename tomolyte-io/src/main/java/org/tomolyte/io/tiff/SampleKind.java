package org.tomolyte.io.tiff;

import org.tomolyte.core.DataType;

/**
 * The sample encodings Tomolyte reads from a grey TIFF (BitsPerSample and SampleFormat, TIFF 6.0
 * tags 258 and 339) and the {@link DataType} each becomes.
 */
enum SampleKind {
    /** 1-bit bilevel, read as U8 0/1 (raw bit values, most significant bit first). */
    BIT1(1, 1, DataType.U8, "1-bit"),
    U8(8, 1, DataType.U8, "8-bit unsigned"),
    I8(8, 2, DataType.I32, "8-bit signed"),
    U16(16, 1, DataType.U16, "16-bit unsigned"),
    I16(16, 2, DataType.I32, "16-bit signed"),
    U32(32, 1, DataType.I32, "32-bit unsigned"),
    I32(32, 2, DataType.I32, "32-bit signed"),
    F32(32, 3, DataType.F32, "32-bit float"),
    F64(64, 3, DataType.F64, "64-bit float");

    private final int bits;
    private final int sampleFormat;
    private final DataType type;
    private final String label;

    SampleKind(int bits, int sampleFormat, DataType type, String label) {
        this.bits = bits;
        this.sampleFormat = sampleFormat;
        this.type = type;
        this.label = label;
    }

    /** Bits per sample. */
    int bits() {
        return bits;
    }

    /** The volume type samples are read into. */
    DataType type() {
        return type;
    }

    /** True when samples are stored exactly as the volume holds them, so rows can be copied in bulk. */
    boolean direct() {
        return this == U8 || this == U16 || this == I32 || this == F32 || this == F64;
    }

    /** Bytes of one row of {@code samples} samples, rows padded to whole bytes. */
    long rowBytes(long samples) {
        return (samples * bits + 7) / 8;
    }

    /** The kind for BitsPerSample {@code bits} and SampleFormat {@code format} (1 unsigned, 2 signed, 3 float), or null. */
    static SampleKind of(int bits, int format) {
        for (SampleKind k : values()) {
            if (k.bits == bits && (k.sampleFormat == format || (k == BIT1 && format != 3))) {
                return k;
            }
        }
        return null;
    }

    /** A readable name for a BitsPerSample/SampleFormat pair, for error messages. */
    static String describe(int bits, int format) {
        String f = switch (format) {
            case 1 -> "unsigned";
            case 2 -> "signed";
            case 3 -> "float";
            case 4 -> "undefined-format";
            default -> "SampleFormat " + format;
        };
        return bits + "-bit " + f;
    }

    @Override
    public String toString() {
        return label;
    }
}
