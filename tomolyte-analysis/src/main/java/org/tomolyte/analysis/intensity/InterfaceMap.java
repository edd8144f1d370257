package org.tomolyte.analysis.intensity;

import org.tomolyte.core.Axis;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.VolumeStats;
import org.tomolyte.core.op.Check;

/**
 * Interfacial intensity map (Dixit et al., paper 001, Fig. 6 and S13): "raw grayscale intensity
 * is traced [over] a 150 x 150 um^2 section over at least 500 um depth [...] normalized to the
 * depth and the maximum theoretical intensity of an 8-bit image".
 *
 * <p>Our reading: for every column (u, v) of a square window centred in the plane normal to the
 * stack axis, the grey values of the {@code n_d = round(depth_um / s)} slices entering the
 * electrolyte from the interface are summed; "normalised to the depth" divides that sum by
 * n_d (so the value is the column's mean through the depth, independent of how deep one looks)
 * and "normalised by the maximum theoretical intensity" divides by the type's maximum (U8 255,
 * U16 65535, I32 2^31 - 1). Values lie in 0..1: high = dense, attenuating electrolyte, low =
 * pores or voids in contact with the column. F32 and F64 images have no theoretical maximum: the
 * largest finite value of the whole image stands in for it (reported as the normaliser).
 *
 * <p>The window is {@code round(window_um / s)} voxels per in-plane axis, starting at
 * {@code (n - w) / 2}. The stack axis points upwards, as in the test kit's symmetric cell: the bottom
 * electrode sits at small indices, the top electrode at large ones. The interface is found from
 * the window's slice-mean profile m(k) along the stack axis: {@link Interface#BOTTOM} takes the
 * largest |m(k+1) - m(k)| with both slices in the first half of the stack (slices
 * {@code 0..n/2-1}), the electrolyte starting at k+1 and lying towards larger indices;
 * {@link Interface#TOP} the largest step with both slices in the second half (from {@code n/2}),
 * the electrolyte ending at slice k and lying towards smaller indices. Ties go to the smaller k. {@link Interface#Z_UM} takes the boundary plane given in um along the stack axis:
 * the boundary index is round(z_um / s) and the electrolyte lies towards the volume's centre.
 */
public final class InterfaceMap {

    /** Which interface. */
    public enum Interface {
        /** Electrolyte | Li interface in the second half of the stack (large indices, the upper electrode). */
        TOP,
        /** Li | electrolyte interface in the first half of the stack (small indices, the lower electrode). */
        BOTTOM,
        /** A boundary plane given in um. */
        Z_UM
    }

    private InterfaceMap() {
    }

    /**
     * The map.
     *
     * @param stack          stack axis
     * @param u              map's first axis (columns)
     * @param v              map's second axis (rows)
     * @param nu             window width along u, voxels
     * @param nv             window width along v, voxels
     * @param u0             first voxel index of the window along u
     * @param v0             first voxel index along v
     * @param values         normalised intensity, {@code values[j * nu + i]}
     * @param boundary       boundary plane index along the stack axis: the interface lies at boundary * s um
     * @param firstSlice     first electrolyte slice averaged (smallest index)
     * @param lastSlice      last electrolyte slice averaged (largest index)
     * @param normaliser     value divided by (type maximum, or the image maximum for floats)
     * @param profile        the window's mean grey per slice along the stack axis
     * @param spacing        voxel size, um
     */
    public record Result(Axis stack, Axis u, Axis v, int nu, int nv, int u0, int v0, double[] values, int boundary, int firstSlice,
                         int lastSlice, double normaliser, double[] profile, Spacing spacing) {

        /** Depth averaged, in slices. */
        public int depthSlices() {
            return lastSlice - firstSlice + 1;
        }

        /** Centre of window column i along u, um. */
        public double uUm(int i) {
            return (u0 + i + 0.5) * spacing.along(u.index());
        }

        /** Centre of window row j along v, um. */
        public double vUm(int j) {
            return (v0 + j + 0.5) * spacing.along(v.index());
        }
    }

    /** The intensity that maps to 1: the type's maximum, or the largest finite value for float images. */
    public static double normaliser(Volume image) {
        return switch (image.type()) {
            case U8, U16, I32 -> image.type().max();
            case F32, F64 -> {
                double m = VolumeStats.of(image).max();
                if (!(m > 0)) {
                    throw new InputException("a float image needs a positive maximum to normalise the intensity map, got " + m);
                }
                yield m;
            }
        };
    }

    /** Window width in voxels along {@code axis}, checked against the volume. */
    static int windowVoxels(double windowUm, Axis axis, Dims dims, Spacing spacing) {
        long w = Math.round(windowUm / spacing.along(axis.index()));
        int n = dims.size(axis.index());
        if (w < 1 || w > n) {
            throw new ParameterException("window_um " + Check.fmt(windowUm) + " is " + w + " voxels along " + axis.label()
                    + " but must be 1.." + n + " (the volume is " + Check.fmt(n * spacing.along(axis.index())) + " um)");
        }
        return (int) w;
    }

    /** Depth in slices along the stack axis, checked against the volume. */
    static int depthSlices(double depthUm, Axis stack, Dims dims, Spacing spacing) {
        long d = Math.round(depthUm / spacing.along(stack.index()));
        int n = dims.size(stack.index());
        if (d < 1 || d > n) {
            throw new ParameterException("depth_um " + Check.fmt(depthUm) + " is " + d + " slices along " + stack.label()
                    + " but must be 1.." + n);
        }
        return (int) d;
    }

