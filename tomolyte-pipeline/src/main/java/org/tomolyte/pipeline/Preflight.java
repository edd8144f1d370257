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
        List<Plan.PlannedStep> steps = new ArrayList<>();
        for (Protocol.Step step : protocol.steps()) {
            String where = protocol.file() + ": step '" + step.id() + "' (" + step.op() + "): ";
            try {
                Op<?> op = registry.get(step.op());
                Record params = ParamBinder.bind(op.paramsType(), step.params());
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
                steps.add(new Plan.PlannedStep(step, op, params, refs, ordered));
            } catch (ParameterException e) {
                throw new ParameterException(where + e.getMessage(), e);
            } catch (InputException e) {
                throw new InputException(where + e.getMessage(), e);
            }
        }
        return new Plan(protocol, inputs, steps);
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
