package org.tomolyte.echem.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Table;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;

/**
 * The symmetric-cell model: hand-checked voltages, and a cell simulated with known parameters
 * (1 mA/cm^2, two 5 h half cycles, bottom contact falling to 48 % in the second half cycle,
 * interphase growing to 10 um) whose interphase conductivity and i0 the fit recovers.
 */
class SymmetricCellTest {

    private static final double HALF_S = 5 * 3600;

    @Test
    void voltageIsSumOfParts() {
        SymmetricCell cell = new SymmetricCell(1000, 2.1e-3);
        ButlerVolmer bv = new ButlerVolmer(0.5, 0.5, 0.5, 298.15);
        SymmetricCell.State s = new SymmetricCell.State(1.0, 1.0, 0.5, 4.0);
        SymmetricCell.Voltage v = cell.voltage(bv, 1e-5, s);
        // electrolyte: 1e-3 A/cm^2 * 0.1 cm / 2.1e-3 S/cm = 0.047619 V; interphase: 1e-3 * 4e-4 / 1e-5 = 0.04 V
        assertEquals(1e-3 * 0.1 / 2.1e-3, v.ohmicElectrolyteV(), 1e-15);
        assertEquals(0.04, v.ohmicInterphaseV(), 1e-15);
        // local current: top 1 mA/cm^2 (anodic), bottom -2 mA/cm^2 (cathodic, half the contact)
        assertEquals(bv.overpotential(1.0), v.etaTopV(), 0);
        assertEquals(bv.overpotential(-2.0), v.etaBottomV(), 0);
        double f = 96485.33212 / (8.314462618 * 298.15);
        double expected = ButlerVolmer.asinh(1.0) / (0.5 * f) + ButlerVolmer.asinh(2.0) / (0.5 * f) + 0.04 + 1e-3 * 0.1 / 2.1e-3;
        assertEquals(expected, v.cellV(), 1e-14);
        // reversing the current reverses the voltage of a symmetric cell with symmetric kinetics
        SymmetricCell.State r = new SymmetricCell.State(-1.0, 0.5, 1.0, 4.0);
        assertEquals(-v.cellV(), cell.voltage(bv, 1e-5, r).cellV(), 1e-14);
        assertThrows(InputException.class, () -> new SymmetricCell.State(1, 0, 1, 0));
    }

    /** Interfaces table of the simulated cell, sampled every 15 min (like the operando scans). */
    static Table interfaces() {
        Table.Builder t = Table.builder("interfaces")
                .column("time_s", "s", Table.Kind.REAL, "")
                .column("contact_fraction_top", "", Table.Kind.REAL, "")
                .column("contact_fraction_bottom", "", Table.Kind.REAL, "")
                .column("interphase_thickness_um", "um", Table.Kind.REAL, "");
        for (int k = 0; k <= 40; k++) {
            double ts = k * 900.0;
            double top = 1.0 - 0.02 * ts / (2 * HALF_S);
            double bottom = ts < HALF_S ? 1.0 : 1.0 - 0.52 * Math.pow((ts - HALF_S) / HALF_S, 2);
            t.row(ts, top, bottom, 10 * ts / (2 * HALF_S));
        }
        return t.build();
    }

    /** Voltage "measured" on the simulated cell every 60 s, with optional noise (V). */
    static Table voltage(SymmetricCellOp.Params truth, double kTrue, double noiseV, long seed) {
        Table it = interfaces();
        double[] ti = new double[it.rowCount()];
        double[] top = new double[ti.length];
        double[] bot = new double[ti.length];
        double[] th = new double[ti.length];
        for (int r = 0; r < ti.length; r++) {
            ti[r] = it.number(r, "time_s");
            top[r] = it.number(r, "contact_fraction_top");
            bot[r] = it.number(r, "contact_fraction_bottom");
            th[r] = it.number(r, "interphase_thickness_um");
        }
        SymmetricCell cell = new SymmetricCell(truth.electrolyteThicknessUm(), truth.electrolyteConductivitySiemensPerCm());
        ButlerVolmer bv = new ButlerVolmer(truth.alphaA(), truth.alphaC(), truth.i0MaCm2(), truth.temperatureK());
        Random rnd = new Random(seed);
        Table.Builder t = Table.builder("voltage").column("time_s", "s", Table.Kind.REAL, "").column("voltage_V", "V", Table.Kind.REAL, "");
        for (int k = 0; k < 600; k++) {
            double ts = k * 60.0;
            SymmetricCell.State s = SymmetricCell.stateAt(ts, truth.currentDensityMaCm2(), truth.halfCycleS(), ti, top, bot, th);
            t.row(ts, cell.voltage(bv, kTrue, s).cellV() + noiseV * rnd.nextGaussian());
        }
        return t.build();
    }

