package org.tomolyte.bench.jmh;

import java.util.List;
import org.tomolyte.bench.BenchPhantom;
import org.tomolyte.bench.Case;
import org.tomolyte.bench.CaseExecution;
import org.tomolyte.bench.Cases;
import org.tomolyte.bench.Options;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.pipeline.OpRegistry;

/**
 * What every JMH benchmark measures: one comparison case ({@link Cases}) run through the op
 * registry by id and parameters on the benchmark phantom of the given size, held in memory. A
 * case whose op this build lacks fails its benchmark at setup with a one-line message, and JMH
 * goes on with the others.
 */
public final class OpBench implements AutoCloseable {

    private final BenchPhantom.Data data;
    private final CaseExecution execution;

    private OpBench(BenchPhantom.Data data, CaseExecution execution) {
        this.data = data;
        this.execution = execution;
    }

    /**
     * Prepares case {@code caseName} on a phantom of {@code size} ({@code N} or {@code NXxNYxNZ})
     * with {@code threads} Tomolyte threads.
     *
     * @throws IllegalStateException when an op of the case is not registered in this build
     */
    public static OpBench open(String caseName, String size, int threads) {
        Case c = Cases.byName(caseName);
        OpRegistry registry = OpRegistry.load();
        List<String> missing = CaseExecution.missingOps(registry, c);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("case " + caseName + " not available: op " + String.join(", ", missing)
                    + " not registered in this build");
        }
        Parallel.setThreads(threads);
        Dims dims = Options.parseSizes(size).getFirst();
        BenchPhantom.Data data = BenchPhantom.generate(dims, 1);
        try {
            return new OpBench(data, new CaseExecution(registry, c, data.get(c.input())));
        } catch (RuntimeException e) {
            data.close();
            throw e;
        }
    }

    /** Runs the case's timed steps once. */
    public void run() {
        execution.runOnce();
    }

    /** Frees the phantom and the setup outputs. */
    @Override
    public void close() {
        execution.close();
        data.close();
    }
}
