package org.tomolyte.analysis.tracking;


import java.util.List;

import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;

/**
 * Rigid sub-voxel translation between two volumes by phase correlation (Kuglin and Hines 1975)
 * with the upsampled-DFT peak refinement of Guizar-Sicairos, Thurman and Fienup, "Efficient
 * subpixel image registration algorithms", Opt. Lett. 33, 156 (2008).
 *
 * <p>Method: both volumes have their (window-weighted) mean removed and are multiplied by a
 * separable window ({@link Window#HANN} by default, which suppresses the wrap-around edges of the
 * circular transform); their 3D DFTs {@code F} and {@code M} give the cross-power spectrum
 * {@code C = conj(F) M}, weighted by {@link Normalization}: {@code PHASE} gives classic phase
 * correlation {@code R = C / |C|}; {@code NONE} (the default) keeps the spectrum's power,
 * {@code R = C / (|f| |m|)}, i.e. windowed normalised cross-correlation. Measured on the textured
 * test phantom with noise (grey noise sigma 40 on a speckle of about 130 standard deviation),
 * phase-only weighting gives every noise-dominated high frequency the same weight as the signal
 * and misses the peak by a voxel or more, while {@code NONE} recovers random shifts within 0.05
 * voxel; {@code PHASE} is the sharper choice for clean images. The inverse DFT of R peaks at the
 * shift; the integer peak (within {@code maxShift} when given) is refined by
 * evaluating the inverse DFT of {@code R} at sub-voxel shifts on a grid of pitch
 * {@code 1/upsample} voxel over +-0.75 voxel around it (matrix-multiply DFT, separable per axis,
 * signed frequencies so that the evaluation is the band-limited interpolant of the correlation),
 * and taking the maximum, then fitting a 3-point parabola per axis through the grid maximum and
 * its two grid neighbours (which refines below the grid pitch: the correlation peak is smooth at
 * that scale). Precision: {@code 1/upsample} voxel per axis or better. Rotation is not estimated.
 *
 * <p>Window bias: fixed windows weight different content in the two volumes when the content
 * moved, which pulls a windowed cross-correlation peak towards zero (about 15% of the shift on
 * the test phantom). With a window, the estimate is therefore repeated with the window of
 * {@code moving} shifted by the current estimate (the window is an analytic function, so this
 * costs no interpolation) until the shift changes by less than {@code 0.5/upsample} voxel, at most
 * four more passes; at convergence both windowed volumes hold the same content and the bias
 * vanishes.
 *
 * <p>Convention: the shift {@code s} is how far the content moved from fixed to moving,
 * {@code moving(p) = fixed(p - s)}; content that moves towards +x gives {@code s.x > 0}. The
 * peak correlation is the interpolated correlation of the normalised spectrum at the peak, 1 for
 * a pure circular shift, near 0 for unrelated volumes.
 *
 * <p>Any size works (the 1D transforms use Bluestein's algorithm for lengths that are not powers
 * of two, see {@link Fft}); the volumes are not padded. Memory: four {@code double} copies of the
 * volume (32 bytes per voxel); at most 2^31 - 1 voxels. Deterministic for any thread count.
 */
public final class PhaseCorrelation {

    /** Apodisation applied before the transform. */
    public enum Window {
        /** Separable Hann window, {@code 0.5 - 0.5 cos(2 pi (i + 0.5) / n)} per axis. */
        HANN,
        /** No window (best for truly periodic content). */
        NONE
    }

    /** How the cross-power spectrum is weighted before the inverse transform. */
    public enum Normalization {
        /**
         * Classic phase correlation: every frequency gets unit weight, {@code R = C / |C|}; the
         * sharpest peak, best for clean, sharp or broadband images.
         */
        PHASE,
        /**
         * Plain cross-correlation, {@code R = C / (|f| |m|)}: frequencies weighted by their power,
         * robust when noise dominates the high frequencies of smooth images; the peak value is then
         * the normalised cross-correlation (-1..1) of the windowed, mean-free volumes.
         */
        NONE
    }

    /**
     * An estimated translation.
     *
     * @param x               shift along x, voxels
     * @param y               shift along y, voxels
     * @param z               shift along z, voxels
     * @param peakCorrelation correlation of the normalised cross-power spectrum at the peak, 0..1
     */
    public record Shift(double x, double y, double z, double peakCorrelation) {

