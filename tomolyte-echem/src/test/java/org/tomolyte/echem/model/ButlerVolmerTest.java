package org.tomolyte.echem.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tomolyte.core.ParameterException;

/** Butler–Volmer inversion: closed form vs root finding, round trips, limits. */
class ButlerVolmerTest {

    @Test
    void closedFormEqualsRootFindingForEqualAlphas() {
        ButlerVolmer bv = new ButlerVolmer(0.5, 0.5, 0.7, 298.15);
        for (double i : new double[] {-1e4, -30, -1, -1e-3, 1e-6, 0.2, 3, 500}) {
            double closed = bv.overpotential(i);
            double root = bv.overpotentialByRootFinding(i);
            assertEquals(closed, root, 1e-13 * Math.max(1, Math.abs(closed)), "i = " + i);
            assertEquals(i, bv.currentDensity(closed), 1e-10 * Math.abs(i));
        }
    }

    @Test
    void unequalAlphasRoundTrip() {
        ButlerVolmer bv = new ButlerVolmer(0.3, 0.7, 0.05, 333.15);
        for (double i : new double[] {-1e3, -2, -0.01, 0.01, 2, 1e3}) {
            double eta = bv.overpotential(i);
            assertEquals(i, bv.currentDensity(eta), 1e-9 * Math.abs(i), "i = " + i);
        }
    }

    @Test
    void limits() {
        ButlerVolmer bv = new ButlerVolmer(0.4, 0.6, 1.0, 298.15);
        assertEquals(0.0, bv.overpotential(0));
        // small current: linear, eta = i / (i0 (alpha_a + alpha_c) f)
        double f = 96485.33212 / (8.314462618 * 298.15);
        // (second-order term relative size (alpha_a - alpha_c) f eta / 2 ~ 1e-7)
        assertEquals(1e-6 / ((0.4 + 0.6) * f), bv.overpotential(1e-6), 1e-6 * 1e-6 / f);
        // large current: Tafel, eta = ln(i / i0) / (alpha_a f) (anodic), -ln(|i| / i0) / (alpha_c f) (cathodic)
        assertEquals(Math.log(1e6) / (0.4 * f), bv.overpotential(1e6), 1e-9);
        assertEquals(-Math.log(1e6) / (0.6 * f), bv.overpotential(-1e6), 1e-9);
        assertThrows(ParameterException.class, () -> new ButlerVolmer(0, 0.5, 1, 298));
        assertThrows(ParameterException.class, () -> new ButlerVolmer(0.5, 0.5, -1, 298));
    }
}
