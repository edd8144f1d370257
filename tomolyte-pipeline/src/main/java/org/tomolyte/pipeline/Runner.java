package org.tomolyte.pipeline;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.MemoryBudget;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Plot;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Table;
import org.tomolyte.core.TomolyteException;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Metrics;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.ParamBinder;
import org.tomolyte.io.AtomicFiles;
import org.tomolyte.io.ReadOptions;
import org.tomolyte.io.TableCsv;
import org.tomolyte.io.TableSource;
import org.tomolyte.io.VolumeIO;
import org.tomolyte.io.WriteOptions;
import org.tomolyte.pipeline.report.HtmlReport;
import org.tomolyte.pipeline.report.PlotRenderer;

/**
 * Runs a {@link Plan} into an output folder:
 * <pre>
 * DIR/results.json      every scalar metric, keyed by step id (byte-identical for any thread count)
 * DIR/&lt;step-id&gt;/        the step's tables (CSV), volumes (TIFF or Zarr), plots (PNG and SVG), step.json
 * DIR/report.html       metrics, tables and plots for a person
 * DIR/provenance.json   tool version and commit, protocol and input hashes, Java, threads, per-step params, seconds, peak_bytes
 * </pre>
 * Each step folder is written under a temporary name and renamed when complete. A run is
 * resumable: a step whose folder holds a {@code step.json} with the same key (op, version,
 * parameters and the keys of everything upstream, down to the input files' SHA-256) and all
 * its saved outputs is loaded instead of recomputed. Volumes are closed after their last use.
 */
public final class Runner {

    private Runner() {
    }

    /**
     * What a run produced.
     *
     * @param outDir  the output folder
     * @param results step id to its metrics tree
     * @param resumed step ids whose outputs were reused
     */
    public record Summary(Path outDir, Map<String, Object> results, List<String> resumed) {
    }

