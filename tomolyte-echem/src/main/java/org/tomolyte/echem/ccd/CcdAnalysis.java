package org.tomolyte.echem.ccd;

import java.util.ArrayList;
import java.util.List;
import org.tomolyte.core.InputException;
import org.tomolyte.core.ParameterException;

/**
 * Stepwise critical-current-density test of a symmetric Li | electrolyte | Li cell (paper 001,
 * Methods: current density raised stepwise from 0.1 to 4.0 mA/cm^2 in 0.25 mA/cm^2 increments,
 * 1-hour half cycles, two cycles per step; "the CCD was ascribed to the current at which a sharp
 * drop in potential was witnessed mid-half-cycle"; or, in the synchrotron runs, a 10 V cut-off
 * that moves the test to the next step).
 *
 * <p><b>Half cycles and steps.</b> A row is at rest when {@code |I| <= restCurrent}; a half cycle
 * is a run of rows with one current sign. Its current density is the median {@code |I|} of its
 * rows divided by the electrode area. A new step starts when a half cycle's current density
 * differs from the previous half cycle's by more than 1 %. Step length is therefore free: fixed
 * time or cut-off reached, both read the same.
 *
 * <p><b>Failure.</b> Within a half cycle, at row i (after its first row):
 * <ul>
 * <li>short: {@code |E_i| <= shortV} while current flows (a shorted cell shows no polarisation);</li>
 * <li>sharp drop: {@code |E_i| < (1 - dropFraction) * max |E_j|} over the earlier rows j of the same
 *     half cycle with {@code t_i - t_j <= dropWindowS} (the potential falls by more than
 *     {@code dropFraction} of its value within {@code dropWindowS}, mid half cycle, as a
 *     lithium filament bridges the electrolyte).</li>
 * </ul>
 * The first such row is the failure. The CCD is the current density of its step; the charge to
 * failure is {@code sum |I| dt / area} over every row up to the failure, in C/cm^2 (the charge of row
 * i is {@code |I_i| (t_i - t_(i-1))}). Defaults: {@code dropFraction = 0.5},
 * {@code dropWindowS = 300}, {@code shortV = 0.001}.
 */
public final class CcdAnalysis {

    private CcdAnalysis() {
    }

    /**
     * Settings.
     *
     * @param areaCm2       electrode area, cm^2 (> 0)
     * @param restCurrentMA |I| at or below this is rest, mA (>= 0)
     * @param dropFraction  relative potential drop that is a failure, in (0, 1)
     * @param dropWindowS   time over which the drop must happen, s (> 0)
     * @param shortV        |E| at or below this while current flows is a short, V (>= 0; 0 disables)
     */
    public record Settings(double areaCm2, double restCurrentMA, double dropFraction, double dropWindowS, double shortV) {
        public Settings {
            if (!(areaCm2 > 0) || !Double.isFinite(areaCm2)) {
                throw new ParameterException("area_cm2 must be > 0, got " + areaCm2);
            }
            if (!(restCurrentMA >= 0)) {
                throw new ParameterException("rest_current_ma must be >= 0, got " + restCurrentMA);
            }
            if (!(dropFraction > 0 && dropFraction < 1)) {
                throw new ParameterException("drop_fraction must be in (0, 1), got " + dropFraction);
            }
            if (!(dropWindowS > 0)) {
                throw new ParameterException("drop_window_s must be > 0, got " + dropWindowS);
            }
            if (!(shortV >= 0)) {
                throw new ParameterException("short_v must be >= 0, got " + shortV);
            }
        }
    }

    /**
     * One current step.
     *
     * @param step               step number from 1
     * @param currentDensity     current density, mA/cm^2
     * @param halfCycles         half cycles in the step (up to the failure)
     * @param startS             time of its first row, s
     * @param endS               time of its last row (or of the failure), s
     * @param chargeCcm2         charge passed in the step, C/cm^2
     * @param cumulativeCcm2     charge passed from the start to the end of the step, C/cm^2
     * @param maxAbsV            largest |E| in the step, V
     * @param failed             true for the step in which the cell failed
     */
    public record Step(int step, double currentDensity, int halfCycles, double startS, double endS, double chargeCcm2, double cumulativeCcm2,
            double maxAbsV, boolean failed) {
    }

    /** How the cell failed. */
    public enum FailureKind {
        /** No failure detected. */
        NONE,
        /** |E| fell to the short threshold. */
        SHORT,
        /** |E| dropped sharply mid half cycle. */
        DROP
    }

    /**
     * The result.
     *
     * @param steps               steps in order (the last is the failed one when there is a failure)
     * @param kind                how the cell failed
     * @param failureRow          row of the failure, or -1
     * @param failureTimeS        time of the failure, s (NaN when none)
     * @param ccd                 current density of the failed step, mA/cm^2 (NaN when none)
     * @param chargeToFailureCcm2 cumulative charge up to the failure, C/cm^2 (NaN when none)
     * @param maxPassed           largest current density of a step completed without failure, mA/cm^2 (NaN when none)
     */
    public record Result(List<Step> steps, FailureKind kind, int failureRow, double failureTimeS, double ccd, double chargeToFailureCcm2,
            double maxPassed) {
    }

