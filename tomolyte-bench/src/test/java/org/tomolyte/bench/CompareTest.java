package org.tomolyte.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.Dims;
import org.tomolyte.pipeline.OpRegistry;
import org.tomolyte.testkit.PythonPeer;

/** The runner end to end on a tiny phantom (one child JVM; no timing is asserted). */
class CompareTest {

    @TempDir
    Path dir;

    @Test
    void measuresTomolyteAndThePeerAndWritesTheTables() throws Exception {
        Options o = Options.parse("--sizes", "24x20x16", "--cases", "otsu", "--reps", "3", "--warmup", "0", "--out", dir.toString(),
                "--child-heap", "256m", "--timeout", "120");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<Row> rows = new Compare(o, new PrintStream(log, true, StandardCharsets.UTF_8)).run();
        assertEquals(1, rows.size());
        Row r = rows.getFirst();
        assertEquals("otsu", r.caseName());
        assertEquals("24x20x16", r.size());
        assertFalse(Double.isNaN(r.tomolyteSeconds()), r.note());
        assertTrue(r.tomolytePeakRssBytes() > 0, "VmHWM of the child JVM");
        assertEquals("skimage", r.peer());
        if (PythonPeer.available("skimage")) {
            assertFalse(Double.isNaN(r.peerSeconds()), r.note());
            assertTrue(r.peerPeakRssBytes() > 0);
            assertTrue(r.met() == Row.Met.YES || r.met() == Row.Met.NO);
        } else {
            assertEquals("skimage not installed: peer skipped", r.note());
            assertEquals(Row.Met.UNKNOWN, r.met());
        }
        assertTrue(Files.readString(dir.resolve("compare.csv")).startsWith(String.join(",", ResultTable.CSV_COLUMNS) + "\notsu,"));
        String md = Files.readString(dir.resolve("compare.md"));
        assertTrue(md.startsWith("Tomolyte vs peers, ") && md.contains("| otsu | threshold.global | 24x20x16 |"), md);
        assertTrue(Files.isRegularFile(dir.resolve("data/24x20x16/grey.raw")));
        assertEquals(24L * 20 * 16, Files.size(dir.resolve("data/24x20x16/pores.raw")));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("phantom 24x20x16 generated"));
    }

    @Test
    void aCaseWhoseOpIsMissingIsReportedNotAvailableWithoutRunningAnything() {
        Options o = Options.parse("--out", dir.toString());
        Case c = new Case("future", "", InputKind.GREY, List.of(), List.of(Step.of("filter.future", Map.of("sigma_um", 1))),
                List.of(Peer.python("scipy", "", "r = a", 5), Peer.python("skimage", "", "r = a", Double.NaN)), Double.NaN);
        List<Row> rows = new Compare(o, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .runCase(c, new Dims(16, 16, 16), "16^3", dir.resolve("nothing-here"));
        assertEquals(1, rows.size());
        Row r = rows.getFirst();
        assertEquals("not available: op filter.future not registered in this build", r.note());
        assertTrue(Double.isNaN(r.tomolyteSeconds()) && Double.isNaN(r.peerSeconds()));
        assertEquals(">=5x scipy", r.floor());
        assertEquals(Row.Met.UNKNOWN, r.met());
    }

    @Test
    void listingMarksCasesThisBuildCannotRun() {
        String list = Compare.listing(OpRegistry.load());
        assertEquals(Cases.all().size(), list.split("\n").length);
        assertTrue(list.lines().anyMatch(l -> l.startsWith("otsu ") && l.contains("Otsu threshold + binarise")), list);
        for (String line : list.split("\n")) {
            Case c = Cases.byName(line.split(" ")[0]);
            assertEquals(!CaseExecution.missingOps(OpRegistry.load(), c).isEmpty(), line.contains("NOT AVAILABLE"), line);
        }
    }
}
