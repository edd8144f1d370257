package org.tomolyte.io.tiff;

/**
 * A compressed TIFF strip or tile cannot be decoded. Codecs throw it without knowing which file
 * they decode; the reader turns it into an {@link org.tomolyte.core.InputException} naming the
 * file, page and strip.
 */
final class CorruptDataException extends Exception {

    CorruptDataException(String message) {
        super(message);
    }

    CorruptDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
