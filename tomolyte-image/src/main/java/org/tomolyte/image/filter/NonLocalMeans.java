package org.tomolyte.image.filter;

import org.tomolyte.core.BlockGrid;
import org.tomolyte.core.Box;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.Check;

/**
 * Non-local means denoising (Buades, Coll and Morel, CVPR 2005) in the "fast" form of
 * scikit-image's {@code denoise_nl_means(fast_mode=True)} (Darbon et al., ISBI 2008; Froment,
 * IPOL 2014): every voxel of a patch counts with the same weight. For voxel {@code p} and every
 * shift {@code t} in the search cube {@code [-d, d]^3}:
 * <pre>
 *   D(p, t) = sum over patch offsets o of ((E[p+o] - E[p+t+o])^2 - 2 sigma^2)
 *   dist    = max(D, 0) / ((2r+1)^3 h^2)
 *   w       = exp(-dist), or 0 when dist &gt; 5 (scikit-image's cut-off)
 *   out(p)  = sum_t w E[p+t] / sum_t w
 * </pre>
 * where {@code E} is the image extended by {@link Boundary#MIRROR} (numpy's {@code reflect}
 * padding, as scikit-image pads), {@code r} the patch radius, {@code d} the search radius,
 * {@code h} the filter strength in grey units and {@code sigma} the noise standard deviation
 * (scikit-image's {@code sigma}: its expected contribution is subtracted from patch distances;
 * 0 switches that off). The shift {@code t = 0} always has weight 1.
 *
 * <p>Patches are the cube {@code [-r, r]^3} ({@link Patch#SYMMETRIC}). scikit-image 0.19 sums its
 * integral image over {@code (p - r, p + r]}, i.e. offsets {@code -r+1..r} ({@code (2r)^3}
 * voxels) while still dividing by {@code (2r+1)^3}; {@link Patch#SKIMAGE_019} reproduces that
 * for comparisons. scikit-image also uses an approximate exponential (about 3 % relative error);
 * Tomolyte uses the exact one.
 *
 * <p>Cost: {@code ((2d+1)^3 - 1) / 2} shift pairs per voxel (the weight of {@code (p, p+t)} serves
 * both voxels), each a few additions (the patch sums are separable) and one exponential; the
 * default {@code d = 3} gives 171 pairs, {@code d = 5} 665. Work is
 * split on a fixed grid of 32^3 blocks, each voxel computed the same way whatever the split, so
 * results are identical for any thread count. Memory: the F32 output plus a few small buffers
 * per thread.
 */
public final class NonLocalMeans {

    private static final int BLOCK = 32;
    private static final float CUTOFF_F = 5.0f;

    /** Which patch offsets enter the distance. */
    public enum Patch {
        /** The cube {@code [-r, r]^3} around the voxel. */
        SYMMETRIC,
        /** Offsets {@code -r+1..r} on each axis, as scikit-image 0.19's fast mode sums them. */
        SKIMAGE_019
    }

    /**
     * Settings.
     *
     * @param patchRadiusVox  patch half-width r, 1..5 voxels
     * @param searchRadiusVox search half-width d, 1..10 voxels
     * @param h               filter strength in grey units, &gt; 0
     * @param sigmaNoise      noise standard deviation in grey units subtracted from distances, &gt;= 0
     * @param patch           patch convention
     */
    public record Settings(int patchRadiusVox, int searchRadiusVox, double h, double sigmaNoise, Patch patch) {
        public Settings {
            Check.range("patch_radius_vox", patchRadiusVox, 1, 5);
            Check.range("search_radius_vox", searchRadiusVox, 1, 10);
            Check.greater("h", h, 0);
            Check.atLeast("sigma_noise", sigmaNoise, 0);
            Check.required("patch", patch);
        }
    }

    private NonLocalMeans() {
    }

    /**
     * Denoises with symmetric patches.
     *
     * @return a new F32 volume
     */
    public static Volume denoise(Volume in, int patchRadiusVox, int searchRadiusVox, double h, double sigmaNoise) {
        return denoise(in, new Settings(patchRadiusVox, searchRadiusVox, h, sigmaNoise, Patch.SYMMETRIC), Progress.NONE);
    }

