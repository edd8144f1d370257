package org.tomolyte.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomolyte.core.InputException;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.TomolyteException;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.ParamBinder;
import org.tomolyte.core.op.Port;
import org.tomolyte.io.ReadOptions;
import org.tomolyte.io.TableSource;
import org.tomolyte.io.VolumeHeader;
import org.tomolyte.io.VolumeIO;

/**
 * Checks a protocol without computing: finds each op, binds and validates its parameters,
 * probes each input file's header (a file that a registered {@link TableSource} reads, such as an
 * EC-Lab {@code .mpr}, is a table input and is only checked to exist), resolves and type-checks every connection, and asks each op
 * for its output specs. Takes milliseconds; every error names the protocol file and the step.
 */
public final class Preflight {

    private Preflight() {
    }

    /**
     * Plans {@code protocol}.
     *
     * @param overrides input name to a path given on the command line (replaces the protocol's path)
     * @param cli       read options from the command line (a spacing override, a raw layout) applied to every input, or null
     */
    public static Plan plan(Protocol protocol, Map<String, String> overrides, ReadOptions cli, OpRegistry registry) {
        for (String name : overrides.keySet()) {
            if (!protocol.inputs().containsKey(name)) {
                throw new ParameterException("--input " + name + "=...: the protocol has no input '" + name + "'; its inputs: "
                        + (protocol.inputs().isEmpty() ? "none" : String.join(", ", protocol.inputs().keySet())));
            }
        }
        Path base = protocol.file().toAbsolutePath().getParent();
        List<Plan.PlannedInput> inputs = new ArrayList<>();
        Map<String, DataSpec> available = new LinkedHashMap<>();
        Map<String, Map<String, DataSpec>> stepOutputs = new LinkedHashMap<>();
        for (Protocol.Input in : protocol.inputs().values()) {
            String source;
            if (overrides.containsKey(in.name())) {
                source = overrides.get(in.name());
            } else {
                VolumeIO.Source s = VolumeIO.Source.parse(in.source());
                Path file = base.resolve(s.file()).normalize();
                source = s.dataset() == null ? file.toString() : file + ":" + s.dataset();
            }
            ReadOptions o = in.options();
            java.util.Optional<TableSource> tableSource = TableSource.find(Path.of(source));
            if (tableSource.isPresent()) {
                Path file = Path.of(source);
                if (!java.nio.file.Files.isRegularFile(file)) {
                    throw new InputException("input '" + in.name() + "': " + file + ": no such file");
                }
                DataSpec.TableSpec spec = new DataSpec.TableSpec(in.name());
                inputs.add(new Plan.PlannedInput(in.name(), source, file, o, spec));
                available.put(in.name(), spec);
                continue;
            }
            if (cli != null) {
                o = new ReadOptions(cli.spacing() != null ? cli.spacing() : o.spacing(), cli.raw() != null ? cli.raw() : o.raw(), o.dataset());
            }
            VolumeHeader h;
            try {
                h = VolumeIO.probe(source, o);
            } catch (InputException e) {
                throw new InputException("input '" + in.name() + "': " + e.getMessage(), e);
            }
            DataSpec.VolumeSpec spec = new DataSpec.VolumeSpec(h.dims(), h.type(), h.spacing());
            VolumeIO.Source parsed = VolumeIO.Source.parse(source);
            inputs.add(new Plan.PlannedInput(in.name(), source, parsed.file(),
                    parsed.dataset() != null ? o.withDataset(parsed.dataset()) : o, spec));
            available.put(in.name(), spec);
        }
        List<Plan.PlannedStep> steps = planSteps(protocol, protocol.steps(), available, new LinkedHashMap<>(), registry, "step");
        return new Plan(protocol, inputs, steps);
    }

