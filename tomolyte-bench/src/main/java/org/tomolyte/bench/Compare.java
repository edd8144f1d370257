package org.tomolyte.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tomolyte.core.Dims;
import org.tomolyte.core.TomolyteException;
import org.tomolyte.pipeline.OpRegistry;
import org.tomolyte.testkit.PythonPeer;

/**
 * The side-by-side comparison runner of issue 3: generates the test kit's porous phantom
 * ({@link BenchPhantom}) at each size, writes it once as u8 raw files, and for each case
 * ({@link Cases}) measures Tomolyte (op registry, by id and parameters; one child JVM per case,
 * {@link CaseMain}) and each installed peer (Python: {@link PythonScript}; ImageJ:
 * {@link ImageJMacro}) in the same run, then prints the table ({@link ResultTable}) and writes
 * {@code compare.csv} and {@code compare.md} to the output folder.
 *
 * <p>A case whose op is not registered in this build is reported as "not available" (its peers
 * are not run); a side that fails is reported with its error and the run goes on. Exit status:
 * 0 when the table was produced (whatever the floors), 2 for a bad option.
 */
public final class Compare {

    private final Options options;
    private final PrintStream log;
    private final OpRegistry registry = OpRegistry.load();
    private final Map<String, Boolean> installed = new HashMap<>();