        /** Shift along x in um. */
        public double xUm(Spacing s) {
            return x * s.x();
        }

        /** Shift along y in um. */
        public double yUm(Spacing s) {
            return y * s.y();
        }

        /** Shift along z in um. */
        public double zUm(Spacing s) {
            return z * s.z();
        }
    }

    private PhaseCorrelation() {
    }

    /**
     * Estimates the translation from {@code fixed} to {@code moving}.
     *
     * @param fixed      reference volume
     * @param moving     moved volume, same dims and spacing
     * @param upsample   refinement factor, 1 (integer shifts) .. 1000; precision 1/upsample voxel
     * @param maxShiftUm largest shift searched per axis in um, or NaN for any (up to half the size)
     * @param window     apodisation
     * @return the shift in voxels and the peak correlation
     * @throws InputException when the volumes differ in size or voxel size, or are too large
     */
    public static Shift estimate(Volume fixed, Volume moving, int upsample, double maxShiftUm, Window window) {
        return estimate(fixed, moving, upsample, maxShiftUm, window, Normalization.NONE);
    }

    /**
     * As {@link #estimate(Volume, Volume, int, double, Window)} (which uses {@link Normalization#NONE})
     * with a choice of spectrum weighting.
     *
     * @param normalization phase correlation or plain cross-correlation
     */
    public static Shift estimate(Volume fixed, Volume moving, int upsample, double maxShiftUm, Window window, Normalization normalization) {
        checkPair(fixed, moving, "fixed", "moving");
        Dims d = fixed.dims();
        if (d.voxels() > Integer.MAX_VALUE - 8) {
            throw new InputException("fixed has " + d.voxels() + " voxels; registration holds it in arrays of at most 2^31 - 1 voxels: crop or bin it first");
        }
        if (upsample < 1 || upsample > 1000) {
            throw new InternalException("upsample must be in 1..1000, got " + upsample);
        }
        int n = (int) d.voxels();
        Fft3 fft = new Fft3(d);
        double[] fixedRe = prepared(fixed, window, 0, 0, 0);
        double[] fixedIm = new double[n];
        fft.forward(fixedRe, fixedIm);
        Spacing sp = fixed.spacing();
        int[] limit = {limit(maxShiftUm, sp.x(), d.nx()), limit(maxShiftUm, sp.y(), d.ny()), limit(maxShiftUm, sp.z(), d.nz())};
        Shift s = correlate(fft, fixedRe, fixedIm, prepared(moving, window, 0, 0, 0), upsample, normalization, limit);
        if (window == Window.NONE) {
            return s;
        }
        // the window of moving follows the content: moving's window shifted by the estimate removes the bias the
        // fixed windows cause (they weight different content in the two volumes); a few passes converge
        for (int pass = 0; pass < MAX_WINDOW_PASSES; pass++) {
            Shift next = correlate(fft, fixedRe, fixedIm, prepared(moving, window, s.x(), s.y(), s.z()), upsample, normalization, limit);
            double change = Math.max(Math.abs(next.x() - s.x()), Math.max(Math.abs(next.y() - s.y()), Math.abs(next.z() - s.z())));
            s = next;
            if (change < 0.5 / upsample) {
                break;
            }
        }
        return s;
    }

    /** Most passes of window re-centring after the first estimate. */
    private static final int MAX_WINDOW_PASSES = 4;

