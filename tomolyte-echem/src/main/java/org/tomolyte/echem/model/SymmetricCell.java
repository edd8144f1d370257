package org.tomolyte.echem.model;

import org.tomolyte.core.InputException;
import org.tomolyte.core.op.Check;
import org.tomolyte.echem.eis.LevenbergMarquardt;

/**
 * Voltage of a symmetric Li | solid electrolyte | Li cell (paper 003, Methods, Fig. 4d): the
 * Butler–Volmer overpotentials of the top and bottom interfaces, each at its local current
 * density (applied current density divided by that interface's contact fraction, so contact
 * loss raises the local current), plus the ohmic drops {@code I_app l_j / k_j} through the
 * electrolyte and through the interphase (thickness from imaging, varying in time). The ohmic
 * drop in lithium metal is neglected, as in the paper.
 *
 * <p>Sign convention: a positive applied current density strips (oxidises) lithium at the top
 * interface and plates it at the bottom; the cell voltage is top minus bottom,
 * {@code V = eta(i / c_top) - eta(-i / c_bottom) + i (l_e / k_e + l_i / k_i)} with eta the
 * inverse of {@link ButlerVolmer} (anodic positive). Units: i in mA/cm^2 (converted to A/cm^2),
 * thicknesses in um (converted to cm), conductivities in S/cm, voltages in V.
 *
 * @param electrolyteThicknessUm     electrolyte thickness l_e, um
 * @param electrolyteConductivitySiemensPerCm electrolyte ionic conductivity k_e, S/cm
 */
public record SymmetricCell(double electrolyteThicknessUm, double electrolyteConductivitySiemensPerCm) {

    public SymmetricCell {
        Check.greater("electrolyte_thickness_um", electrolyteThicknessUm, 0);
        Check.greater("electrolyte_conductivity_siemens_per_cm", electrolyteConductivitySiemensPerCm, 0);
    }

    /**
     * The cell state at one time.
     *
     * @param currentMaCm2          applied (nominal) current density, mA/cm^2
     * @param contactTop            contact fraction of the top interface, (0, 1]
     * @param contactBottom         contact fraction of the bottom interface, (0, 1]
     * @param interphaseThicknessUm interphase thickness, um (&gt;= 0)
     */
    public record State(double currentMaCm2, double contactTop, double contactBottom, double interphaseThicknessUm) {
        public State {
            if (!(contactTop > 0 && contactTop <= 1) || !(contactBottom > 0 && contactBottom <= 1)) {
                throw new InputException("contact fractions must be in (0, 1], got top " + contactTop + ", bottom " + contactBottom);
            }
            if (!(interphaseThicknessUm >= 0) || !Double.isFinite(interphaseThicknessUm)) {
                throw new InputException("interphase thickness must be >= 0 um, got " + interphaseThicknessUm);
            }
        }
    }

    /**
     * The parts of the cell voltage, V.
     *
     * @param etaTopV             overpotential of the top interface
     * @param etaBottomV          overpotential of the bottom interface
     * @param ohmicElectrolyteV   drop through the electrolyte
     * @param ohmicInterphaseV    drop through the interphase
     */
    public record Voltage(double etaTopV, double etaBottomV, double ohmicElectrolyteV, double ohmicInterphaseV) {
        /** Cell voltage, top minus bottom. */
        public double cellV() {
            return etaTopV - etaBottomV + ohmicElectrolyteV + ohmicInterphaseV;
        }
    }

    /** The cell voltage in state {@code s} with kinetics {@code bv} and interphase conductivity (S/cm). */
    public Voltage voltage(ButlerVolmer bv, double interphaseConductivitySiemensPerCm, State s) {
        double i = s.currentMaCm2();
        double ia = i * 1e-3;
        return new Voltage(bv.overpotential(i / s.contactTop()), bv.overpotential(-i / s.contactBottom()),
                ia * electrolyteThicknessUm * 1e-4 / electrolyteConductivitySiemensPerCm,
                ia * s.interphaseThicknessUm() * 1e-4 / interphaseConductivitySiemensPerCm);
    }

    /**
     * A fit of the interphase conductivity (and optionally i0) to measured voltages.
     *
     * @param interphaseConductivitySiemensPerCm fitted k_i, S/cm
     * @param interphaseConductivityStdError its standard error, S/cm
     * @param i0MaCm2                   exchange current density used (fitted or given), mA/cm^2
     * @param i0StdError                its standard error (NaN when not fitted), mA/cm^2
     * @param rmsV                      root mean square voltage residual, V
     */
    public record Fit(double interphaseConductivitySiemensPerCm, double interphaseConductivityStdError, double i0MaCm2, double i0StdError, double rmsV) {
    }

