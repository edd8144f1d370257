package org.tomolyte.analysis.connectivity;

import org.tomolyte.core.Axis;

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
import org.tomolyte.image.label.Connectivity;

/**
 * {@code connectivity.through}: the fraction of a phase's volume in connected components that
 * touch both faces of the volume normal to {@code axis} (percolating, "through" features).
 * Input {@code labels} (then {@code phase} selects the label value) or {@code mask} (nonzero =
 * phase). Metrics {@code through_fraction} (0..1), {@code through_volume_um3},
 * {@code phase_volume_um3}, {@code components} (all components of the phase) and
 * {@code through_components}; output {@code through}, a U8 mask of the through-connected
 * voxels. Method: {@link ThroughConnectivity}.
 */
public final class ThroughConnectivityOp implements Op<ThroughConnectivityOp.Params> {

    /**
     * Parameters of {@code connectivity.through}.
     *
     * @param phase        label value or phase name (required with {@code labels}, not used with {@code mask})
     * @param axis         x, y or z: the faces normal to it are the two ends
     * @param connectivity 6, 18 or 26 neighbours
     */
    public record Params(
            @Param(doc = "label value or phase name of the phase (required with input labels; not used with mask)", optional = true)
            String phase,
            @Param(doc = "axis whose two end faces a through-connected component must touch: x, y or z", defaultValue = "z")
            Axis axis,
            @Param(doc = "neighbours that touch: 6 (faces, TauFactor 'face'), 18 (edges) or 26 (corners)", defaultValue = "6",
                    min = 6, max = 26) int connectivity) {
        public Params {
            if (axis == null) {
                throw new ParameterException("axis must be one of x|y|z, got null");
            }
            Connectivity.of("connectivity", connectivity);
        }
    }

    @Override
    public String id() {
        return "connectivity.through";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Fraction of a phase's volume in components touching both faces normal to an axis (percolation)";
    }

    @Override
    public String reference() {
        return "TauFactor (Kench et al. 2023, JOSS) through-feature volume fraction; connected components of the image core";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.optionalVolume("labels", "integer phase labels (u8, u16 or i32)"),
                Port.optionalVolume("mask", "mask of the phase (nonzero = phase)"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.volume("through", "U8 mask, 1 on the through-connected voxels of the phase"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec v = phaseInput(p, in, id());
        return Map.of("through", new DataSpec.VolumeSpec(v.dims(), DataType.U8, v.spacing()));
    }

    /**
     * Checks that exactly one of {@code labels} / {@code mask} is given, that it is an integer
     * volume and that {@code phase} is given exactly when {@code labels} is; shared by the
     * analysis ops that take a phase.
     */
    public static DataSpec.VolumeSpec phaseInput(String phase, Map<String, DataSpec> in, String op) {
        DataSpec labels = in.get("labels");
        DataSpec mask = in.get("mask");
        if ((labels == null) == (mask == null)) {
            throw new InputException(op + " needs exactly one input: labels or mask, got " + (labels == null ? "neither" : "both"));
        }
        if (labels != null && phase == null) {
            throw new ParameterException("phase is required with input labels (the label value of the phase), got none");
        }
        if (mask != null && phase != null) {
            throw new ParameterException("phase applies only to input labels, got phase " + phase + " with input mask");
        }
        DataSpec.VolumeSpec v = (DataSpec.VolumeSpec) (labels != null ? labels : mask);
        if (!v.type().isInteger()) {
            throw new InputException(op + " needs an integer " + (labels != null ? "labels" : "mask") + " volume (u8, u16 or i32), got "
                    + v.type().label());
        }
        return v;
    }

    private static DataSpec.VolumeSpec phaseInput(Params p, Map<String, DataSpec> in, String op) {
        return phaseInput(p.phase(), in, op);
    }

    /**
     * The U8 phase mask of the op's input (labels == phase, or mask != 0); {@code phase} is a label
     * value or a name of {@code phases}; the caller closes the mask.
     */
    public static Volume phaseMask(String phase, OpInputs in, org.tomolyte.core.PhaseTable phases) {
        Volume labels = in.optionalVolume("labels");
        Volume mask = in.optionalVolume("mask");
        if ((labels == null) == (mask == null)) {
            throw new InputException("exactly one input is needed: labels or mask");
        }
        if (labels != null && phase == null) {
            throw new ParameterException("phase is required with input labels (the label value of the phase), got none");
        }
        return labels != null ? PhaseMask.of(labels, phases.resolve("phase", phase)) : PhaseMask.of(mask, null);
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        ThroughConnectivity.Result r;
        try (Volume m = phaseMask(p.phase(), in, ctx.phases())) {
            r = ThroughConnectivity.analyse(m, p.axis(), Connectivity.of("connectivity", p.connectivity()), ctx.progress());
        }
        double vox = r.mask().spacing().voxelVolumeUm3();
        OpResult out = new OpResult().volume("through", r.mask());
        out.metrics().put("through_fraction", r.throughFraction())
                .put("through_volume_um3", r.throughVoxels() * vox)
                .put("phase_volume_um3", r.phaseVoxels() * vox)
                .put("components", (long) r.components())
                .put("through_components", (long) r.throughComponents());
        return out;
    }
}
