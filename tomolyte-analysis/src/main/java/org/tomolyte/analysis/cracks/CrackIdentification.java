package org.tomolyte.analysis.cracks;

import java.util.List;
import org.tomolyte.core.BlockGrid;
import org.tomolyte.core.Box;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Table;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.Check;
import org.tomolyte.image.label.ConnectedComponents;
import org.tomolyte.image.label.Connectivity;
import org.tomolyte.image.label.LabelProperties;

/**
 * Crack identification by removing small pores (paper 001, Dixit et al., methods 4.4: "cracks
 * were identified by filtering pores smaller than a specified threshold volume"; paper 002: crack
 * volume ratio 5.36 % in an uncoated and 0.058 % in a coated pellet).
 *
 * <p>The pore mask is labelled into connected components ({@link ConnectedComponents}, 6/18/26
 * neighbours, numbered in raster order of their first voxel) and measured with the image core's
 * {@link LabelProperties} (physical units, anisotropic voxels). A component is a crack when
 * <ul>
 * <li>{@code volume_um3 >= minVolumeUm3}, and</li>
 * <li>when {@code minElongation} is given, {@code aspect_ratio >= minElongation}, where
 * {@code aspect_ratio = axis_major_um / axis_minor_um} (&gt;= 1) of the same second-moment
 * ellipsoid that {@code labels.properties} reports: about 1 for a round pore, large for a
 * planar or needle-like crack ({@code +Infinity} for a component one voxel thick; 1 for a single
 * voxel). The core's {@code elongation} column ({@code axis_mid / axis_major}) is about 1 for
 * both a sphere and a penny-shaped crack, so it cannot tell them apart; this ratio can.</li>
 * </ul>
 * Everything else is a removed pore.
 *
 * <p>{@code crackVolumeRatio} is {@code V_crack / (V_reference + V_crack)} where
 * {@code V_reference} counts the reference voxels that are not crack voxels (for disjoint masks,
 * as the particle or electrolyte phase and the pores are, simply the reference volume); without
 * a reference it is {@code V_crack / V_total}, the crack fraction of the whole image.
 *
 * <p>Work: one labelling, one properties pass, one pass writing the crack mask (and counting the
 * reference), each on a fixed grid of z slabs, so results are identical for any thread count.
 */
public final class CrackIdentification {

    /** Voxels per slab of the mask pass. */
    private static final long SLAB_VOXELS = 1 << 20;

    private CrackIdentification() {
    }

    /**
     * Settings.
     *
     * @param minVolumeUm3  smallest crack volume in um^3 (inclusive), finite, &gt;= 0
     * @param minElongation smallest aspect ratio {@code axis_major / axis_minor} of a crack, &gt;= 1,
     *                      or null for no shape criterion
     * @param connectivity  neighbours that touch when the pores are labelled
     */
    public record Criteria(double minVolumeUm3, Double minElongation, Connectivity connectivity) {
        /** Validates every value; throws {@link ParameterException} naming the bad one. */
        public Criteria {
            Check.atLeast("min_volume_um3", minVolumeUm3, 0);
            Check.finite("min_volume_um3", minVolumeUm3);
            if (minElongation != null) {
                Check.atLeast("min_elongation", minElongation, 1);
            }
            Check.required("connectivity", connectivity);
        }
    }

    /**
     * The outcome.
     *
     * @param cracks               U8 mask, 1 = crack
     * @param table                one row per crack, numbered 1..crackCount in raster order of
     *                             their first voxel: the {@code labels.properties} columns plus
     *                             {@code aspect_ratio}
     * @param crackCount           cracks kept
     * @param crackVoxels          voxels of all cracks
     * @param crackVolumeUm3       crack volume, um^3
     * @param crackVolumeRatio     see the class comment, 0..1
     * @param referenceVolumeUm3   reference volume outside the cracks, um^3, or NaN without a reference
     * @param removedPoreCount     components removed
     * @param removedPoreVolumeUm3 their volume, um^3
     */
    public record Result(Volume cracks, Table table, int crackCount, long crackVoxels, double crackVolumeUm3,
                         double crackVolumeRatio, double referenceVolumeUm3, int removedPoreCount,
                         double removedPoreVolumeUm3) {
    }

