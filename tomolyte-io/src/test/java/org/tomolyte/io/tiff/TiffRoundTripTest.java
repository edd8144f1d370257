package org.tomolyte.io.tiff;

import org.tomolyte.core.NaturalOrder;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.io.ReadOptions;
import org.tomolyte.io.VolumeHeader;
import org.tomolyte.io.VolumeIO;
import org.tomolyte.io.WriteOptions;

/** Write-then-read round trips of the TIFF format for every type and compression. */
class TiffRoundTripTest {

    /** Anisotropic voxels, as from FIB-SEM. */
    static final Spacing SPACING = new Spacing(0.5, 0.7, 2.0);
    /** 300 x 260 rows so U16 and wider types need several strips, the last one partial. */
    static final Dims DIMS = new Dims(300, 260, 3);

    @TempDir
    Path dir;

    static List<Arguments> typesAndCompressions() {
        List<Arguments> list = new ArrayList<>();
        for (DataType t : DataType.values()) {
            for (String c : new String[] {null, "none", "deflate", "lzw", "packbits"}) {
                list.add(Arguments.of(t, c));
            }
        }
        return list;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("typesAndCompressions")
    void roundTripPreservesValuesAndSpacing(DataType type, String compression) {
        try (Volume v = TiffTestVolumes.random(DIMS, type, SPACING, 42 + type.ordinal())) {
            Path f = dir.resolve("v.tif");
            VolumeIO.write(v, f, new WriteOptions(compression, null), Progress.NONE);
            VolumeHeader h = VolumeIO.probe(f.toString(), ReadOptions.DEFAULT);
            assertEquals(DIMS, h.dims());
            assertEquals(type, h.type());
            assertTrue(h.spacingKnown());
            assertEquals("tiff", h.format());
            try (Volume back = VolumeIO.read(f)) {
                assertTrue(v.contentEquals(back), "voxels differ after round trip");
                assertSpacing(SPACING, back.spacing());
                assertEquals(back.spacing(), h.spacing(), "probe and read agree on spacing");
            }
        }
    }

    static void assertSpacing(Spacing expected, Spacing actual) {
        assertEquals(expected.x(), actual.x(), 1e-12 * expected.x());
        assertEquals(expected.y(), actual.y(), 1e-12 * expected.y());
        assertEquals(expected.z(), actual.z(), 1e-12 * expected.z());
    }

    @Test
    void forcedBigTiffRoundTrip() throws IOException {
        for (String c : new String[] {"none", "deflate"}) {
            try (Volume v = TiffTestVolumes.random(new Dims(70, 40, 5), DataType.U16, SPACING, 7)) {
                Path f = dir.resolve("big-" + c + ".tif");
                new TiffWriter(TiffCompression.parse(c), true).write(v, f, Progress.NONE);
                byte[] head = new byte[4];
                ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN).get(head);
                assertEquals(43, ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getShort(2), "BigTIFF version");
                VolumeHeader h = new TiffFormat().probe(f, ReadOptions.DEFAULT);
                assertTrue(h.detail().contains("BigTIFF"), h.detail());
                try (Volume back = VolumeIO.read(f)) {
                    assertTrue(v.contentEquals(back));
                    assertSpacing(SPACING, back.spacing());
                }
            }
        }
    }

    @Test
    void bigTiffIsChosenForFilesAbove4GiB() {
        assertFalse(TiffWriter.needsBigTiff(new Dims(256, 256, 256), DataType.U8, TiffCompression.NONE));
        assertTrue(TiffWriter.needsBigTiff(new Dims(2048, 2048, 1025), DataType.U8, TiffCompression.NONE));
        assertFalse(TiffWriter.needsBigTiff(new Dims(2048, 2048, 1000), DataType.U8, TiffCompression.NONE));
        // LZW may expand random data by half: 3 GB of voxels could exceed 4 GiB
        assertTrue(TiffWriter.needsBigTiff(new Dims(2048, 2048, 750), DataType.U8, TiffCompression.LZW));
    }

    @Test
    void singleSliceAndOneRowVolumes() {
        for (Dims d : new Dims[] {new Dims(5, 1, 1), new Dims(1, 1, 1), new Dims(1, 70000, 2), new Dims(40000, 3, 2)}) {
            try (Volume v = TiffTestVolumes.random(d, DataType.F32, SPACING, 3)) {
                for (String c : new String[] {"none", "lzw", "packbits", "deflate"}) {
                    Path f = dir.resolve("s-" + d + "-" + c + ".tif");
                    VolumeIO.write(v, f, new WriteOptions(c, null), Progress.NONE);
                    try (Volume back = VolumeIO.read(f)) {
                        assertTrue(v.contentEquals(back), d + " " + c);
                        assertSpacing(SPACING, back.spacing());
                    }
                }
            }
        }
    }

