package org.tomolyte.analysis.transport;

import java.util.List;
import org.tomolyte.core.Axis;
import org.tomolyte.analysis.connectivity.ThroughConnectivity;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.Check;
import org.tomolyte.image.label.Connectivity;

/**
 * Tortuosity factor of a phase from steady-state diffusion through it, with the definition of
 * TauFactor (Cooper et al. 2016, SoftwareX 5:203; Kench et al. 2023, JOSS 8:5358).
 *
 * <p><b>Problem.</b> Finite volumes on the voxel grid: every voxel of the phase is a node; two
 * face-neighbouring phase voxels are joined by the conductance {@code A/d} of their shared face
 * ({@code sy*sz/sx} across x, {@code sx*sz/sy} across y, {@code sx*sy/sz} across z: anisotropic
 * voxels are exact). The concentration is fixed to 1 on the outer face of the first layer along
 * the axis and to 0 on the outer face of the last layer, each joined to the voxel centre by the
 * half-voxel conductance {@code 2A/d} (TauFactor pads the field with a ghost layer that counts
 * twice); all other faces carry no flux. Only the phase voxels in 6-connected components that
 * touch both faces ({@link ThroughConnectivity}) are solved for: isolated clusters would make the
 * system singular and dead ends carry no steady flux, so removing them changes nothing but cost.
 *
 * <p><b>Result.</b> With {@code F} the total flux through the cross-section (the mean over all
 * {@code n+1} planes normal to the axis, which agree at convergence), {@code L = n*s} the length
 * along the axis and {@code A} the cross-section: {@code D_eff/D0 = F L / A} (unit concentration
 * drop) and {@code tau = porosity * D0 / D_eff}, with porosity the volume fraction of the whole
 * phase (isolated parts included), as TauFactor's {@code Solver} reports it. A straight channel
 * gives exactly 1.
 *
 * <p><b>Solver.</b> Conjugate gradient preconditioned by one symmetric multigrid V-cycle,
 * matrix-free on the compacted set of through-connected voxels ({@link ActiveGrid}: bit rows
 * plus per-word prefix counts instead of an index volume; the solution in double, the other
 * four vectors in float: 24 bytes per solved voxel, so tolerances below about 1e-6 are not
 * reachable). The coarse levels aggregate 2x2x2 blocks with the Galerkin operator
 * {@code P^T A P} of piecewise-constant prolongation ({@link CoarseLevel}), which keeps the
 * conductances of the real pore geometry on every level; the coarse correction is scaled by
 * {@value #OVER_CORRECTION}; the smoother is red-black Gauss-Seidel (red then black before,
 * black then red after the coarse correction, so the preconditioner is symmetric); the coarsest
 * level (at most {@value #COARSEST_CELLS} cells) is solved exactly ({@link DenseCholesky}).
 * Chosen because Jacobi-preconditioned CG, like TauFactor's SOR, needs a number of iterations
 * growing with the volume's edge (a first Jacobi version had not converged after 150 CPU
 * seconds on electrode.tiff), while the V-cycle keeps it nearly independent of size: 24
 * iterations on electrode.tiff (256^3), 21 to 30 on TauFactor's 500^3 benchmark. A geometric
 * multigrid used alone would need the same hierarchy and converges less reliably on pore
 * geometries than inside CG. Every reduction is in double, summed per fixed z-slab and
 * combined in slab order, and the smoother updates one colour from the other only, so the
 * iterates are identical for any thread count. The initial guess is TauFactor's linear
 * profile.
 *
 * <p><b>Convergence.</b> The run stops when the relative residual {@code ||b - Ax|| / ||b||}
 * (b: the inlet boundary currents) and the relative spread {@code (max - min) / mean} of the
 * flux through the planes normal to the axis (TauFactor's measure, checked whenever the
 * residual is below the tolerance) are both at most {@code tolerance};
 * {@link Result#residual()} reports the larger of the two.
 *
 * {@snippet :
 * try (Volume pores = PhaseMask.of(labels, 0)) {
 *     TortuositySolver.Result r = TortuositySolver.solve(pores, Axis.Z, 1e-4, 20000, false, Progress.NONE);
 *     double tau = r.tortuosity();
 * }
 * }
 */
