package org.tomolyte.analysis.tracking;

import org.tomolyte.core.Dims;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.Parallel;

/**
 * Three-dimensional complex DFT of a volume held as two {@code double} arrays (real and
 * imaginary parts, x fastest: index {@code x + nx (y + ny z)}, numpy's {@code fftn} of a
 * {@code (z, y, x)} array), in place: 1D {@link Fft} transforms along x, then y, then z.
 *
 * <p>Lines are processed in parallel, one task per z slice (x and y passes) or per y row (z
 * pass); each line is transformed by the same code whatever thread runs it, so the result is
 * bit-identical for any thread count. Called from inside a {@link Parallel} task it runs on the
 * calling thread.
 */
public final class Fft3 {

    /** Lines gathered together in the y and z passes, so that each memory row read serves several lines. */
    private static final int BLOCK = 16;

    private final Dims dims;
    private final Fft fx;
    private final Fft fy;
    private final Fft fz;

    /**
     * Plans transforms of one size.
     *
     * @param dims the size; at most 2^31 - 1 voxels
     */
    public Fft3(Dims dims) {
        if (dims.voxels() > Integer.MAX_VALUE - 8) {
            throw new InternalException("3D FFT of " + dims + " exceeds 2^31 voxels");
        }
        this.dims = dims;
        this.fx = new Fft(dims.nx());
        this.fy = new Fft(dims.ny());
        this.fz = new Fft(dims.nz());
    }

    /** The size. */
    public Dims dims() {
        return dims;
    }

    /** Forward transform in place. */
    public void forward(double[] re, double[] im) {
        transform(re, im, false);
    }

    /** Inverse transform in place, scaled by 1 / voxels. */
    public void inverse(double[] re, double[] im) {
        transform(re, im, true);
    }

    private void transform(double[] re, double[] im, boolean inverse) {
        int nx = dims.nx();
        int ny = dims.ny();
        int nz = dims.nz();
        if (re.length != dims.voxels() || im.length != dims.voxels()) {
            throw new InternalException("3D FFT of " + dims + " given arrays of " + re.length + " and " + im.length);
        }
        Parallel.forEach(nz, z -> {
            Fft.Work wx = fx.work();
            double[] lr = new double[nx];
            double[] li = new double[nx];
            for (int y = 0; y < ny; y++) {
                int base = nx * (y + ny * z);
                System.arraycopy(re, base, lr, 0, nx);
                System.arraycopy(im, base, li, 0, nx);
                fx.transform(lr, li, inverse, wx);
                System.arraycopy(lr, 0, re, base, nx);
                System.arraycopy(li, 0, im, base, nx);
            }
            if (ny > 1) {
                Fft.Work wy = fy.work();
                double[][] cr = new double[BLOCK][ny];
                double[][] ci = new double[BLOCK][ny];
                int zBase = nx * ny * z;
                for (int x0 = 0; x0 < nx; x0 += BLOCK) {
                    int b = Math.min(BLOCK, nx - x0);
                    gather(re, im, cr, ci, zBase + x0, nx, ny, b);
                    for (int k = 0; k < b; k++) {
                        fy.transform(cr[k], ci[k], inverse, wy);
                    }
                    scatter(re, im, cr, ci, zBase + x0, nx, ny, b);
                }
            }
        });
        if (nz > 1) {
            int slice = nx * ny;
            Parallel.forEach(ny, y -> {
                Fft.Work wz = fz.work();
                double[][] cr = new double[BLOCK][nz];
                double[][] ci = new double[BLOCK][nz];
                for (int x0 = 0; x0 < nx; x0 += BLOCK) {
                    int b = Math.min(BLOCK, nx - x0);
                    gather(re, im, cr, ci, x0 + nx * y, slice, nz, b);
                    for (int k = 0; k < b; k++) {
                        fz.transform(cr[k], ci[k], inverse, wz);
                    }
                    scatter(re, im, cr, ci, x0 + nx * y, slice, nz, b);
                }
            });
        }
    }

    /** Copies b adjacent lines of n points, points {@code stride} apart, starting at {@code start}. */
    private static void gather(double[] re, double[] im, double[][] cr, double[][] ci, int start, int stride, int n, int b) {
        for (int j = 0; j < n; j++) {
            int at = start + stride * j;
            for (int k = 0; k < b; k++) {
                cr[k][j] = re[at + k];
                ci[k][j] = im[at + k];
            }
        }
    }

    private static void scatter(double[] re, double[] im, double[][] cr, double[][] ci, int start, int stride, int n, int b) {
        for (int j = 0; j < n; j++) {
            int at = start + stride * j;
            for (int k = 0; k < b; k++) {
                re[at + k] = cr[k][j];
                im[at + k] = ci[k][j];
            }
        }
    }
}