    /** Runs {@code plan} into {@code outDir}, reporting to {@code listener}. */
    public static Summary run(Plan plan, Path outDir, RunListener listener) {
        Instant started = Instant.now();
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new InternalException(outDir + ": cannot create output folder (" + e.getMessage() + ")", e);
        }
        Map<String, Integer> lastUse = lastUse(plan);
        Map<String, Object> values = new HashMap<>();
        Map<String, String> keys = new HashMap<>();
        Map<String, Object> inputProv = new LinkedHashMap<>();
        for (Plan.PlannedInput in : plan.inputs()) {
            String hash = Hashing.ofPath(in.file());
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("path", in.source());
            p.put("sha256", hash);
            if (in.isTable()) {
                p.put("kind", "table");
            } else {
                DataSpec.VolumeSpec vs = in.volumeSpec();
                p.put("dims", List.of(vs.dims().nx(), vs.dims().ny(), vs.dims().nz()));
                p.put("type", vs.type().label());
                p.put("spacing_um", spacingList(vs.spacing()));
            }
            inputProv.put(in.name(), p);
            keys.put(in.name(), Hashing.of(hash + "|" + in.options() + "|" + in.spec()));
        }
        Map<String, StringBuilder> memoryKeys = new LinkedHashMap<>();
        for (var e : plan.tables().entrySet()) {
            String text = TableCsv.text(e.getValue());
            String producer = e.getKey().contains(".") ? e.getKey().substring(0, e.getKey().indexOf('.')) : e.getKey();
            memoryKeys.computeIfAbsent(producer, k -> new StringBuilder()).append(e.getKey()).append('|').append(text);
            inputProv.put(e.getKey(), Map.of("kind", "table", "path", "series:" + e.getKey(), "sha256", Hashing.of(text)));
        }
        memoryKeys.forEach((producer, text) -> keys.put(producer, Hashing.of(text.toString())));
        Map<String, Object> results = new LinkedHashMap<>();
        List<Map<String, Object>> stepProv = new ArrayList<>();
        List<String> resumed = new ArrayList<>();
        List<HtmlReport.StepSection> sections = new ArrayList<>();
        int n = plan.steps().size();
        try {
            for (int i = 0; i < n; i++) {
                Plan.PlannedStep ps = plan.steps().get(i);
                Protocol.Step step = ps.step();
                Record bound;
                try {
                    bound = Preflight.bindMetrics(ps, results);
                } catch (org.tomolyte.core.ParameterException e) {
                    throw new org.tomolyte.core.ParameterException(plan.protocol().file() + ": step '" + step.id() + "' (" + ps.op().id() + "): "
                            + e.getMessage(), e);
                }
                Map<String, Object> params = paramsMap(bound);
                StringBuilder keyText = new StringBuilder(ps.op().id() + "|" + ps.op().version() + "|" + Json.text(params)
                        + "|" + step.save() + "|" + (step.phases() != null ? step.phases() : plan.protocol().phases()));
                ps.inputs().forEach((port, ref) -> keyText.append('|').append(port).append('=').append(keys.get(ref.producer()))
                        .append('.').append(ref.port()));
                String key = Hashing.of(keyText.toString());
                keys.put(step.id(), key);
                Path dir = outDir.resolve(step.id());
                StepRecord saved = StepRecord.load(dir, key);
                boolean reuse = saved != null && saved.complete(dir, ps, lastUse, i);
                listener.stepStarted(i, n, step, reuse);
                MemoryBudget.resetPeak();
                long t0 = System.nanoTime();
                Metrics metrics;
                List<String> files;
                List<Plot> plots;
                if (reuse) {
                    metrics = saved.metrics();
                    files = saved.files();
                    plots = List.of();
                    for (var e : ps.outputs().entrySet()) {
                        if (needed(step.id(), e.getKey(), lastUse, i)) {
                            values.put(step.id() + "." + e.getKey(), saved.loadOutput(dir, e.getKey(), e.getValue()));
                        }
                    }
                    resumed.add(step.id());
                } else {
                    for (var e : ps.inputs().entrySet()) {
                        ensureLoaded(e.getValue(), plan, values, listener);
                    }
                    Map<String, Object> in = new LinkedHashMap<>();
                    ps.inputs().forEach((port, ref) -> in.put(port, values.get(valueKey(ref))));
                    OpResult r = invoke(ps.op(), bound, new OpInputs(in), new OpContext(listener.progress(),
                            step.phases() != null ? step.phases() : plan.protocol().phases()));
                    check(ps, r);
                    metrics = r.metrics();
                    plots = r.plots();
                    files = writeStep(outDir, dir, ps, key, params, r, listener);
                    for (var e : r.outputs().entrySet()) {
                        String vk = step.id() + "." + e.getKey();
                        if (needed(step.id(), e.getKey(), lastUse, i)) {
                            values.put(vk, e.getValue());
                        } else if (e.getValue() instanceof Volume v) {
                            v.close();
                        }
                    }
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                long peak = MemoryBudget.peakBytes();
                listener.stepFinished(i, n, step, seconds);
                if (!metrics.isEmpty()) {
                    results.put(step.id(), metrics.toMap());
                }
                Map<String, Object> sp = new LinkedHashMap<>();
                sp.put("id", step.id());
                sp.put("op", ps.op().id());
                sp.put("version", ps.op().version());
                sp.put("params", params);
                sp.put("seconds", Math.round(seconds * 1000) / 1000.0);
                sp.put("peak_bytes", peak);
                sp.put("resumed", reuse);
                stepProv.add(sp);
                sections.add(new HtmlReport.StepSection(step.id(), ps.op().id(), ps.op().summary(), metrics.toMap(), files,
                        plots.isEmpty() ? savedPlots(files) : plots.stream().map(Plot::name).toList()));
                release(values, lastUse, i);
            }
        } catch (TomolyteException e) {
            closeAll(values);
            throw e;
        } catch (RuntimeException e) {
            closeAll(values);
            throw new InternalException("internal error: " + e, e);
        }
        closeAll(values);
        Json.write(outDir.resolve("results.json"), results);
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("tool", "tomolyte");
        prov.put("version", BuildInfo.version());
        prov.put("commit", BuildInfo.commit());
        prov.put("protocol", Map.of("path", plan.protocol().file().toString(), "name", plan.protocol().name(),
                "sha256", Hashing.ofPath(plan.protocol().file())));
        prov.put("inputs", inputProv);
        prov.put("java", System.getProperty("java.vendor") + " " + Runtime.version());
        prov.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        prov.put("threads", Parallel.threads());
        prov.put("started", started.toString());
        prov.put("finished", Instant.now().toString());
        prov.put("steps", stepProv);
        Json.write(outDir.resolve("provenance.json"), prov);
        HtmlReport.write(outDir.resolve("report.html"), plan, results, sections, prov);
        return new Summary(outDir, results, resumed);
    }

