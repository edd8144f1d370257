package org.tomolyte.io.tiff;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds small classic TIFF files byte by byte for tests of unusual or broken input: each page
 * is an IFD with the given SHORT/LONG tags followed by its single strip. StripOffsets (273),
 * StripByteCounts (279) and RowsPerStrip (278) are added unless given.
 */
final class TinyTiff {

    private final ByteOrder order;
    private final List<Map<Integer, long[]>> tags = new ArrayList<>();
    private final List<byte[]> strips = new ArrayList<>();

    TinyTiff(ByteOrder order) {
        this.order = order;
    }

    /** Adds a page: {@code tags} maps tag to LONG values; {@code strip} is the page's one strip. */
    TinyTiff page(Map<Integer, long[]> pageTags, byte[] strip) {
        tags.add(new TreeMap<>(pageTags));
        strips.add(strip);
        return this;
    }

    /** The file bytes. */
    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(8).order(order);
        h.put((byte) (order == ByteOrder.LITTLE_ENDIAN ? 'I' : 'M')).put((byte) (order == ByteOrder.LITTLE_ENDIAN ? 'I' : 'M'));
        h.putShort((short) 42).putInt(8);
        out.writeBytes(h.array());
        long pos = 8;
        for (int p = 0; p < tags.size(); p++) {
            Map<Integer, long[]> t = new TreeMap<>(tags.get(p));
            int n = t.size() + (t.containsKey(273) ? 0 : 1) + (t.containsKey(279) ? 0 : 1);
            t.putIfAbsent(273, new long[] {0});
            t.putIfAbsent(279, new long[] {strips.get(p).length});
            int overflow = 0;
            for (long[] v : t.values()) {
                overflow += v.length > 1 ? v.length * 4 : 0;
            }
            long ifdSize = 2 + 12L * n + 4 + overflow;
            long stripAt = pos + ifdSize;
            if (tags.get(p).get(273) == null) {
                t.put(273, new long[] {stripAt});
            }
            long next = p + 1 < tags.size() ? stripAt + strips.get(p).length : 0;
            ByteBuffer b = ByteBuffer.allocate((int) ifdSize).order(order);
            b.putShort((short) n);
            long extra = pos + 2 + 12L * n + 4;
            List<long[]> big = new ArrayList<>();
            for (var e : t.entrySet()) {
                long[] v = e.getValue();
                b.putShort((short) (int) e.getKey()).putShort((short) 4).putInt(v.length);
                if (v.length == 1) {
                    b.putInt((int) v[0]);
                } else {
                    b.putInt((int) extra);
                    extra += v.length * 4L;
                    big.add(v);
                }
            }
            b.putInt((int) next);
            for (long[] v : big) {
                for (long x : v) {
                    b.putInt((int) x);
                }
            }
            out.writeBytes(b.array());
            out.writeBytes(strips.get(p));
            pos = stripAt + strips.get(p).length;
        }
        return out.toByteArray();
    }

    /** Tags of a grey page: width, height, bits per sample, compression, sample format. */
    static Map<Integer, long[]> grey(int width, int height, int bits, int compression, int sampleFormat) {
        Map<Integer, long[]> t = new TreeMap<>();
        t.put(256, new long[] {width});
        t.put(257, new long[] {height});
        t.put(258, new long[] {bits});
        t.put(259, new long[] {compression});
        t.put(262, new long[] {1});
        t.put(339, new long[] {sampleFormat});
        return t;
    }
}