public final class TortuositySolver {

    /** Progress units of a solve: the residual reduction towards the tolerance, on a log scale. */
    static final long PROGRESS_UNITS = 1000;

    /** Cells of the coarsest multigrid level, solved exactly, at most. */
    static final int COARSEST_CELLS = 1000;

    /** Gauss-Seidel sweeps (red + black) before and after each coarse correction. */
    static final int SWEEPS = 1;

    /**
     * Scaling of the piecewise-constant coarse correction (over-correction, in (0, 2) so the cycle stays
     * symmetric positive definite). On electrode.tiff: 35 CG iterations at 1.0, 24 at 1.5, 23 at 1.8.
     */
    static final float OVER_CORRECTION = 1.5f;

    private TortuositySolver() {
    }

    /**
     * Result of {@link #solve}.
     *
     * @param tortuosity           porosity / (D_eff/D0); +infinity when the phase does not percolate
     * @param effectiveDiffusivity D_eff / D0, 0..1
     * @param porosity             volume fraction of the phase, 0..1
     * @param throughFraction      fraction of the phase in through-connected (6-connected) components
     * @param iterations           conjugate-gradient iterations done
     * @param residual             max(relative flux spread, relative residual) at the end
     * @param converged            true when the tolerance was reached
     * @param solvedVoxels         voxels solved for (the through-connected ones)
     * @param planeDiffusivity     D_eff/D0 from the flux through each of the n+1 planes normal to the axis (plane k lies
     *                             k voxels from the inlet face); equal at convergence
     * @param concentration        F32 concentration field (1 at the inlet face, 0 at the outlet; 0 outside the
     *                             through-connected phase), or null when not asked for
     */
    public record Result(double tortuosity, double effectiveDiffusivity, double porosity, double throughFraction, int iterations,
                         double residual, boolean converged, long solvedVoxels, double[] planeDiffusivity,
                         Volume concentration) {
    }

    /**
     * Solves for the tortuosity of the nonzero voxels of {@code phase} along {@code axis}.
     *
     * @param phase         integer mask, nonzero = the transporting phase
     * @param axis          transport axis (the two faces normal to it hold the fixed concentrations)
     * @param tolerance     convergence tolerance, [1e-6, 0.1]
     * @param maxIterations iteration limit, at least 1
     * @param concentration true to return the concentration field
     * @param progress      advanced with the residual reduction (log scale, 0 to {@value #PROGRESS_UNITS})
     */
    public static Result solve(Volume phase, Axis axis, double tolerance, int maxIterations, boolean concentration, Progress progress) {
        Check.range("tolerance", tolerance, 1e-6, 0.1);
        Check.range("max_iterations", maxIterations, 1, Integer.MAX_VALUE);
        ThroughConnectivity.Result through = ThroughConnectivity.analyse(phase, axis, Connectivity.SIX, Progress.NONE);
        double porosity = (double) through.phaseVoxels() / phase.voxels();
        ActiveGrid g;
        try (Volume m = through.mask()) {
            g = new ActiveGrid(m);
        }
        Solver s = new Solver(g, axis, phase.spacing());
        Solver.Outcome o = s.run(tolerance, maxIterations, progress);
        Dims d = phase.dims();
        double scale = axis.size(d) * axis.spacing(phase.spacing()) / axis.crossSectionUm2(d, phase.spacing());
        double deff = o.flux() * scale;
        double[] planes = o.planes().clone();
        for (int k = 0; k < planes.length; k++) {
            planes[k] *= scale;
        }
        double tau = deff > 0 ? porosity / deff : Double.POSITIVE_INFINITY;
        Volume c = concentration ? s.concentration(phase) : null;
        return new Result(tau, deff, porosity, through.throughFraction(), o.iterations(), o.residual(), o.converged(), g.n, planes, c);
    }

    /** The preconditioned conjugate-gradient state on one active grid. */
    static final class Solver {

        record Outcome(double flux, double[] planes, int iterations, double residual, boolean converged) {
        }

        /** Kernel modes of {@link #sweep}. */
        private static final int APPLY = 0;
        private static final int SMOOTH = 1;
        private static final int RESIDUAL = 2;

