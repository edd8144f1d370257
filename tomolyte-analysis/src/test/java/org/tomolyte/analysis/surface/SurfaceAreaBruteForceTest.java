package org.tomolyte.analysis.surface;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;

/**
 * Face counting against a voxel-by-voxel count with {@code get(x, y, z)}: phases, voxels, areas
 * and interfaces must be bit-identical (same integer counts, same summation order), for every
 * label type, for sizes that are and are not multiples of the eight-voxel words, for noisy and
 * blocky labels, with 1 and 2 threads, and for both methods' interface tables.
 */
class SurfaceAreaBruteForceTest {

    @Test
    void facesEqualVoxelByVoxelCount() {
        Dims[] sizes = {new Dims(1, 1, 1), new Dims(1, 5, 4), new Dims(7, 1, 3), new Dims(8, 8, 1), new Dims(17, 9, 6),
            new Dims(64, 33, 12), new Dims(203, 11, 5)};
        int[][] valueSets = {{0, 1}, {3, 200, 255, 0}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 250, 251, 252}};
        DataType[] types = {DataType.U8, DataType.U16, DataType.I32};
        int seed = 0;
        int threads = Parallel.threads();
        try {
            for (Dims d : sizes) {
                for (int[] values : valueSets) {
                    for (DataType t : types) {
                        for (int blocky = 0; blocky < 2; blocky++) {
                            int[] vals = values.clone();
                            if (t == DataType.U16) {
                                vals[vals.length - 1] = 65535;
                            } else if (t == DataType.I32) {
                                vals[0] = -7;
                                vals[vals.length - 1] = 1 << 20;
                            }
                            try (Volume v = random(d, t, vals, blocky == 1, seed++)) {
                                String what = d + " " + t.label() + " " + vals.length + " values" + (blocky == 1 ? " blocky" : " noisy");
                                Expected e = bruteForce(v);
                                for (int n = 1; n <= 2; n++) {
                                    Parallel.setThreads(n);
                                    SurfaceArea.Result r = SurfaceArea.measure(v, SurfaceArea.Method.FACES, Progress.NONE);
                                    assertArrayEquals(e.phases, r.phases(), what);
                                    assertArrayEquals(e.voxels, r.voxels(), what);
                                    assertArrayEquals(e.area, r.areaUm2(), 0.0, what);
                                    for (int i = 0; i < e.phases.length; i++) {
                                        assertArrayEquals(e.inter[i], r.interfaceUm2()[i], 0.0, what);
                                    }
                                }
                                if (d.voxels() < 5000) {
                                    SurfaceArea.Result mc = SurfaceArea.measure(v, SurfaceArea.Method.MARCHING_CUBES, Progress.NONE);
                                    assertArrayEquals(e.voxels, mc.voxels(), what + " (marching cubes)");
                                    for (int i = 0; i < e.phases.length; i++) {
                                        assertArrayEquals(e.inter[i], mc.interfaceUm2()[i], 0.0, what + " (marching cubes)");
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

    /** Labels drawn from {@code vals}: independently per voxel, or constant in 3 x 2 x 2 blocks with rare noise. */
    private static Volume random(Dims d, DataType t, int[] vals, boolean blocky, int seed) {
        Volume v = Volume.allocate(d, t, new Spacing(0.3, 0.7, 1.9));
        SplittableRandom rnd = new SplittableRandom(seed);
        int[][][] blocks = new int[d.nz() / 2 + 1][d.ny() / 2 + 1][d.nx() / 3 + 1];
        for (int[][] a : blocks) {
            for (int[] b : a) {
                for (int i = 0; i < b.length; i++) {
                    b[i] = vals[rnd.nextInt(vals.length)];
                }
            }
        }
        for (int z = 0; z < d.nz(); z++) {
            for (int y = 0; y < d.ny(); y++) {
                for (int x = 0; x < d.nx(); x++) {
                    int value = blocky && rnd.nextInt(50) != 0 ? blocks[z / 2][y / 2][x / 3] : vals[rnd.nextInt(vals.length)];
                    v.set(x, y, z, value);
                }
            }
        }
        return v;
    }

    private record Expected(int[] phases, long[] voxels, double[] area, double[][] inter) {
    }

    /** Ordered face counts per axis by visiting every voxel, combined as the class documents. */
    private static Expected bruteForce(Volume v) {
        Dims d = v.dims();
        TreeSet<Integer> set = new TreeSet<>();
        for (long i = 0; i < v.voxels(); i++) {
            set.add(v.getInt(i));
        }
        int[] phases = set.stream().mapToInt(Integer::intValue).toArray();
        int k = phases.length;
        long[] voxels = new long[k];
        long[][] faces = new long[3][k * k];
        for (int z = 0; z < d.nz(); z++) {
            for (int y = 0; y < d.ny(); y++) {
                for (int x = 0; x < d.nx(); x++) {
                    int a = java.util.Arrays.binarySearch(phases, v.getInt(x, y, z));
                    voxels[a]++;
                    int[][] next = {{x + 1, y, z}, {x, y + 1, z}, {x, y, z + 1}};
                    for (int axis = 0; axis < 3; axis++) {
                        int[] n = next[axis];
                        if (n[0] < d.nx() && n[1] < d.ny() && n[2] < d.nz()) {
                            int b = java.util.Arrays.binarySearch(phases, v.getInt(n[0], n[1], n[2]));
                            if (a != b) {
                                faces[axis][a * k + b]++;
                            }
                        }
                    }
                }
            }
        }
        Spacing s = v.spacing();
        double[] faceArea = {s.y() * s.z(), s.x() * s.z(), s.x() * s.y()};
        double[][] inter = new double[k][k];
        double[] area = new double[k];
        for (int axis = 0; axis < 3; axis++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    if (i != j) {
                        double a = faces[axis][i * k + j] * faceArea[axis];
                        inter[Math.min(i, j)][Math.max(i, j)] += a;
                        area[i] += a;
                        area[j] += a;
                    }
                }
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                inter[i][j] = inter[j][i];
            }
        }
        assertEquals(d.voxels(), java.util.Arrays.stream(voxels).sum());
        return new Expected(phases, voxels, area, inter);
    }
}
