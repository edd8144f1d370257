package org.tomolyte.image.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tomolyte.image.label.LabelTestSupport.CANON;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.ParamBinder;
import org.tomolyte.testkit.PythonPeer;

class ConnectedComponentsTest {

    @TempDir
    Path tmp;

    /**
     * MorphoLibJ's known answer, cubes touching at corners. Nine 3x3x3 cubes along the main
     * diagonal: cube n fills [3n, 3n+3) on every axis, so cube n and cube n+1 share only the
     * corner between voxels (3n+2, 3n+2, 3n+2) and (3n+3, 3n+3, 3n+3), which differ in all three
     * coordinates. With 6 neighbours (faces) and with 18 (faces and edges: at most two
     * coordinates differ) no two cubes touch: 9 components. With 26 (corners too) the chain is
     * one component.
     */
    @Test
    void cubesTouchingAtCorners() {
        try (Volume v = Volume.allocate(new Dims(27, 27, 27), DataType.U8, Spacing.UNIT)) {
            for (int n = 0; n < 9; n++) {
                for (int z = 3 * n; z < 3 * n + 3; z++) {
                    for (int y = 3 * n; y < 3 * n + 3; y++) {
                        for (int x = 3 * n; x < 3 * n + 3; x++) {
                            v.set(x, y, z, 1);
                        }
                    }
                }
            }
            assertEquals(9, ConnectedComponents.count(v, Connectivity.SIX));
            assertEquals(9, ConnectedComponents.count(v, Connectivity.EIGHTEEN));
            assertEquals(1, ConnectedComponents.count(v, Connectivity.TWENTY_SIX));
            // with one-slice slabs every contact crosses a slab face
            assertEquals(9, Labeling.analyse(v, Foreground.NONZERO, Connectivity.EIGHTEEN, Marker.NONE, Progress.NONE, 1).count());
            assertEquals(1, Labeling.analyse(v, Foreground.NONZERO, Connectivity.TWENTY_SIX, Marker.NONE, Progress.NONE, 1).count());
            try (Volume l = ConnectedComponents.label(v, Connectivity.SIX)) {
                for (int n = 0; n < 9; n++) {
                    assertEquals(n + 1, l.getInt(3 * n + 1, 3 * n + 1, 3 * n + 1), "cube " + n + " is numbered in raster order");
                }
            }
        }
    }

    /** Two cubes sharing only an edge (blocks (0,0,0) and (1,1,0)): 2 at 6, 1 at 18 and 26. */
    @Test
    void cubesTouchingAtAnEdge() {
        try (Volume v = Volume.allocate(new Dims(6, 6, 3), DataType.U16, Spacing.UNIT)) {
            for (int z = 0; z < 3; z++) {
                for (int y = 0; y < 3; y++) {
                    for (int x = 0; x < 3; x++) {
                        v.set(x, y, z, 7);
                        v.set(x + 3, y + 3, z, 9);
                    }
                }
            }
            assertEquals(2, ConnectedComponents.count(v, Connectivity.SIX));
            assertEquals(1, ConnectedComponents.count(v, Connectivity.EIGHTEEN));
            assertEquals(1, ConnectedComponents.count(v, Connectivity.TWENTY_SIX));
        }
    }

    @Test
    void equalsFloodFillOnRandomVolumesForAnySlabGrid() {
        Dims[] dims = {new Dims(31, 17, 23), new Dims(1, 40, 30), new Dims(50, 1, 9), new Dims(7, 9, 1)};
        double[] densities = {0.15, 0.35, 0.6};
        long seed = 1;
        for (Dims d : dims) {
            for (double p : densities) {
                try (Volume m = LabelTestSupport.random(d, p, seed++)) {
                    for (Connectivity c : Connectivity.values()) {
                        int[] expected = LabelTestSupport.bruteForce(m, c);
                        for (long slab : new long[] {1, 3L * d.sliceVoxels(), Labeling.SLAB_VOXELS}) {
                            Labeling l = Labeling.analyse(m, Foreground.NONZERO, c, Marker.NONE, Progress.NONE, slab);
                            try (Volume out = l.labels()) {
                                assertArrayEquals(expected, LabelTestSupport.ints(out), d + " p=" + p + " " + c + " slab " + slab);
                            }
                            long[] size = l.voxels();
                            long[] bf = new long[l.count() + 1];
                            for (int e : expected) {
                                bf[e]++;
                            }
                            bf[0] = 0;
                            assertArrayEquals(bf, size, "voxels per component");
                        }
                    }
                }
            }
        }
    }

