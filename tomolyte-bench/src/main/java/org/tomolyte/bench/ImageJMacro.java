package org.tomolyte.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tomolyte.core.Dims;
import org.tomolyte.core.ParameterException;

/**
 * The ImageJ 1 macro that times an {@link Peer.Kind#IMAGEJ} peer with Debian's {@code imagej}
 * (ImageJ 1.53), which runs macros only with a display, hence under {@code xvfb-run}. The macro
 * opens the u8 raw input ("Raw..." import), and for each run duplicates it, applies the peer's
 * setup (untimed, e.g. conversion to 32-bit), times the body with {@code getTime()} (ms), closes
 * the duplicate, and prints {@code seconds=}. Peak memory is GNU time's {@code %M} of the whole
 * ImageJ process ({@code /usr/bin/time -o FILE}); the argument is
 * {@code path|nx|ny|nz|reps|warmup}. Debian's launcher ({@code imagej -x MB -b MACRO ARG}) runs
 * {@code java -mxMBm ij.ImageJ -batch MACRO 'ARG'}; {@code -x} may not exceed min(physical
 * memory, 8000) MB.
 */
public final class ImageJMacro {

    /** Debian's ImageJ launcher. */
    public static final Path IMAGEJ = Path.of("/usr/bin/imagej");
    /** The virtual X server wrapper. */
    public static final Path XVFB_RUN = Path.of("/usr/bin/xvfb-run");
    /** GNU time, for the peak resident set. */
    public static final Path TIME = Path.of("/usr/bin/time");

    private ImageJMacro() {
    }

    /** True when {@code imagej} and {@code xvfb-run} are installed. */
    public static boolean available() {
        return Files.isExecutable(IMAGEJ) && Files.isExecutable(XVFB_RUN);
    }

    /** The macro for {@code peer}. */
    public static String source(Peer peer) {
        if (peer.kind() != Peer.Kind.IMAGEJ) {
            throw new ParameterException("peer " + peer.tool() + " is not an ImageJ peer");
        }
        return """
                args = split(getArgument(), "|");
                run("Raw...", "open=[" + args[0] + "] image=8-bit width=" + args[1] + " height=" + args[2]
                    + " number=" + args[3] + " offset=0 gap=0 little-endian");
                rename("tomolyte_input");
                reps = parseInt(args[4]);
                warmup = parseInt(args[5]);
                times = "";
                for (i = 0; i < warmup + reps; i++) {
                    selectImage("tomolyte_input");
                    run("Duplicate...", "title=tomolyte_work duplicate");
                    selectImage("tomolyte_work");
                    %s
                    t0 = getTime();
                    %s
                    t = (getTime() - t0) / 1000;
                    if (i >= warmup) {
                        if (lengthOf(times) > 0) times = times + ",";
                        times = times + d2s(t, 3);
                    }
                    selectImage("tomolyte_work");
                    close();
                }
                print("seconds=" + times);
                """.formatted(peer.setup(), peer.body());
    }

    /** The command line: {@code xvfb-run -a /usr/bin/time -f peak_rss_kb=%M -o RSS imagej -x HEAP -b MACRO ARG}. */
    public static List<String> command(Path macro, Path rssFile, Path raw, Dims dims, int reps, int warmup, long heapMb) {
        List<String> cmd = new ArrayList<>(List.of(XVFB_RUN.toString(), "-a"));
        if (Files.isExecutable(TIME)) {
            cmd.addAll(List.of(TIME.toString(), "-f", "peak_rss_kb=%M", "-o", rssFile.toString()));
        }
        cmd.addAll(List.of(IMAGEJ.toString(), "-x", String.valueOf(heapMb), "-b", macro.toString(),
                raw + "|" + dims.nx() + "|" + dims.ny() + "|" + dims.nz() + "|" + reps + "|" + warmup));
        return cmd;
    }
}
