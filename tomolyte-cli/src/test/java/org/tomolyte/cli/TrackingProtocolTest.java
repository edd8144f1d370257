package org.tomolyte.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.io.VolumeIO;
import org.tomolyte.pipeline.Json;
import org.tomolyte.testkit.Textured;

/** register.translation and dvc.displacement in a protocol: results, thread independence, input errors. */
class TrackingProtocolTest {

    @TempDir
    Path dir;

    private final PrintStream stdout = System.out;
    private final PrintStream stderr = System.err;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void trackingProtocolRunsAndIsIdenticalForOneAndTwoThreads() throws Exception {
        Spacing s = new Spacing(0.7, 0.7, 1.0);
        Dims d = new Dims(40, 36, 32);
        Textured t = Textured.of(Textured.config(d, s, 6).withNoise(10), 8);
        try (Volume ref = t.render(null, 1); Volume shifted = t.render(new Textured.Uniform(1.1, -0.6, 1.4), 2);
             Volume bulged = t.render(new Textured.Bulge(14, 12, 12, 1.5), 3);
             Volume small = Volume.allocate(new Dims(40, 36, 31), ref.type(), s)) {
            VolumeIO.write(ref, dir.resolve("ref.tif"));
            VolumeIO.write(shifted, dir.resolve("shifted.tif"));
            VolumeIO.write(bulged, dir.resolve("bulged.tif"));
            VolumeIO.write(small, dir.resolve("small.tif"));
        }
        Path protocol = dir.resolve("track.yaml");
        Files.writeString(protocol, """
                tomolyte: 1
                inputs:
                  ref: {path: ref.tif, spacing_um: [0.7, 0.7, 1.0]}
                  shifted: {path: shifted.tif, spacing_um: [0.7, 0.7, 1.0]}
                  bulged: {path: bulged.tif, spacing_um: [0.7, 0.7, 1.0]}
                steps:
                  - id: reg
                    op: register.translation
                    in: {fixed: ref, moving: shifted}
                  - id: dvc
                    op: dvc.displacement
                    in: {reference: ref, deformed: bulged}
                    params: {subset_um: 8, step_um: 6, search_um: 3}
                """);
        assertEquals(0, Main.execute("run", protocol.toString(), "--out", dir.resolve("a").toString(), "--threads", "1"), err());
        assertEquals(0, Main.execute("run", protocol.toString(), "--out", dir.resolve("b").toString(), "--threads", "2"), err());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/results.json")), Files.readAllBytes(dir.resolve("b/results.json")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/dvc/displacement.csv")), Files.readAllBytes(dir.resolve("b/dvc/displacement.csv")));
        Map<String, Object> r = Json.read(dir.resolve("a/results.json"));
        Map<?, ?> reg = (Map<?, ?>) r.get("reg");
        assertEquals(1.1, ((Number) reg.get("shift_x_um")).doubleValue(), 0.07);
        assertEquals(-0.6, ((Number) reg.get("shift_y_um")).doubleValue(), 0.07);
        assertEquals(1.4, ((Number) reg.get("shift_z_um")).doubleValue(), 0.1);
        Map<?, ?> dvc = (Map<?, ?>) r.get("dvc");
        assertEquals(dvc.get("vectors"), dvc.get("valid_vectors"));
        assertEquals(1.5, ((Number) dvc.get("max_magnitude_um")).doubleValue(), 0.2);
        assertTrue(Files.exists(dir.resolve("a/reg/aligned.tif")));
        assertTrue(Files.readString(dir.resolve("a/dvc/displacement.csv")).startsWith("x_um,y_um,z_um,u_um,v_um,w_um,correlation"));

        Files.writeString(protocol, Files.readString(protocol).replace("shifted: {path: shifted.tif", "shifted: {path: small.tif"));
        assertEquals(2, Main.execute("run", protocol.toString(), "--out", dir.resolve("c").toString()), err());
        assertTrue(err().contains("moving is 40x36x31"), err());
    }
}
