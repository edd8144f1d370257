package org.tomolyte.cli;

import org.tomolyte.core.Parallel;
import picocli.CommandLine.Option;

/** Options every command accepts: {@code --threads} and {@code --debug}. */
final class GlobalOptions {

    static volatile boolean debug;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores). Results do not depend on it.")
    void threads(int n) {
        Parallel.setThreads(n);
    }

    @Option(names = "--debug", description = "Show the stack trace of an error.")
    void debug(boolean on) {
        debug = on;
    }
}
