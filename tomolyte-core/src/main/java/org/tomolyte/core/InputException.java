package org.tomolyte.core;

/**
 * A file or data set is not what was expected: corrupt, truncated, unsupported encoding, wrong
 * dimensions or type, contains NaN where not allowed, or too large for the memory available.
 * The message names the file (or data set) and says what was expected and what was found.
 */
public final class InputException extends TomolyteException {

    public InputException(String message) {
        super(message, null);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 2;
    }
}