        private final ActiveGrid g;
        private final Axis axis;
        private final int na;
        private final double gx;
        private final double gy;
        private final double gz;
        /** Boundary conductance 2A/d along the axis. */
        private final double gb;
        private final double[] x;
        private final float[] r;
        private final float[] p;
        private final float[] q;
        private final float[] z;
        private CoarseLevel[] levels;
        private DenseCholesky coarsest;

        Solver(ActiveGrid g, Axis axis, Spacing s) {
            this.g = g;
            this.axis = axis;
            this.na = axis.size(new Dims(g.nx, g.ny, g.nz));
            gx = s.y() * s.z() / s.x();
            gy = s.x() * s.z() / s.y();
            gz = s.x() * s.y() / s.z();
            gb = 2 * switch (axis) {
                case X -> gx;
                case Y -> gy;
                case Z -> gz;
            };
            x = new double[g.n];
            r = new float[g.n];
            p = new float[g.n];
            q = new float[g.n];
            z = new float[g.n];
        }

        private int coord(int xx, int yy, int zz) {
            return switch (axis) {
                case X -> xx;
                case Y -> yy;
                case Z -> zz;
            };
        }

        /** Boundary conductance of a voxel at coordinate u along the axis (0, gb or 2 gb). */
        private double boundary(int u) {
            return (u == 0 ? gb : 0) + (u == na - 1 ? gb : 0);
        }

        Outcome run(double tol, int maxIter, Progress progress) {
            if (g.n == 0) {
                return new Outcome(0, new double[na + 1], 0, 0, true);
            }
            int slabs = g.slabs();
            buildHierarchy();
            // initial guess (linear profile) and right-hand side
            double bb = sum(Parallel.map(slabs, sl -> {
                double[] acc = {0};
                g.forEach(sl, (i, xx, yy, zz) -> {
                    int u = coord(xx, yy, zz);
                    x[i] = 1 - (u + 0.5) / na;
                    double b = u == 0 ? gb : 0;
                    z[i] = (float) b;
                    acc[0] += b * b;
                });
                return acc[0];
            }));
            double bnorm = Math.sqrt(bb);
            Parallel.forEach(slabs, sl -> initialResidual(sl));
            precondition();
            Parallel.forEach(slabs, sl -> System.arraycopy(z, g.slabStart[sl], p, g.slabStart[sl], g.slabStart[sl + 1] - g.slabStart[sl]));
            double rz = dot(r, z);
            progress.start("tortuosity: multigrid-preconditioned conjugate gradient on " + g.n + " voxels", PROGRESS_UNITS);
            long shown = 0;
            int it = 0;
            double resid;
            boolean converged = false;
            double[] flux = planeFlux();
            double rrel = Math.sqrt(dot(r, r)) / bnorm;
            double rrel0 = rrel;
            resid = Math.max(spread(flux), rrel);
            if (resid <= tol) {
                converged = true;
            }
            while (!converged && it < maxIter) {
                double pq = sum(Parallel.map(slabs, sl -> sweep(sl, APPLY, 0, p, null, q)));
                if (!(pq > 0)) {
                    break;
                }
                double alphaD = rz / pq;
                float alpha = (float) alphaD;
                double rr = sum(Parallel.map(slabs, sl -> {
                    double acc = 0;
                    for (int i = g.slabStart[sl]; i < g.slabStart[sl + 1]; i++) {
                        x[i] += alphaD * p[i];
                        float ri = r[i] - alpha * q[i];
                        r[i] = ri;
                        acc += (double) ri * ri;
                    }
                    return acc;
                }));
                it++;
                rrel = Math.sqrt(rr) / bnorm;
                long units = progressUnits(rrel0, rrel, tol);
                if (units > shown) {
                    progress.advance(units - shown);
                    shown = units;
                }
                if (rrel <= tol) {
                    flux = planeFlux();
                    resid = Math.max(spread(flux), rrel);
                    if (resid <= tol) {
                        converged = true;
                        break;
                    }
                }
                precondition();
                double rzNew = dot(r, z);
                float beta = (float) (rzNew / rz);
                rz = rzNew;
                Parallel.forEach(slabs, sl -> {
                    for (int i = g.slabStart[sl]; i < g.slabStart[sl + 1]; i++) {
                        p[i] = z[i] + beta * p[i];
                    }
                });
            }
            progress.done();
            if (!converged) {
                flux = planeFlux();
                resid = Math.max(spread(flux), rrel);
            }
            return new Outcome(mean(flux), flux, it, resid, converged);
        }

