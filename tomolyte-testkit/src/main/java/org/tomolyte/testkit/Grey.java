package org.tomolyte.testkit;

import java.util.SplittableRandom;

import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Volume;

/**
 * Renders a grey image from a label volume: each voxel gets the mean grey of its label plus a
 * Gaussian deviate of standard deviation {@code sigma}, rounded and clamped by {@link Volume#set}.
 * Slice z draws from its own stream derived from (seed, stream, z), so the image is identical
 * for any thread count and slab split.
 */
final class Grey {

    private Grey() {
    }

    static void render(Volume labels, Volume grey, double[] meanByLabel, double sigma, long seed, long stream) {
        Dims d = labels.dims();
        Parallel.forEach(Raster.slabCount(d), t -> {
            for (int z = Raster.slabStart(t); z < Raster.slabEnd(d, t); z++) {
                Seeds.Gaussian g = new Seeds.Gaussian(new SplittableRandom(Seeds.derive(seed, stream, z)));
                long start = d.index(0, 0, z);
                long end = start + d.sliceVoxels();
                for (long i = start; i < end; i++) {
                    double noise = sigma > 0 ? sigma * g.next() : 0;
                    grey.set(i, meanByLabel[labels.getInt(i)] + noise);
                }
            }
        });
    }
}
