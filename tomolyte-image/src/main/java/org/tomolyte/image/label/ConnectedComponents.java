package org.tomolyte.image.label;

import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;

/**
 * Connected-component labelling of a mask: the small static helper for casual use. The work is
 * done by {@link Labeling}.
 *
 * {@snippet :
 * try (Volume labels = ConnectedComponents.label(mask, Connectivity.TWENTY_SIX)) {
 *     // labels: I32, 0 = background, 1..n in raster order of each component's first voxel
 * }
 * }
 */
public final class ConnectedComponents {

    private ConnectedComponents() {
    }

    /**
     * Labels the nonzero voxels of {@code mask}.
     *
     * @param mask         any integer type (nonzero = foreground); float types compare != 0
     * @param connectivity 6, 18 or 26 neighbours
     * @return a new I32 volume: 0 background, components 1..n numbered in raster order (x
     *         fastest) of their first voxel; identical for any thread count
     */
    public static Volume label(Volume mask, Connectivity connectivity) {
        return Labeling.labelInto(mask, connectivity, Progress.NONE, l -> null);
    }

    /** Number of components of the nonzero voxels of {@code mask}, without writing labels. */
    public static int count(Volume mask, Connectivity connectivity) {
        return Labeling.analyse(mask, connectivity).count();
    }
}
