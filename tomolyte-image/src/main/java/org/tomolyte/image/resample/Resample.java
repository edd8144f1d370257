package org.tomolyte.image.resample;

import org.tomolyte.core.BlockGrid;
import org.tomolyte.core.Box;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;

/**
 * Resampling of a volume to another voxel size, by nearest-neighbour or trilinear interpolation.
 *
 * <p><b>Coordinates.</b> The physical origin is the outer corner of voxel (0, 0, 0); the centre of
 * voxel {@code i} along an axis with voxel size {@code s} lies at {@code (i + 0.5) * s} um. Output
 * voxel {@code j} (voxel size {@code s'}) is sampled at its centre {@code (j + 0.5) * s'}, that is at
 * the continuous input index {@code u = (j + 0.5) * s' / s - 0.5}. The output has
 * {@code round(n * s / s')} voxels along the axis (at least 1), and its voxel size is exactly the
 * requested {@code s'}, so its extent {@code n' * s'} can differ from the input's {@code n * s} by
 * up to half an output voxel when {@code n * s / s'} is not a whole number.
 *
 * <p><b>Interpolation.</b> {@link Interpolation#LINEAR}: trilinear between the 8 input voxels
 * around {@code u}, with {@code u} clamped to {@code [0, n - 1]} on every axis (edge values
 * extend outwards); computed in double precision, written to the input's type (integer types round
 * half away from zero and clamp to their range). {@link Interpolation#NEAREST}: the input voxel
 * whose box contains the output centre, index {@code floor((j + 0.5) * s' / s)} clamped to
 * {@code [0, n - 1]} (a centre exactly on a voxel boundary goes to the upper voxel); values are
 * copied unchanged, so use it for labels and masks.
 *
 * <p><b>Relation to scipy.</b> {@code scipy.ndimage.zoom(a, zoom, order=0|1, mode='nearest',
 * grid_mode=True)} uses the same centre-to-centre mapping but derives the scale from the ratio of
 * the input and output sizes, stretching the output grid to keep the extent exactly. Both agree
 * voxel for voxel (up to floating-point rounding of the weights) when {@code n * s / s'} is a whole
 * number on every axis; otherwise scipy's sample positions drift by up to half an output voxel
 * across the volume while ours keep the requested voxel size. Integer outputs round half up as
 * scipy does for non-negative values.
 *
 * <p><b>Memory and threads.</b> The output is computed slab by slab along z from rows of the input
 * (the input may be memory-mapped); nothing but the input, the output and a few rows per thread is
 * held. Each output voxel is computed by the same arithmetic whatever the thread count, so results
 * are identical for any number of threads.
 */
public final class Resample {

    /** How output voxels are computed from input voxels. */
    public enum Interpolation {
        /** The input voxel containing the output voxel's centre (labels, masks). */
        NEAREST,
        /** Trilinear interpolation with edge clamping (grey images). */
        LINEAR
    }

    private Resample() {
    }

    /** Output size for voxel size {@code to}: {@code round(n * from / to)} (halves up) per axis, at least 1. */
    public static Dims dimsFor(Dims in, Spacing from, Spacing to) {
        return new Dims(count(in.nx(), from.x() / to.x(), "x"), count(in.ny(), from.y() / to.y(), "y"), count(in.nz(), from.z() / to.z(), "z"));
    }

    /**
     * Resamples {@code in} to voxel size {@code to} (um).
     *
     * @return a new volume of the input's type, size {@link #dimsFor}, spacing {@code to}
     */
    public static Volume toSpacing(Volume in, Spacing to, Interpolation interpolation, Progress progress) {
        Spacing s = in.spacing();
        double[] ratio = {to.x() / s.x(), to.y() / s.y(), to.z() / s.z()};
        return resample(in, dimsFor(in.dims(), s, to), to, ratio, interpolation, progress);
    }

    /**
     * Resamples {@code in} by per-axis scale factors: the output has {@code round(n * scale)}
     * voxels of size {@code s / scale} along each axis (scale 2 halves the voxel size).
     *
     * @param scale x, y, z factors, each finite and &gt; 0
     */
    public static Volume byScale(Volume in, double[] scale, Interpolation interpolation, Progress progress) {
        if (scale.length != 3) {
            throw new ParameterException("scale must have 3 factors (x, y, z), got " + scale.length);
        }
        for (double f : scale) {
            if (!(f > 0) || Double.isInfinite(f)) {
                throw new ParameterException("scale factors must be finite numbers > 0, got " + f);
            }
        }
        Spacing s = in.spacing();
        Spacing to = new Spacing(s.x() / scale[0], s.y() / scale[1], s.z() / scale[2]);
        Dims d = in.dims();
        Dims out = new Dims(count(d.nx(), scale[0], "x"), count(d.ny(), scale[1], "y"), count(d.nz(), scale[2], "z"));
        return resample(in, out, to, new double[] {1 / scale[0], 1 / scale[1], 1 / scale[2]}, interpolation, progress);
    }

