package org.tomolyte.io.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.Box;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.io.ReadOptions;
import org.tomolyte.io.VolumeHeader;
import org.tomolyte.io.VolumeIO;
import org.tomolyte.io.WriteOptions;
import org.tomolyte.io.peer.TestVolumes;
import org.tomolyte.testkit.PythonPeer;
import org.tomolyte.testkit.VolumeAssert;

class ZarrFormatTest {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static void assertOneLineInputError(org.junit.jupiter.api.function.Executable call, String... fragments) {
        InputException e = assertThrows(InputException.class, call);
        assertFalse(e.getMessage().contains("\n"), "one-line message: " + e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message should mention '" + f + "': " + e.getMessage());
        }
    }

    @Test
    void roundTripEveryTypeAndCompressor() throws IOException {
        Dims d = new Dims(19, 13, 9);
        Spacing s = new Spacing(0.5, 0.7, 1.3);
        for (String codec : List.of("zlib", "gzip", "none")) {
            for (DataType t : DataType.values()) {
                Path out = dir.resolve(codec + "-" + t.label() + ".zarr");
                try (Volume v = TestVolumes.random(d, t, 3 + t.ordinal(), s)) {
                    VolumeIO.write(v, out, new WriteOptions(codec, 8), Progress.NONE);
                    try (Volume back = VolumeIO.read(out)) {
                        assertTrue(back.contentEquals(v), codec + " " + t);
                        assertEquals(s, back.spacing(), "spacing from .zattrs");
                    }
                }
                ZarrArray a = ZarrArray.open(out);
                assertEquals(new Dims(8, 8, 8), a.meta().chunks());
                assertEquals(codec, a.meta().compressor().codec().name().toLowerCase(java.util.Locale.ROOT));
                try (Stream<Path> files = Files.list(out)) {
                    assertEquals(3 * 2 * 2 + 2, files.count(), "12 chunk files plus .zarray and .zattrs");
                }
                VolumeHeader h = VolumeIO.probe(out.toString(), ReadOptions.DEFAULT);
                assertEquals(d, h.dims());
                assertEquals(t, h.type());
                assertTrue(h.spacingKnown());
            }
        }
    }

    @Test
    void defaultsAreZlibLevel1And64VoxelChunksClippedToShape() throws IOException {
        Path out = dir.resolve("d.zarr");
        try (Volume v = TestVolumes.random(new Dims(100, 30, 5), DataType.U16, 1, Spacing.UNIT)) {
            VolumeIO.write(v, out);
        }
        var root = JSON.readTree(out.resolve(".zarray").toFile());
        assertEquals("[5,30,64]", root.get("chunks").toString());
        assertEquals("{\"id\":\"zlib\",\"level\":1}", root.get("compressor").toString());
        assertEquals("<u2", root.get("dtype").asText());
        assertEquals("[5,30,100]", root.get("shape").toString());
        var attrs = JSON.readTree(out.resolve(".zattrs").toFile());
        assertEquals("[1.0,1.0,1.0]", attrs.get("spacing_um").toString());
        assertEquals("[\"z\",\"y\",\"x\"]", attrs.get("axes").toString());
        assertThrows(ParameterException.class, () -> ZarrCompressor.parseOption("blosc"));
    }

