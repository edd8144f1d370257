package org.tomolyte.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.tomolyte.core.Volume;

/**
 * Runs Debian's Python ({@code /usr/bin/python3}) as a peer for comparison tests: numpy, scipy,
 * scikit-image, tifffile, Pillow, zarr, h5py. A test first asks {@link #available(String...)}
 * and skips when a module is missing, so the suite passes without them; with JUnit:
 *
 * <pre>{@code
 * Assumptions.assumeTrue(PythonPeer.available("zarr"), PythonPeer.skipMessage("zarr"));
 * String out = PythonPeer.run(script, dir.toString());
 * }</pre>
 *
 * <p>Values go between the two sides as little-endian float64 files, numpy's
 * {@code a.astype('<f8').tofile(f)} and {@code np.fromfile(f, '<f8')}: see {@link #readF64(Path)}
 * and {@link #writeF64(Volume, Path)}.
 *
 * <p>This class does not depend on any test framework; failures are unchecked exceptions.
 */
public final class PythonPeer {

    /** The interpreter used: Debian's, whose packages ({@code python3-skimage} etc.) CI installs. */
    public static final String PYTHON = "/usr/bin/python3";

    /** How long one script may run before it is killed and {@link #run} fails. */
    public static final long TIMEOUT_SECONDS = 120;

    /** Answers of {@link #available}, keyed by the sorted module names. */
    private static final Map<String, Boolean> AVAILABLE = new ConcurrentHashMap<>();

    private PythonPeer() {
    }

    /**
     * True when {@link #PYTHON} exists and imports every module named (e.g. {@code "numpy",
     * "skimage"}). The answer is computed once per set of modules and cached for the JVM.
     *
     * @param modules Python module names, as written after {@code import}
     * @return whether all of them can be imported
     */
    public static boolean available(String... modules) {
        String key = String.join(",", new TreeSet<>(List.of(modules)));
        return AVAILABLE.computeIfAbsent(key, k -> {
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
        });
    }

    /**
     * The message for a test skipped because {@link #available(String...)} said no, e.g.
     * {@code "/usr/bin/python3 with zarr not available: skipping peer comparison"}.
     *
     * @param what the missing module(s) or package, as a reader would name it
     * @return the one-line skip message
     */
    public static String skipMessage(String what) {
        return PYTHON + " with " + what + " not available: skipping peer comparison";
    }

    /**
     * Runs {@code script} with {@link #PYTHON}, passing {@code args} as {@code sys.argv[1:]}, and
     * returns its standard output. The script is written to a temporary file (deleted
     * afterwards); standard output and error go to temporary files too, so a chatty script
     * cannot block on a full pipe.
     *
     * @param script Python source
     * @param args   command-line arguments for the script
     * @return everything the script printed to standard output (UTF-8)
     * @throws IllegalStateException when the script exits non-zero (the message holds its
     *                               standard error), runs over {@link #TIMEOUT_SECONDS}, or
     *                               cannot be started
     */
    public static String run(String script, String... args) {
        List<Path> temps = new ArrayList<>();
        try {
            Path file = temp(temps, ".py");
            Path out = temp(temps, ".out");
            Path err = temp(temps, ".err");
            Files.writeString(file, script, StandardCharsets.UTF_8);
            List<String> cmd = new ArrayList<>(List.of(PYTHON, file.toString()));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("python peer script timed out after " + TIMEOUT_SECONDS + " s; standard error so far:\n"
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("python peer script failed (exit " + p.exitValue() + "):\n"
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + PYTHON + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + PYTHON, e);
        } finally {
            for (Path t : temps) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }

    /**
     * Reads a file of little-endian float64 values, as numpy's {@code a.astype('<f8').tofile(f)}
     * writes it (C order, so x fastest for an array shaped (z, y, x)).
     *
     * @param file the file
     * @return its values
     * @throws UncheckedIOException when it cannot be read
     */
    public static double[] readF64(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read peer output " + file, e);
        }
        if (bytes.length % Double.BYTES != 0) {
            throw new IllegalStateException(file + " has " + bytes.length + " bytes, not a whole number of float64 values");
        }
        double[] values = new double[bytes.length / Double.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
        return values;
    }

    /**
     * Writes the voxels of {@code v} (x fastest) as little-endian float64 values, for numpy's
     * {@code np.fromfile(f, '<f8')}.
     *
     * @param v    the volume; at most 2^28 voxels
     * @param file the file, replaced if it exists
     * @throws UncheckedIOException when it cannot be written
     */
    public static void writeF64(Volume v, Path file) {
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(v.voxels() * Double.BYTES)).order(ByteOrder.LITTLE_ENDIAN);
        for (long i = 0; i < v.voxels(); i++) {
            b.putDouble(v.get(i));
        }
        try {
            Files.write(file, b.array());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write peer input " + file, e);
        }
    }

    private static Path temp(List<Path> temps, String suffix) throws IOException {
        Path p = Files.createTempFile("tomolyte-peer", suffix);
        temps.add(p);
        return p;
    }
}