        /** r = b - A x for the double-precision x (b is in z); once per solve, so by plain neighbour look-ups. */
        private void initialResidual(int sl) {
            g.forEach(sl, (i, xx, yy, zz) -> {
                double dg = boundary(coord(xx, yy, zz));
                double nb = 0;
                int[] js = {g.indexOf(xx - 1, yy, zz), g.indexOf(xx + 1, yy, zz), g.indexOf(xx, yy - 1, zz), g.indexOf(xx, yy + 1, zz),
                    g.indexOf(xx, yy, zz - 1), g.indexOf(xx, yy, zz + 1)};
                double[] gs = {gx, gx, gy, gy, gz, gz};
                for (int k = 0; k < 6; k++) {
                    if (js[k] >= 0) {
                        dg += gs[k];
                        nb += gs[k] * x[js[k]];
                    }
                }
                r[i] = (float) (z[i] - dg * x[i] + nb);
            });
        }

        /** Progress as the fraction of the residual reduction done, on a log scale: log(r0/r) / log(r0/tol). */
        private static long progressUnits(double r0, double r, double tol) {
            if (!(r0 > tol) || !(r > 0)) {
                return PROGRESS_UNITS;
            }
            double f = Math.log(r0 / r) / Math.log(r0 / tol);
            return Math.max(0, Math.min(PROGRESS_UNITS, (long) (f * PROGRESS_UNITS)));
        }

        private double dot(float[] a, float[] b) {
            return sum(Parallel.map(g.slabs(), sl -> {
                double acc = 0;
                for (int i = g.slabStart[sl]; i < g.slabStart[sl + 1]; i++) {
                    acc += (double) a[i] * b[i];
                }
                return acc;
            }));
        }

        /** Coarse levels by 2x2x2 aggregation until at most {@value #COARSEST_CELLS} cells remain. */
        private void buildHierarchy() {
            List<CoarseLevel> l = new java.util.ArrayList<>();
            CoarseLevel c = new CoarseLevel((g.nx + 1) / 2, (g.ny + 1) / 2, (g.nz + 1) / 2);
            Parallel.forEach(g.slabs(), sl -> g.forEach(sl, (i, xx, yy, zz) -> {
                int cc = ((zz >> 1) * c.ny + (yy >> 1)) * c.nx + (xx >> 1);
                c.bnd[cc] += (float) boundary(coord(xx, yy, zz));
                if ((xx & 1) == 1 && g.indexOf(xx + 1, yy, zz) >= 0) {
                    c.gxp[cc] += (float) gx;
                }
                if ((yy & 1) == 1 && g.indexOf(xx, yy + 1, zz) >= 0) {
                    c.gyp[cc] += (float) gy;
                }
                if ((zz & 1) == 1 && g.indexOf(xx, yy, zz + 1) >= 0) {
                    c.gzp[cc] += (float) gz;
                }
            }));
            c.finish();
            l.add(c);
            CoarseLevel cur = c;
            while (cur.cells() > COARSEST_CELLS) {
                cur = cur.coarsen();
                l.add(cur);
            }
            levels = l.toArray(new CoarseLevel[0]);
            coarsest = new DenseCholesky(levels[levels.length - 1]);
        }

