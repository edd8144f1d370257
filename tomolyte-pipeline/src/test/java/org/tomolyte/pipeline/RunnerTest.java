package org.tomolyte.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.io.VolumeIO;
import org.tomolyte.testkit.Spheres;

class RunnerTest {

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    private static final String PROTOCOL = """
            tomolyte: 1
            name: spheres
            inputs:
              labels: {path: spheres.tif}
            phases: {0: matrix, 1: sphere}
            steps:
              - id: grey
                op: volume.convert
                in: {image: labels}
                params: {type: f32, scaling: auto}
              - id: histogram
                op: measure.histogram
                in: {image: grey, labels: labels}
                params: {bins: 16}
              - id: mask
                op: threshold.global
                in: {image: grey}
                params: {method: otsu}
              - id: fractions
                op: phases.fractions
                in: {labels: mask}
            """;

    /** Writes a spheres phantom (known foreground voxels) and the protocol; returns the truth. */
    private long setUp(String text) throws Exception {
        try (Spheres.Phantom p = Spheres.uniform(new Dims(48, 40, 32), new Spacing(0.5, 0.5, 0.8), 6, 3.0, 1.0, 5)) {
            VolumeIO.write(p.labels(), dir.resolve("spheres.tif"));
            Files.writeString(dir.resolve("p.yaml"), text);
            return p.truth().foregroundVoxels();
        }
    }

    private Plan plan() {
        return Preflight.plan(ProtocolParser.parse(dir.resolve("p.yaml")), Map.of(), null, OpRegistry.load());
    }

