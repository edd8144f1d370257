package org.tomolyte.analysis.interfaces;

import org.tomolyte.core.Axis;

import java.util.Arrays;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.Check;

/**
 * Column-wise lithium segmentation of an operando cell (Lewis et al., paper 003, Methods,
 * "Segmentation Analysis"). Every column along the stack axis is walked from the electrode's
 * current collector towards the electrolyte:
 * <ol>
 * <li>collector: voxels with grey {@code >= collectorMin} are collector; the electrode starts at the
 * first voxel below {@code collectorMin} (the column must start inside the collector, otherwise
 * it is not analysed);</li>
 * <li>lithium: a voxel below {@code liMax} is accepted (voids, darker than lithium, are accepted
 * too, as in the paper); a voxel at or above {@code liMax} ends the lithium when the mean of the
 * next {@code lookaheadVox} voxels beyond it (fewer at the end of the column; none ends it) is
 * above {@code interphaseMin}, and is otherwise accepted: a noisy lithium voxel, or the blurred
 * halo of the bright collector next to the lithium;</li>
 * <li>columns whose run is empty or reaches the far end of the volume are not analysed.</li>
 * </ol>
 * The run [collector face, interface face) is the electrode; its voxels are lithium in the
 * mask except, when {@code voidMax} is given, those below {@code voidMax} (voids inside the
 * electrode). Faces are slice boundaries in um along the stack axis: a face between voxels
 * k-1 and k lies at {@code k * s} um.
 */
public final class LithiumSegmentation {

    private LithiumSegmentation() {
    }

    /**
     * Settings.
     *
     * @param electrode     which electrode
     * @param axis          stack axis
     * @param liMax         grey below which a voxel is lithium (or darker)
     * @param interphaseMin lookahead mean above which the lithium ends (a value typical of the interphase)
     * @param lookaheadVox  voxels averaged by the lookahead, 3..5 (paper: "the next 3-5 pixels")
     * @param collectorMin  grey at or above which a voxel is current collector
     * @param voidMax       optional: run voxels below this are voids, not lithium, in the mask (null: none)
     */
    public record Settings(Electrode electrode, Axis axis, double liMax, double interphaseMin, int lookaheadVox,
                           double collectorMin, Double voidMax) {
        /** Validates; throws {@link org.tomolyte.core.ParameterException} naming the bad value. */
        public Settings {
            Check.required("electrode", electrode);
            Check.required("stack_axis", axis);
            Check.finite("li_max", liMax);
            Check.finite("interphase_min", interphaseMin);
            Check.range("lookahead_vox", lookaheadVox, 3, 5);
            Check.finite("collector_min", collectorMin);
            Check.ordered("li_max", liMax, "collector_min", collectorMin);
            if (voidMax != null) {
                Check.finite("void_max", voidMax);
                Check.ordered("void_max", voidMax, "li_max", liMax);
            }
        }
    }

    /**
     * Per-column runs, indexed by column {@code u + nu * v} (see {@link Columns}); faces are slice
     * indices along the axis, -1 where the column is not analysed.
     *
     * @param collectorFace  slice boundary between collector and electrode
     * @param interfaceFace  slice boundary between electrode and electrolyte/interphase
     * @param lithiumVoxels  lithium voxels of the column in the mask
     */
    record Runs(int[] collectorFace, int[] interfaceFace, int[] lithiumVoxels) {
    }

    /**
     * Result.
     *
     * @param mask              U8 lithium mask, same grid as the image
     * @param thickness         F32 map (nu x nv x 1): lithium voxels per column times the axis spacing, um; NaN where not analysed
     * @param interfaceZ        F32 map: interface height along the stack axis, um; NaN where not analysed
     * @param collectorZ        F32 map: collector face height, um; NaN where not analysed
     * @param columns           analysed columns
     * @param lithiumVoxels     voxels in the mask
     * @param liVolumeUm3       lithiumVoxels times the voxel volume
     * @param thicknessMeanUm   mean lithium thickness over analysed columns, um
     * @param interfaceZMeanUm  mean interface height, um
     * @param collectorZMeanUm  mean collector face height, um
     * @param analysedAreaUm2   analysed columns times the column area, um^2
     */
    public record Result(Volume mask, Volume thickness, Volume interfaceZ, Volume collectorZ, long columns,
                         long lithiumVoxels, double liVolumeUm3, double thicknessMeanUm, double interfaceZMeanUm,
                         double collectorZMeanUm, double analysedAreaUm2) {
    }

