package org.tomolyte.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.TomolyteException;
import org.tomolyte.core.Volume;
import org.tomolyte.pipeline.OpRegistry;

/**
 * The child JVM that measures one case's Tomolyte side, so that its peak resident memory belongs
 * to that case alone. It reads the phantom volume from the data folder into native memory, runs
 * the case's setup steps, the timed steps {@code --warmup} times untimed and {@code --reps} times
 * timed ({@link System#nanoTime()}), and prints {@link Measurement}'s {@code key=value} lines:
 * {@code seconds}, {@code peak_rss_kb} ({@code VmHWM} of {@code /proc/self/status}) and
 * {@code base_rss_kb} ({@code VmRSS} before the input was read), or {@code error} (exit 2 for a
 * parameter or input problem, 1 otherwise).
 *
 * <p>Arguments: {@code --case NAME --dims NXxNYxNZ --data DIR --threads N --reps N --warmup N}.
 */
public final class CaseMain {

    private CaseMain() {
    }

    /** Entry point of the child JVM. */
    public static void main(String[] args) {
        try {
            System.out.print(measure(args));
            System.out.flush();
        } catch (TomolyteException e) {
            System.out.println("error=" + oneLine(e.getMessage()));
            System.exit(2);
        } catch (RuntimeException | OutOfMemoryError e) {
            System.out.println("error=" + oneLine(e.getClass().getSimpleName() + ": " + e.getMessage()));
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Runs the measurement described by {@code args} in this JVM and returns the {@code key=value} lines. */
    static String measure(String[] args) {
        String caseName = null;
        Dims dims = null;
        Path data = null;
        int threads = 1;
        int reps = 3;
        int warmup = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--case" -> caseName = v;
                case "--dims" -> dims = Options.parseSizes(v).getFirst();
                case "--data" -> data = Path.of(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--reps" -> reps = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                default -> throw new org.tomolyte.core.ParameterException("unknown argument '" + args[i] + "'");
            }
        }
        if (caseName == null || dims == null || data == null) {
            throw new org.tomolyte.core.ParameterException("--case, --dims and --data are required");
        }
        Case c = Cases.byName(caseName);
        Parallel.setThreads(threads);
        long base = statusKib("VmRSS");
        double[] seconds = new double[reps];
        try (Volume input = BenchPhantom.load(data, c.input(), dims);
             CaseExecution run = new CaseExecution(OpRegistry.load(), c, input)) {
            for (int i = 0; i < warmup; i++) {
                run.runOnce();
            }
            for (int i = 0; i < reps; i++) {
                long t0 = System.nanoTime();
                run.runOnce();
                seconds[i] = (System.nanoTime() - t0) * 1e-9;
            }
        }
        StringJoiner s = new StringJoiner(",");
        for (double v : seconds) {
            s.add(String.format(Locale.ROOT, "%.6f", v));
        }
        return "seconds=" + s + "\npeak_rss_kb=" + statusKib("VmHWM") + "\nbase_rss_kb=" + base + "\n";
    }

    /** A {@code kB} field of {@code /proc/self/status} ({@code VmRSS}, {@code VmHWM}), -1 where there is none (not Linux). */
    static long statusKib(String key) {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.substring(key.length() + 1).trim().split("\\s+")[0]);
                }
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + status, e);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    }
}
