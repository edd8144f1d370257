package org.tomolyte.analysis.tracking;

import java.util.List;

import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.Check;

/**
 * Digital volume correlation (DVC) by subset matching: the displacement of the material at
 * points of a regular grid between a reference and a deformed scan (Bay et al., Exp. Mech. 39,
 * 217 (1999); as used for the displacement vector map of Lewis et al., paper 003, Fig. 5b).
 *
 * <p>Geometry (per axis a, voxel size s_a): subsets are cubes in um, {@code 2 h_a + 1} voxels
 * with {@code h_a = max(1, round(subset_um / (2 s_a)))}; centres every
 * {@code max(1, round(step_um / s_a))} voxels, the grid centred in the volume and every subset,
 * shifted by up to {@code r_a = ceil(search_um / s_a)} voxels each way, inside the volume (so
 * every subset searches the same range). A match whose best integer shift lies on the limit of
 * the search range (|shift| = r_a on some axis with r_a &gt; 0) may have its true peak outside:
 * it is not valid.
 *
 * <p>Matching: the zero-normalised cross-correlation (ZNCC) of the reference subset with the
 * deformed volume at every integer shift, computed at once per subset by FFT (numerator, radix-2
 * transforms of the subset-plus-search box) and summed-volume tables (local means and variances);
 * the best integer shift is refined by a 3-point parabolic fit per axis, then by Gauss-Newton
 * iterations of the translation-only zero-normalised sum of squared differences (ZNSSD), and
 * finally by the inverse-compositional Gauss-Newton scheme with a first-order shape function
 * (the subset may stretch and shear: 12 parameters, displacement and its gradient; Pan et al.,
 * Exp. Mech. 53, 1277 (2013)), with Keys cubic interpolation of the deformed volume. Iterations
 * stop when the update moves no subset point by more than 0.001 voxel (at most 20); a stage that
 * diverges (leaves +-1.5 voxel of the integer peak, gradient above 0.5, singular Hessian) is
 * dropped and the previous estimate kept. The reported correlation is the ZNCC at the final
 * warp (1 = identical up to brightness and contrast); the displacement is that of the subset
 * centre.
 *
 * <p>Measured accuracy on the textured test phantom (speckle of 1.5-2.5 voxel blobs, see
 * {@code DvcTest}): uniform sub-voxel shift with anisotropic voxels and noise (sigma 20 on a
 * speckle of standard deviation about 130) within 0.07 voxel; linear strain (1%, -0.5%, shear 0.4%) within 0.008
 * voxel without noise; a Gaussian bulge with gradients up to 0.12 within 0.17 voxel (the shape
 * function is linear, the bulge is not); on 128^3 voxels of 0.7 x 0.7 x 1.0 um with noise 20, a
 * 3 um bulge of radius 25.6 um, subsets of 10 um: 1600 vectors, largest error 0.12 voxel, mean
 * 0.02 voxel.
 *
 * <p>Convention: the displacement is the position in the deformed scan minus the position in
 * the reference, at the subset centre in the reference, in um; content moving towards +x gives
 * u &gt; 0. Subsets whose correlation is below {@code minCorrelation}, whose best integer shift is
 * at the search limit, or that have no texture (zero variance), are not valid: their components
 * are NaN.
 *
 * <p>Parallel over subsets; every subset is computed by the same code whatever the thread, so
 * the result is identical for any thread count. Memory: both volumes as {@code float} arrays
 * (at most 2^31 - 1 voxels each).
 */
public final class Dvc {

    private static final int MAX_ITERATIONS = 20;
    private static final double CONVERGED_VOXEL = 1e-3;

    /**
     * Settings.
     *
     * @param subsetUm       subset edge, um, &gt; 0
     * @param stepUm         distance between subset centres, um, &gt; 0
     * @param searchUm       largest displacement searched along each axis, um, &gt;= 0
     * @param minCorrelation smallest ZNCC of a valid vector, -1..1
     */
    public record Settings(double subsetUm, double stepUm, double searchUm, double minCorrelation) {
        public Settings {
            Check.greater("subset_um", subsetUm, 0);
            Check.greater("step_um", stepUm, 0);
            Check.atLeast("search_um", searchUm, 0);
            Check.range("min_correlation", minCorrelation, -1, 1);
        }
    }