    /** Analyses a record: time (s), potential (V), current (mA). */
    public static Result analyse(double[] timeS, double[] voltageV, double[] currentMA, Settings s) {
        int n = timeS.length;
        if (voltageV.length != n || currentMA.length != n) {
            throw new InputException("time, voltage and current columns must have the same length");
        }
        for (int i = 1; i < n; i++) {
            if (timeS[i] < timeS[i - 1]) {
                throw new InputException("time must not decrease: row " + i + " has " + timeS[i] + " s after " + timeS[i - 1] + " s");
            }
        }
        List<int[]> halves = new ArrayList<>();
        int dir = 0;
        int start = -1;
        int last = -1;
        for (int i = 0; i < n; i++) {
            int d = Math.abs(currentMA[i]) <= s.restCurrentMA() ? 0 : currentMA[i] > 0 ? 1 : -1;
            if (d == 0) {
                continue;
            }
            if (d != dir) {
                if (dir != 0) {
                    halves.add(new int[] {start, last});
                }
                dir = d;
                start = i;
            }
            last = i;
        }
        if (dir != 0) {
            halves.add(new int[] {start, last});
        }
        if (halves.isEmpty()) {
            throw new InputException("no current flows (every |I| <= " + s.restCurrentMA() + " mA): not a CCD test");
        }
        List<Step> steps = new ArrayList<>();
        double cumulative = 0;
        double stepJ = Double.NaN;
        int stepNo = 0;
        int stepHalves = 0;
        double stepStart = 0;
        double stepCharge = 0;
        double stepMax = 0;
        double stepEnd = 0;
        int prevEnd = -1;
        for (int[] h : halves) {
            double j = medianAbs(currentMA, h[0], h[1], s.restCurrentMA()) / s.areaCm2();
            if (Double.isNaN(stepJ) || Math.abs(j - stepJ) > 0.01 * stepJ) {
                if (!Double.isNaN(stepJ)) {
                    steps.add(new Step(stepNo, stepJ, stepHalves, stepStart, stepEnd, stepCharge, cumulative, stepMax, false));
                }
                stepNo++;
                stepJ = j;
                stepHalves = 0;
                stepStart = timeS[h[0]];
                stepCharge = 0;
                stepMax = 0;
            }
            stepHalves++;
            for (int i = Math.max(prevEnd + 1, 0); i <= h[1]; i++) {
                double dq = i > 0 && Math.abs(currentMA[i]) > s.restCurrentMA() ? Math.abs(currentMA[i]) * (timeS[i] - timeS[i - 1]) / 1000.0
                        / s.areaCm2() : 0;
                cumulative += dq;
                stepCharge += dq;
                stepEnd = timeS[i];
                if (i < h[0] || Math.abs(currentMA[i]) <= s.restCurrentMA()) {
                    continue;
                }
                double a = Math.abs(voltageV[i]);
                stepMax = Math.max(stepMax, a);
                if (i > h[0]) {
                    FailureKind k = FailureKind.NONE;
                    if (a <= s.shortV()) {
                        k = FailureKind.SHORT;
                    } else {
                        double windowMax = 0;
                        for (int jrow = i - 1; jrow >= h[0] && timeS[i] - timeS[jrow] <= s.dropWindowS(); jrow--) {
                            windowMax = Math.max(windowMax, Math.abs(voltageV[jrow]));
                        }
                        if (a < (1 - s.dropFraction()) * windowMax) {
                            k = FailureKind.DROP;
                        }
                    }
                    if (k != FailureKind.NONE) {
                        steps.add(new Step(stepNo, stepJ, stepHalves, stepStart, timeS[i], stepCharge, cumulative, stepMax, true));
                        double passed = steps.size() > 1 ? steps.get(steps.size() - 2).currentDensity() : Double.NaN;
                        return new Result(List.copyOf(steps), k, i, timeS[i], stepJ, cumulative, passed);
                    }
                }
            }
            prevEnd = h[1];
        }
        steps.add(new Step(stepNo, stepJ, stepHalves, stepStart, stepEnd, stepCharge, cumulative, stepMax, false));
        return new Result(List.copyOf(steps), FailureKind.NONE, -1, Double.NaN, Double.NaN, Double.NaN,
                steps.stream().mapToDouble(Step::currentDensity).max().orElse(Double.NaN));
    }

    private static double medianAbs(double[] current, int from, int to, double rest) {
        double[] v = new double[to - from + 1];
        int k = 0;
        for (int i = from; i <= to; i++) {
            if (Math.abs(current[i]) > rest) {
                v[k++] = Math.abs(current[i]);
            }
        }
        double[] w = java.util.Arrays.copyOf(v, k);
        java.util.Arrays.sort(w);
        return k % 2 == 1 ? w[k / 2] : 0.5 * (w[k / 2 - 1] + w[k / 2]);
    }
}