    private static SymmetricCellOp.Params params(double alphaA, double alphaC, double i0, boolean fitI0) {
        return new SymmetricCellOp.Params(1000, 2.1e-3, 1.0, HALF_S, alphaA, alphaC, i0, 298.15, fitI0, null, null);
    }

    private static OpResult run(SymmetricCellOp.Params p, Table voltage) {
        return new SymmetricCellOp().run(p, new OpInputs(Map.of("interfaces", interfaces(), "voltage", voltage)), OpContext.QUIET);
    }

    @Test
    void fitRecoversInterphaseConductivityAndPredictsTheSecondHalfCycle() {
        double kTrue = 2e-5;
        SymmetricCellOp.Params truth = params(0.5, 0.5, 0.3, false);
        OpResult r = run(truth, voltage(truth, kTrue, 0, 1));
        Map<String, Object> m = r.metrics().toMap();
        assertEquals(kTrue, (Double) m.get("interphase_conductivity_S_cm"), 1e-8 * kTrue);
        assertEquals(300L, m.get("fit_points"));
        assertTrue((Double) m.get("prediction_rms_V") < 1e-9);
        Table model = (Table) r.outputs().get("model");
        assertEquals(600, model.rowCount());
        int last = 599;
        assertEquals(model.number(last, "measured_V"), model.number(last, "model_measured_contact_V"), 1e-9);
        // second half cycle: current reversed, full contact gives a smaller |V| than 1 % contact
        assertTrue(model.number(last, "current_mA_cm2") < 0);
        assertTrue(Math.abs(model.number(last, "model_contact_100pct_V")) < Math.abs(model.number(last, "model_contact_25pct_V")));
        assertTrue(Math.abs(model.number(last, "model_contact_25pct_V")) < Math.abs(model.number(last, "model_contact_1pct_V")));
        assertEquals(List.of("measured", "model, measured contact", "model, contact 100 %", "model, contact 25 %", "model, contact 1 %"),
                r.plots().getFirst().series().stream().map(s -> s.label()).toList());
    }

    @Test
    void fitRecoversConductivityAndExchangeCurrentWithUnequalAlphasAndNoise() {
        double kTrue = 5e-6;
        SymmetricCellOp.Params truth = params(0.3, 0.7, 0.8, true);
        // start i0 far from the truth
        SymmetricCellOp.Params start = params(0.3, 0.7, 0.1, true);
        OpResult r = run(start, voltage(truth, kTrue, 0.001, 3));
        Map<String, Object> m = r.metrics().toMap();
        double k = (Double) m.get("interphase_conductivity_S_cm");
        double kErr = (Double) m.get("interphase_conductivity_std_error_S_cm");
        double i0 = (Double) m.get("i0_mA_cm2");
        double i0Err = (Double) m.get("i0_std_error_mA_cm2");
        // 1 mV noise on 300 points: within 4 standard errors, and within 2 % / 10 %
        assertEquals(kTrue, k, 4 * kErr);
        assertEquals(kTrue, k, 0.02 * kTrue);
        assertEquals(0.8, i0, 4 * i0Err);
        assertEquals(0.8, i0, 0.08);
        assertEquals(0.001, (Double) m.get("fit_rms_V"), 0.0002);
    }

    @Test
    void theStateFollowsTheScheduleAndInterpolatesTheMeasurements() {
        double[] times = {0, 100, 300};
        double[] top = {1, 0.8, 0.4};
        double[] bottom = {1, 1, 0.5};
        double[] interphase = {0, 1, 3};
        SymmetricCell.State a = SymmetricCell.stateAt(50, 2, 200, times, top, bottom, interphase);
        assertEquals(2, a.currentMaCm2(), 0.0);
        assertEquals(0.9, a.contactTop(), 1e-12);
        assertEquals(1, a.contactBottom(), 1e-12);
        assertEquals(0.5, a.interphaseThicknessUm(), 1e-12);
        SymmetricCell.State b = SymmetricCell.stateAt(250, 2, 200, times, top, bottom, interphase);
        assertEquals(-2, b.currentMaCm2(), 0.0, "reversed in the second half cycle");
        assertEquals(0.5, b.contactTop(), 1e-12);
        assertEquals(0.625, b.contactBottom(), 1e-12);
        assertEquals(2.5, b.interphaseThicknessUm(), 1e-12);
        SymmetricCell.State c = SymmetricCell.stateAt(450, 2, 200, times, top, bottom, interphase);
        assertEquals(2, c.currentMaCm2(), 0.0, "third half cycle");
        assertEquals(0.4, c.contactTop(), 0.0, "held after the last measurement");
    }
}
