package org.tomolyte.echem.eclab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.Table;

/**
 * Known answers of {@link EcLabCycleColumns} on a hand-made charge / discharge / rest / new-loop record, worked out
 * by hand from the definitions (the comparison with EC-Lab's own exports is {@link EcLabPairTest}).
 */
class EcLabCycleColumnsTest {

    private static Table record() {
        return Tables.of("t", List.of(
                Tables.Added.real("mode", "", "", new double[] {3, 1, 1, 1, 1, 3, 1, 1}),
                Tables.Added.real("time/s", "s", "", new double[] {0, 1, 2, 3, 4, 5, 6, 7}),
                Tables.Added.real("Ewe/V", "V", "", new double[] {3.0, 3.1, 3.3, 3.0, 2.9, 2.95, 3.0, 3.2}),
                Tables.Added.real("Q charge/discharge/mA.h", "mA.h", "", new double[] {0, 1, 2, -0.5, -1.5, -1.5, 0.25, 1.25}),
                Tables.Added.real("half cycle", "", "", new double[] {0, 0, 0, 1, 1, 1, 2, 2}),
                Tables.Added.real("cycle number", "", "", new double[] {0, 0, 0, 0, 0, 0, 1, 1})));
    }

    private static double[] column(List<Tables.Added> cols, String name) {
        Tables.Added a = cols.stream().filter(c -> c.column().name().equals(name)).findFirst().orElseThrow();
        double[] v = new double[a.values().length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (Double) a.values()[i];
        }
        return v;
    }

    @Test
    void energyCapacitanceEfficiencyAndStepTimeByHand() {
        var ctx = new EcLabCycleColumns.Context(MprReader.TECHNIQUES.get(4), new long[] {0, 6}, true, null);
        List<Tables.Added> cols = EcLabCycleColumns.derive(record(), ctx);
        double tol = 1e-12;
        // Ewe dQ / 1000 summed over the charge rows of the cycle; 0 increment on row 6, a loop's first row.
        assertArrayEquals(new double[] {0, 0.0031, 0.0064, 0.0064, 0.0064, 0.0064, 0, 0.0032}, column(cols, "Energy charge/W.h"), tol);
        assertArrayEquals(new double[] {0, 0, 0, 0.0015, 0.0044, 0.0044, 0, 0}, column(cols, "Energy discharge/W.h"), tol);
        // |Q| 3.6 / |Ewe - E0| in µF, E0 at the half cycle's first row with Q != 0; held at rest (row 5).
        assertArrayEquals(new double[] {0, 0, 3.6e7, 3.6e7, 3.6e7, 3.6e7, 0, 2.25e7}, column(cols, "Capacitance charge/\u00b5F"), 1e-5);
        assertArrayEquals(new double[] {0, 0, 0, 0, 5.4e7, 5.4e7, 0, 0}, column(cols, "Capacitance discharge/\u00b5F"), 1e-5);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 75, 0, 0}, column(cols, "Efficiency/%"), 1e-5);
        assertArrayEquals(new double[] {0, 1, 2, 0, 1, 0, 0, 1}, column(cols, "step time/s"), tol);
    }

    @Test
    void oldLayoutHasNoStepTimeAndImpedanceOnlyEfficiency() {
        List<Tables.Added> old = EcLabCycleColumns.derive(record(), new EcLabCycleColumns.Context(MprReader.TECHNIQUES.get(4), new long[0], false, null));
        assertFalse(old.stream().anyMatch(c -> c.column().name().equals("step time/s")));
        Table eis = Tables.append(record(), "t", List.of(Tables.Added.real("freq/Hz", "Hz", "", new double[8])));
        List<Tables.Added> imp = EcLabCycleColumns.derive(eis, EcLabCycleColumns.Context.of(MprReader.TECHNIQUES.get(127)));
        assertEquals(List.of("Efficiency/%"), imp.stream().map(c -> c.column().name()).toList());
    }

    @Test
    void insertionDegreeFromCellCharacteristics() {
        // 1 mg of M = 100 g/mol, one electron: DQ = 96485.4 C/mol * 1e-5 mol / 3.6 = 0.268015 mA.h per unit of x.
        EcLabCell cell = new EcLabCell(1.0, 0, 100, 7, 0.5, 1);
        assertEquals(0.268015, cell.chargePerX_mAh(), 1e-12);
        Table t = Tables.of("t", List.of(Tables.Added.real("(Q-Qo)/mA.h", "mA.h", "", new double[] {0, 0.268015, -0.134})));
        List<Tables.Added> cols = EcLabCycleColumns.derive(t, new EcLabCycleColumns.Context(MprReader.TECHNIQUES.get(127), new long[0], true, cell));
        assertArrayEquals(new double[] {0.5, -0.5, 0.5 + 0.134 / 0.268015}, column(cols, "x"), 1e-12);
        assertEquals(0, new EcLabCell(1.0, 0.2, 100, 7, 0.5, 1).chargePerX_mAh(), "mass given at x != 0: conversion unknown, no x");
    }
}
