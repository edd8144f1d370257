package org.tomolyte.io.tiff;

import java.util.SplittableRandom;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;

/** Seeded random test volumes with runs (so run-length and dictionary coders see repeats). */
final class TiffTestVolumes {

    private TiffTestVolumes() {
    }

    /** A volume of {@code type} filled from seed {@code seed}: half the voxels repeat their predecessor. */
    static Volume random(Dims dims, DataType type, Spacing spacing, long seed) {
        Volume v = Volume.allocate(dims, type, spacing);
        SplittableRandom r = new SplittableRandom(seed);
        double previous = 0;
        for (long i = 0; i < v.voxels(); i++) {
            double value = r.nextInt(2) == 0 ? previous : switch (type) {
                case U8 -> r.nextInt(256);
                case U16 -> r.nextInt(65536);
                case I32 -> r.nextInt();
                case F32 -> (float) ((r.nextDouble() - 0.5) * 1e6);
                case F64 -> (r.nextDouble() - 0.5) * 1e12;
            };
            v.set(i, value);
            previous = value;
        }
        return v;
    }
}
