package org.tomolyte.core;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Refuses allocations that cannot fit in the machine's physical memory, so that a volume too
 * large for memory fails at once with a clear message instead of swapping or crashing.
 * Volumes larger than memory are still usable when memory-mapped ({@link Volume#mapRaw}).
 */
public final class MemoryBudget {

    private static final java.util.concurrent.atomic.AtomicLong LIVE = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicLong PEAK = new java.util.concurrent.atomic.AtomicLong();

    private MemoryBudget() {
    }

    /** Records that {@code bytes} of volume storage were allocated (negative: freed). */
    static void track(long bytes) {
        long now = LIVE.addAndGet(bytes);
        PEAK.accumulateAndGet(now, Math::max);
    }

    /** Bytes of native volume storage allocated and not yet freed. */
    public static long liveBytes() {
        return LIVE.get();
    }

    /** Highest {@link #liveBytes()} since the last {@link #resetPeak()}. */
    public static long peakBytes() {
        return PEAK.get();
    }

    /** Starts a new peak measurement at the current live size. */
    public static void resetPeak() {
        PEAK.set(LIVE.get());
    }

    /** Physical memory of the machine in bytes, or {@code Long.MAX_VALUE} when unknown. */
    public static long physicalBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Long.MAX_VALUE;
    }

    /**
     * Throws an {@link InputException} naming {@code what} when {@code bytes} exceeds 90% of
     * physical memory.
     */
    public static void require(long bytes, String what) {
        long limit = (long) (physicalBytes() * 0.9);
        if (bytes > limit) {
            throw new InputException(what + " needs " + human(bytes) + " of memory but this machine has "
                    + human(physicalBytes()) + "; crop it, process it in blocks, or memory-map a raw copy");
        }
    }

    /** Bytes as a short human-readable string, e.g. {@code 1.5 GiB}. */
    public static String human(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
