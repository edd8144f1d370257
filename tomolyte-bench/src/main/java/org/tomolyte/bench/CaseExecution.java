package org.tomolyte.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.ParamBinder;
import org.tomolyte.core.op.Port;
import org.tomolyte.pipeline.OpRegistry;

/**
 * Runs a {@link Case}'s Tomolyte side through the op registry, by op id and protocol parameters,
 * exactly as a protocol step would: parameters are bound and validated once, each call is
 * preflighted, and each step's primary output feeds the next step's first input. The setup steps
 * run once when the execution is opened; {@link #runOnce()} runs the timed steps and frees
 * their outputs.
 */
public final class CaseExecution implements AutoCloseable {

    private final Volume input;
    private final List<Bound<?>> timed;
    private final List<Volume> owned = new ArrayList<>();
    private final Volume prepared;

    /**
     * Binds every step of {@code c} and runs its setup steps on {@code input} (which stays owned by
     * the caller).
     *
     * @throws ParameterException when an op is not registered or a parameter is refused by it
     */
    public CaseExecution(OpRegistry registry, Case c, Volume input) {
        List<String> missing = missingOps(registry, c);
        if (!missing.isEmpty()) {
            throw new ParameterException("case " + c.name() + " is not available: op " + String.join(", ", missing)
                    + " not registered in this build");
        }
        this.input = input;
        List<Bound<?>> setup = bind(registry, c.setup());
        this.timed = bind(registry, c.timed());
        Volume cur = input;
        try {
            for (Bound<?> b : setup) {
                OpResult r = b.run(cur);
                Volume next = asVolume(b, r);
                for (Object o : r.outputs().values()) {
                    if (o instanceof Volume v && v != next && !overlaps(v, input) && !overlaps(v, next)) {
                        v.close();
                    }
                }
                owned.add(next);
                cur = next;
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.prepared = cur;
    }

    /** The op ids of {@code c} that {@code registry} does not have, in order; empty when all are there. */
    public static List<String> missingOps(OpRegistry registry, Case c) {
        List<String> ids = registry.all().stream().map(Op::id).toList();
        return c.opIds().stream().filter(id -> !ids.contains(id)).toList();
    }

    /** Runs the timed steps once and frees what they produced. */
    public void runOnce() {
        Volume cur = prepared;
        java.util.Set<Volume> produced = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        try {
            for (int i = 0; i < timed.size(); i++) {
                Bound<?> b = timed.get(i);
                OpResult r = b.run(cur);
                for (Object o : r.outputs().values()) {
                    if (o instanceof Volume v && !overlaps(v, input) && !overlaps(v, prepared)) {
                        produced.add(v);
                    }
                }
                if (i + 1 < timed.size()) {
                    cur = asVolume(b, r);
                }
            }
        } finally {
            produced.forEach(Volume::close);
        }
    }

    /** Frees the setup steps' outputs (not the input). */
    @Override
    public void close() {
        owned.stream().filter(v -> !overlaps(v, input)).forEach(Volume::close);
        owned.clear();
    }

    private static boolean overlaps(Volume a, Volume b) {
        return a == b || a.segment().asOverlappingSlice(b.segment()).isPresent();
    }

    private static List<Bound<?>> bind(OpRegistry registry, List<Step> steps) {
        List<Bound<?>> out = new ArrayList<>();
        for (Step s : steps) {
            out.add(Bound.of(registry.get(s.op()), s.params()));
        }
        return out;
    }

    private static Volume asVolume(Bound<?> b, OpResult r) {
        Port first = b.op().outputs().getFirst();
        if (r.outputs().get(first.name()) instanceof Volume v) {
            return v;
        }
        throw new ParameterException("op " + b.op().id() + " gives a " + first.kind().name().toLowerCase(java.util.Locale.ROOT)
                + " on '" + first.name() + "', so it can only be the last step of a case");
    }

    /** An op with its bound parameters. */
    private record Bound<P extends Record>(Op<P> op, P params) {

        static <P extends Record> Bound<P> of(Op<P> op, Map<String, Object> raw) {
            try {
                return new Bound<>(op, ParamBinder.bind(op.paramsType(), raw));
            } catch (ParameterException e) {
                throw new ParameterException("op " + op.id() + ": " + e.getMessage());
            }
        }

        OpResult run(Volume in) {
            List<Port> ports = op.inputs();
            if (ports.isEmpty() || ports.getFirst().kind() != Port.Kind.VOLUME) {
                throw new InternalException("op " + op.id() + " has no volume input to benchmark");
            }
            String port = ports.getFirst().name();
            op.preflight(params, Map.of(port, new DataSpec.VolumeSpec(in.dims(), in.type(), in.spacing())));
            return op.run(params, new OpInputs(Map.of(port, in)), OpContext.QUIET);
        }
    }
}
