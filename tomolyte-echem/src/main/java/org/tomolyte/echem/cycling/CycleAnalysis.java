package org.tomolyte.echem.cycling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tomolyte.core.InputException;
import org.tomolyte.core.ParameterException;

/**
 * Per-cycle capacities, coulombic efficiency, retention, mean voltages, the abrupt capacity drop
 * and erratic-voltage segments of a galvanostatic cycling record (paper 000, Fig. S1: gradual fade
 * for ~30 cycles, then a sudden drop between cycles 35 and 40 with the voltage "jumping up and
 * down instead of smoothly increasing or decreasing"; paper 002, Fig. 4: retention and coulombic
 * efficiency).
 *
 * <p><b>Half cycles.</b> A row is at rest when {@code |I| <= restCurrent}; otherwise it charges
 * ({@code I > 0}, oxidation, EC-Lab's sign) or discharges ({@code I < 0}). A half cycle is a run of
 * rows of one direction; rests inside it do not end it, a change of direction does. The charge of
 * row i is {@code I_i (t_i - t_(i-1)) / 3600} mAh (EC-Lab's current is the mean over the interval
 * that ends at the row), so piecewise-constant currents integrate exactly.
 *
 * <p><b>Cycles.</b> With a cycle column (EC-Lab's {@code cycle number}) a half cycle belongs to the
 * cycle of its first row; without one, a cycle starts at every half cycle whose direction is that
 * of the record's first half cycle. The cycle's "in" direction is the direction of the record's
 * first half cycle and its "out" direction the other one (a cathode cell charges first: in = charge,
 * out = discharge; a lithium-metal or anode cell may discharge first).
 * {@code coulombic efficiency = Q_out / Q_in}; retention is {@code Q_out} over {@code Q_out} of cycle 1
 * and of the reference cycle.
 *
 * <p><b>Mean voltages</b> are time-weighted means of E over the rows of each direction; their
 * difference (charge minus discharge) is the voltage gap, whose growth is overpotential growth.
 *
 * <p><b>Abrupt capacity drop</b> (change point): the first cycle k (after the first {@code window}
 * cycles) whose out capacity falls below {@code (1 - dropFraction)} times the median out capacity
 * of the {@code window} cycles before it. A gradual fade of less than {@code dropFraction} over
 * {@code window} cycles never triggers it; a step down of more than {@code dropFraction} always does.
 * Defaults: {@code dropFraction = 0.2}, {@code window = 5}.
 *
 * <p><b>Erratic voltage</b>: within a half cycle a reversal is a sign change between consecutive
 * voltage steps that are both larger than {@code jumpV} in magnitude (up then down, or down then
 * up, by more than the noise). A half cycle with at least {@code minReversals} reversals is an
 * erratic segment. Smooth curves, also noisy ones whose noise stays below {@code jumpV}, have none.
 * Defaults: {@code jumpV = 0.005} V, {@code minReversals = 3}.
 */
public final class CycleAnalysis {

    private CycleAnalysis() {
    }

    /**
     * Settings.
     *
     * @param referenceCycle cycle number retention is also given against (1-based position in the cycle list)
     * @param restCurrentMA  |I| at or below this is rest, mA (>= 0)
     * @param dropFraction   relative drop that counts as abrupt, in (0, 1)
     * @param window         cycles in the baseline median, >= 1
     * @param jumpV          voltage step counted in a reversal, V (> 0)
     * @param minReversals   reversals that make a half cycle erratic, >= 1
     */
    public record Settings(int referenceCycle, double restCurrentMA, double dropFraction, int window, double jumpV,
            int minReversals) {
        public Settings {
            if (referenceCycle < 1) {
                throw new ParameterException("reference_cycle must be >= 1, got " + referenceCycle);
            }
            if (!(restCurrentMA >= 0)) {
                throw new ParameterException("rest_current_ma must be >= 0, got " + restCurrentMA);
            }
            if (!(dropFraction > 0 && dropFraction < 1)) {
                throw new ParameterException("drop_fraction must be in (0, 1), got " + dropFraction);
            }
            if (window < 1) {
                throw new ParameterException("drop_window must be >= 1, got " + window);
            }
            if (!(jumpV > 0)) {
                throw new ParameterException("jump_v must be > 0, got " + jumpV);
            }
            if (minReversals < 1) {
                throw new ParameterException("min_reversals must be >= 1, got " + minReversals);
            }
        }

        /** Defaults: reference cycle 1, rest at |I| = 0, 20 % drop against 5 cycles, 5 mV jumps, 3 reversals. */
        public static Settings defaults() {
            return new Settings(1, 0, 0.2, 5, 0.005, 3);
        }
    }

