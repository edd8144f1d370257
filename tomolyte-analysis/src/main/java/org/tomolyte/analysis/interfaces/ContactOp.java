package org.tomolyte.analysis.interfaces;

import org.tomolyte.core.Axis;

import java.util.List;
import java.util.Map;
import org.tomolyte.core.DataType;
import org.tomolyte.core.InputException;
import org.tomolyte.core.op.Check;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;

/**
 * {@code interface.contact}: contact map of one electrode from the masks of
 * {@code interface.lithium} (input {@code lithium}) and {@code interface.voids} (input
 * {@code voids}) (paper 003, Fig. 4; algorithm in {@link Contact}). Output the U8 contact map
 * (one voxel per column) and its heat map; metrics {@code contact_area_um2, contact_fraction,
 * analysed_area_um2} and, when {@code nominal_current_ma_cm2} is given,
 * {@code effective_current_density_mA_cm2} = nominal / contact fraction (the current density the
 * contacting area actually carries; left out when no column is in contact).
 */
public final class ContactOp implements Op<ContactOp.Params> {

    /**
     * Parameters of {@code interface.contact}.
     *
     * @param electrode           top or bottom
     * @param bottomVox           electrode voxels nearest the electrolyte searched for voids (paper: 5)
     * @param nominalCurrentMaCm2 optional nominal current density, mA/cm^2
     * @param stackAxis           stack axis, default z
     */
    public record Params(
            @Param(doc = "electrode: bottom (low indices along the stack axis) or top") Electrode electrode,
            @Param(doc = "electrode voxels nearest the electrolyte searched for voids (paper: 5)", defaultValue = "5", min = 1,
                    max = 1000) int bottomVox,
            @Param(doc = "nominal (applied) current density; gives effective_current_density_mA_cm2", unit = "mA/cm^2",
                    optional = true, min = 0, minExclusive = true) Double nominalCurrentMaCm2,
            @Param(doc = "stack axis (x, y or z)", defaultValue = "z") Axis stackAxis) {
        public Params {
            Check.required("electrode", electrode);
            Check.range("bottom_vox", bottomVox, 1, 1000);
            if (nominalCurrentMaCm2 != null) {
                Check.greater("nominal_current_ma_cm2", nominalCurrentMaCm2, 0);
            }
            stackAxis = stackAxis == null ? Axis.Z : stackAxis;
        }
    }

    @Override
    public String id() {
        return "interface.contact";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Contact map and contact fraction of one electrode from its lithium and void masks";
    }

    @Override
    public String reference() {
        return "J.A. Lewis et al., Nat. Mater. 20 (2021) 503-510, Methods: Segmentation Analysis (contact algorithm), Fig. 4";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("lithium", "lithium mask (interface.lithium mask)"),
                Port.volume("voids", "interfacial void mask (interface.voids mask)"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.volume("contact", "u8 contact map, one voxel per column: 1 in contact, 0 not"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec li = (DataSpec.VolumeSpec) in.get("lithium");
        DataSpec.VolumeSpec vo = (DataSpec.VolumeSpec) in.get("voids");
        if (!li.dims().equals(vo.dims())) {
            throw new InputException("interface.contact: lithium " + li.dims() + " and voids " + vo.dims() + " must have the same dimensions");
        }
        return Map.of("contact", LithiumOp.mapSpec(new Columns(li.dims(), p.stackAxis()), li.spacing(), DataType.U8));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Contact.Result r = Contact.run(in.volume("lithium"), in.volume("voids"), p.electrode(), p.stackAxis(), p.bottomVox(),
                ctx.progress());
        if (r.lithiumColumns() == 0) {
            r.map().close();
            throw new InputException("interface.contact: the lithium mask is empty");
        }
        OpResult out = new OpResult().volume("contact", r.map());
        out.plot(Maps.heatmap("contact", "Contact map, " + p.electrode().label() + " electrode (1 = in contact)", r.map(),
                p.stackAxis(), "contact"));
        out.metrics().put("contact_area_um2", r.contactAreaUm2()).put("contact_fraction", r.contactFraction())
                .put("analysed_area_um2", r.analysedAreaUm2());
        if (p.nominalCurrentMaCm2() != null && r.contactColumns() > 0) {
            out.metrics().put("effective_current_density_mA_cm2", p.nominalCurrentMaCm2() / r.contactFraction());
        }
        return out;
    }
}
