package org.tomolyte.image.measure;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tomolyte.core.BlockGrid;
import org.tomolyte.core.Box;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;

/**
 * Voxel counts per label value of a segmentation (a U8, U16 or I32 label volume), and from them
 * volume fractions and phase volumes. Counted slab by slab in parallel and merged in slab order.
 *
 * @param counts    label value to voxel count, sorted by value (values with no voxels absent)
 * @param total     voxels in the volume
 * @param voxelUm3  volume of one voxel in um^3
 */
public record PhaseCounts(TreeMap<Integer, Long> counts, long total, double voxelUm3) {

    /** Voxels read per bulk call. */
    private static final int CHUNK = 1 << 14;

    /** Counts the label values of {@code labels}. */
    public static PhaseCounts of(Volume labels, Progress progress) {
        if (!labels.type().isInteger()) {
            throw new InputException("phase fractions need an integer label volume (u8, u16 or i32), got " + labels.type().label());
        }
        BlockGrid grid = BlockGrid.slabsOf(labels.dims(), 1 << 20);
        boolean small = labels.type() != org.tomolyte.core.DataType.I32;
        List<Map<Integer, Long>> parts = Parallel.map(grid.count(), b -> {
            Box box = grid.box(b);
            long start = labels.dims().index(0, 0, box.z0());
            long end = start + box.voxels();
            Map<Integer, Long> m = new TreeMap<>();
            int[] buf = new int[CHUNK];
            if (small) {
                long[] c = new long[65536];
                for (long s0 = start; s0 < end; s0 += CHUNK) {
                    int len = (int) Math.min(CHUNK, end - s0);
                    labels.read(s0, buf, 0, len);
                    for (int k = 0; k < len; k++) {
                        c[buf[k]]++;
                    }
                }
                for (int v = 0; v < c.length; v++) {
                    if (c[v] > 0) {
                        m.put(v, c[v]);
                    }
                }
            } else {
                for (long s0 = start; s0 < end; s0 += CHUNK) {
                    int len = (int) Math.min(CHUNK, end - s0);
                    labels.read(s0, buf, 0, len);
                    for (int k = 0; k < len; k++) {
                        m.merge(buf[k], 1L, Long::sum);
                    }
                }
            }
            return m;
        }, progress);
        TreeMap<Integer, Long> counts = new TreeMap<>();
        for (Map<Integer, Long> p : parts) {
            p.forEach((k, v) -> counts.merge(k, v, Long::sum));
        }
        return new PhaseCounts(counts, labels.voxels(), labels.spacing().voxelVolumeUm3());
    }

    /** Voxels with label {@code id} (0 when absent). */
    public long voxels(int id) {
        return counts.getOrDefault(id, 0L);
    }

    /** Volume fraction of label {@code id}, 0..1. */
    public double fraction(int id) {
        return (double) voxels(id) / total;
    }

    /** Volume of label {@code id} in um^3. */
    public double volumeUm3(int id) {
        return voxels(id) * voxelUm3;
    }
}