    /** A runner for {@code options}, logging progress to {@code log}. */
    public Compare(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    /** Command-line entry point; see {@link Options#USAGE}. */
    public static void main(String[] args) {
        try {
            Options o = Options.parse(args);
            if (o.help()) {
                System.out.print(Options.USAGE);
                return;
            }
            if (o.list()) {
                System.out.print(listing(OpRegistry.load()));
                return;
            }
            Compare c = new Compare(o, System.err);
            List<Row> rows = c.run();
            System.out.print(ResultTable.text(rows));
            System.err.println("compare: wrote " + o.out().resolve("compare.csv") + " and " + o.out().resolve("compare.md"));
        } catch (TomolyteException e) {
            System.err.println("compare: " + e.getMessage());
            System.exit(e.exitCode());
        } catch (UncheckedIOException | IllegalStateException e) {
            System.err.println("compare: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The case list with their ops, inputs, peers and whether this build has the ops. */
    public static String listing(OpRegistry registry) {
        StringBuilder b = new StringBuilder();
        for (Case c : Cases.all()) {
            List<String> missing = CaseExecution.missingOps(registry, c);
            b.append(String.format(Locale.ROOT, "%-13s %-40s %-6s peers: %-22s %s%n", c.name(), c.timedOps(),
                    c.input().name().toLowerCase(Locale.ROOT), String.join(",", c.peers().stream().map(Peer::tool).toList()),
                    missing.isEmpty() ? c.summary() : "NOT AVAILABLE (" + String.join(", ", missing) + ")"));
        }
        return b.toString();
    }

    /** Runs every size and case, writes compare.csv and compare.md, and returns the rows. */
    public List<Row> run() {
        List<Case> cases = Cases.select(options.cases());
        List<Row> rows = new ArrayList<>();
        try {
            Files.createDirectories(options.out());
            Files.createDirectories(options.data());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + options.out() + ": " + e.getMessage(), e);
        }
        for (Dims dims : options.sizes()) {
            String size = Options.sizeLabel(dims);
            Path dir = options.data().resolve(dims.nx() + "x" + dims.ny() + "x" + dims.nz());
            long t0 = System.nanoTime();
            boolean made = BenchPhantom.ensure(dir, dims, options.seed());
            log.printf(Locale.ROOT, "compare: phantom %s %s in %s (%.1f s)%n", size, made ? "generated" : "reused", dir,
                    (System.nanoTime() - t0) * 1e-9);
            for (Case c : cases) {
                List<Row> caseRows = runCase(c, dims, size, dir);
                for (Row r : caseRows) {
                    log.printf(Locale.ROOT, "compare: %-12s %-8s tomolyte %s s, %s %s s, ratio %s %s%n", r.caseName(), size,
                            ResultTable.seconds(r.tomolyteSeconds()), r.peer(), ResultTable.seconds(r.peerSeconds()),
                            ResultTable.ratio(r.ratio()), r.note());
                }
                rows.addAll(caseRows);
            }
        }
        write(rows);
        return rows;
    }

    /** The rows of one case at one size. */
    List<Row> runCase(Case c, Dims dims, String size, Path dir) {
        List<String> missing = CaseExecution.missingOps(registry, c);
        String floorAll = Floors.text(c);
        if (!missing.isEmpty()) {
            return List.of(new Row(c.name(), c.timedOps(), size, Double.NaN, -1, "-", Double.NaN, -1, floorAll,
                    floorAll.isEmpty() ? Row.Met.NONE : Row.Met.UNKNOWN,
                    "not available: op " + String.join(", ", missing) + " not registered in this build"));
        }
        Measurement tomo = measureTomolyte(c, dims, dir);
        String tomoNote = tomo.ok() ? "" : "tomolyte failed: " + tomo.error();
        long voxels = dims.voxels();
        List<Row> rows = new ArrayList<>();
        for (Peer p : c.peers()) {
            if (!options.wantsPeer(p.tool())) {
                continue;
            }
            Measurement pm = null;
            String note;
            if (voxels > p.maxVoxels()) {
                note = p.skipNote();
            } else if (!installed(p)) {
                note = p.tool() + " not installed: peer skipped";
            } else {
                pm = measurePeer(p, c, dims, dir);
                note = pm.ok() ? "" : p.tool() + " failed: " + pm.error();
            }
            rows.add(row(c, p, size, tomo, pm, join(tomoNote, note), voxels));
        }
        if (rows.isEmpty()) {
            rows.add(row(c, null, size, tomo, null, tomoNote, voxels));
        }
        return rows;
    }

    private static Row row(Case c, Peer p, String size, Measurement tomo, Measurement pm, String note, long voxels) {
        return new Row(c.name(), c.timedOps(), size, tomo.medianSeconds(), tomo.ok() ? tomo.peakRssBytes() : -1,
                p == null ? "-" : p.tool(), pm == null ? Double.NaN : pm.medianSeconds(), pm != null && pm.ok() ? pm.peakRssBytes() : -1,
                Floors.text(c, p), Floors.evaluate(c, p, tomo, pm, voxels, voxels), note);
    }

    private Measurement measureTomolyte(Case c, Dims dims, Path dir) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx" + options.childHeap(), "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), CaseMain.class.getName(), "--case", c.name(),
                "--dims", dims.nx() + "x" + dims.ny() + "x" + dims.nz(), "--data", dir.toString(),
                "--threads", String.valueOf(options.threads()), "--reps", String.valueOf(options.reps()),
                "--warmup", String.valueOf(options.warmup()));
        return measured(ProcessRunner.run(cmd, Map.of(), options.timeoutSeconds(), options.out()));
    }

