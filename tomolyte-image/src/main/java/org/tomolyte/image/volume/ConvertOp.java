package org.tomolyte.image.volume;

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
import org.tomolyte.image.convert.Scaling;
import org.tomolyte.image.convert.TypeConversion;

/** {@code volume.convert}: change the voxel type, keeping values or rescaling them linearly. */
public final class ConvertOp implements Op<ConvertOp.Params> {

    /** Output voxel type as written in protocols. */
    public enum Type {
        /** Unsigned 8-bit. */
        U8,
        /** Unsigned 16-bit. */
        U16,
        /** Signed 32-bit. */
        I32,
        /** 32-bit float. */
        F32,
        /** 64-bit float. */
        F64;

        DataType dataType() {
            return DataType.valueOf(name());
        }
    }

    /**
     * Parameters of {@code volume.convert}.
     *
     * @param type    output type
     * @param scaling none, auto (input min..max to the output range) or range (in_min..in_max)
     * @param inMin   input value mapped to the low end of the output range (scaling: range)
     * @param inMax   input value mapped to the high end of the output range (scaling: range)
     */
    public record Params(
            @Param(doc = "output voxel type") Type type,
            @Param(doc = "none: keep values (round and clamp); auto: input min..max to the output range "
                    + "(0..255, 0..65535, 0..2^31-1, or 0..1 for floats); range: in_min..in_max to the output range",
                    defaultValue = "none") Scaling scaling,
            @Param(doc = "input grey value mapped to the low end of the output range (scaling: range)", optional = true) Double inMin,
            @Param(doc = "input grey value mapped to the high end of the output range (scaling: range)", optional = true) Double inMax) {
        public Params {
            if (type == null) {
                throw new ParameterException("type is required (u8|u16|i32|f32|f64)");
            }
            scaling = scaling == null ? Scaling.NONE : scaling;
            if (scaling == Scaling.RANGE) {
                if (inMin == null || inMax == null || !(inMax > inMin) || !Double.isFinite(inMin) || !Double.isFinite(inMax)) {
                    throw new ParameterException("scaling: range needs finite in_min < in_max, got in_min=" + inMin + ", in_max=" + inMax);
                }
            } else if (inMin != null || inMax != null) {
                throw new ParameterException("in_min and in_max apply only to scaling: range, got scaling: "
                        + scaling.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    @Override
    public String id() {
        return "volume.convert";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Change the voxel type (u8, u16, i32, f32, f64) keeping values or rescaling them linearly";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("image", "volume to convert"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.volume("image", "the converted volume"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec v = (DataSpec.VolumeSpec) in.get("image");
        return Map.of("image", new DataSpec.VolumeSpec(v.dims(), p.type().dataType(), v.spacing()));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        TypeConversion.Result r = TypeConversion.convert(in.volume("image"), p.type().dataType(), p.scaling(),
                p.inMin() == null ? Double.NaN : p.inMin(), p.inMax() == null ? Double.NaN : p.inMax(), ctx.progress());
        OpResult out = new OpResult().volume("image", r.volume());
        if (p.scaling() != Scaling.NONE) {
            out.metrics().put("in_min", r.inMin()).put("in_max", r.inMax());
        }
        return out;
    }
}