    /** Segments the lithium of one electrode. */
    public static Result run(Volume image, Settings s, Progress progress) {
        Columns cols = new Columns(image.dims(), s.axis());
        Volume mask = Volume.allocate(image.dims(), DataType.U8, image.spacing());
        Runs runs = runs(image, s, cols, mask, progress);
        Spacing sp = image.spacing();
        double ds = Columns.along(sp, s.axis());
        Volume thickness = cols.map(sp, DataType.F32);
        Volume iface = cols.map(sp, DataType.F32);
        Volume coll = cols.map(sp, DataType.F32);
        int count = cols.count();
        float[] t = new float[count];
        float[] f = new float[count];
        float[] c = new float[count];
        long analysed = 0;
        long li = 0;
        double sumT = 0;
        double sumF = 0;
        double sumC = 0;
        for (int col = 0; col < count; col++) {
            if (runs.interfaceFace()[col] < 0) {
                t[col] = Float.NaN;
                f[col] = Float.NaN;
                c[col] = Float.NaN;
                continue;
            }
            analysed++;
            li += runs.lithiumVoxels()[col];
            double tu = runs.lithiumVoxels()[col] * ds;
            double fu = runs.interfaceFace()[col] * ds;
            double cu = runs.collectorFace()[col] * ds;
            t[col] = (float) tu;
            f[col] = (float) fu;
            c[col] = (float) cu;
            sumT += tu;
            sumF += fu;
            sumC += cu;
        }
        thickness.write(0, t, 0, count);
        iface.write(0, f, 0, count);
        coll.write(0, c, 0, count);
        double a = analysed == 0 ? Double.NaN : analysed;
        return new Result(mask, thickness, iface, coll, analysed, li, li * sp.voxelVolumeUm3(), sumT / a, sumF / a, sumC / a,
                analysed * cols.columnAreaUm2(sp));
    }

    /** The per-column runs; writes the lithium mask when {@code mask} is not null. */
    static Runs runs(Volume image, Settings s, Columns cols, Volume mask, Progress progress) {
        int n = cols.n;
        int count = cols.count();
        int[] collector = new int[count];
        int[] iface = new int[count];
        int[] liVox = new int[count];
        Arrays.fill(collector, -1);
        Arrays.fill(iface, -1);
        boolean top = s.electrode() == Electrode.TOP;
        float voidMax = s.voidMax() == null ? Float.NEGATIVE_INFINITY : s.voidMax().floatValue();
        progress.start("lithium " + s.electrode().label(), cols.blocks());
        Parallel.forEach(cols.blocks(), b -> {
            int v0 = cols.lineStart(b);
            int v1 = cols.lineEnd(b);
            int len = (v1 - v0) * cols.nu;
            float[] buf = new float[len * n];
            cols.read(image, v0, v1, buf);
            byte[] out = mask == null ? null : new byte[len * n];
            float[] line = new float[n];
            for (int j = 0; j < len; j++) {
                ordered(buf, j * n, n, top, line);
                int start = collectorEnd(line, n, (float) s.collectorMin());
                if (start == 0 || start == n) {
                    continue;
                }
                int end = lithiumEnd(line, start, n, (float) s.liMax(), (float) s.interphaseMin(), s.lookaheadVox());
                if (end == start || end == n) {
                    continue;
                }
                int col = v0 * cols.nu + j;
                int lithium = 0;
                for (int p = start; p < end; p++) {
                    if (line[p] >= voidMax) {
                        lithium++;
                        if (out != null) {
                            out[j * n + (top ? n - 1 - p : p)] = 1;
                        }
                    }
                }
                collector[col] = top ? n - start : start;
                iface[col] = top ? n - end : end;
                liVox[col] = lithium;
            }
            if (out != null) {
                cols.write(mask, v0, v1, out);
            }
        }, progress);
        progress.done();
        return new Runs(collector, iface, liVox);
    }

    /** Copies column values into {@code line} ordered from the electrode's collector side. */
    static void ordered(float[] buf, int off, int n, boolean fromHigh, float[] line) {
        if (fromHigh) {
            for (int p = 0; p < n; p++) {
                line[p] = buf[off + n - 1 - p];
            }
        } else {
            System.arraycopy(buf, off, line, 0, n);
        }
    }

    /** Index of the first voxel below {@code collectorMin} (n when none). */
    static int collectorEnd(float[] line, int n, float collectorMin) {
        int p = 0;
        while (p < n && line[p] >= collectorMin) {
            p++;
        }
        return p;
    }

    /** One past the last lithium voxel of the run starting at {@code start}. */
    static int lithiumEnd(float[] line, int start, int n, float liMax, float interphaseMin, int lookahead) {
        int p = start;
        while (p < n) {
            if (line[p] >= liMax && (p + 1 == n || mean(line, p + 1, Math.min(n, p + 1 + lookahead)) > interphaseMin)) {
                break;
            }
            p++;
        }
        return p;
    }

    static double mean(float[] line, int from, int to) {
        double sum = 0;
        for (int p = from; p < to; p++) {
            sum += line[p];
        }
        return sum / (to - from);
    }
}
