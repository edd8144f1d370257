package org.tomolyte.image.morphology;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tomolyte.core.BlockGrid;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;

/**
 * Direct binary dilation and erosion with a small ball, written as the union of the ball's x runs.
 *
 * <p>The ball of {@link BallMorphology#inBall} is a set of (dy, dz) rows, each the x run
 * {@code [-w, +w]} with {@code w = w(dy, dz)} the largest |dx| still inside (membership is
 * monotone in |dx|, |dy| and |dz| because each squared term grows with its offset and
 * floating-point addition is monotone). Each input row is packed to one bit per voxel (voxel x is
 * bit {@code x & 63} of word {@code x / 64}; set for the target: foreground for dilation,
 * background for erosion) and dilated along x once per distinct w, each step an OR of the row with
 * itself shifted by one voxel either way ({@code w} steps give the run of half-width w). An
 * output voxel is then the OR over the ball's rows of run w(dy, dz) of row (y+dy, z+dz), 64
 * voxels per operation. Rows outside the volume contribute nothing: outside is background for
 * dilation and foreground for erosion, where the result is the complement of "a background voxel
 * lies in the ball". The result is exactly the brute-force morphology with the ball, ties
 * included, since the ball is enumerated with the same {@link BallMorphology#inBall} expression.
 *
 * <p>Work is split into z slabs of a fixed grid ({@code 2^23} voxels each); each slab keeps a
 * ring of 2 rz + 1 planes of packed runs (rz the ball's half height in voxels), so only the rz
 * planes either side of a slab are packed twice. Every output voxel is a pure function of the
 * input, so the result does not depend on the thread count. Scratch per thread: the ring,
 * {@code (2 rz + 1) * distinct widths * ny * nx / 8} bytes.
 */
final class BallRows {

    /** Largest run half-width along x accepted by {@link #of} (a bound on the work per input row). */
    static final int MAX_HALF_WIDTH = 64;

    /** Target slab size in voxels (a fixed grid, independent of the machine). */
    private static final long SLAB_VOXELS = 1L << 23;

    private final int[] dy;
    private final int[] dz;
    private final int[] widthIndex;
    private final int[] widths;
    private final int rz;

    private BallRows(int[] dy, int[] dz, int[] w, int rz) {
        this.dy = dy;
        this.dz = dz;
        this.widths = Arrays.stream(w).distinct().sorted().toArray();
        this.widthIndex = new int[w.length];
        for (int k = 0; k < w.length; k++) {
            widthIndex[k] = Arrays.binarySearch(widths, w[k]);
        }
        this.rz = rz;
    }

    /**
     * The rows of the ball of radius {@code r} um on spacing {@code s}, or null when the ball is
     * wider than {@code maxHalfWidth} voxels along x (either side of the centre) or has more than
     * {@code maxRows} (dy, dz) rows.
     */
    static BallRows of(Spacing s, double r, int maxHalfWidth, int maxRows) {
        if (maxHalfWidth > MAX_HALF_WIDTH) {
            throw new IllegalArgumentException("half width " + maxHalfWidth + " > " + MAX_HALF_WIDTH);
        }
        // the bounds are checked on the exact membership test before any enumeration
        if (BallMorphology.inBall(maxHalfWidth + 1, 0, 0, s, r)) {
            return null;
        }
        int ry = extent(s, r, true, maxRows);
        int rz = extent(s, r, false, maxRows);
        if (ry < 0 || rz < 0) {
            return null;
        }
        List<int[]> rows = new ArrayList<>();
        for (int z = -rz; z <= rz; z++) {
            for (int y = -ry; y <= ry; y++) {
                if (!BallMorphology.inBall(0, y, z, s, r)) {
                    continue;
                }
                int hw = 0;
                while (hw < maxHalfWidth && BallMorphology.inBall(hw + 1, y, z, s, r)) {
                    hw++;
                }
                rows.add(new int[] {y, z, hw});
            }
        }
        if (rows.size() > maxRows) {
            return null;
        }
        int[] ys = new int[rows.size()];
        int[] zs = new int[rows.size()];
        int[] ws = new int[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            ys[k] = rows.get(k)[0];
            zs[k] = rows.get(k)[1];
            ws[k] = rows.get(k)[2];
        }
        return new BallRows(ys, zs, ws, rz);
    }

