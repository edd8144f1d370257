package org.tomolyte.analysis.porosity;

import java.util.List;
import java.util.Map;

import org.tomolyte.core.DataType;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Table;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Port;

/**
 * {@code porosity.fraction}: pore fraction of a binarised volume (paper 001: porosity of the
 * pellet, Phi0 of Eq. 3): pore voxels / all voxels, with the pore and total volumes in um^3
 * (anisotropic voxel volume). Metrics {@code porosity}, {@code pore_volume_um3},
 * {@code total_volume_um3}, {@code pore_voxels}, {@code voxels}; the same in a one-row table.
 */
public final class PorosityFractionOp implements Op<PorosityFractionOp.Params> {

    /** {@code porosity.fraction} has no parameters. */
    public record Params() {
    }

    /**
     * Pore fraction and volumes of a mask.
     *
     * @param poreVoxels     nonzero voxels
     * @param voxels         all voxels
     * @param porosity       poreVoxels / voxels
     * @param poreVolumeUm3  pore volume in um^3
     * @param totalVolumeUm3 volume in um^3
     */
    public record Fraction(long poreVoxels, long voxels, double porosity, double poreVolumeUm3, double totalVolumeUm3) {

        /** Counts the nonzero voxels of a U8 mask in one streaming pass. */
        public static Fraction of(Volume mask, org.tomolyte.core.Progress progress) {
            BlockSums.Result r = BlockSums.compute(mask, true, List.of(), progress);
            long pores = Math.round(r.total());
            double vv = mask.spacing().voxelVolumeUm3();
            return new Fraction(pores, r.voxels(), pores / (double) r.voxels(), pores * vv, r.voxels() * vv);
        }
    }

    @Override
    public String id() {
        return "porosity.fraction";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Pore fraction of a binarised volume (nonzero = pore) and pore/total volume in um^3";
    }

    @Override
    public String reference() {
        return "Dixit et al., paper 001: porosity of the binarised pellet (Phi0 of Eq. 3)";
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
        return List.of(Port.table("porosity", "pore_voxels, voxels, porosity, pore_volume_um3, total_volume_um3"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec m = (DataSpec.VolumeSpec) in.get("mask");
        if (m.type() != DataType.U8) {
            throw new InputException("mask must be u8 (0 solid, nonzero pore), got " + m.type().label());
        }
        return Map.of("porosity", new DataSpec.TableSpec("porosity"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Volume mask = in.volume("mask");
        if (mask.type() != DataType.U8) {
            throw new InputException("mask must be u8 (0 solid, nonzero pore), got " + mask.type().label());
        }
        Fraction f = Fraction.of(mask, ctx.progress());
        OpResult r = new OpResult();
        r.metrics().put("porosity", f.porosity()).put("pore_volume_um3", f.poreVolumeUm3()).put("total_volume_um3", f.totalVolumeUm3())
                .put("pore_voxels", f.poreVoxels()).put("voxels", f.voxels());
        Table t = Table.builder("porosity")
                .column("pore_voxels", "voxel", Table.Kind.INTEGER, "nonzero voxels of the mask")
                .column("voxels", "voxel", Table.Kind.INTEGER, "all voxels")
                .column("porosity", "", Table.Kind.REAL, "pore fraction, 0..1")
                .column("pore_volume_um3", "um^3", Table.Kind.REAL, "pore volume")
                .column("total_volume_um3", "um^3", Table.Kind.REAL, "volume of the image")
                .row(f.poreVoxels(), f.voxels(), f.porosity(), f.poreVolumeUm3(), f.totalVolumeUm3()).build();
        return r.table("porosity", t);
    }
}
