package org.tomolyte.analysis.tracking;

import java.util.List;
import java.util.Map;

import org.tomolyte.core.InputException;
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
 * {@code register.translation}: the rigid sub-voxel translation between two scans of one sample
 * (e.g. successive operando time steps, Lewis et al., paper 003, which tracks interfaces and
 * displacements across scans), by FFT cross-power-spectrum correlation with upsampled-DFT peak
 * refinement ({@link PhaseCorrelation}); rotation is not estimated.
 *
 * <p>Metrics: {@code shift_x_um, shift_y_um, shift_z_um}, how far the content moved from
 * {@code fixed} to {@code moving} ({@code moving(p) = fixed(p - shift)}: content moving towards +x
 * gives {@code shift_x_um > 0}), precision {@code 1/upsample} voxel per axis; and
 * {@code peak_correlation}, the correlation at the refined peak (normalised cross-correlation of
 * the windowed volumes for {@code normalization: none}, phase-correlation peak height for
 * {@code phase}). Output {@code aligned}: {@code moving} shifted back onto {@code fixed} by
 * trilinear interpolation, same type and voxel size as {@code moving}. With {@code box} the shift is
 * estimated from that box of both volumes only (a part that should not move, such as a current
 * collector, while the electrodes change) and applied to the whole of {@code moving}. Interpolation taps outside
 * {@code moving} take the nearest voxel inside it ({@code fill: nearest}, the default, so the border
 * slices of a scan keep their content) or 0 ({@code fill: zero}).
 */
public final class RegisterTranslationOp implements Op<RegisterTranslationOp.Params> {

    /**
     * Parameters of {@code register.translation}.
     *
     * @param upsample      sub-voxel refinement factor, 1..1000: precision 1/upsample voxel
     * @param maxShiftUm    largest shift searched along each axis, um (default: half the volume)
     * @param window        hann or none
     * @param normalization none (windowed cross-correlation, robust to noise) or phase (phase correlation)
     */
    public record Params(
            @Param(doc = "sub-voxel refinement factor: shifts are found to 1/upsample voxel", defaultValue = "20", min = 1, max = 1000)
            int upsample,
            @Param(doc = "largest shift searched along each axis (default: half the volume size)", unit = "um", optional = true, min = 0)
            Double maxShiftUm,
            @Param(doc = "apodisation before the FFT: hann (re-centred on the moved content) or none", defaultValue = "hann")
            PhaseCorrelation.Window window,
            @Param(doc = "cross-power spectrum weighting: none (cross-correlation, robust to noise) or phase (phase correlation, "
                    + "sharper on clean images)", defaultValue = "none")
            PhaseCorrelation.Normalization normalization,
            @Param(doc = "aligned voxels without a source: nearest (edge voxels repeated, so border slices keep their content) or zero",
                    defaultValue = "nearest") PhaseCorrelation.Fill fill,
            @Param(doc = "estimate the shift from this box only ([x0, y0, z0, x1, y1, z1] voxels, end exclusive), e.g. a stationary "
                    + "collector, then apply it to the whole volume; default the whole volume", unit = "voxel", optional = true, min = 0)
            int[] box) {
        public Params {
            if (box != null) {
                if (box.length != 6) {
                    throw new org.tomolyte.core.ParameterException("box must be 6 voxel indices [x0, y0, z0, x1, y1, z1], got " + box.length + " values");
                }
                new org.tomolyte.core.Box(box[0], box[1], box[2], box[3], box[4], box[5]);
                box = box.clone();
            }
            Check.required("fill", fill);
            Check.range("upsample", upsample, 1, 1000);
            if (maxShiftUm != null) {
                Check.atLeast("max_shift_um", maxShiftUm, 0);
            }
            Check.required("window", window);
            Check.required("normalization", normalization);
        }
    }

    @Override
    public String id() {
        return "register.translation";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Sub-voxel rigid translation between two scans (FFT correlation, upsampled-DFT refinement) and the re-aligned scan";
    }

    @Override
    public String reference() {
        return "Guizar-Sicairos, Thurman, Fienup, Opt. Lett. 33, 156 (2008); Lewis et al. (paper 003) tracking across operando scans";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("fixed", "reference scan"), Port.volume("moving", "scan to align, same size and voxel size"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.volume("aligned", "moving shifted back onto fixed (trilinear; taps outside take the nearest voxel, or 0 with fill: zero)"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec fixed = (DataSpec.VolumeSpec) in.get("fixed");
        DataSpec.VolumeSpec moving = (DataSpec.VolumeSpec) in.get("moving");
        checkSpecs(fixed, moving, "fixed", "moving");
        if (p.box() != null && (p.box()[3] > fixed.dims().nx() || p.box()[4] > fixed.dims().ny() || p.box()[5] > fixed.dims().nz())) {
            throw new org.tomolyte.core.ParameterException("box " + java.util.Arrays.toString(p.box()) + " reaches beyond the volume "
                    + fixed.dims());
        }
        if (fixed.dims().voxels() > Integer.MAX_VALUE - 8) {
            throw new InputException("fixed has " + fixed.dims().voxels() + " voxels; registration handles at most 2^31 - 1: crop or bin it first");
        }
        return Map.of("aligned", new DataSpec.VolumeSpec(moving.dims(), moving.type(), moving.spacing()));
    }

    /** Same size and voxel size, or an {@link InputException} naming the second input. */
    static void checkSpecs(DataSpec.VolumeSpec a, DataSpec.VolumeSpec b, String aName, String bName) {
        if (!a.dims().equals(b.dims())) {
            throw new InputException(bName + " is " + b.dims() + " but " + aName + " is " + a.dims() + "; they must have the same size");
        }
        if (!a.spacing().equals(b.spacing())) {
            throw new InputException(bName + " has voxel size " + b.spacing() + " um but " + aName + " has " + a.spacing()
                    + " um; they must match");
        }
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Volume fixed = in.volume("fixed");
        Volume moving = in.volume("moving");
        PhaseCorrelation.Shift s;
        if (p.box() == null) {
            s = PhaseCorrelation.estimate(fixed, moving, p.upsample(), p.maxShiftUm() == null ? Double.NaN : p.maxShiftUm(), p.window(),
                    p.normalization());
        } else {
            int[] b = p.box();
            org.tomolyte.core.Box box = new org.tomolyte.core.Box(b[0], b[1], b[2], b[3], b[4], b[5]);
            try (Volume f = fixed.crop(box); Volume m = moving.crop(box)) {
                s = PhaseCorrelation.estimate(f, m, p.upsample(), p.maxShiftUm() == null ? Double.NaN : p.maxShiftUm(), p.window(),
                        p.normalization());
            }
        }
        OpResult r = new OpResult().volume("aligned", PhaseCorrelation.shiftBack(moving, s, p.fill()));
        r.metrics().put("shift_x_um", s.xUm(fixed.spacing())).put("shift_y_um", s.yUm(fixed.spacing())).put("shift_z_um", s.zUm(fixed.spacing()))
                .put("peak_correlation", s.peakCorrelation());
        return r;
    }
}
