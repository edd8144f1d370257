package org.tomolyte.io.tiff;

import java.util.Arrays;

/**
 * The PackBits run-length codec (TIFF 6.0 section 9, compression 32773). A header byte n in
 * 0..127 is followed by n+1 literal bytes; n in -127..-1 repeats the next byte 1-n times; -128 is
 * a no-op. The encoder packs each row separately, as the specification recommends.
 */
final class PackBits {

    private PackBits() {
    }

    /**
     * Decodes {@code src} into {@code dst} until {@code dst} is full or the input ends.
     *
     * @return the number of bytes written
     * @throws CorruptDataException when a literal or run header has no data after it
     */
    static int decode(byte[] src, byte[] dst) throws CorruptDataException {
        int in = 0;
        int out = 0;
        while (out < dst.length && in < src.length) {
            int n = src[in++];
            if (n >= 0) {
                int count = n + 1;
                if (in + count > src.length) {
                    throw new CorruptDataException("PackBits literal of " + count + " bytes runs past the end of the data");
                }
                int copy = Math.min(count, dst.length - out);
                System.arraycopy(src, in, dst, out, copy);
                in += count;
                out += copy;
            } else if (n != -128) {
                if (in >= src.length) {
                    throw new CorruptDataException("PackBits run header without its byte at the end of the data");
                }
                int count = Math.min(1 - n, dst.length - out);
                Arrays.fill(dst, out, out + count, src[in++]);
                out += count;
            }
        }
        return out;
    }

    /** Encodes {@code rows} rows of {@code rowBytes} bytes each from {@code src}, each row packed on its own. */
    static byte[] encode(byte[] src, int rows, int rowBytes) {
        byte[] out = new byte[rows * (rowBytes + (rowBytes + 127) / 128) + 16];
        int o = 0;
        for (int r = 0; r < rows; r++) {
            int i = r * rowBytes;
            int end = i + rowBytes;
            while (i < end) {
                int run = 1;
                while (i + run < end && run < 128 && src[i + run] == src[i]) {
                    run++;
                }
                if (run >= 3) {
                    out[o++] = (byte) (1 - run);
                    out[o++] = src[i];
                    i += run;
                    continue;
                }
                int j = i;
                while (j < end && j - i < 128
                        && !(j + 2 < end && src[j] == src[j + 1] && src[j] == src[j + 2])) {
                    j++;
                }
                out[o++] = (byte) (j - i - 1);
                System.arraycopy(src, i, out, o, j - i);
                o += j - i;
                i = j;
            }
        }
        return Arrays.copyOf(out, o);
    }
}
