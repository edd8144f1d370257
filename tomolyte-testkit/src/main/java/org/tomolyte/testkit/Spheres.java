package org.tomolyte.testkit;

import org.tomolyte.core.op.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.PhaseTable;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;

/**
 * Non-overlapping spheres in a matrix: the basic known-answer phantom for labelling, volume,
 * surface and distance measurements.
 *
 * <p>Spheres are placed in the order given by seeded random sequential addition (rejection
 * sampling with {@link java.util.SplittableRandom}): each centre is drawn uniformly so that the
 * sphere lies fully inside the physical extent of the volume ({@code [0, n*s]} um per axis) and
 * keeps at least {@code minGapUm} from every sphere placed before. Geometry is in micrometres;
 * a voxel belongs to a sphere when its centre ((i+0.5)*sx, (j+0.5)*sy, (k+0.5)*sz) um does, so
 * spheres stay round in physical space for anisotropic voxels.
 *
 * <p>Outputs: a U8 phase volume (0 = matrix, 1 = sphere, see {@link #PHASES}) and an I32
 * instance volume (0 = matrix, 1..n = sphere number in placement order). The truth counts the
 * voxels actually written while rasterising.
 */
public final class Spheres {

    /** Phase names of the U8 labels: 0 matrix, 1 sphere. */
    public static final PhaseTable PHASES = PhaseTable.of(Map.of(0, "matrix", 1, "sphere"));

    private Spheres() {
    }

    /**
     * One placed sphere.
     *
     * @param label             its value in the instance volume, 1..n in placement order
     * @param centreXUm         centre x in um (from the outer corner of voxel 0)
     * @param centreYUm         centre y in um
     * @param centreZUm         centre z in um
     * @param radiusUm          radius in um
     * @param voxels            voxels whose centre lies in the sphere (counted while rasterising)
     * @param voxelVolumeUm3    {@code voxels} times the voxel volume, um^3
     * @param analyticVolumeUm3 4/3 pi r^3 in um^3
     */
    public record Sphere(int label, double centreXUm, double centreYUm, double centreZUm, double radiusUm,
                         long voxels, double voxelVolumeUm3, double analyticVolumeUm3) {
    }

    /**
     * The known answer.
     *
     * @param dims                        volume size in voxels
     * @param spacing                     voxel size in um
     * @param spheres                     the spheres in placement order (index k has label k+1)
     * @param foregroundVoxels            voxels labelled 1 (sum of the spheres' voxels)
     * @param foregroundFraction          {@code foregroundVoxels} / all voxels, 0..1
     * @param analyticForegroundVolumeUm3 sum of 4/3 pi r^3 over the spheres, um^3
     */
    public record Truth(Dims dims, Spacing spacing, List<Sphere> spheres, long foregroundVoxels,
                        double foregroundFraction, double analyticForegroundVolumeUm3) {
        /** Makes the lists unmodifiable copies. */
        public Truth {
            spheres = List.copyOf(spheres);
        }
    }

    /**
     * A generated phantom; close it to free the volumes.
     *
     * @param labels    U8, 0 = matrix, 1 = sphere
     * @param instances I32, 0 = matrix, k = k-th sphere placed (1-based)
     * @param truth     the exact answer
     */
    public record Phantom(Volume labels, Volume instances, Truth truth) implements AutoCloseable {
        /** Frees both volumes. */
        @Override
        public void close() {
            labels.close();
            instances.close();
        }
    }

