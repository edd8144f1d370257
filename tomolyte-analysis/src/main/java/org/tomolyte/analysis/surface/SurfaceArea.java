package org.tomolyte.analysis.surface;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.tomolyte.core.BlockGrid;
import org.tomolyte.core.DataType;
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
 * thread count. Each slice is held as one byte per voxel (the u8 labels themselves, or the phase
 * index of wider labels) and neighbouring rows are compared eight voxels at a time, so runs
 * without a phase change cost one long comparison per eight faces.
 */
public final class SurfaceArea {

    /** Most distinct label values accepted. */
    public static final int MAX_PHASES = 256;

    private static final long SLAB_VOXELS = 1L << 20;

    /** Little-endian long view of byte arrays: eight voxels' codes compared at once. */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

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
        boolean mc = method == Method.MARCHING_CUBES;
        // u8 face counting works on the label bytes themselves (codes = values, no pass to find the labels present);
        // otherwise the labels are first replaced by their phase index (codes = indices)
        boolean raw = labels.type() == DataType.U8 && !mc;
        int[] present = raw ? null : distinct(labels);
        int codes = raw ? 256 : present.length;
        BlockGrid grid = BlockGrid.slabsOf(d, SLAB_VOXELS);
        progress.start("surface area (" + method.name().toLowerCase(java.util.Locale.ROOT) + ")", grid.count());
        List<SlabCounts> parts = Parallel.map(grid.count(), b -> {
            var box = grid.box(b);
            return slab(labels, present, codes, box.z0(), box.z1(), mc);
        }, progress);
        progress.done();
        // integer sums, so the order does not matter; still added in slab order
        long[] pairs = new long[3 * codes * codes];
        long[] codeVoxels = new long[codes];
        long[] codeCubes = mc ? new long[codes * 256] : null;
        for (SlabCounts p : parts) {
            for (int i = 0; i < p.pairIndex().length; i++) {
                pairs[p.pairIndex()[i]] += p.pairCount()[i];
            }
            for (int c = 0; c < codes; c++) {
                codeVoxels[c] += p.voxels()[c];
            }
            if (mc) {
                for (int i = 0; i < codeCubes.length; i++) {
                    codeCubes[i] += p.cubes()[i];
                }
            }
        }
        int[] phases = raw ? presentCodes(codeVoxels) : present;
        int k = phases.length;
        // code -> phase index (the identity when the codes are already phase indices)
        int[] index = new int[codes];
        for (int i = 0; i < k; i++) {
            index[raw ? phases[i] : i] = i;
        }
        // per axis (x, y, z): face counts of ordered phase pairs (k*k)
        long[][] faces = new long[3][k * k];
        long[] voxels = new long[k];
        for (int c = 0; c < codes; c++) {
            if (codeVoxels[c] > 0) {
                voxels[index[c]] = codeVoxels[c];
            }
        }
        for (int axis = 0; axis < 3; axis++) {
            for (int a = 0; a < codes; a++) {
                for (int b = 0; b < codes; b++) {
                    long n = pairs[(axis * codes + a) * codes + b];
                    if (n != 0) {
                        faces[axis][index[a] * k + index[b]] += n;
                    }
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
                        double a = faces[axis][i * k + j] * faceArea[axis];
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
                    area[i] += codeCubes[i * 256 + c] * table[c];
                }
            }
        }
        return new Result(phases, voxels, area, inter, d.voxels() * s.voxelVolumeUm3());
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

    /** The codes with voxels, ascending. */
    private static int[] presentCodes(long[] codeVoxels) {
        int n = 0;
        for (long v : codeVoxels) {
            n += v > 0 ? 1 : 0;
        }
        int[] out = new int[n];
        n = 0;
        for (int c = 0; c < codeVoxels.length; c++) {
            if (codeVoxels[c] > 0) {
                out[n++] = c;
            }
        }
        return out;
    }

    /**
     * Counts of one slab.
     *
     * @param pairIndex {@code (axis * codes + a) * codes + b} of every ordered code pair (a, b) with faces in the slab
     * @param pairCount faces of each pair in {@code pairIndex}
     * @param voxels    voxels per code
     * @param cubes     marching-cubes corner patterns per code ({@code code * 256 + pattern}), or null
     */
    private record SlabCounts(int[] pairIndex, long[] pairCount, long[] voxels, long[] cubes) {
    }

    /**
     * Dense pair counts of the slab a thread is working on, with the list of the entries in use:
     * with 256 codes the dense table has 3 x 65536 entries, which is reused rather than
     * allocated and scanned per slab.
     */
    private static final class PairCounter {
        private static final ThreadLocal<PairCounter> LOCAL = ThreadLocal.withInitial(PairCounter::new);

        private long[] count = new long[0];
        private int[] used = new int[0];
        private int inUse;

        /** This thread's counter, empty, for {@code size} pair indices. */
        static PairCounter begin(int size) {
            PairCounter c = LOCAL.get();
            if (c.count.length < size) {
                c.count = new long[size];
                c.used = new int[size];
                c.inUse = 0;
            }
            c.clear();
            return c;
        }

        void add(int pair) {
            if (count[pair]++ == 0) {
                used[inUse++] = pair;
            }
        }

        /** The counts in use, sorted by pair index; the counter is left empty. */
        SlabCounts drain(long[] voxels, long[] cubes) {
            int[] idx = Arrays.copyOf(used, inUse);
            Arrays.sort(idx);
            long[] n = new long[idx.length];
            for (int i = 0; i < idx.length; i++) {
                n[i] = count[idx[i]];
            }
            clear();
            return new SlabCounts(idx, n, voxels, cubes);
        }

