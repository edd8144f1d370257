package org.tomolyte.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.PhaseTable;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.Check;

/**
 * A time series of a cracking LPS pellet under a lithium electrode, for the workflow of paper
 * 001 (Dixit et al.: pore size distribution, cracks found by removing the small pores, crack
 * growth from step to step). The geometry follows {@link CrackedPellet} (the same sphere pores
 * and planar disc cracks, rasterised by voxel centre in micrometres) with two additions: a
 * lithium layer above the plane {@code z = interfaceZUm}, and cracks that grow.
 *
 * <ul>
 *   <li>lithium: every voxel whose centre has {@code z >= interfaceZUm} (label 3), whatever
 *       else is there; the interface is the plane between slice
 *       {@link StepTruth#lithiumFirstSlice()} - 1 and that slice;</li>
 *   <li>cracks ({@link GrowingCrack}): crack k exists from step {@code firstStep} on, as a disc
 *       of fixed centre, normal and aperture whose radius grows linearly,
 *       {@code startRadiusUm + growthUmPerStep * (step - firstStep)}; so the crack count and the
 *       crack voxels never decrease. Cracks are clipped by the volume and the lithium layer.
 *       Cracks must not touch each other (no two voxels of different cracks are 26-neighbours):
 *       the generator checks it and throws {@link ParameterException} otherwise, so the crack
 *       count of a step is also its number of 26-connected crack components;</li>
 *   <li>pores: non-overlapping spheres (radii uniform in [min, max], placed largest first by
 *       seeded rejection sampling), the same at every step, fully below the interface and kept
 *       at least {@code max(poreGapUm, voxel diagonal)} from every crack at its largest (last
 *       step) size, so a pore never touches a crack. With {@code poreGapUm} at least the voxel
 *       diagonal, no two pores touch either and every pore is one 26-connected component.</li>
 * </ul>
 * Labels (U8, {@link #PHASES}): 0 electrolyte, 1 pore, 2 crack, 3 lithium. Grey (U16): the mean
 * of each label ({@code electrolyteGrey}, {@code voidGrey} for pores and cracks,
 * {@code lithiumGrey}, below the electrolyte as lithium absorbs less) plus seeded Gaussian noise,
 * drawn independently at every step. Identical for any thread count.
 */
public final class PelletSeries {

    /** Phase names: 0 electrolyte, 1 pore, 2 crack, 3 lithium. */
    public static final PhaseTable PHASES = PhaseTable.of(Map.of(0, "electrolyte", 1, "pore", 2, "crack", 3, "lithium"));

    private PelletSeries() {
    }

    /**
     * A crack that grows: a disc of fixed centre, normal and aperture.
     *
     * @param centreXUm       centre x in um
     * @param centreYUm       centre y in um
     * @param centreZUm       centre z in um
     * @param normalX         normal x (any length &gt; 0; stored normalised)
     * @param normalY         normal y
     * @param normalZ         normal z
     * @param apertureUm      full opening along the normal, um, &gt; 0
     * @param firstStep       first step at which the crack exists, &gt;= 0
     * @param startRadiusUm   in-plane radius at {@code firstStep}, um, &gt; 0
     * @param growthUmPerStep radius increase per step, um, &gt;= 0
     */
    public record GrowingCrack(double centreXUm, double centreYUm, double centreZUm, double normalX, double normalY,
                               double normalZ, double apertureUm, int firstStep, double startRadiusUm,
                               double growthUmPerStep) {
        /** Validates every value; throws {@link ParameterException} naming the bad one. */
        public GrowingCrack {
            CrackedPellet.Crack c = new CrackedPellet.Crack(centreXUm, centreYUm, centreZUm, normalX, normalY, normalZ,
                    apertureUm, startRadiusUm);
            normalX = c.normalX();
            normalY = c.normalY();
            normalZ = c.normalZ();
            Check.range("crack firstStep", firstStep, 0, 1_000_000);
            Check.atLeast("crack growthUmPerStep", growthUmPerStep, 0);
            Check.finite("crack growthUmPerStep", growthUmPerStep);
        }

        /** Radius at {@code step} in um, 0 before {@link #firstStep()}. */
        public double radiusUm(int step) {
            return step < firstStep ? 0 : startRadiusUm + growthUmPerStep * (step - firstStep);
        }

        Shape.Disc disc(int step) {
            return new Shape.Disc(centreXUm, centreYUm, centreZUm, normalX, normalY, normalZ, apertureUm, radiusUm(step));
        }

        /** Distance in um from a point to the disc at {@code step} (0 inside). */
        double distanceUm(double x, double y, double z, int step) {
            double dx = x - centreXUm;
            double dy = y - centreYUm;
            double dz = z - centreZUm;
            double t = dx * normalX + dy * normalY + dz * normalZ;
            double rho = Math.sqrt(Math.max(0, dx * dx + dy * dy + dz * dz - t * t));
            double a = Math.max(0, Math.abs(t) - apertureUm / 2);
            double b = Math.max(0, rho - radiusUm(step));
            return Math.sqrt(a * a + b * b);
        }
    }