    /**
     * Denoises.
     *
     * @param in any type
     * @return a new F32 volume of the same size and voxel size
     */
    public static Volume denoise(Volume in, Settings s, Progress progress) {
        BlockGrid grid = new BlockGrid(in.dims(), new Dims(BLOCK, BLOCK, BLOCK));
        Volume out = Volume.allocateLike(in, DataType.F32);
        try {
            progress.start("non-local means", grid.count());
            Parallel.forEach(grid.count(), b -> block(in, out, grid.box(b), s), progress);
            progress.done();
            return out;
        } catch (RuntimeException | Error e) {
            out.close();
            throw e;
        }
    }

    private static void block(Volume in, Volume out, Box box, Settings s) {
        int r = s.patchRadiusVox();
        int d = s.searchRadiusVox();
        int lo = s.patch() == Patch.SYMMETRIC ? -r : -r + 1;
        int pw = r - lo + 1;
        int m = d + r;
        int bx = box.x1() - box.x0();
        int by = box.y1() - box.y0();
        int bz = box.z1() - box.z0();
        int ex = bx + 2 * m;
        int ey = by + 2 * m;
        int ez = bz + 2 * m;
        float[] ext = load(in, box, m, ex, ey, ez);
        int sxy = ex * ey;
        // Patch sums are computed in the layout of ext, over one flat index range per shift (a
        // few columns outside the region are computed and ignored): long contiguous loops.
        float[] sq = new float[ext.length];
        float[] tmp = new float[ext.length];
        int nb = bx * by * bz;
        double[] wsum = new double[nb];
        double[] vsum = new double[nb];
        // shift 0: weight exactly 1
        for (int z = 0; z < bz; z++) {
            for (int y = 0; y < by; y++) {
                int e0 = ((m + z) * ey + (m + y)) * ex + m;
                int o0 = (z * by + y) * bx;
                for (int x = 0; x < bx; x++) {
                    wsum[o0 + x] = 1;
                    vsum[o0 + x] = ext[e0 + x];
                }
            }
        }
        float var2 = (float) (2 * s.sigmaNoise() * s.sigmaNoise());
        float norm = (float) (1.0 / ((double) (2 * r + 1) * (2 * r + 1) * (2 * r + 1) * s.h() * s.h()));
        int span = (pw - 1) * (1 + ex + sxy);
        // each pair of shifts t, -t once: w(p, p - t) is the weight of the pair (p - t, p) for shift t
        for (int tz = 0; tz <= d; tz++) {
            for (int ty = tz == 0 ? 0 : -d; ty <= d; ty++) {
                for (int tx = (tz == 0 && ty == 0) ? 1 : -d; tx <= d; tx++) {
                    // region R = block and block - t: R position q has its patch start at ext m + q + lo
                    int rx0 = Math.min(0, -tx);
                    int ry0 = Math.min(0, -ty);
                    int rz0 = -tz;
                    int first = ((m + rz0 + lo) * ey + (m + ry0 + lo)) * ex + (m + rx0 + lo);
                    int last = ((m + rz0 + bz - 1 + tz + r) * ey + (m + ry0 + by - 1 + Math.abs(ty) + r)) * ex
                            + (m + rx0 + bx - 1 + Math.abs(tx) + r);
                    int shift = (tz * ey + ty) * ex + tx;
                    squaredDifferences(ext, first, last + 1, shift, var2, sq);
                    boxSum(sq, tmp, first, last + 1 - (pw - 1), pw, 1);
                    boxSum(tmp, sq, first, last + 1 - (pw - 1) * (1 + ex), pw, ex);
                    boxSum(sq, tmp, first, last + 1 - span, pw, sxy);
                    weights(tmp, first, last + 1 - span, norm);
                    for (int z = 0; z < bz; z++) {
                        for (int y = 0; y < by; y++) {
                            int w1 = ((m + lo + z) * ey + (m + lo + y)) * ex + m + lo;
                            int w2 = w1 - shift;
                            int e1 = ((m + z) * ey + (m + y)) * ex + m + shift;
                            int e2 = e1 - 2 * shift;
                            int o0 = (z * by + y) * bx;
                            accumulate(tmp, w1, w2, ext, e1, e2, wsum, vsum, o0, bx);
                        }
                    }
                }
            }
        }
        float[] row = new float[bx];
        for (int z = 0; z < bz; z++) {
            for (int y = 0; y < by; y++) {
                int o0 = (z * by + y) * bx;
                for (int x = 0; x < bx; x++) {
                    row[x] = (float) (vsum[o0 + x] / wsum[o0 + x]);
                }
                out.write(out.dims().index(box.x0(), box.y0() + y, box.z0() + z), row, 0, bx);
            }
        }
    }

