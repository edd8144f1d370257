package org.tomolyte.analysis.porosity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.tomolyte.core.DataType;
import org.tomolyte.core.InputException;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;

/**
 * Representative elementary volume (REV) of porosity: the porosity of cubic sub-volumes of
 * growing edge, the centred one and {@code samples} at seeded random positions per size; the REV
 * size is the smallest edge whose porosity standard deviation over those sub-volumes is below a
 * tolerance (paper 001, 4.4: "subvolume optimization").
 *
 * <p>An edge of S um is {@code round(S / spacing)} voxels per axis. The centred cube starts at
 * {@code (n - c) / 2} (integer division) per axis; random cubes start at uniform integers in
 * {@code [0, n - c]} drawn from one {@link SplittableRandom} seeded with {@code seed}, size by size
 * in ascending order, x then y then z. Pore counts of all cubes come from one streaming pass: each
 * slice's per-row prefix counts (ints, one slice at a time) answer the rectangle of every cube
 * crossing that slice with one subtraction per row, so memory is one slice table per thread, never
 * a count per voxel. Slices
 * are split into fixed chunks whose long counts are added, exact for any thread count.
 */
public final class Rev {

    /** Slices per parallel task. */
    static final int CHUNK = 16;

    private Rev() {
    }

    /**
     * A box of voxels.
     *
     * @param x0 first x
     * @param y0 first y
     * @param z0 first z
     * @param cx edge along x in voxels
     * @param cy edge along y in voxels
     * @param cz edge along z in voxels
     */
    public record Cube(int x0, int y0, int z0, int cx, int cy, int cz) {

        /** Voxels in the cube. */
        public long voxels() {
            return (long) cx * cy * cz;
        }
    }

    /**
     * Porosity of the sub-volumes of one size.
     *
     * @param sizeUm   edge in um
     * @param edge     edge in voxels {cx, cy, cz}
     * @param centred  porosity of the centred cube
     * @param porosity porosity of every cube: the centred one first, then the random ones
     * @param stats    statistics over all of them (population std, ddof 0)
     */
    public record Size(double sizeUm, int[] edge, double centred, double[] porosity, SampleStats stats) {
    }

    /**
     * REV result.
     *
     * @param wholePorosity pore fraction of the whole mask
     * @param sizes         one entry per size, ascending
     * @param revSizeUm     smallest size whose std is below the tolerance, NaN when none is
     * @param tolerance     the tolerance used
     */
    public record Result(double wholePorosity, List<Size> sizes, double revSizeUm, double tolerance) {
    }

    /**
     * Computes the REV.
     *
     * @param mask      U8 mask, nonzero = pore
     * @param sizesUm   cube edges in um (sorted here), each at least half a voxel and at most the volume along every axis
     * @param samples   random cubes per size, &gt;= 0
     * @param seed      seed of the random positions
     * @param tolerance std threshold, &gt; 0
     * @param progress  progress of the pass
     * @return porosity per size and the REV size
     */
    public static Result compute(Volume mask, double[] sizesUm, int samples, long seed, double tolerance, Progress progress) {
        if (mask.type() != DataType.U8) {
            throw new InputException("porosity.rev needs a u8 mask (0 solid, nonzero pore), got " + mask.type().label());
        }
        double[] sizes = sizesUm.clone();
        Arrays.sort(sizes);
        int[] n = {mask.dims().nx(), mask.dims().ny(), mask.dims().nz()};
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Cube> cubes = new ArrayList<>();
        List<int[]> edges = new ArrayList<>();
        for (double s : sizes) {
            int[] c = BlockSums.edgeVoxels("sizes_um", s, mask.dims(), mask.spacing());
            edges.add(c);
            cubes.add(new Cube((n[0] - c[0]) / 2, (n[1] - c[1]) / 2, (n[2] - c[2]) / 2, c[0], c[1], c[2]));
            for (int k = 0; k < samples; k++) {
                int x0 = rnd.nextInt(n[0] - c[0] + 1);
                int y0 = rnd.nextInt(n[1] - c[1] + 1);
                int z0 = rnd.nextInt(n[2] - c[2] + 1);
                cubes.add(new Cube(x0, y0, z0, c[0], c[1], c[2]));
            }
        }
        long[] counts = countPores(mask, cubes, progress);
        long total = counts[cubes.size()];
        double whole = total / (double) mask.voxels();
        List<Size> out = new ArrayList<>();
        double rev = Double.NaN;
        int per = samples + 1;
        for (int s = 0; s < sizes.length; s++) {
            double[] phi = new double[per];
            for (int k = 0; k < per; k++) {
                Cube c = cubes.get(s * per + k);
                phi[k] = counts[s * per + k] / (double) c.voxels();
            }
            SampleStats st = SampleStats.of(phi);
            out.add(new Size(sizes[s], edges.get(s), phi[0], phi, st));
            if (Double.isNaN(rev) && st.std() < tolerance) {
                rev = sizes[s];
            }
        }
        return new Result(whole, List.copyOf(out), rev, tolerance);
    }

