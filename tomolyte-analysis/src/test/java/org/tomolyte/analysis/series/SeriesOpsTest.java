package org.tomolyte.analysis.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Table;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.ParamBinder;

class SeriesOpsTest {

    /** Thickness of Li that holds 1 mAh/cm^2: Vm * 3.6 C / F, in um (about 4.85, DESIGN.md). */
    private static final double UM_PER_MAH_CM2 = ElectrodeCharge.LI_MOLAR_VOLUME_CM3_MOL * 3.6 / ElectrodeCharge.FARADAY_C_MOL * 1e4;

    /** Three scans one hour apart over 1 mm^2: bottom strips, top plates. */
    private static Table series() {
        double area = 1e6;
        return Table.builder("series").column("index", "", Table.Kind.INTEGER, "")
                .column("item", "", Table.Kind.TEXT, "").column("time_s", "", Table.Kind.REAL, "")
                .column("top_li.li_volume_um3", "", Table.Kind.REAL, "").column("bottom_li.li_volume_um3", "", Table.Kind.REAL, "")
                .column("bottom_li.analysed_area_um2", "", Table.Kind.REAL, "")
                .column("top_contact.contact_fraction", "", Table.Kind.REAL, "").column("pos.stack_thickness_um", "", Table.Kind.REAL, "")
                // step 1: bottom loses 0.72 mAh/cm^2 of Li, top gains 1.0; step 2: bottom loses 0.51, top gains 1.0
                .row(0L, "t0", 0.0, 50 * area, 50 * area, area, 1.0, 300.0)
                .row(1L, "t1", 3600.0, (50 + UM_PER_MAH_CM2) * area, (50 - 0.72 * UM_PER_MAH_CM2) * area, area, 0.8, 303.0)
                .row(2L, "t2", 7200.0, (50 + 2 * UM_PER_MAH_CM2) * area, (50 - 1.23 * UM_PER_MAH_CM2) * area, area, 0.6, 306.0)
                .build();
    }

    private static <P extends Record> OpResult run(org.tomolyte.core.op.Op<P> op, Map<String, Object> params) {
        return op.run(ParamBinder.bind(op.paramsType(), params), new OpInputs(Map.of("series", series())), null);
    }

    @Test
    void lithiumVolumeChangesGiveTheChargeAndTheStrippingFraction() {
        OpResult r = run(new ElectrodeChargeOp(), Map.of("top", "top-li.li_volume_um3", "bottom", "bottom-li.li_volume_um3",
                "area_column", "bottom-li.analysed_area_um2", "current_density_ma_cm2", 1.0));
        Map<String, Object> m = r.metrics().toMap();
        // 1 mA/cm^2 for 2 h over 0.01 cm^2 = 72 mC applied; 1.23 mAh/cm^2 stripped, 2 mAh/cm^2 plated.
        assertEquals(0.072, (double) m.get("applied_C"), 1e-12);
        assertEquals(1.23, (double) m.get("stripped_mAh_cm2"), 1e-9);
        assertEquals(2.0, (double) m.get("plated_mAh_cm2"), 1e-9);
        assertEquals(1.23 / 2, (double) m.get("stripping_fraction"), 1e-9);
        Table t = (Table) r.outputs().get("charge");
        assertEquals(2, t.rowCount());
        assertEquals(0.72, t.number(0, "stripped_C") / t.number(0, "applied_C"), 1e-9, "paper 003's first value");
        assertEquals(0.51, t.number(1, "stripping_fraction"), 1e-9, "paper 003's second value");
        assertEquals(-1.0, t.number(0, "top_charge_mAh_cm2"), 1e-9, "plating is negative charge from an electrode");
        assertEquals((1 - 0.72) * 3.6 * 0.01, t.number(0, "mismatch_C"), 1e-12, "plated minus stripped (paper 001 Fig. 7b)");
    }

    @Test
    void thicknessColumnsGiveTheSameChargeAsVolumes() {
        Table s = series();
        // thickness = volume / area with a constant area of 1e6 um^2
        OpResult byVolume = run(new ElectrodeChargeOp(), Map.of("top", "top_li.li_volume_um3", "bottom", "bottom_li.li_volume_um3",
                "area_um2", 1e6));
        assertTrue(Double.isNaN((double) byVolume.metrics().toMap().get("stripping_fraction")), "no applied charge without current or charge");
        assertEquals(1.23 * 3.6 * 0.01, (double) byVolume.metrics().toMap().get("stripped_C"), 1e-12);
        assertEquals(3, s.rowCount());
    }

    @Test
    void contactChangeIsRelativeToTheReferenceScan() {
        OpResult r = run(new ContactChangeOp(), Map.of("columns", "top-contact.contact_fraction"));
        @SuppressWarnings("unchecked")
        Map<String, Object> g = (Map<String, Object>) r.metrics().toMap().get("top_contact_contact_fraction");
        assertEquals(-40.0, (double) g.get("change_percent"), 1e-9);
        Table t = (Table) r.outputs().get("contact");
        assertEquals(-20.0, t.number(1, "top_contact.contact_fraction_change_percent"), 1e-9);
        ParameterException e = assertThrows(ParameterException.class, () -> run(new ContactChangeOp(), Map.of("columns", "nope.contact")));
        assertTrue(e.getMessage().contains("no column 'nope.contact'") && e.getMessage().contains("top_contact.contact_fraction"), e.getMessage());
    }

    @Test
    void contactChangeDrawsTheCellVoltageOnARightAxis() {
        Table echem = Table.builder("cell").column("time/s", "s", Table.Kind.REAL, "").column("Ewe/V", "V", Table.Kind.REAL, "")
                .row(0.0, -0.1).row(3600.0, -0.2).row(7200.0, -0.3).build();
        ContactChangeOp op = new ContactChangeOp();
        OpResult r = op.run(ParamBinder.bind(ContactChangeOp.Params.class, Map.of("columns", "top-contact.contact_fraction",
                "echem_x", "time/s", "echem_y", "Ewe/V")), new OpInputs(Map.of("series", series(), "echem", echem)), null);
        org.tomolyte.core.Plot plot = r.plots().get(0);
        assertEquals("Ewe/V", plot.y2Label());
        assertEquals(3, plot.series2().get(0).y().length);
    }

    @Test
    void stackThicknessChangeFromTheFirstScan() {
        Map<String, Object> m = run(new StackThicknessOp(), Map.of("column", "pos.stack_thickness_um")).metrics().toMap();
        assertEquals(6.0, (double) m.get("change_um"), 1e-12);
        assertEquals(2.0, (double) m.get("change_percent"), 1e-12);
        assertThrows(ParameterException.class, () -> ParamBinder.bind(StackThicknessOp.Params.class, Map.of("top", "a")));
    }

    @Test
    void seriesTableReportsChangesFromTheFirstScan() {
        OpResult r = run(new SeriesTableOp(), Map.of("columns", "pos.stack_thickness_um, top_li.li_volume_um3", "relative", "difference"));
        Table t = (Table) r.outputs().get("table");
        assertEquals(6.0, t.number(2, "pos.stack_thickness_um_change"), 1e-12);
        assertEquals("time_s", t.columns().get(2).name());
        Table renamed = (Table) run(new SeriesTableOp(), Map.of("columns", "top-contact.contact_fraction as contact_fraction_top"))
                .outputs().get("table");
        assertEquals(0.6, renamed.number(2, "contact_fraction_top"), 0.0);
        assertEquals(5, run(new SeriesTableOp(), Map.of()).outputs().get("table") instanceof Table all ? all.columns().size() - 3 : -1,
                "every metric column by default");
    }
}
