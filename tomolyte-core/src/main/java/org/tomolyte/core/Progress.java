package org.tomolyte.core;

/**
 * Reports the progress of long work. Implementations must be thread-safe: parallel tasks call
 * {@link #advance} concurrently. The command line shows a bar with an ETA for work that takes
 * longer than a second; tests and libraries pass {@link #NONE}.
 */
public interface Progress {

    /** Ignores all reports. */
    Progress NONE = new Progress() {
        @Override
        public void start(String task, long totalUnits) {
        }

        @Override
        public void advance(long units) {
        }

        @Override
        public void done() {
        }
    };

    /** Begins a task of {@code totalUnits} units (slices, blocks, steps), named for the user. */
    void start(String task, long totalUnits);

    /** Records that {@code units} more units are complete. */
    void advance(long units);

    /** Ends the current task. */
    void done();
}