    @Test
    void outputAndInputDoNotDependOnThreadCount() throws IOException {
        int before = Parallel.threads();
        try (Volume v = TiffTestVolumes.random(new Dims(200, 180, 9), DataType.U16, SPACING, 11)) {
            for (String c : new String[] {"deflate", "lzw", "packbits", "none"}) {
                List<byte[]> outputs = new ArrayList<>();
                for (int threads : new int[] {1, 3, 8}) {
                    Parallel.setThreads(threads);
                    Path f = dir.resolve("t" + threads + c + ".tif");
                    VolumeIO.write(v, f, new WriteOptions(c, null), Progress.NONE);
                    outputs.add(Files.readAllBytes(f));
                    try (Volume back = VolumeIO.read(f)) {
                        assertTrue(v.contentEquals(back));
                    }
                }
                assertArrayEquals(outputs.get(0), outputs.get(1), c);
                assertArrayEquals(outputs.get(0), outputs.get(2), c);
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void folderOfSlicesInNaturalOrder() {
        Path folder = dir.resolve("slices");
        Dims d = new Dims(31, 17, 12);
        try (Volume v = TiffTestVolumes.random(d, DataType.U8, SPACING, 5)) {
            // files slice_1 .. slice_12: lexicographic order would put slice_10 before slice_2
            for (int z = 0; z < d.nz(); z++) {
                VolumeIO.write(v.slice(z), folder.resolve("slice_" + (z + 1) + ".tif"), new WriteOptions("deflate", null), Progress.NONE);
            }
            TiffFormat format = new TiffFormat();
            assertTrue(format.canRead(folder));
            VolumeHeader h = VolumeIO.probe(folder.toString(), ReadOptions.DEFAULT);
            assertEquals(d, h.dims());
            try (Volume back = VolumeIO.read(folder)) {
                assertTrue(v.contentEquals(back));
                assertEquals(SPACING.x(), back.spacing().x(), 1e-12);
                assertEquals(SPACING.z(), back.spacing().z(), 1e-12);
            }
        }
    }

    @Test
    void folderWithZarrayIsNotTiff() throws IOException {
        Path folder = dir.resolve("z");
        Files.createDirectories(folder);
        try (Volume v = Volume.allocate(new Dims(2, 2, 1), DataType.U8, Spacing.UNIT)) {
            VolumeIO.write(v, folder.resolve("a.tif"));
        }
        TiffFormat format = new TiffFormat();
        assertTrue(format.canRead(folder));
        Files.writeString(folder.resolve(".zarray"), "{}");
        assertFalse(format.canRead(folder));
        assertTrue(format.canWrite(Path.of("x.TIFF")));
        assertFalse(format.canWrite(Path.of("x.raw")));
    }

    @Test
    void progressCountsOnePerSlice() {
        long[] units = new long[2];
        Progress p = new Progress() {
            @Override
            public void start(String task, long totalUnits) {
            }

            @Override
            public synchronized void advance(long n) {
                units[0] += n;
            }

            @Override
            public void done() {
                units[1]++;
            }
        };
        try (Volume v = TiffTestVolumes.random(new Dims(10, 10, 7), DataType.U8, SPACING, 1)) {
            Path f = dir.resolve("p.tif");
            VolumeIO.write(v, f, WriteOptions.DEFAULT, p);
            assertEquals(7, units[0]);
            VolumeIO.read(f, ReadOptions.DEFAULT, p).close();
            assertEquals(14, units[0]);
            assertEquals(2, units[1]);
        }
    }

    @Test
    void unknownCompressionIsAParameterError() {
        ParameterException e = assertThrows(ParameterException.class, () -> TiffWriter.of(new WriteOptions("jpeg", null)));
        assertTrue(e.getMessage().contains("jpeg"), e.getMessage());
    }

    @Test
    void rationalsAreExactForSimpleFractions() {
        assertArrayEquals(new long[] {10, 7}, TiffWriter.rational(1 / 0.7));
        assertArrayEquals(new long[] {2, 1}, TiffWriter.rational(2));
        assertArrayEquals(new long[] {1, 3}, TiffWriter.rational(1 / 3.0));
        long[] r = TiffWriter.rational(Math.PI);
        assertEquals(Math.PI, (double) r[0] / r[1], 1e-15);
    }

    @Test
    void naturalOrderComparesNumbersNumerically() {
        List<String> names = new ArrayList<>(List.of("slice_10.tif", "slice_2.tif", "slice_1.tif", "b.tif", "a10b2.tif", "a10b10.tif", "a9.tif", "slice_002.tif"));
        names.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("a9.tif", "a10b2.tif", "a10b10.tif", "b.tif", "slice_1.tif", "slice_002.tif", "slice_2.tif", "slice_10.tif"), names);
    }

    @Test
    void imageJStackWithOnlyTheFirstIfdReadsAllSlices() throws IOException {
        try (Volume v = TiffTestVolumes.random(new Dims(33, 21, 6), DataType.U16, SPACING, 8)) {
            Path f = dir.resolve("ij.tif");
            VolumeIO.write(v, f, WriteOptions.DEFAULT, Progress.NONE);
            // cut the IFD chain after the first IFD, as ImageJ does for stacks above 4 GiB
            byte[] bytes = Files.readAllBytes(f);
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            int ifd = b.getInt(4);
            int entries = Short.toUnsignedInt(b.getShort(ifd));
            b.putInt(ifd + 2 + 12 * entries, 0);
            Path one = dir.resolve("one-ifd.tif");
            Files.write(one, bytes);
            try (Volume back = VolumeIO.read(one)) {
                assertTrue(v.contentEquals(back));
                assertSpacing(SPACING, back.spacing());
            }
            Path cut = dir.resolve("one-ifd-cut.tif");
            // claim 9 images where the data hold 6 (the description text keeps its length)
            String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).replace("images=6\n", "images=9\n");
            Files.write(cut, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            org.tomolyte.core.InputException e = assertThrows(org.tomolyte.core.InputException.class, () -> VolumeIO.read(cut));
            assertTrue(e.getMessage().contains("one-ifd-cut.tif") && e.getMessage().contains("truncated: the ImageJ stack of 9 images"), e.getMessage());
        }
    }
}
