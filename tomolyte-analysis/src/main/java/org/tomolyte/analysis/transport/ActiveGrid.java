package org.tomolyte.analysis.transport;

import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Volume;

/**
 * The active voxels of a mask, numbered compactly 0..n-1 in raster order (x fastest), without
 * an index volume: one bit per voxel ({@code bits}, rows of {@code wpr} 64-bit words) and the
 * number of active voxels before each word ({@code base}). The compact index of an active voxel
 * is {@code base[word] + bitCount(bits[word] & lowerBits)}: 1.6 bits of memory per voxel
 * instead of 32. Rows are grouped into fixed z-slabs whose compact ranges are contiguous.
 */
final class ActiveGrid {

    /** Target voxels per slab of the fixed grid (independent of the thread count). */
    static final long SLAB_VOXELS = 1L << 19;

    final int nx;
    final int ny;
    final int nz;
    /** 64-bit words per row. */
    final int wpr;
    final long[] bits;
    final int[] base;
    /** Number of active voxels. */
    final int n;
    /** First z of each slab, and nz at the end. */
    final int[] slabZ;
    /** First compact index of each slab, and n at the end. */
    final int[] slabStart;

    ActiveGrid(Volume mask) {
        Dims d = mask.dims();
        nx = d.nx();
        ny = d.ny();
        nz = d.nz();
        wpr = (nx + 63) >>> 6;
        long words = (long) wpr * ny * nz;
        if (words > Integer.MAX_VALUE - 8) {
            throw new InputException("volume " + d + " is too large for the transport solver (at most 2^31 64-voxel row words)");
        }
        bits = new long[(int) words];
        base = new int[(int) words];
        slabZ = evenSlabs(nz, (long) nx * ny);
        int slabs = slabZ.length - 1;
        Parallel.forEach(slabs, s -> {
            byte[] row = new byte[nx];
            for (int z = slabZ[s]; z < slabZ[s + 1]; z++) {
                for (int y = 0; y < ny; y++) {
                    mask.read(d.index(0, y, z), row, 0, nx);
                    int off = (z * ny + y) * wpr;
                    for (int x = 0; x < nx; x++) {
                        if (row[x] != 0) {
                            bits[off + (x >>> 6)] |= 1L << (x & 63);
                        }
                    }
                }
            }
        });
        long count = 0;
        slabStart = new int[slabs + 1];
        int s = 0;
        for (int w = 0; w < bits.length; w++) {
            while (s < slabs && w == slabZ[s] * ny * wpr) {
                slabStart[s++] = (int) count;
            }
            base[w] = (int) count;
            count += Long.bitCount(bits[w]);
            if (count > Integer.MAX_VALUE - 8) {
                throw new InputException("too many transport voxels (" + count + "): at most 2^31 - 9 are supported");
            }
        }
        while (s <= slabs) {
            slabStart[s++] = (int) count;
        }
        n = (int) count;
    }

    /**
     * Slab boundaries along z for a grid of {@code nz} planes of {@code plane} cells: slabs of an
     * even number of planes (about {@link #SLAB_VOXELS} cells, at least 2), so that the 2x2x2
     * blocks of the multigrid never straddle two slabs. Depends on the sizes only.
     */
    static int[] evenSlabs(int nz, long plane) {
        int depth = (int) Math.max(2, Math.min(nz + 1L, SLAB_VOXELS / Math.max(1, plane)) & ~1L);
        int slabs = (nz + depth - 1) / depth;
        int[] z = new int[slabs + 1];
        for (int s = 0; s < slabs; s++) {
            z[s] = s * depth;
        }
        z[slabs] = nz;
        return z;
    }

    /** Number of slabs. */
    int slabs() {
        return slabZ.length - 1;
    }

    /** Compact index of voxel (x, y, z), or -1 when it is outside the volume or inactive. */
    int indexOf(int x, int y, int z) {
        if (x < 0 || y < 0 || z < 0 || x >= nx || y >= ny || z >= nz) {
            return -1;
        }
        int w = (z * ny + y) * wpr + (x >>> 6);
        long bit = 1L << (x & 63);
        long word = bits[w];
        return (word & bit) == 0 ? -1 : base[w] + Long.bitCount(word & (bit - 1));
    }

    /** Visits the active voxels of one slab in compact order. */
    void forEach(int slab, Visitor v) {
        for (int z = slabZ[slab]; z < slabZ[slab + 1]; z++) {
            for (int y = 0; y < ny; y++) {
                int off = (z * ny + y) * wpr;
                for (int w = 0; w < wpr; w++) {
                    long word = bits[off + w];
                    int i = base[off + w];
                    while (word != 0) {
                        int x = (w << 6) + Long.numberOfTrailingZeros(word);
                        v.visit(i++, x, y, z);
                        word &= word - 1;
                    }
                }
            }
        }
    }

    /** Receives an active voxel: its compact index and coordinates. */
    @FunctionalInterface
    interface Visitor {
        void visit(int i, int x, int y, int z);
    }
}