    /**
     * Least-squares fit (Levenberg–Marquardt on log10 of the parameters; standard errors by the
     * delta method from the Jacobian covariance) of the interphase conductivity, and of i0 when
     * {@code fitI0}, to measured cell voltages.
     *
     * @param bv         kinetics (its i0 is the start value, or the fixed value)
     * @param states     cell states at the measured times
     * @param measuredV  measured cell voltages, V
     * @param startSCm   start value of the interphase conductivity, S/cm
     * @param fitI0      also fit i0
     */
    public Fit fit(ButlerVolmer bv, State[] states, double[] measuredV, double startSCm, boolean fitI0) {
        int n = states.length;
        boolean anyInterphase = false;
        for (State s : states) {
            anyInterphase |= s.interphaseThicknessUm() > 0 && s.currentMaCm2() != 0;
        }
        if (!anyInterphase) {
            throw new InputException("the interphase conductivity cannot be fitted: the interphase thickness is 0 (or the current is 0) at every fitted time");
        }
        int np = fitI0 ? 2 : 1;
        if (n <= np) {
            throw new InputException("the fit needs more than " + np + " measured voltages in the first half cycle, got " + n);
        }
        double[] start = fitI0 ? new double[] {Math.log10(startSCm), Math.log10(bv.i0MaCm2())} : new double[] {Math.log10(startSCm)};
        double[] lo = fitI0 ? new double[] {-15, -10} : new double[] {-15};
        double[] hi = fitI0 ? new double[] {5, 6} : new double[] {5};
        LevenbergMarquardt.Result r = LevenbergMarquardt.defaults().minimize(q -> {
            double k = Math.pow(10, q[0]);
            ButlerVolmer b = fitI0 ? bv.withI0(Math.pow(10, q[1])) : bv;
            double[] res = new double[n];
            for (int t = 0; t < n; t++) {
                res[t] = voltage(b, k, states[t]).cellV() - measuredV[t];
            }
            return res;
        }, start, lo, hi);
        double k = Math.pow(10, r.parameters()[0]);
        double kErr = k * Math.log(10) * r.standardError(0);
        double i0 = fitI0 ? Math.pow(10, r.parameters()[1]) : bv.i0MaCm2();
        double i0Err = fitI0 ? i0 * Math.log(10) * r.standardError(1) : Double.NaN;
        return new Fit(k, kErr, i0, i0Err, Math.sqrt(r.cost() / n));
    }

    /**
     * The applied current density of a galvanostatic symmetric-cell test at time {@code tS}: the
     * first half cycle's value, reversed every half cycle.
     *
     * @param firstHalfMaCm2 current density of the first half cycle, mA/cm^2 (positive strips the top electrode)
     * @param halfCycleS     half-cycle duration, s, &gt; 0
     * @param tS             time, s
     */
    public static double alternatingCurrent(double firstHalfMaCm2, double halfCycleS, double tS) {
        long half = (long) Math.floor(tS / halfCycleS);
        return half % 2 == 0 ? firstHalfMaCm2 : -firstHalfMaCm2;
    }

    /**
     * The state at time {@code tS} of a galvanostatic test whose contact fractions and interphase
     * thickness were measured at {@code timesS} (sorted): linear interpolation between the
     * measurements, held constant before the first and after the last.
     */
    public static State stateAt(double tS, double firstHalfMaCm2, double halfCycleS, double[] timesS, double[] contactTop,
                                double[] contactBottom, double[] interphaseThicknessUm) {
        return new State(alternatingCurrent(firstHalfMaCm2, halfCycleS, tS), interpolate(timesS, contactTop, tS),
                interpolate(timesS, contactBottom, tS), interpolate(timesS, interphaseThicknessUm, tS));
    }

    /** Linear interpolation in sorted x, constant beyond the ends. */
    static double interpolate(double[] x, double[] y, double at) {
        int n = x.length;
        if (at <= x[0]) {
            return y[0];
        }
        if (at >= x[n - 1]) {
            return y[n - 1];
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= at) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double dx = x[hi] - x[lo];
        return dx == 0 ? y[hi] : y[lo] + (y[hi] - y[lo]) * (at - x[lo]) / dx;
    }
}
