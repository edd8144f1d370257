package org.tomolyte.io.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Projections;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.io.ReadOptions;
import org.tomolyte.io.VolumeHeader;
import org.tomolyte.io.VolumeIO;
import org.tomolyte.testkit.PythonPeer;
import org.tomolyte.testkit.VolumeAssert;

class Hdf5FormatTest {

    @TempDir
    Path dir;

    private static void assertOneLineInputError(org.junit.jupiter.api.function.Executable call, String... fragments) {
        InputException e = assertThrows(InputException.class, call);
        assertFalse(e.getMessage().contains("\n"), "one-line message: " + e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message should mention '" + f + "': " + e.getMessage());
        }
    }

    private static Path tooth() {
        Path data = Path.of(System.getProperty("tomolyte.shared.data", "../shared/data"));
        Assumptions.assumeTrue(Files.isDirectory(data), data + " (shared/data) not present: skipping real-data test");
        Path f = data.resolve("tomopy/tooth.h5");
        Assumptions.assumeTrue(Files.isRegularFile(f), f + " not present: skipping real-data test");
        return f;
    }

    private static double sum(Volume v) {
        double s = 0;
        for (long i = 0; i < v.voxels(); i++) {
            s += v.get(i);
        }
        return s;
    }

    /** h5py's sums (float64) of the tooth datasets, or null when h5py is not available. */
    private static JsonNode h5pySums(Path file) throws IOException {
        Assumptions.assumeTrue(PythonPeer.available("h5py"), PythonPeer.skipMessage("h5py"));
        String script = """
                import sys, json, h5py, numpy as np
                with h5py.File(sys.argv[1], 'r') as f:
                    print(json.dumps({k: float(np.asarray(f['exchange/' + k], dtype='f8').sum())
                                      for k in ['data', 'data_white', 'data_dark', 'theta']}))
                """;
        return new ObjectMapper().readTree(PythonPeer.run(script, file.toString()));
    }

    @Test
    void readsToothProjectionsAsAVolume() throws IOException {
        Path f = tooth();
        VolumeHeader h = VolumeIO.probe(f + ":/exchange/data", ReadOptions.DEFAULT);
        assertEquals(new Dims(640, 2, 181), h.dims());
        assertEquals(DataType.F32, h.type());
        assertEquals("hdf5", h.format());
        try (Volume v = VolumeIO.read(f + ":/exchange/data", ReadOptions.DEFAULT, Progress.NONE)) {
            assertEquals(new Dims(640, 2, 181), v.dims());
            assertEquals(DataType.F32, v.type());
            JsonNode ref = h5pySums(f);
            double s = sum(v);
            assertEquals(ref.get("data").asDouble(), s, 1e-9 * Math.abs(s), "sum of /exchange/data versus h5py (relative 1e-9)");
        }
    }

    @Test
    void readsToothDataExchangeProjections() throws IOException {
        Path f = tooth();
        try (Projections p = Hdf5Projections.read(f)) {
            assertEquals(new Dims(640, 2, 181), p.data().dims());
            assertEquals(new Dims(640, 2, 10), p.white().dims());
            assertEquals(new Dims(640, 2, 10), p.dark().dims());
            assertEquals(181, p.thetaDeg().length);
            assertEquals(0, p.thetaDeg()[0], 1e-9);
            assertEquals(179.0055, p.thetaDeg()[180], 1e-3, "last angle in degrees");
            JsonNode ref = h5pySums(f);
            assertEquals(ref.get("data").asDouble(), sum(p.data()), 1e-9 * Math.abs(ref.get("data").asDouble()));
            assertEquals(ref.get("data_white").asDouble(), sum(p.white()), 1e-9 * Math.abs(ref.get("data_white").asDouble()));
            assertEquals(ref.get("data_dark").asDouble(), sum(p.dark()), 1e-9 * Math.max(1, Math.abs(ref.get("data_dark").asDouble())));
            double t = 0;
            for (double x : p.thetaDeg()) {
                t += x;
            }
            assertEquals(ref.get("theta").asDouble(), t, 1e-9 * Math.abs(t));
        }
    }

    @Test
    void unnamedDatasetInAFileWithSeveralListsThem() {
        Path f = tooth();
        assertOneLineInputError(() -> VolumeIO.read(f), "name a dataset as " + f + ":/path", "/exchange/data (3D)",
                "/exchange/data_white (3D)", "/exchange/data_dark (3D)");
    }

