package org.tomolyte.pipeline.report;

/**
 * The few drawing primitives a plot needs, so that one layout is drawn identically to SVG and
 * to PNG. Coordinates are pixels from the top-left corner; colours are {@code #rrggbb}.
 */
interface Canvas {

    /** A straight line. */
    void line(double x1, double y1, double x2, double y2, String color, double width);

    /** A connected line through the points. */
    void polyline(double[] xs, double[] ys, String color, double width);

    /** A filled circle. */
    void dot(double x, double y, double r, String color);

    /** A rectangle outline or fill. */
    void rect(double x, double y, double w, double h, String stroke, String fill);

    /**
     * A raster image scaled to the rectangle without smoothing (each image pixel a sharp cell);
     * {@code argb} is row-major, top row first.
     */
    void image(double x, double y, double w, double h, int cols, int rows, int[] argb);

    /** Text; {@code anchor} is start, middle or end; {@code rotate} turns it 90 degrees counter-clockwise. */
    void text(double x, double y, String s, double size, String anchor, boolean rotate);
}