    private static List<String> savedPlots(List<String> files) {
        return files.stream().filter(f -> f.endsWith(".svg")).map(f -> f.substring(0, f.length() - 4)).toList();
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> OpResult invoke(Op<P> op, Record params, OpInputs in, OpContext ctx) {
        return op.run((P) params, in, ctx);
    }

    private static void check(Plan.PlannedStep ps, OpResult r) {
        for (var e : ps.outputs().entrySet()) {
            Object v = r.outputs().get(e.getKey());
            if (v == null) {
                throw new InternalException("op " + ps.op().id() + " did not produce output '" + e.getKey() + "'");
            }
            if (e.getValue() instanceof DataSpec.VolumeSpec spec && v instanceof Volume vol
                    && (!vol.dims().equals(spec.dims()) || vol.type() != spec.type())) {
                throw new InternalException("op " + ps.op().id() + " produced " + vol + " on '" + e.getKey() + "' but declared " + spec);
            }
        }
    }

    private static List<String> writeStep(Path outDir, Path dir, Plan.PlannedStep ps, String key, Map<String, Object> params,
                                          OpResult r, RunListener listener) {
        Path tmp = outDir.resolve("." + ps.step().id() + ".tmp-" + ProcessHandle.current().pid());
        try {
            AtomicFiles.deleteRecursively(tmp);
            Files.createDirectories(tmp);
            List<String> files = new ArrayList<>();
            Map<String, Object> outputs = new LinkedHashMap<>();
            for (var e : r.outputs().entrySet()) {
                Map<String, Object> o = new LinkedHashMap<>();
                if (e.getValue() instanceof Volume v) {
                    o.put("kind", "volume");
                    o.put("spacing_um", spacingList(v.spacing()));
                    if (ps.step().save() != Protocol.Save.NONE) {
                        String name = e.getKey() + (ps.step().save() == Protocol.Save.ZARR ? ".zarr" : ".tif");
                        listener.note("writing " + ps.step().id() + "/" + name);
                        VolumeIO.write(v, tmp.resolve(name), WriteOptions.DEFAULT, listener.progress());
                        o.put("file", name);
                        files.add(name);
                    }
                } else if (e.getValue() instanceof Table t) {
                    String name = t.name() + ".csv";
                    TableCsv.write(t, tmp.resolve(name));
                    o.put("kind", "table");
                    o.put("file", name);
                    o.put("table", t.name());
                    List<Map<String, Object>> cols = new ArrayList<>();
                    for (Table.Column c : t.columns()) {
                        cols.add(Map.of("name", c.name(), "unit", c.unit(), "kind", c.kind().name().toLowerCase(Locale.ROOT),
                                "description", c.description()));
                    }
                    o.put("columns", cols);
                    files.add(name);
                }
                outputs.put(e.getKey(), o);
            }
            for (Plot p : r.plots()) {
                PlotRenderer.write(p, tmp);
                files.add(p.name() + ".png");
                files.add(p.name() + ".svg");
            }
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("key", key);
            rec.put("op", ps.op().id());
            rec.put("version", ps.op().version());
            rec.put("params", params);
            rec.put("outputs", outputs);
            rec.put("files", files);
            rec.put("metrics", r.metrics().toMap());
            Json.write(tmp.resolve(StepRecord.FILE), rec);
            AtomicFiles.replace(tmp, dir);
            return files;
        } catch (IOException e) {
            throw new InternalException(dir + ": cannot write step outputs (" + e.getMessage() + ")", e);
        } finally {
            try {
                AtomicFiles.deleteRecursively(tmp);
            } catch (IOException ignored) {
                // the temporary folder is ours; a leftover is harmless and replaced next run
            }
        }
    }

    private static void ensureLoaded(Plan.Ref ref, Plan plan, Map<String, Object> values, RunListener listener) {
        String k = valueKey(ref);
        if (values.containsKey(k)) {
            return;
        }
        if (plan.tables().containsKey(k)) {
            values.put(k, plan.tables().get(k));
            return;
        }
        if (ref.port() != null) {
            throw new InternalException("output " + ref + " is needed but was neither computed nor saved");
        }
        Plan.PlannedInput in = plan.inputs().stream().filter(p -> p.name().equals(ref.producer())).findFirst().orElseThrow();
        listener.note("reading " + in.source());
        if (in.isTable()) {
            TableSource src = TableSource.find(in.file())
                    .orElseThrow(() -> new InternalException("no table reader for " + in.file() + " although preflight found one"));
            values.put(k, src.read(in.file()));
            return;
        }
        Volume v = VolumeIO.read(in.file(), in.options(), listener.progress());
        values.put(k, v);
    }

    private static String valueKey(Plan.Ref ref) {
        return ref.port() == null ? ref.producer() : ref.producer() + "." + ref.port();
    }

    /** Value key to the index of the last step that reads it. */
    private static Map<String, Integer> lastUse(Plan plan) {
        Map<String, Integer> last = new HashMap<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            for (Plan.Ref r : plan.steps().get(i).inputs().values()) {
                last.put(valueKey(r), i);
            }
        }
        return last;
    }

