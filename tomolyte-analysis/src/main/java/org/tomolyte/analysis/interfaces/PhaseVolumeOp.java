package org.tomolyte.analysis.interfaces;

import org.tomolyte.core.Axis;

import java.util.List;
import java.util.Map;
import org.tomolyte.core.InputException;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.PhaseTable;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.Check;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;

/**
 * {@code phase.volume}: volume of a phase inside a region (paper 001, Fig. 7c: X-ray-transparent
 * volume inside the electrolyte bulk; algorithm in {@link PhaseVolume}). Inputs: exactly one of
 * {@code labels} (with {@code phase}: a label value or a phase name) or {@code mask} (non-zero is
 * the phase); optionally {@code region} (non-zero inside), or {@code region_phase} of the labels;
 * neither: the whole volume. Metrics {@code volume_um3, region_volume_um3, fraction} and
 * {@code layer_thickness_um}: the phase volume divided by the cross-section of the volume normal to
 * the stack axis, the mean thickness of a layer such as the interphase (paper 003 Fig. 2b).
 */
public final class PhaseVolumeOp implements Op<PhaseVolumeOp.Params> {

    /**
     * Parameters of {@code phase.volume}.
     *
     * @param phase       label value or phase name (with input labels)
     * @param regionPhase label value or phase name of the labels forming the region (no region input)
     * @param erodeUm     erosion radius of the region, um, &gt;= 0
     * @param stackAxis   axis normal to the layers, for {@code layer_thickness_um}
     */
    public record Params(
            @Param(doc = "phase measured: a label value or phase name of input labels (not with input mask)", optional = true)
            String phase,
            @Param(doc = "region: a label value or phase name of input labels (instead of a region input); default the whole volume",
                    optional = true) String regionPhase,
            @Param(doc = "erode the region by a ball of this radius first (keeps interfaces out of a bulk region)", unit = "um",
                    defaultValue = "0", min = 0) double erodeUm,
            @Param(doc = "stack axis: layer_thickness_um = volume / cross-section normal to it", defaultValue = "z") Axis stackAxis) {
        public Params {
            Check.required("stack_axis", stackAxis);
            Check.atLeast("erode_um", erodeUm, 0);
            Check.finite("erode_um", erodeUm);
            if (phase != null && phase.isBlank()) {
                throw new ParameterException("phase must be a label value or phase name, got an empty text");
            }
            if (regionPhase != null && regionPhase.isBlank()) {
                throw new ParameterException("region_phase must be a label value or phase name, got an empty text");
            }
        }
    }

    @Override
    public String id() {
        return "phase.volume";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Volume and volume fraction of a phase inside a region (e.g. void inside the electrolyte bulk)";
    }

    @Override
    public String reference() {
        return "N. Dixit et al., paper 001 (in situ XCT of thiophosphate electrolytes), Fig. 7c: X-ray-transparent volume";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.optionalVolume("labels", "integer phase labels (with phase)"),
                Port.optionalVolume("mask", "mask of the phase (non-zero), instead of labels"),
                Port.optionalVolume("region", "region mask (non-zero inside)"));
    }

    @Override
    public List<Port> outputs() {
        return List.of();
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec labels = in.get("labels");
        DataSpec mask = in.get("mask");
        DataSpec region = in.get("region");
        check(p, labels != null, mask != null, region != null);
        DataSpec.VolumeSpec src = (DataSpec.VolumeSpec) (labels != null ? labels : mask);
        if (!src.type().isInteger()) {
            throw new InputException("phase.volume needs integer " + (labels != null ? "labels" : "mask") + ", got " + src.type().label());
        }
        if (region != null && !((DataSpec.VolumeSpec) region).dims().equals(src.dims())) {
            throw new InputException("phase.volume: region " + ((DataSpec.VolumeSpec) region).dims() + " must have the dimensions "
                    + src.dims());
        }
        return Map.of();
    }

    private static void check(Params p, boolean labels, boolean mask, boolean region) {
        if (labels == mask) {
            throw new InputException("phase.volume needs exactly one input: labels or mask, got " + (labels ? "both" : "neither"));
        }
        if (labels && p.phase() == null) {
            throw new ParameterException("phase is required with input labels (a label value or phase name)");
        }
        if (mask && (p.phase() != null || p.regionPhase() != null)) {
            throw new ParameterException((p.phase() != null ? "phase" : "region_phase") + " applies only to input labels");
        }
        if (region && p.regionPhase() != null) {
            throw new ParameterException("region_phase and input region exclude each other, got both");
        }
        if (p.erodeUm() > 0 && !region && p.regionPhase() == null) {
            throw new ParameterException("erode_um applies only to a region (input region or region_phase), got " + p.erodeUm());
        }
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Volume labels = in.optionalVolume("labels");
        Volume mask = in.optionalVolume("mask");
        Volume region = in.optionalVolume("region");
        check(p, labels != null, mask != null, region != null);
        int phase = labels != null ? resolve("phase", p.phase(), ctx.phases()) : -1;
        int regionPhase = p.regionPhase() != null ? resolve("region_phase", p.regionPhase(), ctx.phases()) : -1;
        PhaseVolume.Result r = PhaseVolume.measure(labels != null ? labels : mask, phase, region, regionPhase, p.erodeUm(),
                ctx.progress());
        OpResult out = new OpResult();
        out.metrics().put("volume_um3", r.volumeUm3()).put("region_volume_um3", r.regionVolumeUm3())
                .put("fraction", r.regionVoxels() == 0 ? 0.0 : r.fraction());
        Volume src = labels != null ? labels : mask;
        double nx = src.dims().nx() * src.spacing().x();
        double ny = src.dims().ny() * src.spacing().y();
        double nz = src.dims().nz() * src.spacing().z();
        double section = switch (p.stackAxis()) {
            case X -> ny * nz;
            case Y -> nx * nz;
            case Z -> nx * ny;
        };
        out.metrics().put("layer_thickness_um", r.volumeUm3() / section);
        return out;
    }

    /** A label value from a number or a phase name of the protocol's phase table. */
    static int resolve(String name, String text, PhaseTable phases) {
        return phases.resolve(name, text);
    }
}
