package org.tomolyte.image.resample;

import java.util.List;
import java.util.Map;
import org.tomolyte.core.Dims;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;
import org.tomolyte.image.resample.Resample.Interpolation;

/**
 * {@code volume.resample}: a new voxel size, given either as the target voxel size
 * ({@code spacing_um}, one value for all axes or [x, y, z]) or as scale factors ({@code scale},
 * one or [x, y, z]; 2 doubles the voxel count along an axis). Output size
 * {@code round(extent / new voxel size)}; samples at voxel centres; trilinear ({@code linear},
 * grey images) or nearest-neighbour ({@code nearest}, labels and masks); the type is kept. See
 * {@link Resample} for the coordinate convention and how it relates to {@code scipy.ndimage.zoom}.
 */
public final class ResampleOp implements Op<ResampleOp.Params> {

    /**
     * Parameters of {@code volume.resample}; exactly one of {@code spacingUm} and {@code scale}.
     *
     * @param spacingUm     target voxel size in um: one value (isotropic) or [x, y, z], each &gt; 0
     * @param scale         scale factors: one value or [x, y, z], each &gt; 0 (new voxel size = old / scale)
     * @param interpolation linear (trilinear, edge clamped) or nearest (labels, masks)
     */
    public record Params(
            @Param(doc = "target voxel size: one value for all axes or [x, y, z]", unit = "um", optional = true, min = 0,
                    minExclusive = true) double[] spacingUm,
            @Param(doc = "scale factors: one value or [x, y, z]; 2 doubles the voxels along an axis (new voxel size = old / scale)",
                    optional = true, min = 0, minExclusive = true) double[] scale,
            @Param(doc = "linear: trilinear with edge clamping, rounds for integer types; nearest: copies the input voxel "
                    + "containing the output voxel centre (use for labels and masks)", defaultValue = "linear")
            Interpolation interpolation) {
        public Params {
            if ((spacingUm == null) == (scale == null)) {
                throw new ParameterException("give exactly one of spacing_um (target voxel size, um) and scale (factors), got "
                        + (spacingUm == null ? "neither" : "both"));
            }
            spacingUm = spacingUm == null ? null : triple("spacing_um", spacingUm);
            scale = scale == null ? null : triple("scale", scale);
            interpolation = interpolation == null ? Interpolation.LINEAR : interpolation;
        }

        private static double[] triple(String name, double[] v) {
            if (v.length != 1 && v.length != 3) {
                throw new ParameterException(name + " must be one value or three [x, y, z], got " + v.length + " values");
            }
            for (double d : v) {
                if (!(d > 0) || Double.isInfinite(d)) {
                    throw new ParameterException(name + " must be finite and > 0, got " + d);
                }
            }
            return v.length == 1 ? new double[] {v[0], v[0], v[0]} : v.clone();
        }

        /** Target voxel size for an input of voxel size {@code s}. */
        public Spacing target(Spacing s) {
            return spacingUm != null ? new Spacing(spacingUm[0], spacingUm[1], spacingUm[2])
                    : new Spacing(s.x() / scale[0], s.y() / scale[1], s.z() / scale[2]);
        }

        /** Output size for an input of size {@code d} and voxel size {@code s}. */
        public Dims dims(Dims d, Spacing s) {
            if (spacingUm != null) {
                return Resample.dimsFor(d, s, target(s));
            }
            return new Dims(size(d.nx(), scale[0]), size(d.ny(), scale[1]), size(d.nz(), scale[2]));
        }

        private static int size(int n, double f) {
            double c = Math.floor(n * f + 0.5);
            if (!(c < Integer.MAX_VALUE)) {
                throw new ParameterException("scale gives " + c + " voxels along an axis; at most 2^31 - 1");
            }
            return (int) Math.max(1, c);
        }
    }

    @Override
    public String id() {
        return "volume.resample";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Resample to a new voxel size (spacing_um or scale), trilinear or nearest, keeping the type";
    }

    @Override
    public String reference() {
        return "trilinear / nearest-neighbour interpolation at voxel centres; agrees with scipy.ndimage.zoom(order=1|0, "
                + "mode='nearest', grid_mode=True) where extent / new voxel size is a whole number";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("image", "volume to resample"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.volume("image", "the resampled volume, same type"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec v = (DataSpec.VolumeSpec) in.get("image");
        return Map.of("image", new DataSpec.VolumeSpec(p.dims(v.dims(), v.spacing()), v.type(), p.target(v.spacing())));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Volume image = in.volume("image");
        Volume out = p.scale() != null
                ? Resample.byScale(image, p.scale(), p.interpolation(), ctx.progress())
                : Resample.toSpacing(image, p.target(image.spacing()), p.interpolation(), ctx.progress());
        return new OpResult().volume("image", out);
    }
}
