package org.tomolyte.echem.mechanics;

import org.tomolyte.core.InputException;
import org.tomolyte.core.ParameterException;

/**
 * Fracture strength of a particle from a uniaxial compression (flat punch) load–displacement
 * curve (paper 002, Fig. 5E and fig. S11: "fracture strength, estimated as the load at fracture
 * divided by the cross-sectional area").
 *
 * <p><b>First major drop.</b> Going through the curve in order, with P the largest load so far:
 * the first point whose load is below {@code (1 - dropFraction) P}, counted only once P has reached
 * {@code minLoadFraction} of the curve's maximum load (so that contact noise at the start is not a
 * fracture). The fracture load is that P (the peak before the drop) and the fracture displacement
 * the displacement at the peak. Defaults: {@code dropFraction = 0.1}, {@code minLoadFraction = 0.2}.
 *
 * <p><b>Strength</b> = load / (pi d^2 / 4), d the particle diameter; with the load in mN and d in um,
 * strength in MPa = 1000 load / (pi d^2 / 4).
 */
public final class FractureStrength {

    private FractureStrength() {
    }

    /**
     * Result.
     *
     * @param found          true when a major drop was found
     * @param peakIndex      index of the peak before the drop (-1 when none)
     * @param dropIndex      index of the first point of the drop (-1 when none)
     * @param loadMN         fracture load, mN (NaN when none)
     * @param displacement   displacement at the fracture load, in the curve's unit (NaN when none)
     * @param maxLoadMN      largest load of the curve, mN
     * @param strengthMPa    fracture strength, MPa (NaN when none)
     */
    public record Result(boolean found, int peakIndex, int dropIndex, double loadMN, double displacement, double maxLoadMN, double strengthMPa) {
    }

    /** Cross-section area of a particle of diameter {@code diameterUm}, um^2. */
    public static double areaUm2(double diameterUm) {
        return Math.PI * diameterUm * diameterUm / 4;
    }

    /** Strength in MPa of a load in mN on a particle of diameter {@code diameterUm}. */
    public static double strengthMPa(double loadMN, double diameterUm) {
        return 1000.0 * loadMN / areaUm2(diameterUm);
    }

    /** Finds the first major drop of {@code loadMN} (in curve order) and the strength. */
    public static Result analyse(double[] displacement, double[] loadMN, double diameterUm, double dropFraction, double minLoadFraction) {
        if (!(diameterUm > 0) || !Double.isFinite(diameterUm)) {
            throw new ParameterException("diameter_um must be > 0, got " + diameterUm);
        }
        if (!(dropFraction > 0 && dropFraction < 1)) {
            throw new ParameterException("drop_fraction must be in (0, 1), got " + dropFraction);
        }
        if (!(minLoadFraction >= 0 && minLoadFraction <= 1)) {
            throw new ParameterException("min_load_fraction must be in [0, 1], got " + minLoadFraction);
        }
        if (displacement.length != loadMN.length || loadMN.length == 0) {
            throw new InputException("load and displacement columns must be non-empty and of equal length, got " + loadMN.length + " and "
                    + displacement.length);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : loadMN) {
            if (!Double.isFinite(v)) {
                throw new InputException("the load column holds a non-finite value (" + v + ")");
            }
            max = Math.max(max, v);
        }
        double peak = Double.NEGATIVE_INFINITY;
        int peakAt = -1;
        for (int i = 0; i < loadMN.length; i++) {
            if (loadMN[i] > peak) {
                peak = loadMN[i];
                peakAt = i;
            } else if (peak >= minLoadFraction * max && peak > 0 && loadMN[i] < (1 - dropFraction) * peak) {
                return new Result(true, peakAt, i, peak, displacement[peakAt], max, strengthMPa(peak, diameterUm));
            }
        }
        return new Result(false, -1, -1, Double.NaN, Double.NaN, max, Double.NaN);
    }
}