    private static void squaredDifferences(float[] ext, int from, int to, int shift, float var2, float[] sq) {
        for (int i = from; i < to; i++) {
            float diff = ext[i] - ext[i + shift];
            sq[i] = diff * diff - var2;
        }
    }

    /** {@code dst[i] = sum_{k < pw} src[i + k * stride]} for {@code i} in {@code [from, to)}. */
    private static void boxSum(float[] src, float[] dst, int from, int to, int pw, int stride) {
        switch (pw) {
            case 2 -> sum2(src, dst, from, to, stride);
            case 3 -> sum3(src, dst, from, to, stride);
            default -> {
                System.arraycopy(src, from, dst, from, to - from);
                for (int k = 1; k < pw; k++) {
                    addShifted(src, dst, from, to, k * stride);
                }
            }
        }
    }

    private static void sum2(float[] src, float[] dst, int from, int to, int s) {
        for (int i = from; i < to; i++) {
            dst[i] = src[i] + src[i + s];
        }
    }

    private static void sum3(float[] src, float[] dst, int from, int to, int s) {
        for (int i = from; i < to; i++) {
            dst[i] = src[i] + src[i + s] + src[i + 2 * s];
        }
    }

    private static void addShifted(float[] src, float[] dst, int from, int to, int shift) {
        for (int i = from; i < to; i++) {
            dst[i] = dst[i] + src[i + shift];
        }
    }

    private static void accumulate(float[] w, int w1, int w2, float[] ext, int e1, int e2, double[] wsum, double[] vsum, int o0, int n) {
        for (int x = 0; x < n; x++) {
            float a = w[w1 + x];
            float b = w[w2 + x];
            wsum[o0 + x] += (double) a + b;
            vsum[o0 + x] += (double) a * ext[e1 + x] + (double) b * ext[e2 + x];
        }
    }

    /**
     * Turns patch sums {@code D} into weights in place: {@code x = max(D, 0) * norm},
     * {@code exp(-x)} for {@code x <= 5}, else 0. The exponential is {@code (e^{-x/8})^8} with
     * {@code e^{-y}} from its degree-8 Taylor polynomial on {@code [0, 0.69]} (relative error
     * below 1e-6 with float rounding), written without branches so that the loop vectorises.
     */
    static void weights(float[] w, int from, int to, float norm) {
        for (int i = from; i < to; i++) {
            float x = Math.max(w[i], 0f) * norm;
            float keep = Math.min(1f, Math.max(0f, (CUTOFF_F - x) * 1e30f + 1f));
            float y = Math.min(x, 5.5f) * -0.125f;
            float p = 1f + y * (1f + y * (0.5f + y * (1f / 6 + y * (1f / 24 + y * (1f / 120 + y * (1f / 720 + y * (1f / 5040 + y * (1f / 40320))))))));
            p *= p;
            p *= p;
            p *= p;
            w[i] = p * keep;
        }
    }

    /** The block with a margin of {@code m} voxels, mirror-extended, x fastest. */
    private static float[] load(Volume in, Box box, int m, int ex, int ey, int ez) {
        Dims d = in.dims();
        int[] mx = new int[ex];
        int xmin = Integer.MAX_VALUE;
        int xmax = 0;
        for (int x = 0; x < ex; x++) {
            mx[x] = Boundary.MIRROR.map(box.x0() - m + x, d.nx());
            xmin = Math.min(xmin, mx[x]);
            xmax = Math.max(xmax, mx[x]);
        }
        float[] span = new float[xmax - xmin + 1];
        float[] ext = new float[ex * ey * ez];
        for (int z = 0; z < ez; z++) {
            int sz = Boundary.MIRROR.map(box.z0() - m + z, d.nz());
            for (int y = 0; y < ey; y++) {
                int sy = Boundary.MIRROR.map(box.y0() - m + y, d.ny());
                in.read(d.index(xmin, sy, sz), span, 0, span.length);
                int o = (z * ey + y) * ex;
                for (int x = 0; x < ex; x++) {
                    ext[o + x] = span[mx[x] - xmin];
                }
            }
        }
        return ext;
    }
}
