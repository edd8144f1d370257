package org.tomolyte.image.threshold;

import java.util.List;
import java.util.Map;
import org.tomolyte.core.DataType;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;
import org.tomolyte.image.histogram.Histogram;

/**
 * {@code threshold.global}: one threshold for the whole volume, applied identically to every
 * scan of a series (paper 001: "identical thresholding across scans" is done by giving
 * {@code method: manual} with the value found once).
 *
 * <p>Methods and outputs:
 * <ul>
 * <li>{@code manual}, {@code otsu}, {@code li}, {@code triangle}: one threshold {@code t}; the
 * output {@code mask} is U8, 1 where {@code select} holds ({@code above}: v &gt; t, {@code below}:
 * v &lt;= t), 0 elsewhere; metric {@code threshold}. Otsu, Li and triangle equal scikit-image
 * 0.19's {@code threshold_otsu}, {@code threshold_li} and {@code threshold_triangle(nbins=bins)}.</li>
 * <li>{@code multi_otsu}: {@code classes - 1} thresholds equal to scikit-image's
 * {@code threshold_multiotsu(image, classes, nbins=bins)}; the output {@code mask} is a U8 label
 * volume 0..classes-1, the label being the number of thresholds below the voxel value
 * ({@code v > t}, as for one threshold; numpy's {@code digitize(v, t, right=True)}, see
 * {@link Thresholds#classify}); {@code select} does not apply; metrics {@code thresholds: {t1, t2, ...}}
 * (increasing) and {@code classes}.</li>
 * </ul>
 * Histograms follow scikit-image: integer images one bin per grey value, float images
 * {@code bins} equal bins over [min, max] (see {@link Histogram}). Parameter version 1: the
 * methods added later did not change the meaning of any existing parameter, and {@code manual}
 * and {@code otsu} give the same masks and metrics as before.
 */
public final class GlobalThresholdOp implements Op<GlobalThresholdOp.Params> {

    /** How the threshold is chosen. */
    public enum Method {
        /** The given {@code value}. */
        MANUAL,
        /** Otsu's method, identical to scikit-image's {@code threshold_otsu}. */
        OTSU,
        /** Multi-level Otsu into {@code classes} classes ({@link MultiOtsu}); output is a label volume. */
        MULTI_OTSU,
        /** Li's minimum cross-entropy method ({@link LiThreshold}). */
        LI,
        /** The triangle method ({@link Thresholds#triangle}). */
        TRIANGLE
    }

    /**
     * Parameters of {@code threshold.global}.
     *
     * @param method       manual, otsu, multi_otsu, li or triangle
     * @param value        the threshold for manual (grey value)
     * @param select       above (v &gt; t) or below (v &lt;= t) becomes 1; not used by multi_otsu
     * @param bins         histogram bins for float images (integer images use one bin per value)
     * @param classes      number of classes for multi_otsu, 2..5 (default 3)
     * @param tolerance    li: stop when the threshold moves by at most this (grey value); default
     *                     0.5 for integer images, half the smallest gap between grey values for
     *                     float images
     * @param initialGuess li: start of the iteration (grey value inside the image range); default
     *                     the image mean
     */
    public record Params(
            @Param(doc = "manual: use value; otsu, multi_otsu, li, triangle: as scikit-image threshold_otsu, "
                    + "threshold_multiotsu, threshold_li, threshold_triangle") Method method,
            @Param(doc = "threshold grey value for method manual", optional = true) Double value,
            @Param(doc = "above: voxels > threshold become 1; below: voxels <= threshold become 1 (not used by multi_otsu)",
                    defaultValue = "above") Select select,
            @Param(doc = "histogram bins for float images (integer images use one bin per grey value, as scikit-image)",
                    defaultValue = "256", min = 2, max = 1 << 20) int bins,
            @Param(doc = "multi_otsu: number of classes; output labels 0..classes-1 (default 3)", optional = true, min = 2, max = 5)
            Integer classes,
            @Param(doc = "li: stop when the threshold changes by at most this; default 0.5 for integer images, "
                    + "half the smallest gap between grey values for float images", optional = true, min = 0, minExclusive = true)
            Double tolerance,
            @Param(doc = "li: grey value the iteration starts from, strictly inside the image range; default the image mean",
                    optional = true) Double initialGuess) {
        public Params {
            if (method == null) {
                throw new ParameterException("method is required (manual|otsu|multi_otsu|li|triangle)");
            }
            String m = method.name().toLowerCase(java.util.Locale.ROOT);
            if (method == Method.MANUAL && (value == null || !Double.isFinite(value))) {
                throw new ParameterException("value must be a finite grey value for method manual, got " + value);
            }
            if (method != Method.MANUAL && value != null) {
                throw new ParameterException("value applies only to method manual, got value " + value + " with method " + m);
            }
            select = select == null ? Select.ABOVE : select;
            org.tomolyte.core.op.Check.range("bins", bins, 2, 1 << 20);
            if (classes != null) {
                if (method != Method.MULTI_OTSU) {
                    throw new ParameterException("classes applies only to method multi_otsu, got classes " + classes + " with method " + m);
                }
                org.tomolyte.core.op.Check.range("classes", classes, 2, 5);
            }
            if (method == Method.MULTI_OTSU && classes == null) {
                classes = 3;
            }
            if (method != Method.LI && (tolerance != null || initialGuess != null)) {
                throw new ParameterException((tolerance != null ? "tolerance" : "initial_guess") + " applies only to method li, got method " + m);
            }
            if (tolerance != null) {
                org.tomolyte.core.op.Check.greater("tolerance", tolerance, 0);
                org.tomolyte.core.op.Check.finite("tolerance", tolerance);
            }
            if (initialGuess != null) {
                org.tomolyte.core.op.Check.finite("initial_guess", initialGuess);
            }
        }
    }