    /**
     * One displacement vector.
     *
     * @param xUm         subset centre x in the reference, um (voxel centre, from the outer corner of voxel 0)
     * @param yUm         subset centre y, um
     * @param zUm         subset centre z, um
     * @param uUm         displacement along x, um (NaN when not valid)
     * @param vUm         displacement along y, um
     * @param wUm         displacement along z, um
     * @param correlation ZNCC at the match, -1..1 (NaN for a subset without texture)
     * @param valid       correlation at least the minimum
     * @param gridX       grid column of the subset
     * @param gridY       grid row
     * @param gridZ       grid layer
     */
    public record Vector(double xUm, double yUm, double zUm, double uUm, double vUm, double wUm, double correlation, boolean valid,
                         int gridX, int gridY, int gridZ) {

        /** Length of the displacement, um (NaN when not valid). */
        public double magnitudeUm() {
            return Math.sqrt(uUm * uUm + vUm * vUm + wUm * wUm);
        }
    }

    /**
     * A displacement field on a grid.
     *
     * @param vectors one per subset, x fastest, then y, then z
     * @param grid    number of subsets along x, y, z
     */
    public record Field(List<Vector> vectors, Dims grid) {

        /** Number of valid vectors. */
        public long validCount() {
            return vectors.stream().filter(Vector::valid).count();
        }
    }

    /** Subset geometry in voxels along the three axes. */
    record Geometry(int[] half, int[] step, int[] search, int[] first, int[] count, int[] fft) {

        static Geometry of(Dims d, Spacing s, Settings st) {
            int[] half = new int[3];
            int[] step = new int[3];
            int[] search = new int[3];
            int[] first = new int[3];
            int[] count = new int[3];
            int[] fft = new int[3];
            String[] names = {"x", "y", "z"};
            for (int a = 0; a < 3; a++) {
                double sp = s.along(a);
                int n = d.size(a);
                half[a] = Math.max(1, (int) Math.round(st.subsetUm() / (2 * sp)));
                step[a] = Math.max(1, (int) Math.round(st.stepUm() / sp));
                search[a] = (int) Math.ceil(st.searchUm() / sp - 1e-9);
                int size = 2 * half[a] + 1;
                if (size + 2 * search[a] > n) {
                    throw new ParameterException("subset_um " + Check.fmt(st.subsetUm()) + " plus twice search_um " + Check.fmt(st.searchUm())
                            + " span " + (size + 2 * search[a]) + " voxels along " + names[a] + " but the volume has " + n + " (voxel "
                            + Check.fmt(sp) + " um); use a smaller subset or search");
                }
                int margin = half[a] + search[a];
                int span = n - 1 - 2 * margin;
                count[a] = span / step[a] + 1;
                first[a] = margin + (span - (count[a] - 1) * step[a]) / 2;
                fft[a] = Integer.highestOneBit(Math.max(1, size + 2 * search[a] - 1)) << 1;
                if (fft[a] / 2 >= size + 2 * search[a]) {
                    fft[a] /= 2;
                }
            }
            long box = (long) fft[0] * fft[1] * fft[2];
            if (box > (1 << 24)) {
                throw new ParameterException("subset_um plus twice search_um span " + box
                        + " voxels per subset (more than 2^24); use a smaller subset or search");
            }
            return new Geometry(half, step, search, first, count, fft);
        }

        long vectors() {
            return (long) count[0] * count[1] * count[2];
        }
    }

    private Dvc() {
    }

    /**
     * Checks that the settings suit volumes of this size and voxel size, without computing.
     *
     * @return the number of subsets along x, y and z
     * @throws ParameterException when a subset does not fit or the search box is too large
     */
    public static Dims grid(Dims dims, Spacing spacing, Settings settings) {
        Geometry g = Geometry.of(dims, spacing, settings);
        if (g.vectors() > Integer.MAX_VALUE - 8) {
            throw new ParameterException("step_um " + Check.fmt(settings.stepUm()) + " gives " + g.vectors() + " subsets; use a larger step");
        }
        return new Dims(g.count()[0], g.count()[1], g.count()[2]);
    }

