package org.tomolyte.image.label;

import java.util.Arrays;
import java.util.List;
import org.tomolyte.core.BlockGrid;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Table;
import org.tomolyte.core.Volume;

/**
 * Size, position and shape of every label of a label volume, in physical units (anisotropic
 * voxels handled on every quantity). One row per label value present, ascending.
 *
 * <p>Definitions (voxel {@code (i, j, k)} has its centre at {@code ((i+0.5) sx, (j+0.5) sy,
 * (k+0.5) sz)} um, measured from the outer corner of voxel 0, as the test kit's phantoms):
 * <ul>
 * <li>{@code voxels}; {@code volume_um3 = voxels * sx sy sz}.</li>
 * <li>{@code centroid_*_um}: mean voxel centre. (scikit-image's {@code centroid} is the mean
 * voxel index: ours is {@code (centroid + 0.5) * s}.)</li>
 * <li>{@code bbox_x0..bbox_z1}: voxel indices, start inclusive, end exclusive (as
 * {@code regionprops.bbox}).</li>
 * <li>{@code equivalent_diameter_um}: diameter of the sphere of the same volume,
 * {@code (6 V / pi)^(1/3)} (scikit-image {@code equivalent_diameter_area}).</li>
 * <li>{@code axis_major_um >= axis_mid_um >= axis_minor_um}: with {@code l1 >= l2 >= l3} the
 * eigenvalues of the covariance of the voxel centres in um (second central moments divided by
 * the voxel count, voxels taken as points), each axis is {@code sqrt(20 l) = 2 sqrt(5 l)}: the
 * full axis length of the solid ellipsoid with the same second moments (a solid ellipsoid of
 * semi-axis {@code a} has variance {@code a^2/5} along it). This is scikit-image's 3D
 * {@code axis_major_length}/{@code axis_minor_length} ({@code sqrt(10 (ev0 + ev1 - ev2))} of the
 * inertia-tensor eigenvalues, which equals {@code sqrt(20 l1)}), not its 2D {@code 4 sqrt(l)}.</li>
 * <li>{@code elongation = axis_mid / axis_major}, {@code flatness = axis_minor / axis_mid}, both in
 * 0..1 (1 for a sphere); NaN when the denominator is 0 (a component one voxel thick).</li>
 * <li>{@code surface_area_um2}: the discrete Crofton estimate with 13 line directions and
 * anisotropic Voronoi weights ({@link CroftonWeights}); voxels outside the volume count as
 * background, so a component cut by the border is closed by its cut face. The formula is
 * unbiased for surfaces of every orientation taken together: digital spheres of radius &gt;= 6
 * voxels come within 2 % of 4 pi r^2 (tested; measured &lt;= 0.7 %) on cubic and anisotropic
 * voxels. A single flat face is over- or under-weighted by the 13-direction quadrature of
 * {@code |n.u|}: a large axis-aligned box reads 7.3 % low on cubic voxels.</li>
 * <li>{@code sphericity = pi^(1/3) (6 V)^(2/3) / A}: 1 for a sphere; small digital balls (radius
 * of 2-4 voxels) may read slightly above 1 (up to about 1.05) from the area estimate.</li>
 * <li>{@code touches_border}: 1 when the bounding box touches a face of the volume.</li>
 * </ul>
 *
 * <p>Method: one pass over the volume in parallel on a fixed grid of z-slabs; per slab, integer
 * sums per label (voxels, first and second moments of the indices, bounding box, Crofton
 * crossings per direction class), combined exactly, so the table is the same for any thread
 * count.
 */
public final class LabelProperties {

    /** Per-label accumulators: stride and field offsets. */
    private static final int N = 0;
    private static final int SX = 1;
    private static final int SXX = 4;
    private static final int BB = 10;
    private static final int TR = 16;
    private static final int STRIDE = TR + CroftonWeights.CLASSES;

    private LabelProperties() {
    }

