package org.tomolyte.analysis.interfaces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.ParamBinder;
import org.tomolyte.testkit.OperandoCell;

/** Known answers on single columns, anisotropic voxels, thread independence, phase.volume and bad parameters. */
class InterfaceOpsTest {

    static final double C = OperandoInterfacesTest.COLLECTOR_MIN;
    static final double LI = OperandoInterfacesTest.LI_MAX;
    static final double VOID = OperandoInterfacesTest.VOID_MAX;

    @Test
    void lithiumRunOnAHandMadeColumn() {
        // collector, collector halo (bright but below collector_min), lithium with a noise spike, void, electrolyte
        float[] line = {50000, 50000, 30000, 19000, 23000, 19000, 19000, 2000, 2000, 30000, 30000, 30000, 30000, 30000};
        int start = LithiumSegmentation.collectorEnd(line, line.length, (float) C);
        assertEquals(2, start);
        assertEquals(9, LithiumSegmentation.lithiumEnd(line, start, line.length, (float) LI, (float) LI, 4));
        // no lithium: the collector touches the electrolyte
        float[] bare = {50000, 50000, 30000, 30000, 30000, 30000, 30000, 30000};
        assertEquals(2, LithiumSegmentation.lithiumEnd(bare, 2, bare.length, (float) LI, (float) LI, 4));
    }

    @Test
    void voidSweepOnHandMadeColumns() {
        // bulk electrolyte, a pore, electrolyte, an interfacial void, lithium (sweep order: bulk -> electrode)
        float[] line = {30000, 30000, 2000, 2000, 2000, 30000, 30000, 30000, 30000, 30000, 30000, 2000, 2000, 19000, 19000, 19000,
            19000, 19000, 50000};
        long[] r = InterfacialVoids.sweep(line, line.length, (float) VOID, (float) LI, 4);
        assertArrayEquals(new long[] {11, 13, 3}, r);
        // in contact: no void, the sweep stops in the lithium before the collector
        float[] contact = {30000, 30000, 30000, 19000, 19000, 19000, 19000, 19000, 50000, 2000, 2000, 19000, 19000, 19000, 19000};
        assertArrayEquals(new long[] {-1, -1, 0}, InterfacialVoids.sweep(contact, contact.length, (float) VOID, (float) LI, 4));
    }

    static OperandoCell.Config anisotropic() {
        return new OperandoCell.Config(new Dims(80, 64, 110), new Spacing(1.2, 1.5, 2.1), 6, 2, 24, 40, 20, 3, 2, 2, 1, 5, 14, 5, 3.0,
                3, 8.5, 5, new double[] {2000, 30000, 19000, 50000, 24500}, 0.7, 250);
    }

    @Test
    void anisotropicVoxels() {
        OperandoCell.Config cfg = anisotropic();
        try (OperandoCell.Step s = OperandoCell.step(cfg, 2, 5)) {
            var t = s.truth();
            assertTrue(t.bottom().voidVoxels() > 1000, "the phantom has voids: " + t.bottom().voidVoxels());
            double vv = cfg.spacing().voxelVolumeUm3();
            for (String e : new String[] {"bottom", "top"}) {
                OperandoCell.Electrode te = e.equals("bottom") ? t.bottom() : t.top();
                var m = OperandoInterfacesTest.Measured.of(s.grey(), e, "z");
                assertEquals(te.lithiumVolumeUm3(), OperandoInterfacesTest.metric(m.lithium(), "li_volume_um3"), 0.01 * te.lithiumVolumeUm3());
                assertEquals(te.interfaceZUm(), OperandoInterfacesTest.metric(m.lithium(), "interface_z_mean_um"), 0.01 * 2.1);
                assertEquals(te.collectorZUm(), OperandoInterfacesTest.metric(m.lithium(), "collector_z_mean_um"), 0.01 * 2.1);
                assertEquals(80 * 64 * 1.2 * 1.5, OperandoInterfacesTest.metric(m.lithium(), "analysed_area_um2"), 1e-6);
                assertEquals(te.voidVolumeUm3(), OperandoInterfacesTest.metric(m.voids(), "void_volume_um3"),
                        0.01 * te.voidVolumeUm3() + 40 * vv);
                assertEquals(te.contactFraction(), OperandoInterfacesTest.metric(m.contact(), "contact_fraction"), 0.01);
                Volume th = (Volume) m.lithium().outputs().get("thickness");
                assertEquals(new Dims(80, 64, 1), th.dims());
                assertEquals(new Spacing(1.2, 1.5, 2.1), th.spacing());
                m.close();
            }
        }
    }

