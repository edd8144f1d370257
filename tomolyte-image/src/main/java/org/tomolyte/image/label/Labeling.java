package org.tomolyte.image.label;

import java.util.Arrays;
import java.util.List;
import org.tomolyte.core.BlockGrid;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;

/**
 * The connected components of a volume, found without writing a label volume: the engine behind
 * {@code labels.connected}, {@code labels.filter}, {@code threshold.hysteresis} and
 * {@code morphology.fill_holes}. Call {@link #analyse}, then {@link #count()},
 * {@link #voxels()}, {@link #marked()} and write what is needed with {@link #labels()},
 * {@link #paint} or {@link #mask}.
 *
 * <p>Method: run-based two-pass labelling with union-find on a fixed grid of z-slabs
 * (about {@value #SLAB_VOXELS} voxels each, so the grid depends on the volume size only). Pass 1,
 * in parallel per slab: each row is cut into maximal runs of foreground voxels; each run is
 * united with the runs it touches in the already-seen neighbour rows of the same slab
 * ((y-1, z), and (y-1, z-1), (y, z-1), (y+1, z-1) as the {@link Connectivity} allows, reaching
 * one voxel further along x where edges or corners count), or gets a new provisional label.
 * Union-find always keeps the smaller label as root, and provisional labels are created in raster
 * order, so each set's root is the label of its first run. Then, sequentially, the slabs' label
 * sets are joined across each slab face, and every root is numbered in increasing order: the
 * components are numbered 1..{@link #count()} in raster order (x fastest, then y, then z) of
 * their first voxel. Pass 2 ({@link #labels()}) writes only the foreground runs. The result is
 * the same for any thread count; it equals {@code scipy.ndimage.label} with
 * {@code generate_binary_structure(3, 1|2|3)} up to the numbering.
 *
 * <p>Memory: the runs (12 bytes each, about one per foreground row segment) and one int per
 * provisional label; the input is read once and never copied.
 */
public final class Labeling {

    /** Target voxels per slab of the fixed grid. */
    public static final long SLAB_VOXELS = 1L << 21;

    private final Dims dims;
    private final Volume source;
    private final Slab[] slabs;
    private final int[] offsets;
    /** Provisional global label -> component number (1..count). */
    private final int[] component;
    private final int count;
    private final boolean[] marked;
    private long[] voxels;

    private Labeling(Volume source, Slab[] slabs, int[] offsets, int[] component, int count, boolean[] marked) {
        this.source = source;
        this.dims = source.dims();
        this.slabs = slabs;
        this.offsets = offsets;
        this.component = component;
        this.count = count;
        this.marked = marked;
    }

    /** The nonzero voxels' components, nothing marked. */
    public static Labeling analyse(Volume volume, Connectivity connectivity) {
        return analyse(volume, Foreground.NONZERO, connectivity, Marker.NONE, Progress.NONE);
    }

    /**
     * The connected components of the {@code foreground} voxels of {@code volume}.
     *
     * @param volume       any type; integer types are exact, F64 is read as float32
     * @param foreground   which voxels form components
     * @param connectivity 6, 18 or 26 neighbours
     * @param marker       what marks a component ({@link #marked()})
     * @param progress     advanced once per slab
     * @throws InputException when there are more than 2^31 - 2 provisional labels
     */
    public static Labeling analyse(Volume volume, Foreground foreground, Connectivity connectivity, Marker marker, Progress progress) {
        return analyse(volume, foreground, connectivity, marker, progress, SLAB_VOXELS);
    }

