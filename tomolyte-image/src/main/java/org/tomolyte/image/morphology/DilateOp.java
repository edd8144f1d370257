package org.tomolyte.image.morphology;

import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;

/** {@code morphology.dilate}: binary dilation with a ball of {@code radius_um} micrometres: a voxel becomes 1 when its distance to the foreground is &lt;= r (see {@link BallMorphology}). */
public final class DilateOp extends BallMorphologyOp {

    @Override
    String name() {
        return "dilate";
    }

    @Override
    public String summary() {
        return "Binary dilation with a ball of radius_um (anisotropic voxels); outside the volume counts as background";
    }

    @Override
    Volume apply(Volume mask, double radiusUm, Progress progress) {
        return BallMorphology.dilate(mask, radiusUm, progress);
    }
}
