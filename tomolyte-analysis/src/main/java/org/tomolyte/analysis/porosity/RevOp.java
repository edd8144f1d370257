package org.tomolyte.analysis.porosity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tomolyte.core.DataType;
import org.tomolyte.core.InputException;
import org.tomolyte.core.ParameterException;
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
 * {@code porosity.rev}: representative elementary volume of porosity ({@link Rev}). Table
 * {@code rev}: {@code size_um, centred_porosity, mean, std, min, max, n} (statistics over the
 * centred cube and the random ones, population std); plot of mean, mean +- std, min, max and the
 * centred cube's porosity against size; metrics {@code rev_size_um} (smallest size with std below
 * {@code tolerance}; NaN with a {@code note} when none) and {@code whole_porosity}.
 */
public final class RevOp implements Op<RevOp.Params> {

    /**
     * Parameters of {@code porosity.rev}.
     *
     * @param sizesUm   cube edges in um
     * @param samples   random cubes per size
     * @param seed      seed of the random positions
     * @param tolerance porosity std below which a size is representative
     */
    public record Params(
            @Param(doc = "cube edges in um (sorted ascending); per axis round(size / spacing) voxels, at most the volume", unit = "um",
                    min = 0, minExclusive = true) double[] sizesUm,
            @Param(doc = "random cube positions per size (besides the centred cube)", defaultValue = "20", min = 0, max = 100000) int samples,
            @Param(doc = "seed of the random positions (same seed, same positions)", defaultValue = "1") long seed,
            @Param(doc = "porosity standard deviation below which a size counts as representative", defaultValue = "0.01",
                    min = 0, minExclusive = true, max = 1) double tolerance) {
        public Params {
            if (sizesUm == null || sizesUm.length == 0) {
                throw new ParameterException("sizes_um must list at least one cube edge in um, got nothing");
            }
            sizesUm = sizesUm.clone();
            Set<String> seen = new HashSet<>();
            for (double s : sizesUm) {
                Check.greater("sizes_um", s, 0);
                if (!seen.add(Check.fmt(s))) {
                    throw new ParameterException("sizes_um lists " + Check.fmt(s) + " twice");
                }
            }
            Check.range("samples", samples, 0, 100000);
            Check.greater("tolerance", tolerance, 0);
            Check.range("tolerance", tolerance, 0, 1);
        }
    }

    @Override
    public String id() {
        return "porosity.rev";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Representative elementary volume: porosity of centred and seeded random cubes of growing size; "
                + "REV = smallest size whose porosity std is below tolerance";
    }

    @Override
    public String reference() {
        return "Dixit et al., paper 001, 4.4 (subvolume optimisation); REV by sub-volume porosity convergence";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("mask", "u8 binarised volume, nonzero = pore"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.table("rev", "size_um, centred_porosity, mean, std, min, max, n"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec m = (DataSpec.VolumeSpec) in.get("mask");
        if (m.type() != DataType.U8) {
            throw new InputException("mask must be u8 (0 solid, nonzero pore), got " + m.type().label());
        }
        for (double s : p.sizesUm()) {
            BlockSums.edgeVoxels("sizes_um", s, m.dims(), m.spacing());
        }
        return Map.of("rev", new DataSpec.TableSpec("rev"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Rev.Result res = Rev.compute(in.volume("mask"), p.sizesUm(), p.samples(), p.seed(), p.tolerance(), ctx.progress());
        Table.Builder t = Table.builder("rev")
                .column("size_um", "um", Table.Kind.REAL, "cube edge")
                .column("centred_porosity", "", Table.Kind.REAL, "porosity of the centred cube")
                .column("mean", "", Table.Kind.REAL, "mean porosity over the centred and random cubes")
                .column("std", "", Table.Kind.REAL, "population standard deviation of their porosity (ddof 0)")
                .column("min", "", Table.Kind.REAL, "smallest porosity")
                .column("max", "", Table.Kind.REAL, "largest porosity")
                .column("n", "", Table.Kind.INTEGER, "cubes: the centred one plus samples random ones");
        int ns = res.sizes().size();
        double[] x = new double[ns];
        double[][] y = new double[6][ns];
        for (int i = 0; i < ns; i++) {
            Rev.Size s = res.sizes().get(i);
            SampleStats st = s.stats();
            t.row(s.sizeUm(), s.centred(), st.mean(), st.std(), st.min(), st.max(), st.n());
            x[i] = s.sizeUm();
            y[0][i] = st.mean();
            y[1][i] = st.mean() - st.std();
            y[2][i] = st.mean() + st.std();
            y[3][i] = st.min();
            y[4][i] = st.max();
            y[5][i] = s.centred();
        }
        String[] labels = {"mean", "mean - std", "mean + std", "min", "max", "centred cube"};
        List<Plot.Series> series = new ArrayList<>();
        for (int k = 0; k < labels.length; k++) {
            series.add(new Plot.Series(labels[k], x, y[k]));
        }
        OpResult r = new OpResult().table("rev", t.build());
        r.plot(new Plot("rev", "porosity of sub-volumes against their size", "cube edge (um)", "porosity", Plot.Kind.LINE, false, series));
        r.metrics().put("rev_size_um", res.revSizeUm()).put("whole_porosity", res.wholePorosity()).put("tolerance", res.tolerance());
        if (Double.isNaN(res.revSizeUm())) {
            r.metrics().put("note", "no size reached a porosity std below " + Check.fmt(p.tolerance())
                    + "; try larger sizes_um or a larger tolerance");
        }
        return r;
    }
}