    /**
     * Largest offset n along y (or z) still inside the ball, or -1 when it exceeds {@code limit}
     * (the ball then has more than {@code limit} rows).
     */
    private static int extent(Spacing s, double r, boolean alongY, int limit) {
        int n = 0;
        while (alongY ? BallMorphology.inBall(0, n + 1, 0, s, r) : BallMorphology.inBall(0, 0, n + 1, s, r)) {
            n++;
            if (n > limit) {
                return -1;
            }
        }
        return n;
    }

    /** True when the ring of packed run planes for a volume of size {@code d} fits one Java array. */
    boolean fits(Dims d) {
        return ((d.nx() + 63L) >>> 6) * d.ny() * widths.length * Math.min(2L * rz + 1, d.nz()) <= Integer.MAX_VALUE - 16;
    }

    /** Number of (dy, dz) rows. */
    int rows() {
        return dy.length;
    }

    /** The largest run half-width along x. */
    int maxHalfWidth() {
        return widths[widths.length - 1];
    }

    /**
     * Dilation ({@code erosion == false}: 1 where a foreground voxel lies in the ball) or erosion
     * (1 where no background voxel does), as a new U8 0/1 volume.
     */
    Volume apply(Volume mask, boolean erosion, Progress progress) {
        Dims d = mask.dims();
        Volume out = Volume.allocateLike(mask, DataType.U8);
        try {
            BlockGrid grid = BlockGrid.slabsOf(d, SLAB_VOXELS);
            progress.start(erosion ? "erosion" : "dilation", grid.count());
            Parallel.forEach(grid.count(), i -> {
                var box = grid.box(i);
                slab(mask, out, erosion, box.z0(), box.z1());
            }, progress);
            progress.done();
            return out;
        } catch (RuntimeException | Error e) {
            out.close();
            throw e;
        }
    }

    private void slab(Volume mask, Volume out, boolean erosion, int z0, int z1) {
        Dims d = mask.dims();
        int nx = d.nx();
        int ny = d.ny();
        int nz = d.nz();
        int words = (nx + 63) >>> 6;
        int ring = Math.min(2 * rz + 1, nz);
        int planeWords = ny * words;
        int nw = widths.length;
        long[] runs = new long[Math.toIntExact((long) planeWords * nw * ring)];
        byte[] bytes = new byte[words * 64];
        double[] values = mask.type() == DataType.U8 ? null : new double[nx];
        long[] a = new long[words];
        long[] b = new long[words];
        long lastMask = (nx & 63) == 0 ? -1L : (1L << (nx & 63)) - 1;
        int next = Math.max(0, z0 - rz);
        for (int z = z0; z < z1; z++) {
            for (int last = Math.min(nz - 1, z + rz); next <= last; next++) {
                int base = (next % ring) * planeWords * nw;
                for (int y = 0; y < ny; y++) {
                    long start = d.index(0, y, next);
                    if (values == null) {
                        mask.read(start, bytes, 0, nx);
                        pack(bytes, a, erosion);
                    } else {
                        mask.read(start, values, 0, nx);
                        pack(values, a, erosion);
                    }
                    a[words - 1] &= lastMask;
                    rowRuns(a, b, runs, base + y * words, planeWords);
                }
            }
            for (int y = 0; y < ny; y++) {
                Arrays.fill(a, 0L);
                for (int k = 0; k < dy.length; k++) {
                    int qy = y + dy[k];
                    int qz = z + dz[k];
                    if (qy < 0 || qy >= ny || qz < 0 || qz >= nz) {
                        continue;
                    }
                    int off = ((qz % ring) * nw + widthIndex[k]) * planeWords + qy * words;
                    for (int i = 0; i < words; i++) {
                        a[i] |= runs[off + i];
                    }
                }
                unpack(a, bytes, erosion);
                out.write(d.index(0, y, z), bytes, 0, nx);
            }
        }
    }

