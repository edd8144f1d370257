package org.tomolyte.analysis.series;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Plot;
import org.tomolyte.core.Table;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;

/**
 * {@code series.electrode_charge}: the charge implied by the change of lithium in each electrode
 * between consecutive scans of an operando series, the fraction of the applied charge that came
 * from stripping lithium metal (Lewis et al., paper 003: 0.72 and 0.51) and the plated-minus-
 * stripped mismatch per step (Dixit et al., paper 001, Fig. 7b). A series-level step: its input
 * is the series table, whose columns name the per-scan metrics (e.g. {@code top-li.li_volume_um3}
 * from an {@code interface.lithium} step with id {@code top-li}). See {@link ElectrodeCharge}.
 *
 * <p>Output table {@code charge}: one row per step ({@code from_index, to_index, from_item,
 * to_item, dt_s, top_dV_um3, bottom_dV_um3, top_charge_C, bottom_charge_C, top_charge_mAh_cm2,
 * bottom_charge_mAh_cm2, stripped_C, plated_C, mismatch_C, applied_C, stripping_fraction}); plot
 * {@code charge}: plated and stripped charge per step. Metrics {@code stripped_C, plated_C,
 * stripped_mAh_cm2, plated_mAh_cm2, mismatch_C, applied_C, stripping_fraction, area_um2}.
 */
public final class ElectrodeChargeOp implements Op<ElectrodeChargeOp.Params> {

    /** How the Li amount of an electrode is measured per scan. */
    public enum Source {
        /** Lithium volume in um^3 (e.g. {@code interface.lithium}'s {@code li_volume_um3}). */
        VOLUME,
        /** Mean lithium thickness in um, times the analysed area (e.g. {@code li_thickness_mean_um}). */
        THICKNESS
    }

    /**
     * Parameters.
     *
     * @param source              volume or thickness columns
     * @param top                 series column of the top electrode's Li volume (um^3) or mean thickness (um)
     * @param bottom              series column of the bottom electrode's
     * @param areaColumn          series column of the analysed area per scan, um^2 (or give area_um2)
     * @param areaUm2             analysed area, um^2, when constant
     * @param currentDensityMaCm2 applied current density magnitude, mA/cm^2 (optional)
     * @param chargeColumn        series column with the cumulative charge passed per unit area, mAh/cm^2 (optional; wins over the current)
     * @param time                series column of the scan time in s
     */
    public record Params(
            @Param(doc = "volume (um^3 per scan) or thickness (mean um per scan, times the area)", defaultValue = "volume") Source source,
            @Param(doc = "series column of the top electrode's Li volume or mean thickness, e.g. top-li.li_volume_um3") String top,
            @Param(doc = "series column of the bottom electrode's Li volume or mean thickness, e.g. bottom-li.li_volume_um3") String bottom,
            @Param(doc = "series column of the analysed area per scan, e.g. bottom-li.analysed_area_um2", optional = true) String areaColumn,
            @Param(doc = "analysed area when constant", unit = "um^2", optional = true, min = 0, minExclusive = true) Double areaUm2,
            @Param(doc = "applied current density magnitude", unit = "mA/cm^2", optional = true, min = 0) Double currentDensityMaCm2,
            @Param(doc = "series column of the cumulative charge passed per unit area (mAh/cm^2), e.g. from series.values", optional = true)
            String chargeColumn,
            @Param(doc = "series column of the scan time", unit = "s", defaultValue = "time_s") String time) {
        public Params {
            org.tomolyte.core.op.Check.required("source", source);
            if (top == null || top.isBlank() || bottom == null || bottom.isBlank()) {
                throw new ParameterException("top and bottom must name series columns, got top=" + top + ", bottom=" + bottom);
            }
            if ((areaColumn == null) == (areaUm2 == null)) {
                throw new ParameterException("give exactly one of area_column (series column, um^2) and area_um2, got area_column=" + areaColumn
                        + ", area_um2=" + areaUm2);
            }
        }
    }

    @Override
    public String id() {
        return "series.electrode_charge";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Charge from the Li volume (or thickness) change of each electrode between scans; stripping fraction of the applied charge; plated-stripped mismatch";
    }