    /**
     * The properties table of {@code labels}.
     *
     * @param labels   an integer volume, values &gt;= 0 (0 = background)
     * @param progress advanced once per slab
     * @return table {@code properties}
     * @throws InputException for a negative label or a float volume
     */
    public static Table of(Volume labels, Progress progress) {
        if (!labels.type().isInteger()) {
            throw new InputException("labels must be an integer volume (u8, u16 or i32), got " + labels.type().label());
        }
        Dims d = labels.dims();
        BlockGrid grid = BlockGrid.slabsOf(d, Labeling.SLAB_VOXELS);
        progress.start("label properties", grid.count());
        List<Slots> parts = Parallel.map(grid.count(), i -> {
            var box = grid.box(i);
            return accumulate(labels, box.z0(), box.z1());
        }, progress);
        progress.done();
        Slots all = new Slots();
        for (Slots p : parts) {
            for (int k = 0; k < p.size; k++) {
                int slot = all.slot(p.keys[p.order[k]]);
                merge(all.stats, slot * STRIDE, p.stats, p.order[k] * STRIDE);
            }
        }
        int n = all.size;
        int[] idx = new int[n];
        for (int k = 0; k < n; k++) {
            idx[k] = k;
        }
        Integer[] sorted = Arrays.stream(idx).boxed().sorted((a, b) -> Integer.compare(all.keys[all.order[a]], all.keys[all.order[b]]))
                .toArray(Integer[]::new);
        Table.Builder t = header();
        double[] coef = CroftonWeights.coefficients(labels.spacing());
        for (int k : sorted) {
            int slot = all.order[k];
            t.row(row(all.keys[slot], all.stats, slot * STRIDE, d, labels.spacing(), coef));
        }
        return t.build();
    }

    private static Table.Builder header() {
        return Table.builder("properties")
                .column("label", "", Table.Kind.INTEGER, "label value")
                .column("voxels", "voxel", Table.Kind.INTEGER, "voxel count")
                .column("volume_um3", "um^3", Table.Kind.REAL, "voxels times the voxel volume")
                .column("centroid_x_um", "um", Table.Kind.REAL, "mean voxel centre x, from the outer corner of voxel 0")
                .column("centroid_y_um", "um", Table.Kind.REAL, "mean voxel centre y")
                .column("centroid_z_um", "um", Table.Kind.REAL, "mean voxel centre z")
                .column("bbox_x0", "voxel", Table.Kind.INTEGER, "bounding box start x (inclusive)")
                .column("bbox_y0", "voxel", Table.Kind.INTEGER, "bounding box start y (inclusive)")
                .column("bbox_z0", "voxel", Table.Kind.INTEGER, "bounding box start z (inclusive)")
                .column("bbox_x1", "voxel", Table.Kind.INTEGER, "bounding box end x (exclusive)")
                .column("bbox_y1", "voxel", Table.Kind.INTEGER, "bounding box end y (exclusive)")
                .column("bbox_z1", "voxel", Table.Kind.INTEGER, "bounding box end z (exclusive)")
                .column("equivalent_diameter_um", "um", Table.Kind.REAL, "diameter of the sphere of equal volume")
                .column("axis_major_um", "um", Table.Kind.REAL, "longest axis of the ellipsoid of equal second moments, sqrt(20 l1)")
                .column("axis_mid_um", "um", Table.Kind.REAL, "middle axis of that ellipsoid, sqrt(20 l2)")
                .column("axis_minor_um", "um", Table.Kind.REAL, "shortest axis of that ellipsoid, sqrt(20 l3)")
                .column("elongation", "", Table.Kind.REAL, "axis_mid / axis_major (0..1)")
                .column("flatness", "", Table.Kind.REAL, "axis_minor / axis_mid (0..1)")
                .column("surface_area_um2", "um^2", Table.Kind.REAL, "Crofton estimate, 13 directions")
                .column("sphericity", "", Table.Kind.REAL, "pi^(1/3) (6 V)^(2/3) / A")
                .column("touches_border", "", Table.Kind.INTEGER, "1 when the component touches a face of the volume");
    }