    /**
     * One half cycle.
     *
     * @param cycle     cycle number it belongs to
     * @param charge    true for a charge (I > 0)
     * @param firstRow  first row index
     * @param lastRow   last row index (inclusive)
     * @param capacityMAh charge passed, mAh (positive)
     * @param meanV     time-weighted mean voltage, V
     * @param reversals voltage reversals (see class doc)
     * @param maxJumpV  largest single voltage step, V
     */
    public record HalfCycle(long cycle, boolean charge, int firstRow, int lastRow, double capacityMAh, double meanV, int reversals,
            double maxJumpV) {
    }

    /**
     * One cycle.
     *
     * @param cycle           cycle number
     * @param chargeMAh       charge capacity, mAh
     * @param dischargeMAh    discharge capacity, mAh
     * @param efficiency      Q_out / Q_in (NaN when Q_in is 0)
     * @param retentionFirst  Q_out / Q_out of the first cycle
     * @param retentionRef    Q_out / Q_out of the reference cycle
     * @param meanChargeV     time-weighted mean charge voltage, V (NaN without charge)
     * @param meanDischargeV  time-weighted mean discharge voltage, V (NaN without discharge)
     * @param reversals       voltage reversals over the cycle's half cycles
     */
    public record Cycle(long cycle, double chargeMAh, double dischargeMAh, double efficiency, double retentionFirst, double retentionRef,
            double meanChargeV, double meanDischargeV, int reversals) {
        /** Mean charge minus mean discharge voltage, V. */
        public double gapV() {
            return meanChargeV - meanDischargeV;
        }
    }

    /**
     * The result.
     *
     * @param halfCycles  half cycles in time order
     * @param cycles      cycles in order
     * @param chargeFirst true when the record starts with a charge (in = charge, out = discharge)
     * @param dropCycle   cycle number of the abrupt capacity drop, or -1 when none
     * @param erratic     the erratic half cycles
     */
    public record Result(List<HalfCycle> halfCycles, List<Cycle> cycles, boolean chargeFirst, long dropCycle, List<HalfCycle> erratic) {
    }

