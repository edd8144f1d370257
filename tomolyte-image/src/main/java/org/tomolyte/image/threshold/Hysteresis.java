package org.tomolyte.image.threshold;

import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;
import org.tomolyte.image.label.Connectivity;
import org.tomolyte.image.label.Foreground;
import org.tomolyte.image.label.Labeling;
import org.tomolyte.image.label.Marker;

/**
 * Hysteresis thresholding (Canny 1986): a voxel is selected when its value is strictly greater
 * than {@code low} and it is connected, through voxels strictly greater than {@code low}, to a
 * voxel strictly greater than {@code high}. Identical to scikit-image's
 * {@code filters.apply_hysteresis_threshold(image, low, high)}, which uses the strict
 * comparisons {@code image > low}, {@code image > high} and {@code scipy.ndimage.label}'s default
 * 6-connectivity (so {@link Connectivity#SIX} gives the identical result; 18 and 26 are offered
 * as well). Values are compared in double precision (F64 voxels as float32).
 */
public final class Hysteresis {

    private Hysteresis() {
    }

    /**
     * The hysteresis mask of {@code image}.
     *
     * @param image        grey image, any type
     * @param low          lower grey value; must be &lt;= high
     * @param high         upper grey value
     * @param connectivity neighbours that touch
     * @param progress     advanced once per slab of the labelling
     * @return a new U8 volume, 1 selected, 0 not
     */
    public static Volume apply(Volume image, double low, double high, Connectivity connectivity, Progress progress) {
        return run(image, low, high, connectivity, progress).mask();
    }

    /**
     * The hysteresis mask and what it holds.
     *
     * @param mask       U8, 1 selected
     * @param voxels     voxels selected
     * @param components components of voxels &gt; low that were selected
     */
    public record Result(Volume mask, long voxels, int components) {
    }

    /** As {@link #apply}, with the counts. */
    public static Result run(Volume image, double low, double high, Connectivity connectivity, Progress progress) {
        if (!(low <= high)) {
            throw new ParameterException("low must be <= high (" + high + "), got " + low);
        }
        Labeling l = Labeling.analyse(image, new Foreground.Above(low), connectivity, new Marker.Above(high), progress);
        boolean[] keep = l.marked();
        long[] size = l.voxels();
        long voxels = 0;
        int components = 0;
        for (int c = 1; c <= l.count(); c++) {
            if (keep[c]) {
                voxels += size[c];
                components++;
            }
        }
        return new Result(l.mask(keep), voxels, components);
    }
}
