package org.tomolyte.image.label;

import java.util.List;
import java.util.Map;
import org.tomolyte.core.DataType;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;

/**
 * {@code labels.connected}: connected components of a mask (nonzero voxels) as an I32 label
 * volume, numbered 1..count in raster order (x fastest, then y, then z) of each component's
 * first voxel, so results are deterministic and comparable. Equal to
 * {@code scipy.ndimage.label} / {@code skimage.measure.label} up to that numbering. Metric
 * {@code count}. Method: {@link Labeling}.
 */
public final class ConnectedComponentsOp implements Op<ConnectedComponentsOp.Params> {

    /**
     * Parameters of {@code labels.connected}.
     *
     * @param connectivity neighbours that touch: 6 (faces), 18 (faces, edges) or 26 (faces, edges, corners)
     */
    public record Params(
            @Param(doc = "neighbours that touch: 6 (faces), 18 (faces and edges) or 26 (faces, edges and corners)",
                    defaultValue = "26", min = 6, max = 26) int connectivity) {
        public Params {
            Connectivity.of("connectivity", connectivity);
        }

        /** The connectivity as an enum. */
        public Connectivity choice() {
            return Connectivity.of("connectivity", connectivity);
        }
    }

    @Override
    public String id() {
        return "labels.connected";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Connected components of a mask, numbered in raster order of their first voxel (I32 labels)";
    }

    @Override
    public String reference() {
        return "Run-based two-pass union-find labelling (He, Chao, Suzuki, IEEE TIP 17 (2008) 749); scipy.ndimage.label";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("mask", "mask, any integer type: nonzero voxels are foreground"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.volume("labels", "I32 labels: 0 background, 1..count in raster order of first voxel"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec m = requireIntegerMask(in.get("mask"), "mask");
        return Map.of("labels", new DataSpec.VolumeSpec(m.dims(), DataType.I32, m.spacing()));
    }

    /** Checks that a port holds an integer volume (a mask or labels) and returns its spec. */
    static DataSpec.VolumeSpec requireIntegerMask(DataSpec spec, String port) {
        if (!(spec instanceof DataSpec.VolumeSpec v)) {
            throw new InputException(port + " must be a volume");
        }
        if (!v.type().isInteger()) {
            throw new InputException(port + " must be an integer volume (u8, u16 or i32; nonzero = foreground), got "
                    + v.type().label());
        }
        return v;
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Volume mask = in.volume("mask");
        int[] count = new int[1];
        Volume labels = Labeling.labelInto(mask, p.choice(), ctx.progress(), l -> {
            count[0] = l.count();
            return null;
        });
        OpResult r = new OpResult().volume("labels", labels);
        r.metrics().put("count", (long) count[0]);
        return r;
    }
}
