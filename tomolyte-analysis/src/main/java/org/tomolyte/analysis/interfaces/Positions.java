package org.tomolyte.analysis.interfaces;

import org.tomolyte.core.Axis;

import java.util.SplittableRandom;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Table;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.Check;

/**
 * Interface and current-collector heights and electrode thicknesses of both electrodes (Lewis et
 * al., paper 003, Fig. 5a and 5c: interface and collector tracked during stripping; stack
 * thickness between the collectors). Both electrodes are segmented column by column as in
 * {@link LithiumSegmentation}; heights are faces along the stack axis in um (see there), the
 * electrode thickness is |interface - collector| and the stack thickness is top collector minus
 * bottom collector. Averages are given over every column analysed at both electrodes and over
 * {@code sites} columns drawn from those with a seeded generator (the paper samples positions by
 * hand; a seed makes the sampling repeatable).
 */
public final class Positions {

    private Positions() {
    }

    /**
     * Settings.
     *
     * @param axis          stack axis
     * @param liMax         see {@link LithiumSegmentation.Settings}
     * @param interphaseMin see {@link LithiumSegmentation.Settings}
     * @param lookaheadVox  see {@link LithiumSegmentation.Settings}
     * @param collectorMin  see {@link LithiumSegmentation.Settings}
     * @param sites         number of sampled columns, 1..100000
     * @param seed          sampling seed
     */
    public record Settings(Axis axis, double liMax, double interphaseMin, int lookaheadVox, double collectorMin, int sites,
                           long seed) {
        /** Validates; throws {@link org.tomolyte.core.ParameterException} naming the bad value. */
        public Settings {
            Check.range("sites", sites, 1, 100_000);
            new LithiumSegmentation.Settings(Electrode.BOTTOM, axis, liMax, interphaseMin, lookaheadVox, collectorMin, null);
        }
    }

    /**
     * Mean positions of one electrode, um.
     *
     * @param interfaceZUm interface height
     * @param collectorZUm collector face height
     * @param thicknessUm  electrode thickness
     */
    public record Mean(double interfaceZUm, double collectorZUm, double thicknessUm) {
    }

    /**
     * Result.
     *
     * @param top                  all-column means of the top electrode
     * @param bottom               all-column means of the bottom electrode
     * @param stackThicknessUm     all-column mean of top minus bottom collector, um
     * @param topSites             site means of the top electrode
     * @param bottomSites          site means of the bottom electrode
     * @param stackThicknessUmSites site mean of the stack thickness, um
     * @param columns              columns analysed at both electrodes
     * @param table                one row per site and electrode
     */
    public record Result(Mean top, Mean bottom, double stackThicknessUm, Mean topSites, Mean bottomSites,
                         double stackThicknessUmSites, long columns, Table table) {
    }

    /** Measures the positions. */
    public static Result run(Volume image, Settings s, Progress progress) {
        Columns cols = new Columns(image.dims(), s.axis());
        LithiumSegmentation.Runs bottom = LithiumSegmentation.runs(image, settings(s, Electrode.BOTTOM), cols, null, progress);
        LithiumSegmentation.Runs top = LithiumSegmentation.runs(image, settings(s, Electrode.TOP), cols, null, progress);
        int count = cols.count();
        int[] valid = new int[count];
        int nValid = 0;
        for (int c = 0; c < count; c++) {
            if (bottom.interfaceFace()[c] >= 0 && top.interfaceFace()[c] >= 0) {
                valid[nValid++] = c;
            }
        }
        Spacing sp = image.spacing();
        double ds = Columns.along(sp, s.axis());
        double[] all = sums(valid, nValid, bottom, top);
        int nSites = Math.min(s.sites(), nValid);
        SplittableRandom rnd = new SplittableRandom(s.seed());
        int[] pool = java.util.Arrays.copyOf(valid, nValid);
        for (int i = 0; i < nSites; i++) {
            int j = i + rnd.nextInt(nValid - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        double[] site = sums(pool, nSites, bottom, top);
        Table.Builder tb = Table.builder("sites")
                .column("site", "", Table.Kind.INTEGER, "site number, 1..sites")
                .column("x_um", "um", Table.Kind.REAL, "column centre along the first in-plane axis (x, or y for stack axis x)")
                .column("y_um", "um", Table.Kind.REAL, "column centre along the second in-plane axis (y, or z for stack axis x or y)")
                .column("electrode", "", Table.Kind.TEXT, "top or bottom")
                .column("interface_z_um", "um", Table.Kind.REAL, "interface height along the stack axis")
                .column("collector_z_um", "um", Table.Kind.REAL, "current collector face height along the stack axis")
                .column("thickness_um", "um", Table.Kind.REAL, "electrode thickness |interface - collector|");
        for (int i = 0; i < nSites; i++) {
            int c = pool[i];
            double x = (c % cols.nu + 0.5) * cols.su(sp);
            double y = (c / cols.nu + 0.5) * cols.sv(sp);
            for (Electrode e : new Electrode[] {Electrode.TOP, Electrode.BOTTOM}) {
                LithiumSegmentation.Runs r = e == Electrode.TOP ? top : bottom;
                double f = r.interfaceFace()[c] * ds;
                double col = r.collectorFace()[c] * ds;
                tb.row((long) (i + 1), x, y, e.label(), f, col, Math.abs(f - col));
            }
        }
        return new Result(mean(all, 0, nValid, ds), mean(all, 3, nValid, ds), all[6] / nValid * ds,
                mean(site, 0, nSites, ds), mean(site, 3, nSites, ds), site[6] / nSites * ds, nValid, tb.build());
    }

    private static LithiumSegmentation.Settings settings(Settings s, Electrode e) {
        return new LithiumSegmentation.Settings(e, s.axis(), s.liMax(), s.interphaseMin(), s.lookaheadVox(), s.collectorMin(), null);
    }

    /** Sums in slices: top interface, collector, thickness; bottom the same; stack. */
    private static double[] sums(int[] columns, int n, LithiumSegmentation.Runs bottom, LithiumSegmentation.Runs top) {
        double[] s = new double[7];
        for (int i = 0; i < n; i++) {
            int c = columns[i];
            s[0] += top.interfaceFace()[c];
            s[1] += top.collectorFace()[c];
            s[2] += top.collectorFace()[c] - top.interfaceFace()[c];
            s[3] += bottom.interfaceFace()[c];
            s[4] += bottom.collectorFace()[c];
            s[5] += bottom.interfaceFace()[c] - bottom.collectorFace()[c];
            s[6] += top.collectorFace()[c] - bottom.collectorFace()[c];
        }
        return s;
    }

    private static Mean mean(double[] s, int at, int n, double ds) {
        return new Mean(s[at] / n * ds, s[at + 1] / n * ds, s[at + 2] / n * ds);
    }
}
