package org.tomolyte.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tomolyte.core.Dims;
import org.tomolyte.core.ParameterException;

/**
 * Options of the comparison runner ({@link Compare}); {@link #USAGE} documents them.
 *
 * @param sizes          phantom sizes, in order
 * @param threads        Tomolyte threads (peers: {@code OMP_NUM_THREADS} etc.), 1..1024
 * @param cases          case names; empty for all
 * @param reps           timed runs per side, &gt;= 1 (the issue asks for the median of &gt;= 3)
 * @param warmup         untimed Tomolyte runs before timing, &gt;= 0
 * @param peerWarmup     untimed peer runs before timing, &gt;= 0
 * @param out            folder for compare.csv and compare.md
 * @param data           folder for the phantom files (one subfolder per size)
 * @param peers          peer tools to run (scipy, skimage, numpy, imagej); empty: all installed
 * @param noPeers        run no peers
 * @param timeoutSeconds time limit of each measuring process
 * @param childHeap      maximum Java heap of each Tomolyte child JVM ({@code -Xmx}, e.g. 2g); volumes are off-heap
 * @param seed           phantom seed
 * @param list           list the cases and exit
 * @param help           print {@link #USAGE} and exit
 */
public record Options(List<Dims> sizes, int threads, List<String> cases, int reps, int warmup, int peerWarmup, Path out, Path data,
                      Set<String> peers, boolean noPeers, long timeoutSeconds, String childHeap, long seed, boolean list,
                      boolean help) {

    /** The default sizes: 512^3 only (1024x1024x512 takes minutes and many GB; ask for it with --sizes). */
    public static final List<Dims> DEFAULT_SIZES = List.of(new Dims(512, 512, 512));

    /** Command-line help. */
    public static final String USAGE = """
            Usage: bench/compare [options]
            Runs each case in Tomolyte (through the op registry, one child JVM per case) and in the
            peers (scipy, scikit-image, numpy; ImageJ 1 when imagej and xvfb-run are installed) on
            the test kit's cracked-pellet phantom (u8) and prints the comparison table.
              --sizes LIST        sizes, N (N^3) or NXxNYxNZ, comma-separated (default 512;
                                  the issue's second size is 1024x1024x512)
              --threads N         Tomolyte threads (default 2)
              --cases LIST        case names, comma-separated (default all; --list shows them)
              --reps N            timed runs per side; the median is reported (default 3)
              --warmup N          untimed Tomolyte runs before timing (default 1)
              --peer-warmup N     untimed peer runs before timing (default 0)
              --peers LIST        peers to run: scipy,skimage,numpy,imagej (default all installed)
              --no-peers          run Tomolyte only
              --out DIR           where compare.csv and compare.md go (default bench-results)
              --data DIR          where the phantom files go (default OUT/data)
              --timeout S         time limit per measuring process in seconds (default 3600)
              --child-heap SIZE   -Xmx of the Tomolyte child JVMs (default 2g; volumes are off-heap)
              --seed N            phantom seed (default 1)
              --list              list the cases and exit
              --help              this text
            """;

    /** Validates the values. */
    public Options {
        if (sizes.isEmpty()) {
            throw new ParameterException("--sizes needs at least one size");
        }
        sizes = List.copyOf(sizes);
        cases = List.copyOf(cases);
        peers = Set.copyOf(peers);
        check("--threads", threads, 1, 1024);
        check("--reps", reps, 1, 1000);
        check("--warmup", warmup, 0, 1000);
        check("--peer-warmup", peerWarmup, 0, 1000);
        if (timeoutSeconds < 1) {
            throw new ParameterException("--timeout must be >= 1 s, got " + timeoutSeconds);
        }
        if (!childHeap.matches("[0-9]+[kKmMgG]?")) {
            throw new ParameterException("--child-heap must be a Java heap size such as 2g or 512m, got '" + childHeap + "'");
        }
        for (String p : peers) {
            if (!List.of("scipy", "skimage", "numpy", "imagej").contains(p)) {
                throw new ParameterException("--peers must name scipy, skimage, numpy or imagej, got '" + p + "'");
            }
        }
        data = data == null ? out.resolve("data") : data;
    }

    /** Parses the command line. */
    public static Options parse(String... args) {
        List<Dims> sizes = DEFAULT_SIZES;
        int threads = 2;
        List<String> cases = List.of();
        int reps = 3;
        int warmup = 1;
        int peerWarmup = 0;
        Path out = Path.of("bench-results");
        Path data = null;
        Set<String> peers = Set.of();
        boolean noPeers = false;
        long timeout = 3600;
        String heap = "2g";
        long seed = 1;
        boolean list = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--sizes" -> sizes = parseSizes(value(args, ++i, a));
                case "--threads" -> threads = integer(value(args, ++i, a), a);
                case "--cases" -> cases = splitList(value(args, ++i, a));
                case "--reps" -> reps = integer(value(args, ++i, a), a);
                case "--warmup" -> warmup = integer(value(args, ++i, a), a);
                case "--peer-warmup" -> peerWarmup = integer(value(args, ++i, a), a);
                case "--peers" -> peers = new LinkedHashSet<>(splitList(value(args, ++i, a)));
                case "--no-peers" -> noPeers = true;
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--data" -> data = Path.of(value(args, ++i, a));
                case "--timeout" -> timeout = integer(value(args, ++i, a), a);
                case "--child-heap" -> heap = value(args, ++i, a);
                case "--seed" -> seed = whole(value(args, ++i, a), a);
                case "--list" -> list = true;
                case "--help", "-h" -> help = true;
                default -> throw new ParameterException("unknown option '" + a + "' (--help lists them)");
            }
        }
        return new Options(sizes, threads, cases, reps, warmup, peerWarmup, out, data, peers, noPeers, timeout, heap, seed, list, help);
    }

    /** Parses {@code 512,1024x1024x512}: N is N^3, NXxNYxNZ as given. */
    public static List<Dims> parseSizes(String text) {
        List<Dims> out = new ArrayList<>();
        for (String s : splitList(text)) {
            String t = s.toLowerCase(Locale.ROOT);
            try {
                if (t.matches("[0-9]+")) {
                    int n = Integer.parseInt(t);
                    out.add(new Dims(n, n, n));
                } else if (t.matches("[0-9]+x[0-9]+x[0-9]+")) {
                    String[] p = t.split("x");
                    out.add(new Dims(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])));
                } else {
                    throw new ParameterException("--sizes entries must be N or NXxNYxNZ, got '" + s + "'");
                }
            } catch (NumberFormatException e) {
                throw new ParameterException("--sizes entry out of range: '" + s + "'");
            }
        }
        if (out.isEmpty()) {
            throw new ParameterException("--sizes needs at least one size, got '" + text + "'");
        }
        return out;
    }

    /** {@code 512^3} for a cube, else {@code 1024x1024x512}. */
    public static String sizeLabel(Dims d) {
        return d.nx() == d.ny() && d.ny() == d.nz() ? d.nx() + "^3" : d.nx() + "x" + d.ny() + "x" + d.nz();
    }

    /** True when {@code tool} should run (before checking that it is installed). */
    public boolean wantsPeer(String tool) {
        return !noPeers && (peers.isEmpty() || peers.contains(tool));
    }

    private static List<String> splitList(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new ParameterException(option + " needs a value");
        }
        return args[i];
    }

    private static int integer(String v, String option) {
        long l = whole(v, option);
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw new ParameterException(option + " must be a whole number in the int range, got '" + v + "'");
        }
        return (int) l;
    }

    private static long whole(String v, String option) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new ParameterException(option + " must be a whole number, got '" + v + "'");
        }
    }

    private static void check(String option, int v, int min, int max) {
        if (v < min || v > max) {
            throw new ParameterException(option + " must be in " + min + ".." + max + ", got " + v);
        }
    }
}
