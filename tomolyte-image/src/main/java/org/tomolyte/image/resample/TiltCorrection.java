package org.tomolyte.image.resample;

import org.tomolyte.core.Dims;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.image.resample.Resample.Interpolation;

/**
 * Tilt correction of FIB-SEM cross-section stacks. The SEM images the milled face at an angle
 * {@code theta} between the electron beam and the face (52 degrees on a dual-beam FIB with the
 * stage tilted for milling), so distances along the image's vertical axis (y) are foreshortened by
 * {@code sin(theta)}: one image row covers {@code spacing_y / sin(theta)} um of the face. Paper 000
 * (methods: "the SEM image stacks were first rescaled to compensate for the 52 degree angle
 * between the electron beam and sample cross-section") applies exactly this.
 *
 * <p>Two ways, both correct:
 * <ul>
 * <li>{@link #spacing}/{@link #relabel}: keep every voxel and set the y voxel size to
 * {@code spacing_y / sin(theta)}. Exact, no interpolation, no extra memory; every Tomolyte
 * measurement uses the anisotropic voxel size. This is what FIB-SEM users should normally pick.</li>
 * <li>{@link #resampled}: resample y back to the original {@code spacing_y}, giving
 * {@code round(ny / sin(theta))} rows of square pixels. Interpolates (blurs slightly, or duplicates
 * rows with nearest), costs memory; pick it only for tools or filters that assume square pixels
 * (a voxel-radius median, an export to software without anisotropic calibration).</li>
 * </ul>
 */
public final class TiltCorrection {

    private TiltCorrection() {
    }

    /** {@code 1 / sin(angle)}, the stretch of the y axis; angle in degrees, in (0, 90]. */
    public static double stretch(double angleDeg) {
        if (!(angleDeg > 0 && angleDeg <= 90)) {
            throw new ParameterException("angle_deg must be in (0, 90] degrees, got " + angleDeg);
        }
        return 1 / Math.sin(Math.toRadians(angleDeg));
    }

    /** The corrected voxel size: y divided by sin(angle), x and z unchanged. */
    public static Spacing spacing(Spacing s, double angleDeg) {
        return new Spacing(s.x(), s.y() * stretch(angleDeg), s.z());
    }

    /**
     * The same voxels with the corrected voxel size: a view sharing {@code v}'s storage (closing
     * either closes both; see {@link Volume#withSpacing}).
     */
    public static Volume relabel(Volume v, double angleDeg) {
        return v.withSpacing(spacing(v.spacing(), angleDeg));
    }

    /** Size of the resampled volume: {@code round(ny / sin(angle))} rows, x and z unchanged. */
    public static Dims resampledDims(Dims d, double angleDeg) {
        double rows = Math.floor(d.ny() * stretch(angleDeg) + 0.5);
        if (!(rows < Integer.MAX_VALUE)) {
            throw new ParameterException("tilt correction would give " + rows + " rows; at most 2^31 - 1");
        }
        return new Dims(d.nx(), (int) rows, d.nz());
    }

    /**
     * The y axis resampled to the input's own y voxel size, so that pixels in the face are square
     * again: size {@link #resampledDims}, spacing unchanged, x and z copied exactly (scale 1).
     */
    public static Volume resampled(Volume v, double angleDeg, Interpolation interpolation, Progress progress) {
        double ratio = Math.sin(Math.toRadians(angleDeg));
        stretch(angleDeg);
        return Resample.resample(v, resampledDims(v.dims(), angleDeg), v.spacing(), new double[] {1, ratio, 1}, interpolation, progress);
    }
}
