package org.tomolyte.io.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.io.RawLayout;
import org.tomolyte.io.ReadOptions;
import org.tomolyte.io.VolumeHeader;
import org.tomolyte.io.VolumeIO;
import org.tomolyte.io.peer.TestVolumes;

class RawFormatTest {

    @TempDir
    Path dir;

    private static ReadOptions raw(Dims d, DataType t, ByteOrder o, long offset) {
        return new ReadOptions(null, new RawLayout(d, t, o, offset), null);
    }

    @Test
    void roundTripEveryTypeThroughVolumeIO() throws IOException {
        Dims d = new Dims(7, 5, 3);
        for (DataType t : DataType.values()) {
            Path f = dir.resolve("v-" + t.label() + ".raw");
            try (Volume v = TestVolumes.random(d, t, 42 + t.ordinal(), Spacing.UNIT)) {
                VolumeIO.write(v, f);
                assertEquals(d.voxels() * t.bytes(), Files.size(f), "raw file holds exactly the voxels, no header");
                try (Volume back = VolumeIO.read(f, raw(d, t, ByteOrder.LITTLE_ENDIAN, 0), Progress.NONE)) {
                    assertTrue(back.contentEquals(v), t + " round trip");
                    assertTrue(back.segment().isMapped(), "raw reads are memory-mapped");
                    assertTrue(back.segment().isReadOnly(), "raw reads are mapped read-only");
                    assertEquals(Spacing.UNIT, back.spacing());
                }
            }
        }
    }

    @Test
    void writesLittleEndian() throws IOException {
        try (Volume v = Volume.allocate(new Dims(2, 1, 1), DataType.U16, Spacing.UNIT)) {
            v.set(0, 0x0102);
            v.set(1, 0xA0B0);
            Path f = dir.resolve("le.raw");
            new RawFormat().write(v, f, null, Progress.NONE);
            byte[] b = Files.readAllBytes(f);
            assertEquals(4, b.length);
            assertEquals(0x02, b[0]);
            assertEquals(0x01, b[1]);
            assertEquals((byte) 0xB0, b[2]);
            assertEquals((byte) 0xA0, b[3]);
        }
    }

    @Test
    void readsBigEndianAfterHeaderAndWritesItBackLittleEndian() throws IOException {
        Dims d = new Dims(3, 2, 2);
        int header = 17;
        ByteBuffer buf = ByteBuffer.allocate(header + (int) d.voxels() * 4 + 5).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < header; i++) {
            buf.put((byte) 0x7F);
        }
        for (int i = 0; i < d.voxels(); i++) {
            buf.putFloat(i * 1.5f - 4);
        }
        Path f = dir.resolve("be.raw");
        Files.write(f, buf.array());
        ReadOptions o = raw(d, DataType.F32, ByteOrder.BIG_ENDIAN, header).withSpacing(new Spacing(0.5, 0.5, 2));
        VolumeHeader h = new RawFormat().probe(f, o);
        assertEquals(d, h.dims());
        assertEquals(DataType.F32, h.type());
        assertTrue(h.spacingKnown());
        try (Volume v = new RawFormat().read(f, o, Progress.NONE)) {
            assertEquals(ByteOrder.BIG_ENDIAN, v.order());
            assertEquals(new Spacing(0.5, 0.5, 2), v.spacing());
            for (int i = 0; i < d.voxels(); i++) {
                assertEquals(i * 1.5f - 4, v.get(i), 0.0, "voxel " + i);
            }
            Path out = dir.resolve("le.raw");
            new RawFormat().write(v, out, null, Progress.NONE);
            ByteBuffer le = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(d.voxels() * 4, le.capacity());
            for (int i = 0; i < d.voxels(); i++) {
                assertEquals(i * 1.5f - 4, le.getFloat(), 0.0, "little-endian output voxel " + i);
            }
        }
    }

    @Test
    void truncatedFileIsOneLineInputErrorWithByteCounts() throws IOException {
        Path f = dir.resolve("short.raw");
        Files.write(f, new byte[100]);
        ReadOptions o = raw(new Dims(10, 10, 1), DataType.U16, ByteOrder.LITTLE_ENDIAN, 8);
        for (var call : new org.junit.jupiter.api.function.Executable[]{
                () -> new RawFormat().probe(f, o), () -> new RawFormat().read(f, o, Progress.NONE)}) {
            InputException e = assertThrows(InputException.class, call);
            assertTrue(e.getMessage().contains("208"), e.getMessage());
            assertTrue(e.getMessage().contains("100 bytes"), e.getMessage());
            assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one-line message");
        }
    }

    @Test
    void isNeverChosenByContentButWritesDotRaw() {
        RawFormat f = new RawFormat();
        assertFalse(f.canRead(dir.resolve("x.raw")));
        assertTrue(f.canWrite(dir.resolve("x.RAW")));
        assertFalse(f.canWrite(dir.resolve("x.tif")));
        assertInstanceOf(RawFormat.class, VolumeIO.byName("raw"));
    }

    /** A sparse file of 2^31 + 4096 U8 voxels: only the touched pages are ever written or read. */
    @Test
    void mapsAVolumeAboveTwoToThe31Voxels() {
        Dims d = new Dims(4096, 524_289, 1);
        long n = d.voxels();
        assertEquals((1L << 31) + 4096, n);
        Path f = dir.resolve("huge.raw");
        try (Volume v = Volume.createMapped(f, d, DataType.U8, Spacing.UNIT)) {
            v.set(n - 1, 201);
            v.set(1L << 31, 99);
            v.set(0, 7);
            v.force();
        }
        ReadOptions o = raw(d, DataType.U8, ByteOrder.LITTLE_ENDIAN, 0);
        assertEquals(d, new RawFormat().probe(f, o).dims());
        try (Volume back = VolumeIO.read(f, o, Progress.NONE)) {
            assertEquals(n, back.voxels());
            assertEquals(201, back.get(n - 1));
            assertEquals(201, back.get(4095, 524_288, 0));
            assertEquals(99, back.get(1L << 31));
            assertEquals(7, back.get(0));
            assertEquals(0, back.get(n - 2));
        }
    }
}
