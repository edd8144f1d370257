package org.tomolyte.image.filter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.testkit.PythonPeer;

/** Test helpers: seeded random volumes and batched scipy / scikit-image evaluations. */
final class Peer {

    private Peer() {
    }

    /** A random volume: integers over the type's range (I32: +-1e6), F32 uniform in [0, 1000). */
    static Volume random(Dims d, DataType t, Spacing s, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Volume v = Volume.allocate(d, t, s);
        for (long i = 0; i < v.voxels(); i++) {
            v.set(i, switch (t) {
                case U8 -> r.nextInt(256);
                case U16 -> r.nextInt(65536);
                case I32 -> r.nextInt(-1_000_000, 1_000_000);
                default -> (float) (r.nextDouble() * 1000);
            });
        }
        return v;
    }

    /** One peer evaluation: {@code a} is the input as numpy array (z, y, x) of {@code dtype}. */
    record Job(Volume input, String dtype, String expression) {
    }

    /**
     * Evaluates every job's Python expression (over {@code a}, with {@code np}, {@code ndi} =
     * scipy.ndimage and {@code skr} = skimage.restoration imported) in one interpreter run.
     *
     * @return each job's result values, x fastest
     */
    static List<double[]> run(Path tmp, List<Job> jobs) {
        List<String> args = new ArrayList<>();
            for (int k = 0; k < jobs.size(); k++) {
                Job j = jobs.get(k);
                Path in = tmp.resolve("in" + k + ".f64");
                PythonPeer.writeF64(j.input(), in);
                Dims d = j.input().dims();
                args.add(in.toString());
                args.add(d.nz() + "," + d.ny() + "," + d.nx());
                args.add(j.dtype());
                args.add(j.expression());
                args.add(tmp.resolve("out" + k + ".f64").toString());
            }
            PythonPeer.run("""
                    import sys, warnings
                    import numpy as np, scipy.ndimage as ndi
                    warnings.simplefilter('ignore')
                    try:
                        import skimage.restoration as skr
                    except ImportError:
                        skr = None
                    a_ = sys.argv[1:]
                    for k in range(0, len(a_), 5):
                        shape = tuple(int(s) for s in a_[k + 1].split(','))
                        a = np.fromfile(a_[k], '<f8').reshape(shape).astype(a_[k + 2])
                        r = eval(a_[k + 3])
                        np.asarray(r, dtype='<f8').tofile(a_[k + 4])
                    """, args.toArray(String[]::new));
            List<double[]> out = new ArrayList<>();
            for (int k = 0; k < jobs.size(); k++) {
                out.add(PythonPeer.readF64(tmp.resolve("out" + k + ".f64")));
            }
            return out;
    }

    /** Reads a crop of the TauFactor electrode (u8 labels 0/85/170) via tifffile, or null when absent. */
    static Volume electrodeCrop(Path tmp, int x0, int y0, int z0, Dims d) {
        Path data = Path.of(System.getProperty("tomolyte.shared.data", "../shared/data"), "taufactor", "electrode.tiff");
        if (!Files.isRegularFile(data) || !PythonPeer.available("numpy", "tifffile")) {
            return null;
        }
        Path f = tmp.resolve("crop.f64");
        PythonPeer.run("""
                import sys, numpy as np, tifffile
                a = tifffile.imread(sys.argv[1])
                x0, y0, z0, nx, ny, nz = (int(s) for s in sys.argv[2:8])
                a[z0:z0 + nz, y0:y0 + ny, x0:x0 + nx].astype('<f8').tofile(sys.argv[8])
                """, data.toString(), "" + x0, "" + y0, "" + z0, "" + d.nx(), "" + d.ny(), "" + d.nz(), f.toString());
        double[] v = PythonPeer.readF64(f);
        Volume vol = Volume.allocate(d, DataType.U8, Spacing.isotropic(0.390625));
        for (int i = 0; i < v.length; i++) {
            vol.set(i, v[i]);
        }
        try {
            Files.delete(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return vol;
    }
}