    @Test
    void oneAndTwoThreadsGiveIdenticalResults() {
        int before = Parallel.threads();
        try (OperandoCell.Step s = OperandoCell.step(anisotropic(), 2, 9)) {
            Parallel.setThreads(1);
            var a = OperandoInterfacesTest.Measured.of(s.grey(), "bottom", "z");
            var pa = positions(s.grey());
            Parallel.setThreads(2);
            var b = OperandoInterfacesTest.Measured.of(s.grey(), "bottom", "z");
            var pb = positions(s.grey());
            for (String port : new String[] {"mask", "thickness", "interface"}) {
                assertTrue(((Volume) a.lithium().outputs().get(port)).contentEquals((Volume) b.lithium().outputs().get(port)), port);
            }
            assertTrue(((Volume) a.voids().outputs().get("mask")).contentEquals((Volume) b.voids().outputs().get("mask")));
            assertTrue(((Volume) a.contact().outputs().get("contact")).contentEquals((Volume) b.contact().outputs().get("contact")));
            assertEquals(a.lithium().metrics().toMap(), b.lithium().metrics().toMap());
            assertEquals(a.voids().metrics().toMap(), b.voids().metrics().toMap());
            assertEquals(a.contact().metrics().toMap(), b.contact().metrics().toMap());
            assertEquals(pa.metrics().toMap(), pb.metrics().toMap());
            a.close();
            b.close();
        } finally {
            Parallel.setThreads(before);
        }
    }

    static OpResult positions(Volume grey) {
        var p = ParamBinder.bind(PositionsOp.Params.class, Map.of("collector_min", C, "li_max", LI));
        return new PositionsOp().run(p, new OpInputs(Map.of("image", grey)), OpContext.QUIET);
    }

    @Test
    void phaseVolumeOfPoresInsideTheElectrolyteBulk() {
        OperandoCell.Config cfg = anisotropic();
        try (OperandoCell.Step s = OperandoCell.step(cfg, 1, 3)) {
            var t = s.truth();
            Dims d = s.labels().dims();
            // region: the electrolyte slab between the interfaces (pores included), as a mask
            Volume region = Volume.allocate(d, DataType.U8, s.labels().spacing());
            int z0 = t.strippingPlane();
            int z1 = t.platingPlane();
            for (long i = (long) z0 * d.sliceVoxels(); i < (long) z1 * d.sliceVoxels(); i++) {
                region.set(i, 1);
            }
            OpContext ctx = new OpContext(Progress.NONE, OperandoCell.PHASES);
            OpResult r = phaseVolume(Map.of("phase", "void"), Map.of("labels", s.labels(), "region", region), ctx);
            double vv = cfg.spacing().voxelVolumeUm3();
            long slab = (long) (z1 - z0) * d.sliceVoxels();
            assertEquals(t.bulkPoreVolumeUm3(), OperandoInterfacesTest.metric(r, "volume_um3"), 1e-6);
            assertEquals(slab * vv, OperandoInterfacesTest.metric(r, "region_volume_um3"), 1e-6);
            assertEquals((double) t.bulkPoreVoxels() / slab, OperandoInterfacesTest.metric(r, "fraction"), 1e-12);
            // by id, and eroded by one slice thickness from the two faces (the cut xy faces stay): 2 slices fewer
            OpResult e = phaseVolume(Map.of("phase", "0", "erode_um", 2.1), Map.of("labels", s.labels(), "region", region), ctx);
            assertEquals((slab - 2 * d.sliceVoxels()) * vv, OperandoInterfacesTest.metric(e, "region_volume_um3"), 1e-6);
            // region by phase: interphase inside itself is the whole region
            OpResult ip = phaseVolume(Map.of("phase", "interphase", "region_phase", "interphase"), Map.of("labels", s.labels()), ctx);
            assertEquals(t.interphaseVolumeUm3(), OperandoInterfacesTest.metric(ip, "volume_um3"), 1e-6);
            assertEquals(1.0, OperandoInterfacesTest.metric(ip, "fraction"));
            // mask input, whole volume
            OpResult mk = phaseVolume(Map.of(), Map.of("mask", region), ctx);
            assertEquals(slab * vv, OperandoInterfacesTest.metric(mk, "volume_um3"), 1e-6);
            assertEquals(d.voxels() * vv, OperandoInterfacesTest.metric(mk, "region_volume_um3"), 1e-3);
            region.close();
        }
    }

    static OpResult phaseVolume(Map<String, Object> params, Map<String, Object> inputs, OpContext ctx) {
        var p = ParamBinder.bind(PhaseVolumeOp.Params.class, params);
        Map<String, org.tomolyte.core.op.DataSpec> specs = new HashMap<>();
        inputs.forEach((k, v) -> specs.put(k, new org.tomolyte.core.op.DataSpec.VolumeSpec(((Volume) v).dims(), ((Volume) v).type(),
                ((Volume) v).spacing())));
        new PhaseVolumeOp().preflight(p, specs);
        return new PhaseVolumeOp().run(p, new OpInputs(inputs), ctx);
    }

