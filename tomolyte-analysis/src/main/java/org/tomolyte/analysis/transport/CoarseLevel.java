package org.tomolyte.analysis.transport;

import org.tomolyte.core.Parallel;

/**
 * One coarse level of the multigrid preconditioner of {@link TortuositySolver}: a full grid of
 * cells (each the union of a 2x2x2 block of the finer level) with the Galerkin operator of
 * piecewise-constant aggregation, {@code P^T A P}: the conductance between two face-adjacent
 * cells is the sum of the finer conductances crossing their shared face, the boundary
 * conductance is the sum of the children's, links inside a block vanish. Cells without active
 * children have no links and are skipped. All loops run over fixed z-slabs; the smoother is
 * red-black Gauss-Seidel (a colour reads only the other colour), so results do not depend on the
 * thread count.
 */
final class CoarseLevel {

    final int nx;
    final int ny;
    final int nz;
    /** Conductance to the +x, +y, +z neighbour cell (0 at the far edge). */
    final float[] gxp;
    final float[] gyp;
    final float[] gzp;
    /** Boundary (Dirichlet) conductance. */
    final float[] bnd;
    /** Diagonal: sum of all links and the boundary conductance (0 = inactive cell). */
    final float[] diag;
    /** Correction, right-hand side and residual. */
    final float[] v;
    final float[] f;
    final float[] res;
    final int[] slabZ;

