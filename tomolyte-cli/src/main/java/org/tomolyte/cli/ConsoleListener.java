package org.tomolyte.cli;

import java.util.Locale;
import org.tomolyte.core.Progress;
import org.tomolyte.pipeline.Protocol;
import org.tomolyte.pipeline.RunListener;

/** Prints one line per step to standard error, and a progress bar for long work. */
final class ConsoleListener implements RunListener {

    @Override
    public void stepStarted(int index, int count, Protocol.Step step, boolean resumed) {
        Cli.err().printf(Locale.ROOT, "[%d/%d] %s (%s)%s%n", index + 1, count, step.id(), step.op(), resumed ? ": saved outputs reused" : "");
    }

    @Override
    public void stepFinished(int index, int count, Protocol.Step step, double seconds) {
        if (seconds >= 1) {
            Cli.err().printf(Locale.ROOT, "      %s took %.1f s%n", step.id(), seconds);
        }
    }

    @Override
    public void note(String message) {
        Cli.err().println("      " + message);
    }

    @Override
    public Progress progress() {
        return Cli.progress();
    }
}
