package org.tomolyte.core.op;

import java.util.List;
import java.util.Map;

/**
 * An operation: the unit of work of a protocol. An op has a stable {@link #id()} (the protocol
 * and CLI contract, e.g. {@code threshold.global}), a parameter {@link #version()} that is
 * raised whenever the meaning of a parameter changes, a parameter record {@code P} whose compact
 * constructor validates every value, declared named inputs and outputs, a {@link #preflight}
 * that checks inputs and declares outputs without computing, and {@link #run} that computes.
 *
 * <p>Ops are thin: parameters and ports here, the algorithm in a plain class beside it, so that
 * the algorithm can be called from Java without the pipeline. Ops are found with
 * {@link java.util.ServiceLoader} (list them in {@code META-INF/services/org.tomolyte.core.op.Op}).
 *
 * @param <P> the parameter record
 */
public interface Op<P extends Record> {

    /** Stable id, lower case, dotted: {@code family.name}. */
    String id();

    /** Parameter version, starting at 1. */
    int version();

    /** One-line description. */
    String summary();

    /** The paper or method implemented, for the docs (may be empty). */
    default String reference() {
        return "";
    }

    /** The parameter record type; its components carry {@link Param} annotations. */
    Class<P> paramsType();

    /** Declared inputs, in order. */
    List<Port> inputs();

    /** Declared outputs, in order; the first is the step's primary output. */
    List<Port> outputs();

    /**
     * Checks that the inputs suit the op and declares the outputs, without computing.
     *
     * @param params validated parameters
     * @param inputs the spec of each connected input by port name
     * @return the spec of each output by port name
     * @throws org.tomolyte.core.ParameterException or {@link org.tomolyte.core.InputException} when they do not
     */
    Map<String, DataSpec> preflight(P params, Map<String, DataSpec> inputs);

    /** Computes. */
    OpResult run(P params, OpInputs inputs, OpContext context);
}
