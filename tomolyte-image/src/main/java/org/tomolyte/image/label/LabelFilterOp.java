package org.tomolyte.image.label;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tomolyte.core.DataType;
import org.tomolyte.core.InputException;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;

/**
 * {@code labels.filter}: removes the components whose volume (um^3) lies outside
 * {@code [min_volume_um3, max_volume_um3]} and renumbers the rest 1..count in raster order of
 * their first voxel. Paper 001 (methods): cracks are identified "by filtering pores smaller than
 * a specified threshold volume". Give either a {@code mask} (labelled first with
 * {@code connectivity}) or a {@code labels} volume (each nonzero value is one component).
 * Metrics {@code count} (kept) and {@code removed}. Method: {@link LabelFilter}.
 */
public final class LabelFilterOp implements Op<LabelFilterOp.Params> {

    /**
     * Parameters of {@code labels.filter}.
     *
     * @param minVolumeUm3 smallest kept volume, um^3 (inclusive), optional
     * @param maxVolumeUm3 largest kept volume, um^3 (inclusive), optional
     * @param connectivity 6, 18 or 26: neighbours that touch when a mask is labelled
     */
    public record Params(
            @Param(doc = "smallest component volume kept (inclusive); smaller ones are removed", unit = "um^3",
                    optional = true, min = 0) Double minVolumeUm3,
            @Param(doc = "largest component volume kept (inclusive); larger ones are removed", unit = "um^3",
                    optional = true, min = 0) Double maxVolumeUm3,
            @Param(doc = "neighbours that touch when the input is a mask: 6, 18 or 26", defaultValue = "26", min = 6, max = 26)
            int connectivity) {
        public Params {
            new LabelFilter.Range(minVolumeUm3, maxVolumeUm3);
            Connectivity.of("connectivity", connectivity);
        }

        /** The volume range. */
        public LabelFilter.Range range() {
            return new LabelFilter.Range(minVolumeUm3, maxVolumeUm3);
        }
    }

    @Override
    public String id() {
        return "labels.filter";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Keeps components whose volume (um^3) is in a range, renumbered in raster order (paper 001: pores -> cracks)";
    }

    @Override
    public String reference() {
        return "Paper 001 methods: cracks identified by filtering pores smaller than a threshold volume; skimage remove_small_objects";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.optionalVolume("mask", "mask (nonzero = foreground), labelled with connectivity first"),
                Port.optionalVolume("labels", "label volume (each nonzero value is one component)"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.volume("labels", "I32 labels of the kept components, 1..count in raster order"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec mask = in.get("mask");
        DataSpec labels = in.get("labels");
        if ((mask == null) == (labels == null)) {
            throw new InputException("labels.filter needs exactly one input: mask or labels, got "
                    + (mask == null ? "neither" : "both"));
        }
        DataSpec.VolumeSpec v = ConnectedComponentsOp.requireIntegerMask(mask != null ? mask : labels, mask != null ? "mask" : "labels");
        Map<String, DataSpec> out = new HashMap<>();
        out.put("labels", new DataSpec.VolumeSpec(v.dims(), DataType.I32, v.spacing()));
        return out;
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Volume mask = in.optionalVolume("mask");
        Volume labels = in.optionalVolume("labels");
        if ((mask == null) == (labels == null)) {
            throw new ParameterException("labels.filter needs exactly one input: mask or labels");
        }
        LabelFilter.Result res = mask != null
                ? LabelFilter.ofMask(mask, Connectivity.of("connectivity", p.connectivity()), p.range(), ctx.progress())
                : LabelFilter.ofLabels(labels, p.range(), ctx.progress());
        OpResult r = new OpResult().volume("labels", res.labels());
        r.metrics().put("count", (long) res.count()).put("removed", (long) res.removed());
        return r;
    }
}
