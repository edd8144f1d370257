package org.tomolyte.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Table;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Metrics;
import org.tomolyte.io.TableCsv;
import org.tomolyte.io.VolumeIO;

/**
 * The {@code step.json} of a finished step: its key, metrics, outputs and files. Used to resume
 * a run without recomputing the step.
 *
 * @param json the parsed file
 */
record StepRecord(Map<String, Object> json) {

    static final String FILE = "step.json";

    /** The record in {@code dir} when it exists and has key {@code key}, else null. */
    static StepRecord load(Path dir, String key) {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            Map<String, Object> j = Json.read(f);
            return key.equals(j.get("key")) ? new StepRecord(j) : null;
        } catch (InputException e) {
            return null;
        }
    }

    /** True when every output a later step needs was saved and every listed file exists. */
    boolean complete(Path dir, Plan.PlannedStep ps, Map<String, Integer> lastUse, int index) {
        for (String f : files()) {
            if (!Files.exists(dir.resolve(f))) {
                return false;
            }
        }
        for (String port : ps.outputs().keySet()) {
            Map<String, Object> o = output(port);
            if (o == null) {
                return false;
            }
            if (Runner.needed(ps.step().id(), port, lastUse, index) && o.get("file") == null) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> output(String port) {
        Object outs = json.get("outputs");
        return outs instanceof Map<?, ?> m && m.get(port) instanceof Map<?, ?> o ? (Map<String, Object>) o : null;
    }

    @SuppressWarnings("unchecked")
    Metrics metrics() {
        return Metrics.fromMap((Map<String, ?>) json.getOrDefault("metrics", Map.of()));
    }

    @SuppressWarnings("unchecked")
    List<String> files() {
        return (List<String>) json.getOrDefault("files", List.of());
    }

    /** Loads a saved output back: a volume with its recorded spacing, or a table with its recorded columns. */
    @SuppressWarnings("unchecked")
    Object loadOutput(Path dir, String port, DataSpec spec) {
        Map<String, Object> o = output(port);
        Path file = dir.resolve(String.valueOf(o.get("file")));
        if ("volume".equals(o.get("kind"))) {
            return VolumeIO.read(file, Runner.spacingOptions((List<?>) o.get("spacing_um")), Progress.NONE);
        }
        Table.Builder b = Table.builder(String.valueOf(o.get("table")));
        for (Map<String, Object> c : (List<Map<String, Object>>) o.get("columns")) {
            b.column(String.valueOf(c.get("name")), String.valueOf(c.get("unit")),
                    Table.Kind.valueOf(String.valueOf(c.get("kind")).toUpperCase(Locale.ROOT)), String.valueOf(c.get("description")));
        }
        return TableCsv.read(file, b.build());
    }
}