    /**
     * Identifies the cracks among the pores.
     *
     * @param pores     integer mask, nonzero = pore (cracks included)
     * @param reference optional mask of the reference phase (nonzero), same size, or null
     * @param criteria  what makes a crack
     * @param progress  progress reports
     * @throws InputException for a float pore mask or a reference of another size
     */
    public static Result identify(Volume pores, Volume reference, Criteria criteria, Progress progress) {
        if (!pores.type().isInteger()) {
            throw new InputException("pores must be an integer mask (u8, u16 or i32), got " + pores.type().label());
        }
        if (reference != null && !reference.dims().equals(pores.dims())) {
            throw new InputException("reference is " + reference.dims() + " but pores are " + pores.dims());
        }
        try (Volume labels = ConnectedComponents.label(pores, criteria.connectivity())) {
            Table props = LabelProperties.of(labels, progress);
            int n = props.rowCount();
            int maxLabel = n == 0 ? 0 : (int) props.number(n - 1, "label");
            int[] remap = new int[maxLabel + 1];
            double vv = pores.spacing().voxelVolumeUm3();
            Table.Builder t = Table.builder("cracks");
            for (Table.Column c : props.columns()) {
                t.column(c.name(), c.unit(), c.kind(), c.description());
            }
            t.column("aspect_ratio", "", Table.Kind.REAL, "axis_major_um / axis_minor_um (>= 1; the min_elongation criterion)");
            int kept = 0;
            long crackVoxels = 0;
            long removedVoxels = 0;
            int labelCol = props.columnIndex("label");
            int width = props.columns().size();
            for (int r = 0; r < n; r++) {
                long voxels = (long) props.number(r, "voxels");
                double aspect = aspectRatio(props.number(r, "axis_major_um"), props.number(r, "axis_minor_um"));
                boolean crack = voxels * vv >= criteria.minVolumeUm3()
                        && (criteria.minElongation() == null || aspect >= criteria.minElongation());
                if (crack) {
                    remap[(int) props.number(r, "label")] = ++kept;
                    Object[] row = new Object[width + 1];
                    for (int c = 0; c < width; c++) {
                        row[c] = props.value(r, c);
                    }
                    row[labelCol] = (long) kept;
                    row[width] = aspect;
                    t.row(row);
                    crackVoxels += voxels;
                } else {
                    removedVoxels += voxels;
                }
            }
            Volume cracks = Volume.allocateLike(pores, DataType.U8);
            try {
                long refVoxels = writeMask(labels, remap, reference, cracks, progress);
                double crackUm3 = crackVoxels * vv;
                double refUm3 = reference == null ? Double.NaN : refVoxels * vv;
                double ratio = reference == null
                        ? (double) crackVoxels / pores.voxels()
                        : crackVoxels + refVoxels == 0 ? Double.NaN : (double) crackVoxels / (crackVoxels + refVoxels);
                return new Result(cracks, t.build(), kept, crackVoxels, crackUm3, ratio, refUm3, n - kept, removedVoxels * vv);
            } catch (RuntimeException | Error e) {
                cracks.close();
                throw e;
            }
        }
    }

    /**
     * {@code axis_major / axis_minor}: 1 when both are 0 (a single voxel), {@code +Infinity} when
     * only the minor axis is 0 (a component one voxel thick).
     */
    static double aspectRatio(double major, double minor) {
        if (major == 0) {
            return 1;
        }
        return minor == 0 ? Double.POSITIVE_INFINITY : major / minor;
    }

    /** Writes the crack mask; returns the reference voxels outside the cracks (0 without a reference). */
    private static long writeMask(Volume labels, int[] remap, Volume reference, Volume cracks, Progress progress) {
        Dims d = labels.dims();
        BlockGrid grid = BlockGrid.slabsOf(d, SLAB_VOXELS);
        progress.start("crack mask", grid.count());
        List<Long> refCounts = Parallel.map(grid.count(), i -> {
            Box box = grid.box(i);
            int nx = d.nx();
            int[] row = new int[nx];
            byte[] out = new byte[nx];
            double[] ref = reference == null ? null : new double[nx];
            long count = 0;
            for (int z = box.z0(); z < box.z1(); z++) {
                for (int y = 0; y < d.ny(); y++) {
                    long base = d.index(0, y, z);
                    labels.read(base, row, 0, nx);
                    boolean any = false;
                    for (int x = 0; x < nx; x++) {
                        boolean c = remap[row[x]] != 0;
                        out[x] = (byte) (c ? 1 : 0);
                        any |= c;
                    }
                    if (any) {
                        cracks.write(base, out, 0, nx);
                    }
                    if (ref != null) {
                        reference.read(base, ref, 0, nx);
                        for (int x = 0; x < nx; x++) {
                            count += ref[x] != 0 && out[x] == 0 ? 1 : 0;
                        }
                    }
                }
            }
            return count;
        }, progress);
        progress.done();
        long sum = 0;
        for (long c : refCounts) {
            sum += c;
        }
        return sum;
    }
}
