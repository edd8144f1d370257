package org.tomolyte.testkit;

/**
 * A solid body in physical coordinates (micrometres, origin at the outer corner of voxel
 * (0,0,0), so the centre of voxel (i,j,k) is ((i+0.5)*sx, (j+0.5)*sy, (k+0.5)*sz)). A voxel
 * belongs to a shape when its centre does ({@link #contains}). Only +, -, *, / and
 * {@link Math#sqrt} are used, all exactly rounded in IEEE 754, so membership is the same on every
 * machine.
 */
sealed interface Shape {

    /** Axis-aligned bounds in um that enclose the shape. */
    record Bounds(double x0, double x1, double y0, double y1, double z0, double z1) {
    }

    /** Bounds enclosing every point of the shape. */
    Bounds bounds();

    /** True when the point (x, y, z) in um lies inside (boundary included). */
    boolean contains(double x, double y, double z);

    /** A ball of radius {@code r} um centred at (cx, cy, cz) um. */
    record Ball(double cx, double cy, double cz, double r) implements Shape {
        @Override
        public Bounds bounds() {
            return new Bounds(cx - r, cx + r, cy - r, cy + r, cz - r, cz + r);
        }

        @Override
        public boolean contains(double x, double y, double z) {
            double dx = x - cx;
            double dy = y - cy;
            double dz = z - cz;
            return dx * dx + dy * dy + dz * dz <= r * r;
        }
    }

    /**
     * An ellipsoid centred at (cx, cy, cz) um with semi-axes a, b, c um along the orthonormal
     * directions u, v, w (each a 3-vector).
     */
    record Ellipsoid(double cx, double cy, double cz, double a, double b, double c,
                     double[] u, double[] v, double[] w) implements Shape {
        @Override
        public Bounds bounds() {
            double hx = Math.sqrt(sq(a * u[0]) + sq(b * v[0]) + sq(c * w[0]));
            double hy = Math.sqrt(sq(a * u[1]) + sq(b * v[1]) + sq(c * w[1]));
            double hz = Math.sqrt(sq(a * u[2]) + sq(b * v[2]) + sq(c * w[2]));
            return new Bounds(cx - hx, cx + hx, cy - hy, cy + hy, cz - hz, cz + hz);
        }

        @Override
        public boolean contains(double x, double y, double z) {
            double dx = x - cx;
            double dy = y - cy;
            double dz = z - cz;
            double p = (dx * u[0] + dy * u[1] + dz * u[2]) / a;
            double q = (dx * v[0] + dy * v[1] + dz * v[2]) / b;
            double s = (dx * w[0] + dy * w[1] + dz * w[2]) / c;
            return p * p + q * q + s * s <= 1;
        }
    }

    /** All points within {@code r} um of the segment from (x0,y0,z0) to (x1,y1,z1) um (a fibre). */
    record Capsule(double x0, double y0, double z0, double x1, double y1, double z1, double r) implements Shape {
        @Override
        public Bounds bounds() {
            return new Bounds(Math.min(x0, x1) - r, Math.max(x0, x1) + r, Math.min(y0, y1) - r,
                    Math.max(y0, y1) + r, Math.min(z0, z1) - r, Math.max(z0, z1) + r);
        }

        @Override
        public boolean contains(double x, double y, double z) {
            double ex = x1 - x0;
            double ey = y1 - y0;
            double ez = z1 - z0;
            double len2 = ex * ex + ey * ey + ez * ez;
            double t = len2 == 0 ? 0 : ((x - x0) * ex + (y - y0) * ey + (z - z0) * ez) / len2;
            t = Math.max(0, Math.min(1, t));
            double dx = x - (x0 + t * ex);
            double dy = y - (y0 + t * ey);
            double dz = z - (z0 + t * ez);
            return dx * dx + dy * dy + dz * dz <= r * r;
        }
    }

    /**
     * A flat disc (short cylinder) centred at (cx, cy, cz) um with unit normal (nx, ny, nz),
     * total thickness {@code thickness} um along the normal and radius {@code r} um in its plane:
     * a planar crack of aperture {@code thickness}.
     */
    record Disc(double cx, double cy, double cz, double nx, double ny, double nz, double thickness, double r)
            implements Shape {
        @Override
        public Bounds bounds() {
            double h = thickness / 2;
            double hx = r * Math.sqrt(Math.max(0, 1 - nx * nx)) + h * Math.abs(nx);
            double hy = r * Math.sqrt(Math.max(0, 1 - ny * ny)) + h * Math.abs(ny);
            double hz = r * Math.sqrt(Math.max(0, 1 - nz * nz)) + h * Math.abs(nz);
            return new Bounds(cx - hx, cx + hx, cy - hy, cy + hy, cz - hz, cz + hz);
        }

        @Override
        public boolean contains(double x, double y, double z) {
            double dx = x - cx;
            double dy = y - cy;
            double dz = z - cz;
            double t = dx * nx + dy * ny + dz * nz;
            double h = thickness / 2;
            return t * t <= h * h && dx * dx + dy * dy + dz * dz - t * t <= r * r;
        }
    }

    /**
     * Half of an oblate spheroid sitting on the plane z = {@code planeZ} um (a flat interfacial
     * void): points with {@code dir * (z - planeZ) > 0} and
     * {@code ((x-cx)^2 + (y-cy)^2) / r^2 + (z - planeZ)^2 / depth^2 <= 1}. {@code dir} is -1 for a
     * lens below the plane, +1 above it.
     */
    record Lens(double cx, double cy, double planeZ, double r, double depth, int dir) implements Shape {
        @Override
        public Bounds bounds() {
            return dir < 0
                    ? new Bounds(cx - r, cx + r, cy - r, cy + r, planeZ - depth, planeZ)
                    : new Bounds(cx - r, cx + r, cy - r, cy + r, planeZ, planeZ + depth);
        }

        @Override
        public boolean contains(double x, double y, double z) {
            double dz = (z - planeZ) * dir;
            if (!(dz > 0)) {
                return false;
            }
            double dx = x - cx;
            double dy = y - cy;
            return (dx * dx + dy * dy) / (r * r) + (dz * dz) / (depth * depth) <= 1;
        }
    }

    private static double sq(double v) {
        return v * v;
    }
}
