package org.tomolyte.image.morphology;

import java.util.ArrayList;
import java.util.List;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.Check;
import org.tomolyte.image.distance.DistanceTo;
import org.tomolyte.image.distance.EuclideanDistance;

/**
 * Binary erosion, dilation, opening and closing with a ball of radius r micrometres: small balls
 * directly as the union of the ball's x runs on bit-packed rows (up to 300 (dy, dz) rows, radius
 * 9.8 voxels on cubic voxels), larger ones through the exact Euclidean distance transform
 * ({@link EuclideanDistance}). Both give the same voxels.
 *
 * <p><b>The structuring element.</b> The ball holds the voxel offsets (dx, dy, dz) with
 * {@code (dx*sx)^2 + (dy*sy)^2 + (dz*sz)^2 <= r^2} ({@link #inBall}; evaluated in double in
 * exactly that order), so it is round in physical space on anisotropic voxels. r = 0 is the
 * single voxel (every operation is then the identity on a 0/1 mask).
 *
 * <p><b>Results.</b> Input: any type, nonzero is foreground. Output: a new U8 volume of 0 and
 * 1. Dilation sets a voxel when a foreground voxel lies within the ball around it, that is
 * when its distance to the foreground is {@code <= r}. Erosion keeps a foreground voxel when
 * no background voxel lies within the ball, that is when its distance to the background is
 * {@code > r}. Opening is dilate(erode(X)), closing erode(dilate(X)).
 *
 * <p><b>Volume border.</b> The ball is clipped to the volume: voxels outside it neither add
 * foreground (dilation) nor background (erosion). This equals scipy's
 * {@code binary_dilation(x, footprint, border_value=0)} and
 * {@code binary_erosion(x, footprint, border_value=1)}: a phase cut by the field of view is not
 * eroded from the cut face, which is artificial. Erosion and dilation stay dual
 * ({@code erode(X) = not dilate(not X)}), opening never adds and closing never removes a voxel,
 * also at the border. (scipy's own {@code binary_closing} uses border value 0 in both steps and
 * so removes foreground within r of the border; Tomolyte's closing does not.)
 *
 * <p><b>Exactness.</b> The direct path enumerates the ball with {@link #inBall} itself. On the
 * EDT path the comparison with r is decided on squared distances. Where the
 * computed squared distance is within a relative 1e-5 of r^2 (a lattice point on or next to the
 * sphere, e.g. an integer radius in voxels), the voxel is decided by testing the ball offsets on
 * that shell explicitly, so the result equals brute-force morphology with the ball above, ties
 * included.
 *
 * <p>Memory: input + U8 output (+ a U8 intermediate for open and close), and on the EDT path an
 * F32 scratch (4 bytes/voxel). Deterministic for any thread count.
 */
public final class BallMorphology {

    /** Relative band around r^2 inside which a voxel is decided by testing the shell offsets. */
    static final double TIE_BAND = 1e-5;

    private BallMorphology() {
    }

    /** Dilation with the ball of radius {@code radiusUm} (see the class comment). */
    public static Volume dilate(Volume mask, double radiusUm) {
        return dilate(mask, radiusUm, Progress.NONE);
    }

    /** Erosion with the ball of radius {@code radiusUm} (see the class comment). */
    public static Volume erode(Volume mask, double radiusUm) {
        return erode(mask, radiusUm, Progress.NONE);
    }

    /** Opening: dilate(erode(mask)). */
    public static Volume open(Volume mask, double radiusUm) {
        return open(mask, radiusUm, Progress.NONE);
    }

    /** Closing: erode(dilate(mask)). */
    public static Volume close(Volume mask, double radiusUm) {
        return close(mask, radiusUm, Progress.NONE);
    }

    /**
     * Dilation: 1 where the distance to the nearest foreground voxel is {@code <= radiusUm}.
     *
     * @param mask     any type, nonzero = foreground
     * @param radiusUm ball radius in um, finite and &gt;= 0
     * @param progress progress reports
     * @return a new U8 0/1 volume with the size and spacing of {@code mask}
     */
    public static Volume dilate(Volume mask, double radiusUm, Progress progress) {
        return apply(mask, false, checkRadius(radiusUm), Method.AUTO, progress);
    }

