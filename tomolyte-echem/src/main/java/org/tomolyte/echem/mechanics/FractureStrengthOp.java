package org.tomolyte.echem.mechanics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.tomolyte.echem.eclab.Tables;

/**
 * {@code echem.fracture_strength}: particle fracture strength from a compression load–displacement
 * curve (paper 002, Fig. 5E): the load at the first major drop and strength = load / (pi d^2 / 4),
 * by the rules of {@link FractureStrength}.
 *
 * <p>Input {@code curve}: a table with a load column (unit given by {@code load_unit}) and a
 * displacement column. Output table {@code fracture}: one row ({@code found, fracture_load_mN,
 * fracture_displacement, max_load_mN, diameter_um, area_um2, strength_MPa}); plot {@code fracture}
 * (load vs displacement, fracture point marked). Metrics: {@code found} (0/1), {@code fracture_load_mN},
 * {@code strength_MPa} (when found), {@code max_load_mN}.
 */
public final class FractureStrengthOp implements Op<FractureStrengthOp.Params> {

    /** Unit of the load column. */
    public enum LoadUnit {
        /** Newton. */
        N(1000.0),
        /** Millinewton. */
        MN(1.0),
        /** Micronewton. */
        UN(1e-3);

        final double toMilliNewton;

        LoadUnit(double toMilliNewton) {
            this.toMilliNewton = toMilliNewton;
        }
    }

    /**
     * Parameters of {@code echem.fracture_strength}.
     *
     * @param diameterUm          particle diameter, um
     * @param loadColumn          load column name
     * @param loadUnit            unit of the load column
     * @param displacementColumn  displacement column name
     * @param dropFraction        relative load drop that is a fracture
     * @param minLoadFraction     fraction of the maximum load the peak must reach before a drop counts
     */
    public record Params(
            @Param(doc = "particle diameter", unit = "um", min = 0, minExclusive = true) double diameterUm,
            @Param(doc = "load column of the curve table", defaultValue = "load_mN") String loadColumn,
            @Param(doc = "unit of the load column: n, mn or un (newton, millinewton, micronewton)", defaultValue = "mn") LoadUnit loadUnit,
            @Param(doc = "displacement column of the curve table", defaultValue = "displacement_nm") String displacementColumn,
            @Param(doc = "first major drop: load below (1 - drop_fraction) x the peak so far", defaultValue = "0.1", min = 0, minExclusive = true,
                    max = 0.999) double dropFraction,
            @Param(doc = "a drop counts once the peak has reached this fraction of the maximum load", defaultValue = "0.2", min = 0, max = 1)
            double minLoadFraction) {
        public Params {
            Check.greater("diameter_um", diameterUm, 0);
            Check.required("load_unit", loadUnit);
            Check.range("drop_fraction", dropFraction, 1e-9, 0.999);
            Check.range("min_load_fraction", minLoadFraction, 0, 1);
            if (loadColumn == null || loadColumn.isBlank() || displacementColumn == null || displacementColumn.isBlank()) {
                throw new ParameterException("load_column and displacement_column must name columns");
            }
        }
    }

    @Override
    public String id() {
        return "echem.fracture_strength";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Particle fracture strength: load at the first major drop of a compression curve / cross-section area";
    }

    @Override
    public String reference() {
        return "Zheng et al. (paper 002) Fig. 5E and fig. S11";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.table("curve", "load-displacement curve of one particle compression"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.table("fracture", "fracture load and strength"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        return Map.of("fracture", new DataSpec.TableSpec("fracture"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Table curve = in.table("curve");
        double[] load = Tables.required(curve, p.loadColumn(), "load");
        double[] disp = Tables.required(curve, p.displacementColumn(), "displacement");
        for (int i = 0; i < load.length; i++) {
            load[i] *= p.loadUnit().toMilliNewton;
        }
        FractureStrength.Result r = FractureStrength.analyse(disp, load, p.diameterUm(), p.dropFraction(), p.minLoadFraction());
        String dUnit = curve.columns().get(curve.columnIndex(p.displacementColumn())).unit();
        Table t = Table.builder("fracture")
                .column("found", "", Table.Kind.INTEGER, "1 when a major drop was found")
                .column("fracture_load_mN", "mN", Table.Kind.REAL, "peak load before the first major drop")
                .column("fracture_displacement", dUnit, Table.Kind.REAL, "displacement at the fracture load, unit of the curve")
                .column("max_load_mN", "mN", Table.Kind.REAL, "largest load of the curve")
                .column("diameter_um", "um", Table.Kind.REAL, "particle diameter")
                .column("area_um2", "um^2", Table.Kind.REAL, "cross-section pi d^2 / 4")
                .column("strength_MPa", "MPa", Table.Kind.REAL, "fracture load / cross-section")
                .row(r.found() ? 1L : 0L, r.loadMN(), r.displacement(), r.maxLoadMN(), p.diameterUm(), FractureStrength.areaUm2(p.diameterUm()),
                        r.strengthMPa())
                .build();
        OpResult res = new OpResult().table("fracture", t);
        List<Plot.Series> s = new ArrayList<>();
        s.add(new Plot.Series("load", disp, load));
        if (r.found()) {
            s.add(new Plot.Series(String.format(java.util.Locale.ROOT, "fracture %.4g mN, %.4g MPa", r.loadMN(), r.strengthMPa()),
                    new double[] {r.displacement(), r.displacement()}, new double[] {0, r.loadMN()}));
        }
        res.plot(new Plot("fracture", "Particle compression", p.displacementColumn(), "load (mN)", Plot.Kind.LINE, false, s));
        res.metrics().put("found", r.found() ? 1L : 0L).put("max_load_mN", r.maxLoadMN());
        if (r.found()) {
            res.metrics().put("fracture_load_mN", r.loadMN()).put("strength_MPa", r.strengthMPa());
        }
        return res;
    }
}
