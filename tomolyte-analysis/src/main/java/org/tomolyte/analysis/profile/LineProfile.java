package org.tomolyte.analysis.profile;

import org.tomolyte.core.Dims;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.Check;

/**
 * Grey values sampled along a straight segment given in micrometres (Lewis et al., paper 003,
 * Fig. S5: grey-value line profiles across the Li | electrolyte interface).
 *
 * <p>Voxel (i, j, k) is the box [i sx, (i + 1) sx) x ... with its value at the centre
 * ((i + 0.5) sx, ...), the convention of every Tomolyte position. Samples lie at distances
 * {@code 0, step, 2 step, ..., floor(L / step) step} from {@code from} towards {@code to} (L the
 * segment length; the end point itself is sampled when L is a whole number of steps).
 * {@link Interpolation#LINEAR} is trilinear between voxel centres with edge values held beyond the
 * outermost centres (the continuous voxel coordinate {@code x / s - 0.5} clamped to [0, n - 1]),
 * equal to {@code scipy.ndimage.map_coordinates(order=1, mode='nearest')} at those coordinates;
 * {@link Interpolation#NEAREST} takes the voxel containing the point.
 */
public final class LineProfile {

    /** Most samples on one segment. */
    public static final int MAX_SAMPLES = 10_000_000;

    /** How values between voxel centres are found. */
    public enum Interpolation {
        /** Trilinear between the 8 surrounding voxel centres. */
        LINEAR,
        /** The voxel containing the point. */
        NEAREST
    }

    private LineProfile() {
    }

    /**
     * Samples along the segment.
     *
     * @param distanceUm distance of each sample from the start, um
     * @param xUm        sample x, um
     * @param yUm        sample y, um
     * @param zUm        sample z, um
     * @param value      grey value at the sample
     */
    public record Result(double[] distanceUm, double[] xUm, double[] yUm, double[] zUm, double[] value) {
    }

    /**
     * Checks that a point lies inside the volume, [0, n s] per axis.
     *
     * @throws ParameterException naming {@code param} when it does not
     */
    public static void checkInside(String param, double[] pointUm, Dims dims, Spacing spacing) {
        if (pointUm == null || pointUm.length != 3) {
            throw new ParameterException(param + " must be three values [x, y, z] in um, got "
                    + (pointUm == null ? "nothing" : pointUm.length + " values"));
        }
        for (int a = 0; a < 3; a++) {
            double ext = dims.size(a) * spacing.along(a);
            Check.finite(param, pointUm[a]);
            if (pointUm[a] < 0 || pointUm[a] > ext) {
                throw new ParameterException(param + " " + "xyz".charAt(a) + " must be in 0.." + Check.fmt(ext) + " um (the volume), got "
                        + Check.fmt(pointUm[a]));
            }
        }
    }

    /** Number of samples of a segment of length {@code lengthUm} at {@code stepUm}. */
    public static int sampleCount(double lengthUm, double stepUm) {
        double n = Math.floor(lengthUm / stepUm * (1 + 1e-12)) + 1;
        if (n > MAX_SAMPLES) {
            throw new ParameterException("step_um " + Check.fmt(stepUm) + " gives " + Check.fmt(n) + " samples on a "
                    + Check.fmt(lengthUm) + " um segment; at most " + MAX_SAMPLES + " are allowed");
        }
        return (int) n;
    }

    /**
     * Samples {@code v} from {@code fromUm} to {@code toUm}.
     *
     * @param v             the image, any type
     * @param fromUm        start [x, y, z] in um, inside the volume
     * @param toUm          end [x, y, z] in um, inside the volume
     * @param stepUm        distance between samples in um, &gt; 0
     * @param interpolation how values are found
     * @return the samples
     */
    public static Result sample(Volume v, double[] fromUm, double[] toUm, double stepUm, Interpolation interpolation) {
        checkInside("from_um", fromUm, v.dims(), v.spacing());
        checkInside("to_um", toUm, v.dims(), v.spacing());
        Check.greater("step_um", stepUm, 0);
        double dx = toUm[0] - fromUm[0];
        double dy = toUm[1] - fromUm[1];
        double dz = toUm[2] - fromUm[2];
        double len = Math.sqrt(dx * dx + dy * dy + dz * dz);
        int n = sampleCount(len, stepUm);
        double[] dist = new double[n];
        double[] px = new double[n];
        double[] py = new double[n];
        double[] pz = new double[n];
        double[] val = new double[n];
        for (int k = 0; k < n; k++) {
            double t = len == 0 ? 0 : Math.min(1, k * stepUm / len);
            dist[k] = t * len;
            px[k] = fromUm[0] + t * dx;
            py[k] = fromUm[1] + t * dy;
            pz[k] = fromUm[2] + t * dz;
            val[k] = interpolation == Interpolation.LINEAR ? linear(v, px[k], py[k], pz[k]) : nearest(v, px[k], py[k], pz[k]);
        }
        return new Result(dist, px, py, pz, val);
    }

    private static int cell(double um, double s, int n) {
        return Math.clamp((long) Math.floor(um / s), 0, n - 1);
    }

    static double nearest(Volume v, double x, double y, double z) {
        Spacing s = v.spacing();
        Dims d = v.dims();
        return v.get(cell(x, s.x(), d.nx()), cell(y, s.y(), d.ny()), cell(z, s.z(), d.nz()));
    }

    static double linear(Volume v, double x, double y, double z) {
        Spacing s = v.spacing();
        Dims d = v.dims();
        double ux = Math.clamp(x / s.x() - 0.5, 0, d.nx() - 1);
        double uy = Math.clamp(y / s.y() - 0.5, 0, d.ny() - 1);
        double uz = Math.clamp(z / s.z() - 0.5, 0, d.nz() - 1);
        int x0 = (int) Math.floor(ux);
        int y0 = (int) Math.floor(uy);
        int z0 = (int) Math.floor(uz);
        double fx = ux - x0;
        double fy = uy - y0;
        double fz = uz - z0;
        int x1 = Math.min(x0 + 1, d.nx() - 1);
        int y1 = Math.min(y0 + 1, d.ny() - 1);
        int z1 = Math.min(z0 + 1, d.nz() - 1);
        double c00 = v.get(x0, y0, z0) * (1 - fx) + v.get(x1, y0, z0) * fx;
        double c10 = v.get(x0, y1, z0) * (1 - fx) + v.get(x1, y1, z0) * fx;
        double c01 = v.get(x0, y0, z1) * (1 - fx) + v.get(x1, y0, z1) * fx;
        double c11 = v.get(x0, y1, z1) * (1 - fx) + v.get(x1, y1, z1) * fx;
        double c0 = c00 * (1 - fy) + c10 * fy;
        double c1 = c01 * (1 - fy) + c11 * fy;
        return c0 * (1 - fz) + c1 * fz;
    }
}