        /** z = M^-1 r: one symmetric V-cycle (red-black Gauss-Seidel, 2x2x2 aggregation, exact coarsest solve). */
        private void precondition() {
            int slabs = g.slabs();
            Parallel.forEach(slabs, sl -> java.util.Arrays.fill(z, g.slabStart[sl], g.slabStart[sl + 1], 0f));
            for (int k = 0; k < SWEEPS; k++) {
                Parallel.forEach(slabs, sl -> sweep(sl, SMOOTH, 0, z, r, null));
                Parallel.forEach(slabs, sl -> sweep(sl, SMOOTH, 1, z, r, null));
            }
            Parallel.forEach(slabs, sl -> sweep(sl, RESIDUAL, 0, z, r, q));
            CoarseLevel c = levels[0];
            Parallel.forEach(slabs, sl -> {
                int z0 = g.slabZ[sl] >> 1;
                int z1 = (g.slabZ[sl + 1] + 1) >> 1;
                java.util.Arrays.fill(c.f, z0 * c.nx * c.ny, z1 * c.nx * c.ny, 0f);
                g.forEach(sl, (i, xx, yy, zz) -> c.f[((zz >> 1) * c.ny + (yy >> 1)) * c.nx + (xx >> 1)] += q[i]);
            });
            cycle(0);
            Parallel.forEach(slabs, sl -> g.forEach(sl, (i, xx, yy, zz) ->
                    z[i] += OVER_CORRECTION * c.v[((zz >> 1) * c.ny + (yy >> 1)) * c.nx + (xx >> 1)]));
            for (int k = 0; k < SWEEPS; k++) {
                Parallel.forEach(slabs, sl -> sweep(sl, SMOOTH, 1, z, r, null));
                Parallel.forEach(slabs, sl -> sweep(sl, SMOOTH, 0, z, r, null));
            }
        }

        /** Solves approximately A_l v = f on coarse level l (its v is overwritten). */
        private void cycle(int l) {
            CoarseLevel c = levels[l];
            if (l == levels.length - 1) {
                coarsest.solve(c.f, c.v);
                return;
            }
            c.clear();
            for (int k = 0; k < SWEEPS; k++) {
                c.smooth(0);
                c.smooth(1);
            }
            c.residual();
            c.restrictTo(levels[l + 1]);
            cycle(l + 1);
            c.prolongFrom(levels[l + 1], OVER_CORRECTION);
            for (int k = 0; k < SWEEPS; k++) {
                c.smooth(1);
                c.smooth(0);
            }
        }

        /**
         * The 7-point stencil on the active voxels of one slab. APPLY: out = A v, returns v.out.
         * SMOOTH: Gauss-Seidel update of the voxels with (x + y + z) % 2 == colour, in place in v,
         * for A v = rhs. RESIDUAL: out = rhs - A v.
         */
        private double sweep(int sl, int mode, int colour, float[] v, float[] rhs, float[] out) {
            final int nx = g.nx;
            final int ny = g.ny;
            final int wpr = g.wpr;
            final long[] bits = g.bits;
            final int[] base = g.base;
            final int plane = wpr * ny;
            double dot = 0;
            for (int zz = g.slabZ[sl]; zz < g.slabZ[sl + 1]; zz++) {
                for (int yy = 0; yy < ny; yy++) {
                    int off = (zz * ny + yy) * wpr;
                    double rowB = axis == Axis.X ? 0 : boundary(axis == Axis.Y ? yy : zz);
                    long colourMask = mode != SMOOTH ? -1L : ((colour + yy + zz) & 1) == 0 ? 0x5555555555555555L : 0xAAAAAAAAAAAAAAAAL;
                    for (int w = 0; w < wpr; w++) {
                        long full = bits[off + w];
                        long word = full & colourMask;
                        if (word == 0) {
                            continue;
                        }
                        int i0 = base[off + w];
                        long left = (full << 1) | (w > 0 ? bits[off + w - 1] >>> 63 : 0);
                        long right = (full >>> 1) | (w < wpr - 1 ? bits[off + w + 1] << 63 : 0);
                        int oym = off + w - wpr;
                        int oyp = off + w + wpr;
                        int ozm = off + w - plane;
                        int ozp = off + w + plane;
                        long ym = yy > 0 ? bits[oym] : 0;
                        long yp = yy < ny - 1 ? bits[oyp] : 0;
                        long zm = zz > 0 ? bits[ozm] : 0;
                        long zp = zz < g.nz - 1 ? bits[ozp] : 0;
                        long xLow = axis == Axis.X && w == 0 ? 1L : 0;
                        long xHigh = axis == Axis.X && w == wpr - 1 ? 1L << ((nx - 1) & 63) : 0;
                        while (word != 0) {
                            long bit = word & -word;
                            long low = bit - 1;
                            int i = i0 + Long.bitCount(full & low);
                            double dg = rowB;
                            double nb = 0;
                            if ((left & bit) != 0) {
                                dg += gx;
                                nb += gx * v[i - 1];
                            }
                            if ((right & bit) != 0) {
                                dg += gx;
                                nb += gx * v[i + 1];
                            }
                            if ((ym & bit) != 0) {
                                dg += gy;
                                nb += gy * v[base[oym] + Long.bitCount(ym & low)];
                            }
                            if ((yp & bit) != 0) {
                                dg += gy;
                                nb += gy * v[base[oyp] + Long.bitCount(yp & low)];
                            }
                            if ((zm & bit) != 0) {
                                dg += gz;
                                nb += gz * v[base[ozm] + Long.bitCount(zm & low)];
                            }
                            if ((zp & bit) != 0) {
                                dg += gz;
                                nb += gz * v[base[ozp] + Long.bitCount(zp & low)];
                            }
                            if ((xLow & bit) != 0) {
                                dg += gb;
                            }
                            if ((xHigh & bit) != 0) {
                                dg += gb;
                            }
                            switch (mode) {
                                case APPLY -> {
                                    double a = dg * v[i] - nb;
                                    out[i] = (float) a;
                                    dot += v[i] * a;
                                }
                                case SMOOTH -> v[i] = (float) ((rhs[i] + nb) / dg);
                                default -> out[i] = (float) (rhs[i] - dg * v[i] + nb);
                            }
                            word &= word - 1;
                        }
                    }
                }
            }
            return dot;
        }