    /** As the public form on a grid of slabs of about {@code slabVoxels} voxels (tests use thin slabs). */
    static Labeling analyse(Volume volume, Foreground foreground, Connectivity connectivity, Marker marker, Progress progress,
                            long slabVoxels) {
        Dims d = volume.dims();
        BlockGrid grid = BlockGrid.slabsOf(d, slabVoxels);
        int n = grid.count();
        progress.start("connected components", n);
        List<Slab> list = Parallel.map(n, i -> {
            var box = grid.box(i);
            return labelSlab(volume, box.z0(), box.z1(), foreground, connectivity, marker);
        }, progress);
        progress.done();
        Slab[] slabs = list.toArray(new Slab[0]);
        int[] offsets = new int[n + 1];
        long total = 0;
        for (int i = 0; i < n; i++) {
            offsets[i] = (int) total;
            total += slabs[i].labels;
            if (total > Integer.MAX_VALUE - 2) {
                throw new InputException("too many connected pieces to label (" + total + " after slab " + i
                        + "): at most 2^31 - 2 are supported");
            }
        }
        offsets[n] = (int) total;
        int[] g = new int[(int) total + 1];
        for (int i = 0; i < n; i++) {
            Slab s = slabs[i];
            for (int l = 1; l <= s.labels; l++) {
                g[offsets[i] + l] = offsets[i] + s.parent[l];
            }
            s.parent = null;
        }
        for (int i = 0; i + 1 < n; i++) {
            joinFaces(slabs[i], offsets[i], slabs[i + 1], offsets[i + 1], d, connectivity, g);
        }
        // flatten (g[p] <= p, so ascending order sees roots first), then number roots in order
        int count = 0;
        for (int p = 1; p <= total; p++) {
            int q = g[p];
            // q < p was numbered already (negative); q == p is a new root
            g[p] = q == p ? -(++count) : g[q];
        }
        for (int p = 1; p <= total; p++) {
            g[p] = -g[p];
        }
        boolean[] marked = null;
        if (!(marker instanceof Marker.None)) {
            marked = new boolean[count + 1];
            for (int i = 0; i < n; i++) {
                Slab s = slabs[i];
                for (int r = 0; r < s.n; r++) {
                    if (s.mark[r] != 0) {
                        marked[g[offsets[i] + s.label[r]]] = true;
                    }
                }
            }
        }
        return new Labeling(volume, slabs, offsets, g, count, marked);
    }

    /** Number of components. */
    public int count() {
        return count;
    }

    /** Size of the analysed volume. */
    public Dims dims() {
        return dims;
    }

    /** The analysed volume. */
    public Volume source() {
        return source;
    }

    /** Voxels of each component, index 1..count (index 0 is 0). */
    public long[] voxels() {
        if (voxels == null) {
            long[] v = new long[count + 1];
            for (int i = 0; i < slabs.length; i++) {
                Slab s = slabs[i];
                int off = offsets[i];
                for (int r = 0; r < s.n; r++) {
                    v[component[off + s.label[r]]] += s.end[r] - s.start[r];
                }
            }
            voxels = v;
        }
        return voxels;
    }

    /**
     * Which components are marked by the {@link Marker} given to {@link #analyse}, index
     * 1..count.
     *
     * @throws InternalException when the analysis had no marker
     */
    public boolean[] marked() {
        if (marked == null) {
            throw new InternalException("this labelling was made without a marker");
        }
        return marked;
    }

    /** A new I32 volume with the components numbered 1..count in raster order, 0 elsewhere. */
    public Volume labels() {
        Volume out = Volume.allocateLike(source, DataType.I32);
        paint(out, null, true);
        return out;
    }

    /**
     * Labels the nonzero voxels of {@code mask}, renumbered through {@code remap} (component ->
     * new label, 0 drops it; null keeps the numbering), into a new I32 volume allocated while
     * the labelling runs.
     */
    static Volume labelInto(Volume mask, Connectivity connectivity, Progress progress,
                            java.util.function.Function<Labeling, int[]> remap) {
        try (Prealloc out = new Prealloc(mask, DataType.I32)) {
            Labeling l = analyse(mask, Foreground.NONZERO, connectivity, Marker.NONE, progress);
            int[] map = remap.apply(l);
            Volume v = out.take();
            l.paint(v, map, true);
            return v;
        }
    }

    /**
     * A new U8 volume with 1 on the voxels of the components where {@code keep[c]} is true.
     *
     * @param keep index 1..count
     */
    public Volume mask(boolean[] keep) {
        int[] value = new int[count + 1];
        for (int c = 1; c <= count; c++) {
            value[c] = keep[c] ? 1 : 0;
        }
        Volume out = Volume.allocateLike(source, DataType.U8);
        paint(out, value, true);
        return out;
    }

