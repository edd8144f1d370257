package org.tomolyte.image.label;

/**
 * Which voxels of a volume form the components that {@link Labeling} finds.
 */
public sealed interface Foreground permits Foreground.NonZero, Foreground.Zero, Foreground.Above {

    /** Every voxel whose value is not 0 (a mask or a label volume). */
    record NonZero() implements Foreground {
    }

    /** Every voxel whose value is 0 (the background of a mask, e.g. to find holes). */
    record Zero() implements Foreground {
    }

    /**
     * Every voxel whose value is strictly greater than {@code threshold} (compared in double;
     * F64 voxels are read as float32).
     *
     * @param threshold grey value
     */
    record Above(double threshold) implements Foreground {
    }

    /** The nonzero voxels. */
    Foreground NONZERO = new NonZero();

    /** The zero voxels. */
    Foreground ZERO = new Zero();
}
