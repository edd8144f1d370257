package org.tomolyte.analysis.interfaces;

import org.tomolyte.core.Axis;

import org.tomolyte.core.DataType;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.Check;

/**
 * Interfacial-void segmentation (Lewis et al., paper 003, Methods: "In each column, the algorithm
 * went from the bulk of the LSPS pellet identifying pixels with intensities below the void
 * intensity threshold..."). Every column along the stack axis is swept from a bulk electrolyte
 * position towards the electrode:
 * <ul>
 * <li>a run of voxels below {@code voidMax} is found; the mean of the {@code lookaheadVox} voxels
 * beyond it (towards the electrode), skipping the first one, which the blur mixes with the run,
 * decides: below {@code liMax} (the voxels beyond look like
 * lithium) makes the run an interfacial void, marked in the mask, and ends the column; at or
 * above {@code liMax} (they look like electrolyte) makes it a bulk pore, counted separately and
 * discarded, and the sweep goes on; a run reaching the end of the column (or one voxel short of
 * it) is neither;</li>
 * <li>the sweep ends without a void when {@code lookaheadVox} consecutive voxels lie in
 * [voidMax, liMax): lithium reached in contact.</li>
 * </ul>
 * The bulk start is {@code bulkUm} along the axis (default: the middle of the volume), which must
 * lie in the electrolyte between the electrodes.
 */
public final class InterfacialVoids {

    private InterfacialVoids() {
    }

    /**
     * Settings.
     *
     * @param electrode    which electrode the sweep goes towards
     * @param axis         stack axis
     * @param voidMax      grey below which a voxel is void
     * @param liMax        grey below which a voxel looks like lithium (above: electrolyte)
     * @param lookaheadVox voxels averaged beyond a dark run, 3..5
     * @param bulkUm       start of the sweep along the axis, um; null: the middle of the volume
     */
    public record Settings(Electrode electrode, Axis axis, double voidMax, double liMax, int lookaheadVox, Double bulkUm) {
        /** Validates; throws {@link ParameterException} naming the bad value. */
        public Settings {
            Check.required("electrode", electrode);
            Check.required("stack_axis", axis);
            Check.finite("void_max", voidMax);
            Check.finite("li_max", liMax);
            Check.ordered("void_max", voidMax, "li_max", liMax);
            Check.range("lookahead_vox", lookaheadVox, 3, 5);
            if (bulkUm != null) {
                Check.atLeast("bulk_um", bulkUm, 0);
            }
        }
    }

    /**
     * Result.
     *
     * @param mask              U8 interfacial-void mask
     * @param voidVoxels        interfacial void voxels
     * @param voidVolumeUm3     voidVoxels times the voxel volume
     * @param bulkPoreVoxels    voxels of discarded bulk-pore runs met by the sweeps
     * @param bulkPoreVolumeUm3 bulkPoreVoxels times the voxel volume
     * @param voidColumns       columns with an interfacial void
     */
    public record Result(Volume mask, long voidVoxels, double voidVolumeUm3, long bulkPoreVoxels, double bulkPoreVolumeUm3,
                         long voidColumns) {
    }

    /** Segments the interfacial voids at one electrode. */
    public static Result run(Volume image, Settings s, Progress progress) {
        Columns cols = new Columns(image.dims(), s.axis());
        int n = cols.n;
        double ds = Columns.along(image.spacing(), s.axis());
        int kb = s.bulkUm() == null ? n / 2 : (int) Math.floor(s.bulkUm() / ds);
        if (kb >= n) {
            throw new ParameterException("bulk_um must be in 0.." + Check.fmt(n * ds) + " um (inside the volume along the stack axis), got "
                    + Check.fmt(s.bulkUm()));
        }
        boolean top = s.electrode() == Electrode.TOP;
        int m = top ? n - kb : kb + 1;
        Volume mask = Volume.allocate(image.dims(), DataType.U8, image.spacing());
        float voidMax = (float) s.voidMax();
        float liMax = (float) s.liMax();
        int look = s.lookaheadVox();
        progress.start("voids " + s.electrode().label(), cols.blocks());
        var parts = Parallel.map(cols.blocks(), b -> {
            int v0 = cols.lineStart(b);
            int v1 = cols.lineEnd(b);
            int len = (v1 - v0) * cols.nu;
            float[] buf = new float[len * n];
            cols.read(image, v0, v1, buf);
            byte[] out = new byte[len * n];
            float[] line = new float[m];
            long[] sums = new long[3];
            for (int j = 0; j < len; j++) {
                int off = j * n;
                for (int q = 0; q < m; q++) {
                    line[q] = buf[off + (top ? kb + q : kb - q)];
                }
                long[] found = sweep(line, m, voidMax, liMax, look);
                sums[1] += found[2];
                if (found[0] >= 0) {
                    for (int q = (int) found[0]; q < found[1]; q++) {
                        out[off + (top ? kb + q : kb - q)] = 1;
                    }
                    sums[0] += found[1] - found[0];
                    sums[2]++;
                }
            }
            cols.write(mask, v0, v1, out);
            return sums;
        }, progress);
        progress.done();
        long voids = 0;
        long pores = 0;
        long columns = 0;
        for (long[] p : parts) {
            voids += p[0];
            pores += p[1];
            columns += p[2];
        }
        double vv = image.spacing().voxelVolumeUm3();
        return new Result(mask, voids, voids * vv, pores, pores * vv, columns);
    }

    /**
     * Sweeps one column in bulk-to-electrode order.
     *
     * @return {start, end, poreVoxels}: the interfacial void [start, end), start -1 when none
     */
    static long[] sweep(float[] line, int m, float voidMax, float liMax, int look) {
        long pores = 0;
        int q = 0;
        while (q < m) {
            if (line[q] < voidMax) {
                int r = q;
                while (r < m && line[r] < voidMax) {
                    r++;
                }
                if (r + 1 >= m) {
                    break;
                }
                double beyond = LithiumSegmentation.mean(line, r + 1, Math.min(m, r + 1 + look));
                if (beyond < liMax) {
                    return new long[] {q, r, pores};
                }
                pores += r - q;
                q = r;
            } else if (lithiumLike(line, q, m, voidMax, liMax, look)) {
                break;
            } else {
                q++;
            }
        }
        return new long[] {-1, -1, pores};
    }

    private static boolean lithiumLike(float[] line, int q, int m, float voidMax, float liMax, int look) {
        if (q + look > m) {
            return false;
        }
        for (int p = q; p < q + look; p++) {
            if (line[p] < voidMax || line[p] >= liMax) {
                return false;
            }
        }
        return true;
    }
}
