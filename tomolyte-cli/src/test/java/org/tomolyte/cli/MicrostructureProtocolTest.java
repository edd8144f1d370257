package org.tomolyte.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.Parallel;
import org.tomolyte.io.VolumeIO;
import org.tomolyte.pipeline.Json;
import org.tomolyte.testkit.Phantoms;
import org.tomolyte.testkit.PorosityGradient;
import org.tomolyte.testkit.SymmetricCell;

/**
 * The microstructure ops of tomolyte-analysis in one protocol: porosity fraction, porosity factor at
 * two cube sizes, REV, axis and line profiles, interfacial intensity map; exact porosity-factor
 * truth from the test kit's gradient phantom, the cell's interface plane, plots written, and
 * byte-identical results for 1 and 2 threads.
 */
class MicrostructureProtocolTest {

    @TempDir
    Path dir;

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void protocolRunsAndIsThreadIndependent() throws Exception {
        double d0;
        double d7;
        double phi0;
        try (PorosityGradient.Phantom ph = Phantoms.porosityGradient(5)) {
            VolumeIO.write(ph.mask(), dir.resolve("mask.tif"));
            d0 = ph.d(0);
            d7 = ph.d(7);
            phi0 = ph.meanPorosity();
        }
        List<SymmetricCell.Step> cell = Phantoms.cell(2, 1);
        try (SymmetricCell.Step s = cell.getFirst()) {
            VolumeIO.write(s.grey(), dir.resolve("cell.tif"));
            VolumeIO.write(s.labels(), dir.resolve("cell-labels.tif"));
        }
        Files.writeString(dir.resolve("micro.yaml"), """
                tomolyte: 1
                inputs:
                  mask: {path: mask.tif}
                  cell: {path: cell.tif}
                  labels: {path: cell-labels.tif}
                phases: {0: void, 1: electrolyte, 2: lithium}
                steps:
                  - id: porosity
                    op: porosity.fraction
                    in: {mask: mask}
                  - id: pf
                    op: porosity.factor
                    in: {mask: mask}
                    params: {block_um: [30, 60]}
                  - id: rev
                    op: porosity.rev
                    in: {mask: mask}
                    params: {sizes_um: [15, 30, 60, 120], samples: 10}
                  - id: profile
                    op: profile.axis
                    in: {image: cell, labels: labels}
                  - id: line
                    op: profile.line
                    in: {image: cell}
                    params: {from_um: [95, 95, 0], to_um: [95, 95, 163.2]}
                  - id: contact
                    op: intensity.interface_map
                    in: {image: cell}
                    params: {interface: bottom, window_um: 150, depth_um: 50}
                """);
        byte[][] results = new byte[2][];
        for (int t = 1; t <= 2; t++) {
            Path out = dir.resolve("out" + t);
            assertEquals(0, Main.execute("run", dir.resolve("micro.yaml").toString(), "--out", out.toString(), "--threads", String.valueOf(t)));
            results[t - 1] = Files.readAllBytes(out.resolve("results.json"));
        }
        assertArrayEquals(results[0], results[1], "results.json is the same for 1 and 2 threads");
        Path out = dir.resolve("out1");
        Map<String, Object> r = Json.readText(Files.readString(out.resolve("results.json")));
        @SuppressWarnings("unchecked")
        Map<String, Object> pf = (Map<String, Object>) r.get("pf");
        @SuppressWarnings("unchecked")
        Map<String, Object> pf30 = (Map<String, Object>) pf.get("size_30");
        assertEquals(phi0, ((Number) pf.get("mean_porosity")).doubleValue(), 1e-12);
        assertEquals(d0, ((Number) pf30.get("d_min")).doubleValue(), 1e-12);
        assertEquals(d7, ((Number) pf30.get("d_max")).doubleValue(), 1e-12);
        @SuppressWarnings("unchecked")
        Map<String, Object> contact = (Map<String, Object>) r.get("contact");
        assertEquals(30 * 1.7, ((Number) contact.get("interface_um")).doubleValue(), 1e-9, "the stripping plane of the default cell");
        for (String f : List.of("pf/blocks_30.csv", "pf/sections_60.csv", "pf/d_box_30.png", "pf/d_through_plane_0_30.svg",
                "pf/d_in_plane_0_60.png", "rev/rev.csv", "rev/rev.png", "profile/profile.csv", "line/line.csv", "contact/map.csv",
                "contact/intensity_map.png", "report.html")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        assertTrue(Files.readString(out.resolve("profile/profile.csv")).startsWith(
                "index,position_um,mean,std,min,max,fraction_void,fraction_electrolyte,fraction_lithium"));
    }
}
