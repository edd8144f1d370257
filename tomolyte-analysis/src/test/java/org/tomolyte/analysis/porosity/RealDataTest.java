package org.tomolyte.analysis.porosity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.Axis;
import org.tomolyte.analysis.profile.AxisProfile;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.io.VolumeIO;
import org.tomolyte.testkit.PythonPeer;

/**
 * Real data of ../shared/data (skipped when absent): the OpenImpala 1-bit sample (pore fraction
 * 0.398309 by numpy, MANIFEST) and TauFactor's NMC electrode (pore fraction 0.44991737604 by
 * TauFactor; porosity factor of 12.5 um cubes against numpy reading the file with tifffile).
 */
class RealDataTest {

    private static final Path DATA = Path.of(System.getProperty("tomolyte.shared.data", "../shared/data"));

    @Test
    void openImpalaSamplePorosity() {
        Path f = DATA.resolve("openimpala/SampleData_2Phase_stack_3d_1bit.tif");
        Assumptions.assumeTrue(Files.isRegularFile(f), f + " not present: skipping real-data test");
        try (Volume v = VolumeIO.read(f)) {
            var r = new PorosityFractionOp().run(new PorosityFractionOp.Params(), new OpInputs(Map.of("mask", v)), OpContext.QUIET);
            // the MANIFEST gives 6 digits
            assertEquals(0.398309, (double) r.metrics().toMap().get("porosity"), 5e-7);
        }
    }

    @Test
    void taufactorElectrodePoreFractionAndPorosityFactorAgainstNumpy(@TempDir Path tmp) {
        Path f = DATA.resolve("taufactor/electrode.tiff");
        Assumptions.assumeTrue(Files.isRegularFile(f), f + " not present: skipping real-data test");
        try (Volume labels = VolumeIO.read(f).withSpacing(Spacing.isotropic(0.390625));
             Volume mask = Volume.allocate(labels.dims(), DataType.U8, labels.spacing())) {
            byte[] row = new byte[labels.dims().nx()];
            for (long i = 0; i < labels.voxels(); i += row.length) {
                labels.read(i, row, 0, row.length);
                for (int x = 0; x < row.length; x++) {
                    row[x] = (byte) (row[x] == 0 ? 1 : 0);
                }
                mask.write(i, row, 0, row.length);
            }
            PorosityFactor.Result r = PorosityFactor.compute(mask, null, new double[]{12.5}, PorosityFactor.Source.MASK, Progress.NONE);
            assertEquals(0.44991737604, r.meanPorosity(), 5e-12, "TauFactor's pore volume fraction");
            AxisProfile.Result prof = AxisProfile.compute(labels, labels, Axis.Z, Progress.NONE);
            double mean = 0;
            for (long c : prof.labelCounts().get(0)) {
                mean += c / (double) prof.voxels() / labels.dims().nz();
            }
            assertEquals(0.44991737604, mean, 5e-12, "per-slice pore fractions average to the whole fraction");
            Assumptions.assumeTrue(PythonPeer.available("numpy", "tifffile"), PythonPeer.skipMessage("numpy, tifffile"));
            Path out = tmp.resolve("d.f64");
            PythonPeer.run("""
                    import sys, numpy as np, tifffile
                    v = tifffile.imread(sys.argv[1]) == 0
                    c = 32
                    n = v.shape[0] // c
                    m = v[:n * c, :n * c, :n * c].reshape(n, c, n, c, n, c).mean(axis=(1, 3, 5))
                    (m / v.mean() - 1).astype('<f8').tofile(sys.argv[2])
                    """, f.toString(), out.toString());
            double[] want = PythonPeer.readF64(out);
            PorosityFactor.Blocks b = r.blocks().getFirst();
            assertEquals(32, b.grid().bx());
            assertEquals(want.length, b.d().length);
            for (int i = 0; i < want.length; i++) {
                // counts are exact on both sides; the ratios differ by rounding only
                assertEquals(want[i], b.d()[i], 1e-12, "cube " + i);
            }
        }
    }
}
