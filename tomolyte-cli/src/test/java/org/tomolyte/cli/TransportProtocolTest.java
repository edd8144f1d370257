package org.tomolyte.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.io.VolumeIO;
import org.tomolyte.pipeline.Json;

/** The issue-4 part-B ops (surface.area, connectivity.through, tortuosity.*) in a protocol, 1 and 2 threads. */
class TransportProtocolTest {

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void transportAndSurfaceOpsRunInAProtocol() throws Exception {
        // two straight pore columns (label 0) and an isolated pore voxel in a solid (label 2)
        try (Volume v = Volume.allocate(new Dims(4, 4, 6), DataType.U8, Spacing.UNIT)) {
            v.fill(2);
            for (int z = 0; z < 6; z++) {
                v.set(0, 0, z, 0);
                v.set(3, 3, z, 0);
            }
            v.set(2, 1, 2, 0);
            VolumeIO.write(v, dir.resolve("labels.tif"));
        }
        Path protocol = dir.resolve("p.yaml");
        Files.writeString(protocol, """
                tomolyte: 1
                inputs:
                  labels: {path: labels.tif, spacing_um: [0.5, 0.5, 1.0]}
                phases: {0: pore, 2: solid}
                steps:
                  - id: surface
                    op: surface.area
                    in: {labels: labels}
                  - id: through
                    op: connectivity.through
                    in: {labels: labels}
                    params: {phase: 0, axis: z, connectivity: 26}
                  - id: tau
                    op: tortuosity.factor
                    in: {labels: labels}
                    params: {phase: 0}
                  - id: field
                    op: tortuosity.concentration
                    in: {labels: labels}
                    params: {phase: 0, axis: z, tolerance: 1e-6}
                """);
        assertEquals(0, Main.execute("run", protocol.toString(), "--out", dir.resolve("a").toString(), "--threads", "1"));
        assertEquals(0, Main.execute("run", protocol.toString(), "--out", dir.resolve("b").toString(), "--threads", "2"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/results.json")), Files.readAllBytes(dir.resolve("b/results.json")));
        Map<String, Object> r = Json.read(dir.resolve("a/results.json"));
        Map<?, ?> tau = (Map<?, ?>) r.get("tau");
        assertEquals(13.0 / 12, ((Number) tau.get("tortuosity")).doubleValue(), 1e-6);
        Map<?, ?> through = (Map<?, ?>) r.get("through");
        assertEquals(12.0 / 13, ((Number) through.get("through_fraction")).doubleValue(), 1e-12);
        Map<?, ?> pore = (Map<?, ?>) ((Map<?, ?>) r.get("surface")).get("pore");
        assertEquals(2 * 6 * 2 * 0.5 + 4 * 0.5 + 2 * 0.25, ((Number) pore.get("surface_area_um2")).doubleValue(), 1e-12);
        assertTrue(Files.exists(dir.resolve("a/surface/interfaces.csv")) && Files.exists(dir.resolve("a/tau/flux.csv")));
        try (Volume c = VolumeIO.read(dir.resolve("a/field/concentration.tif"))) {
            assertEquals(DataType.F32, c.type());
            assertEquals(1 - 0.5 / 6, c.get(0, 0, 0), 1e-6);
        }
    }
}