        /** Flux (concentration drop times conductance) through each of the na+1 planes normal to the axis. */
        double[] planeFlux() {
            List<double[]> parts = Parallel.map(g.slabs(), sl -> {
                double[] f = new double[na + 1];
                g.forEach(sl, (i, xx, yy, zz) -> {
                    int u = coord(xx, yy, zz);
                    double c = x[i];
                    if (u == 0) {
                        f[0] += gb * (1 - c);
                    }
                    if (u == na - 1) {
                        f[na] += gb * c;
                    } else {
                        int j = switch (axis) {
                            case X -> g.indexOf(xx + 1, yy, zz);
                            case Y -> g.indexOf(xx, yy + 1, zz);
                            case Z -> g.indexOf(xx, yy, zz + 1);
                        };
                        if (j >= 0) {
                            f[u + 1] += gb / 2 * (c - x[j]);
                        }
                    }
                });
                return f;
            });
            double[] f = new double[na + 1];
            for (double[] pt : parts) {
                for (int k = 0; k <= na; k++) {
                    f[k] += pt[k];
                }
            }
            return f;
        }

        /** The concentration field as an F32 volume like {@code like}, 0 outside the solved voxels. */
        Volume concentration(Volume like) {
            Volume out = Volume.allocateLike(like, DataType.F32);
            Dims d = like.dims();
            Parallel.forEach(g.slabs(), sl -> {
                float[] row = new float[g.nx];
                for (int zz = g.slabZ[sl]; zz < g.slabZ[sl + 1]; zz++) {
                    for (int yy = 0; yy < g.ny; yy++) {
                        java.util.Arrays.fill(row, 0f);
                        int off = (zz * g.ny + yy) * g.wpr;
                        for (int w = 0; w < g.wpr; w++) {
                            long word = g.bits[off + w];
                            int i = g.base[off + w];
                            while (word != 0) {
                                row[(w << 6) + Long.numberOfTrailingZeros(word)] = (float) x[i++];
                                word &= word - 1;
                            }
                        }
                        out.write(d.index(0, yy, zz), row, 0, g.nx);
                    }
                }
            });
            return out;
        }

        private static double spread(double[] f) {
            double mn = Double.POSITIVE_INFINITY;
            double mx = Double.NEGATIVE_INFINITY;
            for (double v : f) {
                mn = Math.min(mn, v);
                mx = Math.max(mx, v);
            }
            double m = mean(f);
            return m > 0 ? (mx - mn) / m : Double.POSITIVE_INFINITY;
        }

        private static double mean(double[] f) {
            double s = 0;
            for (double v : f) {
                s += v;
            }
            return s / f.length;
        }

        private static double sum(List<Double> parts) {
            double s = 0;
            for (double v : parts) {
                s += v;
            }
            return s;
        }
    }
}
