package org.tomolyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tomolyte echem show} and protocols with table inputs (.csv, .mpt, .mpr). */
class EchemCliTest {

    @TempDir
    Path dir;

    private final PrintStream stdout = System.out;
    private final PrintStream stderr = System.err;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A decimal-comma EC-Lab export of two points. */
    private Path mpt() throws IOException {
        String text = "EC-Lab ASCII FILE\r\nNb header lines : 5\r\n\r\nGalvanostatic Cycling with Potential Limitation\r\n"
                + "mode\ttime/s\tEwe/V\t<I>/mA\tcycle number\t\r\n"
                + "1\t1,5E+000\t3,7000000E+000\t5,0E-001\t1,000000000000000E+000\t\r\n"
                + "1\t2,5E+000\t3,7100000E+000\t-5,0E-001\t2,000000000000000E+000\t\r\n";
        Path f = dir.resolve("two.mpt");
        Files.write(f, text.getBytes(StandardCharsets.ISO_8859_1));
        return f;
    }

    @Test
    void showPrintsSummaryAndWritesEcLabNamedCsv() throws IOException {
        Path csv = dir.resolve("two.csv");
        assertEquals(0, run("echem", "show", mpt().toString(), "--csv", csv.toString()));
        String o = out();
        assertTrue(o.contains("technique   Galvanostatic Cycling with Potential Limitation"), o);
        assertTrue(o.contains("rows        2"), o);
        assertTrue(o.contains("cycles      2"), o);
        assertTrue(o.lines().anyMatch(l -> l.matches("\\s+<I>/mA\\s+mA\\s+real")), o);
        assertTrue(o.contains("canonical   time_s, Ewe_V, I_mA, cycle"), o);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("mode,time/s,Ewe/V,<I>/mA,cycle number", lines.get(0));
        assertEquals("1,2.5,3.71,-0.5,2.0", lines.get(2));
        assertEquals(2, run("echem", "show", dir.resolve("missing.mpr").toString()));
    }

    @Test
    void showOnRealMprMatchesItsExportHeader() throws IOException {
        Path data = Path.of(System.getProperty("tomolyte.shared.data", "../shared/data"), "eclab_yadg");
        Assumptions.assumeTrue(Files.isRegularFile(data.resolve("peis.mpr")), "shared data absent: " + data);
        Path csv = dir.resolve("peis.csv");
        assertEquals(0, run("echem", "show", data.resolve("peis.mpr").toString(), "--csv", csv.toString()));
        assertTrue(out().contains("rows        32"), out());
        List<String> mpt = Files.readAllLines(data.resolve("peis.mpt"), StandardCharsets.ISO_8859_1);
        String header = mpt.get(69).replaceAll("\t$", "").replace('\t', ',');
        assertEquals(header, Files.readAllLines(csv).get(0));
        assertEquals(33, Files.readAllLines(csv).size());
    }

    /** Three cycles at +-1 mA, a row per 60 s: charge 31, 21, 11 rows, discharge 30, 20, 10 rows. */
    private Path cyclingCsv() throws IOException {
        StringBuilder s = new StringBuilder("time_s,Ewe_V,I_mA\n0,3.6,0\n");
        double t = 0;
        for (int k = 0; k < 3; k++) {
            int d = 30 - 10 * k;
            for (int j = 1; j <= d + 1; j++) {
                t += 60;
                s.append(String.format(Locale.ROOT, "%.1f,%.4f,1%n", t, 3.7 + 0.1 * j / (d + 1)));
            }
            for (int j = 1; j <= d; j++) {
                t += 60;
                s.append(String.format(Locale.ROOT, "%.1f,%.4f,-1%n", t, 3.6 - 0.1 * j / d));
            }
        }
        Path f = dir.resolve("cell.csv");
        Files.writeString(f, s.toString());
        return f;
    }

    @Test
    void protocolWithTableInputsRunsCyclesAndJoin() throws IOException {
        cyclingCsv();
        Files.writeString(dir.resolve("scans.csv"), "time_s,contact_fraction\n600,0.9\n3630,0.7\n");
        Path protocol = dir.resolve("cell.yaml");
        Files.writeString(protocol, """
                tomolyte: 1
                inputs:
                  cell: {path: cell.csv}
                  scans: {path: scans.csv}
                steps:
                  - id: cycles
                    op: echem.cycles
                    in: {data: cell}
                    params: {active_mass_mg: 1.0, drop_window: 1, drop_fraction: 0.3}
                  - id: joined
                    op: echem.join
                    in: {series: scans, echem: cell}
                    params: {method: linear, plot_x: Ewe_V, plot_y: contact_fraction}
                """);
        Path outDir = dir.resolve("out");
        assertEquals(0, run("run", protocol.toString(), "--out", outDir.toString()), err.toString(StandardCharsets.UTF_8));
        String results = Files.readString(outDir.resolve("results.json"));
        assertTrue(results.replaceAll("\\s", "").contains("\"capacity_drop_cycle\":2"), results);
        List<String> cycles = Files.readAllLines(outDir.resolve("cycles/cycles.csv"));
        assertEquals(4, cycles.size());
        assertEquals("cycle,charge_mAh,discharge_mAh,charge_mAh_g,discharge_mAh_g", String.join(",", List.of(cycles.get(0).split(",")).subList(0, 5)));
        double[] first = java.util.Arrays.stream(cycles.get(1).split(",")).mapToDouble(Double::parseDouble).toArray();
        assertEquals(31 / 60.0, first[1], 1e-12);
        assertEquals(30 / 60.0, first[2], 1e-12);
        assertEquals(31 / 60.0 * 1000, first[3], 1e-9);
        assertEquals(30 / 31.0, first[5], 1e-12);
        List<String> joined = Files.readAllLines(outDir.resolve("joined/joined.csv"));
        assertEquals("time_s,contact_fraction,Ewe_V,I_mA", joined.get(0));
        assertEquals("600,0.9,3.7323,1.0", joined.get(1)); // 600 s = charge row 10 of 31, printed to 4 decimals in the CSV
        assertTrue(Files.isRegularFile(outDir.resolve("joined/join.png")));
        assertEquals(0, run("run", protocol.toString(), "--out", dir.resolve("pre").toString(), "--preflight"));
        assertTrue(out().contains("input cell") && out().contains("table"), out());
        Files.delete(dir.resolve("scans.csv"));
        assertEquals(2, run("run", protocol.toString(), "--out", dir.resolve("bad").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("scans.csv"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void protocolOnRealMpr() throws IOException {
        Path data = Path.of(System.getProperty("tomolyte.shared.data", "../shared/data"), "eclab_yadg").toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(data.resolve("gcpl.issue_149.mpr")), "shared data absent: " + data);
        Path protocol = dir.resolve("gcpl.yaml");
        Files.writeString(protocol, "tomolyte: 1\ninputs:\n  cell: {path: " + data.resolve("gcpl.issue_149.mpr") + "}\nsteps:\n"
                + "  - id: cycles\n    op: echem.cycles\n    in: {data: cell}\n");
        assertEquals(0, run("run", protocol.toString(), "--out", dir.resolve("o").toString()), err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.readString(dir.resolve("o/results.json")).contains("first_charge_mAh"));
    }
}
