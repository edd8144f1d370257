package org.tomolyte.core;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Zeroed native memory from the C library's {@code calloc}. For large blocks the C library maps
 * fresh pages, which the operating system supplies already zeroed and only when first touched, so
 * allocating an output volume costs nothing until it is written — unlike {@link Arena#allocate},
 * which zero-fills every byte on the calling thread. The memory is freed when the arena closes.
 * Falls back to {@link Arena#allocate} when {@code calloc} cannot be linked (native access not
 * enabled, or an unusual platform).
 */
final class NativeMemory {

    private static final MethodHandle CALLOC;
    private static final MethodHandle FREE;

    static {
        MethodHandle calloc = null;
        MethodHandle free = null;
        try {
            Linker linker = Linker.nativeLinker();
            Optional<MemorySegment> c = linker.defaultLookup().find("calloc");
            Optional<MemorySegment> f = linker.defaultLookup().find("free");
            if (c.isPresent() && f.isPresent()) {
                calloc = linker.downcallHandle(c.get(), FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
                free = linker.downcallHandle(f.get(), FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
            }
        } catch (RuntimeException | LinkageError e) {
            calloc = null;
            free = null;
        }
        CALLOC = calloc;
        FREE = free;
    }

    private NativeMemory() {
    }

    /**
     * {@code bytes} of zeroed memory owned by {@code arena} (freed when it closes), aligned to at
     * least 16 bytes.
     *
     * @throws OutOfMemoryError when the C library cannot provide it
     */
    static MemorySegment zeroed(long bytes, Arena arena) {
        if (CALLOC == null || bytes < (1 << 20)) {
            return arena.allocate(bytes, 64);
        }
        MemorySegment raw;
        try {
            raw = (MemorySegment) CALLOC.invokeExact(1L, bytes);
        } catch (Throwable t) {
            return arena.allocate(bytes, 64);
        }
        if (raw.equals(MemorySegment.NULL)) {
            throw new OutOfMemoryError("calloc of " + bytes + " bytes failed");
        }
        return raw.reinterpret(bytes, arena, NativeMemory::free);
    }

    private static void free(MemorySegment segment) {
        try {
            FREE.invokeExact(segment);
        } catch (Throwable t) {
            throw new InternalException("free() of native volume memory failed: " + t, t);
        }
    }
}