    @Test
    void bytesDoNotDependOnThreadCount() throws IOException {
        int before = Parallel.threads();
        try (Volume v = TestVolumes.random(new Dims(40, 33, 21), DataType.F32, 11, Spacing.UNIT)) {
            Parallel.setThreads(1);
            VolumeIO.write(v, dir.resolve("one.zarr"), new WriteOptions("gzip", 10), Progress.NONE);
            Parallel.setThreads(4);
            VolumeIO.write(v, dir.resolve("four.zarr"), new WriteOptions("gzip", 10), Progress.NONE);
        } finally {
            Parallel.setThreads(before);
        }
        Map<String, byte[]> a = contents(dir.resolve("one.zarr"));
        Map<String, byte[]> b = contents(dir.resolve("four.zarr"));
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) {
            assertArrayEquals(a.get(k), b.get(k), k);
        }
    }

    private static Map<String, byte[]> contents(Path d) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(d)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(d.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    @Test
    void blockApiReadsAndWritesArbitraryBoxes() {
        Dims d = new Dims(23, 17, 11);
        ZarrMeta meta = ZarrMeta.forVolume(d, DataType.I32, 5, ZarrCompressor.parseOption("zlib"));
        ZarrArray a = ZarrArray.create(dir.resolve("b.zarr"), meta, Spacing.isotropic(2));
        assertEquals(5 * 4 * 3, a.grid().count());
        try (Volume empty = a.readBox(Box.of(d), Progress.NONE)) {
            for (long i = 0; i < empty.voxels(); i++) {
                assertEquals(0, empty.get(i), "unwritten chunks read as the fill value");
            }
        }
        try (Volume full = TestVolumes.random(d, DataType.I32, 5, Spacing.UNIT)) {
            Box box = new Box(3, 2, 1, 19, 16, 10);
            try (Volume part = full.crop(box)) {
                a.writeBox(box, part, Progress.NONE);
            }
            ZarrArray reopened = ZarrArray.open(a.path());
            assertEquals(Spacing.isotropic(2), reopened.spacing());
            try (Volume back = reopened.readBox(Box.of(d), Progress.NONE)) {
                for (int z = 0; z < d.nz(); z++) {
                    for (int y = 0; y < d.ny(); y++) {
                        for (int x = 0; x < d.nx(); x++) {
                            boolean in = x >= 3 && x < 19 && y >= 2 && y < 16 && z >= 1 && z < 10;
                            assertEquals(in ? full.get(x, y, z) : 0, back.get(x, y, z), x + "," + y + "," + z);
                        }
                    }
                }
            }
            Box inner = new Box(4, 4, 2, 13, 9, 7);
            try (Volume r = reopened.readBox(inner, Progress.NONE); Volume want = full.crop(inner)) {
                assertTrue(r.contentEquals(want), "readBox of an unaligned interior box");
            }
            int last = a.grid().count() - 1;
            assertEquals("2.3.4", a.chunkKey(last));
            Box lastBox = a.grid().box(last);
            try (Volume c = full.crop(lastBox)) {
                a.writeChunk(last, c);
                try (Volume back = a.readChunk(last)) {
                    assertTrue(back.contentEquals(c), "edge chunk round trip");
                }
            }
            assertThrows(ParameterException.class, () -> a.writeChunk(0, full));
        }
    }

    @Test
    void arrayWithoutSpacingAndTwoDimensionalKeys() throws IOException {
        ZarrMeta meta = new ZarrMeta(2, new Dims(10, 7, 1), new Dims(4, 3, 1), org.tomolyte.io.npy.NumpyDtype.of(DataType.F64),
                ZarrCompressor.NONE, Double.NaN, "/");
        ZarrArray a = ZarrArray.create(dir.resolve("flat.zarr"), meta);
        assertFalse(a.spacingKnown());
        assertEquals("2/1", a.chunkKey(a.grid().count() - 2));
        try (Volume v = TestVolumes.random(new Dims(10, 7, 1), DataType.F64, 4, Spacing.UNIT);
             Volume top = v.crop(new Box(0, 0, 0, 10, 3, 1))) {
            a.writeBox(new Box(0, 0, 0, 10, 3, 1), top);
            ZarrArray b = ZarrArray.open(a.path());
            assertFalse(b.spacingKnown());
            assertEquals(Spacing.UNIT, b.spacing());
            assertEquals("\"NaN\"", JSON.readTree(a.path().resolve(".zarray").toFile()).get("fill_value").toString());
            try (Volume back = b.readBox(Box.of(new Dims(10, 7, 1)))) {
                assertEquals(v.get(9, 2, 0), back.get(9, 2, 0));
                assertTrue(Double.isNaN(back.get(0, 3, 0)), "unwritten rows read as the NaN fill value");
            }
            assertTrue(Files.isRegularFile(a.path().resolve("0/2")));
            assertFalse(Files.exists(a.path().resolve("1/0")));
        }
    }

    /** zarr-python writes arrays in many encodings; we read exactly the same values. */
    @Test
    void readsArraysWrittenByZarrPython() throws IOException {
        Assumptions.assumeTrue(PythonPeer.available("zarr"), PythonPeer.skipMessage("zarr"));
        String script = """
                import sys, numpy as np, zarr, numcodecs
                d = sys.argv[1]
                rng = np.random.default_rng(8)
                def save(name, a, **kw):
                    z = zarr.open(f'{d}/{name}.zarr', mode='w', shape=a.shape, dtype=a.dtype, **kw)
                    z[...] = a
                    np.asarray(z[...]).astype('<f8').tofile(f'{d}/{name}.expect')
                a = rng.integers(0, 65535, (9, 10, 11)).astype('<u2')
                save('zlib', a, chunks=(4, 4, 4), compressor=numcodecs.Zlib(level=5))
                save('gzip', a.astype('<i4') - 30000, chunks=(5, 3, 7), compressor=numcodecs.GZip(level=6))
                save('none', (rng.standard_normal((9, 10, 11)) * 100).astype('<f8'), chunks=(9, 10, 11), compressor=None)
                save('slash', a.astype('|u1'), chunks=(2, 5, 5), compressor=numcodecs.Zlib(), dimension_separator='/')
                save('bigendian', a.astype('>u2'), chunks=(4, 6, 5), compressor=numcodecs.Zlib())
                save('int16', (a.astype('<i4') - 32768).astype('<i2'), chunks=(3, 3, 3), compressor=numcodecs.Zlib())
                save('bool', a % 3 == 0, chunks=(4, 4, 4), compressor=numcodecs.Zlib())
                save('flat', a[0].astype('<f4'), chunks=(3, 4), compressor=numcodecs.GZip())
                z = zarr.open(f'{d}/sparse.zarr', mode='w', shape=(6, 8, 9), chunks=(3, 4, 4), dtype='<f4',
                              fill_value=np.nan, compressor=numcodecs.Zlib())
                z[0:3, 0:4, 0:4] = 1.5
                z[3:6, 4:8, 8:9] = -2.0
                np.asarray(z[...]).astype('<f8').tofile(f'{d}/sparse.expect')
                z = zarr.open(f'{d}/fill.zarr', mode='w', shape=(5, 5, 5), chunks=(2, 2, 2), dtype='>u2',
                              fill_value=777, compressor=numcodecs.GZip())
                z[1, 1, 1] = 5
                np.asarray(z[...]).astype('<f8').tofile(f'{d}/fill.expect')
                print('ok')
                """;
        assertEquals("ok", PythonPeer.run(script, dir.toString()).strip());
        Map<String, DataType> types = Map.of("zlib", DataType.U16, "gzip", DataType.I32, "none", DataType.F64,
                "slash", DataType.U8, "bigendian", DataType.U16, "int16", DataType.I32, "bool", DataType.U8,
                "flat", DataType.F32, "sparse", DataType.F32, "fill", DataType.U16);
        for (var e : types.entrySet()) {
            Path z = dir.resolve(e.getKey() + ".zarr");
            try (Volume v = VolumeIO.read(z)) {
                assertEquals(e.getValue(), v.type(), e.getKey());
                VolumeAssert.assertValues(PythonPeer.readF64(dir.resolve(e.getKey() + ".expect")), v, e.getKey());
            }
        }
        try (Volume flat = VolumeIO.read(dir.resolve("flat.zarr"))) {
            assertEquals(new Dims(11, 10, 1), flat.dims());
        }
        try (Volume sparse = VolumeIO.read(dir.resolve("sparse.zarr"))) {
            assertTrue(Double.isNaN(sparse.get(8, 0, 0)), "missing chunk reads as NaN fill");
            assertFalse(Files.exists(dir.resolve("sparse.zarr/0.0.2")), "the test array really has a missing chunk");
        }
        assertTrue(Files.isRegularFile(dir.resolve("slash.zarr/0/0/0")), "'/' separator writes nested chunk files");
    }

    /** Arrays we write are read exactly by zarr-python's {@code zarr.open(path)[:]}. */
    @Test
    void zarrPythonReadsOurArrays() throws IOException {
        Assumptions.assumeTrue(PythonPeer.available("zarr"), PythonPeer.skipMessage("zarr"));
        Dims d = new Dims(21, 12, 7);
        StringBuilder items = new StringBuilder();
        for (DataType t : DataType.values()) {
            for (String codec : List.of("zlib", "gzip", "none")) {
                String name = t.label() + "-" + codec;
                try (Volume v = TestVolumes.random(d, t, 21 + t.ordinal(), new Spacing(0.25, 0.25, 0.5))) {
                    VolumeIO.write(v, dir.resolve(name + ".zarr"), new WriteOptions(codec, 5), Progress.NONE);
                    PythonPeer.writeF64(v, dir.resolve(name + ".expect"));
                }
                items.append(name).append(':').append(org.tomolyte.io.npy.NumpyDtype.of(t).descr()).append(' ');
            }
        }
        String script = """
                import sys, numpy as np, zarr
                d = sys.argv[1]
                for item in sys.argv[2].split():
                    name, dt = item.split(':')
                    z = zarr.open(f'{d}/{name}.zarr', mode='r')
                    a = z[:]
                    assert a.dtype == np.dtype(dt), (name, a.dtype)
                    assert a.shape == (7, 12, 21), (name, a.shape)
                    e = np.fromfile(f'{d}/{name}.expect', '<f8').reshape(7, 12, 21)
                    assert np.array_equal(a.astype('<f8'), e), name
                    assert list(z.attrs['spacing_um']) == [0.25, 0.25, 0.5], z.attrs['spacing_um']
                    assert z.chunks == (5, 5, 5), z.chunks
                print('ok')
                """;
        assertEquals("ok", PythonPeer.run(script, dir.toString(), items.toString()).strip());
    }

    private Path validArray() {
        Path z = dir.resolve("err.zarr");
        try (Volume v = TestVolumes.random(new Dims(8, 8, 8), DataType.U16, 2, Spacing.UNIT)) {
            VolumeIO.write(v, z, new WriteOptions("zlib", 4), Progress.NONE);
        }
        return z;
    }

    private static void editZarray(Path z, java.util.function.Consumer<ObjectNode> edit) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(z.resolve(".zarray").toFile());
        edit.accept(root);
        Files.writeString(z.resolve(".zarray"), JSON.writeValueAsString(root));
    }

    @Test
    void corruptChunkIsAnInputError() throws IOException {
        Path z = validArray();
        Files.write(z.resolve("1.0.1"), new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertOneLineInputError(() -> VolumeIO.read(z), "1.0.1", "zlib");
    }

    @Test
    void wrongSizeChunkIsAnInputError() throws IOException {
        Path z = validArray();
        editZarray(z, r -> r.putNull("compressor"));
        assertOneLineInputError(() -> VolumeIO.read(z), "expected 128");
    }

    @Test
    void missingFieldIsAnInputError() throws IOException {
        Path z = validArray();
        editZarray(z, r -> r.remove("chunks"));
        assertOneLineInputError(() -> VolumeIO.read(z), "missing required field 'chunks'");
        editZarray(z, r -> r.remove("dtype"));
        assertOneLineInputError(() -> VolumeIO.probe(z.toString(), ReadOptions.DEFAULT), "missing required fields 'chunks', 'dtype'");
    }

    @Test
    void bloscCompressorIsRejectedWithAdvice() throws IOException {
        Path z = validArray();
        editZarray(z, r -> r.set("compressor", JSON.createObjectNode().put("id", "blosc").put("cname", "lz4").put("clevel", 5)));
        assertOneLineInputError(() -> VolumeIO.read(z), "'blosc'", "zlib or gzip");
    }

    @Test
    void unsupportedLayoutsAreInputErrors() throws IOException {
        Path z = validArray();
        editZarray(z, r -> r.put("order", "F"));
        assertOneLineInputError(() -> VolumeIO.read(z), "order is 'F'");
        editZarray(z, r -> {
            r.put("order", "C");
            r.set("filters", JSON.createArrayNode().add(JSON.createObjectNode().put("id", "delta")));
        });
        assertOneLineInputError(() -> VolumeIO.read(z), "filters");
        editZarray(z, r -> {
            r.putNull("filters");
            r.put("dtype", "<i8");
        });
        assertOneLineInputError(() -> VolumeIO.read(z), "'<i8'");
        editZarray(z, r -> {
            r.put("dtype", "<u2");
            r.put("zarr_format", 3);
        });
        assertOneLineInputError(() -> VolumeIO.read(z), "zarr_format 2");
        Files.writeString(z.resolve(".zarray"), "{not json");
        assertOneLineInputError(() -> VolumeIO.read(z), "not valid JSON");
    }
}
