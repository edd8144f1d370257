package org.tomolyte.image.measure;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tomolyte.core.InputException;
import org.tomolyte.core.PhaseTable;
import org.tomolyte.core.Table;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Metrics;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Port;

/**
 * {@code phases.fractions}: voxels, volume fraction and volume (um^3) of every phase of a label
 * volume. Phases named in the protocol are always listed (with 0 when absent); other values
 * present are listed as {@code phase_<id>}. Metrics are keyed by phase name.
 */
public final class PhaseFractionsOp implements Op<PhaseFractionsOp.Params> {

    /** {@code phases.fractions} has no parameters. */
    public record Params() {
    }

    @Override
    public String id() {
        return "phases.fractions";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Voxels, volume fraction and volume (um^3) of each phase of a label volume";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("labels", "u8, u16 or i32 phase labels"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.table("fractions", "phase_id, phase, voxels, fraction, volume_um3"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec v = (DataSpec.VolumeSpec) in.get("labels");
        if (!v.type().isInteger()) {
            throw new InputException("phases.fractions needs integer labels (u8, u16 or i32), got " + v.type().label());
        }
        return Map.of("fractions", new DataSpec.TableSpec("fractions"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        var labels = in.volume("labels");
        ctx.progress().start("phase fractions", 1);
        PhaseCounts counts = PhaseCounts.of(labels, org.tomolyte.core.Progress.NONE);
        ctx.progress().done();
        PhaseTable phases = ctx.phases();
        TreeSet<Integer> ids = new TreeSet<>(counts.counts().keySet());
        ids.addAll(phases.names().keySet());
        Table.Builder t = Table.builder("fractions")
                .column("phase_id", "", Table.Kind.INTEGER, "label value")
                .column("phase", "", Table.Kind.TEXT, "phase name")
                .column("voxels", "voxel", Table.Kind.INTEGER, "voxels of this phase")
                .column("fraction", "", Table.Kind.REAL, "volume fraction, 0..1")
                .column("volume_um3", "um^3", Table.Kind.REAL, "phase volume");
        OpResult r = new OpResult();
        for (int id : ids) {
            String name = phases.name(id);
            t.row(id, name, counts.voxels(id), counts.fraction(id), counts.volumeUm3(id));
            Metrics m = r.metrics().group(name);
            m.put("voxels", counts.voxels(id)).put("fraction", counts.fraction(id)).put("volume_um3", counts.volumeUm3(id));
        }
        return r.table("fractions", t.build());
    }
}
