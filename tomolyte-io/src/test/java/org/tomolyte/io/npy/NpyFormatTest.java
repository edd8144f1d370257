package org.tomolyte.io.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.io.ReadOptions;
import org.tomolyte.io.VolumeHeader;
import org.tomolyte.io.VolumeIO;
import org.tomolyte.io.peer.TestVolumes;
import org.tomolyte.testkit.PythonPeer;
import org.tomolyte.testkit.VolumeAssert;

class NpyFormatTest {

    @TempDir
    Path dir;

    private static void assertOneLineInputError(Path file, org.junit.jupiter.api.function.Executable call, String... fragments) {
        InputException e = assertThrows(InputException.class, call);
        assertFalse(e.getMessage().contains("\n"), "one-line message: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message should mention '" + f + "': " + e.getMessage());
        }
    }

    @Test
    void roundTripEveryType() throws IOException {
        Dims d = new Dims(9, 4, 3);
        for (DataType t : DataType.values()) {
            Path f = dir.resolve("v-" + t.label() + ".npy");
            try (Volume v = TestVolumes.random(d, t, 7 + t.ordinal(), new Spacing(2, 2, 3))) {
                VolumeIO.write(v, f);
                NpyHeader h = NpyHeader.read(f);
                assertEquals(1, h.major());
                assertEquals(0, h.dataOffset() % 64, "data aligned to 64 bytes as numpy writes");
                assertEquals(NumpyDtype.of(t).descr(), h.descr());
                assertArrayEquals(new long[]{3, 4, 9}, h.shape());
                assertEquals(h.dataOffset() + d.voxels() * t.bytes(), Files.size(f));
                try (Volume back = VolumeIO.read(f)) {
                    assertTrue(back.contentEquals(v), t + " round trip");
                    assertEquals(Spacing.UNIT, back.spacing(), "NPY stores no spacing");
                }
                VolumeHeader ph = VolumeIO.probe(f.toString(), ReadOptions.DEFAULT);
                assertEquals(d, ph.dims());
                assertEquals(t, ph.type());
                assertFalse(ph.spacingKnown());
            }
        }
    }

    @Test
    void headerSwitchesToVersion2WhenTooLongForVersion1() throws IOException {
        String longDescr = "<f4" + " ".repeat(70_000);
        byte[] h = NpyHeader.encode(longDescr, new long[]{2, 3});
        assertEquals(2, h[6]);
        assertEquals(0, h.length % 64);
        Path f = dir.resolve("v2.npy");
        Files.write(f, h);
        NpyHeader back = NpyHeader.read(f);
        assertEquals(2, back.major());
        assertEquals(longDescr, back.descr());
        assertEquals(h.length, back.dataOffset());
        assertArrayEquals(new long[]{2, 3}, back.shape());
    }

    /** numpy writes every supported dtype in format versions 1.0, 2.0 and 3.0; we read the same values. */
    @Test
    void readsNumpyWrittenFilesInEveryDtypeAndVersion() throws IOException {
        Assumptions.assumeTrue(PythonPeer.available("numpy"), PythonPeer.skipMessage("numpy"));
        String script = """
                import sys, numpy as np
                d = sys.argv[1]
                rng = np.random.default_rng(5)
                dts = ['|u1','|b1','<u2','>u2','<i2','>i2','|i1','<i4','>i4','<u4','>u4','<f4','>f4','<f8','>f8']
                for dt in dts:
                    t = np.dtype(dt)
                    if t.kind == 'b':
                        a = rng.integers(0, 2, (3, 4, 5)).astype(t)
                    elif t.kind in 'ui':
                        info = np.iinfo(t)
                        hi = min(int(info.max), 2**31 - 1)
                        a = rng.integers(int(info.min), hi, (3, 4, 5), endpoint=True).astype(t)
                        a.flat[0] = info.min; a.flat[1] = hi
                    else:
                        a = (rng.standard_normal((3, 4, 5)) * 1000).astype(t)
                        a.flat[2] = np.nan if t.itemsize == 8 else -0.0
                    name = dt.replace('<', 'le').replace('>', 'be').replace('|', '')
                    for v in [(1, 0), (2, 0), (3, 0)]:
                        with open(f'{d}/{name}-v{v[0]}.npy', 'wb') as f:
                            np.lib.format.write_array(f, a, version=v)
                    a.astype('<f8').tofile(f'{d}/{name}.expect')
                b = (np.arange(35, dtype='<u2') * 100).reshape(5, 7)
                np.save(f'{d}/two_d.npy', b)
                b.astype('<f8').tofile(f'{d}/two_d.expect')
                np.save(f'{d}/overflow.npy', np.array([[[1, 3000000000]]], dtype='<u4'))
                np.save(f'{d}/fortran.npy', np.asfortranarray(np.ones((2, 3, 4), 'f4')))
                np.save(f'{d}/one_d.npy', np.ones(6, 'f4'))
                np.save(f'{d}/four_d.npy', np.ones((2, 2, 2, 2), 'f4'))
                np.save(f'{d}/int64.npy', np.ones((2, 2), 'i8'))
                print('ok')
                """;
        assertEquals("ok", PythonPeer.run(script, dir.toString()).strip());
        List<String> direct = List.of("u1", "leu2", "beu2", "lei4", "bei4", "lef4", "bef4", "lef8", "bef8");
        for (String name : List.of("u1", "b1", "leu2", "beu2", "lei2", "bei2", "i1", "lei4", "bei4", "leu4", "beu4",
                "lef4", "bef4", "lef8", "bef8")) {
            double[] expected = PythonPeer.readF64(dir.resolve(name + ".expect"));
            for (int version = 1; version <= 3; version++) {
                Path f = dir.resolve(name + "-v" + version + ".npy");
                try (Volume v = VolumeIO.read(f)) {
                    assertEquals(new Dims(5, 4, 3), v.dims(), f.toString());
                    VolumeAssert.assertValues(expected, v, f.toString());
                    assertEquals(direct.contains(name), v.segment().isMapped(), f + ": mapped iff the dtype maps directly");
                    DataType want = switch (name.replaceAll("^(le|be)", "")) {
                        case "u1", "b1" -> DataType.U8;
                        case "u2" -> DataType.U16;
                        case "i1", "i2", "i4", "u4" -> DataType.I32;
                        case "f4" -> DataType.F32;
                        default -> DataType.F64;
                    };
                    assertEquals(want, v.type(), f.toString());
                    if (name.startsWith("be") && v.segment().isMapped()) {
                        assertEquals(ByteOrder.BIG_ENDIAN, v.order());
                    }
                }
            }
        }
        try (Volume v = VolumeIO.read(dir.resolve("two_d.npy"))) {
            assertEquals(new Dims(7, 5, 1), v.dims());
            VolumeAssert.assertValues(PythonPeer.readF64(dir.resolve("two_d.expect")), v, "2D");
        }
        Path overflow = dir.resolve("overflow.npy");
        assertOneLineInputError(overflow, () -> VolumeIO.read(overflow), "3000000000", "i32");
        Path fortran = dir.resolve("fortran.npy");
        assertOneLineInputError(fortran, () -> VolumeIO.read(fortran), "fortran_order True");
        Path oneD = dir.resolve("one_d.npy");
        assertOneLineInputError(oneD, () -> VolumeIO.read(oneD), "(6,)");
        Path fourD = dir.resolve("four_d.npy");
        assertOneLineInputError(fourD, () -> VolumeIO.probe(fourD.toString(), ReadOptions.DEFAULT), "(2, 2, 2, 2)");
        Path i8 = dir.resolve("int64.npy");
        assertOneLineInputError(i8, () -> VolumeIO.read(i8), "'<i8'");
    }

    /** numpy loads what we write, with the same dtype, shape and values. */
    @Test
    void numpyReadsOurFilesExactly() throws IOException {
        Assumptions.assumeTrue(PythonPeer.available("numpy"), PythonPeer.skipMessage("numpy"));
        Dims d = new Dims(6, 5, 4);
        StringBuilder names = new StringBuilder();
        for (DataType t : DataType.values()) {
            try (Volume v = TestVolumes.random(d, t, 99 + t.ordinal(), Spacing.UNIT)) {
                VolumeIO.write(v, dir.resolve(t.label() + ".npy"));
                PythonPeer.writeF64(v, dir.resolve(t.label() + ".expect"));
                names.append(t.label()).append(':').append(NumpyDtype.of(t).descr()).append(' ');
            }
        }
        String script = """
                import sys, numpy as np
                d = sys.argv[1]
                for item in sys.argv[2].split():
                    name, dt = item.split(':')
                    a = np.load(f'{d}/{name}.npy')
                    assert a.dtype == np.dtype(dt), (name, a.dtype)
                    assert a.shape == (4, 5, 6), (name, a.shape)
                    e = np.fromfile(f'{d}/{name}.expect', '<f8').reshape(4, 5, 6)
                    assert np.array_equal(a.astype('<f8'), e), name
                print('ok')
                """;
        assertEquals("ok", PythonPeer.run(script, dir.toString(), names.toString()).strip());
    }

    @Test
    void truncatedDataAndBadMagicAreInputErrors() throws IOException {
        Path good = dir.resolve("good.npy");
        try (Volume v = TestVolumes.random(new Dims(4, 4, 4), DataType.F32, 1, Spacing.UNIT)) {
            VolumeIO.write(v, good);
        }
        byte[] all = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.npy");
        Files.write(truncated, Arrays.copyOf(all, all.length - 10));
        assertOneLineInputError(truncated, () -> VolumeIO.read(truncated), String.valueOf(all.length), String.valueOf(all.length - 10));
        Path magic = dir.resolve("magic.npy");
        byte[] bad = all.clone();
        bad[1] = 'X';
        Files.write(magic, bad);
        assertOneLineInputError(magic, () -> VolumeIO.read(magic), "magic");
        Path header = dir.resolve("header.npy");
        Files.write(header, Arrays.copyOf(all, 30));
        assertOneLineInputError(header, () -> VolumeIO.read(header), "truncated");
        Path empty = dir.resolve("empty.npy");
        Files.write(empty, new byte[0]);
        assertOneLineInputError(empty, () -> VolumeIO.read(empty), "magic");
    }

    /** The real TomoPy test arrays: shapes, types and sums against numpy's. */
    @Test
    void readsTomopyTestData() throws IOException {
        Path data = Path.of(System.getProperty("tomolyte.shared.data", "../shared/data"), "tomopy", "test_data");
        Assumptions.assumeTrue(Files.isDirectory(data), data + " (shared/data) not present: skipping real-data test");
        try (Volume proj = VolumeIO.read(data.resolve("proj.npy")); Volume tomo = VolumeIO.read(data.resolve("tomo.npy"))) {
            assertEquals(new Dims(48, 8, 16), proj.dims());
            assertEquals(DataType.F32, proj.type());
            assertEquals(new Dims(46, 8, 16), tomo.dims());
            assertEquals(DataType.I32, tomo.type());
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(data)) {
            files = s.filter(p -> p.toString().endsWith(".npy")).sorted().toList();
        }
        Assumptions.assumeTrue(PythonPeer.available("numpy"), PythonPeer.skipMessage("numpy"));
        String script = """
                import sys, json, glob, os, numpy as np
                out = {}
                for f in sorted(glob.glob(os.path.join(sys.argv[1], '*.npy'))):
                    a = np.load(f)
                    out[os.path.basename(f)] = {'ndim': a.ndim, 'sum': float(a.astype('f8').sum()), 'abs': float(np.abs(a.astype('f8')).sum())}
                print(json.dumps(out))
                """;
        JsonNode sums = new ObjectMapper().readTree(PythonPeer.run(script, data.toString()));
        int compared = 0;
        for (Path f : files) {
            JsonNode ref = sums.get(f.getFileName().toString());
            if (ref.get("ndim").asInt() == 1) {
                assertThrows(InputException.class, () -> VolumeIO.read(f), f + " is 1D");
                continue;
            }
            try (Volume v = VolumeIO.read(f)) {
                double sum = 0;
                for (long i = 0; i < v.voxels(); i++) {
                    sum += v.get(i);
                }
                double tol = 1e-9 * Math.max(1, ref.get("abs").asDouble());
                assertEquals(ref.get("sum").asDouble(), sum, tol, f + ": sum versus numpy (relative 1e-9 of sum |x|)");
                compared++;
            }
        }
        assertTrue(compared >= 20, "compared " + compared + " files");
    }
}
