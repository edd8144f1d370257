package org.tomolyte.image.label;

import java.util.Arrays;
import java.util.List;
import org.tomolyte.core.BlockGrid;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;

/**
 * Keeps the components whose volume lies in a range and renumbers them 1..n in raster order of
 * their first voxel (x fastest): paper 001's "filtering pores smaller than a specified threshold
 * volume" that leaves the cracks. With only a minimum this equals scikit-image's
 * {@code remove_small_objects(min_size)} (components of at least {@code min_size} voxels are
 * kept) followed by {@code label}.
 *
 * <p>Volumes are in um^3: a component of {@code n} voxels has volume {@code n * sx * sy * sz}.
 * A component is kept when {@code volume >= minVolumeUm3} and {@code volume <= maxVolumeUm3}
 * (either bound may be absent).
 */
public final class LabelFilter {

    private LabelFilter() {
    }

    /**
     * The outcome of a filter.
     *
     * @param labels  I32 labels of the kept components, 1..count in raster order
     * @param count   components kept
     * @param removed components removed
     */
    public record Result(Volume labels, int count, int removed) {
    }

    /**
     * The volume range to keep, in um^3.
     *
     * @param minVolumeUm3 smallest kept volume (inclusive), or null for no lower bound
     * @param maxVolumeUm3 largest kept volume (inclusive), or null for no upper bound
     */
    public record Range(Double minVolumeUm3, Double maxVolumeUm3) {
        public Range {
            if (minVolumeUm3 != null && (!(minVolumeUm3 >= 0) || minVolumeUm3.isInfinite())) {
                throw new ParameterException("min_volume_um3 must be a finite volume >= 0 um^3, got " + minVolumeUm3);
            }
            if (maxVolumeUm3 != null && (!(maxVolumeUm3 >= 0) || maxVolumeUm3.isInfinite())) {
                throw new ParameterException("max_volume_um3 must be a finite volume >= 0 um^3, got " + maxVolumeUm3);
            }
            if (minVolumeUm3 != null && maxVolumeUm3 != null && maxVolumeUm3 < minVolumeUm3) {
                throw new ParameterException("max_volume_um3 must be >= min_volume_um3 (" + minVolumeUm3 + " um^3), got "
                        + maxVolumeUm3);
            }
        }

        /** True when a component of {@code voxels} voxels of {@code voxelUm3} each is kept. */
        public boolean keeps(long voxels, double voxelUm3) {
            double v = voxels * voxelUm3;
            return (minVolumeUm3 == null || v >= minVolumeUm3) && (maxVolumeUm3 == null || v <= maxVolumeUm3);
        }
    }

    /**
     * Labels the nonzero voxels of {@code mask} and keeps the components in {@code range}; one
     * read of the mask and one write of the kept voxels.
     */
    public static Result ofMask(Volume mask, Connectivity connectivity, Range range, Progress progress) {
        double vv = mask.spacing().voxelVolumeUm3();
        int[] counts = new int[2];
        Volume out = Labeling.labelInto(mask, connectivity, progress, l -> {
            long[] voxels = l.voxels();
            int[] remap = new int[l.count() + 1];
            int kept = 0;
            for (int c = 1; c <= l.count(); c++) {
                if (range.keeps(voxels[c], vv)) {
                    remap[c] = ++kept;
                }
            }
            counts[0] = kept;
            counts[1] = l.count() - kept;
            return remap;
        });
        return new Result(out, counts[0], counts[1]);
    }

    /**
     * Keeps the labels of a label volume whose volume is in {@code range} (each nonzero value is
     * one component, connected or not) and renumbers the kept ones 1..n in raster order of their
     * first voxel.
     *
     * @param labels an integer volume with values 0..{@link #MAX_LABEL}
     * @throws InputException for a negative label or one above {@link #MAX_LABEL}
     */
    public static Result ofLabels(Volume labels, Range range, Progress progress) {
        LabelCensus census = LabelCensus.of(labels);
        double vv = labels.spacing().voxelVolumeUm3();
        int max = census.maxLabel();
        Integer[] present = census.presentByFirstVoxel();
        int[] remap = new int[max + 1];
        int kept = 0;
        for (int l : present) {
            if (range.keeps(census.voxels()[l], vv)) {
                remap[l] = ++kept;
            }
        }
        Volume out = Volume.allocateLike(labels, DataType.I32);
        Dims d = labels.dims();
        BlockGrid grid = BlockGrid.slabsOf(d, Labeling.SLAB_VOXELS);
        progress.start("relabel", grid.count());
        Parallel.forEach(grid.count(), i -> {
            var box = grid.box(i);
            int[] row = new int[d.nx()];
            for (int z = box.z0(); z < box.z1(); z++) {
                for (int y = 0; y < d.ny(); y++) {
                    long base = d.index(0, y, z);
                    labels.read(base, row, 0, row.length);
                    boolean any = false;
                    for (int x = 0; x < row.length; x++) {
                        int v = row[x];
                        row[x] = v == 0 ? 0 : remap[v];
                        any |= row[x] != 0;
                    }
                    if (any) {
                        out.write(base, row, 0, row.length);
                    }
                }
            }
        }, progress);
        progress.done();
        return new Result(out, kept, present.length - kept);
    }

