package org.tomolyte.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tomolyte.core.Dims;
import org.tomolyte.core.ParameterException;

/**
 * The Python program that times a {@link Peer.Kind#PYTHON} peer: it loads the u8 raw input with
 * {@code numpy.fromfile} (as {@code a}, shape {@code (nz, ny, nx)}), runs the peer's setup once,
 * runs the timed body {@code warmup} times untimed and {@code reps} times timed with
 * {@code time.perf_counter}, and prints {@code seconds=}, {@code peak_rss_kb=}
 * ({@code resource.getrusage(RUSAGE_SELF).ru_maxrss}) and {@code base_rss_kb=} ({@code VmRSS}
 * before loading). Arguments: raw path, nx, ny, nz, sx, sy, sz (um), reps, warmup.
 */
public final class PythonScript {

    /** The interpreter: Debian's, with python3-numpy, python3-scipy and python3-skimage. */
    public static final String PYTHON = "/usr/bin/python3";

    private PythonScript() {
    }

    /** The program for {@code peer}. */
    public static String source(Peer peer) {
        if (peer.kind() != Peer.Kind.PYTHON) {
            throw new ParameterException("peer " + peer.tool() + " is not a Python peer");
        }
        return """
                import sys, time, resource
                import numpy as np

                def rss_kb(key):
                    with open('/proc/self/status') as f:
                        for line in f:
                            if line.startswith(key + ':'):
                                return int(line.split()[1])
                    return -1

                path = sys.argv[1]
                nx, ny, nz = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
                spacing = (float(sys.argv[7]), float(sys.argv[6]), float(sys.argv[5]))  # (z, y, x) um
                voxel_um3 = spacing[0] * spacing[1] * spacing[2]
                reps, warmup = int(sys.argv[8]), int(sys.argv[9])
                base = rss_kb('VmRSS')
                a = np.fromfile(path, dtype=np.uint8).reshape(nz, ny, nx)
                %s

                def run():
                %s
                    return r

                for _ in range(warmup):
                    run()
                times = []
                for _ in range(reps):
                    t0 = time.perf_counter()
                    r = run()
                    times.append(time.perf_counter() - t0)
                    del r
                print('seconds=' + ','.join('%%.6f' %% t for t in times))
                print('peak_rss_kb=%%d' %% resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
                print('base_rss_kb=%%d' %% base)
                """.formatted(peer.setup(), indent(peer.body()));
    }

    /** The command line that runs {@code scriptFile} on the raw input {@code raw}. */
    public static List<String> command(Path scriptFile, Path raw, Dims dims, double spacingUm, int reps, int warmup) {
        List<String> cmd = new ArrayList<>(List.of(PYTHON, scriptFile.toString(), raw.toString()));
        cmd.addAll(List.of(String.valueOf(dims.nx()), String.valueOf(dims.ny()), String.valueOf(dims.nz())));
        String s = String.format(Locale.ROOT, "%s", spacingUm);
        cmd.addAll(List.of(s, s, s, String.valueOf(reps), String.valueOf(warmup)));
        return cmd;
    }

    private static String indent(String body) {
        StringBuilder b = new StringBuilder();
        for (String line : body.split("\\R")) {
            b.append(b.isEmpty() ? "" : "\n").append("    ").append(line);
        }
        return b.toString();
    }
}
