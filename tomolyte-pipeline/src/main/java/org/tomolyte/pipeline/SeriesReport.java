package org.tomolyte.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.tomolyte.io.AtomicFiles;

/** The {@code report.html} of a series: links to each item's report, the stacked tables, and one plot per metric. */
final class SeriesReport {

    private SeriesReport() {
    }

    static void write(Path file, String name, List<Series.Item> items, List<String> plots, List<String> tables) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(name))
                .append(" (series) - Tomolyte report</title>\n<style>body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;")
                .append("padding:0 1em;color:#222}img{max-width:100%;border:1px solid #eee}li{margin:.2em 0}</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(name)).append(" &mdash; series of ").append(items.size()).append("</h1>\n");
        h.append("<p>All metrics: <a href=\"series.csv\">series.csv</a> (one row per item), <a href=\"results.json\">results.json</a>; ")
                .append("record: <a href=\"provenance.json\">provenance.json</a>.</p>\n<h2>Items</h2>\n<ol start=\"0\">\n");
        for (Series.Item it : items) {
            h.append("<li><a href=\"").append(esc(it.name())).append("/report.html\">").append(esc(it.name())).append("</a></li>\n");
        }
        h.append("</ol>\n");
        if (!tables.isEmpty()) {
            h.append("<h2>Tables across the series</h2>\n<ul>\n");
            for (String t : tables) {
                h.append("<li><a href=\"").append(esc(t)).append("\">").append(esc(t)).append("</a></li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<h2>Metrics across the series</h2>\n");
        for (String p : plots) {
            h.append("<p><img src=\"series/").append(esc(p)).append(".svg\" alt=\"").append(esc(p)).append("\"></p>\n");
        }
        h.append("</body>\n</html>\n");
        AtomicFiles.writeString(file, h);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