    @Override
    public String reference() {
        return "Lewis et al. (paper 003) Fig. 2 (Li volume change, fraction of current from Li stripping); Dixit et al. (paper 001) Fig. 7b";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.table("series", "the series table (one row per scan; the protocol's series: block gives time_s)"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.table("charge", "one row per step between consecutive scans"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        return Map.of("charge", new DataSpec.TableSpec("charge"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Table t = in.table("series");
        int n = t.rowCount();
        double[] area = p.areaColumn() != null ? SeriesColumns.numbers(t, p.areaColumn(), "area_column") : filled(n, p.areaUm2());
        double[] top = SeriesColumns.numbers(t, p.top(), "top");
        double[] bottom = SeriesColumns.numbers(t, p.bottom(), "bottom");
        if (p.source() == Source.THICKNESS) {
            for (int i = 0; i < n; i++) {
                top[i] *= area[i];
                bottom[i] *= area[i];
            }
        }
        boolean hasTime = SeriesColumns.index(t, SeriesColumns.normalise(p.time())) >= 0;
        double[] time = hasTime ? SeriesColumns.numbers(t, p.time(), "time") : null;
        if (p.currentDensityMaCm2() != null && time == null && p.chargeColumn() == null) {
            throw new ParameterException("current_density_ma_cm2 needs scan times: the series table has no column '" + p.time()
                    + "' (give series: values: {time_s: [...]} in the protocol)");
        }
        double[] charge = p.chargeColumn() == null ? null : SeriesColumns.numbers(t, p.chargeColumn(), "charge_column");
        ElectrodeCharge.Result r = ElectrodeCharge.compute(time, top, bottom, area,
                p.currentDensityMaCm2() == null ? Double.NaN : p.currentDensityMaCm2(), charge);
        String[] items = SeriesColumns.items(t);
        Table.Builder b = Table.builder("charge")
                .column("from_index", "", Table.Kind.INTEGER, "earlier scan")
                .column("to_index", "", Table.Kind.INTEGER, "later scan")
                .column("from_item", "", Table.Kind.TEXT, "earlier scan name")
                .column("to_item", "", Table.Kind.TEXT, "later scan name")
                .column("dt_s", "s", Table.Kind.REAL, "time between the scans")
                .column("top_dV_um3", "um^3", Table.Kind.REAL, "change of the top electrode's Li volume")
                .column("bottom_dV_um3", "um^3", Table.Kind.REAL, "change of the bottom electrode's Li volume")
                .column("top_charge_C", "C", Table.Kind.REAL, "charge from the top electrode (positive: stripped)")
                .column("bottom_charge_C", "C", Table.Kind.REAL, "charge from the bottom electrode (positive: stripped)")
                .column("top_charge_mAh_cm2", "mAh/cm^2", Table.Kind.REAL, "top charge per analysed area")
                .column("bottom_charge_mAh_cm2", "mAh/cm^2", Table.Kind.REAL, "bottom charge per analysed area")
                .column("stripped_C", "C", Table.Kind.REAL, "charge from Li lost by the electrodes")
                .column("plated_C", "C", Table.Kind.REAL, "charge into Li gained by the electrodes")
                .column("mismatch_C", "C", Table.Kind.REAL, "plated minus stripped")
                .column("applied_C", "C", Table.Kind.REAL, "charge passed through the analysed area (NaN when unknown)")
                .column("stripping_fraction", "", Table.Kind.REAL, "stripped / applied");
        double[] stepX = new double[r.steps().size()];
        double[] strippedY = new double[stepX.length];
        double[] platedY = new double[stepX.length];
        for (int k = 0; k < r.steps().size(); k++) {
            ElectrodeCharge.Step s = r.steps().get(k);
            double areaCm2 = 0.5 * (area[s.from()] + area[s.to()]) * 1e-8;
            b.row((long) s.from(), (long) s.to(), items[s.from()], items[s.to()], s.dtS(), s.topDvUm3(), s.bottomDvUm3(), s.topChargeC(),
                    s.bottomChargeC(), ElectrodeCharge.mAh(s.topChargeC()) / areaCm2, ElectrodeCharge.mAh(s.bottomChargeC()) / areaCm2,
                    s.strippedC(), s.platedC(), s.mismatchC(), s.appliedC(), s.strippingFraction());
            stepX[k] = s.to();
            strippedY[k] = ElectrodeCharge.mAh(s.strippedC()) / areaCm2;
            platedY[k] = ElectrodeCharge.mAh(s.platedC()) / areaCm2;
        }
        double areaCm2 = r.areaUm2() * 1e-8;
        OpResult out = new OpResult().table("charge", b.build());
        out.metrics().put("stripped_C", r.strippedC()).put("plated_C", r.platedC())
                .put("stripped_mAh_cm2", ElectrodeCharge.mAh(r.strippedC()) / areaCm2)
                .put("plated_mAh_cm2", ElectrodeCharge.mAh(r.platedC()) / areaCm2)
                .put("mismatch_C", r.mismatchC()).put("applied_C", r.appliedC())
                .put("stripping_fraction", r.strippingFraction()).put("area_um2", r.areaUm2());
        List<Plot.Series> series = new ArrayList<>();
        series.add(new Plot.Series("stripped", stepX, strippedY));
        series.add(new Plot.Series("plated", stepX, platedY));
        out.plot(new Plot("charge", "Charge from Li stripped and plated per step", "step (index of the later scan)",
                "charge per analysed area (mAh/cm^2)", Plot.Kind.LINE, false, series));
        return out;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