    /**
     * Erosion: 1 where the distance to the nearest background voxel is {@code > radiusUm}.
     *
     * @param mask     any type, nonzero = foreground
     * @param radiusUm ball radius in um, finite and &gt;= 0
     * @param progress progress reports
     * @return a new U8 0/1 volume with the size and spacing of {@code mask}
     */
    public static Volume erode(Volume mask, double radiusUm, Progress progress) {
        return apply(mask, true, checkRadius(radiusUm), Method.AUTO, progress);
    }

    /**
     * Opening, dilate(erode(mask)): removes foreground that the ball cannot fit in.
     *
     * @param mask     any type, nonzero = foreground
     * @param radiusUm ball radius in um, finite and &gt;= 0
     * @param progress progress reports
     * @return a new U8 0/1 volume
     */
    public static Volume open(Volume mask, double radiusUm, Progress progress) {
        try (Volume eroded = erode(mask, radiusUm, progress)) {
            return dilate(eroded, radiusUm, progress);
        }
    }

    /**
     * Closing, erode(dilate(mask)): fills background that the ball cannot fit in.
     *
     * @param mask     any type, nonzero = foreground
     * @param radiusUm ball radius in um, finite and &gt;= 0
     * @param progress progress reports
     * @return a new U8 0/1 volume
     */
    public static Volume close(Volume mask, double radiusUm, Progress progress) {
        try (Volume dilated = dilate(mask, radiusUm, progress)) {
            return erode(dilated, radiusUm, progress);
        }
    }

    /**
     * The squared physical length of offset (dx, dy, dz) in um^2, evaluated as
     * {@code (dx*sx)^2 + (dy*sy)^2 + (dz*sz)^2} in double, left to right.
     */
    public static double normSquaredUm2(int dx, int dy, int dz, Spacing s) {
        double ux = dx * s.x();
        double uy = dy * s.y();
        double uz = dz * s.z();
        return ux * ux + uy * uy + uz * uz;
    }

    /** True when offset (dx, dy, dz) belongs to the ball of radius {@code radiusUm}. */
    public static boolean inBall(int dx, int dy, int dz, Spacing s, double radiusUm) {
        return normSquaredUm2(dx, dy, dz, s) <= radiusUm * radiusUm;
    }

    /** How a dilation or erosion is computed; every method gives the same voxels. */
    enum Method {
        /** {@link #DIRECT} for balls within the limits below, else {@link #EDT}. */
        AUTO,
        /** Thresholding the exact EDT (any radius). */
        EDT,
        /** The union of the ball's x runs ({@link BallRows}; small balls only). */
        DIRECT
    }

    /** AUTO uses the direct path up to this ball half-width along x, in voxels. */
    static final int DIRECT_MAX_HALF_WIDTH = BallRows.MAX_HALF_WIDTH;

    /**
     * AUTO uses the direct path up to this number of (dy, dz) rows of the ball (radius 9.8 voxels
     * on cubic voxels has 293). The direct cost grows with the rows, the EDT's does not: measured
     * on the 512^3 u8 cracked-pellet phantom with 2 threads (medians, one JVM), dilation took
     * 0.057 s direct against 0.870 s by the EDT at radius 2 voxels (13 rows), 0.095 s against
     * 0.755 s at radius 4, 0.345 s against 0.972 s at radius 8 and 0.517 s against 1.001 s at
     * radius 9.8 (293 rows); erosion likewise.
     */
    static final int DIRECT_MAX_ROWS = 300;

    /**
     * Dilation ({@code erosion == false}) or erosion with the given method; DIRECT throws when
     * the ball is too large for it.
     */
    static Volume apply(Volume mask, boolean erosion, double r, Method method, Progress progress) {
        if (method != Method.EDT) {
            BallRows rows = method == Method.AUTO
                    ? BallRows.of(mask.spacing(), r, DIRECT_MAX_HALF_WIDTH, DIRECT_MAX_ROWS)
                    : BallRows.of(mask.spacing(), r, BallRows.MAX_HALF_WIDTH, Integer.MAX_VALUE / 4);
            if (rows != null && rows.fits(mask.dims())) {
                return rows.apply(mask, erosion, progress);
            }
            if (method == Method.DIRECT) {
                throw new IllegalArgumentException("ball of radius " + r + " um is too large for the direct path");
            }
        }
        return withinRadius(mask, erosion ? DistanceTo.BACKGROUND : DistanceTo.FOREGROUND, r, progress);
    }

    private static double checkRadius(double radiusUm) {
        Check.finite("radius_um", radiusUm);
        return Check.atLeast("radius_um", radiusUm, 0);
    }

