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
 */
public final class GlobalThresholdOp implements Op<GlobalThresholdOp.Params> {

    /** How the threshold is chosen. */
    public enum Method {
        /** The given {@code value}. */
        MANUAL,
        /** Otsu's method, identical to scikit-image's {@code threshold_otsu}. */
        OTSU
    }

    /**
     * Parameters of {@code threshold.global}.
     *
     * @param method manual or otsu
     * @param value  the threshold for manual (grey value)
     * @param select above (v &gt; t) or below (v &lt;= t) becomes 1
     * @param bins   histogram bins for float images (integer images use one bin per value)
     */
    public record Params(
            @Param(doc = "manual: use value; otsu: Otsu's method as scikit-image threshold_otsu") Method method,
            @Param(doc = "threshold grey value for method manual", optional = true) Double value,
            @Param(doc = "above: voxels > threshold become 1; below: voxels <= threshold become 1", defaultValue = "above") Select select,
            @Param(doc = "histogram bins for float images (integer images use one bin per grey value, as scikit-image)",
                    defaultValue = "256", min = 2, max = 1 << 20) int bins) {
        public Params {
            if (method == null) {
                throw new ParameterException("method is required (manual|otsu)");
            }
            if (method == Method.MANUAL && (value == null || !Double.isFinite(value))) {
                throw new ParameterException("value must be a finite grey value for method manual, got " + value);
            }
            if (method != Method.MANUAL && value != null) {
                throw new ParameterException("value applies only to method manual, got value " + value + " with method "
                        + method.name().toLowerCase(java.util.Locale.ROOT));
            }
            select = select == null ? Select.ABOVE : select;
            org.tomolyte.core.op.Check.range("bins", bins, 2, 1 << 20);
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
        return "One global grey-value threshold (manual or Otsu) giving a 0/1 mask";
    }

    @Override
    public String reference() {
        return "N. Otsu, IEEE Trans. Syst. Man Cybern. 9 (1979) 62-66; scikit-image threshold_otsu";
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
        return List.of(Port.volume("mask", "u8 mask: 1 selected, 0 not"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec v = (DataSpec.VolumeSpec) in.get("image");
        return Map.of("mask", new DataSpec.VolumeSpec(v.dims(), DataType.U8, v.spacing()));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        var image = in.volume("image");
        double t = switch (p.method()) {
            case MANUAL -> p.value();
            case OTSU -> Thresholds.otsu(Histogram.of(image, p.bins()));
        };
        OpResult r = new OpResult().volume("mask", Thresholds.apply(image, t, p.select(), ctx.progress()));
        if (image.type().isInteger() && t == Math.rint(t)) {
            r.metrics().put("threshold", (long) t);
        } else {
            r.metrics().put("threshold", t);
        }
        return r;
    }
}
