package org.tomolyte.image.threshold;

import java.util.List;
import java.util.Map;
import org.tomolyte.core.DataType;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.op.Check;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;
import org.tomolyte.image.label.Connectivity;

/**
 * {@code threshold.hysteresis}: voxels above {@code low} that are connected to a voxel above
 * {@code high} become 1 (strict comparisons, 6-connectivity by default: identical to
 * scikit-image's {@code apply_hysteresis_threshold}). Metrics {@code selected_voxels} and {@code components} (selected components).
 * Method: {@link Hysteresis}.
 */
public final class HysteresisThresholdOp implements Op<HysteresisThresholdOp.Params> {

    /**
     * Parameters of {@code threshold.hysteresis}.
     *
     * @param low          voxels strictly above it may be selected (grey value)
     * @param high         components with a voxel strictly above it are selected (grey value), &gt;= low
     * @param connectivity 6 (as scikit-image), 18 or 26
     */
    public record Params(
            @Param(doc = "lower threshold: voxels with value > low may be selected (grey value)") double low,
            @Param(doc = "upper threshold: a component of voxels > low is selected when one of its voxels is > high (grey value; >= low)")
            double high,
            @Param(doc = "neighbours that touch: 6 (faces, as scikit-image), 18 or 26", defaultValue = "6", min = 6, max = 26)
            int connectivity) {
        public Params {
            Check.finite("low", low);
            Check.finite("high", high);
            if (low > high) {
                throw new ParameterException("low must be <= high (" + Check.fmt(high) + "), got " + Check.fmt(low));
            }
            Connectivity.of("connectivity", connectivity);
        }
    }

    @Override
    public String id() {
        return "threshold.hysteresis";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Hysteresis threshold: voxels > low connected to a voxel > high become 1 (as scikit-image)";
    }

    @Override
    public String reference() {
        return "J. Canny, IEEE TPAMI 8 (1986) 679-698; skimage.filters.apply_hysteresis_threshold";
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
        Hysteresis.Result res = Hysteresis.run(in.volume("image"), p.low(), p.high(),
                Connectivity.of("connectivity", p.connectivity()), ctx.progress());
        OpResult r = new OpResult().volume("mask", res.mask());
        r.metrics().put("selected_voxels", res.voxels()).put("components", (long) res.components());
        return r;
    }
}
