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
 * A four-phase composite cathode as seen by FIB-SEM (Shi et al., paper 000: NMC active particles
 * in a Li2S-P2S5 electrolyte with carbon nanofibres and voids, segmented into NMC, LPS, carbon
 * and void), scaled down so that several particles fit in about 128^3 voxels.
 *
 * <p>Geometry, in micrometres (voxel centre ((i+0.5)*sx, (j+0.5)*sy, (k+0.5)*sz)), all seeded:
 * <ul>
 *   <li>active particles: prolate ellipsoids of random orientation with the volume of a sphere of
 *       radius r (r uniform in [{@code particleMinRadiusUm}, {@code particleMaxRadiusUm}], aspect
 *       uniform in [1, {@code maxAspect}], semi-axes r*q^(2/3), r*q^(-1/3), r*q^(-1/3)), placed
 *       largest first so that their equivalent spheres keep at least {@code particleGapUm}
 *       apart (elongated particles may therefore touch or overlap a little, like pressed NMC
 *       grains); centres anywhere in the volume, so particles may be cut by the boundary;</li>
 *   <li>carbon: short straight fibres (capsules) of radius {@code fibreRadiusUm} and length
 *       {@code fibreLengthUm}, random centre and direction, may cross each other;</li>
 *   <li>void: small spherical pores, radius uniform in [{@code poreMinRadiusUm}, {@code poreMaxRadiusUm}];</li>
 *   <li>electrolyte: everything else.</li>
 * </ul>
 * Where bodies overlap the phase is decided by priority: active over carbon over void over
 * electrolyte. Labels (U8, {@link #PHASES}): 0 void, 1 active (NMC), 2 electrolyte, 3 carbon.
 * The grey image (U8) is the phase's mean grey plus seeded Gaussian noise, rounded and clamped
 * to 0..255.
 */
public final class Cathode {

    /** Phase names of the labels: 0 void, 1 active, 2 electrolyte, 3 carbon. */
    public static final PhaseTable PHASES = PhaseTable.of(Map.of(0, "void", 1, "active", 2, "electrolyte", 3, "carbon"));

    /** Label of void. */
    public static final int VOID = 0;
    /** Label of the active material (NMC). */
    public static final int ACTIVE = 1;
    /** Label of the electrolyte. */
    public static final int ELECTROLYTE = 2;
    /** Label of carbon. */
    public static final int CARBON = 3;

    private Cathode() {
    }

    /**
     * Generator settings.
     *
     * @param dims               volume size in voxels
     * @param spacing            voxel size in um (anisotropic allowed, e.g. FIB-SEM slices thicker than pixels)
     * @param particleCount      number of active particles, &gt;= 0
     * @param particleMinRadiusUm smallest equivalent radius in um, &gt; 0
     * @param particleMaxRadiusUm largest equivalent radius in um, &gt;= the smallest
     * @param maxAspect          largest aspect ratio (long / short semi-axis), 1..10
     * @param particleGapUm      smallest distance between the particles' equivalent spheres in um, &gt;= 0
     * @param fibreCount         number of carbon fibres, &gt;= 0
     * @param fibreRadiusUm      fibre radius in um, &gt; 0
     * @param fibreLengthUm      fibre axis length in um, &gt;= 0
     * @param poreCount          number of void pores, &gt;= 0
     * @param poreMinRadiusUm    smallest pore radius in um, &gt; 0
     * @param poreMaxRadiusUm    largest pore radius in um, &gt;= the smallest
     * @param voidGrey           mean grey of void, 0..255
     * @param activeGrey         mean grey of the active phase, 0..255
     * @param electrolyteGrey    mean grey of the electrolyte, 0..255
     * @param carbonGrey         mean grey of carbon, 0..255
     * @param noiseSigma         Gaussian noise standard deviation in grey levels, &gt;= 0
     */
    public record Config(Dims dims, Spacing spacing, int particleCount, double particleMinRadiusUm,
                         double particleMaxRadiusUm, double maxAspect, double particleGapUm, int fibreCount,
                         double fibreRadiusUm, double fibreLengthUm, int poreCount, double poreMinRadiusUm,
                         double poreMaxRadiusUm, double voidGrey, double activeGrey, double electrolyteGrey,
                         double carbonGrey, double noiseSigma) {
        /** Validates every value; throws {@link org.tomolyte.core.ParameterException} naming the bad one. */
        public Config {
            Check.required("dims", dims);
            Check.required("spacing", spacing);
            Check.range("particleCount", particleCount, 0, 1_000_000);
            Check.greater("particleMinRadiusUm", particleMinRadiusUm, 0);
            Check.greater("particleMaxRadiusUm", particleMaxRadiusUm, 0);
            Check.ordered("particleMinRadiusUm", particleMinRadiusUm, "particleMaxRadiusUm", particleMaxRadiusUm);
            if (!(maxAspect >= 1 && maxAspect <= 10)) {
                throw new ParameterException("maxAspect must be in 1..10, got " + maxAspect);
            }
            Check.atLeast("particleGapUm", particleGapUm, 0);
            Check.range("fibreCount", fibreCount, 0, 1_000_000);
            Check.greater("fibreRadiusUm", fibreRadiusUm, 0);
            Check.atLeast("fibreLengthUm", fibreLengthUm, 0);
            Check.range("poreCount", poreCount, 0, 1_000_000);
            Check.greater("poreMinRadiusUm", poreMinRadiusUm, 0);
            Check.greater("poreMaxRadiusUm", poreMaxRadiusUm, 0);
            Check.ordered("poreMinRadiusUm", poreMinRadiusUm, "poreMaxRadiusUm", poreMaxRadiusUm);
            Check.range("voidGrey", voidGrey, 0, 255);
            Check.range("activeGrey", activeGrey, 0, 255);
            Check.range("electrolyteGrey", electrolyteGrey, 0, 255);
            Check.range("carbonGrey", carbonGrey, 0, 255);
            Check.atLeast("noiseSigma", noiseSigma, 0);
        }

        /** Mean grey per label (index 0 void, 1 active, 2 electrolyte, 3 carbon). */
        public double[] meanGreyByLabel() {
            return new double[] {voidGrey, activeGrey, electrolyteGrey, carbonGrey};
        }
    }

    /**
     * The answer for one phase.
     *
     * @param label     label value, 0..3
     * @param name      phase name ({@link #PHASES})
     * @param voxels    voxels of this phase, counted from the rasterised labels
     * @param fraction  voxels / all voxels, 0..1
     * @param volumeUm3 voxels times the voxel volume, um^3
     * @param meanGrey  mean grey used for this phase before noise
     */
    public record PhaseTruth(int label, String name, long voxels, double fraction, double volumeUm3, double meanGrey) {
    }

    /**
     * The known answer.
     *
     * @param dims          volume size in voxels
     * @param spacing       voxel size in um
     * @param phases        per phase, indexed by label (0 void, 1 active, 2 electrolyte, 3 carbon)
     * @param noiseSigma    noise standard deviation in grey levels
     * @param particleCount active particles placed
     * @param fibreCount    carbon fibres placed
     * @param poreCount     void pores placed
     */
    public record Truth(Dims dims, Spacing spacing, List<PhaseTruth> phases, double noiseSigma, int particleCount,
                        int fibreCount, int poreCount) {
        /** Makes the lists unmodifiable copies. */
        public Truth {
            phases = List.copyOf(phases);
        }

        /**
         * The answer for one phase.
         *
         * @param label 0 void, 1 active, 2 electrolyte, 3 carbon
         * @return that phase's counts and grey mean
         */
        public PhaseTruth phase(int label) {
            return phases.get(label);
        }
    }

    /**
     * A generated cathode; close it to free the volumes.
     *
     * @param labels U8, 0 void, 1 active, 2 electrolyte, 3 carbon
     * @param grey   U8 grey image with noise
     * @param truth  the exact answer
     */
    public record Phantom(Volume labels, Volume grey, Truth truth) implements AutoCloseable {
        /** Frees both volumes. */
        @Override
        public void close() {
            labels.close();
            grey.close();
        }
    }

    /**
     * Generates the cathode.
     *
     * @param config the settings
     * @param seed   random seed; the same seed gives byte-identical volumes
     * @throws ParameterException when the particles cannot be placed (too many or too large)
     */
    public static Phantom generate(Config config, long seed) {
        Dims dims = config.dims();
        Spacing sp = config.spacing();
        double[] ext = {dims.nx() * sp.x(), dims.ny() * sp.y(), dims.nz() * sp.z()};
        double[] lo = {0, 0, 0};
        SplittableRandom rnd = new SplittableRandom(Seeds.derive(seed, 4, 0));
        Seeds.Gaussian gauss = new Seeds.Gaussian(rnd);
        List<Shape> particles = new ArrayList<>();
        Placement placement = new Placement();
        double[] radii = new double[config.particleCount()];
        for (int k = 0; k < radii.length; k++) {
            radii[k] = Seeds.uniform(rnd, config.particleMinRadiusUm(), config.particleMaxRadiusUm());
        }
        java.util.Arrays.sort(radii);
        for (int k = 0; k < radii.length; k++) {
            double r = radii[radii.length - 1 - k];
            double q = Seeds.uniform(rnd, 1, config.maxAspect());
            double cbrt = StrictMath.cbrt(q);
            double a = r * cbrt * cbrt;
            double b = r / cbrt;
            double[] c = placement.place(rnd, lo, ext, r, config.particleGapUm());
            if (c == null) {
                throw new ParameterException("could not place active particle " + (k + 1) + " of "
                        + config.particleCount() + " (equivalent radius " + r + " um) in a " + dims + " volume after "
                        + Placement.MAX_ATTEMPTS + " attempts: use fewer or smaller particles or a smaller gap");
            }
            double[][] rot = rotation(gauss);
            particles.add(new Shape.Ellipsoid(c[0], c[1], c[2], a, b, b, rot[0], rot[1], rot[2]));
        }
        List<Shape> fibres = new ArrayList<>();
        for (int k = 0; k < config.fibreCount(); k++) {
            double[] c = {Seeds.uniform(rnd, 0, ext[0]), Seeds.uniform(rnd, 0, ext[1]), Seeds.uniform(rnd, 0, ext[2])};
            double[] u = unit(gauss);
            double h = config.fibreLengthUm() / 2;
            fibres.add(new Shape.Capsule(c[0] - h * u[0], c[1] - h * u[1], c[2] - h * u[2], c[0] + h * u[0],
                    c[1] + h * u[1], c[2] + h * u[2], config.fibreRadiusUm()));
        }
        List<Shape> pores = new ArrayList<>();
        for (int k = 0; k < config.poreCount(); k++) {
            double r = Seeds.uniform(rnd, config.poreMinRadiusUm(), config.poreMaxRadiusUm());
            pores.add(new Shape.Ball(Seeds.uniform(rnd, 0, ext[0]), Seeds.uniform(rnd, 0, ext[1]),
                    Seeds.uniform(rnd, 0, ext[2]), r));
        }
        Volume labels = Volume.allocate(dims, DataType.U8, sp);
        Volume grey = Volume.allocate(dims, DataType.U8, sp);
        long[] n = Raster.sumOverSlabs(dims, 4, t -> {
            int z0 = Raster.slabStart(t);
            int z1 = Raster.slabEnd(dims, t);
            long start = dims.index(0, 0, z0);
            long end = dims.index(0, 0, z1 - 1) + dims.sliceVoxels();
            for (long i = start; i < end; i++) {
                labels.set(i, ELECTROLYTE);
            }
            for (Shape s : pores) {
                Raster.forEachInside(s, dims, sp, z0, z1, i -> labels.set(i, VOID));
            }
            for (Shape s : fibres) {
                Raster.forEachInside(s, dims, sp, z0, z1, i -> labels.set(i, CARBON));
            }
            for (Shape s : particles) {
                Raster.forEachInside(s, dims, sp, z0, z1, i -> labels.set(i, ACTIVE));
            }
            long[] c = new long[4];
            for (long i = start; i < end; i++) {
                c[labels.getInt(i)]++;
            }
            return c;
        });
        double[] means = config.meanGreyByLabel();
        Grey.render(labels, grey, means, config.noiseSigma(), seed, 5);
        List<PhaseTruth> phases = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            phases.add(new PhaseTruth(p, PHASES.name(p), n[p], (double) n[p] / dims.voxels(), n[p] * sp.voxelVolumeUm3(),
                    means[p]));
        }
        Truth truth = new Truth(dims, sp, phases, config.noiseSigma(), particles.size(), fibres.size(), pores.size());
        return new Phantom(labels, grey, truth);
    }

    /** A uniformly random unit vector (normalised Gaussian triple). */
    private static double[] unit(Seeds.Gaussian g) {
        double x;
        double y;
        double z;
        double len;
        do {
            x = g.next();
            y = g.next();
            z = g.next();
            len = Math.sqrt(x * x + y * y + z * z);
        } while (len < 1e-9);
        return new double[] {x / len, y / len, z / len};
    }

    /** A uniformly random rotation (from a normalised Gaussian quaternion); rows are the body axes. */
    private static double[][] rotation(Seeds.Gaussian g) {
        double w;
        double x;
        double y;
        double z;
        double len;
        do {
            w = g.next();
            x = g.next();
            y = g.next();
            z = g.next();
            len = Math.sqrt(w * w + x * x + y * y + z * z);
        } while (len < 1e-9);
        w /= len;
        x /= len;
        y /= len;
        z /= len;
        return new double[][] {
            {1 - 2 * (y * y + z * z), 2 * (x * y + w * z), 2 * (x * z - w * y)},
            {2 * (x * y - w * z), 1 - 2 * (x * x + z * z), 2 * (y * z + w * x)},
            {2 * (x * z + w * y), 2 * (y * z - w * x), 1 - 2 * (x * x + y * y)}};
    }
}
