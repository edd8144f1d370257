package org.tomolyte.image.label;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.testkit.PythonPeer;

/** Shared helpers of the labelling tests: seeded volumes, a brute-force labeller, peer exchange. */
final class LabelTestSupport {

    /** Python that renumbers a label array in raster order of each label's first voxel. */
    static final String CANON = """
            import numpy as np
            def canon(lab):
                flat = lab.ravel()
                u, first = np.unique(flat, return_index=True)
                keep = u != 0
                u, first = u[keep], first[keep]
                m = np.zeros(int(flat.max()) + 1, np.int64)
                m[u[np.argsort(first)]] = np.arange(1, len(u) + 1)
                return m[flat].reshape(lab.shape)
            def structure(c):
                from scipy import ndimage as ndi
                return ndi.generate_binary_structure(3, {6: 1, 18: 2, 26: 3}[c])
            """;

    private LabelTestSupport() {
    }

    /** A U8 volume where each voxel is 1 with probability {@code p}. */
    static Volume random(Dims d, double p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Volume v = Volume.allocate(d, DataType.U8, Spacing.UNIT);
        byte[] buf = new byte[(int) v.voxels()];
        for (int i = 0; i < buf.length; i++) {
            buf[i] = (byte) (r.nextDouble() < p ? 1 : 0);
        }
        v.write(0, buf, 0, buf.length);
        return v;
    }

    /**
     * A U8 volume of random blobs: random centres with random radii (1..rMax voxels) painted as
     * balls, so components of many sizes and shapes appear.
     */
    static Volume blobs(Dims d, Spacing s, int count, double rMax, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Volume v = Volume.allocate(d, DataType.U8, s);
        for (int k = 0; k < count; k++) {
            double cx = r.nextDouble() * d.nx();
            double cy = r.nextDouble() * d.ny();
            double cz = r.nextDouble() * d.nz();
            double rx = 0.6 + r.nextDouble() * rMax;
            double ry = 0.6 + r.nextDouble() * rMax;
            double rz = 0.6 + r.nextDouble() * rMax;
            for (int z = (int) Math.max(0, cz - rz); z <= Math.min(d.nz() - 1, cz + rz); z++) {
                for (int y = (int) Math.max(0, cy - ry); y <= Math.min(d.ny() - 1, cy + ry); y++) {
                    for (int x = (int) Math.max(0, cx - rx); x <= Math.min(d.nx() - 1, cx + rx); x++) {
                        double a = (x - cx) / rx;
                        double b = (y - cy) / ry;
                        double c = (z - cz) / rz;
                        if (a * a + b * b + c * c <= 1) {
                            v.set(x, y, z, 1);
                        }
                    }
                }
            }
        }
        return v;
    }

    /** Labels by flood fill from each unlabelled foreground voxel in raster order: slow and obviously right. */
    static int[] bruteForce(Volume mask, Connectivity c) {
        Dims d = mask.dims();
        int n = (int) d.voxels();
        int[] lab = new int[n];
        int[] stack = new int[n];
        int count = 0;
        for (int start = 0; start < n; start++) {
            if (mask.getInt(start) == 0 || lab[start] != 0) {
                continue;
            }
            count++;
            int top = 0;
            stack[top++] = start;
            lab[start] = count;
            while (top > 0) {
                int p = stack[--top];
                int x = p % d.nx();
                int y = (p / d.nx()) % d.ny();
                int z = p / (d.nx() * d.ny());
                for (int dz = -1; dz <= 1; dz++) {
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int off = Math.abs(dx) + Math.abs(dy) + Math.abs(dz);
                            if (off == 0 || off > maxOffset(c)) {
                                continue;
                            }
                            int qx = x + dx;
                            int qy = y + dy;
                            int qz = z + dz;
                            if (!d.contains(qx, qy, qz)) {
                                continue;
                            }
                            int q = (int) d.index(qx, qy, qz);
                            if (lab[q] == 0 && mask.getInt(q) != 0) {
                                lab[q] = count;
                                stack[top++] = q;
                            }
                        }
                    }
                }
            }
        }
        return lab;
    }

    private static int maxOffset(Connectivity c) {
        return switch (c) {
            case SIX -> 1;
            case EIGHTEEN -> 2;
            case TWENTY_SIX -> 3;
        };
    }

    /** The voxels of a volume as ints. */
    static int[] ints(Volume v) {
        int[] a = new int[(int) v.voxels()];
        v.read(0, a, 0, a.length);
        return a;
    }

    /** Runs {@code task} with {@code n} threads and restores the previous count. */
    static <T> T withThreads(int n, java.util.function.Supplier<T> task) {
        int before = Parallel.threads();
        Parallel.setThreads(n);
        try {
            return task.get();
        } finally {
            Parallel.setThreads(before);
        }
    }

    /** Writes {@code v} for the peer and returns the file. */
    static Path toPeer(Volume v, Path dir, String name) {
        Path f = dir.resolve(name);
        PythonPeer.writeF64(v, f);
        return f;
    }

    /** Peer output as ints. */
    static int[] fromPeer(Path f) {
        double[] a = PythonPeer.readF64(f);
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (int) a[i];
        }
        return out;
    }
}