    /** One correlation of the fixed spectrum with a prepared moving volume (transformed here). */
    private static Shift correlate(Fft3 fft, double[] fixedRe, double[] fixedIm, double[] mr, int upsample, Normalization normalization,
                                   int[] limit) {
        Dims d = fft.dims();
        int n = (int) d.voxels();
        double[] mi = new double[n];
        fft.forward(mr, mi);
        double[] fr = new double[n];
        double[] fi = new double[n];
        double ef = 0;
        double em = 0;
        for (int k = 0; k < n; k++) {
            ef += fixedRe[k] * fixedRe[k] + fixedIm[k] * fixedIm[k];
            em += mr[k] * mr[k] + mi[k] * mi[k];
        }
        // Parseval: sum |F|^2 = n sum f^2, so n / sqrt(ef em) makes the correlation at the peak the NCC
        double ncc = ef > 0 && em > 0 ? n / Math.sqrt(ef * em) : 0;
        // cross-power spectrum conj(F) M, normalised below
        double maxMag = 0;
        for (int k = 0; k < n; k++) {
            double re = fixedRe[k] * mr[k] + fixedIm[k] * mi[k];
            double im = fixedRe[k] * mi[k] - fixedIm[k] * mr[k];
            fr[k] = re;
            fi[k] = im;
            maxMag = Math.max(maxMag, Math.hypot(re, im));
        }
        if (normalization == Normalization.NONE) {
            for (int k = 0; k < n; k++) {
                fr[k] *= ncc;
                fi[k] *= ncc;
            }
        } else {
            double floor = maxMag * 1e-15;
            for (int k = 0; k < n; k++) {
                double mag = Math.hypot(fr[k], fi[k]);
                if (mag > floor) {
                    fr[k] /= mag;
                    fi[k] /= mag;
                } else {
                    fr[k] = 0;
                    fi[k] = 0;
                }
            }
        }
        System.arraycopy(fr, 0, mr, 0, n);
        System.arraycopy(fi, 0, mi, 0, n);
        fft.inverse(mr, mi);
        int[] peak = integerPeak(mr, d, limit);
        if (upsample == 1) {
            return new Shift(peak[0], peak[1], peak[2], mr[(int) d.index(wrap(peak[0], d.nx()), wrap(peak[1], d.ny()), wrap(peak[2], d.nz()))]);
        }
        return refine(fr, fi, d, peak, upsample);
    }

    /**
     * Resamples {@code moving} onto {@code fixed}: {@code aligned(p) = moving(p + s)} by trilinear
     * interpolation, so that {@code aligned} matches {@code fixed} where both have content. Voxels
     * whose source lies outside {@code moving} (beyond the centres of its edge voxels) get 0. The
     * result has the type and voxel size of {@code moving}; integer types are rounded and clamped.
     *
     * @param moving the moved volume
     * @param shift  the shift found by {@link #estimate}, voxels
     * @return a new volume
     */
    public static Volume shiftBack(Volume moving, Shift shift) {
        return shiftBack(moving, shift, Fill.ZERO);
    }

    /** What an aligned voxel takes where the shifted volume has no source voxel. */
    public enum Fill {
        /** 0. */
        ZERO,
        /** The nearest voxel of the volume (edge replication, scipy's mode 'nearest'). */
        NEAREST
    }

