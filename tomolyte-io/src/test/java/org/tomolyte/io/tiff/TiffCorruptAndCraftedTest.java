package org.tomolyte.io.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.io.ReadOptions;
import org.tomolyte.io.VolumeIO;
import org.tomolyte.io.WriteOptions;

/** Broken and hand-made TIFF files: clear one-line errors naming the file, and exact decoding of rare encodings. */
class TiffCorruptAndCraftedTest {

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private InputException readFails(Path f) {
        InputException e = assertThrows(InputException.class, () -> VolumeIO.read(f).close());
        assertTrue(e.getMessage().contains(f.getFileName().toString()), "message names the file: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one-line message: " + e.getMessage());
        return e;
    }

    @Test
    void garbageHeader() throws IOException {
        Path f = file("garbage.tif", "PK\u0003\u0004 this is a zip, not a tiff".getBytes());
        InputException e = readFails(f);
        assertTrue(e.getMessage().contains("expected TIFF byte-order mark II or MM, found 0x504B"), e.getMessage());
        assertTrue(readFails(file("empty.tif", new byte[0])).getMessage().contains("byte-order mark"));
        byte[] badVersion = {'I', 'I', 41, 0, 8, 0, 0, 0};
        assertTrue(readFails(file("v41.tif", badVersion)).getMessage().contains("found 41"));
    }

    @Test
    void truncatedMidStrip() throws IOException {
        byte[] strip = new byte[40 * 30];
        new SplittableRandom(1).nextBytes(strip);
        byte[] whole = new TinyTiff(ByteOrder.LITTLE_ENDIAN).page(TinyTiff.grey(40, 30, 8, 1, 1), strip).bytes();
        try (Volume v = VolumeIO.read(file("whole.tif", whole))) {
            assertEquals(new Dims(40, 30, 1), v.dims());
            assertEquals(strip[41] & 0xff, v.getInt(41));
        }
        Path cut = file("cut.tif", Arrays.copyOf(whole, whole.length - 500));
        assertTrue(readFails(cut).getMessage().contains("truncated"), readFails(cut).getMessage());
        // the header (IFDs) alone still probes
        assertEquals(new Dims(40, 30, 1), VolumeIO.probe(cut.toString(), ReadOptions.DEFAULT).dims());
    }

    @Test
    void truncatedCompressedFileAndIfdBeyondEnd() throws IOException {
        try (Volume v = TiffTestVolumes.random(new Dims(64, 64, 4), DataType.U16, Spacing.UNIT, 9)) {
            Path f = dir.resolve("ok.tif");
            VolumeIO.write(v, f, new WriteOptions("deflate", null), Progress.NONE);
            byte[] bytes = Files.readAllBytes(f);
            // our writer puts the IFDs last: cutting the file loses the first IFD
            InputException e = readFails(file("short.tif", Arrays.copyOf(bytes, bytes.length / 2)));
            assertTrue(e.getMessage().contains("IFD 0") && e.getMessage().contains("beyond the end"), e.getMessage());
        }
    }

    @Test
    void corruptCompressedData() throws IOException {
        for (String c : new String[] {"deflate", "lzw", "packbits"}) {
            try (Volume v = TiffTestVolumes.random(new Dims(64, 64, 2), DataType.U8, Spacing.UNIT, 9)) {
                Path f = dir.resolve(c + ".tif");
                VolumeIO.write(v, f, new WriteOptions(c, null), Progress.NONE);
                byte[] bytes = Files.readAllBytes(f);
                // the data start right after the 8-byte header: overwrite the first 16 bytes of page 0
                for (int i = 8; i < 24; i++) {
                    bytes[i] = (byte) 0xFF;
                }
                Path bad = file("bad-" + c + ".tif", bytes);
                InputException e = assertThrows(InputException.class, () -> VolumeIO.read(bad).close(), c);
                assertTrue(e.getMessage().contains("bad-" + c + ".tif") && e.getMessage().contains("page 0 strip 0")
                        && e.getMessage().contains("corrupt"), e.getMessage());
            }
        }
    }

    @Test
    void unsupportedCompression() throws IOException {
        Path f = file("jpeg.tif", new TinyTiff(ByteOrder.LITTLE_ENDIAN).page(TinyTiff.grey(4, 4, 8, 7, 1), new byte[16]).bytes());
        InputException e = readFails(f);
        assertTrue(e.getMessage().contains("unsupported compression 7 (JPEG)"), e.getMessage());
    }

    @Test
    void rgbIsRefused() throws IOException {
        Map<Integer, long[]> t = TinyTiff.grey(4, 4, 8, 1, 1);
        t.put(277, new long[] {3});
        t.put(262, new long[] {2});
        Path f = file("rgb.tif", new TinyTiff(ByteOrder.LITTLE_ENDIAN).page(t, new byte[48]).bytes());
        InputException e = readFails(f);
        assertTrue(e.getMessage().endsWith("expected 1 sample per pixel (grey), found 3 (RGB)"), e.getMessage());
    }

