package org.tomolyte.analysis.psd;

import java.util.List;
import java.util.Map;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Plot;
import org.tomolyte.core.Table;
import org.tomolyte.core.op.Check;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;

/**
 * {@code psd.local_thickness}: local thickness (Hildebrand and Rüegsegger 1997) of a mask, the
 * pore size distribution of paper 001 (Dixit et al., methods 4.4) when the mask is the pore
 * space. Every mask voxel gets the diameter in um of the largest ball inside the mask that
 * contains it (exact on anisotropic voxels; method and tie rule in {@link LocalThickness}).
 *
 * <p>Outputs: volume {@code thickness} (F32, um, 0 outside the mask); table {@code distribution}
 * with columns {@code diameter_um} (bin centre), {@code pdf} (volume fraction per um) and
 * {@code cdf} (volume fraction up to the bin's upper edge) over {@code bins} equal bins from 0 to
 * the largest diameter; plot {@code local_thickness}; metrics {@code mean_diameter_um},
 * {@code d10_um}, {@code d50_um}, {@code d90_um} (volume-weighted, exact over the voxels, see
 * {@link ThicknessDistribution}; NaN for an empty mask).
 */
public final class LocalThicknessOp implements Op<LocalThicknessOp.Params> {

    /**
     * Parameters of {@code psd.local_thickness}.
     *
     * @param bins number of equal-width bins of the distribution table, 1..100000
     */
    public record Params(
            @Param(doc = "equal-width bins of the distribution table, from 0 to the largest diameter", defaultValue = "50",
                    min = 1, max = 100000) int bins) {
        public Params {
            Check.range("bins", bins, 1, 100000);
        }
    }

    @Override
    public String id() {
        return "psd.local_thickness";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Local thickness (largest inscribed ball diameter, um) of a mask, with its volume-weighted distribution and d10/d50/d90";
    }

    @Override
    public String reference() {
        return "T. Hildebrand, P. Rüegsegger, J. Microscopy 185 (1997) 67-75; paper 001 (Dixit et al.) methods 4.4, pore size distribution";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("mask", "mask of the phase measured (nonzero), e.g. pores"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.volume("thickness", "F32 local thickness in um, 0 outside the mask"),
                Port.table("distribution", "volume-weighted distribution: diameter_um, pdf (1/um), cdf"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec v = (DataSpec.VolumeSpec) in.get("mask");
        return Map.of("thickness", new DataSpec.VolumeSpec(v.dims(), DataType.F32, v.spacing()),
                "distribution", new DataSpec.TableSpec("distribution"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        LocalThickness.Result res = LocalThickness.compute(in.volume("mask"), ctx.progress());
        ThicknessDistribution dist = res.distribution();
        double[][] bins = dist.binned(p.bins());
        Table.Builder t = Table.builder("distribution")
                .column("diameter_um", "um", Table.Kind.REAL, "bin centre, local thickness (diameter)")
                .column("pdf", "1/um", Table.Kind.REAL, "volume fraction of the mask in the bin divided by the bin width")
                .column("cdf", "", Table.Kind.REAL, "volume fraction with thickness up to the bin's upper edge");
        double[] x = new double[bins.length];
        double[] pdf = new double[bins.length];
        double[] cdf = new double[bins.length];
        for (int b = 0; b < bins.length; b++) {
            t.row(bins[b][0], bins[b][1], bins[b][2]);
            x[b] = bins[b][0];
            pdf[b] = bins[b][1];
            cdf[b] = bins[b][2];
        }
        OpResult r = new OpResult().volume("thickness", res.thickness()).table("distribution", t.build());
        r.plot(new Plot("local_thickness", "Local thickness distribution (volume-weighted)", "diameter (um)",
                "volume fraction per um", Plot.Kind.STEP, false, List.of(new Plot.Series("pdf", x, pdf))));
        r.plot(new Plot("local_thickness_cdf", "Local thickness, cumulative (volume-weighted)", "diameter (um)",
                "cumulative volume fraction", Plot.Kind.LINE, false, List.of(new Plot.Series("cdf", x, cdf))));
        r.metrics().put("mean_diameter_um", dist.meanUm()).put("d10_um", dist.d10Um()).put("d50_um", dist.d50Um())
                .put("d90_um", dist.d90Um());
        return r;
    }
}
