package org.tomolyte.io.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs helper scripts with Debian's Python ({@code /usr/bin/python3}) for peer comparisons. */
final class PythonPeer {

    static final String PYTHON = "/usr/bin/python3";

    private PythonPeer() {
    }

    /** True when {@code /usr/bin/python3 -c 'import MODULES'} succeeds. */
    static boolean has(String modules) {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import " + modules).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Writes {@code script} to {@code dir}, runs it with {@code args} and returns its stdout lines; fails on a non-zero exit. */
    static List<String> run(Path dir, String script, String... args) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "peer", ".py");
        Files.writeString(file, script);
        List<String> cmd = new ArrayList<>(List.of(PYTHON, file.toString()));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile(dir, "peer", ".err");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python helper timed out");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("python helper failed (exit " + p.exitValue() + "): " + Files.readString(err));
        }
        return out.lines().toList();
    }

    /** Reads a little-endian float64 file written by numpy's {@code tofile}. */
    static double[] readF64(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[b.remaining() / 8];
        b.asDoubleBuffer().get(out);
        return out;
    }
}
