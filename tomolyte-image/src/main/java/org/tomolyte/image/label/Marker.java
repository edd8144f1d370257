package org.tomolyte.image.label;

/**
 * A property that marks a component when any of its voxels has it; {@link Labeling#marked()}
 * says which components are marked. Used by hysteresis thresholding (a component with a
 * voxel above the high threshold) and hole filling (a background component touching the
 * volume border).
 */
public sealed interface Marker permits Marker.None, Marker.Above, Marker.TouchesBorder {

    /** Nothing is marked. */
    record None() implements Marker {
    }

    /**
     * A component is marked when one of its voxels is strictly greater than {@code value}.
     *
     * @param value grey value
     */
    record Above(double value) implements Marker {
    }

    /** A component is marked when one of its voxels lies on a face of the volume. */
    record TouchesBorder() implements Marker {
    }

    /** No marking. */
    Marker NONE = new None();

    /** Components touching the volume border. */
    Marker BORDER = new TouchesBorder();
}
