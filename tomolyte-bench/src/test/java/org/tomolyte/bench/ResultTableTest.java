package org.tomolyte.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static final Row OTSU = new Row("otsu", "threshold.global", "512^3", 0.05, 300L << 20, "skimage", 0.3, 400L << 20,
            ">=3x skimage", Row.Met.YES, "");
    private static final Row GAUSS = new Row("gaussian", "filter.gaussian", "512^3", Double.NaN, -1, "-", Double.NaN, -1,
            ">=5x scipy; >=3x imagej", Row.Met.UNKNOWN, "not available: op filter.gaussian not registered in this build");

    @Test
    void ratioIsPeerOverTomolyteAndMissingWhenEitherIsMissing() {
        assertEquals(6.0, OTSU.ratio(), 1e-12);
        assertTrue(Double.isNaN(GAUSS.ratio()));
    }

    @Test
    void formatsNumbersForTheTable() {
        assertEquals("0.050", ResultTable.seconds(0.05));
        assertEquals("41.2", ResultTable.seconds(41.23));
        assertEquals("-", ResultTable.seconds(Double.NaN));
        assertEquals("6.00x", ResultTable.ratio(6));
        assertEquals("23.4x", ResultTable.ratio(23.44));
        assertEquals("-", ResultTable.ratio(Double.NaN));
        assertEquals("300 MB", ResultTable.bytes(300L << 20));
        assertEquals("22.0 GB", ResultTable.bytes(22L << 30));
        assertEquals("-", ResultTable.bytes(-1));
        assertEquals("5", ResultTable.number(5));
        assertEquals("0.5", ResultTable.number(0.5));
    }

    @Test
    void textTableHasAlignedColumns() {
        String[] lines = ResultTable.text(List.of(OTSU, GAUSS)).split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("case "));
        // the size column starts at the same offset on every line
        int col = lines[0].indexOf("size");
        assertEquals("512^3", lines[1].substring(col, col + 5));
        assertEquals("512^3", lines[2].substring(col, col + 5));
        // right-aligned seconds end where the heading ends
        int end = lines[0].indexOf("tomolyte s") + "tomolyte s".length();
        assertEquals("0.050", lines[1].substring(end - 5, end));
        assertTrue(lines[1].contains("6.00x") && lines[1].contains("yes"));
        assertTrue(lines[2].contains("n/a") && lines[2].contains("not available"));
    }

    @Test
    void csvHasUnitsInHeaderPlainNumbersAndQuotesCommas() {
        Row r = new Row("x", "a.b", "64^3", 1.5, 1L << 20, "scipy", 3.0, 2L << 20, "", Row.Met.NONE, "scipy failed: a, b");
        String[] lines = ResultTable.csv(List.of(r, GAUSS)).split("\n");
        assertEquals(String.join(",", ResultTable.CSV_COLUMNS), lines[0]);
        assertTrue(lines[0].contains("tomolyte_s") && lines[0].contains("peer_peak_rss_MB"));
        assertEquals("x,a.b,64^3,1.500000,scipy,3.000000,2.000,1.0,2.0,,-,\"scipy failed: a, b\"", lines[1]);
        assertTrue(lines[2].startsWith("gaussian,filter.gaussian,512^3,,-,,,,,"), lines[2]);
    }

    @Test
    void markdownHasHeaderSeparatorAndOneLinePerRow() {
        String[] lines = ResultTable.markdown(List.of(OTSU, GAUSS)).split("\n");
        assertEquals(4, lines.length);
        assertTrue(lines[0].startsWith("| case | op | size |"));
        assertTrue(lines[1].startsWith("| --- | --- | --- | ---: |"));
        assertEquals(ResultTable.HEADINGS.size() + 1, lines[2].split("\\|", -1).length - 1);
        assertTrue(lines[3].contains("not available"));
    }
}
