package org.tomolyte.core;

/**
 * A parameter or option value is out of its allowed range or malformed. The message names the
 * parameter, the allowed range and the value given, e.g.
 * {@code sigma_um must be > 0, got -1.0}.
 */
public final class ParameterException extends TomolyteException {

    public ParameterException(String message) {
        super(message, null);
    }

    public ParameterException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 2;
    }
}
