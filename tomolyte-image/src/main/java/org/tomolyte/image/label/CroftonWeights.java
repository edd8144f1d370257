package org.tomolyte.image.label;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tomolyte.core.Spacing;

/**
 * Weights of the discrete Crofton formula for surface area on a lattice of (possibly
 * anisotropic) voxels, with the 13 lattice lines through a voxel and its 26 neighbours.
 *
 * <p>Crofton: for a surface S and a line direction u, the number of crossings of S by the lines
 * parallel to u, integrated over the plane normal to u, is {@code ∫_S |n·u| dA}; averaged over
 * all directions this is {@code A/2}. On the lattice, the lines of direction
 * {@code d = (i sx, j sy, k sz)} through the voxel centres are {@code |d| / V} per unit area
 * ({@code V} the voxel volume), so {@code A ≈ 2 Σ_d w_d (V / |d|) X_d}, where {@code X_d} counts
 * the voxel pairs {@code (q, q+d)} with exactly one in the region and {@code w_d} is the fraction
 * of the unit sphere closer to {@code ±d/|d|} than to any other of the 26 directions (the
 * directions' Voronoi cells; Lehmann and Legland, "Efficient N-dimensional surface estimation
 * using Crofton formula and run-length encoding", Insight Journal 2012). The cells are measured by
 * quadrature over 2^18 points of a Fibonacci lattice on the sphere, each also taken with its
 * coordinates in the 5 other orders (a rule exactly symmetric under axis permutations; weights
 * within about 1e-4),
 * then averaged over the directions that mirror symmetries of the voxel make equal.
 *
 * <p>Classes of directions (index used by {@link #coefficients}): 0 x, 1 y, 2 z, 3 xy diagonals
 * (2 lines), 4 xz diagonals (2), 5 yz diagonals (2), 6 body diagonals (4).
 */
final class CroftonWeights {

    /** The 13 line directions (one of each ± pair), as lattice steps. */
    static final int[][] DIRECTIONS = {
        {1, 0, 0}, {0, 1, 0}, {0, 0, 1},
        {1, 1, 0}, {1, -1, 0},
        {1, 0, 1}, {1, 0, -1},
        {0, 1, 1}, {0, 1, -1},
        {1, 1, 1}, {1, 1, -1}, {1, -1, 1}, {1, -1, -1}};

    /** Class of each direction. */
    static final int[] CLASS = {0, 1, 2, 3, 3, 4, 4, 5, 5, 6, 6, 6, 6};

    /** Number of classes. */
    static final int CLASSES = 7;

    private static final int SAMPLES = 1 << 18;
    private static final int[][] PERMUTATIONS = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
    private static final Map<Spacing, double[]> CACHE = new ConcurrentHashMap<>();

    private CroftonWeights() {
    }

    /**
     * Surface area per crossing for each class: {@code 2 w_d V / |d|} in um^2, where {@code w_d}
     * is the weight of one line of the class.
     */
    static double[] coefficients(Spacing s) {
        return CACHE.computeIfAbsent(s, CroftonWeights::compute).clone();
    }

    /** Solid-angle fraction of each of the 13 lines (sum 1), symmetrised within classes. */
    static double[] lineWeights(Spacing s) {
        double[][] u = new double[DIRECTIONS.length][3];
        for (int k = 0; k < DIRECTIONS.length; k++) {
            double x = DIRECTIONS[k][0] * s.x();
            double y = DIRECTIONS[k][1] * s.y();
            double z = DIRECTIONS[k][2] * s.z();
            double n = Math.sqrt(x * x + y * y + z * z);
            u[k] = new double[] {x / n, y / n, z / n};
        }
        long[] hits = new long[DIRECTIONS.length];
        double golden = Math.PI * (3 - Math.sqrt(5));
        for (int i = 0; i < SAMPLES; i++) {
            double pz = 1 - (2.0 * i + 1) / SAMPLES;
            double r = Math.sqrt(1 - pz * pz);
            double phi = golden * i;
            double[] p = {r * Math.cos(phi), r * Math.sin(phi), pz};
            for (int[] perm : PERMUTATIONS) {
                double px = p[perm[0]];
                double py = p[perm[1]];
                double qz = p[perm[2]];
                int best = 0;
                double bestDot = -1;
                for (int k = 0; k < u.length; k++) {
                    double dot = Math.abs(px * u[k][0] + py * u[k][1] + qz * u[k][2]);
                    if (dot > bestDot) {
                        bestDot = dot;
                        best = k;
                    }
                }
                hits[best]++;
            }
        }
        double[] classSum = new double[CLASSES];
        int[] classSize = new int[CLASSES];
        for (int k = 0; k < hits.length; k++) {
            classSum[CLASS[k]] += (double) hits[k] / (SAMPLES * (double) PERMUTATIONS.length);
            classSize[CLASS[k]]++;
        }
        double[] w = new double[DIRECTIONS.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = classSum[CLASS[k]] / classSize[CLASS[k]];
        }
        return w;
    }

    private static double[] compute(Spacing s) {
        double[] w = lineWeights(s);
        double[] coef = new double[CLASSES];
        double vol = s.voxelVolumeUm3();
        for (int k = 0; k < DIRECTIONS.length; k++) {
            double x = DIRECTIONS[k][0] * s.x();
            double y = DIRECTIONS[k][1] * s.y();
            double z = DIRECTIONS[k][2] * s.z();
            double len = Math.sqrt(x * x + y * y + z * z);
            // every line of a class has the same weight and length: one coefficient per class
            coef[CLASS[k]] = 2 * w[k] * vol / len;
        }
        return coef;
    }
}
