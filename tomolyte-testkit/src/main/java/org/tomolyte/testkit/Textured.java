package org.tomolyte.testkit;

import java.util.SplittableRandom;

import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.Check;

/**
 * A textured volume whose grey value is an analytic function of position, for registration and
 * digital volume correlation tests with exact truth: a translated or deformed copy is generated
 * by evaluating the same function at {@code p - u(p)}, with no interpolation error.
 *
 * <p>Texture: seeded Gaussian blobs (a speckle pattern), {@code f(p) = mean + amplitude *
 * sum_j a_j g(|p - c_j| / sigma_j)} with {@code a_j = +-1}, {@code sigma_j} uniform in
 * [{@code minSigmaUm}, {@code maxSigmaUm}] and {@code g(r) = exp(-r^2/2) - exp(-8)} for
 * {@code r < 4}, 0 beyond (continuous). Centres are uniform in the volume enlarged by
 * {@code marginUm} on every side, so a displaced volume has texture everywhere. Positions are in
 * um, voxel (i, j, k) sampled at its centre ((i + 0.5) sx, (j + 0.5) sy, (k + 0.5) sz), the
 * convention of the label measurements.
 *
 * <p>Deformed volumes: {@code deformed(p) = f(p - u(p)) + noise}, so material that sat at
 * reference position {@code q} is found at {@code p = q + u(p)}; the displacement of reference
 * point q, {@link Displacement#atReference}, solves that equation (exactly u for a uniform shift).
 * Noise is Gaussian with standard deviation {@code noiseSigma}, one seeded stream per slice, so the
 * volume is identical for any thread count.
 */
public final class Textured {

    private static final double CUTOFF = 4;
    private static final double TAIL = StrictMath.exp(-CUTOFF * CUTOFF / 2);

    /**
     * Settings.
     *
     * @param dims        size in voxels
     * @param spacing     voxel size in um (anisotropic allowed)
     * @param blobsPerUm3 blob density, per um^3, &gt; 0
     * @param minSigmaUm  smallest blob standard deviation, um, &gt; 0
     * @param maxSigmaUm  largest blob standard deviation, um, &gt;= minSigmaUm
     * @param marginUm    blobs are placed this far beyond the volume on every side, um, &gt;= 0
     * @param mean        grey value offset
     * @param amplitude   grey value per unit blob weight
     * @param noiseSigma  standard deviation of the added Gaussian noise, grey, &gt;= 0
     * @param type        voxel type (integer types are rounded and clamped)
     */
    public record Config(Dims dims, Spacing spacing, double blobsPerUm3, double minSigmaUm, double maxSigmaUm, double marginUm,
                         double mean, double amplitude, double noiseSigma, DataType type) {
        public Config {
            Check.greater("blobsPerUm3", blobsPerUm3, 0);
            Check.greater("minSigmaUm", minSigmaUm, 0);
            Check.atLeast("maxSigmaUm", maxSigmaUm, minSigmaUm);
            Check.atLeast("marginUm", marginUm, 0);
            Check.atLeast("noiseSigma", noiseSigma, 0);
        }

        /** The same settings with another noise level. */
        public Config withNoise(double sigma) {
            return new Config(dims, spacing, blobsPerUm3, minSigmaUm, maxSigmaUm, marginUm, mean, amplitude, sigma, type);
        }
    }

    /** A displacement field u(p) in um at a position p in um. */
    public sealed interface Displacement permits Uniform, Linear, Bulge {

        /** u at deformed-frame position (x, y, z) um: deformed(p) = f(p - u(p)). */
        double[] at(double x, double y, double z);

        /**
         * The displacement of the material at reference position q: the d with d = u(q + d),
         * solved by fixed-point iteration (converges when the gradient of u is below 1).
         */
        default double[] atReference(double x, double y, double z) {
            double[] d = at(x, y, z);
            for (int i = 0; i < 100; i++) {
                double[] n = at(x + d[0], y + d[1], z + d[2]);
                double change = Math.abs(n[0] - d[0]) + Math.abs(n[1] - d[1]) + Math.abs(n[2] - d[2]);
                d = n;
                if (change < 1e-13) {
                    break;
                }
            }
            return d;
        }
    }

    /**
     * A rigid translation.
     *
     * @param ux shift along x, um
     * @param uy shift along y, um
     * @param uz shift along z, um
     */
    public record Uniform(double ux, double uy, double uz) implements Displacement {
        @Override
        public double[] at(double x, double y, double z) {
            return new double[] {ux, uy, uz};
        }
    }

