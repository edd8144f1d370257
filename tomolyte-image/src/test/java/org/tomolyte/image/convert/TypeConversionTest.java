package org.tomolyte.image.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;

/**
 * The u8 look-up-table conversion against a voxel-by-voxel conversion with {@code set(i, value)}
 * and against the general path (the same values held as u16): identical output for every output
 * type and scaling, with 1 and 2 threads.
 */
class TypeConversionTest {

    @Test
    void u8TableEqualsVoxelByVoxelConversion() {
        Dims[] sizes = {new Dims(3, 5, 7), new Dims(64, 40, 33)};
        int threads = Parallel.threads();
        try {
            for (Dims d : sizes) {
                try (Volume in = Volume.allocate(d, DataType.U8, new Spacing(0.7, 0.7, 1.1));
                        Volume wide = Volume.allocateLike(in, DataType.U16)) {
                    SplittableRandom rnd = new SplittableRandom(d.voxels());
                    for (long i = 0; i < in.voxels(); i++) {
                        int v = i < 256 ? (int) (255 - i) : 3 + rnd.nextInt(250);
                        in.set(i, v);
                        wide.set(i, v);
                    }
                    for (DataType t : DataType.values()) {
                        // none; auto (min..max of the data); a range inside the data (clamping at both ends, 127.5-type halves)
                        double[][] ranges = {{Double.NaN, Double.NaN}, {Double.NaN, Double.NaN}, {10, 212}};
                        Scaling[] scalings = {Scaling.NONE, Scaling.AUTO, Scaling.RANGE};
                        for (int s = 0; s < 3; s++) {
                            Scaling sc = scalings[s];
                            String what = d + " u8 -> " + t.label() + " " + sc;
                            try (Volume expected = expected(in, t, sc, ranges[s])) {
                                for (int n = 1; n <= 2; n++) {
                                    Parallel.setThreads(n);
                                    try (Volume a = TypeConversion.convert(in, t, sc, ranges[s][0], ranges[s][1], Progress.NONE).volume();
                                            Volume b = TypeConversion.convert(wide, t, sc, ranges[s][0], ranges[s][1], Progress.NONE)
                                                    .volume()) {
                                        assertEquals(t, a.type(), what);
                                        assertTrue(a.contentEquals(expected), what + ": differs from voxel-by-voxel conversion");
                                        assertTrue(a.contentEquals(b), what + ": differs from the same values converted from u16");
                                    }
                                }
                            }
                        }
                    }
                }
            }
        } finally {
            Parallel.setThreads(threads);
        }
    }

    /** Voxel by voxel: the documented formula, then {@code set} (which rounds half away from zero and clamps). */
    private static Volume expected(Volume in, DataType t, Scaling sc, double[] range) {
        double lo = range[0];
        double hi = range[1];
        if (sc == Scaling.AUTO) {
            lo = Double.POSITIVE_INFINITY;
            hi = Double.NEGATIVE_INFINITY;
            for (long i = 0; i < in.voxels(); i++) {
                lo = Math.min(lo, in.get(i));
                hi = Math.max(hi, in.get(i));
            }
        }
        double outHi = TypeConversion.outHigh(t);
        Volume out = Volume.allocateLike(in, t);
        for (long i = 0; i < in.voxels(); i++) {
            double v = in.get(i);
            out.set(i, sc == Scaling.NONE ? v : Math.max(0, Math.min(outHi, (v - lo) * (outHi / (hi - lo)))));
        }
        return out;
    }
}