    private static Object[] row(int label, long[] st, int o, Dims d, Spacing s, double[] coef) {
        long n = st[o + N];
        double[] m = new double[3];
        for (int a = 0; a < 3; a++) {
            m[a] = (double) st[o + SX + a] / n;
        }
        double[] sp = {s.x(), s.y(), s.z()};
        // covariance of voxel centres in um^2: order xx, yy, zz, xy, xz, yz
        double[][] c = new double[3][3];
        int[][] pairs = {{0, 0}, {1, 1}, {2, 2}, {0, 1}, {0, 2}, {1, 2}};
        for (int q = 0; q < 6; q++) {
            int a = pairs[q][0];
            int b = pairs[q][1];
            double v = ((double) st[o + SXX + q] / n - m[a] * m[b]) * sp[a] * sp[b];
            c[a][b] = v;
            c[b][a] = v;
        }
        double[] ev = Eigen3.symmetricEigenvalues(c);
        double major = Math.sqrt(20 * Math.max(0, ev[0]));
        double mid = Math.sqrt(20 * Math.max(0, ev[1]));
        double minor = Math.sqrt(20 * Math.max(0, ev[2]));
        double volume = n * s.voxelVolumeUm3();
        double area = 0;
        for (int k = 0; k < coef.length; k++) {
            area += coef[k] * st[o + TR + k];
        }
        long x0 = st[o + BB];
        long y0 = st[o + BB + 1];
        long z0 = st[o + BB + 2];
        long x1 = st[o + BB + 3] + 1;
        long y1 = st[o + BB + 4] + 1;
        long z1 = st[o + BB + 5] + 1;
        boolean border = x0 == 0 || y0 == 0 || z0 == 0 || x1 == d.nx() || y1 == d.ny() || z1 == d.nz();
        return new Object[] {(long) label, n, volume,
            (m[0] + 0.5) * s.x(), (m[1] + 0.5) * s.y(), (m[2] + 0.5) * s.z(),
            x0, y0, z0, x1, y1, z1,
            Math.cbrt(6 * volume / Math.PI),
            major, mid, minor,
            major > 0 ? mid / major : Double.NaN,
            mid > 0 ? minor / mid : Double.NaN,
            area,
            Math.cbrt(Math.PI) * Math.pow(6 * volume, 2.0 / 3.0) / area,
            border ? 1L : 0L};
    }

    private static void merge(long[] dst, int a, long[] src, int b) {
        if (dst[a + N] == 0) {
            System.arraycopy(src, b, dst, a, STRIDE);
            return;
        }
        for (int k = 0; k < BB; k++) {
            dst[a + k] += src[b + k];
        }
        for (int k = 0; k < 3; k++) {
            dst[a + BB + k] = Math.min(dst[a + BB + k], src[b + BB + k]);
            dst[a + BB + 3 + k] = Math.max(dst[a + BB + 3 + k], src[b + BB + 3 + k]);
        }
        for (int k = TR; k < STRIDE; k++) {
            dst[a + k] += src[b + k];
        }
    }

