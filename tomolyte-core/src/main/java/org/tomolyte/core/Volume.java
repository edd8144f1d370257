package org.tomolyte.core;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A dense 3D scalar image stored off-heap in a {@link MemorySegment} and indexed by {@code long},
 * so volumes above 2^31 voxels work. Layout is x fastest, then y, then z (the same as a TIFF
 * stack and numpy's {@code (z, y, x)}).
 *
 * <p>A volume is either allocated in native memory ({@link #allocate}), or backed by a
 * memory-mapped file ({@link #mapRaw}, {@link #createMapped}) so that a volume larger than the
 * heap or than physical memory opens without being loaded. {@link #slab} and
 * {@link #withSpacing} give views that share storage; {@link #crop} and {@link #copy} copy.
 *
 * <p>Values are read and written as {@code double} whatever the {@link DataType}, so one copy of
 * an algorithm serves all types; writing to an integer volume rounds half away from zero and
 * clamps to the type's range ({@link DataType#clamp}). Bulk row access ({@link #readRow},
 * {@link #writeRow}) is the fast path for filters.
 *
 * <p>Thread safety: different threads may read and write different voxels concurrently.
 * Closing a volume frees (or unmaps) its storage and invalidates its views.
 */
public final class Volume implements AutoCloseable {

    private final Dims dims;
    private final Spacing spacing;
    private final DataType type;
    private final MemorySegment data;
    private final ByteOrder order;
    private final Arena arena;
    private final boolean little;
    private boolean tracked;

    private Volume(Dims dims, Spacing spacing, DataType type, MemorySegment data, ByteOrder order, Arena arena) {
        this.dims = dims;
        this.spacing = spacing;
        this.type = type;
        this.data = data;
        this.order = order;
        this.arena = arena;
        this.little = order == ByteOrder.LITTLE_ENDIAN;
    }

    // Element access through constant layouts: the JIT folds a static final layout into a plain
    // load or store, while a layout held in a field costs a slow VarHandle call per voxel. The
    // byte-order branch is loop-invariant and predicted.
    private static final ValueLayout.OfShort LE_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort BE_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt LE_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt BE_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfFloat LE_FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat BE_FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfDouble LE_DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfDouble BE_DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private short getShort(long byteOffset) {
        return little ? data.get(LE_SHORT, byteOffset) : data.get(BE_SHORT, byteOffset);
    }

    private void putShort(long byteOffset, short v) {
        if (little) {
            data.set(LE_SHORT, byteOffset, v);
        } else {
            data.set(BE_SHORT, byteOffset, v);
        }
    }

    private int getInt32(long byteOffset) {
        return little ? data.get(LE_INT, byteOffset) : data.get(BE_INT, byteOffset);
    }

    private void putInt(long byteOffset, int v) {
        if (little) {
            data.set(LE_INT, byteOffset, v);
        } else {
            data.set(BE_INT, byteOffset, v);
        }
    }

    private float getFloat(long byteOffset) {
        return little ? data.get(LE_FLOAT, byteOffset) : data.get(BE_FLOAT, byteOffset);
    }

    private void putFloat(long byteOffset, float v) {
        if (little) {
            data.set(LE_FLOAT, byteOffset, v);
        } else {
            data.set(BE_FLOAT, byteOffset, v);
        }
    }

    private double getDouble(long byteOffset) {
        return little ? data.get(LE_DOUBLE, byteOffset) : data.get(BE_DOUBLE, byteOffset);
    }

    private void putDouble(long byteOffset, double v) {
        if (little) {
            data.set(LE_DOUBLE, byteOffset, v);
        } else {
            data.set(BE_DOUBLE, byteOffset, v);
        }
    }

    /**
     * A new zero-filled volume in native memory.
     *
     * @throws InputException when the volume would not fit in the machine's physical memory
     */
    public static Volume allocate(Dims dims, DataType type, Spacing spacing) {
        long bytes = Math.multiplyExact(dims.voxels(), type.bytes());
        MemoryBudget.require(bytes, "a " + dims + " " + type.label() + " volume");
        Arena arena = Arena.ofShared();
        try {
            Volume v = new Volume(dims, spacing, type, NativeMemory.zeroed(bytes, arena), ByteOrder.LITTLE_ENDIAN, arena);
            v.tracked = true;
            MemoryBudget.track(bytes);
            return v;
        } catch (OutOfMemoryError e) {
            arena.close();
            throw new InputException("not enough memory for a " + dims + " " + type.label() + " volume ("
                    + MemoryBudget.human(bytes) + ")", e);
        }
    }

    /** A new volume of the same size and spacing as {@code like}, of type {@code type}, zero-filled. */
    public static Volume allocateLike(Volume like, DataType type) {
        return allocate(like.dims, type, like.spacing);
    }

    /**
     * Maps a raw file of voxels (x fastest) without loading it.
     *
     * @param file     the raw file
     * @param offset   bytes to skip at the start (a header), &gt;= 0
     * @param writable map read-write (changes go to the file) or read-only
     * @throws InputException when the file is shorter than {@code offset + voxels * bytes}
     */
    public static Volume mapRaw(Path file, long offset, Dims dims, DataType type, ByteOrder order, Spacing spacing, boolean writable) {
        if (offset < 0) {
            throw new ParameterException("raw offset must be >= 0 bytes, got " + offset);
        }
        long bytes = Math.multiplyExact(dims.voxels(), type.bytes());
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (size < offset + bytes) {
            throw new InputException(file + ": expected at least " + (offset + bytes) + " bytes for " + dims + " "
                    + type.label() + " voxels after a " + offset + "-byte header, found " + size + " bytes");
        }
        Arena arena = Arena.ofShared();
        try (FileChannel ch = writable
                ? FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(file, StandardOpenOption.READ)) {
            MemorySegment seg = ch.map(writable ? FileChannel.MapMode.READ_WRITE : FileChannel.MapMode.READ_ONLY, offset, bytes, arena);
            return new Volume(dims, spacing, type, seg, order, arena);
        } catch (IOException e) {
            arena.close();
            throw new InputException(file + ": cannot map " + bytes + " bytes (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Creates (or truncates) {@code file} as a sparse raw file of the right size and maps it
     * read-write. Useful for outputs larger than memory and for tests of very large volumes.
     */
    public static Volume createMapped(Path file, Dims dims, DataType type, Spacing spacing) {
        long bytes = Math.multiplyExact(dims.voxels(), type.bytes());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(0);
            raf.setLength(bytes);
        } catch (IOException e) {
            throw new InternalException(file + ": cannot create a " + bytes + "-byte file (" + e.getMessage() + ")", e);
        }
        return mapRaw(file, 0, dims, type, ByteOrder.LITTLE_ENDIAN, spacing, true);
    }

    /** Size in voxels. */
    public Dims dims() {
        return dims;
    }

    /** Voxel size in micrometres. */
    public Spacing spacing() {
        return spacing;
    }

    /** Voxel type. */
    public DataType type() {
        return type;
    }

    /** Byte order of the storage (little-endian except for mapped big-endian raw files). */
    public ByteOrder order() {
        return order;
    }

    /** Number of voxels. */
    public long voxels() {
        return dims.voxels();
    }

    /**
     * True when the storage cannot be written (an input memory-mapped read-only, as raw and NPY
     * files are); ops never write their inputs, so this matters only to code that writes in place.
     */
    public boolean isReadOnly() {
        return data.isReadOnly();
    }

    /** Storage size in bytes. */
    public long byteSize() {
        return data.byteSize();
    }

    /** The storage itself, for readers and writers that move bytes in bulk. Byte order is {@link #order()}. */
    public MemorySegment segment() {
        return data;
    }

    /** Value of voxel {@code i} (linear index, x fastest). U8/U16 are returned unsigned. */
    public double get(long i) {
        return switch (type) {
            case U8 -> Byte.toUnsignedInt(data.get(ValueLayout.JAVA_BYTE, i));
            case U16 -> Short.toUnsignedInt(getShort(i << 1));
            case I32 -> getInt32(i << 2);
            case F32 -> getFloat(i << 2);
            case F64 -> getDouble(i << 3);
        };
    }

    /** Value of voxel (x, y, z). */
    public double get(int x, int y, int z) {
        return get(dims.index(x, y, z));
    }

    /**
     * Integer value of voxel {@code i}; for labels and phases. Float values are truncated toward zero.
     */
    public int getInt(long i) {
        return switch (type) {
            case U8 -> Byte.toUnsignedInt(data.get(ValueLayout.JAVA_BYTE, i));
            case U16 -> Short.toUnsignedInt(getShort(i << 1));
            case I32 -> getInt32(i << 2);
            case F32 -> (int) getFloat(i << 2);
            case F64 -> (int) getDouble(i << 3);
        };
    }

    /** Integer value of voxel (x, y, z); for labels and phases. */
    public int getInt(int x, int y, int z) {
        return getInt(dims.index(x, y, z));
    }

    /** Sets voxel {@code i}; integer types round half away from zero and clamp to their range. */
    public void set(long i, double v) {
        switch (type) {
            case U8 -> data.set(ValueLayout.JAVA_BYTE, i, (byte) (int) DataType.U8.clamp(v));
            case U16 -> putShort(i << 1, (short) (int) DataType.U16.clamp(v));
            case I32 -> putInt(i << 2, (int) DataType.I32.clamp(v));
            case F32 -> putFloat(i << 2, (float) v);
            case F64 -> putDouble(i << 3, v);
        }
    }

    /** Sets voxel (x, y, z). */
    public void set(int x, int y, int z, double v) {
        set(dims.index(x, y, z), v);
    }

    /** Copies {@code dst.length} voxels starting at linear index {@code start} into {@code dst}. */
    public void read(long start, double[] dst) {
        read(start, dst, 0, dst.length);
    }

    /**
     * Copies {@code len} voxels starting at linear index {@code start} into {@code dst[off..]}
     * as doubles (U8/U16 unsigned). Exact for every type.
     */
    public void read(long start, double[] dst, int off, int len) {
        checkBulk(start, dst.length, off, len);
        switch (type) {
            case F64 -> MemorySegment.copy(data, little ? LE_DOUBLE : BE_DOUBLE, start << 3, dst, off, len);
            case U8 -> {
                byte[] b = Scratch.bytes(len);
                MemorySegment.copy(data, ValueLayout.JAVA_BYTE, start, b, 0, len);
                for (int k = 0; k < len; k++) {
                    dst[off + k] = b[k] & 0xFF;
                }
            }
            case U16 -> {
                short[] h = Scratch.shorts(len);
                MemorySegment.copy(data, little ? LE_SHORT : BE_SHORT, start << 1, h, 0, len);
                for (int k = 0; k < len; k++) {
                    dst[off + k] = h[k] & 0xFFFF;
                }
            }
            case I32 -> {
                int[] n = Scratch.ints(len);
                MemorySegment.copy(data, little ? LE_INT : BE_INT, start << 2, n, 0, len);
                for (int k = 0; k < len; k++) {
                    dst[off + k] = n[k];
                }
            }
            case F32 -> {
                float[] f = Scratch.floats(len);
                MemorySegment.copy(data, little ? LE_FLOAT : BE_FLOAT, start << 2, f, 0, len);
                for (int k = 0; k < len; k++) {
                    dst[off + k] = f[k];
                }
            }
        }
    }

    /** Writes {@code src} to the voxels starting at linear index {@code start}. */
    public void write(long start, double[] src) {
        write(start, src, 0, src.length);
    }

    /**
     * Writes {@code src[off..off+len)} to the voxels starting at {@code start}; integer types
     * round half away from zero and clamp to their range (NaN becomes 0), as {@link #set(long, double)}.
     */
    public void write(long start, double[] src, int off, int len) {
        checkBulk(start, src.length, off, len);
        switch (type) {
            case F64 -> MemorySegment.copy(src, off, data, little ? LE_DOUBLE : BE_DOUBLE, start << 3, len);
            case F32 -> {
                float[] f = Scratch.floats(len);
                for (int k = 0; k < len; k++) {
                    f[k] = (float) src[off + k];
                }
                MemorySegment.copy(f, 0, data, little ? LE_FLOAT : BE_FLOAT, start << 2, len);
            }
            case U8 -> {
                byte[] b = Scratch.bytes(len);
                for (int k = 0; k < len; k++) {
                    b[k] = (byte) roundClamp(src[off + k], 0, 255);
                }
                MemorySegment.copy(b, 0, data, ValueLayout.JAVA_BYTE, start, len);
            }
            case U16 -> {
                short[] h = Scratch.shorts(len);
                for (int k = 0; k < len; k++) {
                    h[k] = (short) roundClamp(src[off + k], 0, 65535);
                }
                MemorySegment.copy(h, 0, data, little ? LE_SHORT : BE_SHORT, start << 1, len);
            }
            case I32 -> {
                int[] n = Scratch.ints(len);
                for (int k = 0; k < len; k++) {
                    n[k] = (int) roundClamp(src[off + k], Integer.MIN_VALUE, Integer.MAX_VALUE);
                }
                MemorySegment.copy(n, 0, data, little ? LE_INT : BE_INT, start << 2, len);
            }
        }
    }

    /** Rounds half away from zero and clamps to [lo, hi]; NaN gives 0. Same as {@link DataType#clamp}. */
    private static long roundClamp(double v, long lo, long hi) {
        if (v != v) {
            return 0;
        }
        if (v <= lo) {
            return lo;
        }
        if (v >= hi) {
            return hi;
        }
        return (long) (v >= 0 ? Math.floor(v + 0.5) : -Math.floor(-v + 0.5));
    }

    /**
     * Copies {@code len} voxels starting at linear index {@code start} into {@code dst[off..]}
     * as floats (U8/U16 unsigned; I32 and F64 converted). The fast path for kernels: a bulk copy
     * followed by one widening loop.
     */
    public void read(long start, float[] dst, int off, int len) {
        checkBulk(start, dst.length, off, len);
        switch (type) {
            case F32 -> MemorySegment.copy(data, little ? LE_FLOAT : BE_FLOAT, start << 2, dst, off, len);
            case U8 -> {
                byte[] b = Scratch.bytes(len);
                MemorySegment.copy(data, ValueLayout.JAVA_BYTE, start, b, 0, len);
                for (int k = 0; k < len; k++) {
                    dst[off + k] = b[k] & 0xFF;
                }
            }
            case U16 -> {
                short[] h = Scratch.shorts(len);
                MemorySegment.copy(data, little ? LE_SHORT : BE_SHORT, start << 1, h, 0, len);
                for (int k = 0; k < len; k++) {
                    dst[off + k] = h[k] & 0xFFFF;
                }
            }
            case I32 -> {
                int[] n = Scratch.ints(len);
                MemorySegment.copy(data, little ? LE_INT : BE_INT, start << 2, n, 0, len);
                for (int k = 0; k < len; k++) {
                    dst[off + k] = n[k];
                }
            }
            case F64 -> {
                double[] d = Scratch.doubles(len);
                MemorySegment.copy(data, little ? LE_DOUBLE : BE_DOUBLE, start << 3, d, 0, len);
                for (int k = 0; k < len; k++) {
                    dst[off + k] = (float) d[k];
                }
            }
        }
    }

    /**
     * Writes {@code src[off..off+len)} to the voxels starting at {@code start}; integer types
     * round half away from zero and clamp as {@link #set(long, double)} does.
     */
    public void write(long start, float[] src, int off, int len) {
        checkBulk(start, src.length, off, len);
        switch (type) {
            case F32 -> MemorySegment.copy(src, off, data, little ? LE_FLOAT : BE_FLOAT, start << 2, len);
            case F64 -> {
                double[] d = Scratch.doubles(len);
                for (int k = 0; k < len; k++) {
                    d[k] = src[off + k];
                }
                MemorySegment.copy(d, 0, data, little ? LE_DOUBLE : BE_DOUBLE, start << 3, len);
            }
            case U8 -> {
                byte[] b = Scratch.bytes(len);
                for (int k = 0; k < len; k++) {
                    b[k] = (byte) roundClamp(src[off + k], 0, 255);
                }
                MemorySegment.copy(b, 0, data, ValueLayout.JAVA_BYTE, start, len);
            }
            case U16 -> {
                short[] h = Scratch.shorts(len);
                for (int k = 0; k < len; k++) {
                    h[k] = (short) roundClamp(src[off + k], 0, 65535);
                }
                MemorySegment.copy(h, 0, data, little ? LE_SHORT : BE_SHORT, start << 1, len);
            }
            case I32 -> {
                int[] n = Scratch.ints(len);
                for (int k = 0; k < len; k++) {
                    n[k] = (int) roundClamp(src[off + k], Integer.MIN_VALUE, Integer.MAX_VALUE);
                }
                MemorySegment.copy(n, 0, data, little ? LE_INT : BE_INT, start << 2, len);
            }
        }
    }

    /**
     * Copies {@code len} voxels starting at {@code start} into {@code dst[off..]} as ints (labels,
     * masks; U8/U16 unsigned, floats truncated toward zero).
     */
    public void read(long start, int[] dst, int off, int len) {
        checkBulk(start, dst.length, off, len);
        switch (type) {
            case I32 -> MemorySegment.copy(data, little ? LE_INT : BE_INT, start << 2, dst, off, len);
            case U8 -> {
                byte[] b = Scratch.bytes(len);
                MemorySegment.copy(data, ValueLayout.JAVA_BYTE, start, b, 0, len);
                for (int k = 0; k < len; k++) {
                    dst[off + k] = b[k] & 0xFF;
                }
            }
            case U16 -> {
                short[] h = Scratch.shorts(len);
                MemorySegment.copy(data, little ? LE_SHORT : BE_SHORT, start << 1, h, 0, len);
                for (int k = 0; k < len; k++) {
                    dst[off + k] = h[k] & 0xFFFF;
                }
            }
            case F32 -> {
                float[] f = Scratch.floats(len);
                MemorySegment.copy(data, little ? LE_FLOAT : BE_FLOAT, start << 2, f, 0, len);
                for (int k = 0; k < len; k++) {
                    dst[off + k] = (int) f[k];
                }
            }
            case F64 -> {
                double[] d = Scratch.doubles(len);
                MemorySegment.copy(data, little ? LE_DOUBLE : BE_DOUBLE, start << 3, d, 0, len);
                for (int k = 0; k < len; k++) {
                    dst[off + k] = (int) d[k];
                }
            }
        }
    }

    /** Writes ints to the voxels starting at {@code start}, clamped to the type's range. */
    public void write(long start, int[] src, int off, int len) {
        checkBulk(start, src.length, off, len);
        switch (type) {
            case I32 -> MemorySegment.copy(src, off, data, little ? LE_INT : BE_INT, start << 2, len);
            case U8 -> {
                byte[] b = Scratch.bytes(len);
                for (int k = 0; k < len; k++) {
                    b[k] = (byte) Math.max(0, Math.min(255, src[off + k]));
                }
                MemorySegment.copy(b, 0, data, ValueLayout.JAVA_BYTE, start, len);
            }
            case U16 -> {
                short[] h = Scratch.shorts(len);
                for (int k = 0; k < len; k++) {
                    h[k] = (short) Math.max(0, Math.min(65535, src[off + k]));
                }
                MemorySegment.copy(h, 0, data, little ? LE_SHORT : BE_SHORT, start << 1, len);
            }
            case F32 -> {
                float[] f = Scratch.floats(len);
                for (int k = 0; k < len; k++) {
                    f[k] = src[off + k];
                }
                MemorySegment.copy(f, 0, data, little ? LE_FLOAT : BE_FLOAT, start << 2, len);
            }
            case F64 -> {
                double[] d = Scratch.doubles(len);
                for (int k = 0; k < len; k++) {
                    d[k] = src[off + k];
                }
                MemorySegment.copy(d, 0, data, little ? LE_DOUBLE : BE_DOUBLE, start << 3, len);
            }
        }
    }

    /**
     * Copies {@code len} raw bytes of a U8 volume (masks, small label sets) starting at voxel
     * {@code start} into {@code dst[off..]}; values are unsigned ({@code b & 0xFF}).
     *
     * @throws InternalException when the volume is not U8
     */
    public void read(long start, byte[] dst, int off, int len) {
        requireU8();
        checkBulk(start, dst.length, off, len);
        MemorySegment.copy(data, ValueLayout.JAVA_BYTE, start, dst, off, len);
    }

    /** Writes raw bytes to a U8 volume starting at voxel {@code start}. */
    public void write(long start, byte[] src, int off, int len) {
        requireU8();
        checkBulk(start, src.length, off, len);
        MemorySegment.copy(src, off, data, ValueLayout.JAVA_BYTE, start, len);
    }

    private void requireU8() {
        if (type != DataType.U8) {
            throw new InternalException("byte access needs a u8 volume, this one is " + type.label());
        }
    }

    private void checkBulk(long start, int arrayLength, int off, int len) {
        if (start < 0 || len < 0 || off < 0 || off + len > arrayLength || start + len > voxels()) {
            throw new InternalException("bulk access out of range: voxels " + start + ".." + (start + len) + " of " + voxels()
                    + ", array " + off + ".." + (off + len) + " of " + arrayLength);
        }
    }

    /** Reads row (y, z) (all x) into {@code dst}, which must hold {@code nx} values. */
    public void readRow(int y, int z, double[] dst) {
        requireRowLength(dst);
        read(dims.index(0, y, z), dst);
    }

    /** Writes row (y, z) (all x) from {@code src}, which must hold {@code nx} values. */
    public void writeRow(int y, int z, double[] src) {
        requireRowLength(src);
        write(dims.index(0, y, z), src);
    }

    private void requireRowLength(double[] row) {
        if (row.length != dims.nx()) {
            throw new InternalException("row buffer must hold nx=" + dims.nx() + " values, has " + row.length);
        }
    }

    /** Sets every voxel to {@code v} (clamped for integer types). */
    public void fill(double v) {
        if (v == 0) {
            data.fill((byte) 0);
            return;
        }
        for (long i = 0, n = voxels(); i < n; i++) {
            set(i, v);
        }
    }

    /** A view of slices {@code z0..z1-1} sharing this volume's storage. */
    public Volume slab(int z0, int z1) {
        if (z0 < 0 || z1 > dims.nz() || z1 <= z0) {
            throw new ParameterException("slab must satisfy 0 <= z0 < z1 <= " + dims.nz() + ", got " + z0 + ".." + z1);
        }
        long sliceBytes = dims.sliceVoxels() * type.bytes();
        return new Volume(new Dims(dims.nx(), dims.ny(), z1 - z0), spacing, type,
                data.asSlice(z0 * sliceBytes, (z1 - z0) * sliceBytes), order, null);
    }

    /** A view of slice {@code z} (a volume with nz = 1) sharing storage. */
    public Volume slice(int z) {
        return slab(z, z + 1);
    }

    /**
     * The same voxels with another voxel size (e.g. when a protocol overrides the file's
     * calibration). Storage is shared and so is ownership: closing either volume frees it.
     */
    public Volume withSpacing(Spacing newSpacing) {
        Volume v = new Volume(dims, newSpacing, type, data, order, arena);
        v.tracked = tracked;
        return v;
    }

    /** A new volume holding the voxels of {@code box}, same type and spacing. */
    public Volume crop(Box box) {
        if (!box.fitsIn(dims)) {
            throw new ParameterException("crop " + box + " does not fit in a " + dims + " volume (end indices are exclusive)");
        }
        Volume out = allocate(box.dims(), type, spacing);
        int b = type.bytes();
        long rowBytes = (long) (box.x1() - box.x0()) * b;
        for (int z = box.z0(); z < box.z1(); z++) {
            for (int y = box.y0(); y < box.y1(); y++) {
                long src = dims.index(box.x0(), y, z) * b;
                long dst = out.dims.index(0, y - box.y0(), z - box.z0()) * b;
                if (order == out.order) {
                    MemorySegment.copy(data, src, out.data, dst, rowBytes);
                } else {
                    for (int x = box.x0(); x < box.x1(); x++) {
                        out.set(out.dims.index(x - box.x0(), y - box.y0(), z - box.z0()), get(x, y, z));
                    }
                }
            }
        }
        return out;
    }

    /** A new volume with the same content in native memory and little-endian order. */
    public Volume copy() {
        return crop(Box.of(dims));
    }

    /** True when both volumes have equal dims, type and voxel values (spacing is not compared). */
    public boolean contentEquals(Volume other) {
        if (!dims.equals(other.dims) || type != other.type) {
            return false;
        }
        if (order == other.order) {
            return data.mismatch(other.data) < 0;
        }
        for (long i = 0, n = voxels(); i < n; i++) {
            if (Double.compare(get(i), other.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Flushes a writable memory-mapped volume to its file; does nothing for native memory. */
    public void force() {
        if (data.isMapped() && !data.isReadOnly()) {
            data.force();
        }
    }

    /** Frees or unmaps the storage. Views of this volume become unusable. Closing a view does nothing. */
    @Override
    public synchronized void close() {
        if (arena != null && arena.scope().isAlive()) {
            arena.close();
            if (tracked) {
                MemoryBudget.track(-data.byteSize());
            }
        }
    }

    @Override
    public String toString() {
        return "Volume[" + dims + " " + type.label() + ", spacing " + spacing + "]";
    }
}