    /**
     * {@link #shiftBack(Volume, Shift)} with a choice of what voxels without a source take: with
     * {@link Fill#NEAREST} every interpolation tap outside the volume is replaced by the nearest
     * voxel inside it, so the border slices of an aligned scan keep their content (a collector at
     * the end of a stack stays a collector).
     */
    public static Volume shiftBack(Volume moving, Shift shift, Fill fill) {
        Dims d = moving.dims();
        if (d.voxels() > Integer.MAX_VALUE - 8) {
            throw new InputException("moving has " + d.voxels() + " voxels; at most 2^31 - 1 can be resampled");
        }
        float[] src = new float[(int) d.voxels()];
        moving.read(0, src, 0, src.length);
        Volume out = Volume.allocateLike(moving, moving.type());
        int nx = d.nx();
        int ny = d.ny();
        int nz = d.nz();
        Axis ax = Axis.of(shift.x(), nx);
        Axis ay = Axis.of(shift.y(), ny);
        Axis az = Axis.of(shift.z(), nz);
        Parallel.forEach(nz, z -> {
            float[] row = new float[nx];
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    row[x] = (float) (fill == Fill.ZERO ? trilinear(src, d, ax, ay, az, x, y, z) : clamped(src, d, ax, ay, az, x, y, z));
                }
                out.write(d.index(0, y, z), row, 0, nx);
            }
        });
        return out;
    }

    /** Integer base and fraction of a constant shift along one axis. */
    private record Axis(int base, double frac, int n) {
        static Axis of(double s, int n) {
            double b = Math.floor(s);
            double f = s - b;
            if (f < 1e-9) {
                f = 0;
            } else if (f > 1 - 1e-9) {
                b += 1;
                f = 0;
            }
            return new Axis((int) b, f, n);
        }

        /** Source index of the lower tap for output index i, or -1 when the sample lies outside. */
        int lower(int i) {
            int p = i + base;
            if (p < 0 || p > n - 1 || (frac > 0 && p + 1 > n - 1)) {
                return -1;
            }
            return p;
        }
    }

    private static double trilinear(float[] src, Dims d, Axis ax, Axis ay, Axis az, int x, int y, int z) {
        int x0 = ax.lower(x);
        int y0 = ay.lower(y);
        int z0 = az.lower(z);
        if (x0 < 0 || y0 < 0 || z0 < 0) {
            return 0;
        }
        int nx = d.nx();
        int slice = nx * d.ny();
        double sum = 0;
        for (int cz = 0; cz < (az.frac() > 0 ? 2 : 1); cz++) {
            double wz = cz == 0 ? 1 - az.frac() : az.frac();
            for (int cy = 0; cy < (ay.frac() > 0 ? 2 : 1); cy++) {
                double wy = cy == 0 ? 1 - ay.frac() : ay.frac();
                int base = (x0) + nx * (y0 + cy) + slice * (z0 + cz);
                double v = src[base];
                if (ax.frac() > 0) {
                    v = v * (1 - ax.frac()) + src[base + 1] * ax.frac();
                }
                sum += wz * wy * v;
            }
        }
        return sum;
    }

    /** Trilinear sample with every tap clamped into the volume. */
    private static double clamped(float[] src, Dims d, Axis ax, Axis ay, Axis az, int x, int y, int z) {
        int nx = d.nx();
        int slice = nx * d.ny();
        int x0 = Math.clamp(x + ax.base(), 0, nx - 1);
        int x1 = Math.clamp(x + ax.base() + 1, 0, nx - 1);
        double sum = 0;
        for (int cz = 0; cz < 2; cz++) {
            double wz = cz == 0 ? 1 - az.frac() : az.frac();
            if (wz == 0) {
                continue;
            }
            int zz = Math.clamp(z + az.base() + cz, 0, d.nz() - 1);
            for (int cy = 0; cy < 2; cy++) {
                double wy = cy == 0 ? 1 - ay.frac() : ay.frac();
                if (wy == 0) {
                    continue;
                }
                int yy = Math.clamp(y + ay.base() + cy, 0, d.ny() - 1);
                int row = nx * yy + slice * zz;
                double v = src[row + x0];
                if (ax.frac() > 0) {
                    v = v * (1 - ax.frac()) + src[row + x1] * ax.frac();
                }
                sum += wz * wy * v;
            }
        }
        return sum;
    }

    /** Checks that two inputs have the same size and voxel size; the message names the second. */
    static void checkPair(Volume a, Volume b, String aName, String bName) {
        if (!a.dims().equals(b.dims())) {
            throw new InputException(bName + " is " + b.dims() + " but " + aName + " is " + a.dims() + "; they must have the same size");
        }
        if (!a.spacing().equals(b.spacing())) {
            throw new InputException(bName + " has voxel size " + b.spacing() + " um but " + aName + " has " + a.spacing()
                    + " um; they must match");
        }
    }

    private static int limit(double maxShiftUm, double spacing, int n) {
        int half = n / 2;
        if (Double.isNaN(maxShiftUm)) {
            return half;
        }
        return (int) Math.min(half, Math.floor(maxShiftUm / spacing + 1e-9));
    }

    private static int wrap(int s, int n) {
        return ((s % n) + n) % n;
    }

    /** Signed shift of index k along an axis of n. */
    private static int signed(int k, int n) {
        return k > n / 2 ? k - n : k;
    }

    /**
     * Windowed copy of a volume as doubles, with the window centred on the volume shifted by
     * (sx, sy, sz) voxels and the window-weighted mean removed first.
     */
    private static double[] prepared(Volume v, Window window, double sx, double sy, double sz) {
        Dims d = v.dims();
        int n = (int) d.voxels();
        double[] a = new double[n];
        int nx = d.nx();
        int slice = nx * d.ny();
        double[] wx = window(window, d.nx(), sx);
        double[] wy = window(window, d.ny(), sy);
        double[] wz = window(window, d.nz(), sz);
        List<double[]> partial = Parallel.map(d.nz(), z -> {
            float[] row = new float[slice];
            v.read((long) slice * z, row, 0, slice);
            double s = 0;
            double sw = 0;
            for (int y = 0; y < d.ny(); y++) {
                double w = wz[z] * wy[y];
                for (int x = 0; x < nx; x++) {
                    int i = x + nx * y;
                    a[slice * z + i] = row[i];
                    s += w * wx[x] * row[i];
                    sw += w * wx[x];
                }
            }
            return new double[] {s, sw};
        });
        double sum = 0;
        double weight = 0;
        for (double[] p : partial) {
            sum += p[0];
            weight += p[1];
        }
        double mean = weight > 0 ? sum / weight : 0;
        Parallel.forEach(d.nz(), z -> {
            for (int y = 0; y < d.ny(); y++) {
                double w = wz[z] * wy[y];
                int base = nx * y + slice * z;
                for (int x = 0; x < nx; x++) {
                    a[base + x] = (a[base + x] - mean) * w * wx[x];
                }
            }
        });
        return a;
    }

    /** The window along one axis of n voxels, its support shifted by s voxels (0 outside the support). */
    private static double[] window(Window window, int n, double s) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double t = (i + 0.5 - s) / n;
            w[i] = window == Window.HANN && n > 1 ? (t <= 0 || t >= 1 ? 0 : 0.5 - 0.5 * Math.cos(2 * Math.PI * t)) : 1;
        }
        return w;
    }

    /** Signed integer shift of the largest real value with |shift| <= limit per axis; ties: first in index order. */
    private static int[] integerPeak(double[] corr, Dims d, int[] limit) {
        double best = Double.NEGATIVE_INFINITY;
        int[] at = {0, 0, 0};
        int nx = d.nx();
        int ny = d.ny();
        int nz = d.nz();
        for (int z = 0; z < nz; z++) {
            int sz = signed(z, nz);
            if (Math.abs(sz) > limit[2]) {
                continue;
            }
            for (int y = 0; y < ny; y++) {
                int sy = signed(y, ny);
                if (Math.abs(sy) > limit[1]) {
                    continue;
                }
                int base = nx * (y + ny * z);
                for (int x = 0; x < nx; x++) {
                    int sx = signed(x, nx);
                    if (Math.abs(sx) > limit[0]) {
                        continue;
                    }
                    double v = corr[base + x];
                    if (v > best) {
                        best = v;
                        at = new int[] {sx, sy, sz};
                    }
                }
            }
        }
        return at;
    }

    /**
     * Guizar-Sicairos refinement: the inverse DFT of R evaluated at shifts peak + (j - c) / up,
     * j = 0..w-1 per axis, by three separable matrix products; returns the largest value's shift.
     */
    private static Shift refine(double[] rr, double[] ri, Dims d, int[] peak, int up) {
        int w = (int) Math.ceil(1.5 * up);
        if (w % 2 == 0) {
            w++;
        }
        int c = w / 2;
        int nx = d.nx();
        int ny = d.ny();
        int nz = d.nz();
        double[][] kx = kernel(nx, peak[0], w, c, up);
        double[][] ky = kernel(ny, peak[1], w, c, up);
        double[][] kz = kernel(nz, peak[2], w, c, up);
        int wx = nx > 1 ? w : 1;
        int wy = ny > 1 ? w : 1;
        int wz = nz > 1 ? w : 1;
        int finalWx = wx;
        // contract x: A[z][y][jx]
        double[] aRe = new double[nz * ny * wx];
        double[] aIm = new double[nz * ny * wx];
        Parallel.forEach(nz, z -> {
            for (int y = 0; y < ny; y++) {
                int src = nx * (y + ny * z);
                int dst = finalWx * (y + ny * z);
                for (int j = 0; j < finalWx; j++) {
                    double[] kr = kx[2 * j];
                    double[] ki = kx[2 * j + 1];
                    double sr = 0;
                    double si = 0;
                    for (int x = 0; x < nx; x++) {
                        double a = rr[src + x];
                        double b = ri[src + x];
                        sr += a * kr[x] - b * ki[x];
                        si += a * ki[x] + b * kr[x];
                    }
                    aRe[dst + j] = sr;
                    aIm[dst + j] = si;
                }
            }
        });
        // contract y: B[z][jy][jx]
        double[] bRe = new double[nz * wy * wx];
        double[] bIm = new double[nz * wy * wx];
        for (int z = 0; z < nz; z++) {
            for (int jy = 0; jy < wy; jy++) {
                double[] kr = ky[2 * jy];
                double[] ki = ky[2 * jy + 1];
                for (int jx = 0; jx < wx; jx++) {
                    double sr = 0;
                    double si = 0;
                    for (int y = 0; y < ny; y++) {
                        int s = jx + wx * (y + ny * z);
                        sr += aRe[s] * kr[y] - aIm[s] * ki[y];
                        si += aRe[s] * ki[y] + aIm[s] * kr[y];
                    }
                    bRe[jx + wx * (jy + wy * z)] = sr;
                    bIm[jx + wx * (jy + wy * z)] = si;
                }
            }
        }
        // contract z and find the maximum of the real part
        double best = Double.NEGATIVE_INFINITY;
        int[] at = {0, 0, 0};
        double norm = 1.0 / d.voxels();
        for (int jz = 0; jz < wz; jz++) {
            double[] kr = kz[2 * jz];
            double[] ki = kz[2 * jz + 1];
            for (int jy = 0; jy < wy; jy++) {
                for (int jx = 0; jx < wx; jx++) {
                    double sr = 0;
                    for (int z = 0; z < nz; z++) {
                        int s = jx + wx * (jy + wy * z);
                        sr += bRe[s] * kr[z] - bIm[s] * ki[z];
                    }
                    sr *= norm;
                    if (sr > best) {
                        best = sr;
                        at = new int[] {jx, jy, jz};
                    }
                }
            }
        }
        // a 3-point parabola per axis through the grid maximum and its neighbours refines below the grid pitch
        double[] frac = new double[3];
        int[] w3 = {wx, wy, wz};
        for (int a = 0; a < 3; a++) {
            if (at[a] > 0 && at[a] < w3[a] - 1) {
                int[] lo = at.clone();
                int[] hi = at.clone();
                lo[a]--;
                hi[a]++;
                double fl = realAt(bRe, bIm, kz, lo, wx, wy, nz) * norm;
                double fh = realAt(bRe, bIm, kz, hi, wx, wy, nz) * norm;
                double den = fl - 2 * best + fh;
                if (den < 0) {
                    frac[a] = Math.max(-0.5, Math.min(0.5, 0.5 * (fl - fh) / den));
                }
            }
        }
        return new Shift(offset(peak[0], at[0] + frac[0], c, up, nx), offset(peak[1], at[1] + frac[1], c, up, ny),
                offset(peak[2], at[2] + frac[2], c, up, nz), best);
    }

    /** Real part of the z contraction at grid point (jx, jy, jz). */
    private static double realAt(double[] bRe, double[] bIm, double[][] kz, int[] j, int wx, int wy, int nz) {
        double[] kr = kz[2 * j[2]];
        double[] ki = kz[2 * j[2] + 1];
        double sr = 0;
        for (int z = 0; z < nz; z++) {
            int s = j[0] + wx * (j[1] + wy * z);
            sr += bRe[s] * kr[z] - bIm[s] * ki[z];
        }
        return sr;
    }

    private static double offset(int peak, double j, int c, int up, int n) {
        return n > 1 ? peak + (j - c) / up : 0;
    }

    /**
     * Rows 2j (real) and 2j+1 (imaginary) of exp(+2 pi i k s_j / n) for signed frequencies k
     * (index order), at s_j = peak + (j - c) / up; one row of ones for an axis of length 1.
     */
    private static double[][] kernel(int n, int peak, int w, int c, int up) {
        int rows = n > 1 ? w : 1;
        double[][] k = new double[2 * rows][n];
        for (int j = 0; j < rows; j++) {
            double s = n > 1 ? peak + (double) (j - c) / up : 0;
            for (int i = 0; i < n; i++) {
                int f = i < (n + 1) / 2 ? i : i - n;
                double a = 2 * Math.PI * f * s / n;
                k[2 * j][i] = Math.cos(a);
                k[2 * j + 1][i] = Math.sin(a);
            }
        }
        return k;
    }
}