    /**
     * The general form: output voxel {@code j} along axis {@code a} samples the input at
     * {@code (j + 0.5) * ratio[a] - 0.5}.
     *
     * @param outDims    output size
     * @param outSpacing output voxel size (metadata of the result)
     * @param ratio      output voxel size / input voxel size, per axis (x, y, z)
     */
    public static Volume resample(Volume in, Dims outDims, Spacing outSpacing, double[] ratio, Interpolation interpolation,
                                  Progress progress) {
        if (ratio.length != 3) {
            throw new ParameterException("ratio must have 3 values (x, y, z), got " + ratio.length);
        }
        for (double r : ratio) {
            if (!(r > 0) || Double.isInfinite(r)) {
                throw new ParameterException("voxel size ratios must be finite and > 0, got " + r);
            }
        }
        Dims d = in.dims();
        Axis ax = Axis.of(d.nx(), outDims.nx(), ratio[0]);
        Axis ay = Axis.of(d.ny(), outDims.ny(), ratio[1]);
        Axis az = Axis.of(d.nz(), outDims.nz(), ratio[2]);
        Volume out = Volume.allocate(outDims, in.type(), outSpacing);
        BlockGrid grid = BlockGrid.slabsOf(outDims, 1 << 20);
        progress.start("resample", grid.count());
        Parallel.forEach(grid.count(), b -> {
            Box box = grid.box(b);
            Rows rows = new Rows(in, out);
            for (int z = box.z0(); z < box.z1(); z++) {
                if (interpolation == Interpolation.NEAREST) {
                    nearestSlice(in, out, ax, ay, az, z, rows);
                } else {
                    linearSlice(in, out, ax, ay, az, z, rows);
                }
            }
        }, progress);
        progress.done();
        return out;
    }

    private static int count(int n, double factor, String axis) {
        double c = Math.floor(n * factor + 0.5);
        if (!(c < Integer.MAX_VALUE)) {
            throw new ParameterException("resampled size along " + axis + " must be below 2^31 voxels, got " + c);
        }
        return (int) Math.max(1, c);
    }

    /**
     * Per-axis sampling table: nearest index, and the two linear neighbours with the weight of the
     * upper one.
     */
    private record Axis(int[] nearest, int[] lo, int[] hi, double[] w) {

        static Axis of(int n, int m, double ratio) {
            int[] nearest = new int[m];
            int[] lo = new int[m];
            int[] hi = new int[m];
            double[] w = new double[m];
            for (int j = 0; j < m; j++) {
                double c = (j + 0.5) * ratio;
                nearest[j] = (int) Math.max(0, Math.min(n - 1, Math.floor(c)));
                double u = Math.max(0, Math.min(n - 1, c - 0.5));
                int i0 = (int) Math.floor(u);
                lo[j] = i0;
                hi[j] = Math.min(i0 + 1, n - 1);
                w[j] = u - i0;
            }
            return new Axis(nearest, lo, hi, w);
        }
    }

    /** Per-task row buffers and typed row access. */
    private static final class Rows {
        final Volume in;
        final Volume out;
        final float[] f;
        final int[] ints;
        final byte[] bytes;
        final double[] a;
        final double[] b;
        final double[] tmp;
        final double[] res;
        int aKey = -1;
        int bKey = -1;
        final double[] za;
        final double[] zb;

        Rows(Volume in, Volume out) {
            this.in = in;
            this.out = out;
            int nx = in.dims().nx();
            int mx = out.dims().nx();
            int n = Math.max(nx, mx);
            f = new float[n];
            ints = new int[n];
            bytes = new byte[mx];
            a = new double[nx];
            b = new double[nx];
            tmp = new double[nx];
            za = new double[nx];
            zb = new double[nx];
            res = new double[mx];
        }

