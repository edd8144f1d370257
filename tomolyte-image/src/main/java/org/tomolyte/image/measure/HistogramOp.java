package org.tomolyte.image.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tomolyte.core.InputException;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.PhaseTable;
import org.tomolyte.core.Plot;
import org.tomolyte.core.Table;
import org.tomolyte.core.Volume;
import org.tomolyte.core.VolumeStats;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.Param;
import org.tomolyte.core.op.Port;
import org.tomolyte.image.histogram.Histogram;

/**
 * {@code measure.histogram}: the grey-level histogram of an image, and, when a label volume is
 * given, one histogram per phase over the same bins (paper 000, Fig. S2: per-phase grey-level
 * distributions of a FIB-SEM cathode, used to judge how separable the phases are).
 *
 * <p>Table {@code histogram}: {@code bin_low, bin_high, bin_center, count_all, frequency_all} and,
 * per phase, {@code count_<phase>, frequency_<phase>} (frequency = count / voxels of that phase).
 * Plot {@code histogram}: frequency against grey value, one line per phase.
 */
public final class HistogramOp implements Op<HistogramOp.Params> {

    /**
     * Parameters of {@code measure.histogram}.
     *
     * @param bins number of bins (integer images whose range fits use one bin per value when bins is at least that range)
     * @param min  lower end of the grey range, default the image minimum
     * @param max  upper end of the grey range, default the image maximum
     */
    public record Params(
            @Param(doc = "number of equal-width bins over min..max; integer images with fewer distinct values than bins get one bin per value",
                    defaultValue = "256", min = 1, max = 1 << 20) int bins,
            @Param(doc = "lower end of the grey range (default: image minimum)", optional = true) Double min,
            @Param(doc = "upper end of the grey range (default: image maximum)", optional = true) Double max) {
        public Params {
            org.tomolyte.core.op.Check.range("bins", bins, 1, 1 << 20);
            if (min != null && max != null && !(max > min)) {
                throw new ParameterException("max must be > min, got min=" + min + ", max=" + max);
            }
        }
    }

    @Override
    public String id() {
        return "measure.histogram";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String summary() {
        return "Grey-level histogram, per phase when labels are given (table and plot)";
    }

    @Override
    public String reference() {
        return "Shi et al., supporting information, Fig. S2 (paper 000)";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.volume("image", "grey image"), Port.optionalVolume("labels", "phase labels, same size as the image"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.table("histogram", "bins with counts and frequencies, overall and per phase"));
    }

    @Override
    public Map<String, DataSpec> preflight(Params p, Map<String, DataSpec> in) {
        DataSpec.VolumeSpec img = (DataSpec.VolumeSpec) in.get("image");
        if (in.get("labels") instanceof DataSpec.VolumeSpec lab) {
            if (!lab.dims().equals(img.dims())) {
                throw new InputException("labels are " + lab.dims() + " but the image is " + img.dims());
            }
            if (!lab.type().isInteger()) {
                throw new InputException("labels must be an integer volume (u8, u16 or i32), got " + lab.type().label());
            }
        }
        return Map.of("histogram", new DataSpec.TableSpec("histogram"));
    }

    @Override
    public OpResult run(Params p, OpInputs in, OpContext ctx) {
        Volume image = in.volume("image");
        Volume labels = in.optionalVolume("labels");
        double lo = p.min() != null ? p.min() : Double.NaN;
        double hi = p.max() != null ? p.max() : Double.NaN;
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            VolumeStats s = VolumeStats.of(image);
            lo = Double.isNaN(lo) ? s.min() : lo;
            hi = Double.isNaN(hi) ? s.max() : hi;
        }
        int bins = p.bins();
        List<String> names = new ArrayList<>();
        List<Histogram> hists = new ArrayList<>();
        Histogram all = histogram(image, bins, lo, hi, null, 0);
        names.add("all");
        hists.add(all);
        if (labels != null) {
            PhaseTable phases = ctx.phases();
            TreeSet<Integer> ids = new TreeSet<>(PhaseCounts.of(labels, org.tomolyte.core.Progress.NONE).counts().keySet());
            ctx.progress().start("histogram per phase", ids.size());
            for (int id : ids) {
                names.add(phases.name(id));
                hists.add(histogram(image, bins, lo, hi, labels, id));
                ctx.progress().advance(1);
            }
            ctx.progress().done();
        }
        Table.Builder t = Table.builder("histogram")
                .column("bin_low", "grey", Table.Kind.REAL, "left bin edge, grey value")
                .column("bin_high", "grey", Table.Kind.REAL, "right bin edge, grey value")
                .column("bin_center", "grey", Table.Kind.REAL, "bin centre, grey value");
        for (String n : names) {
            t.column("count_" + n, "voxel", Table.Kind.INTEGER, "voxels of " + n + " in the bin");
            t.column("frequency_" + n, "", Table.Kind.REAL, "count / voxels of " + n);
        }
        double[] centers = all.centers();
        List<Plot.Series> series = new ArrayList<>();
        double[][] freq = new double[hists.size()][centers.length];
        for (int h = 0; h < hists.size(); h++) {
            long total = Math.max(1, hists.get(h).total());
            for (int i = 0; i < centers.length; i++) {
                freq[h][i] = (double) hists.get(h).counts()[i] / total;
            }
            if (labels == null || h > 0) {
                series.add(new Plot.Series(names.get(h), centers, freq[h]));
            }
        }
        for (int i = 0; i < centers.length; i++) {
            Object[] row = new Object[3 + 2 * hists.size()];
            row[0] = all.edges()[i];
            row[1] = all.edges()[i + 1];
            row[2] = centers[i];
            for (int h = 0; h < hists.size(); h++) {
                row[3 + 2 * h] = hists.get(h).counts()[i];
                row[4 + 2 * h] = freq[h][i];
            }
            t.row(row);
        }
        OpResult r = new OpResult().table("histogram", t.build());
        r.plot(new Plot("histogram", labels == null ? "Grey-level histogram" : "Grey-level histogram per phase",
                "grey value", "frequency (fraction of phase voxels)", Plot.Kind.STEP, false, series));
        r.metrics().put("bins", (long) centers.length).put("min", all.edges()[0]).put("max", all.edges()[centers.length]);
        return r;
    }

    private static Histogram histogram(Volume image, int bins, double lo, double hi, Volume labels, int label) {
        boolean wideInts = image.type().isInteger() && hi - lo + 1 > bins;
        if (wideInts) {
            // equal-width float-style bins: histogram the range as real numbers
            return Histogram.ofReal(image, bins, lo, hi, labels, label);
        }
        return Histogram.of(image, bins, lo, hi, labels, label, org.tomolyte.core.Progress.NONE);
    }
}