    private void writeSmallFiles() {
        Assumptions.assumeTrue(PythonPeer.available("h5py"), PythonPeer.skipMessage("h5py"));
        String script = """
                import sys, h5py, numpy as np
                d = sys.argv[1]
                rng = np.random.default_rng(3)
                def keep(f, name, a, **kw):
                    f.create_dataset(name, data=a, **kw)
                    a.astype('<f8').tofile(f'{d}/{name.strip("/").replace("/", "_")}.expect')
                with h5py.File(f'{d}/small.h5', 'w') as f:
                    keep(f, 'u8', rng.integers(0, 256, (3, 4, 5)).astype('u1'))
                    keep(f, 'u16', rng.integers(0, 65536, (3, 4, 5)).astype('u2'))
                    keep(f, 'i8', rng.integers(-128, 128, (3, 4, 5)).astype('i1'))
                    keep(f, 'i16', rng.integers(-32768, 32768, (3, 4, 5)).astype('>i2'))
                    keep(f, 'i32', rng.integers(-2**31, 2**31, (3, 4, 5)).astype('i4'))
                    keep(f, 'f32', rng.standard_normal((3, 4, 5)).astype('f4'))
                    keep(f, 'grp/f64', rng.standard_normal((3, 4, 5)) * 1e10)
                    keep(f, 'img2d', rng.standard_normal((6, 7)))
                    keep(f, 'chunked', rng.integers(0, 65536, (10, 6, 7)).astype('u2'), chunks=(3, 4, 5), compression='gzip')
                    keep(f, 'chunked2d', rng.standard_normal((9, 11)).astype('>f4'), chunks=(4, 4), compression='gzip', shuffle=True)
                    m = f.create_dataset('sparse', shape=(5, 6, 7), dtype='>i2', chunks=(2, 4, 4), fillvalue=-9)
                    m[0:2, 0:4, 4:7] = np.arange(24).reshape(2, 4, 3)
                    m[4, 5, 6] = 1234
                    np.asarray(m[...]).astype('<f8').tofile(f'{d}/sparse.expect')
                    f['u32'] = np.ones((2, 2, 2), 'u4')
                    f['vec'] = np.ones(5, 'f4')
                with h5py.File(f'{d}/single.h5', 'w') as f:
                    keep(f, 'only/one', rng.integers(-5, 5, (2, 3, 4)).astype('i2'))
                    f['angles'] = np.ones(4)
                with h5py.File(f'{d}/proj_rad.h5', 'w') as f:
                    f['exchange/data'] = np.arange(60, dtype='f4').reshape(4, 3, 5)
                    f['exchange/data_white'] = np.ones((2, 3, 5), 'u2')
                    f['exchange/theta'] = np.array([0, np.pi / 4, np.pi / 2, np.pi])
                    f['exchange/theta'].attrs['units'] = 'radians'
                with h5py.File(f'{d}/notheta.h5', 'w') as f:
                    f['exchange/data'] = np.ones((4, 3, 5), 'f4')
                print('ok')
                """;
        assertEquals("ok", PythonPeer.run(script, dir.toString()).strip());
    }

    @Test
    void readsEveryTypeFromH5pyFiles() throws IOException {
        writeSmallFiles();
        Path f = dir.resolve("small.h5");
        Map<String, DataType> types = Map.ofEntries(Map.entry("/sparse", DataType.I32), Map.entry("/u8", DataType.U8),
                Map.entry("/u16", DataType.U16), Map.entry("/i8", DataType.I32), Map.entry("/i16", DataType.I32),
                Map.entry("/i32", DataType.I32), Map.entry("/f32", DataType.F32), Map.entry("/grp/f64", DataType.F64),
                Map.entry("/img2d", DataType.F64), Map.entry("/chunked", DataType.U16), Map.entry("/chunked2d", DataType.F32));
        for (var e : types.entrySet()) {
            try (Volume v = VolumeIO.read(f + ":" + e.getKey(), ReadOptions.DEFAULT, Progress.NONE)) {
                assertEquals(e.getValue(), v.type(), e.getKey());
                assertEquals(Spacing.UNIT, v.spacing());
                double[] expected = PythonPeer.readF64(dir.resolve(e.getKey().substring(1).replace('/', '_') + ".expect"));
                VolumeAssert.assertValues(expected, v, e.getKey());
            }
        }
        try (Volume v = VolumeIO.read(f + ":/img2d", ReadOptions.DEFAULT, Progress.NONE)) {
            assertEquals(new Dims(7, 6, 1), v.dims(), "a (y, x) dataset is one slice");
        }
        try (Volume v = VolumeIO.read(f + ":/sparse", ReadOptions.DEFAULT, Progress.NONE)) {
            assertEquals(-9, v.get(0, 0, 0), "never-written chunks read as the fill value");
            assertEquals(1234, v.get(6, 5, 4));
        }
        try (Volume v = VolumeIO.read(f + ":/u8", ReadOptions.DEFAULT.withSpacing(Spacing.isotropic(0.65)), Progress.NONE)) {
            assertEquals(new Dims(5, 4, 3), v.dims());
            assertEquals(Spacing.isotropic(0.65), v.spacing());
        }
    }

