package org.tomolyte.image.convert;

import org.tomolyte.core.BlockGrid;
import org.tomolyte.core.Box;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;
import org.tomolyte.core.VolumeStats;

/**
 * Changes the voxel type of a volume, with or without linear rescaling.
 *
 * <p>The output range is 0..255 for U8, 0..65535 for U16, 0..2^31-1 for I32 and 0..1 for F32/F64.
 * With {@link Scaling#AUTO} or {@link Scaling#RANGE} a value v becomes
 * {@code out_lo + (v - in_min) * (out_hi - out_lo) / (in_max - in_min)}, then is rounded and
 * clamped for integer types. NaN becomes 0 in integer outputs.
 */
public final class TypeConversion {

    /** Voxels converted per bulk call. */
    private static final int CHUNK = 1 << 14;

    private TypeConversion() {
    }

    /**
     * The result of a conversion.
     *
     * @param volume the converted volume
     * @param inMin  input value mapped to the output range's low end (NaN when not scaled)
     * @param inMax  input value mapped to the output range's high end (NaN when not scaled)
     */
    public record Result(Volume volume, double inMin, double inMax) {
    }

    /** Upper end of the output range of {@code t} for scaled conversions (the lower end is always 0). */
    public static double outHigh(DataType t) {
        return t.isInteger() ? t.max() : 1.0;
    }

    /**
     * Converts {@code in} to {@code type}.
     *
     * @param inMin used only with {@link Scaling#RANGE}
     * @param inMax used only with {@link Scaling#RANGE}; must be &gt; inMin
     */
    public static Result convert(Volume in, DataType type, Scaling scaling, double inMin, double inMax, Progress progress) {
        double lo;
        double hi;
        switch (scaling) {
            case NONE -> {
                lo = Double.NaN;
                hi = Double.NaN;
            }
            case AUTO -> {
                VolumeStats s = VolumeStats.of(in);
                lo = s.min();
                hi = s.max();
            }
            case RANGE -> {
                if (!(inMax > inMin)) {
                    throw new ParameterException("in_max must be > in_min, got in_min=" + inMin + ", in_max=" + inMax);
                }
                lo = inMin;
                hi = inMax;
            }
            default -> throw new IllegalStateException();
        }
        double outLo = 0;
        double outHi = outHigh(type);
        boolean scale = scaling != Scaling.NONE;
        double gain = scale ? (hi > lo ? (outHi - outLo) / (hi - lo) : 0) : 1;
        double lowIn = lo;
        Volume out = Volume.allocateLike(in, type);
        BlockGrid grid = BlockGrid.slabsOf(in.dims(), 1 << 20);
        progress.start("convert to " + type.label(), grid.count());
        Parallel.forEach(grid.count(), b -> {
            Box box = grid.box(b);
            long start = in.dims().index(0, 0, box.z0());
            long end = start + box.voxels();
            if (!scale && type == DataType.F32) {
                // to f32 without scaling: every value passes through float anyway, so copy via float[]
                float[] buf = new float[CHUNK];
                for (long c = start; c < end; c += CHUNK) {
                    int len = (int) Math.min(CHUNK, end - c);
                    in.read(c, buf, 0, len);
                    out.write(c, buf, 0, len);
                }
                return;
            }
            double[] buf = new double[CHUNK];
            for (long c = start; c < end; c += CHUNK) {
                int len = (int) Math.min(CHUNK, end - c);
                in.read(c, buf, 0, len);
                if (scale) {
                    for (int k = 0; k < len; k++) {
                        buf[k] = Math.max(outLo, Math.min(outHi, outLo + (buf[k] - lowIn) * gain));
                    }
                }
                out.write(c, buf, 0, len);
            }
        }, progress);
        progress.done();
        return new Result(out, lo, hi);
    }
}
