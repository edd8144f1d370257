package org.tomolyte.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.ParamBinder;
import org.tomolyte.core.op.ParamInfo;
import org.tomolyte.core.op.Port;
import org.tomolyte.pipeline.Json;
import org.tomolyte.pipeline.OpRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tomolyte ops}: every op with its inputs, outputs and parameters (units, defaults, ranges). */
@Command(name = "ops", description = "List every op with its inputs, outputs and parameters (units, defaults, ranges).")
final class OpsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Parameters(arity = "0..1", paramLabel = "OP", description = "Show only this op.")
    String only;

    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() {
        OpRegistry reg = OpRegistry.load();
        List<Op<?>> ops = only == null ? reg.all() : List.of(reg.get(only));
        var out = Cli.out();
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Op<?> op : ops) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", op.id());
                m.put("version", op.version());
                m.put("summary", op.summary());
                m.put("reference", op.reference());
                m.put("inputs", ports(op.inputs()));
                m.put("outputs", ports(op.outputs()));
                List<Map<String, Object>> params = new ArrayList<>();
                for (ParamInfo p : ParamBinder.describe(op.paramsType())) {
                    Map<String, Object> pm = new LinkedHashMap<>();
                    pm.put("name", p.name());
                    pm.put("type", p.type());
                    pm.put("unit", p.unit());
                    pm.put("default", p.defaultValue());
                    pm.put("required", p.defaultValue() == null && !p.optional());
                    pm.put("range", p.range());
                    if (!p.choices().isEmpty()) {
                        pm.put("choices", p.choices());
                    }
                    pm.put("doc", p.doc());
                    params.add(pm);
                }
                m.put("params", params);
                list.add(m);
            }
            out.print(Json.text(list));
        } else {
            for (Op<?> op : ops) {
                out.printf("%s (version %d)%n  %s%n", op.id(), op.version(), op.summary());
                if (!op.reference().isEmpty()) {
                    out.printf("  reference: %s%n", op.reference());
                }
                for (Port p : op.inputs()) {
                    out.printf("  in   %-12s %s%s: %s%n", p.name(), p.kind().name().toLowerCase(java.util.Locale.ROOT),
                            p.optional() ? ", optional" : "", p.description());
                }
                for (Port p : op.outputs()) {
                    out.printf("  out  %-12s %s: %s%n", p.name(), p.kind().name().toLowerCase(java.util.Locale.ROOT), p.description());
                }
                for (ParamInfo p : ParamBinder.describe(op.paramsType())) {
                    StringBuilder sb = new StringBuilder();
                    sb.append(p.type());
                    if (!p.unit().isEmpty()) {
                        sb.append(", ").append(p.unit());
                    }
                    if (!p.range().isEmpty()) {
                        sb.append(", ").append(p.range());
                    }
                    sb.append(p.defaultValue() != null ? ", default " + p.defaultValue() : p.optional() ? ", optional" : ", required");
                    out.printf("  param %-11s (%s) %s%n", p.name(), sb, p.doc());
                }
                out.println();
            }
        }
        out.flush();
        return 0;
    }

    private static List<Map<String, Object>> ports(List<Port> ports) {
        List<Map<String, Object>> l = new ArrayList<>();
        for (Port p : ports) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT));
            m.put("optional", p.optional());
            m.put("description", p.description());
            l.add(m);
        }
        return l;
    }
}