    static boolean needed(String stepId, String port, Map<String, Integer> lastUse, int now) {
        Integer last = lastUse.get(stepId + "." + port);
        return last != null && last > now;
    }

    private static void release(Map<String, Object> values, Map<String, Integer> lastUse, int now) {
        values.entrySet().removeIf(e -> {
            Integer last = lastUse.get(e.getKey());
            if (last == null || last <= now) {
                if (e.getValue() instanceof Volume v) {
                    v.close();
                }
                return true;
            }
            return false;
        });
    }

    private static void closeAll(Map<String, Object> values) {
        values.values().forEach(v -> {
            if (v instanceof Volume vol) {
                vol.close();
            }
        });
        values.clear();
    }

    static List<Double> spacingList(Spacing s) {
        return List.of(s.x(), s.y(), s.z());
    }

    /** The parameter record as protocol keys and JSON-friendly values (enums lower case, arrays as lists). */
    public static Map<String, Object> paramsMap(Record params) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : params.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(params);
            } catch (ReflectiveOperationException e) {
                throw new InternalException("cannot read parameter " + c.getName() + ": " + e, e);
            }
            if (v instanceof Enum<?> en) {
                v = en.name().toLowerCase(Locale.ROOT);
            } else if (v instanceof double[] d) {
                v = java.util.Arrays.stream(d).boxed().toList();
            } else if (v instanceof int[] a) {
                v = java.util.Arrays.stream(a).boxed().toList();
            }
            m.put(ParamBinder.key(c), v);
        }
        return m;
    }

    /** Reads the options a resumed volume output is loaded with: the exact spacing recorded at write time. */
    static ReadOptions spacingOptions(List<?> spacing) {
        return ReadOptions.DEFAULT.withSpacing(new Spacing(((Number) spacing.get(0)).doubleValue(),
                ((Number) spacing.get(1)).doubleValue(), ((Number) spacing.get(2)).doubleValue()));
    }
}
