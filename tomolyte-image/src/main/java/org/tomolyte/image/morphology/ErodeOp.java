package org.tomolyte.image.morphology;

import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;

/** {@code morphology.erode}: binary erosion with a ball of {@code radius_um} micrometres: a foreground voxel stays 1 when no background voxel of the volume lies within the ball, i.e. its distance to the background is &gt; r (see {@link BallMorphology}). */
public final class ErodeOp extends BallMorphologyOp {

    @Override
    String name() {
        return "erode";
    }

    @Override
    public String summary() {
        return "Binary erosion with a ball of radius_um (anisotropic voxels); outside the volume counts as foreground";
    }

    @Override
    Volume apply(Volume mask, double radiusUm, Progress progress) {
        return BallMorphology.erode(mask, radiusUm, progress);
    }
}
