package org.tomolyte.analysis.series;

import org.tomolyte.core.ParameterException;

/**
 * Charge implied by the change of lithium metal in the two electrodes of a cell between
 * consecutive scans (Lewis et al., paper 003, Fig. 2: Li volume change and the fraction of the
 * applied charge that came from stripping Li metal, 0.72 and 0.51 in the paper; Dixit et al.,
 * paper 001, Fig. 7b: plated versus stripped charge per step and their mismatch).
 *
 * <p>For an electrode whose lithium volume changes by {@code dV} (um^3) the charge is
 * {@code Q = -dV * 1e-12 / Vm * F} coulombs, with Vm the molar volume of Li (12.998 cm^3/mol,
 * DESIGN.md) and F = 96485.33212 C/mol: positive when the electrode lost lithium (stripped),
 * negative when it gained (plated). Per unit area Q is divided by the analysed area. The charge
 * applied through the analysed area in a step is {@code |j| * dt * A} (j in mA/cm^2, dt in s,
 * A in cm^2, /1000 to C) or, when the cumulative charge passed per unit area is known per scan,
 * its difference times A. The stripping fraction of a step is stripped / applied.
 */
public final class ElectrodeCharge {

    /** Faraday constant, C/mol. */
    public static final double FARADAY_C_MOL = 96485.33212;
    /** Molar volume of lithium metal, cm^3/mol (1 mAh/cm^2 of Li = 4.85 um). */
    public static final double LI_MOLAR_VOLUME_CM3_MOL = 12.998;

    private ElectrodeCharge() {
    }

    /**
     * One step between two scans.
     *
     * @param from              index of the earlier scan
     * @param to                index of the later scan
     * @param dtS               time between them, s (NaN when times are unknown)
     * @param topDvUm3          change of the top electrode's Li volume, um^3
     * @param bottomDvUm3       change of the bottom electrode's Li volume, um^3
     * @param topChargeC        charge from the top electrode, C (positive: stripped)
     * @param bottomChargeC     charge from the bottom electrode, C (positive: stripped)
     * @param strippedC         sum of the positive electrode charges, C
     * @param platedC           sum of the magnitudes of the negative electrode charges, C
     * @param mismatchC         plated minus stripped, C
     * @param appliedC          charge passed through the analysed area, C (NaN when not known)
     * @param strippingFraction stripped / applied (NaN when applied is unknown or zero)
     */
    public record Step(int from, int to, double dtS, double topDvUm3, double bottomDvUm3, double topChargeC, double bottomChargeC,
                       double strippedC, double platedC, double mismatchC, double appliedC, double strippingFraction) {
    }

    /**
     * Every step and the totals.
     *
     * @param steps             consecutive steps
     * @param areaUm2           analysed area used for the per-area values, um^2 (of the first scan)
     * @param strippedC         total stripped charge, C
     * @param platedC           total plated charge, C
     * @param appliedC          total applied charge through the analysed area, C (NaN when unknown)
     * @param strippingFraction total stripped / total applied
     */
    public record Result(java.util.List<Step> steps, double areaUm2, double strippedC, double platedC, double appliedC,
                         double strippingFraction) {
        /** Net mismatch plated minus stripped over the series, C. */
        public double mismatchC() {
            return platedC - strippedC;
        }
    }

    /** Charge in C for a lithium volume change in um^3 (positive when lithium is lost). */
    public static double chargeC(double dvUm3) {
        return -dvUm3 * 1e-12 / LI_MOLAR_VOLUME_CM3_MOL * FARADAY_C_MOL;
    }

    /** Charge in C to mAh. */
    public static double mAh(double chargeC) {
        return chargeC / 3.6;
    }

    /**
     * Computes the steps.
     *
     * @param timeS          scan times, s (or null)
     * @param topUm3         top electrode Li volume per scan, um^3 (NaN-free)
     * @param bottomUm3      bottom electrode Li volume per scan, um^3
     * @param areaUm2        analysed area per scan, um^2, &gt; 0
     * @param currentMAcm2   applied current density magnitude, mA/cm^2, or NaN
     * @param chargeMAhCm2   cumulative charge passed per unit area per scan, mAh/cm^2, or null (takes precedence over current)
     */
    public static Result compute(double[] timeS, double[] topUm3, double[] bottomUm3, double[] areaUm2, double currentMAcm2,
                                 double[] chargeMAhCm2) {
        int n = topUm3.length;
        if (n < 2 || bottomUm3.length != n || areaUm2.length != n) {
            throw new ParameterException("electrode charge needs at least 2 scans with a volume of each electrode and an area, got " + n);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(topUm3[i]) || !Double.isFinite(bottomUm3[i]) || !(areaUm2[i] > 0)) {
                throw new ParameterException("scan " + i + ": electrode volumes must be finite and the area > 0, got top " + topUm3[i]
                        + " um3, bottom " + bottomUm3[i] + " um3, area " + areaUm2[i] + " um2");
            }
        }
        java.util.List<Step> steps = new java.util.ArrayList<>();
        double stripped = 0;
        double plated = 0;
        double applied = 0;
        boolean appliedKnown = true;
        for (int i = 1; i < n; i++) {
            double dt = timeS == null ? Double.NaN : timeS[i] - timeS[i - 1];
            double dTop = topUm3[i] - topUm3[i - 1];
            double dBottom = bottomUm3[i] - bottomUm3[i - 1];
            double qTop = chargeC(dTop);
            double qBottom = chargeC(dBottom);
            double s = Math.max(qTop, 0) + Math.max(qBottom, 0);
            double p = Math.max(-qTop, 0) + Math.max(-qBottom, 0);
            double areaCm2 = 0.5 * (areaUm2[i] + areaUm2[i - 1]) * 1e-8;
            double a;
            if (chargeMAhCm2 != null) {
                a = Math.abs(chargeMAhCm2[i] - chargeMAhCm2[i - 1]) * 3.6 * areaCm2;
            } else if (Double.isFinite(currentMAcm2) && Double.isFinite(dt)) {
                a = Math.abs(currentMAcm2) * dt * areaCm2 / 1000;
            } else {
                a = Double.NaN;
            }
            appliedKnown &= Double.isFinite(a);
            steps.add(new Step(i - 1, i, dt, dTop, dBottom, qTop, qBottom, s, p, p - s, a, a > 0 ? s / a : Double.NaN));
            stripped += s;
            plated += p;
            applied += Double.isFinite(a) ? a : 0;
        }
        double appliedTotal = appliedKnown ? applied : Double.NaN;
        return new Result(steps, areaUm2[0], stripped, plated, appliedTotal, appliedTotal > 0 ? stripped / appliedTotal : Double.NaN);
    }
}
