package org.tomolyte.testkit;

import org.tomolyte.core.op.Check;
import java.util.ArrayList;
import java.util.Arrays;
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
 * A porous, cracked thiophosphate electrolyte pellet as imaged by synchrotron XCT (Dixit et al.,
 * paper 001: LPS pellets with 0.05-0.48 porosity, pores of a few um and planar through-bulk
 * cracks, 0.7 um voxels).
 *
 * <p>Geometry is placed in micrometres (voxel centre ((i+0.5)*sx, (j+0.5)*sy, (k+0.5)*sz)):
 * <ul>
 *   <li>pores: non-overlapping spheres, fully inside the volume, radii drawn uniformly in
 *       [{@code poreMinRadiusUm}, {@code poreMaxRadiusUm}] and placed largest first by seeded
 *       rejection sampling with a surface gap of at least {@code poreGapUm};</li>
 *   <li>cracks: planar discs of given centre, unit normal, aperture (full thickness along the
 *       normal) and in-plane radius ({@link Crack}); a crack may leave the volume (it is clipped).</li>
 * </ul>
 * Labels (U8, {@link #PHASES}): 0 electrolyte, 1 pore, 2 crack. A voxel inside both a pore and a
 * crack is labelled pore (1) and counted once, as pore; the number of such voxels is reported as
 * {@link Truth#crackPoreOverlapVoxels()}. The grey image (U16) gives electrolyte
 * {@code electrolyteGrey} and pores and cracks {@code voidGrey}, plus seeded Gaussian noise of
 * standard deviation {@code noiseSigma}; with the defaults of {@link Phantoms#pellet(long)} the
 * two classes are many sigma apart, so Otsu's threshold separates them.
 */
public final class CrackedPellet {

    /** Phase names of the labels: 0 electrolyte, 1 pore, 2 crack. */
    public static final PhaseTable PHASES = PhaseTable.of(Map.of(0, "electrolyte", 1, "pore", 2, "crack"));

    private CrackedPellet() {
    }

    /**
     * A planar crack: a flat disc in physical coordinates. The normal is normalised to unit length.
     *
     * @param centreXUm  centre x in um
     * @param centreYUm  centre y in um
     * @param centreZUm  centre z in um
     * @param normalX    normal x component (any length &gt; 0; stored normalised)
     * @param normalY    normal y component
     * @param normalZ    normal z component
     * @param apertureUm full opening of the crack along its normal in um, &gt; 0 (use at least
     *                   about 1.5 voxels so that every column through it is hit)
     * @param radiusUm   in-plane radius (extent) of the crack in um, &gt; 0
     */
    public record Crack(double centreXUm, double centreYUm, double centreZUm, double normalX, double normalY,
                        double normalZ, double apertureUm, double radiusUm) {
        /** Validates every value; throws {@link org.tomolyte.core.ParameterException} naming the bad one. */
        public Crack {
            Check.finite("crack centreXUm", centreXUm);
            Check.finite("crack centreYUm", centreYUm);
            Check.finite("crack centreZUm", centreZUm);
            Check.finite("crack normalX", normalX);
            Check.finite("crack normalY", normalY);
            Check.finite("crack normalZ", normalZ);
            double len = Math.sqrt(normalX * normalX + normalY * normalY + normalZ * normalZ);
            if (!(len > 0)) {
                throw new ParameterException("crack normal must be a non-zero vector, got (" + normalX + ", " + normalY
                        + ", " + normalZ + ")");
            }
            normalX /= len;
            normalY /= len;
            normalZ /= len;
            Check.greater("crack apertureUm", apertureUm, 0);
            Check.greater("crack radiusUm", radiusUm, 0);
        }

        /** Analytic volume of the whole disc, pi r^2 * aperture, in um^3 (ignores clipping and pores). */
        public double analyticVolumeUm3() {
            return Math.PI * radiusUm * radiusUm * apertureUm;
        }
    }

    /**
     * Generator settings.
     *
     * @param dims            volume size in voxels
     * @param spacing         voxel size in um (anisotropic allowed)
     * @param poreCount       number of pores, &gt;= 0
     * @param poreMinRadiusUm smallest pore radius in um, &gt; 0
     * @param poreMaxRadiusUm largest pore radius in um, &gt;= poreMinRadiusUm, at most half the
     *                        smallest extent of the volume
     * @param poreGapUm       smallest surface distance between two pores in um, &gt;= 0
     * @param cracks          the planar cracks (may be empty)
     * @param electrolyteGrey mean grey of the electrolyte, 0..65535
     * @param voidGrey        mean grey of pores and cracks, 0..65535
     * @param noiseSigma      standard deviation of the Gaussian noise in grey levels, &gt;= 0
     */
    public record Config(Dims dims, Spacing spacing, int poreCount, double poreMinRadiusUm, double poreMaxRadiusUm,
                         double poreGapUm, List<Crack> cracks, double electrolyteGrey, double voidGrey,
                         double noiseSigma) {
        /** Validates every value; throws {@link org.tomolyte.core.ParameterException} naming the bad one. */
        public Config {
            Check.required("dims", dims);
            Check.required("spacing", spacing);
            Check.range("poreCount", poreCount, 0, 1_000_000);
            Check.greater("poreMinRadiusUm", poreMinRadiusUm, 0);
            Check.greater("poreMaxRadiusUm", poreMaxRadiusUm, 0);
            Check.ordered("poreMinRadiusUm", poreMinRadiusUm, "poreMaxRadiusUm", poreMaxRadiusUm);
            double minExt = Math.min(dims.nx() * spacing.x(), Math.min(dims.ny() * spacing.y(), dims.nz() * spacing.z()));
            if (2 * poreMaxRadiusUm > minExt) {
                throw new ParameterException("poreMaxRadiusUm must be at most half the smallest volume extent ("
                        + minExt / 2 + " um), got " + poreMaxRadiusUm);
            }
            Check.atLeast("poreGapUm", poreGapUm, 0);
            cracks = List.copyOf(Check.required("cracks", cracks));
            Check.range("electrolyteGrey", electrolyteGrey, 0, 65535);
            Check.range("voidGrey", voidGrey, 0, 65535);
            Check.atLeast("noiseSigma", noiseSigma, 0);
        }
    }

    /**
     * One placed pore.
     *
     * @param centreXUm         centre x in um
     * @param centreYUm         centre y in um
     * @param centreZUm         centre z in um
     * @param radiusUm          radius in um
     * @param analyticVolumeUm3 4/3 pi r^3 in um^3
     */
    public record Pore(double centreXUm, double centreYUm, double centreZUm, double radiusUm, double analyticVolumeUm3) {
    }

    /**
     * The answer for one crack.
     *
     * @param crack       the crack as configured (normal normalised)
     * @param voxels      voxels of the volume whose centre lies in this crack's disc, whatever their
     *                    final label (pore overlap and other cracks included)
     * @param fullyInside true when the whole disc lies inside the volume, so that
     *                    {@code voxels * voxel volume} approximates {@link Crack#analyticVolumeUm3()}
     */
    public record CrackTruth(Crack crack, long voxels, boolean fullyInside) {
    }

    /**
     * The known answer. Porosity counts pores and cracks: {@code (poreVoxels + crackVoxels) / all}.
     *
     * @param dims                   volume size in voxels
     * @param spacing                voxel size in um
     * @param electrolyteVoxels      voxels labelled 0
     * @param poreVoxels             voxels labelled 1 (pore, including pore voxels a crack passes through)
     * @param crackVoxels            voxels labelled 2 (in a crack and in no pore)
     * @param crackPoreOverlapVoxels voxels in a crack and a pore (labelled and counted as pore only)
     * @param porosity               (poreVoxels + crackVoxels) / all voxels, 0..1
     * @param poreVolumeUm3          poreVoxels times the voxel volume, um^3
     * @param crackVolumeUm3         crackVoxels times the voxel volume, um^3
     * @param analyticPoreVolumeUm3  sum of 4/3 pi r^3 over the pores, um^3
     * @param poreCount              number of pores placed
     * @param pores                  the pores, largest first
     * @param cracks                 per-crack answers in configuration order
     * @param electrolyteGrey        mean grey of label 0
     * @param voidGrey               mean grey of labels 1 and 2
     * @param noiseSigma             noise standard deviation in grey levels
     */
    public record Truth(Dims dims, Spacing spacing, long electrolyteVoxels, long poreVoxels, long crackVoxels,
                        long crackPoreOverlapVoxels, double porosity, double poreVolumeUm3, double crackVolumeUm3,
                        double analyticPoreVolumeUm3, int poreCount, List<Pore> pores, List<CrackTruth> cracks,
                        double electrolyteGrey, double voidGrey, double noiseSigma) {
        /** Makes the lists unmodifiable copies. */
        public Truth {
            pores = List.copyOf(pores);
            cracks = List.copyOf(cracks);
        }
    }

    /**
     * A generated pellet; close it to free the volumes.
     *
     * @param labels U8, 0 electrolyte, 1 pore, 2 crack
     * @param grey   U16 grey image with noise
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
     * Generates the pellet.
     *
     * @param config the settings
     * @param seed   random seed; the same seed gives byte-identical volumes
     * @throws ParameterException when the pores cannot be placed (too many or too large for the volume)
     */
    public static Phantom generate(Config config, long seed) {
        Dims dims = config.dims();
        Spacing sp = config.spacing();
        double[] ext = {dims.nx() * sp.x(), dims.ny() * sp.y(), dims.nz() * sp.z()};
        SplittableRandom rnd = new SplittableRandom(Seeds.derive(seed, 1, 0));
        double[] radii = new double[config.poreCount()];
        for (int k = 0; k < radii.length; k++) {
            radii[k] = Seeds.uniform(rnd, config.poreMinRadiusUm(), config.poreMaxRadiusUm());
        }
        Arrays.sort(radii);
        Placement placement = new Placement();
        List<Shape.Ball> pores = new ArrayList<>();
        for (int k = radii.length - 1; k >= 0; k--) {
            double r = radii[k];
            double[] c = placement.place(rnd, new double[] {r, r, r},
                    new double[] {ext[0] - r, ext[1] - r, ext[2] - r}, r, config.poreGapUm());
            if (c == null) {
                throw new ParameterException("could not place pore " + (pores.size() + 1) + " of " + radii.length
                        + " (radius " + r + " um) in a " + dims + " volume after " + Placement.MAX_ATTEMPTS
                        + " attempts: use fewer or smaller pores, a smaller gap or a larger volume");
            }
            pores.add(new Shape.Ball(c[0], c[1], c[2], r));
        }
        List<Shape.Disc> discs = new ArrayList<>();
        for (Crack c : config.cracks()) {
            discs.add(new Shape.Disc(c.centreXUm(), c.centreYUm(), c.centreZUm(), c.normalX(), c.normalY(),
                    c.normalZ(), c.apertureUm(), c.radiusUm()));
        }
        Volume labels = Volume.allocate(dims, DataType.U8, sp);
        Volume grey = Volume.allocate(dims, DataType.U16, sp);
        int nc = discs.size();
        // counters: [0] pore voxels, [1] crack voxels, [2] overlap, [3..] per-crack disc voxels
        long[] n = Raster.sumOverSlabs(dims, 3 + nc, t -> {
            long[] c = new long[3 + nc];
            int z0 = Raster.slabStart(t);
            int z1 = Raster.slabEnd(dims, t);
            for (int k = 0; k < nc; k++) {
                final int id = k;
                Raster.forEachInside(discs.get(k), dims, sp, z0, z1, i -> {
                    c[3 + id]++;
                    if (labels.getInt(i) == 0) {
                        labels.set(i, 2);
                        c[1]++;
                    }
                });
            }
            for (Shape.Ball b : pores) {
                Raster.forEachInside(b, dims, sp, z0, z1, i -> {
                    if (labels.getInt(i) == 2) {
                        c[1]--;
                        c[2]++;
                    }
                    labels.set(i, 1);
                    c[0]++;
                });
            }
            return c;
        });
        Grey.render(labels, grey, new double[] {config.electrolyteGrey(), config.voidGrey(), config.voidGrey()},
                config.noiseSigma(), seed, 2);
        double vv = sp.voxelVolumeUm3();
        List<Pore> poreList = new ArrayList<>();
        double analytic = 0;
        for (Shape.Ball b : pores) {
            double a = 4.0 / 3.0 * Math.PI * b.r() * b.r() * b.r();
            poreList.add(new Pore(b.cx(), b.cy(), b.cz(), b.r(), a));
            analytic += a;
        }
        List<CrackTruth> crackTruth = new ArrayList<>();
        for (int k = 0; k < nc; k++) {
            crackTruth.add(new CrackTruth(config.cracks().get(k), n[3 + k], Raster.inside(discs.get(k), dims, sp)));
        }
        long total = dims.voxels();
        Truth truth = new Truth(dims, sp, total - n[0] - n[1], n[0], n[1], n[2], (double) (n[0] + n[1]) / total,
                n[0] * vv, n[1] * vv, analytic, pores.size(), poreList, crackTruth, config.electrolyteGrey(),
                config.voidGrey(), config.noiseSigma());
        return new Phantom(labels, grey, truth);
    }
}