    /**
     * Writes {@code value[c]} on the voxels of every component {@code c} whose value is not 0
     * (with {@code value == null}: the component number itself). Other voxels of {@code out}
     * are left as they are. Runs in parallel over the slab grid (disjoint rows).
     *
     * @param out   a volume of the analysed size; U8 and I32 are written in bulk
     * @param value index 1..count, or null
     */
    public void paint(Volume out, int[] value) {
        paint(out, value, false);
    }

    /** As {@link #paint(Volume, int[])}; {@code zeroed}: the target is known to be all 0 (nothing to read back). */
    void paint(Volume out, int[] value, boolean zeroed) {
        if (!out.dims().equals(dims)) {
            throw new InternalException("paint target is " + out.dims() + ", labelling is " + dims);
        }
        Parallel.forEach(slabs.length, i -> {
            Slab s = slabs[i];
            int off = offsets[i];
            int ny = dims.ny();
            int[] ibuf = out.type() == DataType.U8 ? null : new int[dims.nx()];
            byte[] bbuf = out.type() == DataType.U8 ? new byte[dims.nx()] : null;
            for (int row = 0; row < s.rows; row++) {
                int r0 = s.rowStart[row];
                int r1 = s.rowStart[row + 1];
                if (r0 == r1) {
                    continue;
                }
                int z = s.z0 + row / ny;
                int y = row % ny;
                long base = dims.index(0, y, z);
                // one bulk write per row, over the span of its runs; other voxels keep their value
                int x0 = s.start[r0];
                int x1 = s.end[r1 - 1];
                if (zeroed) {
                    if (bbuf != null) {
                        Arrays.fill(bbuf, x0, x1, (byte) 0);
                    } else {
                        Arrays.fill(ibuf, x0, x1, 0);
                    }
                } else if (bbuf != null) {
                    out.read(base + x0, bbuf, x0, x1 - x0);
                } else {
                    out.read(base + x0, ibuf, x0, x1 - x0);
                }
                boolean any = false;
                for (int r = r0; r < r1; r++) {
                    int c = component[off + s.label[r]];
                    int v = value == null ? c : value[c];
                    if (v == 0) {
                        continue;
                    }
                    any = true;
                    if (bbuf != null) {
                        Arrays.fill(bbuf, s.start[r], s.end[r], (byte) v);
                    } else {
                        Arrays.fill(ibuf, s.start[r], s.end[r], v);
                    }
                }
                if (any) {
                    if (bbuf != null) {
                        out.write(base + x0, bbuf, x0, x1 - x0);
                    } else {
                        out.write(base + x0, ibuf, x0, x1 - x0);
                    }
                }
            }
        });
    }

    // ---------------------------------------------------------------- pass 1: one slab

    /** Runs and provisional labels of one slab. */
    private static final class Slab {
        final int z0;
        final int rows;
        final int[] rowStart;
        int[] start = new int[1024];
        int[] end = new int[1024];
        int[] label = new int[1024];
        byte[] mark = new byte[1024];
        int n;
        int[] parent = new int[1024];
        int labels;

        Slab(int z0, int rows) {
            this.z0 = z0;
            this.rows = rows;
            this.rowStart = new int[rows + 1];
        }

        void add(int s, int e, boolean m) {
            if (n == start.length) {
                int len = Math.toIntExact(Math.min(Integer.MAX_VALUE - 8L, 2L * n));
                start = Arrays.copyOf(start, len);
                end = Arrays.copyOf(end, len);
                label = Arrays.copyOf(label, len);
                mark = Arrays.copyOf(mark, len);
            }
            start[n] = s;
            end[n] = e;
            label[n] = 0;
            mark[n] = (byte) (m ? 1 : 0);
            n++;
        }

        int newLabel() {
            if (labels + 1 == parent.length) {
                parent = Arrays.copyOf(parent, Math.toIntExact(Math.min(Integer.MAX_VALUE - 8L, 2L * parent.length)));
            }
            labels++;
            parent[labels] = labels;
            return labels;
        }

        int find(int x) {
            int[] p = parent;
            while (p[x] != x) {
                p[x] = p[p[x]];
                x = p[x];
            }
            return x;
        }

        int union(int a, int b) {
            return Labeling.union(parent, a, b);
        }
    }

