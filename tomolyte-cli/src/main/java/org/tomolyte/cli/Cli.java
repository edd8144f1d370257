package org.tomolyte.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.tomolyte.core.Progress;

/** Console streams for the commands: standard output for results, standard error for progress. */
final class Cli {

    private static PrintStream outStream;
    private static PrintWriter out;
    private static PrintStream errStream;
    private static Progress progress;

    private Cli() {
    }

    /** A UTF-8 writer on the current standard output. */
    static synchronized PrintWriter out() {
        if (out == null || outStream != System.out) {
            outStream = System.out;
            out = new PrintWriter(new OutputStreamWriter(outStream, StandardCharsets.UTF_8), true);
        }
        return out;
    }

    /** The current standard error. */
    static PrintStream err() {
        return System.err;
    }

    /** A progress bar on the current standard error (redrawn in place on a terminal). */
    static synchronized Progress progress() {
        if (progress == null || errStream != System.err) {
            errStream = System.err;
            progress = new ConsoleProgress(errStream, System.console() != null);
        }
        return progress;
    }
}
