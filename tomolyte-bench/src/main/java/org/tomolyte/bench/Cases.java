package org.tomolyte.bench;

import static org.tomolyte.bench.BenchPhantom.SPACING_UM;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tomolyte.core.ParameterException;

/**
 * The catalogue of comparison cases: every op of issue 3 with the peer call that computes the
 * same, and the floors the issue sets (on 2 threads, at 512^3): Gaussian &gt;= 5x scipy and
 * &gt;= 3x ImageJ, median &gt;= 20x scipy and &gt;= 15x ImageJ, Otsu + binarise &gt;= 3x,
 * labelling &gt;= 3x, small-object removal &gt;= 4x, EDT &gt;= 20x scipy with peak memory
 * &lt;= input + 5 bytes/voxel.
 *
 * <p>The phantom has isotropic {@value BenchPhantom#SPACING_UM} um voxels, so a length of one
 * voxel is written {@code SPACING_UM} in Tomolyte's physical parameters and 1 in the peers'.
 */
public final class Cases {

    /** Objects smaller than this many voxels are removed by the {@code remove_small} case. */
    public static final int SMALL_OBJECT_VOXELS = 64;

    /** skimage's imports, shared by several peers. */
    private static final String SKIMAGE = "from skimage import filters, measure, morphology, restoration";
    private static final String SCIPY = "from scipy import ndimage";

    /**
     * The local-thickness peer: Debian has no local-thickness package, so this is the method of
     * porespy's {@code filters.local_thickness} written with scipy: for 25 radii r from the largest
     * distance down to one voxel, the voxels within r of a voxel whose distance is at least r
     * ({@code edt(~(dt >= r)) < r}) that have no value yet get 2r. It computes 25 levels where
     * Tomolyte's op is exact (every distinct radius), so it does less work than the op.
     */
    static final String LOCAL_THICKNESS_PEER = SCIPY + """

            def local_thickness(im, sampling, levels=25):
                dt = ndimage.distance_transform_edt(im, sampling=sampling)
                out = np.zeros(im.shape, np.float32)
                for r in np.linspace(dt.max(), min(sampling), levels):
                    seeds = dt >= r
                    cover = ndimage.distance_transform_edt(~seeds, sampling=sampling) < r
                    out[cover & im & (out == 0)] = 2 * r
                return out""";

    private static final List<Case> ALL = build();

    private Cases() {
    }

    /** Every case, in table order. */
    public static List<Case> all() {
        return ALL;
    }

    /** The case called {@code name}. */
    public static Case byName(String name) {
        for (Case c : ALL) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new ParameterException("unknown case '" + name + "'; known: " + names());
    }

