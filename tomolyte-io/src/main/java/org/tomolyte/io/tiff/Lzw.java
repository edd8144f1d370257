package org.tomolyte.io.tiff;

import java.util.Arrays;

/**
 * The LZW codec of TIFF 6.0 (section 13): codes of 9 to 12 bits packed most significant bit
 * first, 256 = Clear, 257 = End of Information, first free code 258, and the TIFF "early change"
 * (the code width grows one code before the table fills, as libtiff writes it).
 */
final class Lzw {

    private static final int CLEAR = 256;
    private static final int EOI = 257;
    private static final int FIRST = 258;
    private static final int TABLE = 4096;
    /** The encoder emits Clear when its next free code reaches this value, so codes stay within 12 bits. */
    private static final int ENCODER_LIMIT = 4094;

    private Lzw() {
    }

    /**
     * Decodes {@code src} into {@code dst}, stopping at End of Information or when {@code dst} is full.
     *
     * @return the number of bytes written to {@code dst}
     * @throws CorruptDataException for a code that refers beyond the string table
     */
    static int decode(byte[] src, byte[] dst) throws CorruptDataException {
        int[] prefix = new int[TABLE];
        byte[] suffix = new byte[TABLE];
        byte[] first = new byte[TABLE];
        int[] length = new int[TABLE];
        for (int i = 0; i < 256; i++) {
            prefix[i] = -1;
            suffix[i] = (byte) i;
            first[i] = (byte) i;
            length[i] = 1;
        }
        long bits = 0;
        int bitCount = 0;
        int in = 0;
        int out = 0;
        int next = FIRST;
        int old = -1;
        while (out < dst.length) {
            int width = widthFor(next + 1);
            while (bitCount < width) {
                if (in >= src.length) {
                    return out;
                }
                bits = (bits << 8) | (src[in++] & 0xff);
                bitCount += 8;
            }
            int code = (int) ((bits >>> (bitCount - width)) & ((1 << width) - 1));
            bitCount -= width;
            if (code == EOI) {
                break;
            }
            if (code == CLEAR) {
                next = FIRST;
                old = -1;
                continue;
            }
            if (old == -1) {
                if (code > 255) {
                    throw new CorruptDataException("LZW code " + code + " follows a Clear code; expected a literal 0..255");
                }
                dst[out++] = (byte) code;
                old = code;
                continue;
            }
            if (code > next) {
                throw new CorruptDataException("LZW code " + code + " is beyond the string table (next free code " + next + ")");
            }
            if (next < TABLE) {
                prefix[next] = old;
                suffix[next] = code == next ? first[old] : first[code];
                first[next] = first[old];
                length[next] = length[old] + 1;
                next++;
            } else if (code == next) {
                throw new CorruptDataException("LZW string table overflow without a Clear code");
            }
            int len = length[code];
            int p = out + len - 1;
            for (int k = code; k != -1; k = prefix[k], p--) {
                if (p < dst.length) {
                    dst[p] = suffix[k];
                }
            }
            out = Math.min(dst.length, out + len);
            old = code;
        }
        return out;
    }

    /** Code width in bits for a table whose next free code is {@code next} (9..12). */
    private static int widthFor(int next) {
        return next < 512 ? 9 : next < 1024 ? 10 : next < 2048 ? 11 : 12;
    }

    /** Encodes {@code len} bytes of {@code src} from {@code off}; the result starts with Clear and ends with End of Information. */
    static byte[] encode(byte[] src, int off, int len) {
        BitWriter w = new BitWriter(len / 2 + 16);
        int width = 9;
        w.put(CLEAR, width);
        if (len == 0) {
            w.put(EOI, width);
            return w.toArray();
        }
        int[] keys = new int[1 << 14];
        short[] codes = new short[1 << 14];
        int mask = keys.length - 1;
        int next = FIRST;
        int current = src[off] & 0xff;
        for (int i = 1; i < len; i++) {
            int b = src[off + i] & 0xff;
            int key = ((current << 8) | b) + 1;
            int h = (key * 0x9E3779B1) >>> 18 & mask;
            while (keys[h] != 0 && keys[h] != key) {
                h = (h + 1) & mask;
            }
            if (keys[h] == key) {
                current = codes[h];
                continue;
            }
            w.put(current, width);
            keys[h] = key;
            codes[h] = (short) next;
            next++;
            if (next >= ENCODER_LIMIT) {
                w.put(CLEAR, widthFor(next));
                Arrays.fill(keys, 0);
                next = FIRST;
            }
            width = widthFor(next);
            current = b;
        }
        w.put(current, width);
        next++;
        if (next >= ENCODER_LIMIT) {
            w.put(CLEAR, widthFor(next));
            next = FIRST;
        }
        w.put(EOI, widthFor(next));
        return w.toArray();
    }

    /** Packs codes most significant bit first into a growing byte array. */
    private static final class BitWriter {
        private byte[] buf;
        private int size;
        private long bits;
        private int bitCount;

        BitWriter(int capacity) {
            buf = new byte[Math.max(16, capacity)];
        }

        void put(int code, int width) {
            bits = (bits << width) | code;
            bitCount += width;
            while (bitCount >= 8) {
                bitCount -= 8;
                add((byte) (bits >>> bitCount));
            }
        }

        private void add(byte b) {
            if (size == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            buf[size++] = b;
        }

        byte[] toArray() {
            if (bitCount > 0) {
                add((byte) (bits << (8 - bitCount)));
                bitCount = 0;
            }
            return Arrays.copyOf(buf, size);
        }
    }
}
