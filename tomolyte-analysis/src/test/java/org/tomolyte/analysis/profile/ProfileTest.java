package org.tomolyte.analysis.profile;

import org.tomolyte.core.Axis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.analysis.porosity.TestVolumes;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.PhaseTable;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Table;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.ParamBinder;
import org.tomolyte.testkit.PythonPeer;

/** Axis and line profiles against brute force, analytic values and scipy. */
class ProfileTest {

    @Test
    void axisProfileEqualsBruteForceOnEveryAxis() {
        Dims d = new Dims(23, 17, 19);
        try (Volume g = TestVolumes.grey(d, DataType.U16, new Spacing(0.5, 1, 2), 4000, 5);
             Volume lab = TestVolumes.grey(d, DataType.U8, Spacing.UNIT, 3, 6)) {
            for (Axis axis : Axis.values()) {
                AxisProfile.Result r = AxisProfile.compute(g, lab, axis, Progress.NONE);
                int n = d.size(axis.index());
                for (int i = 0; i < n; i++) {
                    double sum = 0;
                    double min = Double.POSITIVE_INFINITY;
                    double max = Double.NEGATIVE_INFINITY;
                    long cnt = 0;
                    long[] labels = new long[3];
                    for (int z = 0; z < d.nz(); z++) {
                        for (int y = 0; y < d.ny(); y++) {
                            for (int x = 0; x < d.nx(); x++) {
                                int c = axis == Axis.X ? x : axis == Axis.Y ? y : z;
                                if (c != i) {
                                    continue;
                                }
                                double v = g.get(x, y, z);
                                sum += v;
                                min = Math.min(min, v);
                                max = Math.max(max, v);
                                cnt++;
                                labels[(int) lab.get(x, y, z)]++;
                            }
                        }
                    }
                    double mean = sum / cnt;
                    double ss = 0;
                    for (int z = 0; z < d.nz(); z++) {
                        for (int y = 0; y < d.ny(); y++) {
                            for (int x = 0; x < d.nx(); x++) {
                                int c = axis == Axis.X ? x : axis == Axis.Y ? y : z;
                                if (c == i) {
                                    ss += Math.pow(g.get(x, y, z) - mean, 2);
                                }
                            }
                        }
                    }
                    assertEquals(cnt, r.voxels());
                    assertEquals(mean, r.mean()[i], 1e-9, axis + " " + i);
                    assertEquals(Math.sqrt(ss / cnt), r.std()[i], 1e-9);
                    assertEquals(min, r.min()[i]);
                    assertEquals(max, r.max()[i]);
                    for (int k = 0; k < 3; k++) {
                        assertEquals(labels[k], r.labelCounts().get(k)[i]);
                    }
                }
            }
        }
    }

