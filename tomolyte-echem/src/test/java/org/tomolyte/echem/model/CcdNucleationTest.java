package org.tomolyte.echem.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;

/**
 * Paper 001 Eq. 1. The paper quotes no j* computed from Eq. 1 (only measured CCDs), so the
 * known value is worked by hand in SI units below.
 */
class CcdNucleationTest {

    @Test
    void handWorkedValue() {
        // gamma 0.5 J/m^2, Omega 0.02158 nm^3 = 2.158e-29 m^3, r_c 10 nm, sigma_F 100 MPa, f 1,
        // d 1 um, alpha 0.1, rho 1000 Ohm cm = 10 Ohm m
        // 2 gamma Omega / r_c = 2 * 0.5 * 2.158e-29 / 1e-8 = 2.158e-21 J
        // sigma_F Omega = 1e8 * 2.158e-29 = 2.158e-21 J
        // denominator 1 * 1e-6 m * 0.9 * 1.602176634e-19 C = 1.4419589706e-25 C m
        // j* = 4.316e-21 / 1.4419589706e-25 / 10 = 2993.150... A/m^2 = 299.315 mA/cm^2
        CcdNucleation m = new CcdNucleation(0.5, 0.02158, 10, 100, 1, 1, 0.1, 1000);
        assertEquals(2.158e-21, m.interfaceTermJ(), 1e-33);
        assertEquals(2.158e-21, m.fractureTermJ(), 1e-33);
        double expected = 4.316e-21 / 1.4419589706e-25 / 10;
        assertEquals(expected, m.jStarAM2(), 1e-9 * expected);
        assertEquals(expected / 10, m.jStarMaCm2(), 1e-9 * expected);
    }

    @Test
    void dimensionalConsistency() {
        CcdNucleation base = new CcdNucleation(0.3, 0.02158, 5, 50, 2, 3, 0.2, 500);
        // 2 gamma Omega / r_c depends on gamma / r_c only: multiplying both by 7 leaves it unchanged
        CcdNucleation scaled = new CcdNucleation(0.3 * 7, 0.02158, 5 * 7, 50, 2, 3, 0.2, 500);
        assertEquals(base.interfaceTermJ(), scaled.interfaceTermJ(), 1e-12 * base.interfaceTermJ());
        // j* ~ 1 / (d rho): halving d and doubling rho gives the same j*
        CcdNucleation dr = new CcdNucleation(0.3, 0.02158, 5, 50, 2, 1.5, 0.2, 1000);
        assertEquals(base.jStarAM2(), dr.jStarAM2(), 1e-12 * base.jStarAM2());
        // the fracture term is an energy: 1 MPa x 1 nm^3 = 1e6 Pa x 1e-27 m^3 = 1e-21 J
        assertEquals(1e-21, new CcdNucleation(0, 1, 1, 1, 1, 1, 0, 1).fractureTermJ(), 1e-35);
        // 1 J / (1 m * 1 C) / (1 Ohm m) = 1 A/m^2 = 0.1 mA/cm^2: J = V C, so V/m / (Ohm m) = A/m^2
        // here: fracture 1e-21 J; d 1 um; e; rho 1 Ohm cm = 0.01 Ohm m
        double expected = 1e-21 / (1e-6 * 1.602176634e-19) / 0.01;
        assertEquals(expected, new CcdNucleation(0, 1, 1, 1, 1, 1, 0, 1).jStarAM2(), 1e-12 * expected);
    }

    @Test
    void opAndValidation() {
        OpResult r = new CcdNucleationOp().run(new CcdNucleationOp.Params(0.5, 0.02158, 10, 100, 1, 1, 0.1, 1000),
                new OpInputs(Map.of()), OpContext.QUIET);
        assertEquals(299.315, (Double) r.metrics().toMap().get("j_star_mA_cm2"), 0.001);
        ParameterException e = assertThrows(ParameterException.class, () -> new CcdNucleationOp.Params(0.5, 0.02158, 10, 100, 1, 1, 1, 1000));
        assertEquals("alpha must be < 1 (1 - alpha divides), got 1", e.getMessage());
    }
}
