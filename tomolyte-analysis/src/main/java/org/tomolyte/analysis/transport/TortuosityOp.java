package org.tomolyte.analysis.transport;

import java.util.List;
import java.util.Map;
import org.tomolyte.analysis.connectivity.ThroughConnectivityOp;
import org.tomolyte.core.Plot;
import org.tomolyte.core.Table;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Port;

/**
 * {@code tortuosity.factor}: tortuosity factor of a phase from steady-state diffusion between
 * the two faces normal to {@code axis} (fixed concentrations there, no flux elsewhere), as
 * TauFactor defines it: {@code tau = porosity * D0 / D_eff}. Input {@code labels} with
 * {@code phase}, or a {@code mask}. Metrics {@code tortuosity} (+Infinity when the phase does not
 * percolate), {@code effective_diffusivity} (D_eff/D0), {@code porosity}, {@code through_fraction}
 * (6-connected), {@code iterations}, {@code residual}; table {@code flux}: D_eff/D0 from the flux
 * through each plane normal to the axis (equal at convergence), with a plot. The concentration
 * field is the output of the sibling op {@code tortuosity.concentration}. Method:
 * {@link TortuositySolver}.
 */
public final class TortuosityOp implements Op<TortuosityParams> {

    @Override
    public String id() {
        return "tortuosity.factor";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Tortuosity factor of a phase (porosity * D0 / D_eff) from steady diffusion between two faces, as TauFactor";
    }

    @Override
    public String reference() {
        return "TauFactor: Cooper et al. 2016 SoftwareX 5:203; Kench et al. 2023 JOSS 8:5358 (same boundary conditions and flux)";
    }

    @Override
    public Class<TortuosityParams> paramsType() {
        return TortuosityParams.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.optionalVolume("labels", "integer phase labels (u8, u16 or i32); phase selects the transporting one"),
                Port.optionalVolume("mask", "mask of the transporting phase (nonzero)"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.table("flux", "plane, position_um, effective_diffusivity: D_eff/D0 from the flux through each plane"));
    }

    @Override
    public Map<String, DataSpec> preflight(TortuosityParams p, Map<String, DataSpec> in) {
        ThroughConnectivityOp.phaseInput(p.phase(), in, id());
        return Map.of("flux", new DataSpec.TableSpec("flux"));
    }

    @Override
    public OpResult run(TortuosityParams p, OpInputs in, OpContext ctx) {
        TortuositySolver.Result r = solve(p, in, ctx, false);
        return result(p, r, in);
    }

    /** Solves for the op's input. */
    static TortuositySolver.Result solve(TortuosityParams p, OpInputs in, OpContext ctx, boolean field) {
        try (Volume m = ThroughConnectivityOp.phaseMask(p.phase(), in, ctx.phases())) {
            return TortuositySolver.solve(m, p.axis(), p.tolerance(), p.maxIterations(), field, ctx.progress());
        }
    }

    /** Metrics, flux table and plot of a solve. */
    static OpResult result(TortuosityParams p, TortuositySolver.Result r, OpInputs in) {
        Volume v = in.optionalVolume("labels") != null ? in.volume("labels") : in.volume("mask");
        double s = p.axis().spacing(v.spacing());
        double[] pd = r.planeDiffusivity();
        Table.Builder t = Table.builder("flux")
                .column("plane", "", Table.Kind.INTEGER, "plane index: k voxels from the inlet face")
                .column("position_um", "um", Table.Kind.REAL, "distance of the plane from the inlet face")
                .column("effective_diffusivity", "", Table.Kind.REAL, "D_eff/D0 from the flux through this plane");
        double[] xs = new double[pd.length];
        for (int k = 0; k < pd.length; k++) {
            xs[k] = k * s;
            t.row(k, xs[k], pd[k]);
        }
        OpResult out = new OpResult().table("flux", t.build());
        out.metrics().put("tortuosity", r.tortuosity())
                .put("effective_diffusivity", r.effectiveDiffusivity())
                .put("porosity", r.porosity())
                .put("through_fraction", r.throughFraction())
                .put("iterations", (long) r.iterations())
                .put("residual", r.residual());
        out.plot(new Plot("flux", "Flux through planes normal to " + p.axis().label() + " (tau " + String.format(java.util.Locale.ROOT,
                "%.4f", r.tortuosity()) + ")", "position (um)", "D_eff/D0", Plot.Kind.LINE, false, List.of(new Plot.Series("plane flux", xs, pd))));
        return out;
    }
}
