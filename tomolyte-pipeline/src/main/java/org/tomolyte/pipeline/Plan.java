package org.tomolyte.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.io.ReadOptions;

/**
 * A protocol checked by the preflight: every input probed, every op found, every parameter
 * validated, every connection type-checked, and the spec of every output known. Running a plan
 * can only fail on the data itself, not on a typo.
 *
 * @param protocol the protocol
 * @param inputs   resolved inputs in protocol order
 * @param steps    planned steps in order
 * @param tables   tables given in memory rather than read from files, keyed as steps refer to them
 *                 ({@code series}, {@code STEP.PORT}): the series tables a series-level plan runs on
 */
public record Plan(Protocol protocol, List<PlannedInput> inputs, List<PlannedStep> steps, Map<String, org.tomolyte.core.Table> tables) {

    /** A plan whose inputs all come from files. */
    public Plan(Protocol protocol, List<PlannedInput> inputs, List<PlannedStep> steps) {
        this(protocol, inputs, steps, Map.of());
    }

    /**
     * A resolved input.
     *
     * @param name    input name
     * @param source  the path (or {@code FILE.h5:/dataset}) actually read
     * @param file    the file or directory on disk
     * @param options read options (spacing override, raw layout, dataset)
     * @param spec    what it holds: a {@link DataSpec.VolumeSpec}, or a {@link DataSpec.TableSpec} for a file a
     *                {@link org.tomolyte.io.TableSource} reads (e.g. an EC-Lab {@code .mpr})
     */
    public record PlannedInput(String name, String source, Path file, ReadOptions options, DataSpec spec) {

        /** True when this input is a table. */
        public boolean isTable() {
            return spec instanceof DataSpec.TableSpec;
        }

        /** The volume spec; fails for a table input. */
        public DataSpec.VolumeSpec volumeSpec() {
            if (spec instanceof DataSpec.VolumeSpec v) {
                return v;
            }
            throw new org.tomolyte.core.InternalException("input '" + name + "' is a table, not a volume");
        }
    }

    /**
     * Where a step input comes from.
     *
     * @param producer an input name or a step id
     * @param port     the producing step's output port, or null for a protocol input
     */
    public record Ref(String producer, String port) {
        /** {@code producer} or {@code producer.port}. */
        @Override
        public String toString() {
            return port == null ? producer : producer + "." + port;
        }
    }

    /**
     * A validated step.
     *
     * @param step    the protocol step
     * @param op      the op
     * @param params  the bound, validated parameter record
     * @param inputs  input port to its source
     * @param outputs output port to its spec, in the op's order
     * @param metricRefs parameter key to the metric it takes at run time ({@code STEP.METRIC}, e.g. {@code otsu.threshold});
     *                   {@code params} holds a stand-in value inside each parameter's range until then
     */
    public record PlannedStep(Protocol.Step step, Op<?> op, Record params, Map<String, Ref> inputs, Map<String, DataSpec> outputs,
                              Map<String, String> metricRefs) {
    }
}