    /**
     * Writes the run dilations of one packed target row {@code t} (destroyed; {@code tmp} is
     * scratch): for the j-th distinct half-width w, bit x of
     * {@code dst[off + j * stride ..]} is set when a target voxel lies within |dx| &lt;= w of x.
     * Bits past the row end may be set by the passes; they are never read back as voxels.
     */
    private void rowRuns(long[] t, long[] tmp, long[] dst, int off, int stride) {
        long[] src = t;
        long[] other = tmp;
        int k = 0;
        for (int j = 0; j < widths.length; j++) {
            for (; k < widths[j]; k++) {
                grow(src, other);
                long[] swap = src;
                src = other;
                other = swap;
            }
            System.arraycopy(src, 0, dst, off + j * stride, src.length);
        }
    }

    /** One voxel more along x: bit x of dst = bits x-1, x, x+1 of src (voxel x is bit x &amp; 63 of word x / 64). */
    private static void grow(long[] src, long[] dst) {
        int n = src.length;
        long prev = 0;
        long cur = src[0];
        for (int i = 0; i < n; i++) {
            long nextWord = i + 1 < n ? src[i + 1] : 0;
            dst[i] = cur | (cur << 1) | (prev >>> 63) | (cur >>> 1) | (nextWord << 63);
            prev = cur;
            cur = nextWord;
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
    /** Multiplying bytes of 0/1 by this moves byte j to bit 56 + j (the partial products never overlap). */
    private static final long GATHER = 0x0102040810204080L;
    /** EXPAND[b] holds bit j of b as byte j (0 or 1). */
    private static final long[] EXPAND = new long[256];

    static {
        for (int v = 0; v < 256; v++) {
            long e = 0;
            for (int j = 0; j < 8; j++) {
                e |= (long) ((v >>> j) & 1) << (8 * j);
            }
            EXPAND[v] = e;
        }
    }

    /**
     * Packs a row of u8 voxels ({@code bytes.length} a multiple of 64, zero past the row end) to
     * one bit per voxel: set for nonzero (dilation) or zero (erosion) voxels. Past-the-end bits
     * are cleared by the caller.
     */
    private static void pack(byte[] bytes, long[] dst, boolean erosion) {
        long flip = erosion ? -1L : 0L;
        for (int i = 0; i < dst.length; i++) {
            long word = 0;
            for (int c = 0; c < 8; c++) {
                long v = (long) LONGS.get(bytes, (i << 6) + (c << 3));
                // high bit of each byte set when the byte is nonzero (no carry crosses a byte)
                long nonzero = ((v & SEVEN_BITS) + SEVEN_BITS) | v;
                long ones = ((nonzero ^ flip) >>> 7) & LOW_BITS;
                word |= ((ones * GATHER) >>> 56) << (c << 3);
            }
            dst[i] = word;
        }
    }

    /** Packs a row of any-type voxels as {@link #pack(byte[], long[], boolean)} (nonzero = foreground). */
    private static void pack(double[] values, long[] dst, boolean erosion) {
        Arrays.fill(dst, 0L);
        for (int x = 0; x < values.length; x++) {
            if ((values[x] != 0) != erosion) {
                dst[x >>> 6] |= 1L << x;
            }
        }
    }

    /** Unpacks bits to bytes of 0/1 (complemented for erosion) into {@code bytes} (64 per word). */
    private static void unpack(long[] src, byte[] bytes, boolean erosion) {
        long flip = erosion ? -1L : 0L;
        for (int i = 0; i < src.length; i++) {
            long word = src[i] ^ flip;
            for (int c = 0; c < 8; c++) {
                LONGS.set(bytes, (i << 6) + (c << 3), EXPAND[(int) (word >>> (c << 3)) & 0xFF]);
            }
        }
    }
}
