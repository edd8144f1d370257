package org.tomolyte.analysis.surface;

import java.util.Arrays;
import java.util.List;
import org.tomolyte.core.BlockGrid;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;

/**
 * Surface area of every phase of a label volume, and the interfacial area between every pair of
 * phases, in um^2.
 *
 * <ul>
 * <li>{@link Method#FACES}: every internal face between two face-neighbouring voxels with
 * different labels counts for both phases, weighted by its physical area ({@code sy*sz} for a
 * face normal to x, {@code sx*sz} for y, {@code sx*sy} for z); faces on the volume boundary do
 * not count. This is TauFactor's {@code specific_surface_area(method='face_counting')} and
 * {@code interfacial_areas}. Exact for voxel sets; overestimates smooth surfaces (by 3/2 on
 * average for random orientations).</li>
 * <li>{@link Method#MARCHING_CUBES}: the iso-surface at 0.5 of each phase's binary mask over the
 * {@code (nx-1)(ny-1)(nz-1)} cubes between voxel centres, without padding (as scikit-image's
 * {@code marching_cubes} on the unpadded mask and TauFactor's {@code marching_cubes} method: a
 * phase touching the volume boundary is not closed there); see {@link CubeAreas}. The interface
 * table is always by face counting (a marching-cubes surface is not split between the
 * neighbouring phases).</li>
 * </ul>
 *
 * <p>Labels may be any integer values; at most {@value #MAX_PHASES} distinct values. Work is
 * split in fixed z-slabs; all sums are integer counts, so the result does not depend on the
 * thread count.
 */
public final class SurfaceArea {

    /** Most distinct label values accepted. */
    public static final int MAX_PHASES = 256;

    private static final long SLAB_VOXELS = 1L << 20;

    private SurfaceArea() {
    }

    /** How the surface is measured. */
    public enum Method {
        /** Count the voxel faces between different labels. */
        FACES,
        /** Marching cubes on each phase's binary mask. */
        MARCHING_CUBES
    }

    /**
     * Result of {@link #measure}.
     *
     * @param phases      the label values present, ascending
     * @param voxels      voxels of each phase (index as {@code phases})
     * @param areaUm2     surface area of each phase, um^2, by the method asked for
     * @param interfaceUm2 face-counted interfacial area between phases i and j (symmetric, index as {@code phases}), um^2
     * @param volumeUm3   volume of the whole image, um^3
     */
    public record Result(int[] phases, long[] voxels, double[] areaUm2, double[][] interfaceUm2, double volumeUm3) {

        /** Specific surface area of phase index {@code i}: area / total volume, 1/um. */
        public double specificUm(int i) {
            return areaUm2[i] / volumeUm3;
        }
    }

