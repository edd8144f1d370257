package org.tomolyte.image.morphology;

import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;

/** {@code morphology.close}: binary closing, erode(dilate(mask)), with a ball of {@code radius_um} micrometres: fills background the ball does not fit in; never removes a foreground voxel, also at the volume border (see {@link BallMorphology}). */
public final class CloseOp extends BallMorphologyOp {

    @Override
    String name() {
        return "close";
    }

    @Override
    public String summary() {
        return "Binary closing erode(dilate(mask)) with a ball of radius_um (anisotropic voxels); never removes foreground, also at the border";
    }

    @Override
    Volume apply(Volume mask, double radiusUm, Progress progress) {
        return BallMorphology.close(mask, radiusUm, progress);
    }
}
