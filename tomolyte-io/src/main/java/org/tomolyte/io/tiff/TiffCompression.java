package org.tomolyte.io.tiff;

import org.tomolyte.core.ParameterException;

/**
 * TIFF compression schemes Tomolyte reads and writes (TIFF 6.0 tag 259, Compression).
 * Reading also accepts code 32946 (the old Adobe Deflate code) as {@link #DEFLATE}.
 */
public enum TiffCompression {
    /** Code 1: no compression. */
    NONE(1, "none"),
    /** Code 5: LZW (TIFF 6.0 section 13). */
    LZW(5, "lzw"),
    /** Code 8: zlib Deflate (Adobe Deflate); 32946 is read as the same. */
    DEFLATE(8, "deflate"),
    /** Code 32773: PackBits run-length encoding. */
    PACKBITS(32773, "packbits");

    private final int code;
    private final String label;

    TiffCompression(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The value of the Compression tag written for this scheme. */
    public int code() {
        return code;
    }

    /** Lower-case name as given in {@link org.tomolyte.io.WriteOptions#compression()}: none, lzw, deflate, packbits. */
    public String label() {
        return label;
    }

    /**
     * Parses {@code none|deflate|lzw|packbits} (case-insensitive); null means {@link #NONE}.
     *
     * @throws ParameterException naming the value when it is none of these
     */
    public static TiffCompression parse(String text) {
        if (text == null) {
            return NONE;
        }
        for (TiffCompression c : values()) {
            if (c.label.equalsIgnoreCase(text.trim())) {
                return c;
            }
        }
        throw new ParameterException("TIFF compression must be one of none, deflate, lzw, packbits, got '" + text + "'");
    }

    /** The scheme of Compression tag value {@code code}, or null when Tomolyte does not support it. */
    static TiffCompression fromCode(int code) {
        return switch (code) {
            case 1 -> NONE;
            case 5 -> LZW;
            case 8, 32946 -> DEFLATE;
            case 32773 -> PACKBITS;
            default -> null;
        };
    }

    /** A readable name for any Compression tag value, for error messages. */
    static String describe(int code) {
        return switch (code) {
            case 2 -> "2 (CCITT modified Huffman)";
            case 3 -> "3 (CCITT T.4 fax)";
            case 4 -> "4 (CCITT T.6 fax)";
            case 6 -> "6 (old-style JPEG)";
            case 7 -> "7 (JPEG)";
            case 34712 -> "34712 (JPEG 2000)";
            case 34887, 34925 -> code + " (LZMA)";
            case 50000 -> "50000 (Zstandard)";
            case 50001 -> "50001 (WebP)";
            default -> Integer.toString(code);
        };
    }

    /**
     * Compresses {@code rows} rows of {@code rowBytes} bytes held in {@code raw}.
     *
     * @return the encoded strip ({@code raw} itself for {@link #NONE})
     */
    byte[] encode(byte[] raw, int rows, int rowBytes) {
        int len = rows * rowBytes;
        return switch (this) {
            case NONE -> raw;
            case LZW -> Lzw.encode(raw, 0, len);
            case DEFLATE -> Deflate.encode(raw, 0, len);
            case PACKBITS -> PackBits.encode(raw, rows, rowBytes);
        };
    }

    /**
     * Decompresses {@code src} into {@code dst} until {@code dst} is full or the data end.
     *
     * @return the number of bytes produced; fewer than {@code dst.length} means the data ended early
     */
    int decode(byte[] src, byte[] dst) throws CorruptDataException {
        return switch (this) {
            case NONE -> {
                int n = Math.min(src.length, dst.length);
                System.arraycopy(src, 0, dst, 0, n);
                yield n;
            }
            case LZW -> Lzw.decode(src, dst);
            case DEFLATE -> Deflate.decode(src, dst);
            case PACKBITS -> PackBits.decode(src, dst);
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
