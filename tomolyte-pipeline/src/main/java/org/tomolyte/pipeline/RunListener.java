package org.tomolyte.pipeline;

import org.tomolyte.core.Progress;

/** Receives what a run is doing, for the command line's progress display. */
public interface RunListener {

    /** Says nothing. */
    RunListener QUIET = new RunListener() {
    };

    /** Step {@code index} (0-based) of {@code count} starts; {@code resumed} when its saved outputs are reused. */
    default void stepStarted(int index, int count, Protocol.Step step, boolean resumed) {
    }

    /** Step finished after {@code seconds}. */
    default void stepFinished(int index, int count, Protocol.Step step, double seconds) {
    }

    /** A message worth showing (reading inputs, writing outputs). */
    default void note(String message) {
    }

    /** Where ops report progress. */
    default Progress progress() {
        return Progress.NONE;
    }
}
