package org.tomolyte.image.morphology;

import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;

/** {@code morphology.open}: binary opening, dilate(erode(mask)), with a ball of {@code radius_um} micrometres: removes foreground the ball does not fit in (see {@link BallMorphology}). */
public final class OpenOp extends BallMorphologyOp {

    @Override
    String name() {
        return "open";
    }

    @Override
    public String summary() {
        return "Binary opening dilate(erode(mask)) with a ball of radius_um (anisotropic voxels)";
    }

    @Override
    Volume apply(Volume mask, double radiusUm, Progress progress) {
        return BallMorphology.open(mask, radiusUm, progress);
    }
}