    @Override
    public String id() {
        return "threshold.global";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "One global grey-value threshold (manual, Otsu, Li, triangle) giving a 0/1 mask, or multi-Otsu class labels";
    }

    @Override
    public String reference() {
        return "N. Otsu, IEEE Trans. Syst. Man Cybern. 9 (1979) 62-66; P.-S. Liao et al., J. Inf. Sci. Eng. 17 (2001) 713-727; "
                + "C.H. Li, P.K.S. Tam, Pattern Recognit. Lett. 18 (1998) 771-776; G.W. Zack et al., J. Histochem. Cytochem. 25 (1977) "
                + "741-753; scikit-image 0.19 threshold_otsu/threshold_multiotsu/threshold_li/threshold_triangle";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("image", "grey image"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.volume("mask", "u8 mask: 1 selected, 0 not; for multi_otsu u8 class labels 0..classes-1"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec v = (DataSpec.VolumeSpec) in.get("image");
        return Map.of("mask", new DataSpec.VolumeSpec(v.dims(), DataType.U8, v.spacing()));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        var image = in.volume("image");
        if (p.method() == Method.MULTI_OTSU) {
            double[] t = MultiOtsu.thresholds(Histogram.of(image, p.bins()), p.classes());
            OpResult r = new OpResult().volume("mask", Thresholds.classify(image, t, ctx.progress()));
            var g = r.metrics().group("thresholds");
            for (int k = 0; k < t.length; k++) {
                putThreshold(g, "t" + (k + 1), t[k], image.type().isInteger());
            }
            r.metrics().put("classes", (long) p.classes());
            return r;
        }
        double t = switch (p.method()) {
            case MANUAL -> p.value();
            case OTSU -> Thresholds.otsu(Histogram.of(image, p.bins()));
            case LI -> LiThreshold.threshold(image, p.tolerance(), p.initialGuess());
            case TRIANGLE -> Thresholds.triangle(Histogram.of(image, p.bins()));
            case MULTI_OTSU -> throw new org.tomolyte.core.InternalException("multi_otsu is handled before single thresholds");
        };
        OpResult r = new OpResult().volume("mask", Thresholds.apply(image, t, p.select(), ctx.progress()));
        putThreshold(r.metrics(), "threshold", t, image.type().isInteger());
        return r;
    }

    private static void putThreshold(org.tomolyte.core.op.Metrics m, String key, double t, boolean integerImage) {
        if (integerImage && t == Math.rint(t)) {
            m.put(key, (long) t);
        } else {
            m.put(key, t);
        }
    }
}
