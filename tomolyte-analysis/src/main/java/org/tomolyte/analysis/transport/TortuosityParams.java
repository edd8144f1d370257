package org.tomolyte.analysis.transport;

import org.tomolyte.core.Axis;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.op.Check;
import org.tomolyte.core.op.Param;

/**
 * Parameters of {@code tortuosity.factor} and {@code tortuosity.concentration}.
 *
 * @param phase         label value or phase name of the transporting phase (with input {@code labels}; not with {@code mask})
 * @param axis          transport axis x, y or z: fixed concentrations on the two faces normal to it
 * @param tolerance     stop when the relative residual and the relative spread of the plane fluxes are at most this
 * @param maxIterations conjugate-gradient iteration limit
 */
public record TortuosityParams(
        @Param(doc = "label value or phase name of the transporting phase (required with input labels; not used with mask)", optional = true)
        String phase,
        @Param(doc = "transport axis: the concentration is fixed on the two faces normal to it (x, y or z; z = numpy axis 0)",
                defaultValue = "z") Axis axis,
        @Param(doc = "convergence: relative residual ||b-Ax||/||b|| and relative spread (max-min)/mean of the flux through the "
                + "planes normal to the axis both at most this", defaultValue = "1e-4", min = 1e-6, max = 0.1)
        double tolerance,
        @Param(doc = "conjugate-gradient iteration limit (each preconditioned by one multigrid V-cycle)", defaultValue = "1000",
                min = 1, max = 1000000) int maxIterations) {

    /** Validates every value. */
    public TortuosityParams {
        if (axis == null) {
            throw new ParameterException("axis must be one of x|y|z, got null");
        }
        Check.range("tolerance", tolerance, 1e-6, 0.1);
        Check.range("max_iterations", maxIterations, 1, 1000000);
    }
}