        private void clear() {
            for (int i = 0; i < inUse; i++) {
                count[used[i]] = 0;
            }
            inUse = 0;
        }
    }

    /** Counts of one slab of slices z0..z1-1 (faces and cubes towards z+1 included when z+1 exists). */
    private static SlabCounts slab(Volume labels, int[] phases, int codes, int z0, int z1, boolean mc) {
        Dims d = labels.dims();
        int nx = d.nx();
        int ny = d.ny();
        int plane = nx * ny;
        int square = codes * codes;
        PairCounter pc = PairCounter.begin(3 * square);
        long[] vox = new long[codes];
        long[] cubes = mc ? new long[codes * 256] : null;
        byte[] cur = new byte[plane];
        byte[] next = new byte[plane];
        int[] lut = phases == null ? null : lut(phases);
        int[] tmp = phases == null ? null : new int[plane];
        readCodes(labels, z0, cur, phases, lut, tmp);
        for (int z = z0; z < z1; z++) {
            boolean hasNext = z + 1 < d.nz();
            if (hasNext) {
                readCodes(labels, z + 1, next, phases, lut, tmp);
            }
            for (int y = 0; y < ny; y++) {
                int row = y * nx;
                differences(cur, row, cur, row + 1, nx - 1, codes, 0, pc, vox);
                if (y + 1 < ny) {
                    differences(cur, row, cur, row + nx, nx, codes, square, pc, null);
                }
                if (hasNext) {
                    differences(cur, row, next, row, nx, codes, 2 * square, pc, null);
                }
            }
            if (mc && hasNext) {
                cubes(cur, next, nx, ny, cubes);
            }
            byte[] t = cur;
            cur = next;
            next = t;
        }
        return pc.drain(vox, cubes);
    }

    /**
     * Counts every i in 0..n-1 where {@code a[ao+i] != b[bo+i]} as a face between codes
     * {@code (a[ao+i], b[bo+i])} (pair index {@code base + a * codes + b}), comparing eight voxels
     * per step. With {@code voxels} (the x direction, {@code b == a}, {@code bo == ao + 1}) also
     * adds the voxels of the row's runs of equal codes, {@code ao .. ao+n} inclusive.
     */
    private static void differences(byte[] a, int ao, byte[] b, int bo, int n, int codes, int base, PairCounter pc,
            long[] voxels) {
        int run = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long diff = (long) WORDS.get(a, ao + i) ^ (long) WORDS.get(b, bo + i);
            while (diff != 0) {
                int j = i + (Long.numberOfTrailingZeros(diff) >>> 3);
                diff &= ~(0xFFL << ((j - i) << 3));
                run = face(a, ao, b, bo, j, codes, base, pc, voxels, run);
            }
        }
        for (; i < n; i++) {
            if (a[ao + i] != b[bo + i]) {
                run = face(a, ao, b, bo, i, codes, base, pc, voxels, run);
            }
        }
        if (voxels != null) {
            voxels[a[ao + n] & 0xFF] += n + 1 - run;
        }
    }

    /** Counts the face at position j; returns where the current run of equal codes starts. */
    private static int face(byte[] a, int ao, byte[] b, int bo, int j, int codes, int base, PairCounter pc, long[] voxels,
            int run) {
        int ca = a[ao + j] & 0xFF;
        pc.add(base + ca * codes + (b[bo + j] & 0xFF));
        if (voxels == null) {
            return run;
        }
        voxels[ca] += j + 1 - run;
        return j + 1;
    }

    /** Adds the corner pattern of every cube between slices a (z) and b (z+1) to {@code hist[phase*256 + pattern]}. */
    private static void cubes(byte[] a, byte[] b, int nx, int ny, long[] hist) {
        int[] v = new int[8];
        for (int y = 0; y + 1 < ny; y++) {
            int r0 = y * nx;
            int r1 = r0 + nx;
            for (int x = 0; x + 1 < nx; x++) {
                v[0] = a[r0 + x] & 0xFF;
                v[1] = a[r0 + x + 1] & 0xFF;
                v[2] = a[r1 + x] & 0xFF;
                v[3] = a[r1 + x + 1] & 0xFF;
                v[4] = b[r0 + x] & 0xFF;
                v[5] = b[r0 + x + 1] & 0xFF;
                v[6] = b[r1 + x] & 0xFF;
                v[7] = b[r1 + x + 1] & 0xFF;
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

    /** Label value - phases[0] -> phase index, when the labels span less than 65536 values; else null. */
    private static int[] lut(int[] phases) {
        int lo = phases[0];
        int hi = phases[phases.length - 1];
        if (hi - lo >= 65536) {
            return null;
        }
        int[] lut = new int[hi - lo + 1];
        Arrays.fill(lut, -1);
        for (int i = 0; i < phases.length; i++) {
            lut[phases[i] - lo] = i;
        }
        return lut;
    }

    /**
     * Reads slice z as codes: the label bytes themselves when {@code phases} is null (u8), else
     * the phase indices (positions in {@code phases}, below {@value #MAX_PHASES}).
     */
    private static void readCodes(Volume labels, int z, byte[] out, int[] phases, int[] lut, int[] tmp) {
        long start = labels.dims().index(0, 0, z);
        if (phases == null) {
            labels.read(start, out, 0, out.length);
            return;
        }
        labels.read(start, tmp, 0, tmp.length);
        if (lut != null) {
            int lo = phases[0];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) lut[tmp[i] - lo];
            }
        } else {
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) Arrays.binarySearch(phases, tmp[i]);
            }
        }
    }
}
