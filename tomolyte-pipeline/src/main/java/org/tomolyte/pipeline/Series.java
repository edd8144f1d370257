package org.tomolyte.pipeline;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tomolyte.core.InputException;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.NaturalOrder;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Plot;
import org.tomolyte.core.Table;
import org.tomolyte.io.ReadOptions;
import org.tomolyte.io.TableCsv;
import org.tomolyte.io.VolumeIO;
import org.tomolyte.pipeline.report.PlotRenderer;

/**
 * Runs one protocol over a series of scans, time steps or samples, identically.
 *
 * <p>A series arises when an input is given several paths ({@code --input scan=a.tif --input
 * scan=b.tif}) or a glob ({@code scans/t*.tif}, in the protocol or on the command line; matches
 * in natural order, so {@code t2} comes before {@code t10}). Several inputs may vary together
 * when they have the same number of paths (a grey image and its labels per time step). Each item
 * is named after the file stem of the first varying input and runs into {@code DIR/<item>/}
 * exactly as a single run would. Across the series Tomolyte then writes
 * <pre>
 * DIR/results.json                 item -&gt; step -&gt; metrics
 * DIR/series.csv                   one row per item: index, item, every numeric metric as step.key columns
 * DIR/series/&lt;step&gt;/&lt;table&gt;.csv    each step table of every item, stacked, with index and item columns
 *                                  (series_index and series_item when the table has its own index or item)
 * DIR/series/&lt;metric&gt;.png/.svg     each metric that changes across the series against the item index
 *                                  (voxel counts are left to series.csv: their volumes are plotted)
 * DIR/report.html, provenance.json the series report and record
 * </pre>
 */
public final class Series {

    private static final int MAX_PLOTS = 40;

    /** Folder (and results key) of the series-level steps. */
    public static final String SUMMARY = "summary";

    private Series() {
    }

    /**
     * One member of a series.
     *
     * @param name   item name (file stem of the first varying input), unique in the series
     * @param inputs input name to path for this item
     */
    public record Item(String name, Map<String, String> inputs) {
    }

