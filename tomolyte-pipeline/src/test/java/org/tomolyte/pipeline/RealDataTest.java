package org.tomolyte.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A protocol on real data: TauFactor's 256^3 NMC electrode (labels 0 pore, 85 NMC, 170 CBD,
 * 0.390625 um voxels, Deflate TIFF) with phases named in the protocol. The fractions must equal
 * TauFactor's own notebook values (../shared/data/taufactor/MANIFEST.txt) to their 11 printed
 * digits: both are exact voxel counts over 2^24 voxels.
 */
class RealDataTest {

    @TempDir
    Path dir;

    @Test
    void taufactorElectrodePhaseFractionsMatchTauFactor() throws Exception {
        Path data = Path.of(System.getProperty("tomolyte.shared.data", "../shared/data"));
        Path electrode = data.resolve("taufactor/electrode.tiff");
        Assumptions.assumeTrue(Files.isRegularFile(electrode), data + " not present: skipping real-data test");
        Path protocol = dir.resolve("electrode.yaml");
        Files.writeString(protocol, """
                tomolyte: 1
                inputs:
                  electrode: {path: %s, spacing_um: 0.390625}
                phases: {0: pore, 85: nmc, 170: cbd}
                steps:
                  - id: fractions
                    op: phases.fractions
                    in: {labels: electrode}
                """.formatted(electrode.toAbsolutePath()));
        Plan plan = Preflight.plan(ProtocolParser.parse(protocol), Map.of(), null, OpRegistry.load());
        Runner.run(plan, dir.resolve("out"), RunListener.QUIET);
        Map<String, Object> r = Json.read(dir.resolve("out/results.json"));
        assertEquals(0.44991737604, fraction(r, "pore"), 5e-12);
        assertEquals(0.40046632290, fraction(r, "nmc"), 5e-12);
        assertEquals(0.14961630106, fraction(r, "cbd"), 5e-12);
        @SuppressWarnings("unchecked")
        Map<String, Object> pore = (Map<String, Object>) ((Map<String, Object>) r.get("fractions")).get("pore");
        double voxelUm3 = 0.390625 * 0.390625 * 0.390625;
        assertEquals(((Number) pore.get("voxels")).longValue() * voxelUm3, ((Number) pore.get("volume_um3")).doubleValue(), 1e-6);
        assertEquals(0.44991737604 * 100 * 100 * 100, ((Number) pore.get("volume_um3")).doubleValue(), 1e-3,
                "the 100 um box of the TauFactor notebook");
    }

    @SuppressWarnings("unchecked")
    private static double fraction(Map<String, Object> r, String phase) {
        return ((Number) ((Map<String, Object>) ((Map<String, Object>) r.get("fractions")).get(phase)).get("fraction")).doubleValue();
    }
}
