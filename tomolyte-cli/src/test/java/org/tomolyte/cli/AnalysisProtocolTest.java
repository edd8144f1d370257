package org.tomolyte.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Volume;
import org.tomolyte.io.VolumeIO;
import org.tomolyte.pipeline.Json;
import org.tomolyte.testkit.PelletSeries;
import org.tomolyte.testkit.Phantoms;

/** Paper 001's pore size and crack steps ({@code psd.local_thickness}, {@code cracks.identify}) run in a protocol. */
class AnalysisProtocolTest {

    @TempDir
    Path dir;

    private final PrintStream stdout = System.out;
    private final PrintStream stderr = System.err;
    private ByteArrayOutputStream err;

    @BeforeEach
    void capture() {
        err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    private static void writeMask(Volume labels, Path file, int... values) {
        try (Volume m = Volume.allocateLike(labels, DataType.U8)) {
            for (long i = 0; i < labels.voxels(); i++) {
                int v = labels.getInt(i);
                for (int w : values) {
                    if (v == w) {
                        m.set(i, 1);
                    }
                }
            }
            VolumeIO.write(m, file);
        }
    }

    @Test
    void crackAndPoreSizeStepsGiveTheSeriesTruth() throws Exception {
        List<PelletSeries.Step> steps = Phantoms.pelletSeries(11, 4);
        PelletSeries.StepTruth truth = steps.get(3).truth();
        try {
            writeMask(steps.get(3).labels(), dir.resolve("pores.tif"), 1, 2);
            writeMask(steps.get(3).labels(), dir.resolve("electrolyte.tif"), 0);
        } finally {
            steps.forEach(PelletSeries.Step::close);
        }
        Path protocol = dir.resolve("p.yaml");
        Files.writeString(protocol, """
                tomolyte: 1
                inputs:
                  pores: {path: pores.tif}
                  electrolyte: {path: electrolyte.tif}
                steps:
                  - id: psd
                    op: psd.local_thickness
                    in: {mask: pores}
                    params: {bins: 20}
                  - id: cracks
                    op: cracks.identify
                    in: {pores: pores, reference: electrolyte}
                    params: {min_volume_um3: 200, connectivity: 26}
                """);
        assertEquals(0, Main.execute("run", protocol.toString(), "--out", dir.resolve("a").toString(), "--threads", "1"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(0, Main.execute("run", protocol.toString(), "--out", dir.resolve("b").toString(), "--threads", "2"),
                err.toString(StandardCharsets.UTF_8));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/results.json")), Files.readAllBytes(dir.resolve("b/results.json")));
        Map<String, Object> r = Json.read(dir.resolve("a/results.json"));
        Map<?, ?> cracks = (Map<?, ?>) r.get("cracks");
        assertEquals(truth.crackCount(), ((Number) cracks.get("crack_count")).intValue(), r.toString());
        assertEquals(truth.crackVolumeUm3(), ((Number) cracks.get("crack_volume_um3")).doubleValue(), 1e-9 * truth.crackVolumeUm3());
        assertEquals(truth.poreCount(), ((Number) cracks.get("removed_pore_count")).intValue());
        assertEquals((double) truth.crackVoxels() / (truth.crackVoxels() + truth.electrolyteVoxels()),
                ((Number) cracks.get("crack_volume_ratio")).doubleValue(), 1e-12);
        Map<?, ?> psd = (Map<?, ?>) r.get("psd");
        double d10 = ((Number) psd.get("d10_um")).doubleValue();
        double d50 = ((Number) psd.get("d50_um")).doubleValue();
        double d90 = ((Number) psd.get("d90_um")).doubleValue();
        assertTrue(0 < d10 && d10 <= d50 && d50 <= d90 && d90 <= 7.0 + 2 * 0.7 * Math.sqrt(3), psd.toString());
    }
}
