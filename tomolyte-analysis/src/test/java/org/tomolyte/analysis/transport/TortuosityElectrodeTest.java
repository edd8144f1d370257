package org.tomolyte.analysis.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tomolyte.analysis.connectivity.Axis;
import org.tomolyte.analysis.connectivity.PhaseMask;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;

/**
 * Tortuosity of the pore phase of TauFactor's electrode.tiff along numpy axis 0 (z here): the
 * TauFactor notebook gives 2.0776 (default convergence) and 2.07716 (conv_crit 1e-3).
 */
class TortuosityElectrodeTest {

    @Test
    void poreTortuosityMatchesTauFactor() {
        try (Volume labels = ElectrodeData.electrode(); Volume pores = PhaseMask.of(labels, 0)) {
            long t0 = System.nanoTime();
            TortuositySolver.Result r = TortuositySolver.solve(pores, Axis.Z, 1e-4, 20000, false, Progress.NONE);
            System.out.printf("electrode pores: tau %.5f deff %.5f por %.6f through %.5f it %d res %.2e %.1fs%n", r.tortuosity(), r.effectiveDiffusivity(),
                    r.porosity(), r.throughFraction(), r.iterations(), r.residual(), (System.nanoTime() - t0) / 1e9);
            assertTrue(r.converged());
            assertEquals(0.44991737604, r.porosity(), 1e-10);
            assertEquals(2.0776, r.tortuosity(), 2.0776 * 0.01);
        }
    }
}
