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
 * @param series one or more series
 */
public record Plot(String name, String title, String xLabel, String yLabel, Kind kind, boolean logY, List<Series> series) {

    /** How the series are drawn. */
    public enum Kind {
        /** Lines through the points. */
        LINE,
        /** Steps, as a histogram outline (x are bin centres). */
        STEP,
        /** Markers only. */
        SCATTER
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
    }
}
