package org.tomolyte.io.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Volume;
import org.tomolyte.io.ReadOptions;
import org.tomolyte.io.VolumeHeader;
import org.tomolyte.io.VolumeIO;
import org.tomolyte.testkit.PythonPeer;

/**
 * Real microstructure stacks from /work/shared/data: phase fractions against the published
 * values and, where tifffile is available, exact value histograms against tifffile.
 */
class TiffRealDataTest {

    /** Prints "value count" for every distinct value and then "sum S" for each file, as tifffile reads it. */
    static final String HISTOGRAM = """
            import sys, tifffile, numpy as np
            for f in sys.argv[1:]:
                a = tifffile.imread(f)
                v, c = np.unique(a.astype(np.int64), return_counts=True)
                print(f, ' '.join(f'{x}:{n}' for x, n in zip(v, c)), int(a.astype(np.int64).sum()))
            """;

    private static Path data() {
        Path dir = Path.of(System.getProperty("tomolyte.shared.data", "../shared/data"));
        Assumptions.assumeTrue(Files.isDirectory(dir), dir + " (shared/data) not present: skipping real-data test");
        return dir;
    }

    /** Counts of each value, in value order. */
    private static TreeMap<Integer, Long> histogram(Volume v) {
        TreeMap<Integer, Long> h = new TreeMap<>();
        for (long i = 0; i < v.voxels(); i++) {
            h.merge(v.getInt(i), 1L, Long::sum);
        }
        return h;
    }

    private static String histogramText(TreeMap<Integer, Long> h) {
        StringBuilder s = new StringBuilder();
        long sum = 0;
        for (var e : h.entrySet()) {
            s.append(s.isEmpty() ? "" : " ").append(e.getKey()).append(':').append(e.getValue());
            sum += (long) e.getKey() * e.getValue();
        }
        return s + " " + sum;
    }

    private void compareWithTifffile(Path file, TreeMap<Integer, Long> ours) throws Exception {
        if (!PythonPeer.available("tifffile", "numpy")) {
            return;
        }
        List<String> lines = PythonPeer.run(HISTOGRAM, file.toString()).lines().toList();
        assertEquals(file + " " + histogramText(ours), lines.getFirst(), "histogram and sum as tifffile reads them");
    }

    @Test
    void taufactorElectrode() throws Exception {
        Path f = data().resolve("taufactor/electrode.tiff");
        Assumptions.assumeTrue(Files.isRegularFile(f), f + " missing");
        VolumeHeader h = VolumeIO.probe(f.toString(), ReadOptions.DEFAULT);
        assertEquals(new Dims(256, 256, 256), h.dims());
        assertFalse(h.spacingKnown(), "ResolutionUnit none: uncalibrated");
        try (Volume v = VolumeIO.read(f)) {
            assertEquals(DataType.U8, v.type());
            TreeMap<Integer, Long> hist = histogram(v);
            assertEquals(List.of(0, 85, 170), List.copyOf(hist.keySet()));
            double n = v.voxels();
            assertEquals(0.44991737604, hist.get(0) / n, 1e-10);
            assertEquals(0.40046632290, hist.get(85) / n, 1e-10);
            assertEquals(0.14961630106, hist.get(170) / n, 1e-10);
            compareWithTifffile(f, hist);
        }
    }

    @Test
    void matboxNrelPackBits() throws Exception {
        Path f = data().resolve("matbox_nrel/nmc-1-cal_generatedCBD_bridge.tif");
        Assumptions.assumeTrue(Files.isRegularFile(f), f + " missing");
        VolumeHeader h = VolumeIO.probe(f.toString(), ReadOptions.DEFAULT);
        assertEquals(new Dims(301, 301, 251), h.dims());
        assertEquals(true, h.detail().contains("packbits"), h.detail());
        assertFalse(h.spacingKnown(), "72 dpi: uncalibrated");
        try (Volume v = VolumeIO.read(f)) {
            assertEquals(DataType.U8, v.type());
            TreeMap<Integer, Long> hist = histogram(v);
            assertEquals(List.of(0, 1, 2), List.copyOf(hist.keySet()));
            double n = v.voxels();
            assertEquals(0.4005, hist.get(0) / n, 5e-5);
            assertEquals(0.4995, hist.get(1) / n, 5e-5);
            assertEquals(0.1000, hist.get(2) / n, 5e-5);
            compareWithTifffile(f, hist);
        }
    }

    @Test
    void openImpalaOneBit() throws Exception {
        Path f = data().resolve("openimpala/SampleData_2Phase_stack_3d_1bit.tif");
        Assumptions.assumeTrue(Files.isRegularFile(f), f + " missing");
        try (Volume v = VolumeIO.read(f)) {
            assertEquals(new Dims(100, 100, 100), v.dims());
            assertEquals(DataType.U8, v.type());
            TreeMap<Integer, Long> hist = histogram(v);
            assertEquals(List.of(0, 1), List.copyOf(hist.keySet()));
            assertEquals(0.398309, hist.get(1) / (double) v.voxels(), 1e-6);
            compareWithTifffile(f, hist);
        }
    }
}