    /**
     * Generator settings.
     *
     * @param dims            volume size in voxels
     * @param spacing         voxel size in um
     * @param steps           number of steps, 1..1000
     * @param interfaceZUm    lithium/electrolyte interface plane, um from the outer face of slice
     *                        0, inside the volume
     * @param poreCount       number of pores, &gt;= 0
     * @param poreMinRadiusUm smallest pore radius, um, &gt; 0
     * @param poreMaxRadiusUm largest pore radius, um, &gt;= poreMinRadiusUm
     * @param poreGapUm       smallest surface gap between pores, um, &gt;= 0
     * @param cracks          the growing cracks (may be empty)
     * @param electrolyteGrey mean grey of the electrolyte, 0..65535
     * @param voidGrey        mean grey of pores and cracks, 0..65535
     * @param lithiumGrey     mean grey of lithium, 0..65535
     * @param noiseSigma      Gaussian noise standard deviation in grey levels, &gt;= 0
     */
    public record Config(Dims dims, Spacing spacing, int steps, double interfaceZUm, int poreCount,
                         double poreMinRadiusUm, double poreMaxRadiusUm, double poreGapUm, List<GrowingCrack> cracks,
                         double electrolyteGrey, double voidGrey, double lithiumGrey, double noiseSigma) {
        /** Validates every value; throws {@link ParameterException} naming the bad one. */
        public Config {
            Check.required("dims", dims);
            Check.required("spacing", spacing);
            Check.range("steps", steps, 1, 1000);
            Check.range("interfaceZUm", interfaceZUm, 0, dims.nz() * spacing.z());
            Check.range("poreCount", poreCount, 0, 1_000_000);
            Check.greater("poreMinRadiusUm", poreMinRadiusUm, 0);
            Check.ordered("poreMinRadiusUm", poreMinRadiusUm, "poreMaxRadiusUm", poreMaxRadiusUm);
            double minExt = Math.min(dims.nx() * spacing.x(), Math.min(dims.ny() * spacing.y(), interfaceZUm));
            if (poreCount > 0 && 2 * poreMaxRadiusUm > minExt) {
                throw new ParameterException("poreMaxRadiusUm must be at most half the smallest extent of the pellet below "
                        + "the interface (" + minExt / 2 + " um), got " + poreMaxRadiusUm);
            }
            Check.atLeast("poreGapUm", poreGapUm, 0);
            cracks = List.copyOf(Check.required("cracks", cracks));
            Check.range("electrolyteGrey", electrolyteGrey, 0, 65535);
            Check.range("voidGrey", voidGrey, 0, 65535);
            Check.range("lithiumGrey", lithiumGrey, 0, 65535);
            Check.atLeast("noiseSigma", noiseSigma, 0);
        }
    }

    /**
     * The known answer of one step. Porosity is that of the pellet (the voxels below the
     * interface): {@code (poreVoxels + crackVoxels) / (all voxels - lithiumVoxels)}.
     *
     * @param step              step index, 0-based
     * @param crackCount        cracks with at least one voxel at this step (each one 26-connected component)
     * @param crackVoxels       voxels labelled 2
     * @param crackVoxelsEach   voxels of each configured crack, in configuration order (0 before it starts)
     * @param poreVoxels        voxels labelled 1 (the same at every step)
     * @param poreCount         number of pores
     * @param electrolyteVoxels voxels labelled 0
     * @param lithiumVoxels     voxels labelled 3
     * @param porosity          pellet porosity, 0..1 (see above)
     * @param crackVolumeUm3    crackVoxels times the voxel volume, um^3
     * @param poreVolumeUm3     poreVoxels times the voxel volume, um^3
     * @param interfaceZUm      the lithium/electrolyte interface plane, um
     * @param lithiumFirstSlice first slice that is lithium (voxel centre at or above the plane)
     */
    public record StepTruth(int step, int crackCount, long crackVoxels, List<Long> crackVoxelsEach, long poreVoxels,
                            int poreCount, long electrolyteVoxels, long lithiumVoxels, double porosity,
                            double crackVolumeUm3, double poreVolumeUm3, double interfaceZUm, int lithiumFirstSlice) {
        /** Makes the list an unmodifiable copy. */
        public StepTruth {
            crackVoxelsEach = List.copyOf(crackVoxelsEach);
        }
    }

