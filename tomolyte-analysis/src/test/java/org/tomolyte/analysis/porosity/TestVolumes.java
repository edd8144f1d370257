package org.tomolyte.analysis.porosity;

import java.util.SplittableRandom;

import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;

/** Seeded random volumes for brute-force comparisons. */
public final class TestVolumes {

    private TestVolumes() {
    }

    /** A U8 mask with each voxel 1 with probability {@code p} (nonzero values other than 1 too, to check "nonzero"). */
    public static Volume mask(Dims d, Spacing s, double p, long seed) {
        Volume v = Volume.allocate(d, DataType.U8, s);
        SplittableRandom r = new SplittableRandom(seed);
        for (long i = 0; i < v.voxels(); i++) {
            if (r.nextDouble() < p) {
                v.set(i, 1 + r.nextInt(255));
            }
        }
        return v;
    }

    /** A volume of uniform random values in [0, max) (whole numbers for integer types). */
    public static Volume grey(Dims d, DataType type, Spacing s, double max, long seed) {
        Volume v = Volume.allocate(d, type, s);
        SplittableRandom r = new SplittableRandom(seed);
        for (long i = 0; i < v.voxels(); i++) {
            double x = r.nextDouble() * max;
            v.set(i, type.isInteger() ? Math.floor(x) : x);
        }
        return v;
    }
}