    static void rejects(Class<? extends Record> type, Map<String, Object> params, String name) {
        ParameterException e = assertThrows(ParameterException.class, () -> ParamBinder.bind(type, params));
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    @Test
    void badParametersNameTheParameter() {
        Map<String, Object> li = new HashMap<>(Map.of("electrode", "top", "li_max", LI, "collector_min", C));
        rejects(LithiumOp.Params.class, with(li, "lookahead_vox", 6), "lookahead_vox");
        rejects(LithiumOp.Params.class, with(li, "lookahead_vox", 2), "lookahead_vox");
        rejects(LithiumOp.Params.class, with(li, "collector_min", 1000), "collector_min");
        rejects(LithiumOp.Params.class, with(li, "void_max", 40000), "void_max");
        rejects(LithiumOp.Params.class, with(li, "electrode", "left"), "electrode");
        rejects(LithiumOp.Params.class, with(li, "stack_axis", "w"), "stack_axis");
        Map<String, Object> li2 = new HashMap<>(li);
        li2.remove("li_max");
        rejects(LithiumOp.Params.class, li2, "li_max");
        assertThrows(ParameterException.class, () -> new LithiumOp.Params(null, LI, null, 4, C, null, null));
        Map<String, Object> vo = new HashMap<>(Map.of("electrode", "bottom", "void_max", VOID, "li_max", LI));
        rejects(VoidsOp.Params.class, with(vo, "void_max", 30000), "void_max");
        rejects(VoidsOp.Params.class, with(vo, "bulk_um", -1), "bulk_um");
        rejects(VoidsOp.Params.class, with(vo, "lookahead_vox", 9), "lookahead_vox");
        Map<String, Object> co = new HashMap<>(Map.of("electrode", "bottom"));
        rejects(ContactOp.Params.class, with(co, "bottom_vox", 0), "bottom_vox");
        rejects(ContactOp.Params.class, with(co, "nominal_current_ma_cm2", -1), "nominal_current_ma_cm2");
        Map<String, Object> po = new HashMap<>(Map.of("collector_min", C, "li_max", LI));
        rejects(PositionsOp.Params.class, with(po, "sites", 0), "sites");
        rejects(PhaseVolumeOp.Params.class, Map.of("erode_um", -1), "erode_um");
        // checks that need the inputs
        try (OperandoCell.Step s = OperandoCell.step(anisotropic(), 0, 1)) {
            var p = ParamBinder.bind(VoidsOp.Params.class, with(vo, "bulk_um", 1e6));
            ParameterException e = assertThrows(ParameterException.class,
                    () -> new VoidsOp().run(p, new OpInputs(Map.of("image", s.grey())), OpContext.QUIET));
            assertTrue(e.getMessage().contains("bulk_um"), e.getMessage());
            OpContext ctx = new OpContext(Progress.NONE, OperandoCell.PHASES);
            e = assertThrows(ParameterException.class, () -> phaseVolume(Map.of("phase", "steel"), Map.of("labels", s.labels()), ctx));
            assertTrue(e.getMessage().contains("phase"), e.getMessage());
            e = assertThrows(ParameterException.class,
                    () -> phaseVolume(Map.of("phase", "void", "erode_um", 2), Map.of("labels", s.labels()), ctx));
            assertTrue(e.getMessage().contains("erode_um"), e.getMessage());
            assertThrows(InputException.class, () -> phaseVolume(Map.of(), Map.of(), ctx));
            // thresholds that find no lithium: a one-line input error, not NaN metrics
            var none = ParamBinder.bind(LithiumOp.Params.class, with(li, "li_max", 100));
            InputException ie = assertThrows(InputException.class,
                    () -> new LithiumOp().run(none, new OpInputs(Map.of("image", s.grey())), OpContext.QUIET));
            assertTrue(ie.getMessage().contains("li_max"), ie.getMessage());
        }
    }

    static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new HashMap<>(base);
        m.put(key, value);
        return m;
    }

    @Test
    void outputSpecsMatchWhatRunReturns() {
        try (OperandoCell.Step s = OperandoCell.step(anisotropic(), 0, 1)) {
            var spec = new org.tomolyte.core.op.DataSpec.VolumeSpec(s.grey().dims(), s.grey().type(), s.grey().spacing());
            var p = ParamBinder.bind(LithiumOp.Params.class, Map.of("electrode", "top", "li_max", LI, "collector_min", C));
            var specs = new LithiumOp().preflight(p, Map.of("image", spec));
            OpResult r = new LithiumOp().run(p, new OpInputs(Map.of("image", s.grey())), OpContext.QUIET);
            for (String port : List.of("mask", "thickness", "interface")) {
                Volume v = (Volume) r.outputs().get(port);
                assertEquals(specs.get(port), new org.tomolyte.core.op.DataSpec.VolumeSpec(v.dims(), v.type(), v.spacing()), port);
            }
            OperandoInterfacesTest.close(r);
        }
    }
}
