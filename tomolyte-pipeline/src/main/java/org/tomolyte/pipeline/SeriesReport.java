package org.tomolyte.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.tomolyte.io.AtomicFiles;

/** The {@code report.html} of a series: links to each item's report, the stacked tables, and one plot per metric. */
final class SeriesReport {

    private SeriesReport() {
    }

    static void write(Path file, String name, List<Series.Item> items, List<String> plots, List<String> tables,
                      java.util.Map<String, List<String>> itemPlots, boolean summary) {
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
        if (summary) {
            h.append("<h2>Series steps</h2>\n<p><a href=\"").append(Series.SUMMARY).append("/report.html\">")
                    .append(Series.SUMMARY).append("/report.html</a>: the steps run once on the series tables.</p>\n");
        }
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
        if (!itemPlots.isEmpty()) {
            h.append("<h2>Plots of every item, side by side</h2>\n<div style=\"overflow-x:auto\"><table>\n<tr><th></th>");
            for (Series.Item it : items) {
                h.append("<th>").append(esc(it.name())).append("</th>");
            }
            h.append("</tr>\n");
            for (var e : itemPlots.entrySet()) {
                h.append("<tr><th style=\"text-align:left\">").append(esc(e.getKey())).append("</th>");
                for (String svg : e.getValue()) {
                    h.append("<td><a href=\"").append(esc(svg)).append("\"><img style=\"width:260px\" src=\"").append(esc(svg))
                            .append("\" alt=\"").append(esc(svg)).append("\"></a></td>");
                }
                h.append("</tr>\n");
            }
            h.append("</table></div>\n");
        }
        h.append("</body>\n</html>\n");
        AtomicFiles.writeString(file, h);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