    /**
     * Computes the displacement field.
     *
     * @param reference reference scan
     * @param deformed  deformed scan, same size and voxel size
     * @param settings  subset, step, search and minimum correlation
     * @param progress  advanced once per subset
     * @return the vectors
     */
    public static Field compute(Volume reference, Volume deformed, Settings settings, Progress progress) {
        PhaseCorrelation.checkPair(reference, deformed, "reference", "deformed");
        Dims d = reference.dims();
        if (d.voxels() > Integer.MAX_VALUE - 8) {
            throw new InputException("reference has " + d.voxels() + " voxels; DVC holds it in arrays of at most 2^31 - 1 voxels: crop it first");
        }
        Spacing sp = reference.spacing();
        Geometry g = Geometry.of(d, sp, settings);
        Dims grid = grid(d, sp, settings);
        float[] ref = new float[(int) d.voxels()];
        float[] def = new float[(int) d.voxels()];
        reference.read(0, ref, 0, ref.length);
        deformed.read(0, def, 0, def.length);
        Fft3 fft = new Fft3(new Dims(g.fft()[0], g.fft()[1], g.fft()[2]));
        int total = (int) g.vectors();
        progress.start("digital volume correlation", total);
        List<Vector> vectors = Parallel.map(total, i -> {
            int ix = i % grid.nx();
            int iy = (i / grid.nx()) % grid.ny();
            int iz = i / (grid.nx() * grid.ny());
            int[] c = {g.first()[0] + ix * g.step()[0], g.first()[1] + iy * g.step()[1], g.first()[2] + iz * g.step()[2]};
            double[] m = new Subset(ref, def, d, g, fft, c).match();
            double corr = m[3];
            boolean valid = Double.isFinite(corr) && corr >= settings.minCorrelation() && m[4] == 0;
            return new Vector((c[0] + 0.5) * sp.x(), (c[1] + 0.5) * sp.y(), (c[2] + 0.5) * sp.z(),
                    valid ? m[0] * sp.x() : Double.NaN, valid ? m[1] * sp.y() : Double.NaN, valid ? m[2] * sp.z() : Double.NaN,
                    corr, valid, ix, iy, iz);
        }, progress);
        progress.done();
        return new Field(vectors, grid);
    }

    /** The matching of one subset. */
    private static final class Subset {
        private final float[] ref;
        private final float[] def;
        private final Dims d;
        private final Geometry g;
        private final Fft3 fft;
        private final int[] c;
        private final int[] size = new int[3];
        private final int[] lo = new int[3];
        private final int[] hi = new int[3];

        Subset(float[] ref, float[] def, Dims d, Geometry g, Fft3 fft, int[] c) {
            this.ref = ref;
            this.def = def;
            this.d = d;
            this.g = g;
            this.fft = fft;
            this.c = c;
            for (int a = 0; a < 3; a++) {
                int h = g.half()[a];
                size[a] = 2 * h + 1;
                lo[a] = Math.max(-g.search()[a], -(c[a] - h));
                hi[a] = Math.min(g.search()[a], d.size(a) - 1 - (c[a] + h));
            }
        }

        private int index(int x, int y, int z) {
            return x + d.nx() * (y + d.ny() * z);
        }

        /** Displacement (voxels), correlation and whether the integer peak is at the search limit: {u, v, w, zncc, 0 or 1}. */
        double[] match() {
            int sx = size[0];
            int sy = size[1];
            int sz = size[2];
            int n = sx * sy * sz;
            int x0 = c[0] - g.half()[0];
            int y0 = c[1] - g.half()[1];
            int z0 = c[2] - g.half()[2];
            double[] t = new double[n];
            double mean = 0;
            for (int z = 0; z < sz; z++) {
                for (int y = 0; y < sy; y++) {
                    int src = index(x0, y0 + y, z0 + z);
                    for (int x = 0; x < sx; x++) {
                        t[x + sx * (y + sy * z)] = ref[src + x];
                        mean += ref[src + x];
                    }
                }
            }
            mean /= n;
            double norm = 0;
            for (int i = 0; i < n; i++) {
                t[i] -= mean;
                norm += t[i] * t[i];
            }
            norm = Math.sqrt(norm);
            if (!(norm > 1e-9 * Math.max(1, Math.abs(mean)) * Math.sqrt(n))) {
                return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0};
            }
            double[] zncc = integerZncc(t, norm);
            int wx = hi[0] - lo[0] + 1;
            int wy = hi[1] - lo[1] + 1;
            int wz = hi[2] - lo[2] + 1;
            int best = 0;
            for (int i = 1; i < zncc.length; i++) {
                if (zncc[i] > zncc[best]) {
                    best = i;
                }
            }
            int bx = best % wx;
            int by = (best / wx) % wy;
            int bz = best / (wx * wy);
            boolean atLimit = (g.search()[0] > 0 && (bx == 0 || bx == wx - 1)) || (g.search()[1] > 0 && (by == 0 || by == wy - 1))
                    || (g.search()[2] > 0 && (bz == 0 || bz == wz - 1));
            double[] start = {
                    lo[0] + bx + parabola(zncc, best, 1, bx, wx),
                    lo[1] + by + parabola(zncc, best, wx, by, wy),
                    lo[2] + bz + parabola(zncc, best, wx * wy, bz, wz)};
            int[] peak = {lo[0] + bx, lo[1] + by, lo[2] + bz};
            double[] refined = gaussNewton(t, norm, start, peak);
            double[] m = refined != null ? refined : new double[] {start[0], start[1], start[2], zncc[best]};
            double[] affine = affineGaussNewton(t, norm, new double[] {m[0], m[1], m[2]}, peak);
            if (affine != null) {
                m = affine;
            }
            return new double[] {m[0], m[1], m[2], m[3], atLimit ? 1 : 0};
        }

