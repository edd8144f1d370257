package org.tomolyte.core;

/**
 * The one unchecked exception family of Tomolyte.
 *
 * <p>Every failure that a user can cause or that Tomolyte detects is one of three kinds:
 * <ul>
 *   <li>{@link InputException}: a file or data set is corrupt, truncated, of the wrong shape or
 *       type, too large for memory, or otherwise not what was expected (exit code 2);</li>
 *   <li>{@link ParameterException}: a parameter or option is out of its allowed range or
 *       malformed (exit code 2);</li>
 *   <li>{@link InternalException}: Tomolyte itself failed (an I/O error while writing, a broken
 *       invariant); exit code 1.</li>
 * </ul>
 * Messages are one line and name the file or parameter, what was expected and what was found.
 */
public abstract sealed class TomolyteException extends RuntimeException
        permits InputException, ParameterException, InternalException {

    protected TomolyteException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Process exit code the command-line front end uses for this failure: 2 for bad input, 1 otherwise. */
    public abstract int exitCode();
}
