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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.Parallel;
import org.tomolyte.io.VolumeIO;
import org.tomolyte.pipeline.Json;
import org.tomolyte.testkit.OperandoCell;
import org.tomolyte.testkit.Phantoms;

/** The operando interface ops in one protocol on a demo phantom scan: runs, matches the truth, same bytes for 1 and 2 threads. */
class OperandoProtocolTest {

    @TempDir
    Path dir;

    static final String PROTOCOL = """
            tomolyte: 1
            name: operando-interfaces
            inputs:
              scan: {path: scan.tif, spacing_um: [1.7, 1.7, 1.7]}
              labels: {path: labels.tif, spacing_um: [1.7, 1.7, 1.7]}
            steps:
              - id: li_bottom
                op: interface.lithium
                in: {image: scan}
                params: {electrode: bottom, li_max: 22300, collector_min: 34500, void_max: 12500}
              - id: voids_bottom
                op: interface.voids
                in: {image: scan}
                params: {electrode: bottom, void_max: 12500, li_max: 22300}
              - id: contact_bottom
                op: interface.contact
                in: {lithium: li_bottom, voids: voids_bottom}
                params: {electrode: bottom, nominal_current_ma_cm2: 1}
              - id: positions
                op: interface.positions
                in: {image: scan}
                params: {collector_min: 34500, li_max: 22300, sites: 15, seed: 1}
              - id: interphase
                op: phase.volume
                in: {labels: labels}
                phases: {0: void, 1: electrolyte, 2: lithium, 3: collector, 4: interphase}
                params: {phase: interphase}
            """;

    @Test
    void protocolRunsAndMatchesTheTruth() throws Exception {
        OperandoCell.Truth truth;
        try (OperandoCell.Step s = OperandoCell.step(Phantoms.operandoCellConfig(5), 4, 7)) {
            VolumeIO.write(s.grey(), dir.resolve("scan.tif"));
            VolumeIO.write(s.labels(), dir.resolve("labels.tif"));
            truth = s.truth();
        }
        Path protocol = dir.resolve("p.yaml");
        Files.writeString(protocol, PROTOCOL);
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, Main.execute(new String[] {"run", protocol.toString(), "--out", dir.resolve("a").toString(), "--threads", "1"}),
                    err.toString(StandardCharsets.UTF_8));
            assertEquals(0, Main.execute(new String[] {"run", protocol.toString(), "--out", dir.resolve("b").toString(), "--threads", "2"}),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            Parallel.setThreads(Runtime.getRuntime().availableProcessors());
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/results.json")), Files.readAllBytes(dir.resolve("b/results.json")));
        Map<String, Object> r = Json.read(dir.resolve("a/results.json"));
        assertEquals(truth.bottom().lithiumVolumeUm3(), value(r, "li_bottom", "li_volume_um3"), 0.01 * truth.bottom().lithiumVolumeUm3());
        assertEquals(truth.bottom().contactFraction(), value(r, "contact_bottom", "contact_fraction"), 0.01);
        assertEquals(1 / value(r, "contact_bottom", "contact_fraction"), value(r, "contact_bottom", "effective_current_density_mA_cm2"), 1e-9);
        assertEquals(truth.bottom().voidVolumeUm3(), value(r, "voids_bottom", "void_volume_um3"), 0.02 * truth.bottom().voidVolumeUm3());
        assertEquals(truth.stackThicknessUm(), value(r, "positions", "stack_thickness_um"), 0.017);
        assertEquals(truth.interphaseVolumeUm3(), value(r, "interphase", "volume_um3"), 1e-6);
        assertTrue(Files.exists(dir.resolve("a/positions/sites.csv")));
        try (var files = Files.list(dir.resolve("a/li_bottom"))) {
            String names = files.map(p -> p.getFileName().toString()).sorted().toList().toString();
            assertTrue(names.contains("thickness") && names.contains("interface") && names.contains("mask"), names);
        }
    }

    private static double value(Map<String, Object> results, String step, String key) {
        return ((Number) ((Map<?, ?>) results.get(step)).get(key)).doubleValue();
    }
}
