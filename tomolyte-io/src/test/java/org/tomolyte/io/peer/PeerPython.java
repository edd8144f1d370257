package org.tomolyte.io.peer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.tomolyte.core.Volume;

/**
 * Runs peer scripts with Debian's Python ({@code /usr/bin/python3}, which has numpy, zarr 2.13,
 * h5py and tifffile) for comparisons; tests skip when the interpreter or a module is missing.
 */
public final class PeerPython {

    /** The interpreter used for peer comparisons. */
    public static final String PYTHON = "/usr/bin/python3";

    private static final Map<String, Boolean> AVAILABLE = new ConcurrentHashMap<>();

    private PeerPython() {
    }

    /** Skips the calling test unless {@code import module} works in {@link #PYTHON}. */
    public static void assumeModule(String module) {
        boolean ok = AVAILABLE.computeIfAbsent(module, m -> {
            if (!Files.isExecutable(Path.of(PYTHON))) {
                return false;
            }
            try {
                Process p = new ProcessBuilder(PYTHON, "-c", "import " + m).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        Assumptions.assumeTrue(ok, PYTHON + " with module " + module + " not available: skipping peer comparison");
    }

    /**
     * Runs {@code script} with {@code args} (as {@code sys.argv[1:]}) and returns its standard
     * output; fails the test with the script's error output when it exits non-zero.
     */
    public static String run(String script, String... args) {
        List<String> cmd = new ArrayList<>(List.of(PYTHON, "-c", script));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).start();
            byte[][] err = new byte[1][];
            Thread errReader = Thread.ofVirtual().start(() -> {
                try {
                    err[0] = p.getErrorStream().readAllBytes();
                } catch (IOException e) {
                    err[0] = ("cannot read error output: " + e.getMessage()).getBytes(StandardCharsets.UTF_8);
                }
            });
            byte[] out = p.getInputStream().readAllBytes();
            errReader.join();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("python peer script timed out");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("python peer script failed (exit " + p.exitValue() + "):\n"
                        + new String(err[0], StandardCharsets.UTF_8) + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + PYTHON + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Reads a file of little-endian float64 values (as written by numpy's {@code a.astype('<f8').tofile(f)}). */
    public static double[] readF8(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[b.remaining() / 8];
        b.asDoubleBuffer().get(out);
        return out;
    }

    /** Writes the voxels of {@code v} (x fastest) as little-endian float64 values, for numpy to compare against. */
    public static void writeF8(Volume v, Path file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(v.voxels() * 8)).order(ByteOrder.LITTLE_ENDIAN);
        for (long i = 0; i < v.voxels(); i++) {
            b.putDouble(v.get(i));
        }
        Files.write(file, b.array());
    }

    /** Asserts that {@code v} holds exactly {@code expected} (x fastest; NaN equals NaN). */
    public static void assertValues(double[] expected, Volume v, String what) {
        if (expected.length != v.voxels()) {
            throw new AssertionError(what + ": expected " + expected.length + " values, volume has " + v.voxels());
        }
        for (int i = 0; i < expected.length; i++) {
            if (Double.compare(expected[i], v.get(i)) != 0) {
                throw new AssertionError(what + ": voxel " + i + " expected " + expected[i] + " found " + v.get(i));
            }
        }
    }
}