    /**
     * Spheres of the given radii, placed in the given order.
     *
     * @param dims      volume size in voxels
     * @param spacing   voxel size in um (anisotropic allowed)
     * @param radiiUm   sphere radii in um, each &gt; 0 and with 2r no larger than the volume's
     *                  extent on every axis; at least one
     * @param minGapUm  smallest surface-to-surface distance between two spheres in um, &gt;= 0
     * @param seed      random seed; the same seed gives byte-identical volumes
     * @throws ParameterException for a bad parameter, or when a sphere cannot be placed within
     *                            20,000 random draws (too many or too large spheres)
     * @return the phantom (close it to free the volumes)
     */
    public static Phantom generate(Dims dims, Spacing spacing, double[] radiiUm, double minGapUm, long seed) {
        Check.required("dims", dims);
        Check.required("spacing", spacing);
        Check.required("radiiUm", radiiUm);
        if (radiiUm.length == 0) {
            throw new ParameterException("radiiUm must hold at least one radius, got none");
        }
        Check.atLeast("minGapUm", minGapUm, 0);
        double[] ext = {dims.nx() * spacing.x(), dims.ny() * spacing.y(), dims.nz() * spacing.z()};
        SplittableRandom rnd = new SplittableRandom(seed);
        Placement placement = new Placement();
        List<Shape.Ball> balls = new ArrayList<>();
        for (int k = 0; k < radiiUm.length; k++) {
            double r = Check.greater("radiiUm[" + k + "]", radiiUm[k], 0);
            double minExt = Math.min(ext[0], Math.min(ext[1], ext[2]));
            if (2 * r > minExt) {
                throw new ParameterException("radiiUm[" + k + "] must be at most half the smallest volume extent ("
                        + minExt / 2 + " um), got " + r);
            }
            double[] c = placement.place(rnd, new double[] {r, r, r},
                    new double[] {ext[0] - r, ext[1] - r, ext[2] - r}, r, minGapUm);
            if (c == null) {
                throw new ParameterException("could not place sphere " + (k + 1) + " of " + radiiUm.length + " (radius "
                        + r + " um, gap " + minGapUm + " um) in a " + dims + " volume after " + Placement.MAX_ATTEMPTS
                        + " attempts: use fewer or smaller spheres, a smaller gap or a larger volume");
            }
            balls.add(new Shape.Ball(c[0], c[1], c[2], r));
        }
        Volume labels = Volume.allocate(dims, DataType.U8, spacing);
        Volume instances = Volume.allocate(dims, DataType.I32, spacing);
        int n = balls.size();
        long[] counts = Raster.sumOverSlabs(dims, n, t -> {
            long[] c = new long[n];
            for (int k = 0; k < n; k++) {
                final int id = k;
                Raster.forEachInside(balls.get(k), dims, spacing, Raster.slabStart(t), Raster.slabEnd(dims, t), i -> {
                    if (instances.getInt(i) == 0) {
                        instances.set(i, id + 1);
                        labels.set(i, 1);
                        c[id]++;
                    }
                });
            }
            return c;
        });
        double vv = spacing.voxelVolumeUm3();
        List<Sphere> spheres = new ArrayList<>();
        long fg = 0;
        double analytic = 0;
        for (int k = 0; k < n; k++) {
            Shape.Ball b = balls.get(k);
            double a = 4.0 / 3.0 * Math.PI * b.r() * b.r() * b.r();
            spheres.add(new Sphere(k + 1, b.cx(), b.cy(), b.cz(), b.r(), counts[k], counts[k] * vv, a));
            fg += counts[k];
            analytic += a;
        }
        Truth truth = new Truth(dims, spacing, spheres, fg, (double) fg / dims.voxels(), analytic);
        return new Phantom(labels, instances, truth);
    }

    /**
     * {@code count} spheres of one radius: the convenience form of
     * {@link #generate(Dims, Spacing, double[], double, long)}.
     *
     * @param dims     volume size in voxels
     * @param spacing  voxel size in um (anisotropic allowed)
     * @param count    number of spheres, &gt;= 1
     * @param radiusUm radius of every sphere in um, &gt; 0
     * @param minGapUm smallest surface-to-surface distance between two spheres in um, &gt;= 0
     * @param seed     random seed; the same seed gives byte-identical volumes
     * @return the phantom (close it to free the volumes)
     */
    public static Phantom uniform(Dims dims, Spacing spacing, int count, double radiusUm, double minGapUm, long seed) {
        Check.range("count", count, 1, 1_000_000);
        double[] radii = new double[count];
        java.util.Arrays.fill(radii, radiusUm);
        return generate(dims, spacing, radii, minGapUm, seed);
    }
}
