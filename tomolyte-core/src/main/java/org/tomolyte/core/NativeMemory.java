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
 * which zero-fills every byte on the calling thread. On Linux large blocks are also advised to use
 * transparent huge pages. The memory is freed when the arena closes.
 * Falls back to {@link Arena#allocate} when {@code calloc} cannot be linked (native access not
 * enabled, or an unusual platform).
 */
final class NativeMemory {

    private static final MethodHandle CALLOC;
    private static final MethodHandle FREE;
    private static final MethodHandle MADVISE;
    /** Linux {@code MADV_HUGEPAGE}: back the range with transparent huge pages where the kernel allows. */
    private static final int MADV_HUGEPAGE = 14;
    private static final long PAGE = 4096;

    static {
        MethodHandle calloc = null;
        MethodHandle free = null;
        MethodHandle madvise = null;
        try {
            Linker linker = Linker.nativeLinker();
            Optional<MemorySegment> c = linker.defaultLookup().find("calloc");
            Optional<MemorySegment> f = linker.defaultLookup().find("free");
            if (c.isPresent() && f.isPresent()) {
                calloc = linker.downcallHandle(c.get(), FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
                free = linker.downcallHandle(f.get(), FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
            }
            Optional<MemorySegment> m = linker.defaultLookup().find("madvise");
            if (m.isPresent() && System.getProperty("os.name", "").startsWith("Linux")) {
                madvise = linker.downcallHandle(m.get(), FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
            }
        } catch (RuntimeException | LinkageError e) {
            calloc = null;
            free = null;
            madvise = null;
        }
        CALLOC = calloc;
        FREE = free;
        MADVISE = madvise;
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
        adviseHugePages(raw.address(), bytes);
        return raw.reinterpret(bytes, arena, NativeMemory::free);
    }

    /**
     * Asks Linux to back the page-aligned part of a large block with transparent huge pages: the
     * first write to a fresh output volume then takes one page fault per 2 MiB instead of per
     * 4 KiB. Purely advisory; an error (no THP, another OS) changes nothing.
     */
    private static void adviseHugePages(long address, long bytes) {
        if (MADVISE == null || bytes < (8L << 20)) {
            return;
        }
        long start = (address + PAGE - 1) & -PAGE;
        long end = (address + bytes) & -PAGE;
        if (end > start) {
            try {
                int ignored = (int) MADVISE.invokeExact(start, end - start, MADV_HUGEPAGE);
            } catch (Throwable t) {
                // advisory only: the memory is valid either way
            }
        }
    }

    private static void free(MemorySegment segment) {
        try {
            FREE.invokeExact(segment);
        } catch (Throwable t) {
            throw new InternalException("free() of native volume memory failed: " + t, t);
        }
    }
}