    /**
     * Plans the protocol's series-level steps ({@code series.steps}). Their inputs are the series
     * metrics table {@code series}, the stacked tables of the item steps ({@code STEP.PORT}, as
     * declared by {@code itemPlan}) and the protocol's table inputs. The tables themselves are
     * attached to the plan when the items have run ({@link Plan#tables()}).
     */
    public static Plan planSeries(Plan itemPlan, OpRegistry registry) {
        Protocol protocol = itemPlan.protocol();
        Map<String, DataSpec> available = new LinkedHashMap<>();
        List<Plan.PlannedInput> inputs = new ArrayList<>();
        for (Plan.PlannedInput in : itemPlan.inputs()) {
            if (in.isTable()) {
                inputs.add(in);
                available.put(in.name(), in.spec());
            }
        }
        available.put("series", new DataSpec.TableSpec("series"));
        Map<String, Map<String, DataSpec>> stacked = new LinkedHashMap<>();
        for (Plan.PlannedStep ps : itemPlan.steps()) {
            Map<String, DataSpec> tables = new LinkedHashMap<>();
            ps.outputs().forEach((port, spec) -> {
                if (spec instanceof DataSpec.TableSpec) {
                    tables.put(port, spec);
                }
            });
            if (!tables.isEmpty()) {
                stacked.put(ps.step().id(), tables);
            }
        }
        List<Plan.PlannedStep> steps = planSteps(protocol, protocol.series().steps(), available, stacked, registry, "series step");
        return new Plan(protocol, inputs, steps);
    }

    private static List<Plan.PlannedStep> planSteps(Protocol protocol, List<Protocol.Step> protocolSteps, Map<String, DataSpec> available,
                                                    Map<String, Map<String, DataSpec>> stepOutputs, OpRegistry registry, String kind) {
        List<Plan.PlannedStep> steps = new ArrayList<>();
        for (Protocol.Step step : protocolSteps) {
            String where = protocol.file() + ": " + kind + " '" + step.id() + "' (" + step.op() + "): ";
            try {
                Op<?> op = registry.get(step.op());
                Map<String, String> metricRefs = new LinkedHashMap<>();
                Map<String, Object> given = withStandIns(op, step.params(), stepOutputs.keySet(), metricRefs);
                Record params = ParamBinder.bind(op.paramsType(), given);
                Map<String, Plan.Ref> refs = new LinkedHashMap<>();
                Map<String, DataSpec> specs = new LinkedHashMap<>();
                List<String> known = op.inputs().stream().map(Port::name).toList();
                for (String port : step.in().keySet()) {
                    if (!known.contains(port)) {
                        throw new ParameterException("unknown input '" + port + "'; this op takes " + String.join(", ", known));
                    }
                }
                for (Port port : op.inputs()) {
                    String ref = step.in().get(port.name());
                    if (ref == null) {
                        if (!port.optional()) {
                            throw new ParameterException("input '" + port.name() + "' is required (" + port.description() + ")");
                        }
                        continue;
                    }
                    Plan.Ref r = resolve(ref, available, stepOutputs);
                    DataSpec spec = r.port() == null ? available.get(r.producer()) : stepOutputs.get(r.producer()).get(r.port());
                    boolean isVolume = spec instanceof DataSpec.VolumeSpec;
                    if (isVolume != (port.kind() == Port.Kind.VOLUME)) {
                        throw new ParameterException("input '" + port.name() + "' needs a " + port.kind().name().toLowerCase(java.util.Locale.ROOT)
                                + " but '" + ref + "' is a " + (isVolume ? "volume" : "table"));
                    }
                    refs.put(port.name(), r);
                    specs.put(port.name(), spec);
                }
                Map<String, DataSpec> out = preflight(op, params, specs);
                Map<String, DataSpec> ordered = new LinkedHashMap<>();
                for (Port p : op.outputs()) {
                    if (!out.containsKey(p.name())) {
                        throw new org.tomolyte.core.InternalException("op " + op.id() + " preflight did not declare output '" + p.name() + "'");
                    }
                    ordered.put(p.name(), out.get(p.name()));
                }
                stepOutputs.put(step.id(), ordered);
                steps.add(new Plan.PlannedStep(step, op, params, refs, ordered, metricRefs));
            } catch (ParameterException e) {
                throw new ParameterException(where + e.getMessage(), e);
            } catch (InputException e) {
                throw new InputException(where + e.getMessage(), e);
            }
        }
        return steps;
    }

