package org.tomolyte.echem.model;

import java.util.List;
import java.util.Map;
import org.tomolyte.core.Table;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;

/**
 * {@code model.ccd_nucleation}: critical current density j* of paper 001 Eq. 1 from interface
 * energy, Li atomic volume, critical radius, fracture stress, grain boundary contribution, grain
 * size, grain-boundary/grain ratio and resistivity (symbols and units in {@link CcdNucleation}).
 * No inputs; output table {@code ccd} with one row and metrics {@code j_star_mA_cm2},
 * {@code j_star_A_m2}, {@code interface_term_J}, {@code fracture_term_J}.
 */
public final class CcdNucleationOp implements Op<CcdNucleationOp.Params> {

    /**
     * Parameters of {@code model.ccd_nucleation} (paper 001 Eq. 1).
     *
     * @param gammaJoulePerM2   gamma, specific energy of the interface, J/m^2
     * @param omegaLiNm3 Omega_Li, volume per Li atom in the electrolyte, nm^3
     * @param rCriticalNm       r_c, critical radius, nm
     * @param sigmaFractureMpa  sigma_F, fracture stress, MPa
     * @param f          f, contribution of grain boundary resistivity
     * @param dUm        d, grain (particle/feature) size, um
     * @param alpha      alpha, ratio of grain boundary to grain size
     * @param rhoOhmCm   rho, overall resistivity, Ohm cm
     */
    public record Params(
            @Param(doc = "gamma: specific energy of the interface", unit = "J/m^2", min = 0) double gammaJoulePerM2,
            @Param(doc = "Omega_Li: volume per Li atom in the electrolyte (Li metal: 0.02158)", unit = "nm^3", defaultValue = "0.02158", min = 0, minExclusive = true) double omegaLiNm3,
            @Param(doc = "r_c: critical radius", unit = "nm", min = 0, minExclusive = true) double rCriticalNm,
            @Param(doc = "sigma_F: fracture stress", unit = "MPa", min = 0) double sigmaFractureMpa,
            @Param(doc = "f: contribution of grain boundary resistivity", defaultValue = "1", min = 0, minExclusive = true) double f,
            @Param(doc = "d: grain (particle/feature) size", unit = "um", min = 0, minExclusive = true) double dUm,
            @Param(doc = "alpha: ratio of grain boundary to grain (void/particle) size, < 1", min = 0, max = 1) double alpha,
            @Param(doc = "rho: overall resistivity (1 / conductivity)", unit = "Ohm cm", min = 0, minExclusive = true) double rhoOhmCm) {

        public Params {
            new CcdNucleation(gammaJoulePerM2, omegaLiNm3, rCriticalNm, sigmaFractureMpa, f, dUm, alpha, rhoOhmCm);
        }

        /** The model these parameters describe. */
        public CcdNucleation model() {
            return new CcdNucleation(gammaJoulePerM2, omegaLiNm3, rCriticalNm, sigmaFractureMpa, f, dUm, alpha, rhoOhmCm);
        }
    }

    @Override
    public String id() {
        return "model.ccd_nucleation";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Critical current density j* from nucleation theory (paper 001 Eq. 1), mA/cm^2";
    }

    @Override
    public String reference() {
        return "Paper 001 (Dixit et al.) Eq. 1, after Raj and Wolfenstine, J. Power Sources 343 (2017) 275";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of();
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.table("ccd", "j_star_mA_cm2, j_star_A_m2, interface_term_J, fracture_term_J"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        return Map.of("ccd", new DataSpec.TableSpec("ccd"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        CcdNucleation m = p.model();
        Table t = Table.builder("ccd")
                .column("j_star_mA_cm2", "mA/cm^2", Table.Kind.REAL, "critical current density")
                .column("j_star_A_m2", "A/m^2", Table.Kind.REAL, "critical current density")
                .column("interface_term_J", "J", Table.Kind.REAL, "2 gamma Omega_Li / r_c")
                .column("fracture_term_J", "J", Table.Kind.REAL, "sigma_F Omega_Li")
                .row(m.jStarMaCm2(), m.jStarAM2(), m.interfaceTermJ(), m.fractureTermJ())
                .build();
        OpResult r = new OpResult().table("ccd", t);
        r.metrics().put("j_star_mA_cm2", m.jStarMaCm2()).put("j_star_A_m2", m.jStarAM2())
                .put("interface_term_J", m.interfaceTermJ()).put("fracture_term_J", m.fractureTermJ());
        return r;
    }
}
