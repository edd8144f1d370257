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
 * A Li | solid electrolyte | Li symmetric cell stacked along z, imaged as an operando time
 * series while voids open at the stripping interface (Lewis et al., paper 003: Li/LSPS/Li cells,
 * 1.7 um voxels, interfacial voids a few um thick, contact loss at the stripping electrode).
 *
 * <p>Layers, bottom to top: lithium in slices {@code 0..b-1}, electrolyte in slices {@code b..t-1},
 * lithium in slices {@code t..nz-1}, where {@code b = round(bottomLiUm / sz)} and
 * {@code t = b + round(electrolyteUm / sz)}. The interfaces are therefore the flat planes
 * z = b*sz um (bottom, the <em>stripping</em> interface) and z = t*sz um (top, the
 * <em>plating</em> interface).
 *
 * <p>Voids are lenses (half oblate spheroids, flat face on the interface plane) inside the
 * lithium: {@code rho^2/R^2 + d^2/h^2 <= 1} where rho is the in-plane distance from the void's
 * axis and d &gt; 0 the distance from the plane into the lithium (voxel centres, in um). Their
 * in-plane footprints (final radius plus {@code voidGapUm}) never overlap and lie inside the
 * xy extent. At the stripping interface {@code strippingVoids} sites are drawn once from the
 * seed; site j (0-based) nucleates at step {@code floor(j * steps / strippingVoids)} and its
 * radius and depth grow linearly from 40 % and 50 % of their final values at nucleation to
 * 100 % at the last step. Voids only grow and never vanish, so the void set of step k is
 * contained in that of step k+1 and the contact fraction never increases; when
 * {@code strippingVoids >= steps} every step nucleates a new void whose centre column loses
 * contact, so the contact fraction strictly decreases. The plating interface carries a fixed
 * set of {@code platingVoids} small voids, the same at every step. The interface planes do not
 * move.
 *
 * <p>Labels (U8, {@link #PHASES}): 0 void, 1 electrolyte, 2 lithium. Grey (U16): lithium low,
 * electrolyte higher, voids lowest, plus seeded Gaussian noise (a separate stream per step).
 */
public final class SymmetricCell {

    /** Phase names of the labels: 0 void, 1 electrolyte, 2 lithium. */
    public static final PhaseTable PHASES = PhaseTable.of(Map.of(0, "void", 1, "electrolyte", 2, "lithium"));

    private SymmetricCell() {
    }

    /**
     * Generator settings.
     *
     * @param dims                volume size in voxels; z is the stack axis
     * @param spacing             voxel size in um (anisotropic allowed)
     * @param bottomLiUm          bottom (stripping) lithium thickness in um; rounds to at least 2 slices
     * @param electrolyteUm       electrolyte thickness in um; rounds to at least 1 slice; the top
     *                            lithium takes the remaining slices, at least 2
     * @param steps               number of time steps, 1..10000
     * @param strippingVoids      number of void sites at the stripping (bottom) interface at the last step, &gt;= 0
     * @param maxVoidRadiusUm     largest final in-plane void radius in um (final radii are drawn in
     *                            [0.5, 1] times this); 0.2 times it must be at least max(sx, sy)
     * @param maxVoidDepthUm      largest final void depth into the lithium in um (final depths are drawn
     *                            in [0.7, 1] times this); at least 3 sz and less than the bottom lithium thickness
     * @param voidGapUm           smallest in-plane distance between two void footprints in um, &gt;= 0
     * @param platingVoids        number of fixed voids at the plating (top) interface, &gt;= 0
     * @param platingVoidRadiusUm largest radius of the plating voids in um (drawn in [0.5, 1] times this), &gt; 0
     * @param platingVoidDepthUm  depth of the plating voids in um, &gt; 0 and less than the top lithium thickness
     * @param lithiumGrey         mean grey of lithium, 0..65535
     * @param electrolyteGrey     mean grey of the electrolyte, 0..65535
     * @param voidGrey            mean grey of voids, 0..65535
     * @param noiseSigma          Gaussian noise standard deviation in grey levels, &gt;= 0
     */
    public record Config(Dims dims, Spacing spacing, double bottomLiUm, double electrolyteUm, int steps,
                         int strippingVoids, double maxVoidRadiusUm, double maxVoidDepthUm, double voidGapUm,
                         int platingVoids, double platingVoidRadiusUm, double platingVoidDepthUm,
                         double lithiumGrey, double electrolyteGrey, double voidGrey, double noiseSigma) {
        /** Validates every value; throws {@link org.tomolyte.core.ParameterException} naming the bad one. */
        public Config {
            Check.required("dims", dims);
            Check.required("spacing", spacing);
            Check.greater("bottomLiUm", bottomLiUm, 0);
            Check.greater("electrolyteUm", electrolyteUm, 0);
            Check.range("steps", steps, 1, 10_000);
            Check.range("strippingVoids", strippingVoids, 0, 100_000);
            Check.greater("maxVoidRadiusUm", maxVoidRadiusUm, 0);
            Check.greater("maxVoidDepthUm", maxVoidDepthUm, 0);
            Check.atLeast("voidGapUm", voidGapUm, 0);
            Check.range("platingVoids", platingVoids, 0, 100_000);
            Check.greater("platingVoidRadiusUm", platingVoidRadiusUm, 0);
            Check.greater("platingVoidDepthUm", platingVoidDepthUm, 0);
            Check.range("lithiumGrey", lithiumGrey, 0, 65535);
            Check.range("electrolyteGrey", electrolyteGrey, 0, 65535);
            Check.range("voidGrey", voidGrey, 0, 65535);
            Check.atLeast("noiseSigma", noiseSigma, 0);
            int b = bottomPlane(bottomLiUm, spacing);
            int t = b + (int) Math.round(electrolyteUm / spacing.z());
            if (b < 2) {
                throw new ParameterException("bottomLiUm must round to at least 2 slices of " + spacing.z() + " um, got "
                        + bottomLiUm + " um");
            }
            if (t - b < 1) {
                throw new ParameterException("electrolyteUm must round to at least 1 slice of " + spacing.z() + " um, got "
                        + electrolyteUm + " um");
            }
            if (dims.nz() - t < 2) {
                throw new ParameterException("the top lithium needs at least 2 slices: nz must be >= " + (t + 2)
                        + " for bottomLiUm " + bottomLiUm + " and electrolyteUm " + electrolyteUm + ", got nz " + dims.nz());
            }
            double minColumn = Math.max(spacing.x(), spacing.y());
            if (0.2 * maxVoidRadiusUm < minColumn) {
                throw new ParameterException("maxVoidRadiusUm must be >= 5 * max(sx, sy) = " + 5 * minColumn
                        + " um so that every void covers a column, got " + maxVoidRadiusUm);
            }
            if (maxVoidDepthUm < 3 * spacing.z() || maxVoidDepthUm >= b * spacing.z()) {
                throw new ParameterException("maxVoidDepthUm must be in [3 sz, bottom lithium thickness) = ["
                        + 3 * spacing.z() + ", " + b * spacing.z() + ") um, got " + maxVoidDepthUm);
            }
            if (platingVoidDepthUm >= (dims.nz() - t) * spacing.z()) {
                throw new ParameterException("platingVoidDepthUm must be less than the top lithium thickness "
                        + (dims.nz() - t) * spacing.z() + " um, got " + platingVoidDepthUm);
            }
        }

        /** z index of the bottom (stripping) interface plane: the first electrolyte slice. */
        public int strippingPlaneZ() {
            return bottomPlane(bottomLiUm, spacing);
        }

        /** z index of the top (plating) interface plane: the first top-lithium slice. */
        public int platingPlaneZ() {
            return strippingPlaneZ() + (int) Math.round(electrolyteUm / spacing.z());
        }

        private static int bottomPlane(double bottomLiUm, Spacing spacing) {
            return (int) Math.round(bottomLiUm / spacing.z());
        }
    }

    /**
     * One void as rasterised at a step.
     *
     * @param centreXUm         axis x in um
     * @param centreYUm         axis y in um
     * @param radiusUm          in-plane radius at this step in um
     * @param depthUm           depth into the lithium at this step in um
     * @param voxels            void voxels written for it
     * @param analyticVolumeUm3 2/3 pi R^2 h in um^3 (volume of the half spheroid)
     */
    public record InterfaceVoid(double centreXUm, double centreYUm, double radiusUm, double depthUm, long voxels,
                       double analyticVolumeUm3) {
    }

    /**
     * The answer at one interface for one step.
     *
     * <p>Contact fraction definition: the fraction of (x, y) columns in which the lithium voxel
     * directly adjacent to the interface plane ({@code lithiumSliceZ}) is lithium (label 2) and
     * not void. Contact area = contact columns * sx * sy.
     *
     * @param name                "stripping" (bottom) or "plating" (top)
     * @param planeZ              z index of the interface plane: the plane lies between slices
     *                            planeZ-1 and planeZ, at z = planeZ * sz um
     * @param planeZUm            the plane's z in um
     * @param lithiumSliceZ       the lithium slice touching the plane (planeZ-1 at the bottom, planeZ at the top)
     * @param electrolyteSliceZ   the electrolyte slice touching the plane
     * @param voids               the voids at this interface and step
     * @param voidCount           number of voids with at least one voxel
     * @param voidVoxels          void voxels at this interface
     * @param voidVolumeUm3       voidVoxels times the voxel volume, um^3
     * @param analyticVoidVolumeUm3 sum of the voids' 2/3 pi R^2 h, um^3
     * @param contactColumns      columns in contact (see above)
     * @param contactFraction     contactColumns / (nx * ny), 0..1
     * @param contactAreaUm2      contactColumns * sx * sy, um^2
     */
    public record InterfaceTruth(String name, int planeZ, double planeZUm, int lithiumSliceZ, int electrolyteSliceZ,
                                 List<InterfaceVoid> voids, int voidCount, long voidVoxels, double voidVolumeUm3,
                                 double analyticVoidVolumeUm3, long contactColumns, double contactFraction,
                                 double contactAreaUm2) {
        /** Makes the lists unmodifiable copies. */
        public InterfaceTruth {
            voids = List.copyOf(voids);
        }
    }

    /**
     * The known answer for one step.
     *
     * @param step              step index, 0..steps-1
     * @param stripping         the bottom (stripping) interface
     * @param plating           the top (plating) interface
     * @param lithiumVoxels     voxels labelled 2
     * @param lithiumVolumeUm3  lithiumVoxels times the voxel volume, um^3
     * @param electrolyteVoxels voxels labelled 1
     * @param voidVoxels        voxels labelled 0 (both interfaces)
     */
    public record Truth(int step, InterfaceTruth stripping, InterfaceTruth plating, long lithiumVoxels,
                        double lithiumVolumeUm3, long electrolyteVoxels, long voidVoxels) {
    }

    /**
     * One time step; close it to free the volumes.
     *
     * @param index  step index, 0..steps-1
     * @param labels U8, 0 void, 1 electrolyte, 2 lithium
     * @param grey   U16 grey image with noise
     * @param truth  the exact answer
     */
    public record Step(int index, Volume labels, Volume grey, Truth truth) implements AutoCloseable {
        /** Frees both volumes. */
        @Override
        public void close() {
            labels.close();
            grey.close();
        }
    }

    private record Site(double cx, double cy, double finalR, double finalH, int nucleation) {
    }

    /**
     * Generates step {@code step} alone (identical to element {@code step} of {@link #series}).
     *
     * @param config the settings
     * @param step   step index, 0..steps-1
     * @param seed   random seed; the same seed gives byte-identical volumes
     * @throws ParameterException when the step is out of range or the voids do not fit in the xy extent
     */
    public static Step step(Config config, int step, long seed) {
        Check.range("step", step, 0, config.steps() - 1);
        List<List<Site>> sites = sites(config, seed);
        return render(config, step, sites.get(0), sites.get(1), seed);
    }

    /**
     * Generates every step, 0..steps-1, in order. The caller closes each step.
     *
     * @param config the settings
     * @param seed   random seed; the same seed gives byte-identical volumes
     */
    public static List<Step> series(Config config, long seed) {
        List<List<Site>> sites = sites(config, seed);
        List<Step> out = new ArrayList<>();
        for (int k = 0; k < config.steps(); k++) {
            out.add(render(config, k, sites.get(0), sites.get(1), seed));
        }
        return out;
    }

    private static List<List<Site>> sites(Config c, long seed) {
        SplittableRandom rnd = new SplittableRandom(Seeds.derive(seed, 3, 0));
        double lx = c.dims().nx() * c.spacing().x();
        double ly = c.dims().ny() * c.spacing().y();
        List<Site> strip = new ArrayList<>();
        Placement p = new Placement();
        for (int j = 0; j < c.strippingVoids(); j++) {
            double r = c.maxVoidRadiusUm() * Seeds.uniform(rnd, 0.5, 1);
            double h = c.maxVoidDepthUm() * Seeds.uniform(rnd, 0.7, 1);
            double[] xy = placeDisc(p, rnd, lx, ly, r, c.voidGapUm(), "stripping", j, c.strippingVoids());
            strip.add(new Site(xy[0], xy[1], r, h, (int) ((long) j * c.steps() / c.strippingVoids())));
        }
        List<Site> plate = new ArrayList<>();
        Placement q = new Placement();
        for (int j = 0; j < c.platingVoids(); j++) {
            double r = c.platingVoidRadiusUm() * Seeds.uniform(rnd, 0.5, 1);
            double[] xy = placeDisc(q, rnd, lx, ly, r, c.voidGapUm(), "plating", j, c.platingVoids());
            plate.add(new Site(xy[0], xy[1], r, c.platingVoidDepthUm(), 0));
        }
        return List.of(strip, plate);
    }

    private static double[] placeDisc(Placement p, SplittableRandom rnd, double lx, double ly, double r, double gap,
                                      String which, int j, int n) {
        if (2 * r > Math.min(lx, ly)) {
            throw new ParameterException(which + " void radius " + r + " um does not fit in the " + lx + " x " + ly
                    + " um cross-section");
        }
        double[] xy = p.place(rnd, new double[] {r, r, 0}, new double[] {lx - r, ly - r, 0}, r, gap);
        if (xy == null) {
            throw new ParameterException("could not place " + which + " void " + (j + 1) + " of " + n + " (radius " + r
                    + " um) without overlap after " + Placement.MAX_ATTEMPTS
                    + " attempts: use fewer or smaller voids or a larger cross-section");
        }
        return xy;
    }

    private static Step render(Config c, int step, List<Site> strip, List<Site> plate, long seed) {
        Dims d = c.dims();
        Spacing sp = c.spacing();
        int b = c.strippingPlaneZ();
        int t = c.platingPlaneZ();
        double bUm = b * sp.z();
        double tUm = t * sp.z();
        List<Shape.Lens> lenses = new ArrayList<>();
        List<Boolean> atBottom = new ArrayList<>();
        for (Site s : strip) {
            if (s.nucleation() <= step) {
                int span = c.steps() - 1 - s.nucleation();
                double g = span == 0 ? 1 : (double) (step - s.nucleation()) / span;
                lenses.add(new Shape.Lens(s.cx(), s.cy(), bUm, s.finalR() * (0.4 + 0.6 * g), s.finalH() * (0.5 + 0.5 * g), -1));
                atBottom.add(true);
            }
        }
        for (Site s : plate) {
            lenses.add(new Shape.Lens(s.cx(), s.cy(), tUm, s.finalR(), s.finalH(), +1));
            atBottom.add(false);
        }
        Volume labels = Volume.allocate(d, DataType.U8, sp);
        Volume grey = Volume.allocate(d, DataType.U16, sp);
        int nl = lenses.size();
        // counters: [0] lithium, [1] electrolyte, [2] void, [3..] per lens
        long[] n = Raster.sumOverSlabs(d, 3 + nl, task -> {
            long[] cnt = new long[3 + nl];
            int z0 = Raster.slabStart(task);
            int z1 = Raster.slabEnd(d, task);
            for (int z = z0; z < z1; z++) {
                int phase = z < b || z >= t ? 2 : 1;
                long start = d.index(0, 0, z);
                for (long i = start, e = start + d.sliceVoxels(); i < e; i++) {
                    labels.set(i, phase);
                }
                cnt[phase == 2 ? 0 : 1] += d.sliceVoxels();
            }
            for (int k = 0; k < nl; k++) {
                final int id = k;
                Raster.forEachInside(lenses.get(k), d, sp, z0, z1, i -> {
                    if (labels.getInt(i) == 2) {
                        labels.set(i, 0);
                        cnt[0]--;
                        cnt[2]++;
                        cnt[3 + id]++;
                    }
                });
            }
            return cnt;
        });
        Grey.render(labels, grey, new double[] {c.voidGrey(), c.electrolyteGrey(), c.lithiumGrey()}, c.noiseSigma(),
                seed, 1000L + step);
        double vv = sp.voxelVolumeUm3();
        List<InterfaceVoid> bottomVoids = new ArrayList<>();
        List<InterfaceVoid> topVoids = new ArrayList<>();
        for (int k = 0; k < nl; k++) {
            Shape.Lens l = lenses.get(k);
            InterfaceVoid v = new InterfaceVoid(l.cx(), l.cy(), l.r(), l.depth(), n[3 + k], 2.0 / 3.0 * Math.PI * l.r() * l.r() * l.depth());
            (atBottom.get(k) ? bottomVoids : topVoids).add(v);
        }
        InterfaceTruth stripping = interfaceTruth("stripping", labels, b, b - 1, b, bottomVoids);
        InterfaceTruth plating = interfaceTruth("plating", labels, t, t, t - 1, topVoids);
        Truth truth = new Truth(step, stripping, plating, n[0], n[0] * vv, n[1], n[2]);
        return new Step(step, labels, grey, truth);
    }

    private static InterfaceTruth interfaceTruth(String name, Volume labels, int plane, int liZ, int elZ, List<InterfaceVoid> voids) {
        Dims d = labels.dims();
        Spacing sp = labels.spacing();
        long contact = 0;
        long start = d.index(0, 0, liZ);
        for (long i = start, e = start + d.sliceVoxels(); i < e; i++) {
            if (labels.getInt(i) == 2) {
                contact++;
            }
        }
        long voxels = 0;
        int count = 0;
        double analytic = 0;
        for (InterfaceVoid v : voids) {
            voxels += v.voxels();
            count += v.voxels() > 0 ? 1 : 0;
            analytic += v.analyticVolumeUm3();
        }
        return new InterfaceTruth(name, plane, plane * sp.z(), liZ, elZ, voids, count, voxels,
                voxels * sp.voxelVolumeUm3(), analytic, contact, (double) contact / d.sliceVoxels(),
                contact * sp.x() * sp.y());
    }
}