    /** The cases named, in the order given; all cases when {@code names} is empty. */
    public static List<Case> select(List<String> names) {
        if (names.isEmpty()) {
            return ALL;
        }
        List<Case> out = new ArrayList<>();
        for (String n : names) {
            Case c = byName(n.trim());
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The case names joined with commas. */
    public static String names() {
        return String.join(", ", ALL.stream().map(Case::name).toList());
    }

    private static List<Case> build() {
        double nan = Double.NaN;
        double smallUm3 = SMALL_OBJECT_VOXELS * SPACING_UM * SPACING_UM * SPACING_UM;
        String ball2 = SCIPY + "\nfrom skimage.morphology import ball\nse = ball(2).astype(bool)";
        List<Case> l = new ArrayList<>();
        l.add(new Case("gaussian", "Gaussian filter, sigma 1 voxel, float32 out", InputKind.GREY, List.of(),
                List.of(Step.of("filter.gaussian", Map.of("sigma_um", SPACING_UM))),
                List.of(Peer.python("scipy", SCIPY, "r = ndimage.gaussian_filter(a, 1.0, output=np.float32)", 5),
                        Peer.imagej("run(\"32-bit\");", "run(\"Gaussian Blur 3D...\", \"x=1 y=1 z=1\");", 3)),
                nan));
        l.add(new Case("median", "median filter, 3x3x3 cube", InputKind.GREY, List.of(),
                List.of(Step.of("filter.median", Map.of("radius_vox", 1))),
                List.of(Peer.python("scipy", SCIPY, "r = ndimage.median_filter(a, size=3)", 20),
                        Peer.imagej("", "run(\"Median 3D...\", \"x=1.75 y=1.75 z=1.75\");", 15)),
                nan));
        l.add(new Case("mean", "mean filter, 3x3x3 cube", InputKind.GREY, List.of(),
                List.of(Step.of("filter.mean", Map.of("radius_vox", 1))),
                List.of(Peer.python("scipy", SCIPY, "r = ndimage.uniform_filter(a, size=3)", nan)),
                nan));
        l.add(new Case("nlm", "non-local means (default parameters)", InputKind.GREY, List.of(),
                List.of(Step.of("filter.nlm")),
                List.of(Peer.python("skimage", SKIMAGE + "\nsig = float(restoration.estimate_sigma(a))",
                        "r = restoration.denoise_nl_means(a, patch_size=3, patch_distance=2, h=0.8 * sig, fast_mode=True)", nan)
                        .upTo(256L * 256 * 256, "scikit-image's 3D NLM takes too long above 256^3: peer skipped")),
                nan));
        l.add(new Case("otsu", "Otsu threshold + binarise", InputKind.GREY, List.of(),
                List.of(Step.of("threshold.global", Map.of("method", "otsu", "select", "above"))),
                List.of(Peer.python("skimage", SKIMAGE, "r = a > filters.threshold_otsu(a)", 3)),
                nan));
        l.add(new Case("hysteresis", "hysteresis threshold, low 100, high 160 (u8 grey)", InputKind.GREY, List.of(),
                List.of(Step.of("threshold.hysteresis", Map.of("low", 100, "high", 160))),
                List.of(Peer.python("skimage", SKIMAGE, "r = filters.apply_hysteresis_threshold(a, 100, 160)", nan)),
                nan));
        for (String m : List.of("erode", "dilate", "open", "close")) {
            String fn = switch (m) {
                case "erode" -> "binary_erosion";
                case "dilate" -> "binary_dilation";
                case "open" -> "binary_opening";
                default -> "binary_closing";
            };
            l.add(new Case(m, "binary " + m + ", ball of radius 2 voxels", InputKind.SOLID, List.of(),
                    List.of(Step.of("morphology." + m, Map.of("radius_um", 2 * SPACING_UM))),
                    List.of(Peer.python("scipy", ball2, "r = ndimage." + fn + "(a, structure=se)", nan)),
                    nan));
        }
        l.add(new Case("fill_holes", "fill enclosed holes (pores) of the electrolyte mask", InputKind.SOLID, List.of(),
                List.of(Step.of("morphology.fill_holes")),
                List.of(Peer.python("scipy", SCIPY, "r = ndimage.binary_fill_holes(a)", nan)),
                nan));
        l.add(new Case("label", "26-connected labelling of the pores", InputKind.PORES, List.of(),
                List.of(Step.of("labels.connected", Map.of("connectivity", 26))),
                List.of(Peer.python("skimage", SKIMAGE, "r = measure.label(a, connectivity=3)", 3),
                        Peer.python("scipy", SCIPY, "r = ndimage.label(a, structure=np.ones((3, 3, 3)))[0]", 3)),
                nan));
        l.add(new Case("remove_small", "remove pores smaller than " + SMALL_OBJECT_VOXELS + " voxels (mask in: label + filter in one op)",
                InputKind.PORES, List.of(),
                List.of(Step.of("labels.filter", Map.of("min_volume_um3", smallUm3, "connectivity", 26))),
                List.of(Peer.python("skimage", SKIMAGE + "\nb = a.astype(bool)",
                        "r = morphology.remove_small_objects(b, min_size=" + SMALL_OBJECT_VOXELS + ", connectivity=3)", 4)),
                nan));
        l.add(new Case("properties", "region properties of the 26-connected pores", InputKind.PORES,
                List.of(Step.of("labels.connected", Map.of("connectivity", 26))),
                List.of(Step.of("labels.properties")),
                List.of(Peer.python("skimage", SKIMAGE + "\nlab = measure.label(a, connectivity=3)",
                        "r = measure.regionprops_table(lab, properties=('label', 'area', 'centroid', 'bbox', "
                                + "'equivalent_diameter', 'inertia_tensor_eigvals'))", nan)),
                nan));
        l.add(new Case("edt", "exact Euclidean distance of the electrolyte to the nearest pore", InputKind.SOLID, List.of(),
                List.of(Step.of("distance.edt", Map.of("to", "background"))),
                List.of(Peer.python("scipy", SCIPY, "r = ndimage.distance_transform_edt(a, sampling=spacing)", 20)
                        .upTo(512L * 512 * 512, "scipy's EDT needs more than 22 GB above 512^3 (issue 3): peer skipped")),
                5));
        l.add(new Case("local_thickness", "local thickness of the pores, exact (peer: porespy-style scipy, 25 radii)", InputKind.PORES,
                List.of(), List.of(Step.of("psd.local_thickness")),
                List.of(Peer.python("scipy", LOCAL_THICKNESS_PEER, "r = local_thickness(a.astype(bool), spacing)", nan)),
                nan));
        l.add(new Case("resample", "resample to half the voxels per axis, linear", InputKind.GREY, List.of(),
                List.of(Step.of("volume.resample", Map.of("scale", 0.5, "interpolation", "linear"))),
                List.of(Peer.python("scipy", SCIPY, "r = ndimage.zoom(a, 0.5, order=1)", nan)),
                nan));
        l.add(new Case("tilt_correct", "FIB-SEM tilt correction, 52 degrees (y scaled by 1/sin 52)", InputKind.GREY, List.of(),
                List.of(Step.of("volume.tilt_correct", Map.of("angle_deg", 52))),
                List.of(Peer.python("scipy", SCIPY, "r = ndimage.zoom(a, (1, 1 / np.sin(np.radians(52)), 1), order=1)", nan)),
                nan));
        l.add(new Case("histogram", "grey histogram, 256 bins", InputKind.GREY, List.of(),
                List.of(Step.of("measure.histogram", Map.of("bins", 256))),
                List.of(Peer.python("numpy", "", "r = np.bincount(a.ravel(), minlength=256)", nan)),
                nan));
        l.add(new Case("fractions", "phase fractions of the pore mask", InputKind.PORES, List.of(),
                List.of(Step.of("phases.fractions")),
                List.of(Peer.python("numpy", "", "r = np.bincount(a.ravel(), minlength=2) / a.size", nan)),
                nan));
        int block = (int) Math.round(30 / SPACING_UM);
        l.add(new Case("porosity_factor", "porosity factor d = Phi/Phi0 - 1 of 30 um cubes (paper 001 Eq. 3)", InputKind.PORES, List.of(),
                List.of(Step.of("porosity.factor", Map.of("block_um", 30))),
                List.of(Peer.python("numpy", "", """
                        c = %d
                        nz, ny, nx = a.shape
                        m = a[:nz // c * c, :ny // c * c, :nx // c * c].reshape(nz // c, c, ny // c, c, nx // c, c).mean(axis=(1, 3, 5))
                        r = m / np.count_nonzero(a) * a.size - 1""".formatted(block), nan)),
                nan));
        l.add(new Case("rev", "REV: porosity of the centred and 20 random cubes of 10, 20, 40, 80, 160 um (needs >= 229 voxels per axis)", InputKind.PORES, List.of(),
                List.of(Step.of("porosity.rev", Map.of("sizes_um", List.of(10, 20, 40, 80, 160), "samples", 20, "seed", 1))),
                List.of(Peer.python("numpy", "", """
                        rng = np.random.default_rng(1)
                        n = np.array(a.shape)
                        r = []
                        for s in (10, 20, 40, 80, 160):
                            c = int(round(s / spacing[0]))
                            for k in range(21):
                                o = (n - c) // 2 if k == 0 else rng.integers(0, n - c + 1)
                                r.append(np.count_nonzero(a[o[0]:o[0] + c, o[1]:o[1] + c, o[2]:o[2] + c]) / c ** 3)""", nan)),
                nan));
        l.add(new Case("convert", "u8 to f32, values kept", InputKind.GREY, List.of(),
                List.of(Step.of("volume.convert", Map.of("type", "f32"))),
                List.of(Peer.python("numpy", "", "r = a.astype(np.float32)", nan)),
                nan));
        // issue 4 (analysis): tortuosity has no peer installed (TauFactor needs PyTorch); real-data timings on TauFactor's
        // volumes are measured by TauFactorBench
        l.add(new Case("tortuosity", "tortuosity factor of the electrolyte along z (multigrid-preconditioned CG)", InputKind.SOLID,
                List.of(), List.of(Step.of("tortuosity.factor", Map.of("phase", 1, "axis", "z"))), List.of(), nan));
        l.add(new Case("surface_faces", "surface area of pores and electrolyte by face counting", InputKind.PORES, List.of(),
                List.of(Step.of("surface.area", Map.of("method", "faces"))),
                List.of(Peer.python("numpy", "", "r = [int((a[1:] != a[:-1]).sum()), int((a[:, 1:] != a[:, :-1]).sum()), "
                        + "int((a[:, :, 1:] != a[:, :, :-1]).sum())]", nan)),
                nan));
        l.add(new Case("surface_mc", "surface area of the pores by marching cubes", InputKind.PORES, List.of(),
                List.of(Step.of("surface.area", Map.of("method", "marching_cubes"))),
                List.of(Peer.python("skimage", SKIMAGE, "v, f, _, _ = measure.marching_cubes(a.astype(np.float32), 0.5, method='lewiner')\n"
                        + "r = measure.mesh_surface_area(v, f)", nan)),
                nan));
        return List.copyOf(l);
    }
}