    /**
     * One generated step; close it to free the volumes.
     *
     * @param index  step index, 0-based
     * @param labels U8, 0 electrolyte, 1 pore, 2 crack, 3 lithium
     * @param grey   U16 grey image with noise
     * @param truth  the exact answer
     */
    public record Step(int index, Volume labels, Volume grey, StepTruth truth) implements AutoCloseable {
        /** Frees both volumes. */
        @Override
        public void close() {
            labels.close();
            grey.close();
        }
    }

    /**
     * Every step of the series.
     *
     * @param config the settings
     * @param seed   random seed; the same seed gives byte-identical volumes
     * @return the steps in order; close each
     * @throws ParameterException when pores cannot be placed or two cracks touch
     */
    public static List<Step> series(Config config, long seed) {
        List<Shape.Ball> pores = pores(config, seed);
        List<Step> out = new ArrayList<>();
        try {
            for (int k = 0; k < config.steps(); k++) {
                out.add(render(config, k, pores, seed));
            }
        } catch (RuntimeException | Error e) {
            out.forEach(Step::close);
            throw e;
        }
        return out;
    }

    /**
     * One step of the series (the same volumes as {@link #series} gives for it).
     *
     * @param config the settings
     * @param step   0..steps-1
     * @param seed   random seed
     * @return the step; close it
     */
    public static Step step(Config config, int step, long seed) {
        Check.range("step", step, 0, config.steps() - 1);
        return render(config, step, pores(config, seed), seed);
    }

    /** The pores: below the interface, apart from each other and from every crack at its last-step size. */
    private static List<Shape.Ball> pores(Config config, long seed) {
        Dims dims = config.dims();
        Spacing sp = config.spacing();
        SplittableRandom rnd = new SplittableRandom(Seeds.derive(seed, 1, 0));
        double[] radii = new double[config.poreCount()];
        for (int k = 0; k < radii.length; k++) {
            radii[k] = Seeds.uniform(rnd, config.poreMinRadiusUm(), config.poreMaxRadiusUm());
        }
        Arrays.sort(radii);
        double diag = Math.sqrt(sp.x() * sp.x() + sp.y() * sp.y() + sp.z() * sp.z());
        double crackGap = Math.max(config.poreGapUm(), diag);
        int last = config.steps() - 1;
        List<Shape.Ball> pores = new ArrayList<>();
        for (int k = radii.length - 1; k >= 0; k--) {
            double r = radii[k];
            double[] lo = {r, r, r};
            double[] hi = {dims.nx() * sp.x() - r, dims.ny() * sp.y() - r, config.interfaceZUm() - r - diag};
            double[] c = null;
            for (int attempt = 0; attempt < Placement.MAX_ATTEMPTS && c == null; attempt++) {
                double x = Seeds.uniform(rnd, lo[0], hi[0]);
                double y = Seeds.uniform(rnd, lo[1], hi[1]);
                double z = Seeds.uniform(rnd, lo[2], Math.max(lo[2], hi[2]));
                boolean clear = z <= hi[2];
                for (GrowingCrack g : config.cracks()) {
                    clear &= g.firstStep() > last || g.distanceUm(x, y, z, last) > r + crackGap;
                }
                for (int j = 0; j < pores.size() && clear; j++) {
                    Shape.Ball b = pores.get(j);
                    double min = r + b.r() + config.poreGapUm();
                    double dx = x - b.cx();
                    double dy = y - b.cy();
                    double dz = z - b.cz();
                    clear = dx * dx + dy * dy + dz * dz >= min * min;
                }
                if (clear) {
                    c = new double[] {x, y, z};
                }
            }
            if (c == null) {
                throw new ParameterException("could not place pore " + (pores.size() + 1) + " of " + radii.length + " (radius "
                        + r + " um) clear of the cracks and the lithium in a " + dims + " volume after "
                        + Placement.MAX_ATTEMPTS + " attempts: use fewer or smaller pores or smaller cracks");
            }
            pores.add(new Shape.Ball(c[0], c[1], c[2], r));
        }
        return pores;
    }