    @Test
    void axisOpNamesPhasesAndIsThreadIndependent() {
        Dims d = new Dims(20, 10, 30);
        int before = Parallel.threads();
        try (Volume g = TestVolumes.grey(d, DataType.F32, Spacing.isotropic(0.7), 1, 8);
             Volume lab = Volume.allocate(d, DataType.U8, Spacing.isotropic(0.7))) {
            for (int z = 0; z < 30; z++) {
                for (int y = 0; y < 10; y++) {
                    for (int x = 0; x < 20; x++) {
                        lab.set(x, y, z, x < z ? 1 : 0);
                    }
                }
            }
            var p = ParamBinder.bind(AxisProfileOp.Params.class, Map.of());
            var ctx = new OpContext(Progress.NONE, PhaseTable.of(Map.of(0, "pore", 1, "solid", 2, "lithium")));
            Parallel.setThreads(1);
            OpResult r1 = new AxisProfileOp().run(p, new OpInputs(Map.of("image", g, "labels", lab)), ctx);
            Parallel.setThreads(2);
            OpResult r2 = new AxisProfileOp().run(p, new OpInputs(Map.of("image", g, "labels", lab)), ctx);
            Table t = (Table) r1.outputs().get("profile");
            Table t2 = (Table) r2.outputs().get("profile");
            assertEquals(List.of("index", "position_um", "mean", "std", "min", "max", "fraction_pore", "fraction_solid", "fraction_lithium"),
                    t.columns().stream().map(Table.Column::name).toList());
            assertEquals(30, t.rowCount());
            for (int z = 0; z < 30; z++) {
                assertEquals((z + 0.5) * 0.7, t.number(z, "position_um"), 1e-12);
                assertEquals(Math.min(z, 20) / 20.0, t.number(z, "fraction_solid"), 1e-15);
                assertEquals(0.0, t.number(z, "fraction_lithium"));
                for (String c : List.of("mean", "std", "min", "max")) {
                    assertEquals(t.number(z, c), t2.number(z, c), 0.0, "1 vs 2 threads");
                }
            }
            assertEquals(2, r1.plots().size());
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void lineProfileIsExactOnALinearField() {
        Spacing s = new Spacing(0.5, 1, 2);
        Dims d = new Dims(20, 12, 9);
        try (Volume v = Volume.allocate(d, DataType.F64, s)) {
            for (int z = 0; z < d.nz(); z++) {
                for (int y = 0; y < d.ny(); y++) {
                    for (int x = 0; x < d.nx(); x++) {
                        v.set(x, y, z, 3 * x + 5 * y + 7 * z);
                    }
                }
            }
            double[] from = {1.0, 2.0, 3.0};
            double[] to = {8.0, 9.5, 14.0};
            LineProfile.Result r = LineProfile.sample(v, from, to, 0.25, LineProfile.Interpolation.LINEAR);
            double len = Math.sqrt(49 + 56.25 + 121);
            assertEquals((int) Math.floor(len / 0.25) + 1, r.value().length);
            for (int k = 0; k < r.value().length; k++) {
                assertEquals(k * 0.25, r.distanceUm()[k], 1e-12);
                double want = 3 * (r.xUm()[k] / 0.5 - 0.5) + 5 * (r.yUm()[k] / 1 - 0.5) + 7 * (r.zUm()[k] / 2 - 0.5);
                assertEquals(want, r.value()[k], 1e-9, "sample " + k);
            }
            LineProfile.Result n = LineProfile.sample(v, new double[]{0.74, 0.2, 3.99}, new double[]{0.76, 0.2, 3.99}, 0.02,
                    LineProfile.Interpolation.NEAREST);
            assertEquals(3 * 1 + 7 * 1, n.value()[0], "x 0.74 um is voxel 1 of 0.5 um, z 3.99 voxel 1 of 2 um");
            assertEquals(3 * 1 + 7 * 1, n.value()[1]);
            var op = new LineProfileOp();
            var p = ParamBinder.bind(LineProfileOp.Params.class, Map.of("from_um", List.of(0, 0, 0), "to_um", List.of(10, 0, 0)));
            op.preflight(p, Map.of("image", new DataSpec.VolumeSpec(d, DataType.F64, s)));
            Table t = (Table) op.run(p, new OpInputs(Map.of("image", v)), OpContext.QUIET).outputs().get("line");
            assertEquals(List.of("distance_um", "x_um", "y_um", "z_um", "value"), t.columns().stream().map(Table.Column::name).toList());
            assertEquals(21, t.rowCount(), "default step = smallest voxel size, 0.5 um");
        }
    }

    @Test
    void lineProfileEqualsScipyMapCoordinates(@TempDir Path tmp) {
        Assumptions.assumeTrue(PythonPeer.available("scipy"), PythonPeer.skipMessage("scipy"));
        Spacing s = new Spacing(0.7, 0.7, 1.4);
        try (Volume v = TestVolumes.grey(new Dims(25, 21, 17), DataType.U16, s, 60000, 12)) {
            Path in = tmp.resolve("v.f64");
            Path out = tmp.resolve("o.f64");
            PythonPeer.writeF64(v, in);
            double[] from = {0.1, 14.6, 23.7};
            double[] to = {17.4, 0.3, 0.2};
            LineProfile.Result r = LineProfile.sample(v, from, to, 0.33, LineProfile.Interpolation.LINEAR);
            StringBuilder pts = new StringBuilder();
            for (int k = 0; k < r.value().length; k++) {
                pts.append(r.xUm()[k]).append(',').append(r.yUm()[k]).append(',').append(r.zUm()[k]).append(';');
            }
            PythonPeer.run("""
                    import sys, numpy as np
                    from scipy import ndimage
                    v = np.fromfile(sys.argv[1], '<f8').reshape(17, 21, 25)
                    p = np.array([[float(c) for c in s.split(',')] for s in sys.argv[3].split(';') if s])
                    sp = np.array([0.7, 0.7, 1.4])
                    u = p / sp - 0.5
                    coords = np.stack([u[:, 2], u[:, 1], u[:, 0]])
                    ndimage.map_coordinates(v, coords, order=1, mode='nearest').astype('<f8').tofile(sys.argv[2])
                    """, in.toString(), out.toString(), pts.toString());
            double[] want = PythonPeer.readF64(out);
            assertEquals(want.length, r.value().length);
            for (int k = 0; k < want.length; k++) {
                // both interpolate trilinearly in double; they differ by rounding only
                assertEquals(want[k], r.value()[k], 1e-8 * Math.max(1, Math.abs(want[k])), "sample " + k);
            }
        }
    }

    @Test
    void badParametersNameTheParameter() {
        var spec = Map.<String, DataSpec>of("image", new DataSpec.VolumeSpec(new Dims(10, 10, 10), DataType.U8, Spacing.UNIT));
        assertMessage("from_um", () -> ParamBinder.bind(LineProfileOp.Params.class, Map.of("from_um", List.of(1, 2), "to_um", List.of(1, 2, 3))));
        assertMessage("step_um", () -> ParamBinder.bind(LineProfileOp.Params.class,
                Map.of("from_um", List.of(1, 2, 3), "to_um", List.of(1, 2, 3), "step_um", 0)));
        var outside = ParamBinder.bind(LineProfileOp.Params.class, Map.of("from_um", List.of(1, 2, 3), "to_um", List.of(1, 2, 10.5)));
        assertMessage("to_um", () -> new LineProfileOp().preflight(outside, spec));
        assertMessage("interpolation", () -> ParamBinder.bind(LineProfileOp.Params.class,
                Map.of("from_um", List.of(1, 2, 3), "to_um", List.of(1, 2, 3), "interpolation", "cubic")));
        assertMessage("axis", () -> ParamBinder.bind(AxisProfileOp.Params.class, Map.of("axis", "t")));
        var lab = Map.<String, DataSpec>of("image", spec.get("image"),
                "labels", new DataSpec.VolumeSpec(new Dims(10, 10, 10), DataType.F32, Spacing.UNIT));
        assertThrows(InputException.class, () -> new AxisProfileOp().preflight(new AxisProfileOp.Params(Axis.Z), lab));
    }

    static void assertMessage(String param, org.junit.jupiter.api.function.Executable e) {
        ParameterException ex = assertThrows(ParameterException.class, e);
        assertTrue(ex.getMessage().contains(param), ex.getMessage());
    }
}
