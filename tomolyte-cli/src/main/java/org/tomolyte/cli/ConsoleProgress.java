package org.tomolyte.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.tomolyte.core.Progress;

/**
 * A progress bar with ETA on standard error, shown only for tasks that run longer than a second.
 * On a terminal the bar is redrawn in place at most five times a second; otherwise (CI logs) a
 * line is printed at most every ten seconds. Thread-safe.
 */
final class ConsoleProgress implements Progress {

    private static final long SHOW_AFTER_NS = 1_000_000_000L;
    private final PrintStream out;
    private final boolean terminal;
    private String task = "";
    private long total;
    private long done;
    private long startNs;
    private long lastDrawNs;
    private boolean drawn;

    ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void start(String name, long totalUnits) {
        finishLine();
        task = name;
        total = Math.max(1, totalUnits);
        done = 0;
        startNs = System.nanoTime();
        lastDrawNs = startNs;
        drawn = false;
    }

    @Override
    public synchronized void advance(long units) {
        done = Math.min(total, done + units);
        long now = System.nanoTime();
        if (now - startNs < SHOW_AFTER_NS) {
            return;
        }
        long every = terminal ? 200_000_000L : 10_000_000_000L;
        if (now - lastDrawNs >= every || done == total) {
            draw(now);
        }
    }

    @Override
    public synchronized void done() {
        if (drawn) {
            done = total;
            draw(System.nanoTime());
        }
        finishLine();
    }

    private void draw(long now) {
        lastDrawNs = now;
        double f = (double) done / total;
        double elapsed = (now - startNs) / 1e9;
        String eta = f > 0 && f < 1 ? " ETA " + time(elapsed * (1 - f) / f) : " " + time(elapsed);
        int width = 30;
        int filled = (int) Math.round(f * width);
        String bar = "[" + "#".repeat(filled) + " ".repeat(width - filled) + "]";
        String line = String.format(Locale.ROOT, "%s %3.0f%% %s%s", bar, 100 * f, task, eta);
        if (terminal) {
            out.print("\r" + line + "   ");
        } else {
            out.println(line);
        }
        out.flush();
        drawn = true;
    }

    private void finishLine() {
        if (drawn && terminal) {
            out.println();
        }
        drawn = false;
    }

    private static String time(double s) {
        if (s < 60) {
            return String.format(Locale.ROOT, "%.0fs", Math.ceil(s));
        }
        return String.format(Locale.ROOT, "%dm%02ds", (long) s / 60, (long) s % 60);
    }
}
