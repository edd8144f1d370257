package org.tomolyte.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeasurementTest {

    @Test
    void parsesTheKeyValueLinesAndIgnoresChatter() {
        String out = "loading...\nseconds=0.5,0.3,0.4\nWARNING: x=y\npeak_rss_kb=2048\nbase_rss_kb=1024\n";
        Measurement m = Measurement.parse(KeyValues.parse(out));
        assertTrue(m.ok());
        assertArrayEquals(new double[] {0.5, 0.3, 0.4}, m.seconds());
        assertEquals(0.4, m.medianSeconds(), 1e-12);
        assertEquals(2048L * 1024, m.peakRssBytes());
        assertEquals(1024L * 1024, m.extraBytes());
    }

    @Test
    void reportsErrorsAndMissingTimings() {
        Measurement e = Measurement.parse(KeyValues.parse("error=op filter.median: radius_vox must be in 1..10, got 0\n"));
        assertFalse(e.ok());
        assertEquals("op filter.median: radius_vox must be in 1..10, got 0", e.error());
        assertTrue(Double.isNaN(e.medianSeconds()));
        assertEquals("no timings reported", Measurement.parse(KeyValues.parse("peak_rss_kb=1\n")).error());
        assertTrue(Measurement.parse(KeyValues.parse("seconds=1,x\n")).error().startsWith("bad timing"));
        Measurement noRss = Measurement.parse(KeyValues.parse("seconds=1\n"));
        assertEquals(-1, noRss.peakRssBytes());
        assertEquals(-1, noRss.extraBytes());
    }
}
