package org.tomolyte.analysis.transport;

import java.util.List;
import java.util.Map;
import org.tomolyte.analysis.connectivity.ThroughConnectivityOp;
import org.tomolyte.core.DataType;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Port;

/**
 * {@code tortuosity.concentration}: {@code tortuosity.factor} plus its steady-state
 * concentration field as an F32 volume (1 on the inlet face, the first layer along the axis;
 * 0 on the outlet face; 0 outside the through-connected phase). Same parameters, metrics and
 * {@code flux} table; a separate op so that the field (4 bytes per voxel) is written only when
 * a protocol asks for it. Method: {@link TortuositySolver}.
 */
public final class TortuosityConcentrationOp implements Op<TortuosityParams> {

    @Override
    public String id() {
        return "tortuosity.concentration";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "tortuosity.factor plus the steady-state concentration field (F32, 1 at the inlet face, 0 at the outlet)";
    }

    @Override
    public String reference() {
        return new TortuosityOp().reference();
    }

    @Override
    public Class<TortuosityParams> paramsType() {
        return TortuosityParams.class;
    }

    @Override
    public List<Port> inputs() {
        return new TortuosityOp().inputs();
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.volume("concentration", "F32 concentration, 1 at the inlet face, 0 at the outlet, 0 outside the solved phase"),
                Port.table("flux", "plane, position_um, effective_diffusivity: D_eff/D0 from the flux through each plane"));
    }

    @Override
    public Map<String, DataSpec> preflight(TortuosityParams p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec v = ThroughConnectivityOp.phaseInput(p.phase(), in, id());
        return Map.of("concentration", new DataSpec.VolumeSpec(v.dims(), DataType.F32, v.spacing()),
                "flux", new DataSpec.TableSpec("flux"));
    }

    @Override
    public OpResult run(TortuosityParams p, OpInputs in, OpContext ctx) {
        TortuositySolver.Result r = TortuosityOp.solve(p, in, ctx, true);
        return TortuosityOp.result(p, r, in).volume("concentration", r.concentration());
    }
}
