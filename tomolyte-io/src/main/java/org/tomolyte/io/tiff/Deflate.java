package org.tomolyte.io.tiff;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The zlib-wrapped Deflate codec (RFC 1950/1951) of TIFF compression 8 and 32946, through
 * {@link java.util.zip}. Encoding uses level 6 and is deterministic for a given input.
 */
final class Deflate {

    private static final int LEVEL = 6;

    private Deflate() {
    }

    /**
     * Inflates {@code src} into {@code dst} until {@code dst} is full or the stream ends.
     *
     * @return the number of bytes written
     * @throws CorruptDataException when the zlib stream is malformed
     */
    static int decode(byte[] src, byte[] dst) throws CorruptDataException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(src);
            int out = 0;
            while (out < dst.length) {
                int n = inflater.inflate(dst, out, dst.length - out);
                out += n;
                if (n == 0) {
                    if (inflater.needsDictionary()) {
                        throw new CorruptDataException("Deflate stream asks for a preset dictionary");
                    }
                    if (inflater.finished() || inflater.needsInput()) {
                        break;
                    }
                }
            }
            return out;
        } catch (DataFormatException e) {
            throw new CorruptDataException("Deflate stream is malformed (" + e.getMessage() + ")", e);
        } finally {
            inflater.end();
        }
    }

    /** Deflates {@code len} bytes of {@code src} from {@code off} into a zlib stream. */
    static byte[] encode(byte[] src, int off, int len) {
        Deflater deflater = new Deflater(LEVEL);
        try {
            deflater.setInput(src, off, len);
            deflater.finish();
            byte[] buf = new byte[len / 2 + 64];
            int n = 0;
            while (!deflater.finished()) {
                if (n == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                n += deflater.deflate(buf, n, buf.length - n);
            }
            return Arrays.copyOf(buf, n);
        } finally {
            deflater.end();
        }
    }
}
