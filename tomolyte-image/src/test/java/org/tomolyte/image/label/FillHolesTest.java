package org.tomolyte.image.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.image.morphology.FillHoles;
import org.tomolyte.image.morphology.FillHolesOp;
import org.tomolyte.testkit.PythonPeer;

class FillHolesTest {

    @TempDir
    Path tmp;

    /**
     * A hollow 8^3 cube shell (1 voxel thick) in a 12^3 volume: its 6^3 = 216 inside voxels are
     * one hole. A second shell with one face voxel missing: its inside touches the outside through
     * that face (6-connected), so it is not a hole. With 26-connected background a shell whose
     * only gap is an edge-diagonal leak stays open too; at 6 it is a hole.
     */
    @Test
    void hollowCubesAreFilledUnlessOpen() {
        try (Volume v = Volume.allocate(new Dims(24, 12, 12), DataType.U8, Spacing.UNIT)) {
            shell(v, 2, 2, 2, 8);
            shell(v, 14, 2, 2, 8);
            v.set(14, 5, 5, 0);
            FillHoles.Result r = FillHoles.run(v, Connectivity.SIX, Progress.NONE);
            assertEquals(1, r.holes());
            assertEquals(216, r.filledVoxels());
            try (Volume f = r.mask()) {
                assertEquals(1, f.getInt(5, 5, 5));
                assertEquals(0, f.getInt(17, 5, 5));
                assertEquals(0, f.getInt(0, 0, 0));
                assertEquals(1, f.getInt(2, 2, 2));
            }
        }
    }

    /** A shell leaking only through a corner: the inside reaches the outside only diagonally. */
    @Test
    void cornerLeakIsAHoleAtSixButNotAt26() {
        try (Volume v = Volume.allocate(new Dims(6, 6, 6), DataType.U8, Spacing.UNIT)) {
            // a solid 4^3 block at 1..4 with one inside voxel (2,2,2) empty and the block's corner
            // voxel (1,1,1) removed: (2,2,2) touches (1,1,1) only through a corner
            for (int z = 1; z < 5; z++) {
                for (int y = 1; y < 5; y++) {
                    for (int x = 1; x < 5; x++) {
                        v.set(x, y, z, 1);
                    }
                }
            }
            v.set(2, 2, 2, 0);
            v.set(1, 1, 1, 0);
            assertEquals(1, FillHoles.run(v, Connectivity.SIX, Progress.NONE).holes());
            assertEquals(0, FillHoles.run(v, Connectivity.TWENTY_SIX, Progress.NONE).holes());
        }
    }

    private static void shell(Volume v, int x0, int y0, int z0, int n) {
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    boolean face = x == 0 || y == 0 || z == 0 || x == n - 1 || y == n - 1 || z == n - 1;
                    if (face) {
                        v.set(x0 + x, y0 + y, z0 + z, 1);
                    }
                }
            }
        }
    }

    @Test
    void equalsBinaryFillHoles() {
        Assumptions.assumeTrue(PythonPeer.available("numpy", "scipy"), PythonPeer.skipMessage("scipy"));
        Dims d = new Dims(40, 30, 35);
        for (double p : new double[] {0.5, 0.65}) {
            try (Volume m = LabelTestSupport.random(d, p, (long) (p * 100))) {
                Path in = LabelTestSupport.toPeer(m, tmp, "mask.f64");
                Path out = tmp.resolve("filled.f64");
                PythonPeer.run("""
                        import sys, numpy as np
                        from scipy import ndimage as ndi
                        nz, ny, nx = map(int, sys.argv[1:4])
                        m = np.fromfile(sys.argv[4], '<f8').reshape(nz, ny, nx) != 0
                        ndi.binary_fill_holes(m).astype('<f8').tofile(sys.argv[5])
                        """, "" + d.nz(), "" + d.ny(), "" + d.nx(), in.toString(), out.toString());
                FillHoles.Result r = FillHoles.run(m, Connectivity.SIX, Progress.NONE);
                try (Volume f = r.mask()) {
                    assertArrayEquals(LabelTestSupport.fromPeer(out), LabelTestSupport.ints(f), "p=" + p);
                }
                if (p == 0.65) {
                    org.junit.jupiter.api.Assertions.assertTrue(r.holes() > 10, "dense noise has many enclosed background pockets, got " + r.holes());
                }
            }
        }
    }

    @Test
    void opAndThreads() {
        try (Volume m = LabelTestSupport.random(new Dims(50, 40, 60), 0.6, 12)) {
            OpResult r = new FillHolesOp().run(new FillHolesOp.Params(6), new OpInputs(Map.of("mask", m)), OpContext.QUIET);
            FillHoles.Result ref = LabelTestSupport.withThreads(1, () -> FillHoles.run(m, Connectivity.SIX, Progress.NONE));
            try (Volume a = (Volume) r.outputs().get("mask"); Volume b = ref.mask()) {
                assertArrayEquals(LabelTestSupport.ints(b), LabelTestSupport.ints(a), "1 thread vs default threads");
            }
            assertEquals((long) ref.holes(), r.metrics().toMap().get("holes"));
            assertEquals(ref.filledVoxels(), r.metrics().toMap().get("filled_voxels"));
        }
    }
}
