package org.tomolyte.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The comparison table as aligned text (for the terminal), CSV (units in the column names) and
 * Markdown (for the README).
 */
public final class ResultTable {

    /** Column headings of the text and Markdown tables. */
    public static final List<String> HEADINGS = List.of("case", "op", "size", "tomolyte s", "peer", "peer s", "ratio",
            "tomolyte peak RSS", "peer peak RSS", "floor", "met", "note");

    /** Column names of the CSV file. */
    public static final List<String> CSV_COLUMNS = List.of("case", "op", "size", "tomolyte_s", "peer", "peer_s", "ratio",
            "tomolyte_peak_rss_MB", "peer_peak_rss_MB", "floor", "met", "note");

    private ResultTable() {
    }

    /** Aligned plain-text table, one line per row, ending with a newline. */
    public static String text(List<Row> rows) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(HEADINGS);
        rows.forEach(r -> cells.add(cells(r)));
        int[] w = new int[HEADINGS.size()];
        for (List<String> line : cells) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(w[i], line.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (List<String> line : cells) {
            StringBuilder l = new StringBuilder();
            for (int i = 0; i < w.length; i++) {
                String c = line.get(i);
                boolean right = i >= 3 && i <= 8 && i != 4;
                l.append(i == 0 ? "" : "  ").append(right ? pad(c, w[i], true) : pad(c, w[i], false));
            }
            b.append(l.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    /** Markdown table (GitHub style) with a header line, ending with a newline. */
    public static String markdown(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("| ").append(String.join(" | ", HEADINGS)).append(" |\n|");
        for (int i = 0; i < HEADINGS.size(); i++) {
            b.append(i >= 3 && i <= 8 && i != 4 ? " ---: |" : " --- |");
        }
        b.append('\n');
        for (Row r : rows) {
            b.append("| ").append(String.join(" | ", cells(r).stream().map(c -> c.isEmpty() ? " " : c.replace("|", "\\|")).toList()))
                    .append(" |\n");
        }
        return b.toString();
    }

    /** CSV with a header line ({@link #CSV_COLUMNS}): seconds, ratio and MB as plain numbers, empty when missing. */
    public static String csv(List<Row> rows) {
        StringBuilder b = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        for (Row r : rows) {
            List<String> f = List.of(r.caseName(), r.ops(), r.size(), plain(r.tomolyteSeconds(), 6), r.peer(), plain(r.peerSeconds(), 6),
                    plain(r.ratio(), 3), r.tomolytePeakRssBytes() < 0 ? "" : plain(r.tomolytePeakRssBytes() / 1048576.0, 1),
                    r.peerPeakRssBytes() < 0 ? "" : plain(r.peerPeakRssBytes() / 1048576.0, 1), r.floor(), r.met().text(), r.note());
            b.append(String.join(",", f.stream().map(ResultTable::csvField).toList())).append('\n');
        }
        return b.toString();
    }

    /** Seconds for the table: 3 significant decimals below 10 s, 1 decimal above; {@code -} when NaN. */
    public static String seconds(double s) {
        if (Double.isNaN(s)) {
            return "-";
        }
        return String.format(Locale.ROOT, s < 10 ? "%.3f" : "%.1f", s);
    }

    /** A speed-up such as {@code 12.3x}; {@code -} when NaN. */
    public static String ratio(double r) {
        return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, r < 10 ? "%.2fx" : "%.1fx", r);
    }

    /** Bytes as MB (2^20) below 10 GB, else GB (2^30); {@code -} when negative (unknown). */
    public static String bytes(long b) {
        if (b < 0) {
            return "-";
        }
        double mb = b / 1048576.0;
        return mb < 10240 ? String.format(Locale.ROOT, "%.0f MB", mb) : String.format(Locale.ROOT, "%.1f GB", mb / 1024);
    }

    /** A number without a trailing {@code .0}: 5 -&gt; {@code 5}, 0.5 -&gt; {@code 0.5}. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }

    private static List<String> cells(Row r) {
        return List.of(r.caseName(), r.ops(), r.size(), seconds(r.tomolyteSeconds()), r.peer(), seconds(r.peerSeconds()), ratio(r.ratio()),
                bytes(r.tomolytePeakRssBytes()), bytes(r.peerPeakRssBytes()), r.floor(), r.met().text(), r.note());
    }

    private static String plain(double v, int decimals) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String pad(String s, int w, boolean right) {
        String fill = " ".repeat(Math.max(0, w - s.length()));
        return right ? fill + s : s + fill;
    }

    private static String csvField(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
