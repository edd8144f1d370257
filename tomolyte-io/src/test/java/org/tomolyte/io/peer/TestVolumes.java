package org.tomolyte.io.peer;

import java.util.SplittableRandom;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;

/** Seeded test volumes covering each type's range, including its extremes. */
public final class TestVolumes {

    private TestVolumes() {
    }

    /**
     * A volume of seeded random values spanning {@code type}'s range (U8 0..255, U16 0..65535,
     * I32 the full int range, floats of mixed magnitude and sign); voxel 0 holds the type's
     * minimum and voxel 1 its maximum (for floats: -1e30 and 1e30).
     */
    public static Volume random(Dims dims, DataType type, long seed, Spacing spacing) {
        Volume v = Volume.allocate(dims, type, spacing);
        SplittableRandom r = new SplittableRandom(seed);
        for (long i = 0; i < v.voxels(); i++) {
            double x = switch (type) {
                case U8 -> r.nextInt(256);
                case U16 -> r.nextInt(65536);
                case I32 -> r.nextInt();
                case F32 -> (float) ((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-6, 7)));
                case F64 -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-30, 31));
            };
            v.set(i, x);
        }
        if (v.voxels() > 1) {
            v.set(0, type.isInteger() ? type.min() : -1e30);
            v.set(1, type.isInteger() ? type.max() : 1e30);
        }
        return v;
    }
}
