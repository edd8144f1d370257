package org.tomolyte.analysis.interfaces;

import org.tomolyte.core.Axis;

import org.tomolyte.core.Plot;
import org.tomolyte.core.Volume;

/** Heat-map plots of per-column maps (nu x nv x 1 volumes, see {@link Columns}). */
final class Maps {

    private Maps() {
    }

    static String axisLabel(Axis axis, boolean first) {
        return switch (axis) {
            case Z -> first ? "x (um)" : "y (um)";
            case Y -> first ? "x (um)" : "z (um)";
            case X -> first ? "y (um)" : "z (um)";
        };
    }

    /** A heat map of {@code map}; the colour scale spans its finite values (NaN cells are grey). */
    static Plot heatmap(String name, String title, Volume map, Axis axis, String valueLabel) {
        int nu = map.dims().nx();
        int nv = map.dims().ny();
        double[] values = new double[nu * nv];
        map.read(0, values, 0, values.length);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (!(min <= max)) {
            min = 0;
            max = 1;
        }
        if (!(max > min)) {
            max = min + 1;
        }
        double su = map.spacing().x();
        double sv = map.spacing().y();
        return Plot.heatmap(name, title, axisLabel(axis, true), axisLabel(axis, false),
                new Plot.Grid(nu, nv, 0.5 * su, su, 0.5 * sv, sv, values, min, max, valueLabel));
    }
}