        /** Offset of a parabola through the peak and its two neighbours along one axis, within +-0.5. */
        private static double parabola(double[] v, int at, int stride, int pos, int len) {
            if (pos == 0 || pos == len - 1) {
                return 0;
            }
            double a = v[at - stride];
            double b = v[at];
            double c = v[at + stride];
            double den = a - 2 * b + c;
            if (!(den < 0)) {
                return 0;
            }
            return Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / den));
        }

        /** ZNCC at every integer shift lo..hi, x fastest, by FFT correlation and summed-volume tables. */
        private double[] integerZncc(double[] t, double tNorm) {
            Dims fd = fft.dims();
            int lx = fd.nx();
            int ly = fd.ny();
            int lz = fd.nz();
            int len = (int) fd.voxels();
            int sx = size[0];
            int sy = size[1];
            int sz = size[2];
            double[] ar = new double[len];
            double[] ai = new double[len];
            for (int z = 0; z < sz; z++) {
                for (int y = 0; y < sy; y++) {
                    System.arraycopy(t, sx * (y + sy * z), ar, lx * (y + ly * z), sx);
                }
            }
            // region of the deformed volume covering every shifted subset
            int rx = sx + hi[0] - lo[0];
            int ry = sy + hi[1] - lo[1];
            int rz = sz + hi[2] - lo[2];
            int ox = c[0] - g.half()[0] + lo[0];
            int oy = c[1] - g.half()[1] + lo[1];
            int oz = c[2] - g.half()[2] + lo[2];
            double[] br = new double[len];
            double[] bi = new double[len];
            // summed-volume tables of the region and its square, (rx + 1)(ry + 1)(rz + 1)
            int px = rx + 1;
            int py = ry + 1;
            double[] s1 = new double[px * py * (rz + 1)];
            double[] s2 = new double[s1.length];
            for (int z = 0; z < rz; z++) {
                for (int y = 0; y < ry; y++) {
                    int src = index(ox, oy + y, oz + z);
                    double row1 = 0;
                    double row2 = 0;
                    for (int x = 0; x < rx; x++) {
                        double v = def[src + x];
                        ai[x + lx * (y + ly * z)] = v;
                        row1 += v;
                        row2 += v * v;
                        int at = (x + 1) + px * ((y + 1) + py * (z + 1));
                        s1[at] = row1 + s1[at - px] + s1[at - px * py] - s1[at - px - px * py];
                        s2[at] = row2 + s2[at - px] + s2[at - px * py] - s2[at - px - px * py];
                    }
                }
            }
            // both real inputs in one complex transform: z = template + i region, Z = A + i B with
            // A(k) = (Z(k) + conj Z(-k)) / 2 and B(k) = (Z(k) - conj Z(-k)) / 2i; then conj(A) B
            fft.forward(ar, ai);
            for (int kz = 0; kz < lz; kz++) {
                int nz = (lz - kz) % lz;
                for (int ky = 0; ky < ly; ky++) {
                    int ny = (ly - ky) % ly;
                    for (int kx = 0; kx < lx; kx++) {
                        int k = kx + lx * (ky + ly * kz);
                        int m = (lx - kx) % lx + lx * (ny + ly * nz);
                        double p = ar[k];
                        double q = ai[k];
                        double r = ar[m];
                        double s = ai[m];
                        double aRe = 0.5 * (p + r);
                        double aIm = 0.5 * (q - s);
                        double bRe = 0.5 * (q + s);
                        double bIm = 0.5 * (r - p);
                        br[k] = aRe * bRe + aIm * bIm;
                        bi[k] = aRe * bIm - aIm * bRe;
                    }
                }
            }
            fft.inverse(br, bi);
            int wx = hi[0] - lo[0] + 1;
            int wy = hi[1] - lo[1] + 1;
            int wz = hi[2] - lo[2] + 1;
            double n = (double) sx * sy * sz;
            double[] out = new double[wx * wy * wz];
            for (int z = 0; z < wz; z++) {
                for (int y = 0; y < wy; y++) {
                    for (int x = 0; x < wx; x++) {
                        double sum = box(s1, px, py, x, y, z, sx, sy, sz);
                        double sq = box(s2, px, py, x, y, z, sx, sy, sz);
                        double var = sq - sum * sum / n;
                        double num = br[x + lx * (y + ly * z)];
                        out[x + wx * (y + wy * z)] = var > 1e-12 * Math.max(sq, 1e-300) ? num / (tNorm * Math.sqrt(var)) : -1;
                    }
                }
            }
            return out;
        }

        private static double box(double[] s, int px, int py, int x, int y, int z, int sx, int sy, int sz) {
            int x1 = x + sx;
            int y1 = y + sy;
            int z1 = z + sz;
            return s[x1 + px * (y1 + py * z1)] - s[x + px * (y1 + py * z1)] - s[x1 + px * (y + py * z1)] - s[x1 + px * (y1 + py * z)]
                    + s[x + px * (y + py * z1)] + s[x + px * (y1 + py * z)] + s[x1 + px * (y + py * z)] - s[x + px * (y + py * z)];
        }

        /**
         * Inverse-compositional Gauss-Newton refinement of a translation; null when it diverges
         * (leaves +-1.5 voxel of the integer peak or the search range).
         */
        private double[] gaussNewton(double[] t, double tNorm, double[] start, int[] peak) {
            int n = size[0] * size[1] * size[2];
            // normalised template and its zero-mean gradient (central differences in the reference)
            double[] tn = new double[n];
            for (int i = 0; i < n; i++) {
                tn[i] = t[i] / tNorm;
            }
            double[][] grad = gradients(tNorm);
            double[] gm = new double[3];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < 3; a++) {
                    gm[a] += grad[a][i];
                }
            }
            double[] h = new double[9];
            for (int a = 0; a < 3; a++) {
                gm[a] /= n;
            }
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < 3; a++) {
                    grad[a][i] -= gm[a];
                }
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        h[3 * a + b] += grad[a][i] * grad[b][i];
                    }
                }
            }
            double[] inv = invert3(h);
            if (inv == null) {
                return null;
            }
            double[] p = start.clone();
            double[] img = new double[n];
            for (int it = 0; it < MAX_ITERATIONS; it++) {
                if (!sample(p, img)) {
                    return null;
                }
                double[] b = new double[3];
                for (int i = 0; i < n; i++) {
                    double e = img[i] - tn[i];
                    b[0] += grad[0][i] * e;
                    b[1] += grad[1][i] * e;
                    b[2] += grad[2][i] * e;
                }
                double step = 0;
                for (int a = 0; a < 3; a++) {
                    double delta = inv[3 * a] * b[0] + inv[3 * a + 1] * b[1] + inv[3 * a + 2] * b[2];
                    p[a] -= delta;
                    step = Math.max(step, Math.abs(delta));
                }
                for (int a = 0; a < 3; a++) {
                    if (!(Math.abs(p[a] - peak[a]) <= 1.5) || p[a] < lo[a] - 0.5 || p[a] > hi[a] + 0.5) {
                        return null;
                    }
                }
                if (step < CONVERGED_VOXEL) {
                    break;
                }
            }
            return sample(p, img) ? new double[] {p[0], p[1], p[2], correlation(img, tn)} : null;
        }

        /** Gradients of the reference over the subset (central differences, grey per voxel), divided by tNorm: [axis][point]. */
        private double[][] gradients(double tNorm) {
            int sx = size[0];
            int sy = size[1];
            int sz = size[2];
            int x0 = c[0] - g.half()[0];
            int y0 = c[1] - g.half()[1];
            int z0 = c[2] - g.half()[2];
            double[][] grad = new double[3][sx * sy * sz];
            for (int z = 0; z < sz; z++) {
                for (int y = 0; y < sy; y++) {
                    for (int x = 0; x < sx; x++) {
                        int i = x + sx * (y + sy * z);
                        for (int a = 0; a < 3; a++) {
                            grad[a][i] = diff(x0 + x, y0 + y, z0 + z, a) / tNorm;
                        }
                    }
                }
            }
            return grad;
        }

        /**
         * Inverse-compositional Gauss-Newton with a first-order shape function: the subset point at
         * offset xi from the centre maps to {@code c + xi + d + A xi} in the deformed volume (12
         * parameters: d and the displacement gradient A, voxels per voxel), starting from the
         * translation {@code start} with A = 0; each step composes the warp with the inverse of the
         * increment. Returns {d, zncc}, or null when it diverges (d leaves +-1.5 voxel of the
         * integer peak, |A| exceeds 0.5, the Hessian is singular).
         */
        private double[] affineGaussNewton(double[] t, double tNorm, double[] start, int[] peak) {
            int sx = size[0];
            int sy = size[1];
            int sz = size[2];
            int n = sx * sy * sz;
            int[] h = g.half();
            double[] tn = new double[n];
            for (int i = 0; i < n; i++) {
                tn[i] = t[i] / tNorm;
            }
            double[][] grad = gradients(tNorm);
            // steepest-descent images: d/dP of T(W(xi; P)) at P = 0, made zero-mean (ZNSSD ignores offsets)
            double[][] sd = new double[12][n];
            for (int z = 0; z < sz; z++) {
                for (int y = 0; y < sy; y++) {
                    for (int x = 0; x < sx; x++) {
                        int i = x + sx * (y + sy * z);
                        double[] xi = {x - h[0], y - h[1], z - h[2]};
                        for (int a = 0; a < 3; a++) {
                            sd[a][i] = grad[a][i];
                            for (int b = 0; b < 3; b++) {
                                sd[3 + 3 * a + b][i] = grad[a][i] * xi[b];
                            }
                        }
                    }
                }
            }
            double[] hess = new double[144];
            for (int k = 0; k < 12; k++) {
                double mean = 0;
                for (int i = 0; i < n; i++) {
                    mean += sd[k][i];
                }
                mean /= n;
                for (int i = 0; i < n; i++) {
                    sd[k][i] -= mean;
                }
            }
            for (int k = 0; k < 12; k++) {
                for (int l = k; l < 12; l++) {
                    double sum = 0;
                    for (int i = 0; i < n; i++) {
                        sum += sd[k][i] * sd[l][i];
                    }
                    hess[12 * k + l] = sum;
                    hess[12 * l + k] = sum;
                }
            }
            double[] inv = invert(hess, 12);
            if (inv == null) {
                return null;
            }
            // warp as a 3 x 4 matrix [I + A | d]
            double[] w = {1, 0, 0, start[0], 0, 1, 0, start[1], 0, 0, 1, start[2]};
            double[] img = new double[n];
            double reach = Math.max(h[0], Math.max(h[1], h[2]));
            for (int it = 0; it < MAX_ITERATIONS; it++) {
                if (!sampleAffine(w, img)) {
                    return null;
                }
                double[] b = new double[12];
                for (int i = 0; i < n; i++) {
                    double e = img[i] - tn[i];
                    for (int k = 0; k < 12; k++) {
                        b[k] += sd[k][i] * e;
                    }
                }
                double[] dp = new double[12];
                for (int k = 0; k < 12; k++) {
                    double sum = 0;
                    for (int l = 0; l < 12; l++) {
                        sum += inv[12 * k + l] * b[l];
                    }
                    dp[k] = sum;
                }
                // increment warp [I + dA | dd]; compose w <- w o inverse(increment)
                double[] inc = {1 + dp[3], dp[4], dp[5], dp[6], 1 + dp[7], dp[8], dp[9], dp[10], 1 + dp[11]};
                double[] incInv = invert3(inc);
                if (incInv == null) {
                    return null;
                }
                double[] id = new double[3];
                for (int a = 0; a < 3; a++) {
                    id[a] = -(incInv[3 * a] * dp[0] + incInv[3 * a + 1] * dp[1] + incInv[3 * a + 2] * dp[2]);
                }
                double[] nw = new double[12];
                for (int a = 0; a < 3; a++) {
                    for (int bb = 0; bb < 3; bb++) {
                        nw[4 * a + bb] = w[4 * a] * incInv[bb] + w[4 * a + 1] * incInv[3 + bb] + w[4 * a + 2] * incInv[6 + bb];
                    }
                    nw[4 * a + 3] = w[4 * a] * id[0] + w[4 * a + 1] * id[1] + w[4 * a + 2] * id[2] + w[4 * a + 3];
                }
                double change = 0;
                for (int a = 0; a < 3; a++) {
                    change = Math.max(change, Math.abs(nw[4 * a + 3] - w[4 * a + 3]));
                    for (int bb = 0; bb < 3; bb++) {
                        change = Math.max(change, Math.abs(nw[4 * a + bb] - w[4 * a + bb]) * reach);
                    }
                }
                w = nw;
                for (int a = 0; a < 3; a++) {
                    if (!(Math.abs(w[4 * a + 3] - peak[a]) <= 1.5)) {
                        return null;
                    }
                    for (int bb = 0; bb < 3; bb++) {
                        if (!(Math.abs(w[4 * a + bb] - (a == bb ? 1 : 0)) <= 0.5)) {
                            return null;
                        }
                    }
                }
                if (change < CONVERGED_VOXEL) {
                    break;
                }
            }
            return sampleAffine(w, img) ? new double[] {w[3], w[7], w[11], correlation(img, tn)} : null;
        }

        /** ZNCC of the sampled, normalised deformed subset {@code img} with the normalised reference subset {@code tn}. */
        private static double correlation(double[] img, double[] tn) {
            double zncc = 0;
            for (int i = 0; i < tn.length; i++) {
                zncc += img[i] * tn[i];
            }
            return zncc;
        }

        /**
         * The deformed volume at {@code c + (I + A) xi + d} for every subset offset xi (warp
         * {@code w = [I + A | d]}, 3 x 4 row-major), Keys cubic interpolation with indices clamped
         * at the border, normalised to zero mean and unit norm; false when flat.
         */
        private boolean sampleAffine(double[] w, double[] out) {
            int sx = size[0];
            int sy = size[1];
            int sz = size[2];
            int[] h = g.half();
            int nx = d.nx();
            int ny = d.ny();
            int nz = d.nz();
            double mean = 0;
            for (int z = 0; z < sz; z++) {
                double zz = z - h[2];
                for (int y = 0; y < sy; y++) {
                    double yy = y - h[1];
                    for (int x = 0; x < sx; x++) {
                        double xx = x - h[0];
                        double qx = c[0] + w[0] * xx + w[1] * yy + w[2] * zz + w[3];
                        double qy = c[1] + w[4] * xx + w[5] * yy + w[6] * zz + w[7];
                        double qz = c[2] + w[8] * xx + w[9] * yy + w[10] * zz + w[11];
                        double fx = Math.floor(qx);
                        double fy = Math.floor(qy);
                        double fz = Math.floor(qz);
                        double[] kx = keys(qx - fx);
                        double[] ky = keys(qy - fy);
                        double[] kz = keys(qz - fz);
                        int bx = (int) fx - 1;
                        int by = (int) fy - 1;
                        int bz = (int) fz - 1;
                        double v = 0;
                        for (int cz = 0; cz < 4; cz++) {
                            int oz = Math.max(0, Math.min(nz - 1, bz + cz)) * nx * ny;
                            double vy = 0;
                            for (int cy = 0; cy < 4; cy++) {
                                int row = oz + Math.max(0, Math.min(ny - 1, by + cy)) * nx;
                                double vx = 0;
                                for (int cx = 0; cx < 4; cx++) {
                                    vx += kx[cx] * def[row + Math.max(0, Math.min(nx - 1, bx + cx))];
                                }
                                vy += ky[cy] * vx;
                            }
                            v += kz[cz] * vy;
                        }
                        out[x + sx * (y + sy * z)] = v;
                        mean += v;
                    }
                }
            }
            int n = sx * sy * sz;
            mean /= n;
            double norm = 0;
            for (int i = 0; i < n; i++) {
                out[i] -= mean;
                norm += out[i] * out[i];
            }
            if (!(norm > 0)) {
                return false;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                out[i] /= norm;
            }
            return true;
        }

        /** Inverse of an n x n matrix (row-major) by Gauss-Jordan elimination with partial pivoting; null when singular. */
        private static double[] invert(double[] m, int n) {
            double[] a = m.clone();
            double[] inv = new double[n * n];
            double scale = 0;
            for (int i = 0; i < n; i++) {
                inv[i * n + i] = 1;
                scale = Math.max(scale, Math.abs(a[i * n + i]));
            }
            for (int col = 0; col < n; col++) {
                int piv = col;
                for (int r = col + 1; r < n; r++) {
                    if (Math.abs(a[r * n + col]) > Math.abs(a[piv * n + col])) {
                        piv = r;
                    }
                }
                if (!(Math.abs(a[piv * n + col]) > 1e-12 * scale)) {
                    return null;
                }
                if (piv != col) {
                    for (int k = 0; k < n; k++) {
                        double tmp = a[col * n + k];
                        a[col * n + k] = a[piv * n + k];
                        a[piv * n + k] = tmp;
                        tmp = inv[col * n + k];
                        inv[col * n + k] = inv[piv * n + k];
                        inv[piv * n + k] = tmp;
                    }
                }
                double p = a[col * n + col];
                for (int k = 0; k < n; k++) {
                    a[col * n + k] /= p;
                    inv[col * n + k] /= p;
                }
                for (int r = 0; r < n; r++) {
                    if (r != col) {
                        double f = a[r * n + col];
                        if (f != 0) {
                            for (int k = 0; k < n; k++) {
                                a[r * n + k] -= f * a[col * n + k];
                                inv[r * n + k] -= f * inv[col * n + k];
                            }
                        }
                    }
                }
            }
            return inv;
        }

        /** Central difference of the reference along an axis (one-sided at the volume border), grey per voxel. */
        private double diff(int x, int y, int z, int axis) {
            int[] q = {x, y, z};
            int n = d.size(axis);
            int a = Math.max(0, q[axis] - 1);
            int b = Math.min(n - 1, q[axis] + 1);
            if (a == b) {
                return 0;
            }
            int[] qa = q.clone();
            int[] qb = q.clone();
            qa[axis] = a;
            qb[axis] = b;
            return (ref[index(qb[0], qb[1], qb[2])] - ref[index(qa[0], qa[1], qa[2])]) / (b - a);
        }

        /**
         * The deformed volume at the subset points shifted by p (voxels), Keys cubic interpolation
         * (indices clamped at the border), normalised to zero mean and unit norm; false when flat.
         */
        private boolean sample(double[] p, double[] out) {
            int sx = size[0];
            int sy = size[1];
            int sz = size[2];
            int[] base = new int[3];
            double[][] w = new double[3][];
            for (int a = 0; a < 3; a++) {
                double f = Math.floor(p[a]);
                base[a] = (int) f + c[a] - g.half()[a];
                w[a] = keys(p[a] - f);
            }
            int nx = d.nx();
            int ny = d.ny();
            int nz = d.nz();
            int[] ix = new int[(sx + 3)];
            int[] iy = new int[(sy + 3)];
            int[] iz = new int[(sz + 3)];
            for (int k = 0; k < sx + 3; k++) {
                ix[k] = Math.max(0, Math.min(nx - 1, base[0] - 1 + k));
            }
            for (int k = 0; k < sy + 3; k++) {
                iy[k] = Math.max(0, Math.min(ny - 1, base[1] - 1 + k)) * nx;
            }
            for (int k = 0; k < sz + 3; k++) {
                iz[k] = Math.max(0, Math.min(nz - 1, base[2] - 1 + k)) * nx * ny;
            }
            // separable: along x for all needed (y, z), then y, then z
            double[] ax = new double[sx * (sy + 3) * (sz + 3)];
            for (int z = 0; z < sz + 3; z++) {
                for (int y = 0; y < sy + 3; y++) {
                    int row = iz[z] + iy[y];
                    int dst = sx * (y + (sy + 3) * z);
                    for (int x = 0; x < sx; x++) {
                        ax[dst + x] = w[0][0] * def[row + ix[x]] + w[0][1] * def[row + ix[x + 1]] + w[0][2] * def[row + ix[x + 2]]
                                + w[0][3] * def[row + ix[x + 3]];
                    }
                }
            }
            double[] ay = new double[sx * sy * (sz + 3)];
            for (int z = 0; z < sz + 3; z++) {
                for (int y = 0; y < sy; y++) {
                    for (int x = 0; x < sx; x++) {
                        int s = x + sx * (y + (sy + 3) * z);
                        ay[x + sx * (y + sy * z)] = w[1][0] * ax[s] + w[1][1] * ax[s + sx] + w[1][2] * ax[s + 2 * sx] + w[1][3] * ax[s + 3 * sx];
                    }
                }
            }
            int slab = sx * sy;
            double mean = 0;
            for (int z = 0; z < sz; z++) {
                for (int i = 0; i < slab; i++) {
                    int s = i + slab * z;
                    double v = w[2][0] * ay[s] + w[2][1] * ay[s + slab] + w[2][2] * ay[s + 2 * slab] + w[2][3] * ay[s + 3 * slab];
                    out[i + slab * z] = v;
                    mean += v;
                }
            }
            int n = slab * sz;
            mean /= n;
            double norm = 0;
            for (int i = 0; i < n; i++) {
                out[i] -= mean;
                norm += out[i] * out[i];
            }
            if (!(norm > 0)) {
                return false;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                out[i] /= norm;
            }
            return true;
        }

        /** Keys (a = -0.5) cubic convolution weights of the taps at -1, 0, 1, 2 for a fraction f in [0, 1). */
        private static double[] keys(double f) {
            double f2 = f * f;
            double f3 = f2 * f;
            return new double[] {
                    (-f3 + 2 * f2 - f) / 2,
                    (3 * f3 - 5 * f2 + 2) / 2,
                    (-3 * f3 + 4 * f2 + f) / 2,
                    (f3 - f2) / 2};
        }

        private static double[] invert3(double[] m) {
            double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
            double co0 = e * i - f * h;
            double co1 = f * g - d * i;
            double co2 = d * h - e * g;
            double det = a * co0 + b * co1 + c * co2;
            double scale = Math.abs(a) + Math.abs(e) + Math.abs(i);
            if (!(Math.abs(det) > 1e-12 * scale * scale * scale)) {
                return null;
            }
            return new double[] {
                    co0 / det, (c * h - b * i) / det, (b * f - c * e) / det,
                    co1 / det, (a * i - c * g) / det, (c * d - a * f) / det,
                    co2 / det, (b * g - a * h) / det, (a * e - b * d) / det};
        }
    }
}