    @Test
    void sameLabelsForOneAndTwoThreads() {
        try (Volume m = LabelTestSupport.random(new Dims(64, 48, 80), 0.3, 42)) {
            for (Connectivity c : Connectivity.values()) {
                int[] one = LabelTestSupport.withThreads(1, () -> {
                    try (Volume l = Labeling.analyse(m, Foreground.NONZERO, c, Marker.NONE, Progress.NONE, 2000).labels()) {
                        return LabelTestSupport.ints(l);
                    }
                });
                int[] two = LabelTestSupport.withThreads(2, () -> {
                    try (Volume l = Labeling.analyse(m, Foreground.NONZERO, c, Marker.NONE, Progress.NONE, 2000).labels()) {
                        return LabelTestSupport.ints(l);
                    }
                });
                assertArrayEquals(one, two, c.toString());
            }
        }
    }

    @Test
    void equalsScipyAndScikitImageUpToRasterNumbering() {
        Assumptions.assumeTrue(PythonPeer.available("numpy", "scipy", "skimage"), PythonPeer.skipMessage("scipy and scikit-image"));
        Dims d = new Dims(60, 50, 70);
        try (Volume m = LabelTestSupport.random(d, 0.3, 9)) {
            Path in = LabelTestSupport.toPeer(m, tmp, "mask.f64");
            PythonPeer.run(CANON + """
                    import sys
                    from scipy import ndimage as ndi
                    from skimage.measure import label
                    nz, ny, nx = map(int, sys.argv[1:4])
                    m = np.fromfile(sys.argv[4], '<f8').reshape(nz, ny, nx) != 0
                    for conn in (6, 18, 26):
                        a, n = ndi.label(m, structure(conn))
                        canon(a).astype('<f8').tofile(sys.argv[5] + '/scipy%d.f64' % conn)
                        b = label(m, connectivity={6: 1, 18: 2, 26: 3}[conn])
                        canon(b).astype('<f8').tofile(sys.argv[5] + '/skimage%d.f64' % conn)
                    """, "" + d.nz(), "" + d.ny(), "" + d.nx(), in.toString(), tmp.toString());
            for (Connectivity c : Connectivity.values()) {
                try (Volume l = ConnectedComponents.label(m, c)) {
                    int[] ours = LabelTestSupport.ints(l);
                    assertArrayEquals(LabelTestSupport.fromPeer(tmp.resolve("scipy" + c.neighbours() + ".f64")), ours,
                            "scipy.ndimage.label, " + c);
                    assertArrayEquals(LabelTestSupport.fromPeer(tmp.resolve("skimage" + c.neighbours() + ".f64")), ours,
                            "skimage.measure.label, " + c);
                }
            }
        }
    }

    @Test
    void opReadsConnectivityAndReportsCount() {
        var op = new ConnectedComponentsOp();
        assertEquals(26, ParamBinder.bind(ConnectedComponentsOp.Params.class, Map.of()).connectivity());
        ConnectedComponentsOp.Params p = ParamBinder.bind(ConnectedComponentsOp.Params.class, Map.of("connectivity", 6));
        ParameterException e = assertThrows(ParameterException.class,
                () -> ParamBinder.bind(ConnectedComponentsOp.Params.class, Map.of("connectivity", 8)));
        assertEquals("connectivity must be 6, 18 or 26 (neighbours), got 8", e.getMessage());
        try (Volume m = LabelTestSupport.random(new Dims(20, 20, 20), 0.2, 3)) {
            OpResult r = op.run(p, new OpInputs(Map.of("mask", m)), OpContext.QUIET);
            try (Volume l = (Volume) r.outputs().get("labels")) {
                assertEquals(DataType.I32, l.type());
                int max = 0;
                for (int v : LabelTestSupport.ints(l)) {
                    max = Math.max(max, v);
                }
                assertEquals((long) max, r.metrics().toMap().get("count"));
                assertEquals(ConnectedComponents.count(m, Connectivity.SIX), max);
            }
        }
    }
}
