package org.tomolyte.testkit;

import java.util.ArrayList;
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
 * An operando Li | solid electrolyte | Li cell between two steel current collectors, stacked
 * along z, imaged as a time series while the bottom electrode is stripped and the top one plated
 * (Lewis et al., paper 003, Fig. 1-5: interfacial voids at the stripping interface, interphase at
 * the reducing interface, interface and current-collector displacement, stack thickness).
 *
 * <p>Geometry at step {@code s} (slice indices k along z; slice k spans z in [k sz, (k+1) sz) um;
 * "bottom" is low z):
 * <ul>
 * <li>bottom collector: voxels whose centre lies below the tilted face
 * {@code c + tilt * ((x + 0.5) / nx - 0.5)} slices, c = {@code collectorSlices};</li>
 * <li>bottom lithium: from the collector face up to the stripping interface plane
 * {@code zb(s) = collectorSlices + bottomLiSlices - s * strippingSlicesPerStep} (a flat plane on a
 * slice boundary);</li>
 * <li>electrolyte: slices {@code zb(s) .. zt(s)-1}, {@code zt(s) = zb(s) + electrolyteSlices}; its
 * top {@code s * interphaseSlicesPerStep} slices are interphase (the interphase grows into the
 * electrolyte at the plating interface);</li>
 * <li>top lithium: slices {@code zt(s) .. ztc(s)-1}, {@code ztc(s) = zt(s) + topLiSlices + s *
 * platingSlicesPerStep}, above which the top collector starts at the tilted face
 * {@code ztc(s) + tilt * ((y + 0.5) / ny - 0.5)} (voxel centres above it are collector).</li>
 * </ul>
 * Interfacial voids are stepped lenses inside the bottom lithium touching the stripping plane:
 * void site j (drawn once from the seed, footprints {@code voidGapUm} apart) nucleates at step
 * {@code floor(j * steps / voids)}; at step s its radius is {@code R (0.4 + 0.6 g)} and its depth
 * {@code H (0.5 + 0.5 g)} slices with g growing linearly from 0 at nucleation to 1 at the last
 * step. Every column whose centre is within the radius loses the
 * {@code max(2, round(depth * sqrt(1 - rho^2 / r^2)))} lithium slices below the plane (whole
 * voxels, so the void's faces are voxel faces). Bulk pores are balls in the electrolyte whose
 * lowest point is {@code poreGapSlices} slices above the stripping plane; they move with the
 * electrolyte and never touch the lithium.
 *
 * <p>Labels (U8, {@link #PHASES}): 0 void (interfacial voids and bulk pores), 1 electrolyte,
 * 2 lithium, 3 collector, 4 interphase. Grey (U16): each label's mean grey, blurred with a
 * Gaussian of {@code blurSigmaVox} voxels along every axis (edges clamped), plus seeded
 * Gaussian noise of {@code noiseSigma} grey levels (one stream per step and slice).
 */
public final class OperandoCell {

    /** Label values. */
    public static final int VOID = 0;
    /** Electrolyte label. */
    public static final int ELECTROLYTE = 1;
    /** Lithium label. */
    public static final int LITHIUM = 2;
    /** Current-collector label. */
    public static final int COLLECTOR = 3;
    /** Interphase label. */
    public static final int INTERPHASE = 4;

    /** Phase names: 0 void, 1 electrolyte, 2 lithium, 3 collector, 4 interphase. */
    public static final PhaseTable PHASES = PhaseTable.of(Map.of(VOID, "void", ELECTROLYTE, "electrolyte", LITHIUM,
            "lithium", COLLECTOR, "collector", INTERPHASE, "interphase"));

    /** Voxels nearest the electrolyte examined by the contact definition of the truth (paper 003: 5). */
    public static final int CONTACT_BOTTOM_VOX = 5;

    private OperandoCell() {
    }

    /**
     * Generator settings.
     *
     * @param dims                    volume size in voxels; z is the stack axis
     * @param spacing                 voxel size in um (anisotropic allowed)
     * @param collectorSlices         mean bottom collector thickness in slices, &gt;= 2
     * @param collectorTiltSlices     height difference of each collector face across the volume, slices, 0..4
     * @param bottomLiSlices          bottom lithium thickness at step 0, slices
     * @param electrolyteSlices       electrolyte (with interphase) thickness, slices
     * @param topLiSlices             top lithium thickness at step 0, slices
     * @param steps                   time steps, 1..1000
     * @param strippingSlicesPerStep  bottom lithium removed per step, slices, &gt;= 0
     * @param platingSlicesPerStep    top lithium added per step, slices, &gt;= 0
     * @param interphaseSlicesPerStep interphase thickness added per step, slices, &gt;= 0
     * @param voids                   interfacial void sites at the stripping interface, &gt;= 0
     * @param voidRadiusUm            largest final void radius in um (drawn in [0.6, 1] times this)
     * @param voidDepthSlices         largest final void depth in slices (drawn in [0.7, 1] times this), &gt;= 2
     * @param voidGapUm               smallest in-plane gap between void footprints, um
     * @param pores                   bulk pores in the electrolyte next to the stripping interface, &gt;= 0
     * @param poreRadiusUm            pore radius in um
     * @param poreGapSlices           slices of electrolyte between the stripping plane and each pore, &gt;= 1
     * @param greys                   mean grey per label (void, electrolyte, lithium, collector, interphase), 0..65535
     * @param blurSigmaVox            Gaussian blur standard deviation in voxels, 0..3
     * @param noiseSigma              noise standard deviation in grey levels, &gt;= 0
     */
    public record Config(Dims dims, Spacing spacing, double collectorSlices, double collectorTiltSlices, int bottomLiSlices,
                         int electrolyteSlices, int topLiSlices, int steps, int strippingSlicesPerStep,
                         int platingSlicesPerStep, int interphaseSlicesPerStep, int voids, double voidRadiusUm,
                         int voidDepthSlices, double voidGapUm, int pores, double poreRadiusUm, int poreGapSlices,
                         double[] greys, double blurSigmaVox, double noiseSigma) {
        /** Validates every value; throws {@link ParameterException} naming the bad one. */
        public Config {
            Check.required("dims", dims);
            Check.required("spacing", spacing);
            Check.atLeast("collectorSlices", collectorSlices, 2);
            Check.range("collectorTiltSlices", collectorTiltSlices, 0, 4);
            Check.range("steps", steps, 1, 1000);
            Check.range("strippingSlicesPerStep", strippingSlicesPerStep, 0, 1000);
            Check.range("platingSlicesPerStep", platingSlicesPerStep, 0, 1000);
            Check.range("interphaseSlicesPerStep", interphaseSlicesPerStep, 0, 1000);
            Check.range("voids", voids, 0, 10_000);
            Check.greater("voidRadiusUm", voidRadiusUm, 0);
            Check.range("voidDepthSlices", voidDepthSlices, 2, 1000);
            Check.atLeast("voidGapUm", voidGapUm, 0);
            Check.range("pores", pores, 0, 10_000);
            Check.greater("poreRadiusUm", poreRadiusUm, 0);
            Check.range("poreGapSlices", poreGapSlices, 1, 1000);
            Check.range("blurSigmaVox", blurSigmaVox, 0, 3);
            Check.atLeast("noiseSigma", noiseSigma, 0);
            Check.required("greys", greys);
            if (greys.length != 5) {
                throw new ParameterException("greys must hold 5 values (void, electrolyte, lithium, collector, interphase), got "
                        + greys.length);
            }
            for (double g : greys) {
                Check.range("greys", g, 0, 65535);
            }
            greys = greys.clone();
            int last = steps - 1;
            int minBottom = bottomLiSlices - last * strippingSlicesPerStep;
            if (minBottom < voidDepthSlices + 3 + (int) Math.ceil(collectorTiltSlices)) {
                throw new ParameterException("bottomLiSlices must leave at least voidDepthSlices + 3 + tilt slices of lithium at the "
                        + "last step, got " + minBottom + " slices left");
            }
            Check.range("topLiSlices", topLiSlices, 2 + (int) Math.ceil(collectorTiltSlices), 100_000);
            int poreSlices = (int) Math.ceil(2 * poreRadiusUm / spacing.z());
            if (electrolyteSlices < poreGapSlices + poreSlices + 2 + last * interphaseSlicesPerStep) {
                throw new ParameterException("electrolyteSlices must hold the pores, their gap and the interphase, got "
                        + electrolyteSlices);
            }
            int top = (int) Math.ceil(collectorSlices + bottomLiSlices + electrolyteSlices + topLiSlices
                    + last * Math.max(0, platingSlicesPerStep - strippingSlicesPerStep) + collectorTiltSlices) + 2;
            if (dims.nz() < top) {
                throw new ParameterException("dims.nz must be >= " + top + " to hold the stack and a top collector, got " + dims.nz());
            }
        }

        /** Stripping plane (first electrolyte slice) at step s. */
        public int strippingPlane(int s) {
            return (int) Math.round(collectorSlices) + bottomLiSlices - s * strippingSlicesPerStep;
        }

        /** Plating plane (first top-lithium slice) at step s. */
        public int platingPlane(int s) {
            return strippingPlane(s) + electrolyteSlices;
        }

        /** Top collector reference plane at step s (the face before tilt). */
        public int topCollectorPlane(int s) {
            return platingPlane(s) + topLiSlices + s * platingSlicesPerStep;
        }
    }

    /**
     * The answer for one electrode at one step. Per-column arrays are indexed {@code x + nx * y}.
     *
     * @param electrode          "bottom" (stripping) or "top" (plating)
     * @param collectorFace      per column, the slice boundary between collector and electrode: for the
     *                           bottom the first non-collector slice, for the top one past the last
     *                           non-collector slice
     * @param interfaceFace      per column, the slice boundary between electrode (lithium or void) and
     *                           electrolyte/interphase: bottom one past the last electrode slice, top the first
     * @param lithiumVoxels      lithium voxels of this electrode
     * @param lithiumVolumeUm3   lithiumVoxels times the voxel volume
     * @param voidVoxels         interfacial void voxels of this electrode
     * @param voidVolumeUm3      voidVoxels times the voxel volume
     * @param contactColumns     columns with lithium and no void among the {@link #CONTACT_BOTTOM_VOX}
     *                           electrode voxels nearest the electrolyte
     * @param contactFraction    contactColumns / columns with lithium
     * @param contactAreaUm2     contactColumns * sx * sy
     * @param collectorZUm       mean collector face height, um
     * @param interfaceZUm       mean interface height, um
     * @param thicknessUm        mean electrode thickness |interface - collector|, um
     * @param lithiumThicknessUm mean lithium voxels per column times sz, um
     */
    public record Electrode(String electrode, int[] collectorFace, int[] interfaceFace, long lithiumVoxels,
                            double lithiumVolumeUm3, long voidVoxels, double voidVolumeUm3, long contactColumns,
                            double contactFraction, double contactAreaUm2, double collectorZUm, double interfaceZUm,
                            double thicknessUm, double lithiumThicknessUm) {
    }

    /**
     * The known answer for one step.
     *
     * @param step                step index
     * @param bottom              the stripping electrode
     * @param top                 the plating electrode
     * @param bulkPoreVoxels      void voxels in the electrolyte (bulk pores)
     * @param bulkPoreVolumeUm3   bulkPoreVoxels times the voxel volume
     * @param interphaseVoxels    interphase voxels
     * @param interphaseVolumeUm3 interphaseVoxels times the voxel volume
     * @param stackThicknessUm    mean over columns of top collector face minus bottom collector face, um
     * @param strippingPlane      stripping interface slice boundary
     * @param platingPlane        plating interface slice boundary (bottom face of the top lithium)
     */
    public record Truth(int step, Electrode bottom, Electrode top, long bulkPoreVoxels, double bulkPoreVolumeUm3,
                       long interphaseVoxels, double interphaseVolumeUm3, double stackThicknessUm, int strippingPlane,
                       int platingPlane) {
    }

    /**
     * One time step; close it to free the volumes.
     *
     * @param index  step index
     * @param labels U8 labels ({@link #PHASES})
     * @param grey   U16 blurred, noisy grey image
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

    private record Site(double cx, double cy, double r, double depth, int nucleation) {
    }

    private record Pore(double cx, double cy, double r) {
    }

    /** Generates step {@code step} alone (identical to element {@code step} of {@link #series}). */
    public static Step step(Config config, int step, long seed) {
        Check.range("step", step, 0, config.steps() - 1);
        return render(config, step, sites(config, seed), pores(config, seed), seed);
    }

    /** Generates every step in order; the caller closes each. Same seed, byte-identical volumes. */
    public static List<Step> series(Config config, long seed) {
        List<Site> sites = sites(config, seed);
        List<Pore> pores = pores(config, seed);
        List<Step> out = new ArrayList<>();
        for (int k = 0; k < config.steps(); k++) {
            out.add(render(config, k, sites, pores, seed));
        }
        return out;
    }

    private static List<Site> sites(Config c, long seed) {
        SplittableRandom rnd = new SplittableRandom(Seeds.derive(seed, 11, 0));
        double lx = c.dims().nx() * c.spacing().x();
        double ly = c.dims().ny() * c.spacing().y();
        Placement p = new Placement();
        List<Site> out = new ArrayList<>();
        for (int j = 0; j < c.voids(); j++) {
            double r = c.voidRadiusUm() * Seeds.uniform(rnd, 0.6, 1);
            double h = c.voidDepthSlices() * Seeds.uniform(rnd, 0.7, 1);
            double[] xy = place(p, rnd, lx, ly, r, c.voidGapUm(), "void", j, c.voids());
            out.add(new Site(xy[0], xy[1], r, h, (int) ((long) j * c.steps() / c.voids())));
        }
        return out;
    }

    private static List<Pore> pores(Config c, long seed) {
        SplittableRandom rnd = new SplittableRandom(Seeds.derive(seed, 12, 0));
        double lx = c.dims().nx() * c.spacing().x();
        double ly = c.dims().ny() * c.spacing().y();
        Placement p = new Placement();
        List<Pore> out = new ArrayList<>();
        for (int j = 0; j < c.pores(); j++) {
            double[] xy = place(p, rnd, lx, ly, c.poreRadiusUm(), 2 * c.poreRadiusUm(), "pore", j, c.pores());
            out.add(new Pore(xy[0], xy[1], c.poreRadiusUm()));
        }
        return out;
    }

    private static double[] place(Placement p, SplittableRandom rnd, double lx, double ly, double r, double gap, String what,
                                  int j, int n) {
        if (2 * r + 2 > Math.min(lx, ly)) {
            throw new ParameterException(what + " radius " + r + " um does not fit in the " + lx + " x " + ly + " um cross-section");
        }
        double[] xy = p.place(rnd, new double[] {r + 1, r + 1, 0}, new double[] {lx - r - 1, ly - r - 1, 0}, r, gap);
        if (xy == null) {
            throw new ParameterException("could not place " + what + " " + (j + 1) + " of " + n + " without overlap after "
                    + Placement.MAX_ATTEMPTS + " attempts: use fewer or smaller ones or a larger cross-section");
        }
        return xy;
    }

    private static Step render(Config c, int s, List<Site> sites, List<Pore> pores, long seed) {
        Dims d = c.dims();
        Spacing sp = c.spacing();
        int nx = d.nx();
        int ny = d.ny();
        int nz = d.nz();
        int cols = nx * ny;
        int zb = c.strippingPlane(s);
        int zt = c.platingPlane(s);
        int ztc = c.topCollectorPlane(s);
        int iph = s * c.interphaseSlicesPerStep();
        // per-column layer boundaries
        int[] bcFace = new int[cols];
        int[] tcFace = new int[cols];
        int[] voidDepth = new int[cols];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                int col = x + nx * y;
                double fb = c.collectorSlices() + c.collectorTiltSlices() * ((x + 0.5) / nx - 0.5);
                bcFace[col] = (int) Math.ceil(fb - 0.5); // slices k with k + 0.5 < fb are collector
                double ft = ztc + c.collectorTiltSlices() * ((y + 0.5) / ny - 0.5);
                tcFace[col] = (int) Math.floor(ft - 0.5) + 1; // slices k with k + 0.5 <= ft are not collector
            }
        }
        for (Site site : sites) {
            if (site.nucleation() > s) {
                continue;
            }
            int span = c.steps() - 1 - site.nucleation();
            double g = span == 0 ? 1 : (double) (s - site.nucleation()) / span;
            double r = site.r() * (0.4 + 0.6 * g);
            double h = site.depth() * (0.5 + 0.5 * g);
            for (int y = 0; y < ny; y++) {
                double dy = (y + 0.5) * sp.y() - site.cy();
                for (int x = 0; x < nx; x++) {
                    double dx = (x + 0.5) * sp.x() - site.cx();
                    double rho2 = dx * dx + dy * dy;
                    if (rho2 < r * r) {
                        int depth = Math.max(2, (int) Math.round(h * Math.sqrt(1 - rho2 / (r * r))));
                        voidDepth[x + nx * y] = Math.max(voidDepth[x + nx * y], depth);
                    }
                }
            }
        }
        byte[] lab = new byte[(int) d.voxels()];
        for (int k = 0; k < nz; k++) {
            int base = k * cols;
            for (int col = 0; col < cols; col++) {
                int v;
                if (k < bcFace[col] || k >= tcFace[col]) {
                    v = COLLECTOR;
                } else if (k < zb) {
                    v = k >= zb - voidDepth[col] ? VOID : LITHIUM;
                } else if (k < zt) {
                    v = k >= zt - iph ? INTERPHASE : ELECTROLYTE;
                } else {
                    v = LITHIUM;
                }
                lab[base + col] = (byte) v;
            }
        }
        long poreVoxels = 0;
        for (Pore p : pores) {
            double cz = (zb + c.poreGapSlices()) * sp.z() + p.r();
            int k0 = Math.max(0, (int) Math.floor((cz - p.r()) / sp.z()));
            int k1 = Math.min(nz - 1, (int) Math.ceil((cz + p.r()) / sp.z()));
            for (int k = k0; k <= k1; k++) {
                double dz = (k + 0.5) * sp.z() - cz;
                for (int y = 0; y < ny; y++) {
                    double dy = (y + 0.5) * sp.y() - p.cy();
                    for (int x = 0; x < nx; x++) {
                        double dx = (x + 0.5) * sp.x() - p.cx();
                        int i = k * cols + x + nx * y;
                        if (dx * dx + dy * dy + dz * dz <= p.r() * p.r() && lab[i] == ELECTROLYTE) {
                            lab[i] = VOID;
                            poreVoxels++;
                        }
                    }
                }
            }
        }
        Volume labels = Volume.allocate(d, DataType.U8, sp);
        labels.write(0, lab, 0, lab.length);
        Volume grey = Volume.allocate(d, DataType.U16, sp);
        renderGrey(lab, d, c.greys(), c.blurSigmaVox(), c.noiseSigma(), seed, s, grey);
        Truth truth = truth(c, s, lab, bcFace, tcFace, zb, zt, poreVoxels);
        return new Step(s, labels, grey, truth);
    }

    private static Truth truth(Config c, int s, byte[] lab, int[] bcFace, int[] tcFace, int zb, int zt, long poreVoxels) {
        Dims d = c.dims();
        Spacing sp = c.spacing();
        int cols = d.nx() * d.ny();
        long interphase = 0;
        for (byte b : lab) {
            interphase += b == INTERPHASE ? 1 : 0;
        }
        int[] bInterface = new int[cols];
        int[] tInterface = new int[cols];
        java.util.Arrays.fill(bInterface, zb);
        java.util.Arrays.fill(tInterface, zt);
        Electrode bottom = electrode("bottom", c, lab, bcFace, bInterface, true);
        Electrode top = electrode("top", c, lab, tcFace, tInterface, false);
        double stack = 0;
        for (int col = 0; col < cols; col++) {
            stack += tcFace[col] - bcFace[col];
        }
        double vv = sp.voxelVolumeUm3();
        return new Truth(s, bottom, top, poreVoxels, poreVoxels * vv, interphase, interphase * vv, stack / cols * sp.z(), zb, zt);
    }

    private static Electrode electrode(String name, Config c, byte[] lab, int[] collector, int[] iface, boolean bottom) {
        Dims d = c.dims();
        Spacing sp = c.spacing();
        int cols = d.nx() * d.ny();
        long li = 0;
        long voids = 0;
        long contact = 0;
        long withLi = 0;
        double collectorSum = 0;
        double ifaceSum = 0;
        double thick = 0;
        for (int col = 0; col < cols; col++) {
            int lo = bottom ? collector[col] : iface[col];
            int hi = bottom ? iface[col] : collector[col];
            long colLi = 0;
            for (int k = lo; k < hi; k++) {
                int v = lab[k * cols + col];
                colLi += v == LITHIUM ? 1 : 0;
                voids += v == VOID ? 1 : 0;
            }
            li += colLi;
            if (colLi > 0) {
                withLi++;
                boolean touching = true;
                for (int m = 0; m < CONTACT_BOTTOM_VOX && m < hi - lo; m++) {
                    int k = bottom ? hi - 1 - m : lo + m;
                    touching &= lab[k * cols + col] != VOID;
                }
                contact += touching ? 1 : 0;
            }
            collectorSum += collector[col];
            ifaceSum += iface[col];
            thick += hi - lo;
        }
        double vv = sp.voxelVolumeUm3();
        return new Electrode(name, collector, iface, li, li * vv, voids, voids * vv, contact,
                withLi == 0 ? 0 : (double) contact / withLi, contact * sp.x() * sp.y(), collectorSum / cols * sp.z(),
                ifaceSum / cols * sp.z(), thick / cols * sp.z(), (double) li / cols * sp.z());
    }

    private static void renderGrey(byte[] lab, Dims d, double[] greys, double sigma, double noise, long seed, int step,
                                   Volume grey) {
        int nx = d.nx();
        int ny = d.ny();
        int nz = d.nz();
        int cols = nx * ny;
        float[] a = new float[lab.length];
        for (int i = 0; i < lab.length; i++) {
            a[i] = (float) greys[lab[i]];
        }
        if (sigma > 0) {
            float[] w = kernel(sigma);
            float[] b = new float[a.length];
            // x then y within slices (parallel over slices), then z (parallel over rows)
            Parallel.forEach(nz, k -> {
                float[] line = new float[Math.max(nx, ny)];
                float[] out = new float[Math.max(nx, ny)];
                for (int y = 0; y < ny; y++) {
                    int base = k * cols + y * nx;
                    System.arraycopy(a, base, line, 0, nx);
                    convolve(line, nx, w, out);
                    System.arraycopy(out, 0, b, base, nx);
                }
                for (int x = 0; x < nx; x++) {
                    for (int y = 0; y < ny; y++) {
                        line[y] = b[k * cols + y * nx + x];
                    }
                    convolve(line, ny, w, out);
                    for (int y = 0; y < ny; y++) {
                        b[k * cols + y * nx + x] = out[y];
                    }
                }
            });
            Parallel.forEach(ny, y -> {
                float[] line = new float[nz];
                float[] out = new float[nz];
                for (int x = 0; x < nx; x++) {
                    for (int k = 0; k < nz; k++) {
                        line[k] = b[k * cols + y * nx + x];
                    }
                    convolve(line, nz, w, out);
                    for (int k = 0; k < nz; k++) {
                        a[k * cols + y * nx + x] = out[k];
                    }
                }
            });
        }
        Parallel.forEach(nz, k -> {
            Seeds.Gaussian g = new Seeds.Gaussian(new SplittableRandom(Seeds.derive(seed, 2000L + step, k)));
            int base = k * cols;
            if (noise > 0) {
                for (int i = base; i < base + cols; i++) {
                    a[i] += (float) (noise * g.next());
                }
            }
            grey.write(base, a, base, cols);
        });
    }

    private static float[] kernel(double sigma) {
        int r = (int) Math.ceil(4 * sigma);
        float[] w = new float[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            sum += Math.exp(-0.5 * i * i / (sigma * sigma));
        }
        for (int i = -r; i <= r; i++) {
            w[i + r] = (float) (Math.exp(-0.5 * i * i / (sigma * sigma)) / sum);
        }
        return w;
    }

    private static void convolve(float[] in, int n, float[] w, float[] out) {
        int r = w.length / 2;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = -r; j <= r; j++) {
                int k = Math.min(n - 1, Math.max(0, i + j));
                s += w[j + r] * in[k];
            }
            out[i] = (float) s;
        }
    }
}