    /**
     * Computes the map.
     *
     * @param image     grey image
     * @param where     which interface
     * @param zUm       boundary position along the stack axis in um (for {@link Interface#Z_UM}, else ignored)
     * @param windowUm  window side, um
     * @param depthUm   depth averaged into the electrolyte, um
     * @param stack     stack axis
     * @param progress  progress
     * @return the normalised map
     */
    public static Result compute(Volume image, Interface where, Double zUm, double windowUm, double depthUm, Axis stack, Progress progress) {
        Dims d = image.dims();
        Spacing s = image.spacing();
        Axis u = stack.firstInPlane();
        Axis v = stack.secondInPlane();
        int a = stack.index();
        int na = d.size(a);
        int nu = windowVoxels(windowUm, u, d, s);
        int nv = windowVoxels(windowUm, v, d, s);
        int nd = depthSlices(depthUm, stack, d, s);
        int u0 = (d.size(u.index()) - nu) / 2;
        int v0 = (d.size(v.index()) - nv) / 2;
        double norm = normaliser(image);
        progress.start("interface intensity map", 2);
        int[] lo = new int[3];
        int[] hi = new int[3];
        lo[u.index()] = u0;
        hi[u.index()] = u0 + nu;
        lo[v.index()] = v0;
        hi[v.index()] = v0 + nv;
        lo[a] = 0;
        hi[a] = na;
        double[] profile = new double[na];
        scan(image, lo, hi, a, u.index(), v.index(), nu, profile, null);
        for (int k = 0; k < na; k++) {
            profile[k] /= (double) nu * nv;
        }
        progress.advance(1);
        int boundary;
        int first;
        int last;
        int half = na / 2;
        switch (where) {
            case BOTTOM -> {
                int k = largestStep(profile, 0, half);
                if (k < 0) {
                    throw new InputException("the stack has " + na + " slices along " + stack.label() + "; finding the bottom interface needs at least 4");
                }
                boundary = k + 1;
                first = boundary;
                last = boundary + nd - 1;
            }
            case TOP -> {
                int k = largestStep(profile, half, na);
                if (k < 0) {
                    throw new InputException("the stack has " + na + " slices along " + stack.label() + "; finding the top interface needs at least 4");
                }
                boundary = k + 1;
                last = k;
                first = k - nd + 1;
            }
            case Z_UM -> {
                if (zUm == null) {
                    throw new ParameterException("z_um is required when interface is z_um");
                }
                double ext = na * s.along(a);
                if (!(zUm >= 0 && zUm <= ext)) {
                    throw new ParameterException("z_um must be in 0.." + Check.fmt(ext) + " um (the stack), got " + Check.fmt(zUm));
                }
                boundary = (int) Math.round(zUm / s.along(a));
                if (zUm < ext / 2) {
                    first = boundary;
                    last = boundary + nd - 1;
                } else {
                    last = boundary - 1;
                    first = boundary - nd;
                }
            }
            default -> throw new InternalException("unknown interface " + where);
        }
        if (first < 0 || last >= na) {
            int room = first < 0 ? last + 1 : na - first;
            throw new ParameterException("depth_um " + Check.fmt(depthUm) + " needs " + nd + " slices beyond the interface at "
                    + stack.label() + " = " + Check.fmt(boundary * s.along(a)) + " um, but only " + Math.max(0, room) + " ("
                    + Check.fmt(Math.max(0, room) * s.along(a)) + " um) remain");
        }
        lo[a] = first;
        hi[a] = last + 1;
        double[] map = new double[nu * nv];
        scan(image, lo, hi, a, u.index(), v.index(), nu, null, map);
        double scale = 1.0 / ((double) nd * norm);
        for (int i = 0; i < map.length; i++) {
            map[i] *= scale;
        }
        progress.advance(1);
        progress.done();
        return new Result(stack, u, v, nu, nv, u0, v0, map, boundary, first, last, norm, profile, s);
    }

    /** Largest |m(k+1) - m(k)| with k, k+1 in [from, to); -1 when there is no such pair. */
    static int largestStep(double[] m, int from, int to) {
        int best = -1;
        double bestStep = -1;
        for (int k = from; k + 1 < to; k++) {
            double st = Math.abs(m[k + 1] - m[k]);
            if (st > bestStep) {
                bestStep = st;
                best = k;
            }
        }
        return best;
    }

    /**
     * Reads the box [lo, hi) row by row (bulk reads along x) and adds each voxel either to
     * {@code perSlice[c[a]]} or to {@code perColumn[(c[u] - lo[u]) + (c[v] - lo[v]) nu]}.
     */
    private static void scan(Volume image, int[] lo, int[] hi, int a, int u, int v, int nu, double[] perSlice, double[] perColumn) {
        int nx = image.dims().nx();
        int ny = image.dims().ny();
        int len = hi[0] - lo[0];
        double[] row = new double[len];
        int[] c = new int[3];
        for (int z = lo[2]; z < hi[2]; z++) {
            for (int y = lo[1]; y < hi[1]; y++) {
                image.read(((long) z * ny + y) * nx + lo[0], row, 0, len);
                c[1] = y;
                c[2] = z;
                for (int i = 0; i < len; i++) {
                    c[0] = lo[0] + i;
                    if (perSlice != null) {
                        perSlice[c[a]] += row[i];
                    } else {
                        perColumn[(c[u] - lo[u]) + (c[v] - lo[v]) * nu] += row[i];
                    }
                }
            }
        }
    }
}
