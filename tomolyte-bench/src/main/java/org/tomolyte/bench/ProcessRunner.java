package org.tomolyte.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one measuring process (a child JVM, Python or ImageJ) with a time limit, output to files. */
final class ProcessRunner {

    /**
     * What a process left.
     *
     * @param exitCode exit status (-1 when it was killed at the time limit)
     * @param stdout   standard output
     * @param stderr   standard error
     * @param timedOut true when it ran past the limit and was killed
     */
    record Result(int exitCode, String stdout, String stderr, boolean timedOut) {

        /** The last non-blank line of standard error, or of standard output, for a one-line note. */
        String lastLine() {
            for (String text : List.of(stderr, stdout)) {
                String[] lines = text.strip().split("\\R");
                if (!lines[lines.length - 1].isBlank()) {
                    return lines[lines.length - 1].strip();
                }
            }
            return "exit " + exitCode;
        }
    }

    private ProcessRunner() {
    }

    /** Runs {@code cmd} with extra environment {@code env}, killing it after {@code timeoutSeconds}. */
    static Result run(List<String> cmd, Map<String, String> env, long timeoutSeconds, Path workDir) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile(workDir, "proc", ".out");
            err = Files.createTempFile(workDir, "proc", ".err");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            return new Result(done ? p.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), !done);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + cmd.getFirst(), e);
        } finally {
            delete(out);
            delete(err);
        }
    }

    private static void delete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete temporary file " + p, e);
            }
        }
    }
}
