package org.tomolyte.image.label;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.tomolyte.core.DataType;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.Volume;

/**
 * An output volume allocated on a background thread while the caller computes: allocation
 * zero-fills the whole volume on one thread (for a 512^3 I32 volume about as long as labelling
 * it), so overlapping the two shortens the wall time. The volume is zero-filled as usual; results
 * do not depend on timing. Closing a {@code Prealloc} whose volume was never taken frees it.
 */
final class Prealloc implements AutoCloseable {

    private final FutureTask<Volume> task;
    private boolean taken;

    Prealloc(Volume like, DataType type) {
        task = new FutureTask<>(() -> Volume.allocateLike(like, type));
        Thread.ofPlatform().daemon().name("tomolyte-alloc").start(task);
    }

    /** The zero-filled volume (waits for the allocation); rethrows its failure. */
    Volume take() {
        Volume v = await();
        taken = true;
        return v;
    }

    private Volume await() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InternalException("interrupted while allocating an output volume", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new InternalException("allocating an output volume failed: " + e.getCause(), e.getCause());
        }
    }

    /** Frees the volume when it was not taken (waiting for the allocation if needed). */
    @Override
    public void close() {
        if (!taken) {
            taken = true;
            await().close();
        }
    }
}
