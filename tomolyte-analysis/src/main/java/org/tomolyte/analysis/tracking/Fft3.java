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
                double[] cr = new double[ny];
                double[] ci = new double[ny];
                for (int x = 0; x < nx; x++) {
                    int base = x + nx * ny * z;
                    for (int y = 0; y < ny; y++) {
                        cr[y] = re[base + nx * y];
                        ci[y] = im[base + nx * y];
                    }
                    fy.transform(cr, ci, inverse, wy);
                    for (int y = 0; y < ny; y++) {
                        re[base + nx * y] = cr[y];
                        im[base + nx * y] = ci[y];
                    }
                }
            }
        });
        if (nz > 1) {
            long slice = (long) nx * ny;
            Parallel.forEach(ny, y -> {
                Fft.Work wz = fz.work();
                double[] cr = new double[nz];
                double[] ci = new double[nz];
                for (int x = 0; x < nx; x++) {
                    int base = x + nx * y;
                    for (int z = 0; z < nz; z++) {
                        cr[z] = re[(int) (base + slice * z)];
                        ci[z] = im[(int) (base + slice * z)];
                    }
                    fz.transform(cr, ci, inverse, wz);
                    for (int z = 0; z < nz; z++) {
                        re[(int) (base + slice * z)] = cr[z];
                        im[(int) (base + slice * z)] = ci[z];
                    }
                }
            });
        }
    }
}
