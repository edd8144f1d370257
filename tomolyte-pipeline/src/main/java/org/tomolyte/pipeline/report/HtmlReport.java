package org.tomolyte.pipeline.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tomolyte.io.AtomicFiles;
import org.tomolyte.pipeline.Plan;

/**
 * Writes {@code report.html}: one self-contained page (plots referenced as SVG files beside it)
 * with the inputs, every step's metrics, a preview of its tables, its plots and files, and the
 * provenance summary.
 */
public final class HtmlReport {

    private static final int PREVIEW_ROWS = 12;

    private HtmlReport() {
    }

    /**
     * What the report shows of one step.
     *
     * @param id      step id
     * @param op      op id
     * @param summary op summary
     * @param metrics metrics tree
     * @param files   files in the step folder
     * @param plots   plot names (SVG and PNG files in the step folder)
     */
    public record StepSection(String id, String op, String summary, Map<String, Object> metrics, List<String> files, List<String> plots) {
    }

    /** Writes the report to {@code file} atomically. */
    public static void write(Path file, Plan plan, Map<String, Object> results, List<StepSection> steps, Map<String, Object> provenance) {
        Path dir = file.toAbsolutePath().getParent();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(plan.protocol().name())).append(" - Tomolyte report</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}")
                .append("h1{font-size:1.6em}h2{font-size:1.25em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}")
                .append("table{border-collapse:collapse;margin:.6em 0;font-size:.9em}td,th{border:1px solid #ddd;padding:.25em .6em;text-align:right}")
                .append("th{background:#f3f3f3}td.k,th.k{text-align:left}code{background:#f5f5f5;padding:0 .2em}")
                .append(".muted{color:#777}img{max-width:100%;border:1px solid #eee}\n</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(plan.protocol().name())).append("</h1>\n<p class=\"muted\">Tomolyte ")
                .append(esc(String.valueOf(provenance.get("version")))).append(" (commit ").append(esc(String.valueOf(provenance.get("commit"))))
                .append("), ").append(esc(String.valueOf(provenance.get("finished")))).append(", ")
                .append(esc(String.valueOf(provenance.get("threads")))).append(" threads. Full record: <a href=\"provenance.json\">provenance.json</a>, ")
                .append("all metrics: <a href=\"results.json\">results.json</a>.</p>\n");
        h.append("<h2>Inputs</h2>\n<table><tr><th class=\"k\">name</th><th class=\"k\">path</th><th>dims (x, y, z)</th><th>type</th><th>voxel size (um)</th></tr>\n");
        for (Plan.PlannedInput in : plan.inputs()) {
            h.append("<tr><td class=\"k\">").append(esc(in.name())).append("</td><td class=\"k\"><code>").append(esc(in.source()));
            if (in.isTable()) {
                h.append("</code></td><td>table</td><td></td><td></td></tr>\n");
                continue;
            }
            var vs = in.volumeSpec();
            h.append("</code></td><td>").append(vs.dims()).append("</td><td>").append(vs.type().label())
                    .append("</td><td>").append(fmt(vs.spacing().x())).append(", ").append(fmt(vs.spacing().y()))
                    .append(", ").append(fmt(vs.spacing().z())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        for (StepSection s : steps) {
            h.append("<h2 id=\"").append(esc(s.id())).append("\">").append(esc(s.id())).append(" <span class=\"muted\">(")
                    .append(esc(s.op())).append(")</span></h2>\n<p>").append(esc(s.summary())).append("</p>\n");
            if (!s.metrics().isEmpty()) {
                h.append("<table><tr><th class=\"k\">metric</th><th>value</th></tr>\n");
                flatten("", s.metrics(), h);
                h.append("</table>\n");
            }
            for (String p : s.plots()) {
                h.append("<p><img src=\"").append(esc(s.id())).append('/').append(esc(p)).append(".svg\" alt=\"").append(esc(p))
                        .append("\" width=\"").append(PlotRenderer.WIDTH).append("\"></p>\n");
            }
            for (String f : s.files()) {
                if (f.endsWith(".csv")) {
                    preview(dir.resolve(s.id()).resolve(f), s.id() + "/" + f, h);
                }
            }
            if (!s.files().isEmpty()) {
                h.append("<p class=\"muted\">Files: ");
                for (int i = 0; i < s.files().size(); i++) {
                    String f = s.files().get(i);
                    h.append(i == 0 ? "" : ", ").append("<a href=\"").append(esc(s.id())).append('/').append(esc(f)).append("\">")
                            .append(esc(f)).append("</a>");
                }
                h.append("</p>\n");
            }
        }
        h.append("</body>\n</html>\n");
        AtomicFiles.writeString(file, h);
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> m, StringBuilder h) {
        m.forEach((k, v) -> {
            if (v instanceof Map<?, ?> sub) {
                flatten(prefix + k + ".", (Map<String, Object>) sub, h);
            } else {
                h.append("<tr><td class=\"k\">").append(esc(prefix + k)).append("</td><td>")
                        .append(v instanceof Double d ? fmt(d) : esc(String.valueOf(v))).append("</td></tr>\n");
            }
        });
    }

    private static void preview(Path csv, String href, StringBuilder h) {
        List<String> lines;
        try (var s = Files.lines(csv, StandardCharsets.UTF_8)) {
            lines = s.limit(PREVIEW_ROWS + 1L).toList();
        } catch (IOException e) {
            return;
        }
        if (lines.isEmpty()) {
            return;
        }
        h.append("<p class=\"muted\"><a href=\"").append(esc(href)).append("\">").append(esc(href)).append("</a>")
                .append(lines.size() > PREVIEW_ROWS ? " (first " + PREVIEW_ROWS + " rows)" : "").append("</p>\n<table>");
        for (int i = 0; i < lines.size(); i++) {
            h.append("<tr>");
            for (String cell : lines.get(i).split(",", -1)) {
                String tag = i == 0 ? "th" : "td";
                String shown = cell;
                if (i > 0) {
                    try {
                        shown = fmt(Double.parseDouble(cell));
                    } catch (NumberFormatException e) {
                        shown = cell;
                    }
                }
                h.append('<').append(tag).append('>').append(esc(shown)).append("</").append(tag).append('>');
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e7) ? String.format(Locale.ROOT, "%.4e", v) : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
