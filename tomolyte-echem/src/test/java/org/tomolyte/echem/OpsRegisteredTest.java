package org.tomolyte.echem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.ParamBinder;
import org.tomolyte.echem.eis.CircuitFit;
import org.tomolyte.echem.eis.DrtOp;
import org.tomolyte.echem.eis.EisOp;
import org.tomolyte.echem.model.CcdNucleationOp;
import org.tomolyte.echem.model.SymmetricCellOp;

/** The ops are found by ServiceLoader and their protocol keys bind as documented. */
class OpsRegisteredTest {

    @Test
    void serviceLoaderFindsTheOps() {
        Set<String> ids = ServiceLoader.load(Op.class).stream().map(p -> p.get().id()).collect(Collectors.toSet());
        assertTrue(ids.containsAll(List.of("echem.eis", "echem.drt", "model.symmetric_cell", "model.ccd_nucleation")), ids.toString());
    }

    @Test
    void protocolKeysBind() {
        EisOp.Params e = ParamBinder.bind(EisOp.Params.class, Map.of("thickness_um", 500, "area_cm2", 1.0, "circuit", "Randles",
                "initial_guess", List.of(.01, .005, .01, 200, .1), "weighting", "modulus"));
        assertEquals(CircuitFit.Weighting.MODULUS, e.weighting());
        assertTrue(e.capacitiveOnly());
        DrtOp.Params d = ParamBinder.bind(DrtOp.Params.class, Map.of("lambda", 1e-3));
        assertEquals(1e-3, d.lambda());
        assertEquals(10, d.pointsPerDecade());
        SymmetricCellOp.Params s = ParamBinder.bind(SymmetricCellOp.Params.class, Map.of("electrolyte_thickness_um", 1000,
                "electrolyte_conductivity_siemens_per_cm", 2.1e-3, "current_density_ma_cm2", 1, "half_cycle_s", 18000, "i0_ma_cm2", 0.5,
                "scenario_contact_fractions", List.of(1, 0.5)));
        assertEquals(0.5, s.alphaA());
        assertEquals(298.15, s.temperatureK());
        assertEquals(2, s.scenarioContactFractions().length);
        CcdNucleationOp.Params c = ParamBinder.bind(CcdNucleationOp.Params.class, Map.of("gamma_joule_per_m2", 0.5, "r_critical_nm", 10,
                "sigma_fracture_mpa", 100, "d_um", 1, "alpha", 0.1, "rho_ohm_cm", 1000));
        assertEquals(0.02158, c.omegaLiNm3());
        assertEquals(299.315, c.model().jStarMaCm2(), 0.001);
    }
}
