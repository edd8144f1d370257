package org.tomolyte.echem.eis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.ParameterException;

/** The circuit language: parsing, naming, and impedances against hand-written formulas. */
class CircuitTest {

    @Test
    void parsesSeriesParallelAndNames() {
        Circuit c = Circuit.parse("R0-p(R1,CPE1)-Wo1-L0");
        assertEquals(List.of("R0", "R1", "CPE1_0", "CPE1_1", "Wo1_0", "Wo1_1", "L0"), c.parameterNames());
        assertEquals(1.0, c.upperBounds()[3]);
        assertEquals(Double.POSITIVE_INFINITY, c.upperBounds()[2]);
        assertEquals("R0-p(R1,CPE1)", Circuit.parse("R0 - p(R1, CPE1)").text());
        assertEquals("R0-p(R1-Wo1,CPE1)", Circuit.parse("RandlesCPE").text());
    }

    @Test
    void rejectsBadStrings() {
        for (String bad : List.of("", "R0-", "p(R1)", "p(R1,C1", "X1", "R", "R1-R1", "R0)")) {
            assertThrows(ParameterException.class, () -> Circuit.parse(bad), bad);
        }
    }

    @Test
    void impedancesMatchFormulas() {
        double f = 123.0;
        double w = 2 * Math.PI * f;
        // R0 + R1 / (1 + j w R1 C1)
        Complex z = Circuit.parse("R0-p(R1,C1)").impedance(f, new double[] {10, 100, 1e-5});
        double d = 1 + Math.pow(w * 100 * 1e-5, 2);
        assertEquals(10 + 100 / d, z.re(), 1e-12);
        assertEquals(-100 * w * 100 * 1e-5 / d, z.im(), 1e-12);
        // CPE with alpha = 1 is a capacitor
        Complex cpe = Circuit.parse("CPE1").impedance(f, new double[] {2e-6, 1});
        Complex cap = Circuit.parse("C1").impedance(f, new double[] {2e-6});
        assertEquals(cap.re(), cpe.re(), 1e-9);
        assertEquals(cap.im(), cpe.im(), 1e-9 * Math.abs(cap.im()));
        // semi-infinite Warburg: equal real and -imaginary parts, A / sqrt(w)
        Complex wz = Circuit.parse("W1").impedance(f, new double[] {3});
        assertEquals(3 / Math.sqrt(w), wz.re(), 1e-12);
        assertEquals(-3 / Math.sqrt(w), wz.im(), 1e-12);
        // finite Warburgs: at high frequency both tend to the semi-infinite one, Z0/sqrt(j w tau)
        double tau = 10;
        Complex hi = Circuit.parse("Wo1").impedance(1e4, new double[] {5, tau});
        Complex ref = new Complex(0, 2 * Math.PI * 1e4 * tau).sqrt().reciprocal().times(5);
        assertEquals(ref.re(), hi.re(), 1e-9);
        assertEquals(ref.im(), hi.im(), 1e-9);
        // low-frequency limits: open -> capacitive (Z0/3 real part), short -> resistor Z0
        Complex lo = Circuit.parse("Ws1").impedance(1e-7, new double[] {5, tau});
        assertEquals(5, lo.re(), 1e-6);
        Complex loOpen = Circuit.parse("Wo1").impedance(1e-7, new double[] {5, tau});
        assertEquals(5.0 / 3, loOpen.re(), 1e-6);
        // inductor
        assertEquals(w * 1e-6, Circuit.parse("L1").impedance(f, new double[] {1e-6}).im(), 1e-15);
    }
}
