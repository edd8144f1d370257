package org.tomolyte.analysis.connectivity;

import org.tomolyte.core.BlockGrid;
import org.tomolyte.core.Box;
import org.tomolyte.core.DataType;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Volume;

/**
 * A U8 mask (1 = selected, 0 = not) of the voxels of a label volume that equal one phase
 * value, or of the nonzero voxels of a mask. Slab-parallel with bulk reads; the result does not
 * depend on the thread count.
 */
public final class PhaseMask {

    private static final int CHUNK = 1 << 14;

    private PhaseMask() {
    }

    /**
     * The voxels of {@code labels} equal to {@code phase}; with {@code phase == null} the nonzero
     * voxels (the input is a mask).
     *
     * @param labels an integer volume (U8, U16 or I32)
     * @param phase  the label value, or null for "nonzero"
     * @return a new U8 volume with the same dims and spacing
     * @throws InputException when {@code labels} is not an integer volume
     */
    public static Volume of(Volume labels, Integer phase) {
        if (!labels.type().isInteger()) {
            throw new InputException("a phase mask needs integer labels (u8, u16 or i32), got " + labels.type().label());
        }
        Volume out = Volume.allocateLike(labels, DataType.U8);
        BlockGrid grid = BlockGrid.slabsOf(labels.dims(), 1 << 20);
        Parallel.forEach(grid.count(), b -> {
            Box box = grid.box(b);
            long start = labels.dims().index(0, 0, box.z0());
            long end = start + box.voxels();
            int[] in = new int[CHUNK];
            byte[] o = new byte[CHUNK];
            for (long s = start; s < end; s += CHUNK) {
                int len = (int) Math.min(CHUNK, end - s);
                labels.read(s, in, 0, len);
                if (phase == null) {
                    for (int k = 0; k < len; k++) {
                        o[k] = (byte) (in[k] != 0 ? 1 : 0);
                    }
                } else {
                    int p = phase;
                    for (int k = 0; k < len; k++) {
                        o[k] = (byte) (in[k] == p ? 1 : 0);
                    }
                }
                out.write(s, o, 0, len);
            }
        });
        return out;
    }
}
