package org.tomolyte.core;

import java.util.List;

/**
 * A plot described as data: what a person should look at, independent of how it is drawn.
 * The pipeline renders each plot to PNG and SVG in the step's output folder and into the report.
 *
 * @param name   file name stem, e.g. {@code histogram}
 * @param title  title shown above the plot
 * @param xLabel x axis label with unit, e.g. {@code grey value}
 * @param yLabel y axis label with unit, e.g. {@code voxels}
 * @param kind   how series are drawn
 * @param logY   logarithmic y axis
 * @param series the series (for {@link Kind#BOX} one per box; empty for heat maps and quiver plots)
 * @param grid   the cells of a {@link Kind#HEATMAP}, otherwise null
 * @param arrows the vectors of a {@link Kind#QUIVER}, otherwise null
 * @param y2Label label (with unit) of a second y axis on the right, or null
 * @param series2 series drawn against the right axis as lines (e.g. the cell voltage beside contact
 *                fractions on one time axis, Lewis et al. Fig. 4a); empty when there is none
 */
public record Plot(String name, String title, String xLabel, String yLabel, Kind kind, boolean logY, List<Series> series,
                   Grid grid, Arrows arrows, String y2Label, List<Series> series2) {

    /** How the series are drawn. */
    public enum Kind {
        /** Lines through the points. */
        LINE,
        /** Steps, as a histogram outline (x are bin centres). */
        STEP,
        /** Markers only. */
        SCATTER,
        /**
         * One box per series (Tukey: median, quartiles, whiskers to the furthest sample within 1.5
         * interquartile ranges, samples beyond drawn as points); the box sits at the series' first
         * x value (give x the same length as y, e.g. the position repeated) and summarises its y values.
         */
        BOX,
        /** A map of coloured cells ({@link #grid()}), with a colour bar. */
        HEATMAP,
        /** Arrows at points ({@link #arrows()}), e.g. a displacement field on a section. */
        QUIVER
    }

    /**
     * Cells of a heat map: row-major values, {@code values[iy * nx + ix]}, cell centres at
     * {@code x0 + ix * dx}, {@code y0 + iy * dy} (axis units). Values outside [min, max] take the end
     * colours; NaN cells are drawn grey. Several maps drawn with the same min and max share one
     * colour scale.
     *
     * @param nx         cells along x, &gt;= 1
     * @param ny         cells along y, &gt;= 1
     * @param x0         centre of the first column, x axis units
     * @param dx         column pitch, &gt; 0
     * @param y0         centre of the first row, y axis units
     * @param dy         row pitch, &gt; 0
     * @param values     nx * ny values
     * @param min        value at the low end of the colour scale
     * @param max        value at the high end, &gt; min
     * @param valueLabel colour bar label with unit
     */
    public record Grid(int nx, int ny, double x0, double dx, double y0, double dy, double[] values, double min, double max,
                       String valueLabel) {
        public Grid {
            if (nx < 1 || ny < 1 || values.length != (long) nx * ny) {
                throw new InternalException("heat map grid " + nx + " x " + ny + " needs " + ((long) nx * ny) + " values, got " + values.length);
            }
            if (!(dx > 0) || !(dy > 0) || !(max > min)) {
                throw new InternalException("heat map grid needs dx > 0, dy > 0 and max > min, got dx=" + dx + " dy=" + dy
                        + " min=" + min + " max=" + max);
            }
        }
    }

    /**
     * Arrows of a quiver plot: arrow i starts at (x[i], y[i]) and points along (u[i], v[i]), all in
     * axis units before scaling; every arrow is drawn {@code scale} times its length (like the
     * magnified vectors of Lewis et al. Fig. 5b). An arrow with a NaN component marks a point
     * without a vector (drawn as a grey dot).
     *
     * @param x     arrow tails, x axis units
     * @param y     arrow tails, y axis units
     * @param u     x components, axis units
     * @param v     y components, axis units
     * @param scale drawing magnification, &gt; 0
     */
    public record Arrows(double[] x, double[] y, double[] u, double[] v, double scale) {
        public Arrows {
            if (y.length != x.length || u.length != x.length || v.length != x.length || !(scale > 0)) {
                throw new InternalException("quiver arrows need equal x, y, u, v lengths and scale > 0");
            }
        }
    }

    /**
     * One named series.
     *
     * @param label legend text
     * @param x     x values
     * @param y     y values, same length as x
     */
    public record Series(String label, double[] x, double[] y) {
        public Series {
            if (x.length != y.length) {
                throw new InternalException("series '" + label + "' has " + x.length + " x values and " + y.length + " y values");
            }
        }
    }

    public Plot {
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new InternalException("plot name must be a plain file name, got '" + name + "'");
        }
        series = List.copyOf(series);
        series2 = series2 == null ? List.of() : List.copyOf(series2);
        if (!series2.isEmpty() && (kind == Kind.HEATMAP || kind == Kind.QUIVER || kind == Kind.BOX)) {
            throw new InternalException("plot '" + name + "': a right axis goes with line, step or scatter plots only");
        }
        if ((kind == Kind.HEATMAP) != (grid != null) || (kind == Kind.QUIVER) != (arrows != null)) {
            throw new InternalException("plot '" + name + "': a heat map needs a grid and a quiver plot arrows, nothing else does");
        }
    }

    /** A plot of series (line, step, scatter or box kinds). */
    public Plot(String name, String title, String xLabel, String yLabel, Kind kind, boolean logY, List<Series> series) {
        this(name, title, xLabel, yLabel, kind, logY, series, null, null, null, List.of());
    }

    /** This plot with {@code series} drawn as lines against a second y axis on the right, labelled {@code label}. */
    public Plot withRightAxis(String label, List<Series> series) {
        return new Plot(name, title, xLabel, yLabel, kind, logY, this.series, grid, arrows, label, series);
    }

    /** A heat map. */
    public static Plot heatmap(String name, String title, String xLabel, String yLabel, Grid grid) {
        return new Plot(name, title, xLabel, yLabel, Kind.HEATMAP, false, List.of(), grid, null, null, List.of());
    }

    /** A quiver plot. */
    public static Plot quiver(String name, String title, String xLabel, String yLabel, Arrows arrows) {
        return new Plot(name, title, xLabel, yLabel, Kind.QUIVER, false, List.of(), null, arrows, null, List.of());
    }
}
