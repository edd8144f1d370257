package org.tomolyte.core;

/** Tomolyte itself failed: an I/O error while writing results, an interrupted computation, a broken invariant. Exit code 1. */
public final class InternalException extends TomolyteException {

    public InternalException(String message) {
        super(message, null);
    }

    public InternalException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 1;
    }
}