    private Measurement measurePeer(Peer p, Case c, Dims dims, Path dir) {
        Path raw = dir.resolve(c.input().fileName()).toAbsolutePath();
        String threads = String.valueOf(options.threads());
        Map<String, String> env = Map.of("OMP_NUM_THREADS", threads, "OPENBLAS_NUM_THREADS", threads, "MKL_NUM_THREADS", threads);
        try {
            return switch (p.kind()) {
                case PYTHON -> {
                    Path script = options.out().resolve("peer-" + c.name() + "-" + p.tool() + ".py");
                    Files.writeString(script, PythonScript.source(p), StandardCharsets.UTF_8);
                    yield measured(ProcessRunner.run(PythonScript.command(script, raw, dims, BenchPhantom.SPACING_UM, options.reps(),
                            options.peerWarmup()), env, options.timeoutSeconds(), options.out()));
                }
                case IMAGEJ -> {
                    Path macro = options.out().resolve("peer-" + c.name() + "-imagej.ijm");
                    Path rss = options.out().resolve("peer-" + c.name() + "-imagej.rss");
                    Files.writeString(macro, ImageJMacro.source(p), StandardCharsets.UTF_8);
                    Files.deleteIfExists(rss);
                    // Debian's launcher refuses -x above min(physical memory, 8000) MB
                    long heapMb = Math.min(Math.min(8000, org.tomolyte.core.MemoryBudget.physicalBytes() >> 20),
                            Math.max(1024, dims.voxels() * 12 / (1 << 20)));
                    ProcessRunner.Result r = ProcessRunner.run(ImageJMacro.command(macro.toAbsolutePath(), rss.toAbsolutePath(), raw, dims,
                            options.reps(), options.peerWarmup(), heapMb), env, options.timeoutSeconds(), options.out());
                    String rssText = Files.isRegularFile(rss) ? Files.readString(rss) : "";
                    // Debian's imagej launcher exits with status 1 after a batch macro that ran to the
                    // end; the macro's own "seconds=" line is the proof of success
                    int code = r.exitCode() == 1 && r.stdout().contains("seconds=") ? 0 : r.exitCode();
                    yield measured(new ProcessRunner.Result(code, r.stdout() + "\n" + rssText, r.stderr(), r.timedOut()));
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the peer script to " + options.out() + ": " + e.getMessage(), e);
        }
    }

    private Measurement measured(ProcessRunner.Result r) {
        if (r.timedOut()) {
            return Measurement.failed("ran past --timeout " + options.timeoutSeconds() + " s");
        }
        Measurement m = Measurement.parse(KeyValues.parse(r.stdout()));
        if (m.ok() && r.exitCode() != 0) {
            return Measurement.failed("exit " + r.exitCode() + ": " + r.lastLine());
        }
        if (!m.ok() && m.error().equals("no timings reported")) {
            return Measurement.failed("exit " + r.exitCode() + ": " + r.lastLine());
        }
        return m;
    }

    private boolean installed(Peer p) {
        return installed.computeIfAbsent(p.tool(), t -> switch (p.kind()) {
            case IMAGEJ -> ImageJMacro.available();
            case PYTHON -> PythonPeer.available(t);
        });
    }

    private void write(List<Row> rows) {
        String header = header();
        try {
            Files.writeString(options.out().resolve("compare.csv"), ResultTable.csv(rows), StandardCharsets.UTF_8);
            Files.writeString(options.out().resolve("compare.md"), header + "\n" + ResultTable.markdown(rows), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the table to " + options.out() + ": " + e.getMessage(), e);
        }
    }

    /** The Markdown preamble: date, machine, software versions and settings. */
    String header() {
        String peers = PythonPeer.available("numpy", "scipy", "skimage")
                ? PythonPeer.run("import sys, numpy, scipy, skimage\nprint('Python %s, numpy %s, scipy %s, scikit-image %s' % "
                        + "(sys.version.split()[0], numpy.__version__, scipy.__version__, skimage.__version__))").strip()
                : "Python peers not installed";
        return String.format(Locale.ROOT, """
                Tomolyte vs peers, %s UTC, on %s (%d logical CPUs, %s RAM), Java %s, %s%s.
                Tomolyte threads %d, %d timed runs per side (median) after %d warm-up run(s) (peers: %d); \
                phantom: cracked LPS pellet, u8, %s um voxels, seed %d. Ratio = peer s / Tomolyte s. \
                Peak RSS: whole process (Tomolyte: a child JVM per case, VmHWM; Python: ru_maxrss), input included; \
                the memory floor counts Tomolyte's peak above the JVM's baseline before loading.
                """, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace("T", " ").replace("Z", ""), cpuModel(),
                Runtime.getRuntime().availableProcessors(), ResultTable.bytes(org.tomolyte.core.MemoryBudget.physicalBytes()),
                System.getProperty("java.runtime.version"), peers, ImageJMacro.available() ? ", ImageJ (Debian imagej, xvfb-run)" : "",
                options.threads(), options.reps(), options.warmup(), options.peerWarmup(), ResultTable.number(BenchPhantom.SPACING_UM),
                options.seed());
    }

    private static String cpuModel() {
        Path info = Path.of("/proc/cpuinfo");
        try {
            if (Files.isReadable(info)) {
                for (String line : Files.readAllLines(info)) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            }
            return System.getProperty("os.arch");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + info, e);
        }
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }
}
