package org.tomolyte.image.convert;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.tomolyte.core.BlockGrid;
import org.tomolyte.core.Box;
import org.tomolyte.core.DataType;
import org.tomolyte.core.InternalException;
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
 *
 * <p>A u8 input has only 256 possible values: each is converted once by the same arithmetic and
 * the voxels are then converted by table look-up, straight into the output's memory.
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
        if (in.type() == DataType.U8 && in.voxels() >= 256) {
            // 256 possible inputs: convert each once (same arithmetic and rounding as below), then copy element bits
            double[] values = new double[256];
            for (int v = 0; v < 256; v++) {
                values[v] = scale ? Math.max(outLo, Math.min(outHi, outLo + (v - lowIn) * gain)) : v;
            }
            Lookup lut = Lookup.of(values, out);
            Parallel.forEach(grid.count(), b -> {
                long start = in.dims().index(0, 0, grid.box(b).z0());
                lut.apply(in.segment(), out.segment(), start, start + grid.box(b).voxels());
            }, progress);
            progress.done();
            return new Result(out, lo, hi);
        }
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

    /**
     * The output element of each of the 256 u8 input values, as raw little-endian bits of the
     * output type's width: converting a voxel is one table look-up and one store straight into the
     * output's memory, with no intermediate array.
     */
    private record Lookup(int width, long[] bits) {

        private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
        private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
        private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

        /**
         * The table of {@code values} as {@code out} stores them (rounded and clamped as
         * {@link Volume#write(long, double[])} does): they are written to its first voxels, which
         * the conversion overwrites afterwards, and read back as bits.
         */
        static Lookup of(double[] values, Volume out) {
            if (out.order() != ByteOrder.LITTLE_ENDIAN || out.voxels() < values.length) {
                throw new InternalException("lookup table needs a little-endian output of at least " + values.length
                        + " voxels, got " + out.order() + ", " + out.voxels());
            }
            out.write(0, values);
            MemorySegment m = out.segment();
            int width = out.type().bytes();
            long[] bits = new long[values.length];
            for (int v = 0; v < values.length; v++) {
                bits[v] = switch (width) {
                    case 1 -> m.get(ValueLayout.JAVA_BYTE, v);
                    case 2 -> m.get(SHORT, 2L * v);
                    case 4 -> m.get(INT, 4L * v);
                    case 8 -> m.get(LONG, 8L * v);
                    default -> throw new InternalException("unexpected voxel width " + width + " of " + out.type().label());
                };
            }
            return new Lookup(width, bits);
        }

        /** Converts u8 voxels {@code start..end-1} of {@code src} into the little-endian {@code dst}. */
        void apply(MemorySegment src, MemorySegment dst, long start, long end) {
            switch (width) {
                case 1 -> {
                    byte[] t = new byte[256];
                    for (int v = 0; v < 256; v++) {
                        t[v] = (byte) bits[v];
                    }
                    for (long i = start; i < end; i++) {
                        dst.set(ValueLayout.JAVA_BYTE, i, t[src.get(ValueLayout.JAVA_BYTE, i) & 0xFF]);
                    }
                }
                case 2 -> {
                    short[] t = new short[256];
                    for (int v = 0; v < 256; v++) {
                        t[v] = (short) bits[v];
                    }
                    for (long i = start; i < end; i++) {
                        dst.set(SHORT, i << 1, t[src.get(ValueLayout.JAVA_BYTE, i) & 0xFF]);
                    }
                }
                case 4 -> {
                    int[] t = new int[256];
                    for (int v = 0; v < 256; v++) {
                        t[v] = (int) bits[v];
                    }
                    for (long i = start; i < end; i++) {
                        dst.set(INT, i << 2, t[src.get(ValueLayout.JAVA_BYTE, i) & 0xFF]);
                    }
                }
                default -> {
                    for (long i = start; i < end; i++) {
                        dst.set(LONG, i << 3, bits[src.get(ValueLayout.JAVA_BYTE, i) & 0xFF]);
                    }
                }
            }
        }
    }
}
