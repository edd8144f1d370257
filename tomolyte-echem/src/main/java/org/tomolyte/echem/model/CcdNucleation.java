package org.tomolyte.echem.model;

import org.tomolyte.core.ParameterException;
import org.tomolyte.core.op.Check;

/**
 * Critical current density from nucleation theory, paper 001 (Dixit et al.) Eq. 1 (after its
 * reference 55, Raj and Wolfenstine, current limit diagrams):
 *
 * <pre>
 *        (2 gamma Omega_Li / r_c) + sigma_F Omega_Li      1
 *   j* = ------------------------------------------  *  -----
 *              f d (1 - alpha) |e|                       rho
 * </pre>
 *
 * <p>Symbols, as the paper defines them, with the units used here (all converted to SI inside):
 * <ul>
 * <li>{@code j*} critical current density: A/m^2, reported in mA/cm^2 (1 A/m^2 = 0.1 mA/cm^2)</li>
 * <li>{@code gamma} specific energy of the interface: J/m^2</li>
 * <li>{@code Omega_Li} volume per Li atom in the electrolyte: nm^3 (1 nm^3 = 1e-27 m^3; Li metal
 *     12.998 cm^3/mol gives 0.02158 nm^3)</li>
 * <li>{@code r_c} critical radius: nm</li>
 * <li>{@code sigma_F} fracture stress: MPa</li>
 * <li>{@code f} contribution of grain boundary resistivity: dimensionless</li>
 * <li>{@code d} grain (particle/feature) size: um</li>
 * <li>{@code alpha} ratio of grain boundary to grain (void/particle) size: dimensionless, [0, 1)</li>
 * <li>{@code e} the elementary charge, 1.602176634e-19 C</li>
 * <li>{@code rho} overall (ionic) resistivity: Ohm cm (= 1 / conductivity in S/cm)</li>
 * </ul>
 * Dimensions: the numerator is an energy (J = Pa m^3), the denominator a charge times a length
 * (C m), their ratio an electric field (V/m), and divided by a resistivity (Ohm m) a current
 * density (A/m^2).
 *
 * @param gammaJoulePerM2     interface specific energy, J/m^2, &gt;= 0
 * @param omegaLiNm3   volume per Li atom, nm^3, &gt; 0
 * @param rCriticalNm         critical radius, nm, &gt; 0
 * @param sigmaFractureMpa    fracture stress, MPa, &gt;= 0
 * @param f            grain boundary resistivity contribution, &gt; 0
 * @param dUm          grain size, um, &gt; 0
 * @param alpha        grain boundary to grain size ratio, [0, 1)
 * @param rhoOhmCm     overall resistivity, Ohm cm, &gt; 0
 */
public record CcdNucleation(double gammaJoulePerM2, double omegaLiNm3, double rCriticalNm, double sigmaFractureMpa, double f, double dUm, double alpha,
        double rhoOhmCm) {

    public CcdNucleation {
        Check.atLeast("gamma_joule_per_m2", gammaJoulePerM2, 0);
        Check.greater("omega_li_nm3", omegaLiNm3, 0);
        Check.greater("r_critical_nm", rCriticalNm, 0);
        Check.atLeast("sigma_fracture_mpa", sigmaFractureMpa, 0);
        Check.greater("f", f, 0);
        Check.greater("d_um", dUm, 0);
        Check.range("alpha", alpha, 0, 1);
        if (alpha == 1) {
            throw new ParameterException("alpha must be < 1 (1 - alpha divides), got 1");
        }
        Check.greater("rho_ohm_cm", rhoOhmCm, 0);
    }

    /** Interface (curvature) term 2 gamma Omega_Li / r_c, J. */
    public double interfaceTermJ() {
        return 2 * gammaJoulePerM2 * omegaLiNm3 * 1e-27 / (rCriticalNm * 1e-9);
    }

    /** Fracture term sigma_F Omega_Li, J. */
    public double fractureTermJ() {
        return sigmaFractureMpa * 1e6 * omegaLiNm3 * 1e-27;
    }

    /** j* in A/m^2. */
    public double jStarAM2() {
        double field = (interfaceTermJ() + fractureTermJ()) / (f * dUm * 1e-6 * (1 - alpha) * Constants.ELEMENTARY_CHARGE_C);
        return field / (rhoOhmCm * 1e-2);
    }

    /** j* in mA/cm^2. */
    public double jStarMaCm2() {
        return jStarAM2() * 0.1;
    }
}
