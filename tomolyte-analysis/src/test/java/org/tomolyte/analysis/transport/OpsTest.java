package org.tomolyte.analysis.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.tomolyte.analysis.connectivity.ThroughConnectivityOp;
import org.tomolyte.analysis.surface.SurfaceAreaOp;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.InputException;
import org.tomolyte.core.PhaseTable;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Table;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.ParamBinder;

/** The four ops through their protocol surface: registration, parameter binding, preflight, metric and column names. */
class OpsTest {

    /** Two straight pore columns (label 0) through a solid (label 2), 4 x 4 x 6 voxels. */
    private static Volume labels() {
        Volume v = Volume.allocate(new Dims(4, 4, 6), DataType.U8, new Spacing(0.5, 0.5, 1));
        v.fill(2);
        for (int z = 0; z < 6; z++) {
            v.set(0, 0, z, 0);
            v.set(3, 3, z, 0);
        }
        v.set(2, 1, 2, 0);
        return v;
    }

    private static Map<String, Object> in(Volume v) {
        Map<String, Object> m = new HashMap<>();
        m.put("labels", v);
        return m;
    }

    @Test
    void opsAreRegistered() {
        List<String> ids = ServiceLoader.load(Op.class).stream().map(p -> p.get().id()).toList();
        assertTrue(ids.containsAll(List.of("connectivity.through", "tortuosity.factor", "tortuosity.concentration", "surface.area")), ids.toString());
    }

    @Test
    void tortuosityFactorOp() {
        TortuosityOp op = new TortuosityOp();
        TortuosityParams p = ParamBinder.bind(TortuosityParams.class, Map.of("phase", 0));
        assertEquals(1e-4, p.tolerance());
        assertThrows(ParameterException.class, () -> ParamBinder.bind(TortuosityParams.class, Map.of("phase", 0, "tolerance", 1)));
        assertThrows(ParameterException.class, () -> ParamBinder.bind(TortuosityParams.class, Map.of("phase", 0, "axis", "w")));
        try (Volume v = labels()) {
            Map<String, DataSpec> specs = Map.of("labels", new DataSpec.VolumeSpec(v.dims(), v.type(), v.spacing()));
            assertEquals(Map.of("flux", new DataSpec.TableSpec("flux")), op.preflight(p, specs));
            TortuosityParams noPhase = ParamBinder.bind(TortuosityParams.class, Map.of());
            assertThrows(ParameterException.class, () -> op.preflight(noPhase, specs));
            OpResult r = op.run(p, new OpInputs(in(v)), OpContext.QUIET);
            Map<String, Object> m = r.metrics().toMap();
            // porosity counts the isolated voxel (TauFactor), the flux does not: tau = 13/12
            assertEquals(13.0 / 12, (double) m.get("tortuosity"), 1e-6);
            assertEquals(13.0 / 96, (double) m.get("porosity"), 1e-12);
            assertEquals(12.0 / 13, (double) m.get("through_fraction"), 1e-12);
            assertEquals(12.0 / 96, (double) m.get("effective_diffusivity"), 1e-6);
            assertTrue(m.containsKey("iterations") && m.containsKey("residual"));
            Table t = (Table) r.outputs().get("flux");
            assertEquals(7, t.rowCount());
            assertEquals(12.0 / 96, t.number(6, "effective_diffusivity"), 1e-6);
            OpResult c = new TortuosityConcentrationOp().run(p, new OpInputs(in(v)), OpContext.QUIET);
            try (Volume conc = (Volume) c.outputs().get("concentration")) {
                assertEquals(DataType.F32, conc.type());
                assertEquals(1 - 0.5 / 6, conc.get(0, 0, 0), 1e-6);
                assertEquals(0.5 / 6, conc.get(3, 3, 5), 1e-6);
                assertEquals(0, conc.get(2, 1, 2));
            }
        }
    }

    @Test
    void throughConnectivityOp() {
        ThroughConnectivityOp op = new ThroughConnectivityOp();
        var p = ParamBinder.bind(ThroughConnectivityOp.Params.class, Map.of("phase", 0, "axis", "z"));
        try (Volume v = labels()) {
            OpResult r = op.run(p, new OpInputs(in(v)), OpContext.QUIET);
            Map<String, Object> m = r.metrics().toMap();
            assertEquals(12.0 / 13, (double) m.get("through_fraction"), 1e-12);
            assertEquals(12 * 0.25, (double) m.get("through_volume_um3"), 1e-12);
            assertEquals(13 * 0.25, (double) m.get("phase_volume_um3"), 1e-12);
            assertEquals(3L, m.get("components"));
            ((Volume) r.outputs().get("through")).close();
            Map<String, DataSpec> both = Map.of("labels", new DataSpec.VolumeSpec(v.dims(), v.type(), v.spacing()),
                    "mask", new DataSpec.VolumeSpec(v.dims(), v.type(), v.spacing()));
            assertThrows(InputException.class, () -> op.preflight(p, both));
        }
    }

    @Test
    void surfaceAreaOp() {
        SurfaceAreaOp op = new SurfaceAreaOp();
        var p = ParamBinder.bind(SurfaceAreaOp.Params.class, Map.of("method", "faces"));
        try (Volume v = labels()) {
            OpContext ctx = new OpContext(Progress.NONE, PhaseTable.of(Map.of(0, "pore", 2, "solid")));
            OpResult r = op.run(p, new OpInputs(in(v)), ctx);
            Table t = (Table) r.outputs().get("phases");
            assertEquals(List.of("phase", "name", "voxels", "volume_fraction", "surface_area_um2", "specific_surface_area_per_um"),
                    t.columns().stream().map(Table.Column::name).toList());
            // pore columns: 2 columns x (5 + 1 side faces... ) counted directly
            double area = 0;
            // column at a corner: 2 inner side faces per voxel (0.5 x 1 um^2), 6 voxels; the other corner column the same;
            // the isolated voxel: 4 side faces 0.5 um^2 + 2 faces 0.25 um^2
            area = 2 * 6 * 2 * 0.5 + 4 * 0.5 + 2 * 0.25;
            assertEquals(area, t.number(0, "surface_area_um2"), 1e-12);
            assertEquals(area / 24.0, t.number(0, "specific_surface_area_per_um"), 1e-12);
            Table f = (Table) r.outputs().get("interfaces");
            assertEquals(List.of("phase_a", "phase_b", "interface_area_um2"), f.columns().stream().map(Table.Column::name).toList());
            assertEquals(area, f.number(0, "interface_area_um2"), 1e-12);
            @SuppressWarnings("unchecked")
            Map<String, Object> pore = (Map<String, Object>) r.metrics().toMap().get("pore");
            assertEquals(area, (double) pore.get("surface_area_um2"), 1e-12);
            var mc = ParamBinder.bind(SurfaceAreaOp.Params.class, Map.of("method", "marching_cubes"));
            Table tm = (Table) op.run(mc, new OpInputs(in(v)), ctx).outputs().get("phases");
            assertTrue(tm.number(0, "surface_area_um2") > 0);
        }
    }
}
