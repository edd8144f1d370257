package org.tomolyte.analysis.interfaces;

import org.tomolyte.core.Axis;

import org.tomolyte.core.DataType;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.Check;

/**
 * Contact map of a lithium | electrolyte interface (Lewis et al., paper 003, Methods: "the contact
 * algorithm evaluated the bottom 5 pixels in search for values below the void intensity
 * threshold... columns with lithium and no voids would count as a white pixel"), computed from
 * the lithium mask of {@link LithiumSegmentation} and the void mask of {@link InterfacialVoids}.
 *
 * <p>Per column along the stack axis: the electrode is the union of lithium and void voxels; its
 * end nearest the electrolyte is the highest such voxel for the bottom electrode and the lowest
 * for the top one. The column is in contact when it holds lithium and none of the
 * {@code bottomVox} electrode-side voxels ending there (towards the collector) is void.
 * Fractions are of the columns holding lithium (the analysed area).
 */
public final class Contact {

    private Contact() {
    }

    /**
     * Result.
     *
     * @param map             U8 contact map (nu x nv x 1): 1 in contact, 0 not (no lithium or a void)
     * @param contactColumns  columns in contact
     * @param lithiumColumns  columns holding lithium
     * @param contactAreaUm2  contactColumns times the column area
     * @param analysedAreaUm2 lithiumColumns times the column area
     * @param contactFraction contactColumns / lithiumColumns (NaN when no column holds lithium)
     */
    public record Result(Volume map, long contactColumns, long lithiumColumns, double contactAreaUm2, double analysedAreaUm2,
                         double contactFraction) {
    }

    /**
     * Computes the contact map.
     *
     * @param lithium   lithium mask (non-zero = lithium)
     * @param voids     void mask (non-zero = void), same dimensions
     * @param electrode which electrode
     * @param axis      stack axis
     * @param bottomVox electrode voxels nearest the electrolyte examined, 1..1000 (paper: 5)
     */
    public static Result run(Volume lithium, Volume voids, Electrode electrode, Axis axis, int bottomVox, Progress progress) {
        Check.range("bottom_vox", bottomVox, 1, 1000);
        if (!lithium.dims().equals(voids.dims())) {
            throw new InputException("lithium " + lithium.dims() + " and voids " + voids.dims() + " must have the same dimensions");
        }
        Columns cols = new Columns(lithium.dims(), axis);
        int n = cols.n;
        boolean top = electrode == Electrode.TOP;
        byte[] map = new byte[cols.count()];
        progress.start("contact " + electrode.label(), cols.blocks());
        var parts = Parallel.map(cols.blocks(), b -> {
            int v0 = cols.lineStart(b);
            int v1 = cols.lineEnd(b);
            int len = (v1 - v0) * cols.nu;
            float[] li = new float[len * n];
            float[] vo = new float[len * n];
            cols.read(lithium, v0, v1, li);
            cols.read(voids, v0, v1, vo);
            long[] sums = new long[2];
            for (int j = 0; j < len; j++) {
                int off = j * n;
                boolean hasLi = false;
                int end = -1;
                for (int k = 0; k < n; k++) {
                    boolean l = li[off + k] != 0;
                    hasLi |= l;
                    if (l || vo[off + k] != 0) {
                        if (top) {
                            if (end < 0) {
                                end = k;
                            }
                        } else {
                            end = k;
                        }
                    }
                }
                if (!hasLi) {
                    continue;
                }
                sums[1]++;
                boolean touching = true;
                for (int t = 0; t < bottomVox; t++) {
                    int k = top ? end + t : end - t;
                    if (k < 0 || k >= n) {
                        break;
                    }
                    touching &= vo[off + k] == 0;
                }
                if (touching) {
                    map[v0 * cols.nu + j] = 1;
                    sums[0]++;
                }
            }
            return sums;
        }, progress);
        progress.done();
        long contact = 0;
        long withLi = 0;
        for (long[] p : parts) {
            contact += p[0];
            withLi += p[1];
        }
        Volume out = cols.map(lithium.spacing(), DataType.U8);
        out.write(0, map, 0, map.length);
        double a = cols.columnAreaUm2(lithium.spacing());
        return new Result(out, contact, withLi, contact * a, withLi * a, withLi == 0 ? Double.NaN : (double) contact / withLi);
    }
}
