package org.tomolyte.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeTest {

    @TempDir
    Path tmp;

    @Test
    void layoutIsXFastestThenYThenZ() {
        try (Volume v = Volume.allocate(new Dims(4, 3, 2), DataType.U16, Spacing.UNIT)) {
            v.set(1, 2, 1, 7);
            assertEquals(7, v.get((1L * 3 + 2) * 4 + 1));
            assertEquals(7, v.get(1, 2, 1));
            assertEquals(0, v.get(2, 1, 1));
        }
    }

    @Test
    void everyTypeStoresItsRangeAndClamps() {
        for (DataType t : DataType.values()) {
            try (Volume v = Volume.allocate(new Dims(3, 1, 1), t, Spacing.UNIT)) {
                v.set(0, t.isInteger() ? t.max() : 1.5);
                v.set(1, t.isInteger() ? t.min() : -2.25);
                assertEquals(t.isInteger() ? t.max() : 1.5, v.get(0), t.label());
                assertEquals(t.isInteger() ? t.min() : -2.25, v.get(1), t.label());
                if (t.isInteger()) {
                    v.set(2, t.max() + 10);
                    assertEquals(t.max(), v.get(2), "clamps above " + t.label());
                    v.set(2, 2.5);
                    assertEquals(3, v.get(2), "rounds half away from zero " + t.label());
                }
            }
        }
        try (Volume v = Volume.allocate(new Dims(1, 1, 1), DataType.U8, Spacing.UNIT)) {
            v.set(0, 200);
            assertEquals(200, v.getInt(0), "U8 reads unsigned");
        }
    }

    @Test
    void cropCopiesTheBoxAndSlabIsAView() {
        Dims d = new Dims(5, 4, 3);
        try (Volume v = Volume.allocate(d, DataType.F32, new Spacing(0.5, 0.5, 2))) {
            for (long i = 0; i < v.voxels(); i++) {
                v.set(i, i);
            }
            try (Volume c = v.crop(new Box(1, 1, 1, 4, 3, 3))) {
                assertEquals(new Dims(3, 2, 2), c.dims());
                assertEquals(v.get(1, 1, 1), c.get(0, 0, 0));
                assertEquals(v.get(3, 2, 2), c.get(2, 1, 1));
                assertEquals(v.spacing(), c.spacing());
            }
            Volume slab = v.slab(1, 3);
            slab.set(0, 0, 0, -1);
            assertEquals(-1, v.get(0, 0, 1), "slab shares storage");
            assertThrows(ParameterException.class, () -> v.crop(new Box(0, 0, 0, 6, 1, 1)));
        }
    }

    @Test
    void mapsBigEndianRawWithHeaderWithoutLoading() throws Exception {
        Path f = tmp.resolve("be.raw");
        ByteBuffer b = ByteBuffer.allocate(16 + 2 * 6).order(ByteOrder.BIG_ENDIAN);
        b.position(16);
        for (int i = 0; i < 6; i++) {
            b.putShort((short) (1000 * i + 1));
        }
        Files.write(f, b.array());
        try (Volume v = Volume.mapRaw(f, 16, new Dims(3, 2, 1), DataType.U16, ByteOrder.BIG_ENDIAN, Spacing.UNIT, false)) {
            assertEquals(5001, v.get(2, 1, 0));
            try (Volume c = v.copy()) {
                assertTrue(c.contentEquals(v));
                assertEquals(ByteOrder.LITTLE_ENDIAN, c.order());
            }
        }
        InputException e = assertThrows(InputException.class,
                () -> Volume.mapRaw(f, 16, new Dims(4, 2, 1), DataType.U16, ByteOrder.BIG_ENDIAN, Spacing.UNIT, false));
        assertTrue(e.getMessage().contains("be.raw") && e.getMessage().contains("found 28 bytes"), e.getMessage());
    }

    @Test
    void volumeAboveTwoToThe31VoxelsReadsAndWritesItsLastVoxel() {
        // 2^31 + 2^16 voxels, sparse and memory-mapped: only the pages touched use disk or memory
        Dims d = new Dims(65536, 32769, 1);
        assertTrue(d.voxels() > (1L << 31));
        Path f = tmp.resolve("huge.raw");
        long last = d.voxels() - 1;
        try (Volume v = Volume.createMapped(f, d, DataType.U8, Spacing.UNIT)) {
            assertEquals(0, v.get(last));
            v.set(last, 201);
            v.set(65535, 32768, 0, 201);
            v.force();
        }
        try (Volume v = Volume.mapRaw(f, 0, d, DataType.U8, ByteOrder.LITTLE_ENDIAN, Spacing.UNIT, false)) {
            assertEquals(201, v.get(last));
            assertEquals(201, v.get(d.nx() - 1, d.ny() - 1, 0));
            assertEquals(0, v.get(last - 1));
        }
    }

    @Test
    void contentEqualsComparesValuesNotSpacing() {
        SplittableRandom r = new SplittableRandom(1);
        try (Volume a = Volume.allocate(new Dims(7, 5, 3), DataType.I32, Spacing.UNIT);
             Volume b = Volume.allocate(new Dims(7, 5, 3), DataType.I32, Spacing.isotropic(2))) {
            for (long i = 0; i < a.voxels(); i++) {
                int x = r.nextInt();
                a.set(i, x);
                b.set(i, x);
            }
            assertTrue(a.contentEquals(b));
            b.set(17, a.get(17) + 1);
            assertFalse(a.contentEquals(b));
        }
    }

    @Test
    void refusesVolumesLargerThanMemoryWithAClearMessage() {
        InputException e = assertThrows(InputException.class,
                () -> Volume.allocate(new Dims(1 << 20, 1 << 20, 1 << 10), DataType.F32, Spacing.UNIT));
        assertTrue(e.getMessage().contains("needs") && e.getMessage().contains("memory"), e.getMessage());
    }

    @Test
    void recordsValidateWithMessagesNamingTheValue() {
        assertTrue(assertThrows(ParameterException.class, () -> new Spacing(0.5, -1, 1)).getMessage().contains("-1.0"));
        assertTrue(assertThrows(ParameterException.class, () -> new Dims(0, 1, 1)).getMessage().contains("0x1x1"));
        assertEquals(new Spacing(0.5, 0.5, 2), Spacing.parse("0.5,0.5,2", "--spacing"));
        assertEquals(Spacing.isotropic(0.7), Spacing.parse("0.7", "--spacing"));
        assertThrows(ParameterException.class, () -> Spacing.parse("a,b", "--spacing"));
        assertEquals(new Box(0, 1, 2, 3, 4, 5), Box.parse("0,1,2,3,4,5", "--crop"));
        assertThrows(ParameterException.class, () -> Box.parse("3,0,0,1,1,1", "--crop"));
        assertEquals(DataType.U16, DataType.parse("U16", "--type"));
    }

    @Test
    void bulkAccessAgreesWithSingleVoxelAccessForEveryType() {
        SplittableRandom r = new SplittableRandom(9);
        for (DataType t : DataType.values()) {
            try (Volume v = Volume.allocate(new Dims(13, 7, 3), t, Spacing.UNIT)) {
                for (long i = 0; i < v.voxels(); i++) {
                    v.set(i, t.isInteger() ? r.nextInt(0, 250) : r.nextDouble() * 100);
                }
                float[] f = new float[40];
                int[] n = new int[40];
                v.read(17, f, 3, 30);
                v.read(17, n, 3, 30);
                for (int k = 0; k < 30; k++) {
                    assertEquals((float) v.get(17 + k), f[3 + k], t.label());
                    assertEquals(v.getInt(17 + k), n[3 + k], t.label());
                }
                try (Volume w = Volume.allocateLike(v, t)) {
                    w.write(17, f, 3, 30);
                    for (int k = 0; k < 30; k++) {
                        assertEquals(t.clamp(f[3 + k]), w.get(17 + k), 1e-6 * Math.abs(f[3 + k]), t.label());
                    }
                }
                assertThrows(InternalException.class, () -> v.read(v.voxels() - 5, f, 0, 6));
            }
        }
        try (Volume v = Volume.allocate(new Dims(4, 1, 1), DataType.U8, Spacing.UNIT)) {
            v.write(0, new byte[] {1, (byte) 200, 3, 4}, 0, 4);
            assertEquals(200, v.get(1));
            assertThrows(InternalException.class, () -> Volume.allocate(new Dims(1, 1, 1), DataType.F32, Spacing.UNIT).read(0, new byte[1], 0, 1));
        }
    }
}