    /**
     * An affine field {@code u(p) = t + G (p - c)}: a linear strain (G symmetric) about a centre.
     *
     * @param centre   c, um (x, y, z)
     * @param offset   t, um
     * @param gradient G, row-major 3 x 3, {@code G[3 i + j] = du_i / dx_j}
     */
    public record Linear(double[] centre, double[] offset, double[] gradient) implements Displacement {
        public Linear {
            centre = centre.clone();
            offset = offset.clone();
            gradient = gradient.clone();
        }

        @Override
        public double[] at(double x, double y, double z) {
            double[] p = {x - centre[0], y - centre[1], z - centre[2]};
            double[] u = new double[3];
            for (int i = 0; i < 3; i++) {
                u[i] = offset[i] + gradient[3 * i] * p[0] + gradient[3 * i + 1] * p[1] + gradient[3 * i + 2] * p[2];
            }
            return u;
        }
    }

    /**
     * A bulge along z, largest on an axis through (cx, cy): {@code w = amplitude exp(-r^2 / (2
     * radius^2))} with r the distance from the axis in the x-y plane, u = v = 0 (the SSE pellet
     * pushed towards the anodic interface more at the centre than at the edges, Lewis et al.
     * Fig. 5b; or a lithium extrusion).
     *
     * @param cx        axis x, um
     * @param cy        axis y, um
     * @param radiusUm  Gaussian radius, um, &gt; 0
     * @param amplitude largest displacement along z, um
     */
    public record Bulge(double cx, double cy, double radiusUm, double amplitude) implements Displacement {
        @Override
        public double[] at(double x, double y, double z) {
            double r2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
            return new double[] {0, 0, amplitude * Math.exp(-r2 / (2 * radiusUm * radiusUm))};
        }
    }

    private final Config config;
    private final int count;
    private final double[] cx;
    private final double[] cy;
    private final double[] cz;
    private final double[] inv2s2;
    private final double[] cut2;
    private final double[] weight;
    /** Cell lists: blobs of cell c are order[start[c] .. start[c + 1]). */
    private final int[] start;
    private final int[] order;
    private final double cell;
    private final double[] lo;
    private final int[] cells;

    private Textured(Config c, long seed) {
        this.config = c;
        Spacing s = c.spacing();
        Dims d = c.dims();
        lo = new double[] {-c.marginUm(), -c.marginUm(), -c.marginUm()};
        double[] size = {d.nx() * s.x() + 2 * c.marginUm(), d.ny() * s.y() + 2 * c.marginUm(), d.nz() * s.z() + 2 * c.marginUm()};
        double volume = size[0] * size[1] * size[2];
        long n = Math.round(volume * c.blobsPerUm3());
        if (n > 50_000_000L) {
            throw new org.tomolyte.core.ParameterException("textured phantom would need " + n + " blobs; lower blobsPerUm3");
        }
        count = (int) n;
        cx = new double[count];
        cy = new double[count];
        cz = new double[count];
        inv2s2 = new double[count];
        cut2 = new double[count];
        weight = new double[count];
        SplittableRandom rnd = new SplittableRandom(Seeds.derive(seed, 101, 0));
        for (int i = 0; i < count; i++) {
            cx[i] = lo[0] + rnd.nextDouble() * size[0];
            cy[i] = lo[1] + rnd.nextDouble() * size[1];
            cz[i] = lo[2] + rnd.nextDouble() * size[2];
            double sigma = c.minSigmaUm() + rnd.nextDouble() * (c.maxSigmaUm() - c.minSigmaUm());
            inv2s2[i] = 1 / (2 * sigma * sigma);
            cut2[i] = CUTOFF * CUTOFF * sigma * sigma;
            weight[i] = rnd.nextBoolean() ? 1 : -1;
        }
        cell = CUTOFF * c.maxSigmaUm();
        cells = new int[] {(int) Math.ceil(size[0] / cell), (int) Math.ceil(size[1] / cell), (int) Math.ceil(size[2] / cell)};
        int total = Math.multiplyExact(Math.multiplyExact(cells[0], cells[1]), cells[2]);
        start = new int[total + 1];
        int[] of = new int[count];
        for (int i = 0; i < count; i++) {
            of[i] = cellOf(cx[i], cy[i], cz[i]);
            start[of[i] + 1]++;
        }
        for (int k = 0; k < total; k++) {
            start[k + 1] += start[k];
        }
        order = new int[count];
        int[] fill = start.clone();
        for (int i = 0; i < count; i++) {
            order[fill[of[i]]++] = i;
        }
    }