    private static int find(int[] p, int x) {
        while (p[x] != x) {
            p[x] = p[p[x]];
            x = p[x];
        }
        return x;
    }

    /** Joins the sets of a and b keeping the smaller root; returns the root. */
    private static int union(int[] p, int a, int b) {
        a = find(p, a);
        b = find(p, b);
        if (a < b) {
            p[b] = a;
            return a;
        }
        if (b < a) {
            p[a] = b;
            return b;
        }
        return a;
    }

    private static Slab labelSlab(Volume v, int z0, int z1, Foreground fg, Connectivity conn, Marker marker) {
        Dims d = v.dims();
        int nx = d.nx();
        int ny = d.ny();
        Slab s = new Slab(z0, (z1 - z0) * ny);
        RowRuns rr = new RowRuns(v, fg, marker);
        for (int z = z0; z < z1; z++) {
            for (int y = 0; y < ny; y++) {
                int row = (z - z0) * ny + y;
                int first = s.n;
                s.rowStart[row] = first;
                rr.extract(y, z, s);
                int last = s.n;
                s.rowStart[row + 1] = last;
                if (first == last) {
                    continue;
                }
                if (y > 0) {
                    link(s, first, last, row - 1, conn.reach(-1, 0));
                }
                if (z > z0) {
                    int prev = row - ny;
                    if (y > 0 && conn.reach(-1, -1) >= 0) {
                        link(s, first, last, prev - 1, conn.reach(-1, -1));
                    }
                    link(s, first, last, prev, conn.reach(0, -1));
                    if (y + 1 < ny && conn.reach(1, -1) >= 0) {
                        link(s, first, last, prev + 1, conn.reach(1, -1));
                    }
                }
                for (int r = first; r < last; r++) {
                    if (s.label[r] == 0) {
                        s.label[r] = s.newLabel();
                    }
                }
            }
        }
        // flatten: parent[l] <= l, so ascending order resolves every label to its set's root (its minimum)
        int[] p = s.parent;
        for (int l = 1; l <= s.labels; l++) {
            p[l] = p[p[l]];
        }
        for (int r = 0; r < s.n; r++) {
            s.label[r] = p[s.label[r]];
        }
        return s;
    }

    /** Unites runs [first, last) with the touching runs of an earlier row of the same slab. */
    private static void link(Slab s, int first, int last, int otherRow, int reach) {
        if (reach < 0) {
            return;
        }
        int j = s.rowStart[otherRow];
        int jEnd = s.rowStart[otherRow + 1];
        if (j == jEnd) {
            return;
        }
        int[] st = s.start;
        int[] en = s.end;
        int[] lab = s.label;
        for (int i = first; i < last; i++) {
            int lo = st[i] - reach;
            int hi = en[i] + reach;
            while (j < jEnd && en[j] <= lo) {
                j++;
            }
            for (int k = j; k < jEnd && st[k] < hi; k++) {
                lab[i] = lab[i] == 0 ? s.find(lab[k]) : s.union(lab[i], lab[k]);
            }
        }
    }

