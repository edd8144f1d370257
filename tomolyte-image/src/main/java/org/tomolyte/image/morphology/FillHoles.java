package org.tomolyte.image.morphology;

import org.tomolyte.core.BlockGrid;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;
import org.tomolyte.image.label.Connectivity;
import org.tomolyte.image.label.Foreground;
import org.tomolyte.image.label.Labeling;
import org.tomolyte.image.label.Marker;

/**
 * 3D hole filling: every background component (zero voxels) that does not touch a face of the
 * volume becomes foreground. Background connectivity is 6 (face neighbours), the default of
 * {@code scipy.ndimage.binary_fill_holes} (its structure {@code generate_binary_structure(3, 1)}
 * grows the background in from the border), so the result is identical to it. Other
 * connectivities may be given (a background that touches through edges or corners then counts
 * as connected).
 *
 * <p>Method: the background's components are found with {@link Labeling} (one read of the mask),
 * marking those with a voxel on the border; the output is the mask as 0/1 plus the unmarked
 * components painted 1.
 */
public final class FillHoles {

    private FillHoles() {
    }

    /**
     * The outcome.
     *
     * @param mask         U8, 1 = foreground or filled hole
     * @param holes        background components filled
     * @param filledVoxels voxels filled
     */
    public record Result(Volume mask, int holes, long filledVoxels) {
    }

    /** Fills the holes of {@code mask} (nonzero = foreground), background 6-connected. */
    public static Volume fill(Volume mask) {
        return run(mask, Connectivity.SIX, Progress.NONE).mask();
    }

    /**
     * Fills the holes of {@code mask}.
     *
     * @param mask         any integer type, nonzero = foreground
     * @param background   connectivity of the background (6 as scipy)
     * @param progress     advanced per slab
     * @return a new U8 mask and counts
     */
    public static Result run(Volume mask, Connectivity background, Progress progress) {
        Labeling l = Labeling.analyse(mask, Foreground.ZERO, background, Marker.BORDER, progress);
        Volume out = Volume.allocateLike(mask, DataType.U8);
        Dims d = mask.dims();
        BlockGrid grid = BlockGrid.slabsOf(d, Labeling.SLAB_VOXELS);
        Parallel.forEach(grid.count(), i -> {
            var box = grid.box(i);
            int[] row = new int[d.nx()];
            byte[] bytes = new byte[d.nx()];
            for (int z = box.z0(); z < box.z1(); z++) {
                for (int y = 0; y < d.ny(); y++) {
                    long base = d.index(0, y, z);
                    mask.read(base, row, 0, row.length);
                    for (int x = 0; x < row.length; x++) {
                        bytes[x] = (byte) (row[x] != 0 ? 1 : 0);
                    }
                    out.write(base, bytes, 0, bytes.length);
                }
            }
        });
        boolean[] border = l.marked();
        long[] size = l.voxels();
        int[] paint = new int[l.count() + 1];
        int holes = 0;
        long filled = 0;
        for (int c = 1; c <= l.count(); c++) {
            if (!border[c]) {
                paint[c] = 1;
                holes++;
                filled += size[c];
            }
        }
        l.paint(out, paint);
        return new Result(out, holes, filled);
    }
}
