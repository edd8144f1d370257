package org.tomolyte.core.op;

import org.tomolyte.core.PhaseTable;
import org.tomolyte.core.Progress;

/**
 * What a running op may use besides its inputs.
 *
 * @param progress where to report progress
 * @param phases   the protocol's phase names ({@link PhaseTable#NONE} when it names none)
 */
public record OpContext(Progress progress, PhaseTable phases) {

    /** No progress reporting, no phase names: for tests and direct Java use. */
    public static final OpContext QUIET = new OpContext(Progress.NONE, PhaseTable.NONE);
}
