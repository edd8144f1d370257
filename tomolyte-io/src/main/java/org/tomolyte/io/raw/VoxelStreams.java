package org.tomolyte.io.raw;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;

/**
 * Bulk byte movement of voxels between a {@link Volume}'s storage and files, shared by the raw,
 * NPY and Zarr formats. Copies are bulk {@link MemorySegment#copy(MemorySegment, ValueLayout, long,
 * MemorySegment, ValueLayout, long, long) segment copies}; when the byte orders differ the copy
 * swaps the bytes of each element, so no per-type code is needed.
 */
public final class VoxelStreams {

    /** Bytes written per channel call: a bounded piece so that huge volumes stream in constant heap. */
    static final int PIECE_BYTES = 8 << 20;

    private VoxelStreams() {
    }

    /**
     * The layout used to copy elements of {@code bytes} bytes (1, 2, 4 or 8) in byte order
     * {@code order}: an unaligned integer layout of that size. Copying between two such layouts
     * of different order swaps the bytes of each element (floats are moved bit for bit).
     */
    public static ValueLayout elementLayout(int bytes, ByteOrder order) {
        return switch (bytes) {
            case 1 -> ValueLayout.JAVA_BYTE;
            case 2 -> ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(order);
            case 4 -> ValueLayout.JAVA_INT_UNALIGNED.withOrder(order);
            case 8 -> ValueLayout.JAVA_LONG_UNALIGNED.withOrder(order);
            default -> throw new InternalException("element size must be 1, 2, 4 or 8 bytes, got " + bytes);
        };
    }

    /**
     * Copies {@code count} voxels of {@code volume} starting at linear index {@code index} into
     * {@code dst} at byte offset {@code dstOffset}, in byte order {@code order}.
     */
    public static void copyOut(Volume volume, long index, MemorySegment dst, long dstOffset, long count, ByteOrder order) {
        int b = volume.type().bytes();
        MemorySegment.copy(volume.segment(), elementLayout(b, volume.order()), index * b,
                dst, elementLayout(b, order), dstOffset, count);
    }

    /**
     * Copies {@code count} voxels stored in {@code src} at byte offset {@code srcOffset} in byte
     * order {@code order} (of the volume's type) into {@code volume} starting at linear index {@code index}.
     */
    public static void copyIn(MemorySegment src, long srcOffset, ByteOrder order, Volume volume, long index, long count) {
        int b = volume.type().bytes();
        MemorySegment.copy(src, elementLayout(b, order), srcOffset,
                volume.segment(), elementLayout(b, volume.order()), index * b, count);
    }

    /**
     * Writes all voxels of {@code volume} (x fastest) to {@code out} as little-endian bytes, in
     * pieces of at most 8 MiB; a big-endian volume is converted piece by piece. Advances
     * {@code progress} by one per piece written.
     *
     * @throws IOException when the channel fails
     */
    public static void writeLittleEndian(Volume volume, WritableByteChannel out, Progress progress) throws IOException {
        MemorySegment seg = volume.segment();
        int b = volume.type().bytes();
        long total = seg.byteSize();
        long piece = (PIECE_BYTES / b) * (long) b;
        boolean swap = volume.order() != ByteOrder.LITTLE_ENDIAN && b > 1;
        byte[] buffer = swap ? new byte[(int) Math.min(piece, total)] : null;
        for (long off = 0; off < total; off += piece) {
            long len = Math.min(piece, total - off);
            ByteBuffer bb;
            if (swap) {
                copyOut(volume, off / b, MemorySegment.ofArray(buffer), 0, len / b, ByteOrder.LITTLE_ENDIAN);
                bb = ByteBuffer.wrap(buffer, 0, (int) len);
            } else {
                bb = seg.asSlice(off, len).asByteBuffer();
            }
            while (bb.hasRemaining()) {
                out.write(bb);
            }
            progress.advance(1);
        }
    }

    /** Number of pieces {@link #writeLittleEndian} writes for {@code volume} (for progress totals). */
    public static long pieces(Volume volume) {
        long piece = (PIECE_BYTES / volume.type().bytes()) * (long) volume.type().bytes();
        return Math.max(1, (volume.byteSize() + piece - 1) / piece);
    }
}
