package org.tomolyte.analysis.transport;

import org.tomolyte.core.Progress;

/** Prints every 10th unit of progress (for local runs of the long tests). */
final class PrintProgress implements Progress {
    private long n;
    private final long t0 = System.nanoTime();

    @Override
    public void start(String task, long totalUnits) {
        System.out.println(task);
    }

    @Override
    public synchronized void advance(long units) {
        n += units;
        if (n % 10 == 0) {
            System.out.printf("  %d  %.1fs%n", n, (System.nanoTime() - t0) / 1e9);
        }
    }

    @Override
    public void done() {
    }
}
