package org.tomolyte.image.filter;

import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;

/**
 * Runs a separable filter: one 1D pass along x, y and z, in that order, with the
 * {@link Boundary#REFLECT} extension. The result is an F32 volume and every pass after the first
 * works in place on it, so no whole-volume temporary exists beside the output. The x and y passes
 * run slice by slice on a float buffer of one slice (the slice stays in cache between them; the y
 * pass reads it in place, whole rows being its lanes); the
 * z pass works on runs of consecutive voxels of the xy plane, read from every slice, so each read
 * is one contiguous copy. Each 1D pass works on many lines at once ("lanes", interleaved
 * position-major) so that its inner loops run over contiguous floats and vectorise.
 *
 * <p>Every output voxel is computed by the same arithmetic whatever the split, so results are
 * bit-identical for any thread count.
 */
final class Separable {

    /** Lanes per z-pass block (consecutive voxels of a slice). */
    private static final int LANES_Z = 128;

    /** A 1D filter applied to {@code lanes} interleaved lines. */
    interface LineFilter {

        /** Half-width: the filter reads {@code radius} positions on each side. */
        int radius();

        /**
         * Filters {@code lanes} lines of {@code n} positions. {@code in} holds {@code n + 2 radius}
         * positions (the line with its extension), position {@code p} of lane {@code l} at
         * {@code p * lanes + l}; the result for position {@code p} goes to
         * {@code out[p * lanes + l]}. (Output always starts at index 0: C2 vectorises loops
         * whose store index is the bare loop counter much better than offset ones.)
         */
        void apply(float[] in, float[] out, int n, int lanes);
    }

    /**
     * Per-thread scratch arrays, reused across tasks (a fresh slice buffer per slice would cost
     * more in allocation and zeroing than the filtering itself). Slots: 0 slice, 1 result,
     * 2 line, 3 line result. Every element read is written first.
     */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[4][0]);

    private Separable() {
    }

    private static float[] scratch(int slot, int n) {
        float[][] s = SCRATCH.get();
        if (s[slot].length < n) {
            s[slot] = new float[n];
        }
        return s[slot];
    }

    /**
     * Filters {@code in} with {@code fx}, {@code fy}, {@code fz} (null: that axis is left alone).
     *
     * @return a new F32 volume with the voxel size of {@code in}
     */
    static Volume run(Volume in, LineFilter fx, LineFilter fy, LineFilter fz, String task, Progress progress) {
        Dims d = in.dims();
        if ((long) d.nx() * (d.ny() + 2L * (fy == null ? 0 : fy.radius())) > Integer.MAX_VALUE - 16) {
            throw new InputException(task + ": slices of " + d.nx() + "x" + d.ny() + " voxels are too large (at most 2^31 voxels per slice), got " + d);
        }
        Volume out = Volume.allocateLike(in, DataType.F32);
        try {
            int nx = d.nx();
            int ny = d.ny();
            int nz = d.nz();
            int planeTasks = ceilDiv(nx * ny, LANES_Z);
            progress.start(task, nz + (fz == null ? 0 : planeTasks));
            Parallel.forEach(nz, z -> xyPass(in, out, z, fx, fy), progress);
            if (fz != null) {
                Parallel.forEach(planeTasks, t -> zPass(out, t, fz), progress);
            }
            progress.done();
            return out;
        } catch (RuntimeException | Error e) {
            out.close();
            throw e;
        }
    }

    private static void xyPass(Volume in, Volume out, int z, LineFilter fx, LineFilter fy) {
        Dims d = in.dims();
        int nx = d.nx();
        int ny = d.ny();
        long base = d.index(0, 0, z);
        // the slice with ry reflected rows above and below: the y pass reads it in place
        int ry = fy == null ? 0 : fy.radius();
        float[] slice = scratch(0, (ny + 2 * ry) * nx);
        byte[] bytes = in.type() == DataType.U8 ? new byte[nx] : null;
        if (fx == null) {
            for (int y = 0; y < ny; y++) {
                readRow(in, base + (long) y * nx, bytes, slice, (y + ry) * nx, nx);
            }
        } else {
            int r = fx.radius();
            float[] line = scratch(2, nx + 2 * r);
            float[] res = scratch(3, nx);
            for (int y = 0; y < ny; y++) {
                readRow(in, base + (long) y * nx, bytes, line, r, nx);
                extend(line, nx, r, 1);
                fx.apply(line, res, nx, 1);
                System.arraycopy(res, 0, slice, (y + ry) * nx, nx);
            }
        }
        if (fy == null) {
            out.write(base, slice, 0, nx * ny);
        } else {
            extend(slice, ny, ry, nx);
            float[] res = scratch(1, nx * ny);
            fy.apply(slice, res, ny, nx);
            out.write(base, res, 0, nx * ny);
        }
    }

    /** Reads {@code n} voxels as floats; U8 through a bulk byte copy (a tight, vectorisable loop). */
    private static void readRow(Volume in, long start, byte[] bytes, float[] dst, int off, int n) {
        if (bytes == null) {
            in.read(start, dst, off, n);
            return;
        }
        in.read(start, bytes, 0, n);
        for (int i = 0; i < n; i++) {
            dst[off + i] = bytes[i] & 0xFF;
        }
    }

    private static void zPass(Volume out, int task, LineFilter fz) {
        Dims d = out.dims();
        int plane = d.nx() * d.ny();
        int nz = d.nz();
        int s0 = task * LANES_Z;
        int l = Math.min(LANES_Z, plane - s0);
        int r = fz.radius();
        float[] cols = scratch(0, (nz + 2 * r) * l);
        float[] res = scratch(1, nz * l);
        for (int z = 0; z < nz; z++) {
            out.read((long) z * plane + s0, cols, (z + r) * l, l);
        }
        extend(cols, nz, r, l);
        fz.apply(cols, res, nz, l);
        for (int z = 0; z < nz; z++) {
            out.write((long) z * plane + s0, res, z * l, l);
        }
    }

    /** Fills the {@code r} extension positions on each side of a lanes buffer by reflection. */
    static void extend(float[] buf, int n, int r, int lanes) {
        for (int p = 0; p < r; p++) {
            System.arraycopy(buf, (Boundary.REFLECT.map(p - r, n) + r) * lanes, buf, p * lanes, lanes);
            int q = n + r + p;
            System.arraycopy(buf, (Boundary.REFLECT.map(q - r, n) + r) * lanes, buf, q * lanes, lanes);
        }
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
