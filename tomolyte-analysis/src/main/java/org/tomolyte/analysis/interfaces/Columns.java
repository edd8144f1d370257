package org.tomolyte.analysis.interfaces;

import org.tomolyte.core.Axis;

import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;

/**
 * The lines of a volume along its stack axis ("columns"), read and written in blocks. Column
 * {@code c = u + nu * v}: for stack axis z (u, v) = (x, y), for y (x, z), for x (y, z); position
 * {@code k = 0..n-1} runs along the axis. A block is a fixed run of whole v lines chosen from the
 * dimensions only (never from the thread count), so block-parallel results are identical for
 * any number of threads. Reads gather a block into {@code buf[(c - c0) * n + k]} with bulk reads of
 * contiguous x rows (for axis z one pass over the slices of the block, not one strided read per
 * voxel).
 */
final class Columns {

    /** Upper bound of voxels held per block buffer. */
    static final long BLOCK_VOXELS = 1L << 21;

    final Dims dims;
    final Axis axis;
    final int n;
    final int nu;
    final int nv;
    final int linesPerBlock;

    Columns(Dims dims, Axis axis) {
        this.dims = dims;
        this.axis = axis;
        switch (axis) {
            case Z -> {
                n = dims.nz();
                nu = dims.nx();
                nv = dims.ny();
            }
            case Y -> {
                n = dims.ny();
                nu = dims.nx();
                nv = dims.nz();
            }
            default -> {
                n = dims.nx();
                nu = dims.ny();
                nv = dims.nz();
            }
        }
        linesPerBlock = (int) Math.max(1, Math.min(nv, BLOCK_VOXELS / Math.max(1L, (long) nu * n)));
    }

    int count() {
        return nu * nv;
    }

    int blocks() {
        return (nv + linesPerBlock - 1) / linesPerBlock;
    }

    int lineStart(int block) {
        return block * linesPerBlock;
    }

    int lineEnd(int block) {
        return Math.min(nv, (block + 1) * linesPerBlock);
    }

    /** Voxel size along the stack axis, um. */
    static double along(Spacing s, Axis a) {
        return switch (a) {
            case X -> s.x();
            case Y -> s.y();
            case Z -> s.z();
        };
    }

    /** Voxel size along u, um. */
    double su(Spacing s) {
        return axis == Axis.X ? s.y() : s.x();
    }

    /** Voxel size along v, um. */
    double sv(Spacing s) {
        return axis == Axis.Z ? s.y() : s.z();
    }

    /** Column area (u by v), um^2. */
    double columnAreaUm2(Spacing s) {
        return su(s) * sv(s);
    }

    /** A float map with one value per column (nu x nv x 1), spacing (su, sv, along). */
    Volume map(Spacing s, DataType type) {
        return Volume.allocate(new Dims(nu, nv, 1), type, new Spacing(su(s), sv(s), along(s, axis)));
    }

    /** Gathers lines v0..v1-1 into {@code buf[(c - v0 * nu) * n + k]}. */
    void read(Volume vol, int v0, int v1, float[] buf) {
        int len = (v1 - v0) * nu;
        switch (axis) {
            case Z -> {
                float[] tmp = new float[len];
                long slice = (long) nu * nv;
                for (int k = 0; k < n; k++) {
                    vol.read(k * slice + (long) v0 * nu, tmp, 0, len);
                    for (int j = 0; j < len; j++) {
                        buf[j * n + k] = tmp[j];
                    }
                }
            }
            case Y -> {
                float[] tmp = new float[nu];
                for (int v = v0; v < v1; v++) {
                    for (int y = 0; y < n; y++) {
                        vol.read(dims.index(0, y, v), tmp, 0, nu);
                        int base = (v - v0) * nu;
                        for (int x = 0; x < nu; x++) {
                            buf[(base + x) * n + y] = tmp[x];
                        }
                    }
                }
            }
            case X -> {
                for (int v = v0; v < v1; v++) {
                    for (int y = 0; y < nu; y++) {
                        vol.read(dims.index(0, y, v), buf, ((v - v0) * nu + y) * n, n);
                    }
                }
            }
        }
    }

    /** Scatters {@code buf[(c - v0 * nu) * n + k]} (0/1) to lines v0..v1-1 of a U8 volume. */
    void write(Volume vol, int v0, int v1, byte[] buf) {
        int len = (v1 - v0) * nu;
        switch (axis) {
            case Z -> {
                byte[] tmp = new byte[len];
                long slice = (long) nu * nv;
                for (int k = 0; k < n; k++) {
                    for (int j = 0; j < len; j++) {
                        tmp[j] = buf[j * n + k];
                    }
                    vol.write(k * slice + (long) v0 * nu, tmp, 0, len);
                }
            }
            case Y -> {
                byte[] tmp = new byte[nu];
                for (int v = v0; v < v1; v++) {
                    int base = (v - v0) * nu;
                    for (int y = 0; y < n; y++) {
                        for (int x = 0; x < nu; x++) {
                            tmp[x] = buf[(base + x) * n + y];
                        }
                        vol.write(dims.index(0, y, v), tmp, 0, nu);
                    }
                }
            }
            case X -> {
                for (int v = v0; v < v1; v++) {
                    for (int y = 0; y < nu; y++) {
                        vol.write(dims.index(0, y, v), buf, ((v - v0) * nu + y) * n, n);
                    }
                }
            }
        }
    }
}