    /**
     * Analyses a record.
     *
     * @param timeS    time, s, non-decreasing
     * @param voltageV working electrode potential, V
     * @param currentMA current, mA, positive = charge
     * @param cycleCol cycle number per row, or null to derive cycles from the half cycles
     */
    public static Result analyse(double[] timeS, double[] voltageV, double[] currentMA, long[] cycleCol, Settings s) {
        int n = timeS.length;
        if (voltageV.length != n || currentMA.length != n || cycleCol != null && cycleCol.length != n) {
            throw new InputException("time, voltage, current (and cycle) columns must have the same length");
        }
        for (int i = 1; i < n; i++) {
            if (timeS[i] < timeS[i - 1]) {
                throw new InputException("time must not decrease: row " + i + " has " + timeS[i] + " s after " + timeS[i - 1] + " s");
            }
        }
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        int dir = 0;
        int last = -1;
        for (int i = 0; i < n; i++) {
            int d = Math.abs(currentMA[i]) <= s.restCurrentMA() ? 0 : currentMA[i] > 0 ? 1 : -1;
            if (d == 0) {
                continue;
            }
            if (d != dir) {
                if (dir != 0) {
                    runs.add(new int[] {start, last, dir});
                }
                start = i;
                dir = d;
            }
            last = i;
        }
        if (dir != 0) {
            runs.add(new int[] {start, last, dir});
        }
        if (runs.isEmpty()) {
            throw new InputException("no current flows (every |I| <= " + s.restCurrentMA() + " mA): nothing to cycle");
        }
        boolean chargeFirst = runs.get(0)[2] > 0;
        List<HalfCycle> halves = new ArrayList<>();
        long derived = 0;
        for (int[] r : runs) {
            boolean charge = r[2] > 0;
            long cycle;
            if (cycleCol != null) {
                cycle = cycleCol[r[0]];
            } else {
                if (charge == chargeFirst) {
                    derived++;
                }
                cycle = Math.max(derived, 1);
            }
            double q = 0;
            double ev = 0;
            double dt = 0;
            int reversals = 0;
            double maxJump = 0;
            double prevStep = 0;
            int prevRow = -1;
            for (int i = r[0]; i <= r[1]; i++) {
                if (Math.abs(currentMA[i]) <= s.restCurrentMA()) {
                    continue;
                }
                double h = i > 0 ? timeS[i] - timeS[i - 1] : 0;
                q += Math.abs(currentMA[i]) * h / 3600.0;
                ev += voltageV[i] * h;
                dt += h;
                if (prevRow >= 0) {
                    double step = voltageV[i] - voltageV[prevRow];
                    maxJump = Math.max(maxJump, Math.abs(step));
                    if (Math.abs(step) > s.jumpV()) {
                        if (prevStep != 0 && Math.signum(step) != Math.signum(prevStep)) {
                            reversals++;
                        }
                        prevStep = step;
                    }
                }
                prevRow = i;
            }
            halves.add(new HalfCycle(cycle, charge, r[0], r[1], q, dt > 0 ? ev / dt : Double.NaN, reversals, maxJump));
        }
        List<Long> numbers = halves.stream().map(HalfCycle::cycle).distinct().sorted().toList();
        int nc = numbers.size();
        double[] qc = new double[nc];
        double[] qd = new double[nc];
        double[] ec = new double[nc];
        double[] tc = new double[nc];
        double[] ed = new double[nc];
        double[] td = new double[nc];
        int[] rev = new int[nc];
        for (HalfCycle h : halves) {
            int k = numbers.indexOf(h.cycle());
            double dur = duration(timeS, currentMA, h, s.restCurrentMA());
            if (h.charge()) {
                qc[k] += h.capacityMAh();
                ec[k] += h.meanV() * dur;
                tc[k] += dur;
            } else {
                qd[k] += h.capacityMAh();
                ed[k] += h.meanV() * dur;
                td[k] += dur;
            }
            rev[k] += h.reversals();
        }
        double[] out = chargeFirst ? qd : qc;
        double[] in = chargeFirst ? qc : qd;
        int ref = Math.min(s.referenceCycle(), nc) - 1;
        if (s.referenceCycle() > nc) {
            throw new ParameterException("reference_cycle is " + s.referenceCycle() + " but the record has " + nc + " cycles");
        }
        List<Cycle> cycles = new ArrayList<>();
        for (int k = 0; k < nc; k++) {
            cycles.add(new Cycle(numbers.get(k), qc[k], qd[k], in[k] > 0 ? out[k] / in[k] : Double.NaN, out[0] > 0 ? out[k] / out[0] : Double.NaN,
                    out[ref] > 0 ? out[k] / out[ref] : Double.NaN, tc[k] > 0 ? ec[k] / tc[k] : Double.NaN, td[k] > 0 ? ed[k] / td[k] : Double.NaN,
                    rev[k]));
        }
        long drop = -1;
        int dropIndex = changePoint(out, s.dropFraction(), s.window());
        if (dropIndex >= 0) {
            drop = numbers.get(dropIndex);
        }
        List<HalfCycle> erratic = halves.stream().filter(h -> h.reversals() >= s.minReversals()).toList();
        return new Result(List.copyOf(halves), List.copyOf(cycles), chargeFirst, drop, erratic);
    }

    /**
     * Index of the first value below {@code (1 - fraction)} times the median of the {@code window} values before it, or -1
     * (the change-point rule of the class documentation).
     */
    public static int changePoint(double[] values, double fraction, int window) {
        for (int k = window; k < values.length; k++) {
            double[] base = Arrays.copyOfRange(values, k - window, k);
            Arrays.sort(base);
            double median = window % 2 == 1 ? base[window / 2] : 0.5 * (base[window / 2 - 1] + base[window / 2]);
            if (values[k] < (1 - fraction) * median) {
                return k;
            }
        }
        return -1;
    }

    private static double duration(double[] t, double[] current, HalfCycle h, double rest) {
        double d = 0;
        for (int i = Math.max(h.firstRow(), 1); i <= h.lastRow(); i++) {
            if (Math.abs(current[i]) > rest) {
                d += t[i] - t[i - 1];
            }
        }
        return d;
    }
}