    /** Largest label value of a label volume input (dense per-label arrays of 16 bytes each). */
    public static final int MAX_LABEL = (1 << 27) - 1;

    /** Voxel count and first voxel (linear index) of every label value of a label volume. */
    record LabelCensus(int maxLabel, long[] voxels, long[] first) {

        static LabelCensus of(Volume labels) {
            Dims d = labels.dims();
            BlockGrid grid = BlockGrid.slabsOf(d, Labeling.SLAB_VOXELS);
            List<Integer> maxima = Parallel.map(grid.count(), i -> {
                var box = grid.box(i);
                int[] row = new int[d.nx()];
                int m = 0;
                for (int z = box.z0(); z < box.z1(); z++) {
                    for (int y = 0; y < d.ny(); y++) {
                        labels.read(d.index(0, y, z), row, 0, row.length);
                        for (int x = 0; x < row.length; x++) {
                            if (row[x] < 0) {
                                throw new InputException("labels must be >= 0, found " + row[x] + " at voxel (" + x + ", " + y + ", " + z + ")");
                            }
                            m = Math.max(m, row[x]);
                        }
                    }
                }
                return m;
            });
            int max = 0;
            for (int m : maxima) {
                max = Math.max(max, m);
            }
            if (max > MAX_LABEL) {
                throw new InputException("labels.filter on a label volume takes label values up to " + MAX_LABEL
                        + ", found " + max + ": label the mask instead (input mask) or renumber with labels.connected");
            }
            // a few z-chunks, each with dense arrays; integer sums and minima do not depend on the order
            long bytesPerChunk = 16L * (max + 1);
            int chunks = (int) Math.max(1, Math.min(Math.min(16, d.nz()), (256L << 20) / Math.max(1, bytesPerChunk)));
            int depth = (d.nz() + chunks - 1) / chunks;
            final int top = max;
            List<long[][]> parts = Parallel.map(chunks, c -> {
                long[] count = new long[top + 1];
                long[] first = new long[top + 1];
                Arrays.fill(first, Long.MAX_VALUE);
                int[] row = new int[d.nx()];
                for (int z = c * depth; z < Math.min(d.nz(), (c + 1) * depth); z++) {
                    for (int y = 0; y < d.ny(); y++) {
                        long base = d.index(0, y, z);
                        labels.read(base, row, 0, row.length);
                        for (int x = 0; x < row.length; x++) {
                            int v = row[x];
                            if (v != 0) {
                                if (count[v]++ == 0) {
                                    first[v] = base + x;
                                }
                            }
                        }
                    }
                }
                return new long[][] {count, first};
            });
            long[] count = new long[max + 1];
            long[] first = new long[max + 1];
            Arrays.fill(first, Long.MAX_VALUE);
            for (long[][] p : parts) {
                for (int l = 1; l <= max; l++) {
                    count[l] += p[0][l];
                    first[l] = Math.min(first[l], p[1][l]);
                }
            }
            return new LabelCensus(max, count, first);
        }

        /** Label values present, sorted by their first voxel. */
        Integer[] presentByFirstVoxel() {
            int n = 0;
            for (int l = 1; l <= maxLabel; l++) {
                if (voxels[l] > 0) {
                    n++;
                }
            }
            Integer[] ids = new Integer[n];
            int k = 0;
            for (int l = 1; l <= maxLabel; l++) {
                if (voxels[l] > 0) {
                    ids[k++] = l;
                }
            }
            Arrays.sort(ids, (a, b) -> Long.compare(first[a], first[b]));
            return ids;
        }
    }
}