    /**
     * Expands the protocol's inputs and the command line's into series items. Returns one item
     * with an empty name when nothing varies.
     *
     * @param overrides input name to the paths given on the command line (one or more each)
     */
    public static List<Item> items(Protocol protocol, Map<String, List<String>> overrides) {
        Path base = protocol.file().toAbsolutePath().getParent();
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Protocol.Input in : protocol.inputs().values()) {
            List<String> given = overrides.get(in.name());
            List<String> paths = new ArrayList<>();
            if (given != null) {
                for (String g : given) {
                    paths.addAll(expand(g, Path.of("").toAbsolutePath(), "--input " + in.name()));
                }
            } else {
                paths.addAll(expand(in.source(), base, protocol.file() + ": inputs." + in.name()));
            }
            values.put(in.name(), paths);
        }
        for (String name : overrides.keySet()) {
            if (!protocol.inputs().containsKey(name)) {
                throw new ParameterException("--input " + name + "=...: the protocol has no input '" + name + "'; its inputs: "
                        + (protocol.inputs().isEmpty() ? "none" : String.join(", ", protocol.inputs().keySet())));
            }
        }
        int n = 1;
        String first = null;
        for (var e : values.entrySet()) {
            int k = e.getValue().size();
            if (k > 1) {
                if (n > 1 && k != n) {
                    throw new ParameterException("inputs vary in number: '" + first + "' has " + n + " paths but '" + e.getKey()
                            + "' has " + k + "; inputs of a series must have equal counts or a single path");
                }
                if (n == 1) {
                    first = e.getKey();
                }
                n = k;
            }
        }
        List<Item> items = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> m = new LinkedHashMap<>();
            for (var e : values.entrySet()) {
                m.put(e.getKey(), e.getValue().size() == 1 ? e.getValue().get(0) : e.getValue().get(i));
            }
            String name = "";
            if (n > 1 || protocol.series() != null) {
                name = stem(m.get(first != null ? first : values.keySet().iterator().next()));
                if (name.equals(SUMMARY)) {
                    name = name + "-" + i;
                }
                if (!names.add(name)) {
                    name = name + "-" + i;
                    names.add(name);
                }
            }
            items.add(new Item(name, m));
        }
        return items;
    }

    /** Plans every item (so a bad file anywhere in the series fails before any computing). */
    public static List<Plan> plan(Protocol protocol, List<Item> items, ReadOptions cli, OpRegistry registry) {
        List<Plan> plans = new ArrayList<>();
        for (Item it : items) {
            try {
                plans.add(Preflight.plan(protocol, it.inputs(), cli, registry));
            } catch (ParameterException e) {
                throw new ParameterException((it.name().isEmpty() ? "" : "series item '" + it.name() + "': ") + e.getMessage(), e);
            } catch (InputException e) {
                throw new InputException((it.name().isEmpty() ? "" : "series item '" + it.name() + "': ") + e.getMessage(), e);
            }
        }
        if (protocol.series() != null) {
            itemValues(protocol, items);
            if (!protocol.series().steps().isEmpty()) {
                Preflight.planSeries(plans.get(0), registry);
            }
        }
        return plans;
    }

    /**
     * The per-item values of the protocol's {@code series.values} (a map of lists or a CSV file),
     * checked against the items: one value per item in every column.
     */
    static Map<String, double[]> itemValues(Protocol protocol, List<Item> items) {
        Map<String, double[]> out = new LinkedHashMap<>();
        Protocol.SeriesSpec spec = protocol.series();
        if (spec == null) {
            return out;
        }
        if (spec.valuesFile() != null) {
            Path file = protocol.file().toAbsolutePath().getParent().resolve(spec.valuesFile()).normalize();
            out.putAll(readValues(file, items));
        }
        spec.values().forEach((col, list) -> {
            if (list.size() != items.size()) {
                throw new ParameterException(protocol.file() + ": series.values." + col + " has " + list.size() + " values but the series has "
                        + items.size() + " items");
            }
            out.put(col, list.stream().mapToDouble(Double::doubleValue).toArray());
        });
        if (spec.x() != null && !spec.x().equals("index") && !out.containsKey(spec.x())) {
            throw new ParameterException(protocol.file() + ": series.x '" + spec.x() + "' is not a series value; give it under series.values or use index"
                    + (out.isEmpty() ? "" : "; values: " + String.join(", ", out.keySet())));
        }
        return out;
    }

    private static Map<String, double[]> readValues(Path file, List<Item> items) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new InputException("series.values: cannot read " + file + " (" + e.getMessage() + ")", e);
        }
        if (lines.isEmpty()) {
            throw new InputException("series.values: " + file + " is empty; expected a header row and one row per series item");
        }
        String[] head = lines.get(0).split(",", -1);
        int itemCol = java.util.Arrays.asList(head).indexOf("item");
        if (lines.size() - 1 != items.size()) {
            throw new InputException("series.values: " + file + " has " + (lines.size() - 1) + " rows but the series has " + items.size() + " items");
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int c = 0; c < head.length; c++) {
            if (c != itemCol) {
                out.put(head[c].trim(), new double[items.size()]);
            }
        }
        for (int r = 1; r < lines.size(); r++) {
            String[] f = lines.get(r).split(",", -1);
            if (f.length != head.length) {
                throw new InputException("series.values: " + file + " line " + (r + 1) + " has " + f.length + " fields, the header " + head.length);
            }
            int row = r - 1;
            if (itemCol >= 0) {
                String name = f[itemCol].trim();
                row = -1;
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i).name().equals(name)) {
                        row = i;
                    }
                }
                if (row < 0) {
                    throw new InputException("series.values: " + file + " line " + (r + 1) + ": no series item named '" + name + "'");
                }
            }
            for (int c = 0; c < head.length; c++) {
                if (c == itemCol) {
                    continue;
                }
                try {
                    out.get(head[c].trim())[row] = Double.parseDouble(f[c].trim());
                } catch (NumberFormatException e) {
                    throw new InputException("series.values: " + file + " line " + (r + 1) + ", column " + head[c].trim()
                            + ": expected a number, found '" + f[c].trim() + "'");
                }
            }
        }
        return out;
    }

    /** Runs planned items into {@code outDir} and writes the series outputs. */
    public static void run(List<Item> items, List<Plan> plans, Path outDir, RunListener listener) {
        Protocol protocol = plans.get(0).protocol();
        if (items.size() == 1 && items.get(0).name().isEmpty()) {
            Runner.run(plans.get(0), outDir, listener);
            return;
        }
        Map<String, Object> results = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            listener.note("series item " + (i + 1) + "/" + items.size() + ": " + items.get(i).name());
            Runner.Summary s = Runner.run(plans.get(i), outDir.resolve(items.get(i).name()), listener);
            results.put(items.get(i).name(), s.results());
        }
        Map<String, double[]> values = itemValues(protocol, items);
        Table metrics = metricsTable(items, values, results);
        TableCsv.write(metrics, outDir.resolve("series.csv"));
        String x = protocol.series() != null && protocol.series().x() != null ? protocol.series().x()
                : values.containsKey("time_s") ? "time_s" : "index";
        List<String> plots = plotMetrics(metrics, x, 2 + values.size(), outDir.resolve("series"));
        Map<String, Table> stacked = new LinkedHashMap<>();
        List<String> tables = stackTables(items, plans.get(0), outDir, stacked);
        boolean summary = protocol.series() != null && !protocol.series().steps().isEmpty();
        if (summary) {
            listener.note("series steps");
            Plan sp = Preflight.planSeries(plans.get(0), OpRegistry.load());
            Map<String, Table> memory = new LinkedHashMap<>();
            memory.put("series", metrics);
            memory.putAll(stacked);
            Runner.Summary s = Runner.run(new Plan(sp.protocol(), sp.inputs(), sp.steps(), memory), outDir.resolve(SUMMARY), listener);
            results.put(SUMMARY, s.results());
        }
        Json.write(outDir.resolve("results.json"), results);
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("tool", "tomolyte");
        prov.put("version", BuildInfo.version());
        prov.put("commit", BuildInfo.commit());
        prov.put("protocol", Map.of("path", plans.get(0).protocol().file().toString(),
                "sha256", Hashing.ofPath(plans.get(0).protocol().file())));
        List<Map<String, Object>> its = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            its.add(Map.of("index", i, "item", items.get(i).name(), "inputs", items.get(i).inputs(),
                    "provenance", items.get(i).name() + "/provenance.json"));
        }
        prov.put("items", its);
        Json.write(outDir.resolve("provenance.json"), prov);
        SeriesReport.write(outDir.resolve("report.html"), plans.get(0).protocol().name(), items, plots, tables,
                itemPlots(items, plans.get(0), outDir), summary);
    }

    private static Table metricsTable(List<Item> items, Map<String, double[]> values, Map<String, Object> results) {
        List<String> cols = new ArrayList<>();
        List<Map<String, Number>> rows = new ArrayList<>();
        for (Item it : items) {
            Map<String, Number> flat = new LinkedHashMap<>();
            flatten("", results.get(it.name()), flat);
            for (String k : flat.keySet()) {
                if (!cols.contains(k)) {
                    cols.add(k);
                }
            }
            rows.add(flat);
        }
        Table.Builder b = Table.builder("series").column("index", "", Table.Kind.INTEGER, "position in the series")
                .column("item", "", Table.Kind.TEXT, "series item");
        values.keySet().forEach(v -> b.column(v, "", Table.Kind.REAL, "series value " + v + " (protocol series.values)"));
        List<Boolean> integral = new ArrayList<>();
        for (String c : cols) {
            boolean counts = rows.stream().allMatch(r -> r.get(c) instanceof Long);
            integral.add(counts);
            b.column(c, "", counts ? Table.Kind.INTEGER : Table.Kind.REAL, "metric " + c);
        }
        for (int i = 0; i < items.size(); i++) {
            int nv = values.size();
            Object[] row = new Object[2 + nv + cols.size()];
            row[0] = i;
            row[1] = items.get(i).name();
            int k = 2;
            for (double[] v : values.values()) {
                row[k++] = v[i];
            }
            for (int c = 0; c < cols.size(); c++) {
                Number v = rows.get(i).get(cols.get(c));
                row[2 + nv + c] = integral.get(c) ? v : v == null ? Double.NaN : v.doubleValue();
            }
            b.row(row);
        }
        return b.build();
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object o, Map<String, Number> out) {
        if (o instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).forEach((k, v) -> flatten(prefix.isEmpty() ? column(k) : prefix + "." + column(k), v, out));
        } else if (o instanceof Long || o instanceof Integer) {
            out.put(prefix, ((Number) o).longValue());
        } else if (o instanceof Number n) {
            out.put(prefix, n.doubleValue());
        }
    }

    private static String column(String key) {
        String c = key.replaceAll("[^A-Za-z0-9_]", "_");
        return c.isEmpty() || Character.isDigit(c.charAt(0)) ? "_" + c : c;
    }

    private static List<String> plotMetrics(Table t, String xColumn, int firstMetric, Path dir) {
        List<String> names = new ArrayList<>();
        double[] x = new double[t.rowCount()];
        for (int i = 0; i < x.length; i++) {
            x[i] = t.number(i, xColumn);
        }
        String xLabel = xColumn.equals("index") ? "series index" : xColumn;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InternalException(dir + ": cannot create (" + e.getMessage() + ")", e);
        }
        for (Table.Column c : t.columns().subList(firstMetric, t.columns().size())) {
            if (names.size() >= MAX_PLOTS) {
                break;
            }
            double[] y = new double[x.length];
            boolean varies = false;
            for (int i = 0; i < x.length; i++) {
                y[i] = t.number(i, c.name());
                varies |= Double.compare(y[i], y[0]) != 0;
            }
            if (!varies || c.name().endsWith(".voxels")) {
                continue;
            }
            String name = c.name().replace('.', '-');
            PlotRenderer.write(new Plot(name, c.name(), xLabel, c.name(), Plot.Kind.LINE, false,
                    List.of(new Plot.Series("", x, y))), dir);
            names.add(name);
        }
        return names;
    }

    private static List<String> stackTables(List<Item> items, Plan plan, Path outDir, Map<String, Table> stacked) {
        List<String> written = new ArrayList<>();
        for (Plan.PlannedStep ps : plan.steps()) {
            for (var out : ps.outputs().entrySet()) {
                if (!(out.getValue() instanceof org.tomolyte.core.op.DataSpec.TableSpec spec)) {
                    continue;
                }
                Table.Builder b = null;
                for (int i = 0; i < items.size(); i++) {
                    Path dir = outDir.resolve(items.get(i).name()).resolve(ps.step().id());
                    StepRecord rec = StepRecord.load(dir, String.valueOf(Json.read(dir.resolve(StepRecord.FILE)).get("key")));
                    Table t = (Table) rec.loadOutput(dir, out.getKey(), spec);
                    if (b == null) {
                        boolean clash = t.columns().stream().anyMatch(c -> c.name().equals("index") || c.name().equals("item"));
                        b = Table.builder(t.name()).column(clash ? "series_index" : "index", "", Table.Kind.INTEGER, "position in the series")
                                .column(clash ? "series_item" : "item", "", Table.Kind.TEXT, "series item");
                        for (Table.Column c : t.columns()) {
                            b.column(c.name(), c.unit(), c.kind(), c.description());
                        }
                    }
                    for (int r = 0; r < t.rowCount(); r++) {
                        Object[] row = new Object[t.columns().size() + 2];
                        row[0] = i;
                        row[1] = items.get(i).name();
                        for (int c = 0; c < t.columns().size(); c++) {
                            row[c + 2] = t.value(r, c);
                        }
                        b.row(row);
                    }
                }
                String rel = "series/" + ps.step().id() + "/" + spec.name() + ".csv";
                Table all = b.build();
                TableCsv.write(all, outDir.resolve(rel));
                stacked.put(ps.step().id() + "." + out.getKey(), all);
                written.add(rel);
            }
        }
        return written;
    }

    /**
     * The plots every item has, as {@code step/plot} to the SVG path of each item (relative to the
     * series folder), so that the report shows maps of all time steps side by side.
     */
    private static Map<String, List<String>> itemPlots(List<Item> items, Plan plan, Path outDir) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Plan.PlannedStep ps : plan.steps()) {
            List<List<String>> perItem = new ArrayList<>();
            for (Item it : items) {
                Path dir = outDir.resolve(it.name()).resolve(ps.step().id());
                Object files = Json.read(dir.resolve(StepRecord.FILE)).get("files");
                List<String> svgs = new ArrayList<>();
                if (files instanceof List<?> l) {
                    l.stream().map(String::valueOf).filter(f -> f.endsWith(".svg")).forEach(svgs::add);
                }
                perItem.add(svgs);
            }
            for (String svg : perItem.get(0)) {
                if (perItem.stream().allMatch(l -> l.contains(svg))) {
                    out.put(ps.step().id() + "/" + svg.substring(0, svg.length() - 4),
                            items.stream().map(it -> it.name() + "/" + ps.step().id() + "/" + svg).toList());
                }
            }
        }
        return out;
    }

    /** Expands a glob in the last path component; other paths are returned as they are (resolved against {@code base}). */
    static List<String> expand(String source, Path base, String where) {
        VolumeIO.Source s = VolumeIO.Source.parse(source);
        String file = s.file().toString();
        Path resolved = base.resolve(s.file()).normalize();
        if (!file.contains("*") && !file.contains("?") && !file.contains("[")) {
            return List.of(s.dataset() == null ? resolved.toString() : resolved + ":" + s.dataset());
        }
        Path dir = resolved.getParent();
        PathMatcher m = dir.getFileSystem().getPathMatcher("glob:" + resolved.getFileName());
        List<Path> matches = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (m.matches(p.getFileName()) && !p.getFileName().toString().startsWith(".")) {
                    matches.add(p);
                }
            }
        } catch (IOException e) {
            throw new InputException(where + ": cannot list " + dir + " (" + e.getMessage() + ")", e);
        }
        if (matches.isEmpty()) {
            throw new InputException(where + ": no file matches " + resolved);
        }
        matches.sort(Comparator.comparing(p -> p.getFileName().toString(), NaturalOrder.INSTANCE));
        return matches.stream().map(p -> s.dataset() == null ? p.toString() : p + ":" + s.dataset()).toList();
    }

    private static String stem(String source) {
        String n = VolumeIO.Source.parse(source).file().getFileName().toString();
        for (String ext : new String[] {".ome.tif", ".tiff", ".tif", ".zarr", ".npy", ".raw", ".h5", ".hdf5"}) {
            if (n.toLowerCase(java.util.Locale.ROOT).endsWith(ext)) {
                return n.substring(0, n.length() - ext.length());
            }
        }
        return n;
    }
}