    @Test
    void pagesOfDifferentSizeAreRefusedNamingThePage() throws IOException {
        byte[] f = new TinyTiff(ByteOrder.BIG_ENDIAN)
                .page(TinyTiff.grey(4, 4, 8, 1, 1), new byte[16])
                .page(TinyTiff.grey(4, 4, 8, 1, 1), new byte[16])
                .page(TinyTiff.grey(5, 4, 8, 1, 1), new byte[20]).bytes();
        InputException e = readFails(file("mixed.tif", f));
        assertTrue(e.getMessage().contains("page 2 is 5x4 8-bit unsigned, expected 4x4 8-bit unsigned"), e.getMessage());
    }

    @Test
    void unsigned32AboveIntMaxIsRefused() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        data.putInt(5).putInt(0x7FFFFFFF).putInt(0x80000000).putInt(7);
        InputException e = readFails(file("u32.tif", new TinyTiff(ByteOrder.LITTLE_ENDIAN).page(TinyTiff.grey(2, 2, 32, 1, 1), data.array()).bytes()));
        assertTrue(e.getMessage().contains("2147483648"), e.getMessage());
        data.putInt(8, 12);
        try (Volume v = VolumeIO.read(file("u32ok.tif", new TinyTiff(ByteOrder.LITTLE_ENDIAN).page(TinyTiff.grey(2, 2, 32, 1, 1), data.array()).bytes()))) {
            assertEquals(DataType.I32, v.type());
            assertEquals(Integer.MAX_VALUE, v.getInt(1));
            assertEquals(12, v.getInt(2));
        }
    }

    @Test
    void oneBitIsMostSignificantBitFirstWithRowsPaddedToBytes() throws IOException {
        // 10 x 2 pixels: each row takes 2 bytes
        byte[] strip = {(byte) 0b1010_0000, (byte) 0b0100_0000, (byte) 0b0000_0001, (byte) 0b1111_1111};
        try (Volume v = VolumeIO.read(file("bits.tif", new TinyTiff(ByteOrder.BIG_ENDIAN).page(TinyTiff.grey(10, 2, 1, 1, 1), strip).bytes()))) {
            assertEquals(DataType.U8, v.type());
            int[] row0 = new int[10];
            int[] row1 = new int[10];
            for (int x = 0; x < 10; x++) {
                row0[x] = v.getInt(x);
                row1[x] = v.getInt(10 + x);
            }
            assertEquals("[1, 0, 1, 0, 0, 0, 0, 0, 0, 1]", Arrays.toString(row0));
            assertEquals("[0, 0, 0, 0, 0, 0, 0, 1, 1, 1]", Arrays.toString(row1));
        }
    }

    @Test
    void lzwWithHorizontalPredictorBigEndian16Bit() throws IOException {
        int w = 50;
        int h = 20;
        SplittableRandom r = new SplittableRandom(3);
        int[] values = new int[w * h];
        ByteBuffer diff = ByteBuffer.allocate(w * h * 2).order(ByteOrder.BIG_ENDIAN);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                values[y * w + x] = r.nextInt(65536);
                int left = x == 0 ? 0 : values[y * w + x - 1];
                diff.putShort((short) (values[y * w + x] - left));
            }
        }
        byte[] lzw = Lzw.encode(diff.array(), 0, diff.capacity());
        Map<Integer, long[]> t = TinyTiff.grey(w, h, 16, 5, 1);
        t.put(317, new long[] {2});
        try (Volume v = VolumeIO.read(file("lzwpred.tif", new TinyTiff(ByteOrder.BIG_ENDIAN).page(t, lzw).bytes()))) {
            for (int i = 0; i < values.length; i++) {
                assertEquals(values[i], v.getInt(i), "voxel " + i);
            }
        }
    }

    @Test
    void codecsRoundTripOnEdgeCases() throws CorruptDataException {
        SplittableRandom r = new SplittableRandom(17);
        for (int n : new int[] {0, 1, 2, 3, 127, 128, 129, 5000, 300_000}) {
            for (int alphabet : new int[] {1, 2, 256}) {
                byte[] src = new byte[n];
                for (int i = 0; i < n; i++) {
                    src[i] = (byte) r.nextInt(alphabet);
                }
                byte[] back = new byte[n];
                assertEquals(n, Lzw.decode(Lzw.encode(src, 0, n), back), "LZW length n=" + n);
                assertTrue(Arrays.equals(src, back), "LZW n=" + n + " alphabet " + alphabet);
                Arrays.fill(back, (byte) 0);
                assertEquals(n, PackBits.decode(PackBits.encode(src, 1, n), back));
                assertTrue(Arrays.equals(src, back), "PackBits n=" + n);
            }
        }
    }

    @Test
    void reducedResolutionPagesAreSkipped() throws IOException {
        Map<Integer, long[]> thumb = TinyTiff.grey(2, 2, 8, 1, 1);
        thumb.put(254, new long[] {1});
        thumb.put(277, new long[] {3});
        thumb.put(262, new long[] {2});
        byte[] f = new TinyTiff(ByteOrder.LITTLE_ENDIAN)
                .page(TinyTiff.grey(3, 2, 8, 1, 1), new byte[] {1, 2, 3, 4, 5, 6})
                .page(thumb, new byte[12])
                .page(TinyTiff.grey(3, 2, 8, 1, 1), new byte[] {7, 8, 9, 10, 11, 12}).bytes();
        try (Volume v = VolumeIO.read(file("thumb.tif", f))) {
            assertEquals(new Dims(3, 2, 2), v.dims());
            assertEquals(12, v.getInt(11));
        }
    }
}
