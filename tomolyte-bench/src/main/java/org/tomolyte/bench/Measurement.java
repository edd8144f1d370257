package org.tomolyte.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What one side of a case measured: wall-clock seconds of each timed run and the process's peak
 * resident memory, or why it could not be measured.
 *
 * <p>Both sides report through the same {@code key=value} lines on standard output
 * ({@link KeyValues}): {@code seconds=0.51,0.49,0.50}, {@code peak_rss_kb=...} (the process's
 * high-water resident set: {@code VmHWM} for the JVM, {@code ru_maxrss} for Python, GNU time's
 * {@code %M} for ImageJ), {@code base_rss_kb=...} (resident set before the input was loaded; -1
 * when unknown), or {@code error=...}.
 *
 * @param seconds      seconds of each timed run (empty on error)
 * @param peakRssBytes peak resident set of the process in bytes, -1 when unknown
 * @param baseRssBytes resident set before the input was loaded in bytes, -1 when unknown
 * @param error        why nothing was measured, or empty
 */
public record Measurement(double[] seconds, long peakRssBytes, long baseRssBytes, String error) {

    /** Copies the timings. */
    public Measurement {
        seconds = seconds.clone();
        error = error == null ? "" : error;
    }

    /** A measurement that failed for {@code why}. */
    public static Measurement failed(String why) {
        return new Measurement(new double[0], -1, -1, why == null || why.isBlank() ? "failed" : why);
    }

    /** True when timings were measured. */
    public boolean ok() {
        return error.isEmpty() && seconds.length > 0;
    }

    /** Median of the timed runs in seconds, NaN when none. */
    public double medianSeconds() {
        return ok() ? Stats.median(seconds) : Double.NaN;
    }

    /** Peak resident bytes above the baseline (what running the case added), -1 when unknown. */
    public long extraBytes() {
        return peakRssBytes < 0 || baseRssBytes < 0 ? -1 : peakRssBytes - baseRssBytes;
    }

    /** Parses the {@code key=value} lines a side printed; a missing {@code seconds} is an error. */
    public static Measurement parse(Map<String, String> kv) {
        String err = kv.getOrDefault("error", "");
        if (!err.isEmpty()) {
            return failed(err);
        }
        String s = kv.get("seconds");
        if (s == null || s.isBlank()) {
            return failed("no timings reported");
        }
        List<Double> list = new ArrayList<>();
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                try {
                    list.add(Double.parseDouble(part.trim()));
                } catch (NumberFormatException e) {
                    return failed("bad timing '" + part + "' in seconds=" + s);
                }
            }
        }
        if (list.isEmpty()) {
            return failed("no timings reported");
        }
        return new Measurement(list.stream().mapToDouble(Double::doubleValue).toArray(), kib(kv.get("peak_rss_kb")),
                kib(kv.get("base_rss_kb")), "");
    }

    private static long kib(String v) {
        if (v == null || v.isBlank()) {
            return -1;
        }
        try {
            long k = Long.parseLong(v.trim());
            return k < 0 ? -1 : k * 1024;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return ok() ? "Measurement" + Arrays.toString(seconds) + " peak " + peakRssBytes : "Measurement[error " + error + "]";
    }
}
