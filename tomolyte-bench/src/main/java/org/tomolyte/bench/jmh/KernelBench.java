package org.tomolyte.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of every kernel, each called through the op registry exactly as the comparison
 * case of the same name ({@link org.tomolyte.bench.Cases}). Parameters: {@code op} (the case;
 * choose a family with {@code -p op=gaussian,median,mean}), {@code size} ({@code N} for N^3 or
 * {@code NXxNYxNZ}; default 128) and {@code threads} (default 2). Run with
 * {@code java -jar tomolyte-bench/target/benchmarks.jar KernelBench -p op=edt -p size=256}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
public class KernelBench {

    /** The case (op) benchmarked. */
    @Param({"gaussian", "median", "mean", "nlm", "otsu", "hysteresis", "erode", "dilate", "open", "close", "fill_holes",
            "label", "remove_small", "properties", "edt", "resample", "tilt_correct", "histogram", "fractions", "convert"})
    public String op;

    /** Phantom size: N (N^3) or NXxNYxNZ. */
    @Param({"128"})
    public String size;

    /** Tomolyte threads. */
    @Param({"2"})
    public int threads;

    private OpBench bench;

    /** Generates the phantom and prepares the case. */
    @Setup(Level.Trial)
    public void setup() {
        bench = OpBench.open(op, size, threads);
    }

    /** One run of the case. */
    @Benchmark
    public void run() {
        bench.run();
    }

    /** Frees the volumes. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (bench != null) {
            bench.close();
        }
    }
}
