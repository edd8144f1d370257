package org.tomolyte.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.pipeline.OpRegistry;
import org.tomolyte.pipeline.Plan;
import org.tomolyte.pipeline.Preflight;
import org.tomolyte.pipeline.Protocol;
import org.tomolyte.pipeline.ProtocolParser;
import org.tomolyte.pipeline.Series;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tomolyte run PROTOCOL --out DIR}: preflight, then run a protocol. */
@Command(name = "run", description = "Run a protocol: results.json, per-step outputs, report.html and provenance.json in --out.")
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PROTOCOL", description = "Protocol YAML file (tomolyte: 1).")
    Path protocol;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (created; a rerun resumes finished steps).")
    Path out;

    @Option(names = "--input", paramLabel = "NAME=PATH",
            description = "Use PATH for the protocol's input NAME. Repeat a NAME (or use a glob such as scans/t*.tif) to run a series.")
    List<String> inputs = List.of();

    @Option(names = "--preflight", description = "Only check the protocol and inputs and print the plan; compute nothing.")
    boolean preflight;

    @Mixin
    ReadOptionsMixin read;

    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() {
        Map<String, List<String>> overrides = new LinkedHashMap<>();
        for (String s : inputs) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new ParameterException("--input must be NAME=PATH, got '" + s + "'");
            }
            overrides.computeIfAbsent(s.substring(0, eq), k -> new java.util.ArrayList<>()).add(s.substring(eq + 1));
        }
        if (out == null && !preflight) {
            throw new ParameterException("--out DIR is required (or give --preflight)");
        }
        Protocol p = ProtocolParser.parse(protocol);
        List<Series.Item> items = Series.items(p, overrides);
        List<Plan> plans = Series.plan(p, items, read.toOptions(), OpRegistry.load());
        Plan plan = plans.get(0);
        var o = Cli.out();
        if (preflight) {
            if (items.size() > 1) {
                o.printf("series of %d items: %s%n", items.size(), String.join(", ", items.stream().map(Series.Item::name).toList()));
            }
            o.printf("protocol %s: OK (%d inputs, %d steps)%n", p.name(), plan.inputs().size(), plan.steps().size());
            for (Plan.PlannedInput in : plan.inputs()) {
                if (in.isTable()) {
                    o.printf("  input %-12s %s  table%n", in.name(), in.source());
                } else {
                    var vs = in.volumeSpec();
                    o.printf("  input %-12s %s  %s %s, voxel %s%n", in.name(), in.source(), vs.dims(), vs.type().label(), vs.spacing());
                }
            }
            for (Plan.PlannedStep s : plan.steps()) {
                o.printf("  step  %-12s %s%n", s.step().id(), s.op().id());
                s.outputs().forEach((port, spec) -> o.printf("        -> %-10s %s%n", port, describe(spec)));
            }
            if (p.series() != null && !p.series().steps().isEmpty()) {
                Plan sp = Preflight.planSeries(plan, OpRegistry.load());
                o.printf("series steps (once, on the series tables):%n");
                for (Plan.PlannedStep s : sp.steps()) {
                    o.printf("  step  %-12s %s  <- %s%n", s.step().id(), s.op().id(), String.join(", ",
                            s.inputs().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
                    s.outputs().forEach((port, spec) -> o.printf("        -> %-10s %s%n", port, describe(spec)));
                }
            }
            o.flush();
            return 0;
        }
        Series.run(items, plans, out, new ConsoleListener());
        o.printf("done: %d steps%s; results in %s (results.json, report.html)%n", plan.steps().size(),
                items.size() > 1 ? " on each of " + items.size() + " series items" : "", out);
        o.flush();
        return 0;
    }

    private static String describe(DataSpec spec) {
        return switch (spec) {
            case DataSpec.VolumeSpec v -> "volume " + v.dims() + " " + v.type().label();
            case DataSpec.TableSpec t -> "table " + t.name() + ".csv";
        };
    }
}
