package org.tomolyte.image.filter;

import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.Check;

/**
 * Box (moving-average) mean over a cube of {@code (2r+1)^3} voxels, as
 * {@code scipy.ndimage.uniform_filter(image.astype(np.float32), size=2r+1)}: separable running
 * sums along x, y and z (O(1) per voxel whatever the radius), {@link Boundary#REFLECT} extension,
 * F32 result. The running sums are kept in double (exact for integer voxels), so the
 * result equals scipy's to float rounding (about 1e-6 relative).
 */
public final class BoxMean {

    private BoxMean() {
    }

    /**
     * Mean over the cube of half-width {@code radiusVox} voxels on every axis.
     *
     * @param in        any type
     * @param radiusVox half-width in voxels, 0..2^20 (0 returns an F32 copy)
     * @return a new F32 volume
     */
    public static Volume filter(Volume in, int radiusVox) {
        return filter(in, radiusVox, radiusVox, radiusVox, Progress.NONE);
    }

    /**
     * Mean over a box of half-widths {@code rx, ry, rz} voxels.
     *
     * @return a new F32 volume
     */
    public static Volume filter(Volume in, int rx, int ry, int rz, Progress progress) {
        return Separable.run(in, line("radius_vox x", rx), line("radius_vox y", ry), line("radius_vox z", rz), "mean", progress);
    }

    private static Separable.LineFilter line(String name, int r) {
        Check.range(name, r, 0, 1 << 20);
        if (r == 0) {
            return null;
        }
        int size = 2 * r + 1;
        double inv = 1.0 / size;
        return new Separable.LineFilter() {
            @Override
            public int radius() {
                return r;
            }

            @Override
            public void apply(float[] in, float[] out, int n, int lanes) {
                double[] acc = new double[lanes];
                for (int q = 0; q < size; q++) {
                    int o = q * lanes;
                    for (int l = 0; l < lanes; l++) {
                        acc[l] += in[o + l];
                    }
                }
                for (int l = 0; l < lanes; l++) {
                    out[l] = (float) (acc[l] * inv);
                }
                for (int p = 1; p < n; p++) {
                    int add = (p + size - 1) * lanes;
                    int sub = (p - 1) * lanes;
                    int o = p * lanes;
                    for (int l = 0; l < lanes; l++) {
                        acc[l] += (double) in[add + l] - in[sub + l];
                        out[o + l] = (float) (acc[l] * inv);
                    }
                }
            }
        };
    }
}