    /**
     * Measures the surface and interfacial areas of the phases of {@code labels}.
     *
     * @param labels   integer labels (U8, U16 or I32)
     * @param method   faces or marching cubes
     * @param progress advanced once per slab
     * @throws InputException when the volume is not integer or has more than {@value #MAX_PHASES} label values
     */
    public static Result measure(Volume labels, Method method, Progress progress) {
        if (!labels.type().isInteger()) {
            throw new InputException("surface.area needs integer labels (u8, u16 or i32), got " + labels.type().label());
        }
        Dims d = labels.dims();
        Spacing s = labels.spacing();
        int[] phases = distinct(labels);
        int k = phases.length;
        BlockGrid grid = BlockGrid.slabsOf(d, SLAB_VOXELS);
        boolean mc = method == Method.MARCHING_CUBES;
        progress.start("surface area (" + method.name().toLowerCase(java.util.Locale.ROOT) + ")", grid.count());
        List<long[][]> parts = Parallel.map(grid.count(), b -> {
            var box = grid.box(b);
            return slab(labels, phases, box.z0(), box.z1(), mc);
        }, progress);
        progress.done();
        // parts[b][0..2]: pair face counts per axis (k*k); [3]: voxels per phase; [4]: cube patterns (k*256)
        long[][] tot = new long[5][];
        for (long[][] p : parts) {
            for (int a = 0; a < 5; a++) {
                if (p[a] == null) {
                    continue;
                }
                if (tot[a] == null) {
                    tot[a] = new long[p[a].length];
                }
                for (int i = 0; i < p[a].length; i++) {
                    tot[a][i] += p[a][i];
                }
            }
        }
        double[] faceArea = {s.y() * s.z(), s.x() * s.z(), s.x() * s.y()};
        double[][] inter = new double[k][k];
        double[] faceSurface = new double[k];
        for (int axis = 0; axis < 3; axis++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    if (i != j) {
                        double a = tot[axis][i * k + j] * faceArea[axis];
                        inter[Math.min(i, j)][Math.max(i, j)] += a;
                        faceSurface[i] += a;
                        faceSurface[j] += a;
                    }
                }
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                inter[i][j] = inter[j][i];
            }
        }
        double[] area = faceSurface;
        if (mc) {
            double[] table = CubeAreas.table(s);
            area = new double[k];
            for (int i = 0; i < k; i++) {
                for (int c = 0; c < 256; c++) {
                    area[i] += tot[4][i * 256 + c] * table[c];
                }
            }
        }
        return new Result(phases, tot[3], area, inter, d.voxels() * s.voxelVolumeUm3());
    }

    /** Distinct label values, ascending. */
    private static int[] distinct(Volume labels) {
        var counts = org.tomolyte.image.measure.PhaseCounts.of(labels, Progress.NONE).counts();
        if (counts.size() > MAX_PHASES) {
            throw new InputException("surface.area expects phase labels with at most " + MAX_PHASES + " distinct values, got "
                    + counts.size());
        }
        return counts.keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    /** Counts of one slab of slices z0..z1-1 (faces and cubes towards z+1 included when z+1 exists). */
    private static long[][] slab(Volume labels, int[] phases, int z0, int z1, boolean mc) {
        Dims d = labels.dims();
        int nx = d.nx();
        int ny = d.ny();
        int k = phases.length;
        long[] fx = new long[k * k];
        long[] fy = new long[k * k];
        long[] fz = new long[k * k];
        long[] vox = new long[k];
        long[] cubes = mc ? new long[k * 256] : null;
        int plane = nx * ny;
        int[] cur = new int[plane];
        int[] next = new int[plane];
        readIndexed(labels, z0, cur, phases);
        for (int z = z0; z < z1; z++) {
            boolean hasNext = z + 1 < d.nz();
            if (hasNext) {
                readIndexed(labels, z + 1, next, phases);
            }
            for (int y = 0; y < ny; y++) {
                int row = y * nx;
                for (int x = 0; x < nx; x++) {
                    int a = cur[row + x];
                    vox[a]++;
                    if (x + 1 < nx) {
                        int b = cur[row + x + 1];
                        if (a != b) {
                            fx[a * k + b]++;
                        }
                    }
                    if (y + 1 < ny) {
                        int b = cur[row + nx + x];
                        if (a != b) {
                            fy[a * k + b]++;
                        }
                    }
                    if (hasNext) {
                        int b = next[row + x];
                        if (a != b) {
                            fz[a * k + b]++;
                        }
                    }
                }
            }
            if (mc && hasNext) {
                cubes(cur, next, nx, ny, cubes);
            }
            int[] t = cur;
            cur = next;
            next = t;
        }
        return new long[][] {fx, fy, fz, vox, cubes};
    }

    /** Adds the corner pattern of every cube between slices a (z) and b (z+1) to {@code hist[phase*256 + pattern]}. */
    private static void cubes(int[] a, int[] b, int nx, int ny, long[] hist) {
        int[] v = new int[8];
        for (int y = 0; y + 1 < ny; y++) {
            int r0 = y * nx;
            int r1 = r0 + nx;
            for (int x = 0; x + 1 < nx; x++) {
                v[0] = a[r0 + x];
                v[1] = a[r0 + x + 1];
                v[2] = a[r1 + x];
                v[3] = a[r1 + x + 1];
                v[4] = b[r0 + x];
                v[5] = b[r0 + x + 1];
                v[6] = b[r1 + x];
                v[7] = b[r1 + x + 1];
                int p0 = v[0];
                boolean uniform = true;
                for (int c = 1; c < 8; c++) {
                    if (v[c] != p0) {
                        uniform = false;
                        break;
                    }
                }
                if (uniform) {
                    continue;
                }
                int done = 0;
                for (int c = 0; c < 8; c++) {
                    if ((done >> c & 1) != 0) {
                        continue;
                    }
                    int p = v[c];
                    int pattern = 0;
                    for (int e = c; e < 8; e++) {
                        if (v[e] == p) {
                            pattern |= 1 << e;
                        }
                    }
                    done |= pattern;
                    hist[p * 256 + pattern]++;
                }
            }
        }
    }

    /** Reads slice z as phase indices (positions in {@code phases}). */
    private static void readIndexed(Volume labels, int z, int[] out, int[] phases) {
        Dims d = labels.dims();
        labels.read(d.index(0, 0, z), out, 0, out.length);
        int lo = phases[0];
        int hi = phases[phases.length - 1];
        if (hi - lo < 65536) {
            int[] lut = new int[hi - lo + 1];
            Arrays.fill(lut, -1);
            for (int i = 0; i < phases.length; i++) {
                lut[phases[i] - lo] = i;
            }
            for (int i = 0; i < out.length; i++) {
                out[i] = lut[out[i] - lo];
            }
        } else {
            for (int i = 0; i < out.length; i++) {
                out[i] = Arrays.binarySearch(phases, out[i]);
            }
        }
    }
}
