package org.tomolyte.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's Python ({@code /usr/bin/python3}) as a peer for comparison tests: scipy,
 * scikit-image, numpy, tifffile, zarr, h5py. Tests ask {@link #available(String...)} first and
 * skip (with JUnit's Assumptions) when a module is missing, so the suite passes without them.
 */
public final class PythonPeer {

    /** The interpreter used: Debian's, whose packages ({@code python3-skimage} etc.) CI installs. */
    public static final String PYTHON = "/usr/bin/python3";

    private PythonPeer() {
    }

    /** True when the interpreter exists and imports every module named. */
    public static boolean available(String... modules) {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return false;
        }
        StringBuilder code = new StringBuilder();
        for (String m : modules) {
            code.append("import ").append(m).append('\n');
        }
        try {
            run(code.toString());
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /**
     * Runs {@code script} with {@code args} and returns its standard output.
     *
     * @throws IllegalStateException with the script's standard error when it fails or runs over two minutes
     */
    public static String run(String script, String... args) {
        try {
            Path f = Files.createTempFile("tomolyte-peer", ".py");
            Files.writeString(f, script, StandardCharsets.UTF_8);
            List<String> cmd = new ArrayList<>(List.of(PYTHON, f.toString()));
            cmd.addAll(List.of(args));
            Path out = Files.createTempFile("tomolyte-peer", ".out");
            Path err = Files.createTempFile("tomolyte-peer", ".err");
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("python peer timed out");
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            Files.deleteIfExists(f);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("python peer failed: " + stderr);
            }
            return stdout;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + PYTHON + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