    /** Small read blocks (whole slices, and rows within a slice) give the same values as one read. */
    @Test
    void blockwiseReadingMatchesAcrossBlockSizes() throws IOException {
        writeSmallFiles();
        Path f = dir.resolve("small.h5");
        double[] expected = PythonPeer.readF64(dir.resolve("u16.expect"));
        try (HdfFile h = Hdf5Reading.open(f)) {
            for (long block : new long[]{1, 3, 7, 20, 42, 1 << 20}) {
                try (Volume v = Hdf5Reading.read(h.getDatasetByPath("/u16"), f, Spacing.UNIT, Progress.NONE, block)) {
                    VolumeAssert.assertValues(expected, v, "block " + block);
                }
            }
            double[] flat = PythonPeer.readF64(dir.resolve("img2d.expect"));
            try (Volume v = Hdf5Reading.read(h.getDatasetByPath("/img2d"), f, Spacing.UNIT, Progress.NONE, 10)) {
                VolumeAssert.assertValues(flat, v, "2D in row blocks");
            }
        }
    }

    @Test
    void picksTheOnlyVolumeDatasetWhenNoneIsNamed() throws IOException {
        writeSmallFiles();
        try (Volume v = VolumeIO.read(dir.resolve("single.h5"))) {
            assertEquals(new Dims(4, 3, 2), v.dims());
            VolumeAssert.assertValues(PythonPeer.readF64(dir.resolve("only_one.expect")), v, "/only/one");
        }
    }

    @Test
    void badDatasetsAndFilesAreInputErrors() throws IOException {
        writeSmallFiles();
        Path f = dir.resolve("small.h5");
        assertOneLineInputError(() -> VolumeIO.read(f + ":/nope", ReadOptions.DEFAULT, Progress.NONE), "no dataset /nope", "/u8 (3D)",
                "/img2d (2D)");
        assertOneLineInputError(() -> VolumeIO.read(f), "name a dataset as", "/grp/f64 (3D)");
        assertOneLineInputError(() -> VolumeIO.read(f + ":/u32", ReadOptions.DEFAULT, Progress.NONE), "uint32");
        assertOneLineInputError(() -> VolumeIO.read(f + ":/vec", ReadOptions.DEFAULT, Progress.NONE), "expected a 3D (z, y, x) or 2D");
        assertOneLineInputError(() -> VolumeIO.read(f + ":/grp", ReadOptions.DEFAULT, Progress.NONE), "is a group");
        Path fake = dir.resolve("fake.h5");
        Files.writeString(fake, "this is not an HDF5 file, only text that ends in .h5\n".repeat(20));
        assertOneLineInputError(() -> VolumeIO.read(fake), fake.toString(), "not a readable HDF5 file");
        assertFalse(new Hdf5Format().canWrite(dir.resolve("x.h5")));
        assertTrue(new Hdf5Format().canRead(f));
    }

    @Test
    void projectionsConvertRadiansAndRequireTheta() {
        writeSmallFiles();
        try (Projections p = Hdf5Projections.read(dir.resolve("proj_rad.h5"))) {
            assertEquals(new Dims(5, 3, 4), p.data().dims());
            assertEquals(new Dims(5, 3, 2), p.white().dims());
            assertEquals(DataType.U16, p.white().type());
            assertNull(p.dark());
            assertEquals(0, p.thetaDeg()[0], 1e-12);
            assertEquals(45, p.thetaDeg()[1], 1e-12);
            assertEquals(180, p.thetaDeg()[3], 1e-12);
            assertEquals(59, p.data().get(4, 2, 3), 0.0, "x = column, y = row, z = angle");
        }
        assertOneLineInputError(() -> Hdf5Projections.read(dir.resolve("notheta.h5")), "/exchange/theta");
        assertOneLineInputError(() -> Hdf5Projections.read(dir.resolve("small.h5")), "no dataset /exchange/data");
    }
}