    /**
     * U8 result: for {@code to == FOREGROUND} 1 where a foreground voxel is within the ball
     * (dilation); for {@code to == BACKGROUND} 1 where no background voxel is (erosion).
     */
    private static Volume withinRadius(Volume mask, DistanceTo to, double r, Progress progress) {
        Dims d = mask.dims();
        Spacing s = mask.spacing();
        double r2 = r * r;
        int[] shell = shellOffsets(d, s, r);
        boolean erosion = to == DistanceTo.BACKGROUND;
        Volume out = Volume.allocateLike(mask, DataType.U8);
        double lo = r2 * (1 - TIE_BAND);
        double hi = r2 * (1 + TIE_BAND);
        // squared distances above hi only ever mean "outside the ball": the transform may drop them
        try (Volume sq = EuclideanDistance.squaredUm2(mask, to, hi * (1 + TIE_BAND), progress)) {
            Parallel.forEach(d.nz(), z -> {
                float[] row = new float[d.nx()];
                byte[] res = new byte[d.nx()];
                for (int y = 0; y < d.ny(); y++) {
                    long start = d.index(0, y, z);
                    sq.read(start, row, 0, d.nx());
                    for (int x = 0; x < d.nx(); x++) {
                        double v = row[x];
                        boolean within;
                        if (v < lo) {
                            within = true;
                        } else if (v > hi) {
                            within = false;
                        } else {
                            within = targetOnShell(mask, to, shell, x, y, z);
                        }
                        res[x] = (byte) (within != erosion ? 1 : 0);
                    }
                    out.write(start, res, 0, d.nx());
                }
            });
            return out;
        } catch (RuntimeException | Error e) {
            out.close();
            throw e;
        }
    }

    private static boolean targetOnShell(Volume mask, DistanceTo to, int[] shell, int x, int y, int z) {
        Dims d = mask.dims();
        for (int k = 0; k < shell.length; k += 3) {
            int qx = x + shell[k];
            int qy = y + shell[k + 1];
            int qz = z + shell[k + 2];
            if (d.contains(qx, qy, qz) && isTarget(mask.get(d.index(qx, qy, qz)), to)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTarget(double v, DistanceTo to) {
        return (v != 0) == (to == DistanceTo.FOREGROUND);
    }

    /**
     * The ball offsets with squared length in {@code [r^2 (1 - 4 TIE_BAND), r^2]}, as (dx, dy, dz)
     * triples, limited to offsets that fit in the volume. A voxel whose computed squared distance
     * lies within {@code TIE_BAND} of r^2 has its nearest target at one of these offsets if it
     * has any target within the ball (the computed squared distance is within 1e-6 relative of
     * the exact one).
     */
    static int[] shellOffsets(Dims d, Spacing s, double r) {
        double r2 = r * r;
        double lo = r2 * (1 - 4 * TIE_BAND);
        int rz = (int) Math.min(d.nz() - 1L, (long) Math.floor(r / s.z()) + 1);
        int ry = (int) Math.min(d.ny() - 1L, (long) Math.floor(r / s.y()) + 1);
        List<int[]> list = new ArrayList<>();
        for (int dz = -rz; dz <= rz; dz++) {
            for (int dy = -ry; dy <= ry; dy++) {
                double uy = dy * s.y();
                double uz = dz * s.z();
                double rest = r2 - (uy * uy + uz * uz);
                if (rest < -r2 * TIE_BAND) {
                    continue;
                }
                long hiX = (long) Math.floor(Math.sqrt(Math.max(rest, 0)) / s.x()) + 1;
                long loX = Math.max(0, (long) Math.floor(Math.sqrt(Math.max(rest - 8 * TIE_BAND * r2, 0)) / s.x()) - 1);
                hiX = Math.min(hiX, d.nx() - 1L);
                for (long ax = loX; ax <= hiX; ax++) {
                    for (int sign = ax == 0 ? 1 : -1; sign <= 1; sign += 2) {
                        int dx = (int) (sign * ax);
                        double n2 = normSquaredUm2(dx, dy, dz, s);
                        if (n2 <= r2 && n2 >= lo) {
                            list.add(new int[] {dx, dy, dz});
                        }
                    }
                }
            }
        }
        int[] flat = new int[list.size() * 3];
        for (int k = 0; k < list.size(); k++) {
            System.arraycopy(list.get(k), 0, flat, 3 * k, 3);
        }
        return flat;
    }
}
