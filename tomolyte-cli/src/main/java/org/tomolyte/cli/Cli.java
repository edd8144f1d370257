package org.tomolyte.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.tomolyte.core.Progress;

/** Shared console streams for the commands. */
final class Cli {

    private static final PrintWriter OUT = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    private static final Progress PROGRESS = new ConsoleProgress(new PrintStream(System.err, true, StandardCharsets.UTF_8),
            System.console() != null);

    private Cli() {
    }

    static PrintWriter out() {
        return OUT;
    }

    static Progress progress() {
        return PROGRESS;
    }
}