        /** Reads input row (y, z) into dst exactly (every type's values fit a double). */
        void read(int y, int z, double[] dst) {
            int nx = in.dims().nx();
            long start = in.dims().index(0, y, z);
            switch (in.type()) {
                case U8, U16, F32 -> {
                    in.read(start, f, 0, nx);
                    for (int x = 0; x < nx; x++) {
                        dst[x] = f[x];
                    }
                }
                case I32 -> {
                    in.read(start, ints, 0, nx);
                    for (int x = 0; x < nx; x++) {
                        dst[x] = ints[x];
                    }
                }
                case F64 -> {
                    for (int x = 0; x < nx; x++) {
                        dst[x] = in.get(start + x);
                    }
                }
            }
        }

        /** Writes res[0..mx) to output row (y, z), rounding and clamping for integer types. */
        void write(int y, int z) {
            int mx = out.dims().nx();
            long start = out.dims().index(0, y, z);
            DataType t = out.type();
            switch (t) {
                case F32 -> {
                    for (int x = 0; x < mx; x++) {
                        f[x] = (float) res[x];
                    }
                    out.write(start, f, 0, mx);
                }
                case U8 -> {
                    // values are convex combinations of u8 values (>= 0): half up is half away from zero
                    for (int x = 0; x < mx; x++) {
                        bytes[x] = (byte) Math.min(255, (int) (res[x] + 0.5));
                    }
                    out.write(start, bytes, 0, mx);
                }
                case U16 -> {
                    for (int x = 0; x < mx; x++) {
                        ints[x] = Math.min(65535, (int) (res[x] + 0.5));
                    }
                    out.write(start, ints, 0, mx);
                }
                case I32 -> {
                    for (int x = 0; x < mx; x++) {
                        ints[x] = (int) t.clamp(res[x]);
                    }
                    out.write(start, ints, 0, mx);
                }
                case F64 -> {
                    for (int x = 0; x < mx; x++) {
                        out.set(start + x, res[x]);
                    }
                }
            }
        }

        /** Input row y blended between slices z0 and z1 with weight w of z1, cached for the last two rows. */
        double[] zRow(int y, int z0, int z1, double w) {
            if (y == aKey) {
                return za;
            }
            if (y == bKey) {
                return zb;
            }
            // replace the older entry: rows are requested in increasing y
            double[] dst;
            if (aKey < bKey) {
                dst = za;
                aKey = y;
            } else {
                dst = zb;
                bKey = y;
            }
            read(y, z0, dst);
            if (w != 0) {
                read(y, z1, tmp);
                for (int x = 0; x < dst.length; x++) {
                    dst[x] = (1 - w) * dst[x] + w * tmp[x];
                }
            }
            return dst;
        }

        void resetCache() {
            aKey = -1;
            bKey = -1;
        }
    }

    private static void linearSlice(Volume in, Volume out, Axis ax, Axis ay, Axis az, int z, Rows rows) {
        int z0 = az.lo()[z];
        int z1 = az.hi()[z];
        double wz = az.w()[z];
        rows.resetCache();
        int my = out.dims().ny();
        int mx = out.dims().nx();
        int nx = in.dims().nx();
        double[] line = rows.a;
        for (int y = 0; y < my; y++) {
            double wy = ay.w()[y];
            double[] r0 = rows.zRow(ay.lo()[y], z0, z1, wz);
            double[] src;
            if (wy == 0) {
                src = r0;
            } else {
                double[] r1 = rows.zRow(ay.hi()[y], z0, z1, wz);
                for (int x = 0; x < nx; x++) {
                    line[x] = (1 - wy) * r0[x] + wy * r1[x];
                }
                src = line;
            }
            int[] lo = ax.lo();
            int[] hi = ax.hi();
            double[] w = ax.w();
            for (int j = 0; j < mx; j++) {
                double wx = w[j];
                rows.res[j] = wx == 0 ? src[lo[j]] : (1 - wx) * src[lo[j]] + wx * src[hi[j]];
            }
            rows.write(y, z);
        }
    }

    private static void nearestSlice(Volume in, Volume out, Axis ax, Axis ay, Axis az, int z, Rows rows) {
        int iz = az.nearest()[z];
        int my = out.dims().ny();
        int mx = out.dims().nx();
        int[] ix = ax.nearest();
        int last = -1;
        for (int y = 0; y < my; y++) {
            int iy = ay.nearest()[y];
            if (iy != last) {
                rows.read(iy, iz, rows.a);
                last = iy;
            }
            for (int j = 0; j < mx; j++) {
                rows.res[j] = rows.a[ix[j]];
            }
            rows.write(y, z);
        }
    }
}