    /** Sums for the labels met in slices z0..z1-1 (neighbours read from the slices around). */
    private static Slots accumulate(Volume labels, int z0, int z1) {
        Dims d = labels.dims();
        int nx = d.nx();
        int ny = d.ny();
        int px = nx + 2;
        int planeLen = px * (ny + 2);
        // padded planes z-1, z, z+1 (zeros outside the volume)
        int[][] planes = new int[3][];
        planes[0] = plane(labels, z0 - 1, planeLen);
        planes[1] = plane(labels, z0, planeLen);
        planes[2] = plane(labels, z0 + 1, planeLen);
        Slots slots = new Slots();
        // neighbour offsets of the 13 directions: (plane, offset within plane)
        int[] dPlane = new int[13];
        int[] dOff = new int[13];
        for (int k = 0; k < 13; k++) {
            int[] dir = CroftonWeights.DIRECTIONS[k];
            dPlane[k] = dir[2];
            dOff[k] = dir[1] * px + dir[0];
        }
        int[] cls = CroftonWeights.CLASS;
        for (int z = z0; z < z1; z++) {
            if (z > z0) {
                int[] recycled = planes[0];
                planes[0] = planes[1];
                planes[1] = planes[2];
                planes[2] = fill(labels, z + 1, recycled);
            }
            int[] cur = planes[1];
            int lastLabel = 0;
            int o = -1;
            long[] st = slots.stats;
            for (int y = 0; y < ny; y++) {
                int rowBase = (y + 1) * px + 1;
                for (int x = 0; x < nx; x++) {
                    int p = rowBase + x;
                    int l = cur[p];
                    if (l == 0) {
                        continue;
                    }
                    if (l != lastLabel) {
                        int slot = slots.slot(l);
                        st = slots.stats;
                        o = slot * STRIDE;
                        lastLabel = l;
                    }
                    if (st[o + N]++ == 0) {
                        st[o + BB] = x;
                        st[o + BB + 1] = y;
                        st[o + BB + 2] = z;
                        st[o + BB + 3] = x;
                        st[o + BB + 4] = y;
                        st[o + BB + 5] = z;
                    } else {
                        st[o + BB] = Math.min(st[o + BB], x);
                        st[o + BB + 1] = Math.min(st[o + BB + 1], y);
                        st[o + BB + 3] = Math.max(st[o + BB + 3], x);
                        st[o + BB + 4] = Math.max(st[o + BB + 4], y);
                        st[o + BB + 5] = z;
                    }
                    long lx = x;
                    long ly = y;
                    long lz = z;
                    st[o + SX] += lx;
                    st[o + SX + 1] += ly;
                    st[o + SX + 2] += lz;
                    st[o + SXX] += lx * lx;
                    st[o + SXX + 1] += ly * ly;
                    st[o + SXX + 2] += lz * lz;
                    st[o + SXX + 3] += lx * ly;
                    st[o + SXX + 4] += lx * lz;
                    st[o + SXX + 5] += ly * lz;
                    for (int k = 0; k < 13; k++) {
                        int off = dOff[k];
                        int[] fwd = planes[1 + dPlane[k]];
                        int[] bwd = planes[1 - dPlane[k]];
                        int crossings = (fwd[p + off] != l ? 1 : 0) + (bwd[p - off] != l ? 1 : 0);
                        st[o + TR + cls[k]] += crossings;
                    }
                }
            }
        }
        return slots;
    }

    private static int[] plane(Volume labels, int z, int len) {
        return fill(labels, z, new int[len]);
    }

    private static int[] fill(Volume labels, int z, int[] plane) {
        Dims d = labels.dims();
        int px = d.nx() + 2;
        if (z < 0 || z >= d.nz()) {
            Arrays.fill(plane, 0);
            return plane;
        }
        for (int y = 0; y < d.ny(); y++) {
            int at = (y + 1) * px + 1;
            labels.read(d.index(0, y, z), plane, at, d.nx());
            for (int x = 0; x < d.nx(); x++) {
                if (plane[at + x] < 0) {
                    throw new InputException("labels must be >= 0, found " + plane[at + x] + " at voxel (" + x + ", " + y + ", " + z + ")");
                }
            }
        }
        return plane;
    }

    /** Open-addressing map from label value to a slot of accumulators, slots in first-seen order. */
    private static final class Slots {
        int[] keys = new int[64];
        int[] order = new int[64];
        int[] table = new int[128];
        long[] stats = new long[64 * STRIDE];
        int size;

        Slots() {
            Arrays.fill(table, -1);
        }

        /** The slot of label {@code key} (created empty when new). */
        int slot(int key) {
            int mask = table.length - 1;
            int h = mix(key) & mask;
            while (true) {
                int s = table[h];
                if (s < 0) {
                    break;
                }
                if (keys[s] == key) {
                    return s;
                }
                h = (h + 1) & mask;
            }
            int s = size++;
            if (s == keys.length) {
                keys = Arrays.copyOf(keys, 2 * s);
                order = Arrays.copyOf(order, 2 * s);
                stats = Arrays.copyOf(stats, 2 * s * STRIDE);
            }
            keys[s] = key;
            order[s] = s;
            table[h] = s;
            if (2 * size > table.length) {
                rehash();
            }
            return s;
        }

        private void rehash() {
            int[] t = new int[table.length * 2];
            Arrays.fill(t, -1);
            int mask = t.length - 1;
            for (int s = 0; s < size; s++) {
                int h = mix(keys[s]) & mask;
                while (t[h] >= 0) {
                    h = (h + 1) & mask;
                }
                t[h] = s;
            }
            table = t;
        }

        private static int mix(int k) {
            int h = k * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }
}
