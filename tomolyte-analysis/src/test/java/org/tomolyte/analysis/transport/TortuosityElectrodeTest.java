package org.tomolyte.analysis.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tomolyte.core.Axis;
import org.tomolyte.analysis.connectivity.PhaseMask;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;

/**
 * Tortuosity of the pore phase of TauFactor's electrode.tiff (MANIFEST): {@code Solver(img==0)}
 * along numpy axis 0 (z here) gives tau 2.0776 and D_eff 0.2166 D0 at TauFactor's default
 * convergence (2.07716 at conv_crit 1e-3), along axis 1 (y here, {@code transpose(1,2,0)})
 * 2.0766. The issue asks for 1 %; this solver at tolerance 1e-4 lands within 0.03 % (measured
 * 2.07724 and 2.0764), so 0.2 % is asserted as well.
 */
class TortuosityElectrodeTest {

    @Test
    void poreTortuosityMatchesTauFactor() {
        try (Volume labels = ElectrodeData.electrode(); Volume pores = PhaseMask.of(labels, 0)) {
            TortuositySolver.Result z = TortuositySolver.solve(pores, Axis.Z, 1e-4, 1000, false, Progress.NONE);
            System.out.printf("electrode pores z: tau %.5f deff %.5f through %.5f iterations %d residual %.2e%n", z.tortuosity(),
                    z.effectiveDiffusivity(), z.throughFraction(), z.iterations(), z.residual());
            assertTrue(z.converged());
            assertEquals(0.44991737604, z.porosity(), 1e-10);
            assertEquals(2.0776, z.tortuosity(), 2.0776 * 0.01);
            assertEquals(2.07716, z.tortuosity(), 2.07716 * 0.002);
            assertEquals(0.2166, z.effectiveDiffusivity(), 0.2166 * 0.002);
            assertEquals(0.9989, z.throughFraction(), 1e-3);
            TortuositySolver.Result y = TortuositySolver.solve(pores, Axis.Y, 1e-4, 1000, false, Progress.NONE);
            System.out.printf("electrode pores y: tau %.5f iterations %d%n", y.tortuosity(), y.iterations());
            assertTrue(y.converged());
            assertEquals(2.0766, y.tortuosity(), 2.0766 * 0.002);
        }
    }
}
