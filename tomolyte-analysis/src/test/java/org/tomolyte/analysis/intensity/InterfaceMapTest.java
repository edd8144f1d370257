package org.tomolyte.analysis.intensity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tomolyte.core.Axis;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Plot;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Table;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.ParamBinder;

/**
 * A Li | electrolyte | Li stack with exact answers: lithium grey 50 in slices 0..19 and 80..99,
 * electrolyte grey 200 in 20..79, and a 5 x 5 column void (grey 0) in slices 20..29 under the
 * bottom interface (the stack axis points up).
 */
class InterfaceMapTest {

    private static Volume cell(DataType type, Spacing s) {
        Volume v = Volume.allocate(new Dims(60, 50, 100), type, s);
        for (int z = 0; z < 100; z++) {
            for (int y = 0; y < 50; y++) {
                for (int x = 0; x < 60; x++) {
                    boolean li = z < 20 || z >= 80;
                    boolean voidCol = z >= 20 && z < 30 && x >= 25 && x < 30 && y >= 20 && y < 25;
                    v.set(x, y, z, li ? 50 : voidCol ? 0 : 200);
                }
            }
        }
        return v;
    }

    @Test
    void bottomInterfaceMapIsTheNormalisedDepthMean() {
        try (Volume v = cell(DataType.U8, Spacing.isotropic(2))) {
            InterfaceMap.Result r = InterfaceMap.compute(v, InterfaceMap.Interface.BOTTOM, null, 60, 100, Axis.Z, Progress.NONE);
            assertEquals(20, r.boundary());
            assertEquals(20, r.firstSlice());
            assertEquals(69, r.lastSlice());
            assertEquals(30, r.nu());
            assertEquals(30, r.nv());
            assertEquals(15, r.u0());
            assertEquals(10, r.v0());
            assertEquals(255.0, r.normaliser());
            for (int j = 0; j < r.nv(); j++) {
                for (int i = 0; i < r.nu(); i++) {
                    int x = r.u0() + i;
                    int y = r.v0() + j;
                    boolean voidCol = x >= 25 && x < 30 && y >= 20 && y < 25;
                    double want = voidCol ? 40 * 200.0 / (50 * 255) : 200.0 / 255;
                    assertEquals(want, r.values()[j * r.nu() + i], 1e-12, "column " + x + "," + y);
                }
            }
            assertEquals((15 + 0.5) * 2, r.uUm(0), 1e-12);
        }
    }

    @Test
    void topAndExplicitInterfaces() {
        try (Volume v = cell(DataType.U16, Spacing.isotropic(1))) {
            InterfaceMap.Result b = InterfaceMap.compute(v, InterfaceMap.Interface.TOP, null, 20, 40, Axis.Z, Progress.NONE);
            assertEquals(80, b.boundary());
            assertEquals(40, b.firstSlice());
            assertEquals(79, b.lastSlice());
            for (double x : b.values()) {
                assertEquals(200.0 / 65535, x, 1e-15);
            }
            InterfaceMap.Result z = InterfaceMap.compute(v, InterfaceMap.Interface.Z_UM, 20.0, 20, 10, Axis.Z, Progress.NONE);
            assertEquals(20, z.firstSlice());
            assertEquals(29, z.lastSlice());
            InterfaceMap.Result z2 = InterfaceMap.compute(v, InterfaceMap.Interface.Z_UM, 80.0, 20, 10, Axis.Z, Progress.NONE);
            assertEquals(70, z2.firstSlice());
            assertEquals(79, z2.lastSlice(), "past the centre the electrolyte lies towards smaller z");
        }
    }

    @Test
    void floatImagesNormaliseByTheirMaximumAndOpReportsStatistics() {
        try (Volume v = cell(DataType.F32, Spacing.isotropic(2))) {
            var p = ParamBinder.bind(InterfaceMapOp.Params.class, Map.of("window_um", 60, "depth_um", 100, "interface", "bottom"));
            var op = new InterfaceMapOp();
            op.preflight(p, Map.of("image", new DataSpec.VolumeSpec(v.dims(), v.type(), v.spacing())));
            OpResult r = op.run(p, new OpInputs(Map.of("image", v)), OpContext.QUIET);
            Map<String, Object> m = r.metrics().toMap();
            assertEquals(200.0, (double) m.get("normaliser"));
            assertEquals(1.0, (double) m.get("max"), 1e-12);
            assertEquals(0.8, (double) m.get("min"), 1e-12);
            assertEquals(1.0, (double) m.get("median"), 1e-12);
            assertEquals(1 - 0.2 * 25 / 900.0, (double) m.get("mean"), 1e-12);
            assertEquals(40.0, (double) m.get("interface_um"), 1e-12);
            Table t = (Table) r.outputs().get("map");
            assertEquals(List.of("x_um", "y_um", "value"), t.columns().stream().map(Table.Column::name).toList());
            assertEquals(900, t.rowCount());
            assertEquals(100, ((Table) r.outputs().get("window_profile")).rowCount());
            assertTrue(r.plots().stream().anyMatch(pl -> pl.kind() == Plot.Kind.HEATMAP));
        }
    }

    @Test
    void otherStackAxis() {
        // the same cell stacked along x: the bottom interface is at x = 20
        try (Volume v = Volume.allocate(new Dims(100, 30, 40), DataType.U8, Spacing.UNIT)) {
            for (int z = 0; z < 40; z++) {
                for (int y = 0; y < 30; y++) {
                    for (int x = 0; x < 100; x++) {
                        v.set(x, y, z, x < 20 || x >= 80 ? 50 : 200);
                    }
                }
            }
            InterfaceMap.Result r = InterfaceMap.compute(v, InterfaceMap.Interface.BOTTOM, null, 20, 30, Axis.X, Progress.NONE);
            assertEquals(Axis.Y, r.u());
            assertEquals(Axis.Z, r.v());
            assertEquals(20, r.firstSlice());
            assertEquals(200.0 / 255, r.values()[0], 1e-15);
        }
    }

    @Test
    void badParametersNameTheParameter() {
        var spec = Map.<String, DataSpec>of("image", new DataSpec.VolumeSpec(new Dims(60, 50, 100), DataType.U8, Spacing.isotropic(2)));
        var op = new InterfaceMapOp();
        assertMessage("window_um", () -> op.preflight(ParamBinder.bind(InterfaceMapOp.Params.class, Map.of()), spec));
        assertMessage("depth_um", () -> op.preflight(ParamBinder.bind(InterfaceMapOp.Params.class, Map.of("window_um", 50)), spec));
        assertMessage("z_um", () -> ParamBinder.bind(InterfaceMapOp.Params.class, Map.of("interface", "z_um")));
        assertMessage("interface", () -> ParamBinder.bind(InterfaceMapOp.Params.class, Map.of("interface", "middle")));
        assertMessage("z_um", () -> op.preflight(ParamBinder.bind(InterfaceMapOp.Params.class,
                Map.of("interface", "z_um", "z_um", 500, "window_um", 50, "depth_um", 50)), spec));
        try (Volume v = cell(DataType.U8, Spacing.isotropic(2))) {
            var p = ParamBinder.bind(InterfaceMapOp.Params.class, Map.of("window_um", 50, "depth_um", 170));
            assertMessage("depth_um", () -> op.run(p, new OpInputs(Map.of("image", v)), OpContext.QUIET));
        }
    }

    static void assertMessage(String param, org.junit.jupiter.api.function.Executable e) {
        ParameterException ex = assertThrows(ParameterException.class, e);
        assertTrue(ex.getMessage().contains(param), ex.getMessage());
    }
}
