package org.tomolyte.analysis.surface;

import java.util.List;
import java.util.Map;
import org.tomolyte.core.InputException;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.PhaseTable;
import org.tomolyte.core.Table;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Metrics;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;

/**
 * {@code surface.area}: surface area (um^2) and specific surface area (area / total image
 * volume, 1/um) of every phase of a label volume, and the interfacial area between every pair
 * of phases (e.g. active material | electrolyte). {@code method: faces} counts the internal
 * voxel faces between different labels, each weighted by its physical area (TauFactor's
 * {@code face_counting}); {@code method: marching_cubes} measures the 0.5 iso-surface of each
 * phase's binary mask (no padding, as scikit-image and TauFactor). The interface table is by
 * face counting for both methods. Table {@code phases}: phase, name, voxels, volume_fraction,
 * surface_area_um2, specific_surface_area_per_um; table {@code interfaces}: phase_a, phase_b,
 * interface_area_um2; metrics grouped by phase name. Method: {@link SurfaceArea}.
 */
public final class SurfaceAreaOp implements Op<SurfaceAreaOp.Params> {

    /**
     * Parameters of {@code surface.area}.
     *
     * @param method faces or marching_cubes
     */
    public record Params(
            @Param(doc = "faces: count internal voxel faces between different labels (area-weighted, TauFactor face_counting); "
                    + "marching_cubes: 0.5 iso-surface of each phase mask, unpadded", defaultValue = "faces")
            SurfaceArea.Method method) {
        public Params {
            if (method == null) {
                throw new ParameterException("method must be one of faces|marching_cubes, got null");
            }
        }
    }

    @Override
    public String id() {
        return "surface.area";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Surface and specific surface area per phase and interfacial area per phase pair (faces or marching cubes)";
    }

    @Override
    public String reference() {
        return "TauFactor specific_surface_area / interfacial_areas (face_counting); Lorensen & Cline 1987 marching cubes";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("labels", "integer phase labels (u8, u16 or i32), at most 256 distinct values"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.table("phases", "phase, name, voxels, volume_fraction, surface_area_um2, specific_surface_area_per_um"),
                Port.table("interfaces", "phase_a, phase_b, interface_area_um2 (face counting)"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec v = (DataSpec.VolumeSpec) in.get("labels");
        if (!v.type().isInteger()) {
            throw new InputException("surface.area needs integer labels (u8, u16 or i32), got " + v.type().label());
        }
        return Map.of("phases", new DataSpec.TableSpec("phases"), "interfaces", new DataSpec.TableSpec("interfaces"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        SurfaceArea.Result r = SurfaceArea.measure(in.volume("labels"), p.method(), ctx.progress());
        PhaseTable names = ctx.phases();
        long total = 0;
        for (long v : r.voxels()) {
            total += v;
        }
        Table.Builder t = Table.builder("phases")
                .column("phase", "", Table.Kind.INTEGER, "label value")
                .column("name", "", Table.Kind.TEXT, "phase name")
                .column("voxels", "voxel", Table.Kind.INTEGER, "voxels of the phase")
                .column("volume_fraction", "", Table.Kind.REAL, "volume fraction, 0..1")
                .column("surface_area_um2", "um^2", Table.Kind.REAL, "surface area of the phase")
                .column("specific_surface_area_per_um", "1/um", Table.Kind.REAL, "surface area / total image volume");
        OpResult out = new OpResult();
        int[] ph = r.phases();
        for (int i = 0; i < ph.length; i++) {
            String name = names.name(ph[i]);
            double vf = (double) r.voxels()[i] / total;
            t.row(ph[i], name, r.voxels()[i], vf, r.areaUm2()[i], r.specificUm(i));
            Metrics m = out.metrics().group(name);
            m.put("voxels", r.voxels()[i]).put("volume_fraction", vf).put("surface_area_um2", r.areaUm2()[i])
                    .put("specific_surface_area_per_um", r.specificUm(i));
        }
        Table.Builder f = Table.builder("interfaces")
                .column("phase_a", "", Table.Kind.INTEGER, "label value of the first phase")
                .column("phase_b", "", Table.Kind.INTEGER, "label value of the second phase (> phase_a)")
                .column("interface_area_um2", "um^2", Table.Kind.REAL, "area of the faces between the two phases");
        Metrics im = out.metrics().group("interfaces");
        for (int i = 0; i < ph.length; i++) {
            for (int j = i + 1; j < ph.length; j++) {
                f.row(ph[i], ph[j], r.interfaceUm2()[i][j]);
                im.put(names.name(ph[i]) + "|" + names.name(ph[j]) + "_um2", r.interfaceUm2()[i][j]);
            }
        }
        return out.table("phases", t.build()).table("interfaces", f.build());
    }
}
