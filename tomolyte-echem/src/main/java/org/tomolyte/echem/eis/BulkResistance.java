package org.tomolyte.echem.eis;

/**
 * Bulk (electrolyte) resistance read off a Nyquist plot, two ways, and the ionic conductivity
 * they imply.
 *
 * <p><b>High-frequency intercept.</b> Points are taken in order of decreasing frequency. If
 * -Im(Z) changes sign between two neighbouring points (an inductive tail at the highest
 * frequencies, -Im &lt;= 0, meeting the capacitive arc, -Im &gt; 0), the first such crossing
 * from the high-frequency end is located by linear interpolation of Re(Z) at -Im(Z) = 0
 * (method {@code crossing}). Otherwise the intercept is Re(Z) at the first local minimum of
 * -Im(Z) seen from the high-frequency end (method {@code min_im}), which is the highest
 * frequency point when the arc falls monotonically towards the real axis.
 *
 * <p><b>Low-frequency spike extrapolation</b> (paper 001, Methods: "The electrolyte resistance
 * was determined from the EIS plots by extrapolating the low-frequency, linear section of the
 * curves down to the x-axis"). With ion-blocking electrodes the low-frequency part of the
 * Nyquist plot is a near-vertical capacitive line. The spike is the run of points from the
 * lowest frequency up to the first local minimum of -Im(Z) seen from the low-frequency end
 * (the valley between the spike and the bulk/grain-boundary arc, or the highest frequency when
 * no arc is visible), optionally limited to the {@code spikePoints} lowest-frequency points. A
 * straight line Re = a + b (-Im) is fitted to them by least squares and the resistance is a,
 * its value at -Im = 0. At least 2 points are needed and the line must rise towards low
 * frequency (-Im growing), otherwise there is no spike and the result is NaN.
 *
 * <p>Conductivity: sigma = L / (R A) with L the pellet thickness (cm), A the electrode area
 * (cm^2), R in Ohm, sigma in S/cm.
 */
public final class BulkResistance {

    private BulkResistance() {
    }

    /**
     * A resistance read from the plot.
     *
     * @param ohm    resistance in Ohm (NaN when not found)
     * @param method how it was found: {@code crossing}, {@code min_im}, {@code spike} or {@code none}
     * @param points number of points used
     */
    public record Estimate(double ohm, String method, int points) {
    }

    /** High-frequency intercept of the spectrum with the real axis. */
    public static Estimate highFrequencyIntercept(Spectrum data) {
        Spectrum s = data.sortedByDecreasingFrequency();
        double[] re = s.re();
        double[] mi = s.minusIm();
        int n = s.size();
        if (n == 0) {
            return new Estimate(Double.NaN, "none", 0);
        }
        for (int i = 0; i + 1 < n; i++) {
            if (mi[i] <= 0 && mi[i + 1] > 0) {
                double t = mi[i] == mi[i + 1] ? 0 : -mi[i] / (mi[i + 1] - mi[i]);
                return new Estimate(re[i] + t * (re[i + 1] - re[i]), "crossing", 2);
            }
        }
        int i = 0;
        while (i + 1 < n && mi[i + 1] < mi[i]) {
            i++;
        }
        return new Estimate(re[i], "min_im", 1);
    }

    /**
     * Extrapolation of the low-frequency linear spike to the real axis.
     *
     * @param spikePoints most points to use from the low-frequency end; 0 = the whole spike
     */
    public static Estimate spikeExtrapolation(Spectrum data, int spikePoints) {
        Spectrum s = data.sortedByDecreasingFrequency();
        int n = s.size();
        double[] re = s.re();
        double[] mi = s.minusIm();
        int valley = n - 1;
        while (valley > 0 && mi[valley - 1] < mi[valley]) {
            valley--;
        }
        int first = valley;
        if (spikePoints > 0) {
            first = Math.max(valley, n - spikePoints);
        }
        int k = n - first;
        if (k < 2) {
            return new Estimate(Double.NaN, "none", k);
        }
        double sx = 0;
        double sy = 0;
        for (int i = first; i < n; i++) {
            sx += mi[i];
            sy += re[i];
        }
        double mx = sx / k;
        double my = sy / k;
        double sxx = 0;
        double sxy = 0;
        for (int i = first; i < n; i++) {
            sxx += (mi[i] - mx) * (mi[i] - mx);
            sxy += (mi[i] - mx) * (re[i] - my);
        }
        if (!(sxx > 0) || mi[n - 1] <= mi[first]) {
            return new Estimate(Double.NaN, "none", k);
        }
        double b = sxy / sxx;
        return new Estimate(my - b * mx, "spike", k);
    }

    /** Ionic conductivity sigma = L / (R A) in S/cm from thickness (um), area (cm^2) and R (Ohm). */
    public static double conductivitySCm(double thicknessUm, double areaCm2, double resistanceOhm) {
        return thicknessUm * 1e-4 / (resistanceOhm * areaCm2);
    }
}
