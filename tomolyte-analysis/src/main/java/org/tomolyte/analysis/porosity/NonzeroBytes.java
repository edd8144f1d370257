package org.tomolyte.analysis.porosity;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Counts nonzero bytes of a row eight at a time: each 8-byte word is reduced to one high bit per
 * nonzero byte ({@code ((w & 0x7f..) + 0x7f..) | w}, masked with {@code 0x80..}) and counted with
 * {@link Long#bitCount}; the bytes before the first and after the last whole word are counted one by
 * one. The result does not depend on byte order. With the per-row word prefix counts
 * ({@link #prefix}) any range of the row costs O(1) plus at most 14 single bytes.
 */
final class NonzeroBytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH = 0x8080808080808080L;

    private NonzeroBytes() {
    }

    /** Nonzero bytes in {@code b[from..to)}. */
    static int count(byte[] b, int from, int to) {
        int c = 0;
        int x = from;
        for (; x + 8 <= to; x += 8) {
            long w = (long) LONGS.get(b, x);
            c += Long.bitCount((((w & LOW7) + LOW7) | w) & HIGH);
        }
        for (; x < to; x++) {
            c += ((b[x] & 0xFF) + 0xFF) >>> 8;
        }
        return c;
    }

    /**
     * Word prefix counts of a row: {@code words[k]} = nonzero bytes in {@code b[0..8k)} for
     * {@code k = 0..n/8}.
     *
     * @param b     the row
     * @param n     row length
     * @param words at least {@code n / 8 + 1} entries
     * @return nonzero bytes in {@code b[0..n)}
     */
    static int prefix(byte[] b, int n, int[] words) {
        int c = 0;
        int k = 0;
        words[0] = 0;
        for (int x = 0; x + 8 <= n; x += 8) {
            long w = (long) LONGS.get(b, x);
            c += Long.bitCount((((w & LOW7) + LOW7) | w) & HIGH);
            words[++k] = c;
        }
        for (int x = k * 8; x < n; x++) {
            c += ((b[x] & 0xFF) + 0xFF) >>> 8;
        }
        return c;
    }

    /** Nonzero bytes in {@code b[from..to)} from the word prefix counts of the row and at most 14 single bytes. */
    static int count(byte[] b, int[] words, int from, int to) {
        int wa = (from + 7) >>> 3;
        int wb = to >>> 3;
        if (wa >= wb) {
            return count(b, from, to);
        }
        int c = words[wb] - words[wa];
        for (int x = from; x < wa << 3; x++) {
            c += ((b[x] & 0xFF) + 0xFF) >>> 8;
        }
        for (int x = wb << 3; x < to; x++) {
            c += ((b[x] & 0xFF) + 0xFF) >>> 8;
        }
        return c;
    }
}
