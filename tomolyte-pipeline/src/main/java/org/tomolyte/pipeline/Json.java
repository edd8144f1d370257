package org.tomolyte.pipeline;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.tomolyte.core.InputException;
import org.tomolyte.core.InternalException;
import org.tomolyte.io.AtomicFiles;

/**
 * JSON reading and writing for results, provenance and step records: two-space indentation,
 * {@code \n} line ends, keys in insertion order, numbers in Java's shortest round-trip form,
 * so equal content gives byte-identical files. Writes are atomic.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private Json() {
    }

    /** The value as JSON text ending in a newline. */
    public static String text(Object value) {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(pp).writeValueAsString(value) + "\n";
        } catch (IOException e) {
            throw new InternalException("cannot encode JSON: " + e.getMessage(), e);
        }
    }

    /** Writes {@code value} to {@code file} atomically. */
    public static void write(Path file, Object value) {
        AtomicFiles.writeString(file, text(value));
    }

    /** Parses JSON object text (as printed by {@code --json} commands). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readText(String text) {
        try {
            return MAPPER.readValue(text, java.util.LinkedHashMap.class);
        } catch (IOException e) {
            throw new InputException("not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    /** Parses JSON array text. */
    @SuppressWarnings("unchecked")
    public static java.util.List<Object> readTextList(String text) {
        try {
            return MAPPER.readValue(text, java.util.ArrayList.class);
        } catch (IOException e) {
            throw new InputException("not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    /** Reads a JSON object as ordered maps, lists, Long, Double, String, Boolean. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), java.util.LinkedHashMap.class);
        } catch (IOException e) {
            throw new InputException(file + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }
}
