package org.tomolyte.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * The deterministic parallel executor. Tasks {@code 0..n-1} (usually the blocks of a
 * {@link BlockGrid}) run on up to {@link #threads()} threads; results come back in task order,
 * so a caller that combines them in that order gets the same bits for any thread count.
 *
 * <p>The calling thread takes part in the work. A task that itself calls {@code Parallel} runs
 * its inner tasks on its own thread, so nesting never deadlocks. The first failure by task
 * index is rethrown; a {@link TomolyteException} unchanged, anything else as an
 * {@link InternalException}.
 */
public final class Parallel {

    private static volatile int threads = Runtime.getRuntime().availableProcessors();
    private static ExecutorService pool;
    private static int poolSize;
    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);

    private Parallel() {
    }

    /** Number of threads used (default: available processors). */
    public static int threads() {
        return threads;
    }

    /** Sets the number of threads, 1..1024 (the CLI's {@code --threads}). */
    public static void setThreads(int n) {
        if (n < 1 || n > 1024) {
            throw new ParameterException("threads must be in 1..1024, got " + n);
        }
        threads = n;
    }

    /** Runs {@code task} for 0..n-1 and returns the results in index order. */
    public static <R> List<R> map(int n, IntFunction<R> task) {
        return map(n, task, Progress.NONE);
    }

    /** As {@link #map(int, IntFunction)}, advancing {@code progress} by one per finished task. */
    public static <R> List<R> map(int n, IntFunction<R> task, Progress progress) {
        Object[] results = new Object[n];
        Throwable[] failures = new Throwable[n];
        int t = Math.min(threads, n);
        if (t <= 1 || INSIDE.get()) {
            for (int i = 0; i < n; i++) {
                results[i] = task.apply(i);
                progress.advance(1);
            }
        } else {
            AtomicInteger next = new AtomicInteger();
            Runnable worker = () -> {
                boolean outer = INSIDE.get();
                INSIDE.set(true);
                try {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        try {
                            results[i] = task.apply(i);
                        } catch (Throwable e) {
                            failures[i] = e;
                            next.set(n);
                        }
                        progress.advance(1);
                    }
                } finally {
                    INSIDE.set(outer);
                }
            };
            List<Future<?>> helpers = new ArrayList<>();
            ExecutorService ex = pool(t - 1);
            for (int k = 0; k < t - 1; k++) {
                helpers.add(ex.submit(worker));
            }
            worker.run();
            for (Future<?> f : helpers) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InternalException("interrupted while waiting for parallel work", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new InternalException("parallel worker failed: " + e.getCause(), e.getCause());
                }
            }
        }
        for (Throwable f : failures) {
            if (f != null) {
                throw rethrow(f);
            }
        }
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) Arrays.asList(results);
        return list;
    }

    /** Runs {@code task} for 0..n-1 (for tasks that write disjoint parts of an output). */
    public static void forEach(int n, IntConsumer task) {
        forEach(n, task, Progress.NONE);
    }

    /** As {@link #forEach(int, IntConsumer)}, advancing {@code progress} by one per finished task. */
    public static void forEach(int n, IntConsumer task, Progress progress) {
        map(n, i -> {
            task.accept(i);
            return Boolean.TRUE;
        }, progress);
    }

    private static RuntimeException rethrow(Throwable f) {
        if (f instanceof TomolyteException te) {
            return te;
        }
        if (f instanceof Error err) {
            throw err;
        }
        return new InternalException("parallel task failed: " + f, f);
    }

    private static synchronized ExecutorService pool(int size) {
        if (pool == null || poolSize < size) {
            if (pool != null) {
                pool.shutdown();
            }
            pool = Executors.newFixedThreadPool(size, r -> {
                Thread th = new Thread(r, "tomolyte-worker");
                th.setDaemon(true);
                return th;
            });
            poolSize = size;
        }
        return pool;
    }
}