    /** Unites, in the global label space, the runs on both sides of the face between slabs a and b. */
    private static void joinFaces(Slab a, int offA, Slab b, int offB, Dims d, Connectivity conn, int[] g) {
        int ny = d.ny();
        int lastA = a.rows - ny;
        for (int y = 0; y < ny; y++) {
            int b0 = b.rowStart[y];
            int b1 = b.rowStart[y + 1];
            if (b0 == b1) {
                continue;
            }
            for (int dy = -1; dy <= 1; dy++) {
                int reach = conn.reach(dy, -1);
                if (reach < 0 || y + dy < 0 || y + dy >= ny) {
                    continue;
                }
                int row = lastA + y + dy;
                int j = a.rowStart[row];
                int jEnd = a.rowStart[row + 1];
                for (int i = b0; i < b1 && j < jEnd; i++) {
                    int lo = b.start[i] - reach;
                    int hi = b.end[i] + reach;
                    while (j < jEnd && a.end[j] <= lo) {
                        j++;
                    }
                    for (int k = j; k < jEnd && a.start[k] < hi; k++) {
                        union(g, offB + b.label[i], offA + a.label[k]);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- rows -> runs

    /** Cuts rows of a volume into maximal runs of foreground voxels, one kernel for every type. */
    private static final class RowRuns {
        private static final java.lang.invoke.VarHandle WORDS =
                java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
        private final Volume v;
        private final int nx;
        private final int ny;
        private final int nz;
        private final int mode;
        private final double threshold;
        private final Marker marker;
        private final double markAbove;
        private final byte[] bytes;
        private final float[] floats;
        private final byte[] fg;

        RowRuns(Volume v, Foreground foreground, Marker marker) {
            this.v = v;
            this.nx = v.dims().nx();
            this.ny = v.dims().ny();
            this.nz = v.dims().nz();
            this.mode = switch (foreground) {
                case Foreground.NonZero n -> 0;
                case Foreground.Zero z -> 1;
                case Foreground.Above a -> 2;
            };
            this.threshold = foreground instanceof Foreground.Above a ? a.threshold() : 0;
            this.marker = marker;
            this.markAbove = marker instanceof Marker.Above a ? a.value() : 0;
            boolean u8 = v.type() == DataType.U8;
            this.bytes = u8 ? new byte[nx] : null;
            this.floats = u8 ? null : new float[nx];
            this.fg = u8 && mode == 0 ? bytes : new byte[nx];
        }

        void extract(int y, int z, Slab s) {
            long base = v.dims().index(0, y, z);
            if (bytes != null) {
                v.read(base, bytes, 0, nx);
                if (mode == 1) {
                    for (int x = 0; x < nx; x++) {
                        fg[x] = (byte) (bytes[x] == 0 ? 1 : 0);
                    }
                } else if (mode == 2) {
                    for (int x = 0; x < nx; x++) {
                        fg[x] = (byte) ((bytes[x] & 0xFF) > threshold ? 1 : 0);
                    }
                }
            } else {
                v.read(base, floats, 0, nx);
                float[] in = floats;
                if (mode == 0) {
                    for (int x = 0; x < nx; x++) {
                        fg[x] = (byte) (in[x] != 0 ? 1 : 0);
                    }
                } else if (mode == 1) {
                    for (int x = 0; x < nx; x++) {
                        fg[x] = (byte) (in[x] == 0 ? 1 : 0);
                    }
                } else {
                    for (int x = 0; x < nx; x++) {
                        fg[x] = (byte) (in[x] > threshold ? 1 : 0);
                    }
                }
            }
            boolean borderRow = y == 0 || z == 0 || y == ny - 1 || z == nz - 1;
            int x = 0;
            byte[] f = fg;
            int wordEnd = nx - 7;
            while (x < nx) {
                // background: 8 bytes at a time; the first nonzero byte of a word is its lowest (little-endian)
                while (x < wordEnd) {
                    long w = (long) WORDS.get(f, x);
                    if (w != 0) {
                        x += Long.numberOfTrailingZeros(w) >>> 3;
                        break;
                    }
                    x += 8;
                }
                while (x < nx && f[x] == 0) {
                    x++;
                }
                if (x == nx) {
                    break;
                }
                int st = x;
                // foreground: the lowest flagged byte of zeroBytes(w) is the first zero byte (exact)
                while (x < wordEnd) {
                    long zb = zeroBytes((long) WORDS.get(f, x));
                    if (zb != 0) {
                        x += Long.numberOfTrailingZeros(zb) >>> 3;
                        break;
                    }
                    x += 8;
                }
                while (x < nx && f[x] != 0) {
                    x++;
                }
                s.add(st, x, mark(st, x, borderRow));
            }
        }

        /** High bit set in the bytes of w that are 0 (exact for the lowest such byte; higher ones may be false). */
        private static long zeroBytes(long w) {
            return (w - 0x0101010101010101L) & ~w & 0x8080808080808080L;
        }

        private boolean mark(int st, int en, boolean borderRow) {
            return switch (marker) {
                case Marker.None n -> false;
                case Marker.TouchesBorder b -> borderRow || st == 0 || en == nx;
                case Marker.Above a -> {
                    for (int x = st; x < en; x++) {
                        double val = bytes != null ? bytes[x] & 0xFF : floats[x];
                        if (val > markAbove) {
                            yield true;
                        }
                    }
                    yield false;
                }
            };
        }
    }
}