    /**
     * Pore (nonzero) voxels in each cube, in one streaming pass over the mask.
     *
     * @param mask     U8 mask
     * @param cubes    boxes inside the volume
     * @param progress advanced per chunk of slices
     * @return counts per cube, followed by one more entry: the nonzero voxels of the whole volume
     */
    public static long[] countPores(Volume mask, List<Cube> cubes, Progress progress) {
        if (mask.type() != DataType.U8) {
            throw new InternalException("pore counts need a u8 mask, got " + mask.type().label());
        }
        int nx = mask.dims().nx();
        int ny = mask.dims().ny();
        int nz = mask.dims().nz();
        for (Cube c : cubes) {
            if (c.x0() < 0 || c.y0() < 0 || c.z0() < 0 || c.cx() < 1 || c.cy() < 1 || c.cz() < 1
                    || c.x0() + c.cx() > nx || c.y0() + c.cy() > ny || c.z0() + c.cz() > nz) {
                throw new InternalException("cube " + c + " is not inside " + mask.dims());
            }
        }
        Cube[] cs = cubes.toArray(Cube[]::new);
        int chunks = (nz + CHUNK - 1) / CHUNK;
        progress.start("sub-volume porosity", chunks);
        List<long[]> parts = Parallel.map(chunks, k -> chunk(mask, cs, k * CHUNK, Math.min(nz, (k + 1) * CHUNK)), progress);
        progress.done();
        long[] out = new long[cs.length + 1];
        for (long[] p : parts) {
            for (int i = 0; i < out.length; i++) {
                out[i] += p[i];
            }
        }
        return out;
    }

    private static long[] chunk(Volume mask, Cube[] cs, int z0, int z1) {
        int nx = mask.dims().nx();
        int ny = mask.dims().ny();
        long[] out = new long[cs.length + 1];
        int[] crossing = new int[cs.length];
        byte[] row = new byte[nx];
        int[] words = new int[nx / 8 + 1];
        long slice = (long) nx * ny;
        for (int z = z0; z < z1; z++) {
            int nc = 0;
            for (int i = 0; i < cs.length; i++) {
                if (z >= cs[i].z0() && z < cs[i].z0() + cs[i].cz()) {
                    crossing[nc++] = i;
                }
            }
            long sliceTotal = 0;
            for (int y = 0; y < ny; y++) {
                mask.read(z * slice + (long) y * nx, row, 0, nx);
                sliceTotal += NonzeroBytes.prefix(row, nx, words);
                for (int k = 0; k < nc; k++) {
                    Cube c = cs[crossing[k]];
                    if (y >= c.y0() && y < c.y0() + c.cy()) {
                        out[crossing[k]] += NonzeroBytes.count(row, words, c.x0(), c.x0() + c.cx());
                    }
                }
            }
            out[cs.length] += sliceTotal;
        }
        return out;
    }
}
