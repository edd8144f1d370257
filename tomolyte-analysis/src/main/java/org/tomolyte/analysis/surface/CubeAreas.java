package org.tomolyte.analysis.surface;

import java.util.ArrayList;
import java.util.List;
import org.tomolyte.core.Spacing;

/**
 * The marching-cubes surface area inside one grid cube, for each of the 256 inside/outside
 * patterns of its 8 corners, for a binary field (1 inside, 0 outside) cut at the iso-value
 * 0.5. With such a field every surface vertex lies at the midpoint of a cube edge, so the area
 * of a cube depends on its pattern and the voxel size only, and the area of a whole mask is
 * the sum over the cube-pattern histogram of {@code count * area}.
 *
 * <p>The surface in a cube is built from its faces, not from a stored triangle table: on each
 * face, the midpoints of the edges whose ends differ are joined in pairs; on a face with all
 * four edges cut (diagonal corners inside) each inside corner is cut off by its own segment
 * (the inside phase is not joined across a face saddle; the decision depends on the face
 * alone, so neighbouring cubes agree and the surface is closed). The segments form closed loops
 * on the cube's surface; each loop is triangulated as a fan around its vertex centroid. Corner
 * {@code k} sits at {@code (k & 1, (k >> 1) & 1, (k >> 2) & 1)} voxels, scaled by the spacing
 * (anisotropic voxels are exact).
 *
 * <p>This is the classic marching cubes of Lorensen and Cline (1987) with a face-consistent
 * resolution of ambiguous faces and without the interior (tunnel) tests of Lewiner et al.
 * (2003); scikit-image's {@code marching_cubes(method='lewiner')} differs only in the
 * triangulation of non-planar loops and in those tie cases (see the tests for the measured
 * difference).
 */
final class CubeAreas {

    /** The 12 cube edges as corner pairs. */
    private static final int[][] EDGES = buildEdges();

    /** The 6 faces as 4 corners in cyclic order. */
    private static final int[][] FACES = {
        {0, 1, 3, 2}, {4, 5, 7, 6}, {0, 1, 5, 4}, {2, 3, 7, 6}, {0, 2, 6, 4}, {1, 3, 7, 5}};

    private CubeAreas() {
    }

    private static int[][] buildEdges() {
        List<int[]> l = new ArrayList<>();
        for (int a = 0; a < 8; a++) {
            for (int bit = 1; bit < 8; bit <<= 1) {
                int b = a | bit;
                if (b != a) {
                    l.add(new int[] {a, b});
                }
            }
        }
        return l.toArray(new int[0][]);
    }

    private static int edge(int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        for (int e = 0; e < EDGES.length; e++) {
            if (EDGES[e][0] == lo && EDGES[e][1] == hi) {
                return e;
            }
        }
        throw new IllegalArgumentException("corners " + a + " and " + b + " are not joined by an edge");
    }

    /** Area (um^2) of the iso-surface in a cube, for each corner pattern 0..255 (bit k = corner k inside). */
    static double[] table(Spacing s) {
        double[] out = new double[256];
        for (int c = 0; c < 256; c++) {
            out[c] = area(c, s);
        }
        return out;
    }

    /** Area of the iso-surface in one cube with corner pattern {@code c}. */
    static double area(int c, Spacing s) {
        // neighbours of each cut edge along the surface: two per edge, one per face containing it
        int[][] link = new int[12][2];
        int[] deg = new int[12];
        for (int[] f : FACES) {
            int[] cut = new int[4];
            int n = 0;
            for (int k = 0; k < 4; k++) {
                int a = f[k];
                int b = f[(k + 1) & 3];
                if (inside(c, a) != inside(c, b)) {
                    cut[n++] = k;
                }
            }
            if (n == 2) {
                join(link, deg, edge(f[cut[0]], f[(cut[0] + 1) & 3]), edge(f[cut[1]], f[(cut[1] + 1) & 3]));
            } else if (n == 4) {
                // saddle (diagonal corners inside): the inside corners are joined across the face, so
                // each outside corner is cut off: join the two edges meeting at it
                for (int k = 0; k < 4; k++) {
                    if (!inside(c, f[k])) {
                        join(link, deg, edge(f[(k + 3) & 3], f[k]), edge(f[k], f[(k + 1) & 3]));
                    }
                }
            }
        }
        double total = 0;
        boolean[] used = new boolean[12];
        for (int e0 = 0; e0 < 12; e0++) {
            if (deg[e0] == 0 || used[e0]) {
                continue;
            }
            List<double[]> loop = new ArrayList<>();
            int prev = -1;
            int e = e0;
            while (!used[e]) {
                used[e] = true;
                loop.add(midpoint(e, s));
                int next = link[e][0] != prev ? link[e][0] : link[e][1];
                prev = e;
                e = next;
            }
            total += fanArea(loop);
        }
        return total;
    }

    private static boolean inside(int c, int corner) {
        return ((c >> corner) & 1) != 0;
    }

    private static void join(int[][] link, int[] deg, int a, int b) {
        link[a][deg[a]++] = b;
        link[b][deg[b]++] = a;
    }

    private static double[] midpoint(int e, Spacing s) {
        int a = EDGES[e][0];
        int b = EDGES[e][1];
        return new double[] {
            0.5 * ((a & 1) + (b & 1)) * s.x(),
            0.5 * (((a >> 1) & 1) + ((b >> 1) & 1)) * s.y(),
            0.5 * (((a >> 2) & 1) + ((b >> 2) & 1)) * s.z()};
    }

    /** Area of a closed loop triangulated as a fan around its centroid. */
    private static double fanArea(List<double[]> loop) {
        int n = loop.size();
        double[] m = new double[3];
        for (double[] p : loop) {
            for (int k = 0; k < 3; k++) {
                m[k] += p[k] / n;
            }
        }
        double a = 0;
        for (int i = 0; i < n; i++) {
            double[] p = loop.get(i);
            double[] q = loop.get((i + 1) % n);
            double ux = p[0] - m[0];
            double uy = p[1] - m[1];
            double uz = p[2] - m[2];
            double vx = q[0] - m[0];
            double vy = q[1] - m[1];
            double vz = q[2] - m[2];
            double cx = uy * vz - uz * vy;
            double cy = uz * vx - ux * vz;
            double cz = ux * vy - uy * vx;
            a += 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz);
        }
        return a;
    }
}
