package org.tomolyte.analysis.porosity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Word-wise nonzero counting (direct and from word prefix counts) against a byte loop, for every byte value and alignment. */
class NonzeroBytesTest {

    @Test
    void equalsByteLoop() {
        byte[] b = new byte[300];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 256; i < b.length; i++) {
            b[i] = r.nextInt(3) == 0 ? 0 : (byte) r.nextInt(256);
        }
        int[] words = new int[b.length / 8 + 1];
        int all = NonzeroBytes.prefix(b, b.length, words);
        assertEquals(NonzeroBytes.count(b, 0, b.length), all);
        for (int from = 0; from < 20; from++) {
            for (int to = from; to <= b.length; to += 1 + (to % 7)) {
                int want = 0;
                for (int x = from; x < to; x++) {
                    want += b[x] != 0 ? 1 : 0;
                }
                assertEquals(want, NonzeroBytes.count(b, from, to), from + ".." + to);
                assertEquals(want, NonzeroBytes.count(b, words, from, to), "prefix " + from + ".." + to);
            }
        }
    }
}