    /**
     * Replaces each metric reference ({@code key: {metric: STEP.METRIC}}) by a value that passes
     * the parameter's checks (its default, or a value inside its range), recording the reference.
     * The real value is bound when the step runs ({@link #bindMetrics}).
     */
    private static Map<String, Object> withStandIns(Op<?> op, Map<String, Object> raw, java.util.Set<String> earlier,
                                                        Map<String, String> refs) {
        Map<String, Object> out = new LinkedHashMap<>(raw);
        for (var e : raw.entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> m) || !m.containsKey("metric")) {
                continue;
            }
            String where = "params." + e.getKey();
            Object target = m.get("metric");
            if (m.size() != 1 || target == null || !String.valueOf(target).contains(".")) {
                throw new ParameterException(where + ": a metric reference is {metric: STEP.METRIC} (e.g. {metric: otsu.threshold}), found " + m);
            }
            String ref = String.valueOf(target).trim();
            String producer = ref.substring(0, ref.indexOf('.'));
            if (!earlier.contains(producer)) {
                throw new ParameterException(where + ": '" + producer + "' in {metric: " + ref + "} is not an earlier step; earlier steps: "
                        + (earlier.isEmpty() ? "none" : String.join(", ", earlier)));
            }
            org.tomolyte.core.op.ParamInfo info = ParamBinder.describe(op.paramsType()).stream()
                    .filter(pi -> pi.name().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> new ParameterException("unknown parameter '" + e.getKey() + "'"));
            if (!info.type().equals("number") && !info.type().equals("integer")) {
                throw new ParameterException(where + ": only numeric parameters can take a metric; this one is " + info.type());
            }
            refs.put(e.getKey(), ref);
            if (info.defaultValue() != null && !info.defaultValue().isEmpty()) {
                out.remove(e.getKey());
            } else {
                out.put(e.getKey(), standIn(info));
            }
        }
        return out;
    }

    private static Object standIn(org.tomolyte.core.op.ParamInfo info) {
        boolean lo = info.min() != Double.NEGATIVE_INFINITY;
        boolean hi = info.max() != Double.POSITIVE_INFINITY;
        double v = lo && hi ? (info.min() + info.max()) / 2 : lo ? info.min() + 1 : hi ? info.max() - 1 : 1;
        return info.type().equals("integer") ? (Object) (long) Math.ceil(v) : (Object) v;
    }

    /**
     * Binds a planned step's parameters with its metric references replaced by the values in
     * {@code results} (step id to metrics tree); returns the plan's record when there are none.
     */
    @SuppressWarnings("unchecked")
    static Record bindMetrics(Plan.PlannedStep ps, Map<String, Object> results) {
        if (ps.metricRefs().isEmpty()) {
            return ps.params();
        }
        Map<String, Object> given = new LinkedHashMap<>(ps.step().params());
        for (var e : ps.metricRefs().entrySet()) {
            String ref = e.getValue();
            String[] path = ref.split("\\.");
            Object node = results.get(path[0]);
            for (int i = 1; i < path.length && node instanceof Map<?, ?> m; i++) {
                node = ((Map<String, Object>) m).get(path[i]);
            }
            if (!(node instanceof Number n)) {
                Object metrics = results.get(path[0]);
                throw new ParameterException("params." + e.getKey() + ": step '" + path[0] + "' has no numeric metric '"
                        + ref.substring(path[0].length() + 1) + "'; its metrics: "
                        + (metrics instanceof Map<?, ?> mm ? String.join(", ", ((Map<String, Object>) mm).keySet()) : "none"));
            }
            given.put(e.getKey(), n);
        }
        return ParamBinder.bind(ps.op().paramsType(), given);
    }

    private static Plan.Ref resolve(String ref, Map<String, DataSpec> inputs, Map<String, Map<String, DataSpec>> steps) {
        if (inputs.containsKey(ref)) {
            return new Plan.Ref(ref, null);
        }
        if (steps.containsKey(ref)) {
            return new Plan.Ref(ref, steps.get(ref).keySet().iterator().next());
        }
        int dot = ref.lastIndexOf('.');
        if (dot > 0 && steps.containsKey(ref.substring(0, dot))) {
            String step = ref.substring(0, dot);
            String port = ref.substring(dot + 1);
            if (!steps.get(step).containsKey(port)) {
                throw new ParameterException("step '" + step + "' has no output '" + port + "'; its outputs: "
                        + String.join(", ", steps.get(step).keySet()));
            }
            return new Plan.Ref(step, port);
        }
        List<String> names = new ArrayList<>(inputs.keySet());
        names.addAll(steps.keySet());
        throw new ParameterException("'" + ref + "' is neither an input nor an earlier step; available: "
                + (names.isEmpty() ? "none" : String.join(", ", names)));
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> Map<String, DataSpec> preflight(Op<P> op, Record params, Map<String, DataSpec> specs) {
        try {
            return op.preflight((P) params, specs);
        } catch (TomolyteException e) {
            throw e;
        } catch (ClassCastException e) {
            throw new InputException("an input has the wrong kind of data: " + e.getMessage(), e);
        }
    }
}
