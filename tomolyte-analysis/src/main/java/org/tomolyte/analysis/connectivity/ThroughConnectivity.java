package org.tomolyte.analysis.connectivity;

import org.tomolyte.core.Axis;

import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;
import org.tomolyte.image.label.Connectivity;
import org.tomolyte.image.label.Foreground;
import org.tomolyte.image.label.Labeling;
import org.tomolyte.image.label.Marker;

/**
 * Through-connectivity (percolation) of a phase along an axis: the phase's connected components
 * (labelled with the image core's {@link Labeling}) that touch both faces of the volume normal
 * to the axis, and the fraction of the phase's volume they hold. This is TauFactor's
 * "through-feature" fraction (the through-connected network of {@code taufactor.metrics}
 * {@code extract_connected_network}; face/edge/corner connectivity = 6/18/26 here).
 *
 * {@snippet :
 * try (Volume mask = PhaseMask.of(labels, 0)) {
 *     ThroughConnectivity.Result r = ThroughConnectivity.analyse(mask, Axis.Z, Connectivity.SIX, Progress.NONE);
 *     double f = r.throughFraction();   // 0..1
 *     r.mask().close();
 * }
 * }
 */
public final class ThroughConnectivity {

    private ThroughConnectivity() {
    }

    /**
     * Result of {@link #analyse}.
     *
     * @param mask              U8, 1 on the voxels of through-connected components (caller closes)
     * @param phaseVoxels       voxels of the phase
     * @param throughVoxels     voxels of the through-connected components
     * @param components        connected components of the phase
     * @param throughComponents components touching both faces
     */
    public record Result(Volume mask, long phaseVoxels, long throughVoxels, int components, int throughComponents) {

        /** Through-connected voxels / phase voxels, 0..1 (0 when the phase is absent). */
        public double throughFraction() {
            return phaseVoxels == 0 ? 0 : (double) throughVoxels / phaseVoxels;
        }
    }

    /**
     * The components of the nonzero voxels of {@code mask} touching both faces normal to
     * {@code axis}.
     *
     * @param mask         any integer volume; nonzero = phase
     * @param axis         the transport axis
     * @param connectivity which neighbours touch
     * @param progress     advanced by the labelling
     */
    public static Result analyse(Volume mask, Axis axis, Connectivity connectivity, Progress progress) {
        if (!mask.type().isInteger()) {
            throw new InputException("through-connectivity needs an integer mask or labels, got " + mask.type().label());
        }
        Labeling l = Labeling.analyse(mask, Foreground.NONZERO, connectivity, Marker.NONE, progress);
        int n = l.count();
        boolean[] low = new boolean[n + 1];
        boolean[] high = new boolean[n + 1];
        try (Volume labels = l.labels()) {
            markFaces(labels, axis, low, high);
        }
        boolean[] keep = new boolean[n + 1];
        long[] vox = l.voxels();
        long phase = 0;
        long through = 0;
        int throughComponents = 0;
        for (int c = 1; c <= n; c++) {
            phase += vox[c];
            keep[c] = low[c] && high[c];
            if (keep[c]) {
                through += vox[c];
                throughComponents++;
            }
        }
        return new Result(l.mask(keep), phase, through, n, throughComponents);
    }

    /** Sets low[c] / high[c] for every component c with a voxel on the first / last layer along the axis. */
    private static void markFaces(Volume labels, Axis axis, boolean[] low, boolean[] high) {
        Dims d = labels.dims();
        int[] row = new int[d.nx()];
        for (int z = 0; z < d.nz(); z++) {
            for (int y = 0; y < d.ny(); y++) {
                boolean first;
                boolean last;
                switch (axis) {
                    case X -> {
                        labels.read(d.index(0, y, z), row, 0, d.nx());
                        low[row[0]] = true;
                        high[row[d.nx() - 1]] = true;
                        continue;
                    }
                    case Y -> {
                        first = y == 0;
                        last = y == d.ny() - 1;
                    }
                    default -> {
                        first = z == 0;
                        last = z == d.nz() - 1;
                    }
                }
                if (!first && !last) {
                    continue;
                }
                labels.read(d.index(0, y, z), row, 0, d.nx());
                for (int x = 0; x < d.nx(); x++) {
                    if (first) {
                        low[row[x]] = true;
                    }
                    if (last) {
                        high[row[x]] = true;
                    }
                }
            }
        }
        low[0] = false;
        high[0] = false;
    }
}
