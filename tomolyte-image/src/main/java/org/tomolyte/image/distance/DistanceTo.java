package org.tomolyte.image.distance;

/**
 * Which voxels a distance is measured to. A mask voxel is foreground when its value is nonzero
 * (NaN counts as nonzero) and background when it is 0.
 */
public enum DistanceTo {
    /**
     * Every voxel gets its distance to the nearest background voxel: foreground voxels get a
     * positive distance, background voxels 0 (scipy's {@code distance_transform_edt(mask)}).
     */
    BACKGROUND,
    /**
     * Every voxel gets its distance to the nearest foreground voxel: background voxels get a
     * positive distance, foreground voxels 0 ({@code distance_transform_edt(mask == 0)}).
     */
    FOREGROUND;

    /** True when a voxel of value {@code v} is one that distances are measured to. */
    boolean isTarget(double v) {
        return (v != 0) == (this == FOREGROUND);
    }
}