    /**
     * The texture of {@code config} drawn with {@code seed}.
     *
     * @param config settings
     * @param seed   random seed of the blob positions, sizes and signs
     * @return the analytic texture
     */
    public static Textured of(Config config, long seed) {
        return new Textured(config, seed);
    }

    /** Default settings: blobs of sigma 1.5-2.5 voxels (of the largest voxel edge), grey 1000 +- 200, F32, no noise. */
    public static Config config(Dims dims, Spacing spacing, double marginUm) {
        double edge = Math.max(spacing.x(), Math.max(spacing.y(), spacing.z()));
        double minSigma = 1.5 * edge;
        double density = 0.25 / (minSigma * minSigma * minSigma * 8);
        return new Config(dims, spacing, density, minSigma, 2.5 * edge, marginUm, 1000, 200, 0, DataType.F32);
    }

    /** The settings. */
    public Config config() {
        return config;
    }

    private int cellOf(double x, double y, double z) {
        int ix = clamp((int) Math.floor((x - lo[0]) / cell), cells[0]);
        int iy = clamp((int) Math.floor((y - lo[1]) / cell), cells[1]);
        int iz = clamp((int) Math.floor((z - lo[2]) / cell), cells[2]);
        return ix + cells[0] * (iy + cells[1] * iz);
    }

    private static int clamp(int i, int n) {
        return Math.max(0, Math.min(n - 1, i));
    }

    /** The noise-free grey value at position (x, y, z) um. */
    public double value(double x, double y, double z) {
        int ix = (int) Math.floor((x - lo[0]) / cell);
        int iy = (int) Math.floor((y - lo[1]) / cell);
        int iz = (int) Math.floor((z - lo[2]) / cell);
        double sum = 0;
        for (int kz = Math.max(0, iz - 1); kz <= Math.min(cells[2] - 1, iz + 1); kz++) {
            for (int ky = Math.max(0, iy - 1); ky <= Math.min(cells[1] - 1, iy + 1); ky++) {
                for (int kx = Math.max(0, ix - 1); kx <= Math.min(cells[0] - 1, ix + 1); kx++) {
                    int c = kx + cells[0] * (ky + cells[1] * kz);
                    for (int k = start[c]; k < start[c + 1]; k++) {
                        int b = order[k];
                        double dx = x - cx[b];
                        double dy = y - cy[b];
                        double dz = z - cz[b];
                        double r2 = dx * dx + dy * dy + dz * dz;
                        if (r2 < cut2[b]) {
                            sum += weight[b] * (StrictMath.exp(-r2 * inv2s2[b]) - TAIL);
                        }
                    }
                }
            }
        }
        return config.mean() + config.amplitude() * sum;
    }

    /**
     * Renders the texture displaced by {@code u} (null: not displaced), with the configured noise.
     *
     * @param u         displacement field, um, or null
     * @param noiseSeed seed of the noise (use different seeds for two scans of the same texture)
     * @return a new volume of the configured size, spacing and type
     */
    public Volume render(Displacement u, long noiseSeed) {
        Dims d = config.dims();
        Spacing s = config.spacing();
        Volume v = Volume.allocate(d, config.type(), s);
        int nx = d.nx();
        Parallel.forEach(d.nz(), z -> {
            Seeds.Gaussian g = new Seeds.Gaussian(new SplittableRandom(Seeds.derive(noiseSeed, 102, z)));
            float[] row = new float[nx];
            double pz = (z + 0.5) * s.z();
            for (int y = 0; y < d.ny(); y++) {
                double py = (y + 0.5) * s.y();
                for (int x = 0; x < nx; x++) {
                    double px = (x + 0.5) * s.x();
                    double val;
                    if (u == null) {
                        val = value(px, py, pz);
                    } else {
                        double[] w = u.at(px, py, pz);
                        val = value(px - w[0], py - w[1], pz - w[2]);
                    }
                    if (config.noiseSigma() > 0) {
                        val += config.noiseSigma() * g.next();
                    }
                    row[x] = (float) val;
                }
                v.write(d.index(0, y, z), row, 0, nx);
            }
        });
        return v;
    }
}
