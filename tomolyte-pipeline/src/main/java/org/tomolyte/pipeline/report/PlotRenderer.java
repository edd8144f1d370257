package org.tomolyte.pipeline.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.Plot;

/**
 * Draws a {@link Plot} to {@code NAME.svg} and {@code NAME.png}: axes with "nice" ticks, the
 * series (lines, histogram steps or markers), axis labels with units and a legend. One layout
 * function drives both outputs, so they show the same thing.
 */
public final class PlotRenderer {

    static final int WIDTH = 720;
    static final int HEIGHT = 440;
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"};
    private static final double LEFT = 78;
    private static final double RIGHT = 20;
    private static final double TOP = 40;
    private static final double BOTTOM = 58;

    private PlotRenderer() {
    }

    /** Writes {@code dir/NAME.svg} and {@code dir/NAME.png}. */
    public static void write(Plot plot, Path dir) {
        SvgCanvas svg = new SvgCanvas(WIDTH, HEIGHT);
        draw(plot, svg);
        Java2dCanvas png = new Java2dCanvas(WIDTH, HEIGHT);
        draw(plot, png);
        try {
            Files.writeString(dir.resolve(plot.name() + ".svg"), svg.document(), StandardCharsets.UTF_8);
            if (!ImageIO.write(png.image(), "png", dir.resolve(plot.name() + ".png").toFile())) {
                throw new InternalException("no PNG writer available in this JVM");
            }
        } catch (IOException e) {
            throw new InternalException(dir + ": cannot write plot " + plot.name() + " (" + e.getMessage() + ")", e);
        }
    }

    /** The SVG text of {@code plot}. */
    public static String svg(Plot plot) {
        SvgCanvas svg = new SvgCanvas(WIDTH, HEIGHT);
        draw(plot, svg);
        return svg.document();
    }

    static void draw(Plot plot, Canvas c) {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (Plot.Series s : plot.series()) {
            for (int i = 0; i < s.x().length; i++) {
                double y = plot.logY() ? (s.y()[i] > 0 ? Math.log10(s.y()[i]) : Double.NaN) : s.y()[i];
                if (Double.isFinite(s.x()[i]) && Double.isFinite(y)) {
                    x0 = Math.min(x0, s.x()[i]);
                    x1 = Math.max(x1, s.x()[i]);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (!Double.isFinite(x0)) {
            x0 = 0;
            x1 = 1;
            y0 = 0;
            y1 = 1;
        }
        if (!plot.logY() && y0 > 0 && plot.kind() != Plot.Kind.SCATTER) {
            y0 = 0;
        }
        if (x1 == x0) {
            x0 -= 0.5;
            x1 += 0.5;
        }
        if (y1 == y0) {
            y0 -= 0.5;
            y1 += 0.5;
        }
        double[] xt = ticks(x0, x1);
        double[] yt = ticks(y0, y1);
        x0 = Math.min(x0, xt[0]);
        x1 = Math.max(x1, xt[xt.length - 1]);
        y0 = Math.min(y0, yt[0]);
        y1 = Math.max(y1, yt[yt.length - 1]);
        double pw = WIDTH - LEFT - RIGHT;
        double ph = HEIGHT - TOP - BOTTOM;
        final double ax0 = x0;
        final double ax1 = x1;
        final double ay0 = y0;
        final double ay1 = y1;
        java.util.function.DoubleUnaryOperator px = x -> LEFT + (x - ax0) / (ax1 - ax0) * pw;
        java.util.function.DoubleUnaryOperator py = y -> TOP + ph - (y - ay0) / (ay1 - ay0) * ph;

        c.text(WIDTH / 2.0, 24, plot.title(), 16, "middle", false);
        for (double t : xt) {
            double x = px.applyAsDouble(t);
            c.line(x, TOP, x, TOP + ph, "#e6e6e6", 1);
            c.line(x, TOP + ph, x, TOP + ph + 5, "#000000", 1);
            c.text(x, TOP + ph + 19, label(t, xt), 12, "middle", false);
        }
        for (double t : yt) {
            double y = py.applyAsDouble(t);
            c.line(LEFT, y, LEFT + pw, y, "#e6e6e6", 1);
            c.line(LEFT - 5, y, LEFT, y, "#000000", 1);
            c.text(LEFT - 8, y + 4, plot.logY() ? "1e" + label(t, yt) : label(t, yt), 12, "end", false);
        }
        c.rect(LEFT, TOP, pw, ph, "#000000", null);
        c.text(LEFT + pw / 2, HEIGHT - 14, plot.xLabel(), 13, "middle", false);
        c.text(18, TOP + ph / 2, plot.yLabel(), 13, "middle", true);

        for (int k = 0; k < plot.series().size(); k++) {
            Plot.Series s = plot.series().get(k);
            String color = COLORS[k % COLORS.length];
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < s.x().length; i++) {
                double y = plot.logY() ? (s.y()[i] > 0 ? Math.log10(s.y()[i]) : Double.NaN) : s.y()[i];
                if (Double.isFinite(s.x()[i]) && Double.isFinite(y)) {
                    pts.add(new double[] {px.applyAsDouble(s.x()[i]), py.applyAsDouble(y)});
                }
            }
            switch (plot.kind()) {
                case SCATTER -> pts.forEach(p -> c.dot(p[0], p[1], 3, color));
                case LINE -> {
                    c.polyline(pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray(), color, 1.8);
                    if (pts.size() <= 60) {
                        pts.forEach(p -> c.dot(p[0], p[1], 3, color));
                    }
                }
                case STEP -> {
                    List<double[]> st = new ArrayList<>();
                    for (int i = 0; i < pts.size(); i++) {
                        double half = (i + 1 < pts.size() ? pts.get(i + 1)[0] - pts.get(i)[0] : i > 0 ? pts.get(i)[0] - pts.get(i - 1)[0] : 2) / 2;
                        st.add(new double[] {pts.get(i)[0] - half, pts.get(i)[1]});
                        st.add(new double[] {pts.get(i)[0] + half, pts.get(i)[1]});
                    }
                    c.polyline(st.stream().mapToDouble(p -> Math.max(LEFT, Math.min(LEFT + pw, p[0]))).toArray(),
                            st.stream().mapToDouble(p -> p[1]).toArray(), color, 1.5);
                }
                default -> throw new IllegalStateException();
            }
            if (plot.series().size() > 1 || !s.label().isEmpty()) {
                double ly = TOP + 14 + 18 * k;
                double lx = LEFT + pw - 150;
                c.line(lx, ly - 4, lx + 22, ly - 4, color, 3);
                c.text(lx + 28, ly, s.label(), 12, "start", false);
            }
        }
    }

    /** About five "nice" tick values (1, 2, 5 times a power of ten) covering [lo, hi]. */
    static double[] ticks(double lo, double hi) {
        double span = hi - lo;
        double raw = span / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        double start = Math.floor(lo / step) * step;
        double end = Math.ceil(hi / step) * step;
        int n = (int) Math.round((end - start) / step) + 1;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = start + i * step;
        }
        return t;
    }

    private static String label(double v, double[] ticks) {
        double step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        if (Math.abs(v) >= 1e6 || (Math.abs(v) < 1e-3 && v != 0)) {
            return String.format(Locale.ROOT, "%.2g", v);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(v) < step / 1e6 ? 0.0 : v);
    }
}