    CoarseLevel(int nx, int ny, int nz) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        int n = Math.multiplyExact(Math.multiplyExact(nx, ny), nz);
        gxp = new float[n];
        gyp = new float[n];
        gzp = new float[n];
        bnd = new float[n];
        diag = new float[n];
        v = new float[n];
        f = new float[n];
        res = new float[n];
        slabZ = ActiveGrid.evenSlabs(nz, (long) nx * ny);
    }

    int cells() {
        return gxp.length;
    }

    int slabs() {
        return slabZ.length - 1;
    }

    /** Sets the diagonal from the links and boundary terms. */
    void finish() {
        Parallel.forEach(slabs(), sl -> {
            for (int z = slabZ[sl]; z < slabZ[sl + 1]; z++) {
                for (int y = 0; y < ny; y++) {
                    int c = (z * ny + y) * nx;
                    for (int x = 0; x < nx; x++, c++) {
                        double d = bnd[c] + gxp[c] + gyp[c] + gzp[c];
                        d += x > 0 ? gxp[c - 1] : 0;
                        d += y > 0 ? gyp[c - nx] : 0;
                        d += z > 0 ? gzp[c - nx * ny] : 0;
                        diag[c] = (float) d;
                    }
                }
            }
        });
    }

    /** The next coarser level (2x2x2 blocks of this one). */
    CoarseLevel coarsen() {
        CoarseLevel c = new CoarseLevel((nx + 1) / 2, (ny + 1) / 2, (nz + 1) / 2);
        Parallel.forEach(c.slabs(), sl -> {
            for (int zc = c.slabZ[sl]; zc < c.slabZ[sl + 1]; zc++) {
                for (int yc = 0; yc < c.ny; yc++) {
                    for (int xc = 0; xc < c.nx; xc++) {
                        int C = (zc * c.ny + yc) * c.nx + xc;
                        double gx = 0;
                        double gy = 0;
                        double gz = 0;
                        double b = 0;
                        for (int dz = 0; dz < 2; dz++) {
                            int z = 2 * zc + dz;
                            if (z >= nz) {
                                continue;
                            }
                            for (int dy = 0; dy < 2; dy++) {
                                int y = 2 * yc + dy;
                                if (y >= ny) {
                                    continue;
                                }
                                for (int dx = 0; dx < 2; dx++) {
                                    int x = 2 * xc + dx;
                                    if (x >= nx) {
                                        continue;
                                    }
                                    int k = (z * ny + y) * nx + x;
                                    b += bnd[k];
                                    gx += dx == 1 ? gxp[k] : 0;
                                    gy += dy == 1 ? gyp[k] : 0;
                                    gz += dz == 1 ? gzp[k] : 0;
                                }
                            }
                        }
                        c.gxp[C] = (float) gx;
                        c.gyp[C] = (float) gy;
                        c.gzp[C] = (float) gz;
                        c.bnd[C] = (float) b;
                    }
                }
            }
        });
        c.finish();
        return c;
    }

    /** Neighbour sum {@code sum g v_j} of cell c at (x, y, z). */
    private double neighbours(float[] u, int c, int x, int y, int z) {
        int plane = nx * ny;
        double s = gxp[c] * (x + 1 < nx ? u[c + 1] : 0) + gyp[c] * (y + 1 < ny ? u[c + nx] : 0)
                + gzp[c] * (z + 1 < nz ? u[c + plane] : 0);
        if (x > 0) {
            s += gxp[c - 1] * u[c - 1];
        }
        if (y > 0) {
            s += gyp[c - nx] * u[c - nx];
        }
        if (z > 0) {
            s += gzp[c - plane] * u[c - plane];
        }
        return s;
    }

    /** One Gauss-Seidel half sweep over the cells with (x + y + z) % 2 == colour. */
    void smooth(int colour) {
        Parallel.forEach(slabs(), sl -> {
            for (int z = slabZ[sl]; z < slabZ[sl + 1]; z++) {
                for (int y = 0; y < ny; y++) {
                    int x0 = (colour + y + z) & 1;
                    int c = (z * ny + y) * nx + x0;
                    for (int x = x0; x < nx; x += 2, c += 2) {
                        float d = diag[c];
                        if (d > 0) {
                            v[c] = (float) ((f[c] + neighbours(v, c, x, y, z)) / d);
                        }
                    }
                }
            }
        });
    }

    /** res = f - A v. */
    void residual() {
        Parallel.forEach(slabs(), sl -> {
            for (int z = slabZ[sl]; z < slabZ[sl + 1]; z++) {
                for (int y = 0; y < ny; y++) {
                    int c = (z * ny + y) * nx;
                    for (int x = 0; x < nx; x++, c++) {
                        float d = diag[c];
                        res[c] = d > 0 ? (float) (f[c] - d * v[c] + neighbours(v, c, x, y, z)) : 0;
                    }
                }
            }
        });
    }

    /** coarse.f = sum of this level's residual over each block. */
    void restrictTo(CoarseLevel c) {
        Parallel.forEach(c.slabs(), sl -> {
            for (int zc = c.slabZ[sl]; zc < c.slabZ[sl + 1]; zc++) {
                for (int yc = 0; yc < c.ny; yc++) {
                    for (int xc = 0; xc < c.nx; xc++) {
                        double s = 0;
                        for (int z = 2 * zc; z < Math.min(nz, 2 * zc + 2); z++) {
                            for (int y = 2 * yc; y < Math.min(ny, 2 * yc + 2); y++) {
                                for (int x = 2 * xc; x < Math.min(nx, 2 * xc + 2); x++) {
                                    s += res[(z * ny + y) * nx + x];
                                }
                            }
                        }
                        c.f[(zc * c.ny + yc) * c.nx + xc] = (float) s;
                    }
                }
            }
        });
    }

    /** v += alpha * coarse.v of each cell's block. */
    void prolongFrom(CoarseLevel c, float alpha) {
        Parallel.forEach(slabs(), sl -> {
            for (int z = slabZ[sl]; z < slabZ[sl + 1]; z++) {
                for (int y = 0; y < ny; y++) {
                    int c0 = (z * ny + y) * nx;
                    int p0 = ((z >> 1) * c.ny + (y >> 1)) * c.nx;
                    for (int x = 0; x < nx; x++) {
                        if (diag[c0 + x] > 0) {
                            v[c0 + x] += alpha * c.v[p0 + (x >> 1)];
                        }
                    }
                }
            }
        });
    }

    /** Zeroes the correction. */
    void clear() {
        java.util.Arrays.fill(v, 0f);
    }
}
