package org.tomolyte.image.resample;

import java.util.List;
import java.util.Map;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.Check;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;
import org.tomolyte.image.resample.Resample.Interpolation;

/**
 * {@code volume.tilt_correct}: compensates the foreshortening of FIB-SEM cross-sections imaged at
 * {@code angle_deg} to the face (paper 000 methods: 52 degrees): the y voxel size becomes
 * {@code spacing_y / sin(angle)}. By default only the voxel size changes (exact, no interpolation;
 * recommended, every measurement uses anisotropic voxels); with {@code resample: true} y is
 * resampled to the original y voxel size ({@code round(ny / sin(angle))} rows). See
 * {@link TiltCorrection}.
 */
public final class TiltCorrectOp implements Op<TiltCorrectOp.Params> {

    /**
     * Parameters of {@code volume.tilt_correct}.
     *
     * @param angleDeg      angle between the electron beam and the imaged face, degrees, in (0, 90]
     * @param resample      false: only set spacing_y / sin(angle); true: resample y back to spacing_y
     * @param interpolation linear or nearest, used when resampling
     */
    public record Params(
            @Param(doc = "angle between the electron beam and the imaged cross-section", unit = "deg", defaultValue = "52",
                    min = 0, minExclusive = true, max = 90) double angleDeg,
            @Param(doc = "false: keep the voxels and set the y voxel size to spacing_y / sin(angle) (exact, recommended); "
                    + "true: resample y to the original y voxel size (more rows, square pixels)", defaultValue = "false")
            boolean resample,
            @Param(doc = "interpolation when resampling: linear (grey images) or nearest (labels, masks)", defaultValue = "linear")
            Interpolation interpolation) {
        public Params {
            Check.greater("angle_deg", angleDeg, 0);
            Check.range("angle_deg", angleDeg, 0, 90);
            interpolation = interpolation == null ? Interpolation.LINEAR : interpolation;
        }
    }

    @Override
    public String id() {
        return "volume.tilt_correct";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "FIB-SEM tilt correction: y voxel size / sin(angle), or resample y to square pixels";
    }

    @Override
    public String reference() {
        return "paper 000 methods (SEM stacks rescaled for the 52 degree beam-to-face angle); foreshortening by sin(angle)";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("image", "FIB-SEM stack, y = vertical image axis"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.volume("image", "the corrected stack, same type"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec v = (DataSpec.VolumeSpec) in.get("image");
        return Map.of("image", p.resample()
                ? new DataSpec.VolumeSpec(TiltCorrection.resampledDims(v.dims(), p.angleDeg()), v.type(), v.spacing())
                : new DataSpec.VolumeSpec(v.dims(), v.type(), TiltCorrection.spacing(v.spacing(), p.angleDeg())));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Volume image = in.volume("image");
        // the pipeline closes inputs and outputs independently, so the output owns its storage (a copy), never a view
        Volume out = p.resample()
                ? TiltCorrection.resampled(image, p.angleDeg(), p.interpolation(), ctx.progress())
                : image.copy().withSpacing(TiltCorrection.spacing(image.spacing(), p.angleDeg()));
        OpResult r = new OpResult().volume("image", out);
        r.metrics().put("y_stretch", TiltCorrection.stretch(p.angleDeg()));
        r.metrics().put("spacing_y_um", p.resample() ? image.spacing().y() : out.spacing().y());
        return r;
    }
}
