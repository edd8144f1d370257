package org.tomolyte.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random sequential placement of non-overlapping balls (rejection sampling): a candidate
 * centre is drawn uniformly in a box and kept when it is at least {@code r_i + r_j + gap} from
 * every ball placed before. For discs in a plane pass a degenerate z range.
 */
final class Placement {

    /** Attempts per ball before giving up. */
    static final int MAX_ATTEMPTS = 20_000;

    private final List<double[]> placed = new ArrayList<>();

    /**
     * Places a ball of radius {@code r} with its centre in [lo, hi] (per axis) at least
     * {@code gap} um from every ball placed so far.
     *
     * @return the centre {x, y, z}, or {@code null} after {@link #MAX_ATTEMPTS} failed draws
     */
    double[] place(SplittableRandom rnd, double[] lo, double[] hi, double r, double gap) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            double x = Seeds.uniform(rnd, lo[0], hi[0]);
            double y = Seeds.uniform(rnd, lo[1], hi[1]);
            double z = Seeds.uniform(rnd, lo[2], hi[2]);
            if (free(x, y, z, r, gap)) {
                double[] c = {x, y, z, r};
                placed.add(c);
                return new double[] {x, y, z};
            }
        }
        return null;
    }

    private boolean free(double x, double y, double z, double r, double gap) {
        for (double[] p : placed) {
            double dx = x - p[0];
            double dy = y - p[1];
            double dz = z - p[2];
            double min = r + p[3] + gap;
            if (dx * dx + dy * dy + dz * dz < min * min) {
                return false;
            }
        }
        return true;
    }
}
