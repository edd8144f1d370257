package org.tomolyte.analysis.cracks;

import java.util.List;
import java.util.Map;
import org.tomolyte.core.DataType;
import org.tomolyte.core.InputException;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;
import org.tomolyte.image.label.Connectivity;

/**
 * {@code cracks.identify}: the cracks of a pore mask are its components of at least
 * {@code min_volume_um3} (and, when given, of aspect ratio {@code axis_major/axis_minor} at least
 * {@code min_elongation}); the rest are removed pores (paper 001 methods 4.4; paper 002's crack
 * volume ratio). Method and definitions: {@link CrackIdentification}.
 *
 * <p>Outputs: volume {@code cracks} (U8, 1 = crack); table {@code crack_table} (one row per crack,
 * the {@code labels.properties} columns plus {@code aspect_ratio}); metrics {@code crack_count},
 * {@code crack_volume_um3}, {@code crack_volume_ratio} (crack volume / (reference volume + crack
 * volume), or crack volume / total image volume when no {@code reference} is given),
 * {@code removed_pore_count}, {@code removed_pore_volume_um3}.
 */
public final class CrackIdentifyOp implements Op<CrackIdentifyOp.Params> {

    /**
     * Parameters of {@code cracks.identify}.
     *
     * @param minVolumeUm3  smallest crack volume (inclusive), um^3
     * @param minElongation smallest aspect ratio axis_major / axis_minor of a crack (&gt;= 1), optional
     * @param connectivity  6, 18 or 26 neighbours
     */
    public record Params(
            @Param(doc = "smallest component volume that is a crack (inclusive); smaller pores are removed", unit = "um^3",
                    min = 0) double minVolumeUm3,
            @Param(doc = "smallest aspect ratio axis_major_um / axis_minor_um (>= 1) of a crack, from the labels.properties "
                    + "ellipsoid (1 for a round pore, large for a planar crack); not given: no shape criterion",
                    optional = true, min = 1) Double minElongation,
            @Param(doc = "neighbours that touch when the pores are labelled: 6, 18 or 26", defaultValue = "26", min = 6, max = 26)
            int connectivity) {
        public Params {
            criteria(minVolumeUm3, minElongation, connectivity);
        }

        /** The criteria these parameters describe. */
        public CrackIdentification.Criteria criteria() {
            return criteria(minVolumeUm3, minElongation, connectivity);
        }

        private static CrackIdentification.Criteria criteria(double minVolumeUm3, Double minElongation, int connectivity) {
            return new CrackIdentification.Criteria(minVolumeUm3, minElongation, Connectivity.of("connectivity", connectivity));
        }
    }

    @Override
    public String id() {
        return "cracks.identify";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Cracks = pore components above a volume (and aspect-ratio) threshold; crack mask, crack table, crack volume ratio";
    }

    @Override
    public String reference() {
        return "Paper 001 (Dixit et al.) methods 4.4: cracks by filtering out pores below a threshold volume; "
                + "paper 002: crack volume ratio 5.36 % uncoated vs 0.058 % coated";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("pores", "integer mask, nonzero = pore (cracks included)"),
                Port.optionalVolume("reference", "mask of the reference phase (e.g. electrolyte or particles), same size"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.volume("cracks", "U8 crack mask, 1 = crack"),
                Port.table("crack_table", "one row per crack: labels.properties columns plus aspect_ratio"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        if (!(in.get("pores") instanceof DataSpec.VolumeSpec v) || !v.type().isInteger()) {
            throw new InputException("pores must be an integer mask volume (u8, u16 or i32)");
        }
        if (in.get("reference") instanceof DataSpec.VolumeSpec r && !r.dims().equals(v.dims())) {
            throw new InputException("reference is " + r.dims() + " but pores are " + v.dims());
        }
        return Map.of("cracks", new DataSpec.VolumeSpec(v.dims(), DataType.U8, v.spacing()),
                "crack_table", new DataSpec.TableSpec("cracks"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        CrackIdentification.Result res = CrackIdentification.identify(in.volume("pores"), in.optionalVolume("reference"),
                p.criteria(), ctx.progress());
        OpResult r = new OpResult().volume("cracks", res.cracks()).table("crack_table", res.table());
        r.metrics().put("crack_count", (long) res.crackCount()).put("crack_volume_um3", res.crackVolumeUm3())
                .put("crack_volume_ratio", res.crackVolumeRatio()).put("removed_pore_count", (long) res.removedPoreCount())
                .put("removed_pore_volume_um3", res.removedPoreVolumeUm3())
                .put("crack_volume_ratio_basis", in.optionalVolume("reference") == null ? "total volume" : "reference + cracks");
        return r;
    }
}
