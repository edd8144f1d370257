package org.tomolyte.echem;

import java.util.ArrayList;
import java.util.List;
import org.tomolyte.core.Table;

/** Generated electrochemistry records with known answers, shared by the tests. */
public final class Synthetic {

    private Synthetic() {
    }

    /** Rows of time (s), potential (V), current (mA), cycle number. */
    public record Rows(List<double[]> rows) {
        /** As a table with EC-Lab names ({@code time/s, Ewe/V, <I>/mA, cycle number}). */
        public Table ecLab(boolean withCycle) {
            Table.Builder b = Table.builder("eclab").column("time/s", "s", Table.Kind.REAL, "")
                    .column("Ewe/V", "V", Table.Kind.REAL, "").column("<I>/mA", "mA", Table.Kind.REAL, "");
            if (withCycle) {
                b.column("cycle number", "", Table.Kind.REAL, "");
            }
            for (double[] r : rows) {
                b.row(withCycle ? new Object[] {r[0], r[1], r[2], r[3]} : new Object[] {r[0], r[1], r[2]});
            }
            return b.build();
        }

        /** One column. */
        public double[] column(int c) {
            return rows.stream().mapToDouble(r -> r[c]).toArray();
        }
    }

    /** Discharge steps (of 1/60 mAh: 1 mA for 60 s) of cycle k (1-based): 120 - k before cycle 30, 60 from cycle 30 on. */
    public static int dischargeSteps(int k) {
        return k < 30 ? 120 - k : 60;
    }

    /** Erratic half cycle: the discharge of this cycle alternates by +-20 mV. */
    public static final int ERRATIC_CYCLE = 32;

    /**
     * A cathode cell cycled at +-1 mA, one row every 60 s, 40 cycles: charge of {@code d_k + 1}
     * steps, discharge of {@code d_k} steps (so CE = d/(d+1)), one rest row between half cycles.
     * Charge voltage 3.7 + 0.1 j/n, discharge 3.6 - 0.1 j/n (j = 1..n), the discharge of
     * {@link #ERRATIC_CYCLE} with +-20 mV alternation added.
     */
    public static Rows cycling() {
        List<double[]> rows = new ArrayList<>();
        double t = 0;
        rows.add(new double[] {t, 3.6, 0, 1});
        for (int k = 1; k <= 40; k++) {
            int d = dischargeSteps(k);
            int c = d + 1;
            for (int j = 1; j <= c; j++) {
                t += 60;
                rows.add(new double[] {t, 3.7 + 0.1 * j / c, 1.0, k});
            }
            t += 60;
            rows.add(new double[] {t, 3.75, 0, k});
            for (int j = 1; j <= d; j++) {
                t += 60;
                double e = 3.6 - 0.1 * j / d + (k == ERRATIC_CYCLE ? (j % 2 == 0 ? 0.02 : -0.02) : 0);
                rows.add(new double[] {t, e, -1.0, k});
            }
            t += 60;
            rows.add(new double[] {t, 3.55, 0, k});
        }
        return new Rows(rows);
    }

    /** Current densities of the CCD steps, mA/cm^2 (paper 001: 0.1 to 4.0 in 0.25 steps). */
    public static double ccdStep(int s) {
        return 0.1 + 0.25 * (s - 1);
    }

    /**
     * A stepwise CCD test on 0.5 cm^2: each step two cycles of 1-hour half cycles (plate +, strip -),
     * one row every 30 s, potential 20 Ohm cm^2 x j (V = 0.02 j) with a slow rise; the cell fails in
     * step {@code failStep}, second half cycle, at 1800 s into it: the potential falls to
     * {@code failV} and stays there.
     */
    public static Rows ccd(int failStep, double failV) {
        List<double[]> rows = new ArrayList<>();
        double area = 0.5;
        double t = 0;
        rows.add(new double[] {t, 0, 0, 0});
        boolean failed = false;
        for (int s = 1; s <= 16; s++) {
            double j = ccdStep(s);
            for (int h = 1; h <= 4; h++) {
                double sign = h % 2 == 1 ? 1 : -1;
                for (int r = 1; r <= 120; r++) {
                    t += 30;
                    double e = sign * (0.02 * j) * (1 + 0.1 * r / 120.0);
                    if (s == failStep && h == 2 && r * 30 >= 1800 || failed) {
                        failed = true;
                        e = sign * failV;
                    }
                    rows.add(new double[] {t, e, sign * j * area, s});
                }
            }
        }
        return new Rows(rows);
    }
}