    @Test
    void runWritesResultsTablesVolumesPlotsReportAndProvenance() throws Exception {
        long truth = setUp(PROTOCOL);
        Path out = dir.resolve("out");
        Runner.Summary s = Runner.run(plan(), out, RunListener.QUIET);
        Map<String, Object> results = Json.read(out.resolve("results.json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> sphere = (Map<String, Object>) ((Map<String, Object>) results.get("fractions")).get("sphere");
        assertEquals(truth, ((Number) sphere.get("voxels")).longValue(), "Otsu on a two-valued image recovers every sphere voxel");
        assertEquals(truth * 0.5 * 0.5 * 0.8, ((Number) sphere.get("volume_um3")).doubleValue(), 1e-9);
        assertEquals(List.of("grey", "histogram", "mask", "fractions"), List.copyOf(Json.read(out.resolve("provenance.json")).get("steps") instanceof List<?> l
                ? l.stream().map(m -> (String) ((Map<?, ?>) m).get("id")).toList() : List.of()));
        for (String f : List.of("grey/image.tif", "histogram/histogram.csv", "histogram/histogram.png", "histogram/histogram.svg",
                "mask/mask.tif", "fractions/fractions.csv", "report.html", "provenance.json")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        try (Volume mask = VolumeIO.read(out.resolve("mask/mask.tif"))) {
            assertEquals(new Spacing(0.5, 0.5, 0.8).x(), mask.spacing().x(), 1e-9, "outputs keep the voxel size (ImageJ calibration)");
        }
        String csv = Files.readString(out.resolve("fractions/fractions.csv"));
        assertTrue(csv.startsWith("phase_id,phase,voxels,fraction,volume_um3\n"), csv);
        Map<String, Object> prov = Json.read(out.resolve("provenance.json"));
        for (String k : List.of("version", "commit", "protocol", "inputs", "java", "threads", "steps")) {
            assertTrue(prov.containsKey(k), k);
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("histogram/histogram.svg") && html.contains(">sphere.fraction<"), "report shows plots and metrics");
        assertTrue(s.resumed().isEmpty());
        try (Stream<Path> files = Files.list(out)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary files left");
        }
    }

    @Test
    void resultsAndVolumesAreByteIdenticalForOneAndTwoThreads() throws Exception {
        setUp(PROTOCOL);
        Parallel.setThreads(1);
        Runner.run(plan(), dir.resolve("one"), RunListener.QUIET);
        Parallel.setThreads(2);
        Runner.run(plan(), dir.resolve("two"), RunListener.QUIET);
        for (String f : List.of("results.json", "grey/image.tif", "mask/mask.tif", "histogram/histogram.csv", "fractions/fractions.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("one").resolve(f)), Files.readAllBytes(dir.resolve("two").resolve(f)), f);
        }
    }

    @Test
    void aRerunResumesAndAChangedParameterRecomputesOnlyDownstream() throws Exception {
        setUp(PROTOCOL);
        Path out = dir.resolve("out");
        Runner.run(plan(), out, RunListener.QUIET);
        byte[] first = Files.readAllBytes(out.resolve("results.json"));
        Runner.Summary again = Runner.run(plan(), out, RunListener.QUIET);
        assertEquals(List.of("grey", "histogram", "mask", "fractions"), again.resumed());
        assertArrayEquals(first, Files.readAllBytes(out.resolve("results.json")), "a resumed run gives the same results");

        Files.writeString(dir.resolve("p.yaml"), PROTOCOL.replace("{bins: 16}", "{bins: 8}"));
        Runner.Summary changed = Runner.run(plan(), out, RunListener.QUIET);
        assertEquals(List.of("grey", "mask", "fractions"), changed.resumed(), "only the changed step is recomputed");
        assertEquals(9, Files.readAllLines(out.resolve("histogram/histogram.csv")).size(), "8 bins and a header");
    }

    @Test
    void aFailingRunLeavesNoHalfWrittenResults() throws Exception {
        setUp(PROTOCOL);
        Plan plan = plan();
        Files.writeString(dir.resolve("spheres.tif"), "not a tiff any more");
        Path out = dir.resolve("out");
        assertThrows(InputException.class, () -> Runner.run(plan, out, RunListener.QUIET));
        assertFalse(Files.exists(out.resolve("results.json")));
        assertFalse(Files.exists(out.resolve("grey")));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(0, files.count(), "nothing written");
        }
    }

    @Test
    void aSeriesRunsEachItemAndStacksTables() throws Exception {
        setUp(PROTOCOL.replace("path: spheres.tif", "path: t*.tif"));
        for (int t : new int[] {10, 2, 1}) {
            try (Spheres.Phantom p = Spheres.uniform(new Dims(40, 40, 24), Spacing.isotropic(1), 2 + t % 4, 3.0, 1.0, t)) {
                VolumeIO.write(p.labels(), dir.resolve("t" + t + ".tif"));
            }
        }
        Protocol p = ProtocolParser.parse(dir.resolve("p.yaml"));
        List<Series.Item> items = Series.items(p, Map.of());
        assertEquals(List.of("t1", "t2", "t10"), items.stream().map(Series.Item::name).toList());
        Path out = dir.resolve("series");
        Series.run(items, Series.plan(p, items, null, OpRegistry.load()), out, RunListener.QUIET);
        List<String> rows = Files.readAllLines(out.resolve("series.csv"));
        assertEquals(4, rows.size());
        assertTrue(rows.get(0).startsWith("index,item,") && rows.get(0).contains("fractions.sphere.fraction"), rows.get(0));
        assertTrue(rows.get(3).startsWith("2,t10,"), rows.get(3));
        List<String> stacked = Files.readAllLines(out.resolve("series/fractions/fractions.csv"));
        assertEquals("index,item,phase_id,phase,voxels,fraction,volume_um3", stacked.get(0));
        assertEquals(1 + 3 * 2, stacked.size(), "two phases for each of three items");
        assertTrue(Files.isRegularFile(out.resolve("t2/report.html")) && Files.isRegularFile(out.resolve("report.html")));
        assertTrue(Files.isRegularFile(out.resolve("series/fractions-sphere-fraction.svg")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void seriesStepsRunOnceOnTheSeriesTablesWithTheSeriesValues() throws Exception {
        setUp(PROTOCOL.replace("path: spheres.tif", "path: t*.tif") + """
                series:
                  values: {time_s: [0, 600, 1800]}
                  steps:
                    - id: total
                      op: test.column_sum
                      in: {table: series}
                      params: {column: fractions.sphere.voxels}
                    - id: stacked
                      op: test.column_sum
                      in: {table: fractions.fractions}
                      params: {column: voxels}
                    - id: times
                      op: test.column_sum
                      in: {table: series}
                      params: {column: time_s}
                """);
        long voxels = 0;
        for (int t : new int[] {1, 2, 3}) {
            try (Spheres.Phantom p = Spheres.uniform(new Dims(40, 40, 24), Spacing.isotropic(1), 2 + t, 3.0, 1.0, t)) {
                VolumeIO.write(p.labels(), dir.resolve("t" + t + ".tif"));
                voxels += p.truth().foregroundVoxels();
            }
        }
        Protocol p = ProtocolParser.parse(dir.resolve("p.yaml"));
        List<Series.Item> items = Series.items(p, Map.of());
        Path out = dir.resolve("series");
        Series.run(items, Series.plan(p, items, null, OpRegistry.load()), out, RunListener.QUIET);
        assertTrue(Files.readAllLines(out.resolve("series.csv")).get(0).startsWith("index,item,time_s,"));
        Map<String, Object> summary = (Map<String, Object>) Json.read(out.resolve("results.json")).get(Series.SUMMARY);
        assertEquals(voxels, ((Number) ((Map<String, Object>) summary.get("total")).get("sum")).doubleValue(), 0.0,
                "the series table holds every item's metric");
        assertEquals(40 * 40 * 24 * 3, ((Number) ((Map<String, Object>) summary.get("stacked")).get("sum")).doubleValue(), 0.0,
                "the stacked step table holds every voxel of every item");
        assertEquals(2400, ((Number) ((Map<String, Object>) summary.get("times")).get("sum")).doubleValue(), 0.0);
        assertTrue(Files.isRegularFile(out.resolve("summary/report.html")) && Files.isRegularFile(out.resolve("summary/provenance.json")));
        assertTrue(Files.readString(out.resolve("report.html")).contains("summary/report.html"));
        assertTrue(Files.readString(out.resolve("series/fractions-sphere-fraction.svg")).contains(">time_s<"), "series plots use time_s as x");
    }

    @Test
    void aSeriesStepWithAnUnknownTableFailsInThePreflight() throws Exception {
        setUp(PROTOCOL.replace("path: spheres.tif", "path: t*.tif") + """
                series:
                  steps:
                    - id: total
                      op: test.column_sum
                      in: {table: fractions.nothing}
                      params: {column: voxels}
                """);
        for (int t : new int[] {1, 2}) {
            try (Spheres.Phantom p = Spheres.uniform(new Dims(20, 20, 12), Spacing.isotropic(1), 1, 3.0, 1.0, t)) {
                VolumeIO.write(p.labels(), dir.resolve("t" + t + ".tif"));
            }
        }
        Protocol p = ProtocolParser.parse(dir.resolve("p.yaml"));
        List<Series.Item> items = Series.items(p, Map.of());
        org.tomolyte.core.ParameterException e = assertThrows(org.tomolyte.core.ParameterException.class,
                () -> Series.plan(p, items, null, OpRegistry.load()));
        assertTrue(e.getMessage().contains("series step 'total' (test.column_sum): step 'fractions' has no output 'nothing'"), e.getMessage());
    }

    @Test
    void seriesValuesMustMatchTheItemCount() throws Exception {
        setUp(PROTOCOL.replace("path: spheres.tif", "path: t*.tif") + "series:\n  values: {time_s: [0, 600]}\n");
        for (int t : new int[] {1, 2, 3}) {
            try (Spheres.Phantom p = Spheres.uniform(new Dims(20, 20, 12), Spacing.isotropic(1), 1, 3.0, 1.0, t)) {
                VolumeIO.write(p.labels(), dir.resolve("t" + t + ".tif"));
            }
        }
        Protocol p = ProtocolParser.parse(dir.resolve("p.yaml"));
        List<Series.Item> items = Series.items(p, Map.of());
        org.tomolyte.core.ParameterException e = assertThrows(org.tomolyte.core.ParameterException.class,
                () -> Series.plan(p, items, null, OpRegistry.load()));
        assertTrue(e.getMessage().contains("series.values.time_s has 2 values but the series has 3 items"), e.getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aParameterTakesAnEarlierStepsMetricAtRunTime() throws Exception {
        setUp(PROTOCOL + """
                  - id: same
                    op: threshold.global
                    in: {image: grey}
                    params: {method: manual, value: {metric: mask.threshold}}
                """);
        Path out = dir.resolve("out");
        Runner.run(plan(), out, RunListener.QUIET);
        Map<String, Object> results = Json.read(out.resolve("results.json"));
        Object otsu = ((Map<String, Object>) results.get("mask")).get("threshold");
        assertEquals(otsu, ((Map<String, Object>) results.get("same")).get("threshold"), "the manual threshold is the Otsu value");
        try (Volume a = VolumeIO.read(out.resolve("mask/mask.tif")); Volume b = VolumeIO.read(out.resolve("same/mask.tif"))) {
            org.tomolyte.testkit.VolumeAssert.assertSameContent(a, b);
        }
        Map<String, Object> prov = Json.read(out.resolve("provenance.json"));
        Map<String, Object> step = (Map<String, Object>) ((List<Object>) prov.get("steps")).get(4);
        assertEquals(otsu, ((Map<String, Object>) step.get("params")).get("value"), "provenance records the value used");

        setUp(PROTOCOL.replace("params: {method: otsu}", "params: {method: manual, value: {metric: fractions.threshold}}"));
        org.tomolyte.core.ParameterException early = assertThrows(org.tomolyte.core.ParameterException.class, this::plan);
        assertTrue(early.getMessage().contains("'fractions' in {metric: fractions.threshold} is not an earlier step"), early.getMessage());

        setUp(PROTOCOL.replace("params: {method: otsu}", "params: {method: manual, value: {metric: histogram.nothing}}"));
        org.tomolyte.core.ParameterException late = assertThrows(org.tomolyte.core.ParameterException.class,
                () -> Runner.run(plan(), dir.resolve("out2"), RunListener.QUIET));
        assertTrue(late.getMessage().contains("step 'mask' (threshold.global): params.value: step 'histogram' has no numeric metric 'nothing'"),
                late.getMessage());
    }
}