    private static Step render(Config config, int step, List<Shape.Ball> pores, long seed) {
        Dims dims = config.dims();
        Spacing sp = config.spacing();
        int firstLi = (int) Math.max(0, Math.min(dims.nz(), Math.ceil(config.interfaceZUm() / sp.z() - 0.5)));
        List<GrowingCrack> cracks = config.cracks();
        int nc = cracks.size();
        Volume labels = Volume.allocate(dims, DataType.U8, sp);
        Volume grey = Volume.allocate(dims, DataType.U16, sp);
        try (Volume ids = Volume.allocate(dims, DataType.U8, sp)) {
            if (nc > 255) {
                throw new ParameterException("cracks must hold at most 255 cracks, got " + nc);
            }
            // counters: [0] pore voxels, [1] lithium voxels, [2..] voxels of each crack
            long[] n = Raster.sumOverSlabs(dims, 2 + nc, t -> {
                long[] c = new long[2 + nc];
                int z0 = Raster.slabStart(t);
                int z1 = Raster.slabEnd(dims, t);
                int zc = Math.min(z1, Math.max(z0, firstLi));
                byte[] li = new byte[(int) dims.sliceVoxels()];
                Arrays.fill(li, (byte) 3);
                for (int z = zc; z < z1; z++) {
                    labels.write(dims.index(0, 0, z), li, 0, li.length);
                    c[1] += li.length;
                }
                for (int k = 0; k < nc; k++) {
                    if (cracks.get(k).radiusUm(step) <= 0) {
                        continue;
                    }
                    final int id = k;
                    Raster.forEachInside(cracks.get(k).disc(step), dims, sp, z0, zc, i -> {
                        if (ids.getInt(i) == 0) {
                            ids.set(i, id + 1);
                            labels.set(i, 2);
                            c[2 + id]++;
                        }
                    });
                }
                for (Shape.Ball b : pores) {
                    Raster.forEachInside(b, dims, sp, z0, zc, i -> {
                        labels.set(i, 1);
                        c[0]++;
                    });
                }
                return c;
            });
            checkCracksApart(ids, step);
            Grey.render(labels, grey, new double[] {config.electrolyteGrey(), config.voidGrey(), config.voidGrey(),
                    config.lithiumGrey()}, config.noiseSigma(), Seeds.derive(seed, 100, step), 2);
            long crackVoxels = 0;
            int crackCount = 0;
            List<Long> each = new ArrayList<>();
            for (int k = 0; k < nc; k++) {
                crackVoxels += n[2 + k];
                crackCount += n[2 + k] > 0 ? 1 : 0;
                each.add(n[2 + k]);
            }
            long total = dims.voxels();
            long pellet = total - n[1];
            double vv = sp.voxelVolumeUm3();
            StepTruth truth = new StepTruth(step, crackCount, crackVoxels, each, n[0], pores.size(),
                    pellet - n[0] - crackVoxels, n[1], pellet == 0 ? 0 : (double) (n[0] + crackVoxels) / pellet,
                    crackVoxels * vv, n[0] * vv, config.interfaceZUm(), firstLi);
            return new Step(step, labels, grey, truth);
        } catch (RuntimeException | Error e) {
            labels.close();
            grey.close();
            throw e;
        }
    }

    /** Throws when a voxel of one crack has a voxel of another among its 26 neighbours. */
    private static void checkCracksApart(Volume ids, int step) {
        Dims d = ids.dims();
        List<String> clashes = Parallel.map(Raster.slabCount(d), t -> {
            for (int z = Raster.slabStart(t); z < Raster.slabEnd(d, t); z++) {
                for (int y = 0; y < d.ny(); y++) {
                    for (int x = 0; x < d.nx(); x++) {
                        int a = ids.getInt(x, y, z);
                        if (a == 0) {
                            continue;
                        }
                        for (int k = 14; k < 27; k++) {
                            int xx = x + k % 3 - 1;
                            int yy = y + k / 3 % 3 - 1;
                            int zz = z + k / 9 - 1;
                            int b = d.contains(xx, yy, zz) ? ids.getInt(xx, yy, zz) : 0;
                            if (b != 0 && b != a) {
                                return "cracks " + (Math.min(a, b) - 1) + " and " + (Math.max(a, b) - 1) + " touch at step "
                                        + step + " near voxel (" + x + ", " + y + ", " + z + ")";
                            }
                        }
                    }
                }
            }
            return null;
        });
        for (String c : clashes) {
            if (c != null) {
                throw new ParameterException("cracks must stay apart: " + c + "; move them or slow their growth");
            }
        }
    }
}
