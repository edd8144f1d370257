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
 * series (lines, histogram steps, markers or Tukey boxes), heat maps (viridis, with a colour bar,
 * equal axis scales) and quiver plots, axis labels with units and a legend. One layout
 * function drives both outputs, so they show the same thing.
 */
public final class PlotRenderer {

    static final int WIDTH = 720;
    static final int HEIGHT = 440;
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"};
    private static final double LEFT = 78;
    private static final double RIGHT = 20;
    private static final double RIGHT_AXIS = 78;
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
        if (plot.kind() == Plot.Kind.HEATMAP) {
            drawHeatmap(plot, c);
            return;
        }
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        List<double[]> boxes = new ArrayList<>();
        if (plot.kind() == Plot.Kind.QUIVER) {
            Plot.Arrows a = plot.arrows();
            for (int i = 0; i < a.x().length; i++) {
                include(range, a.x()[i], a.y()[i]);
                include(range, a.x()[i] + a.scale() * a.u()[i], a.y()[i] + a.scale() * a.v()[i]);
            }
        } else if (plot.kind() == Plot.Kind.BOX) {
            for (int k = 0; k < plot.series().size(); k++) {
                Plot.Series s = plot.series().get(k);
                double[] b = tukey(s.y());
                double at = s.x().length > 0 && Double.isFinite(s.x()[0]) ? s.x()[0] : k;
                boxes.add(b);
                include(range, at - 0.5, b[0]);
                include(range, at + 0.5, b[4]);
                for (int i = 5; i < b.length; i++) {
                    include(range, at, b[i]);
                }
            }
        } else {
            for (Plot.Series s : plot.series()) {
                for (int i = 0; i < s.x().length; i++) {
                    include(range, s.x()[i], plot.logY() ? (s.y()[i] > 0 ? Math.log10(s.y()[i]) : Double.NaN) : s.y()[i]);
                }
            }
        }
        double x0 = range[0];
        double x1 = range[1];
        double y0 = range[2];
        double y1 = range[3];
        if (!Double.isFinite(x0)) {
            x0 = 0;
            x1 = 1;
            y0 = 0;
            y1 = 1;
        }
        if (!plot.logY() && y0 > 0 && (plot.kind() == Plot.Kind.LINE || plot.kind() == Plot.Kind.STEP)) {
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
        boolean right = !plot.series2().isEmpty();
        double[] range2 = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Plot.Series s : plot.series2()) {
            for (int i = 0; i < s.x().length; i++) {
                include(range2, s.x()[i], s.y()[i]);
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                    x0 = Math.min(x0, s.x()[i]);
                    x1 = Math.max(x1, s.x()[i]);
                }
            }
        }
        if (right) {
            xt = ticks(x0, x1);
            x0 = Math.min(x0, xt[0]);
            x1 = Math.max(x1, xt[xt.length - 1]);
        }
        Frame f = new Frame(LEFT, TOP, WIDTH - LEFT - (right ? RIGHT_AXIS : RIGHT), HEIGHT - TOP - BOTTOM, x0, x1, y0, y1);
        axes(plot, c, f, xt, yt);
        if (right && Double.isFinite(range2[2])) {
            double r0 = range2[2];
            double r1 = range2[3] > r0 ? range2[3] : r0 + 1;
            double[] rt = ticks(r0, r1);
            Frame f2 = new Frame(f.left(), f.top(), f.width(), f.height(), f.x0(), f.x1(), Math.min(r0, rt[0]), Math.max(r1, rt[rt.length - 1]));
            double xr = f.left() + f.width();
            for (double t : rt) {
                double y = f2.py(t);
                c.line(xr, y, xr + 5, y, "#000000", 1);
                c.text(xr + 8, y + 4, label(t, rt), 12, "start", false);
            }
            c.text(WIDTH - 14, f.top() + f.height() / 2, plot.y2Label() == null ? "" : plot.y2Label(), 13, "middle", true);
            int base = plot.series().size();
            for (int k = 0; k < plot.series2().size(); k++) {
                Plot.Series s = plot.series2().get(k);
                String color = COLORS[(base + k) % COLORS.length];
                List<double[]> pts = new ArrayList<>();
                for (int i = 0; i < s.x().length; i++) {
                    if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                        pts.add(new double[] {f2.px(s.x()[i]), f2.py(s.y()[i])});
                    }
                }
                c.polyline(pts.stream().mapToDouble(q -> q[0]).toArray(), pts.stream().mapToDouble(q -> q[1]).toArray(), color, 1.4);
                double ly = TOP + 14 + 18 * (base + k);
                double lx = LEFT + f.width() - 170;
                c.line(lx, ly - 4, lx + 22, ly - 4, color, 3);
                c.text(lx + 28, ly, s.label() + " (right axis)", 12, "start", false);
            }
        }

        if (plot.kind() == Plot.Kind.QUIVER) {
            Plot.Arrows a = plot.arrows();
            for (int i = 0; i < a.x().length; i++) {
                if (!Double.isFinite(a.x()[i]) || !Double.isFinite(a.y()[i])) {
                    continue;
                }
                if (!Double.isFinite(a.u()[i]) || !Double.isFinite(a.v()[i])) {
                    c.dot(f.px(a.x()[i]), f.py(a.y()[i]), 1.5, "#999999");
                    continue;
                }
                arrow(c, f.px(a.x()[i]), f.py(a.y()[i]), f.px(a.x()[i] + a.scale() * a.u()[i]),
                        f.py(a.y()[i] + a.scale() * a.v()[i]), COLORS[0]);
            }
            return;
        }
        for (int k = 0; k < plot.series().size(); k++) {
            Plot.Series s = plot.series().get(k);
            String color = COLORS[k % COLORS.length];
            if (plot.kind() == Plot.Kind.BOX) {
                double at = s.x().length > 0 && Double.isFinite(s.x()[0]) ? s.x()[0] : k;
                box(c, f, at, boxes.get(k), COLORS[0]);
                continue;
            }
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < s.x().length; i++) {
                double y = plot.logY() ? (s.y()[i] > 0 ? Math.log10(s.y()[i]) : Double.NaN) : s.y()[i];
                if (Double.isFinite(s.x()[i]) && Double.isFinite(y)) {
                    pts.add(new double[] {f.px(s.x()[i]), f.py(y)});
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
                    c.polyline(st.stream().mapToDouble(p -> Math.max(f.left(), Math.min(f.left() + f.width(), p[0]))).toArray(),
                            st.stream().mapToDouble(p -> p[1]).toArray(), color, 1.5);
                }
                default -> throw new IllegalStateException();
            }
            if (plot.series().size() > 1 || !s.label().isEmpty()) {
                double ly = TOP + 14 + 18 * k;
                double lx = LEFT + f.width() - (plot.series2().isEmpty() ? 150 : 170);
                c.line(lx, ly - 4, lx + 22, ly - 4, color, 3);
                c.text(lx + 28, ly, s.label(), 12, "start", false);
            }
        }
    }

    /** The plotting area in pixels and the data range it shows. */
    private record Frame(double left, double top, double width, double height, double x0, double x1, double y0, double y1) {
        double px(double x) {
            return left + (x - x0) / (x1 - x0) * width;
        }

        double py(double y) {
            return top + height - (y - y0) / (y1 - y0) * height;
        }
    }

    private static void include(double[] range, double x, double y) {
        if (Double.isFinite(x) && Double.isFinite(y)) {
            range[0] = Math.min(range[0], x);
            range[1] = Math.max(range[1], x);
            range[2] = Math.min(range[2], y);
            range[3] = Math.max(range[3], y);
        }
    }

    private static void axes(Plot plot, Canvas c, Frame f, double[] xt, double[] yt) {
        c.text(WIDTH / 2.0, 24, plot.title(), 16, "middle", false);
        for (double t : xt) {
            double x = f.px(t);
            if (x < f.left() - 0.5 || x > f.left() + f.width() + 0.5) {
                continue;
            }
            if (plot.kind() != Plot.Kind.HEATMAP) {
                c.line(x, f.top(), x, f.top() + f.height(), "#e6e6e6", 1);
            }
            c.line(x, f.top() + f.height(), x, f.top() + f.height() + 5, "#000000", 1);
            c.text(x, f.top() + f.height() + 19, label(t, xt), 12, "middle", false);
        }
        for (double t : yt) {
            double y = f.py(t);
            if (y < f.top() - 0.5 || y > f.top() + f.height() + 0.5) {
                continue;
            }
            if (plot.kind() != Plot.Kind.HEATMAP) {
                c.line(f.left(), y, f.left() + f.width(), y, "#e6e6e6", 1);
            }
            c.line(f.left() - 5, y, f.left(), y, "#000000", 1);
            c.text(f.left() - 8, y + 4, plot.logY() ? "1e" + label(t, yt) : label(t, yt), 12, "end", false);
        }
        c.rect(f.left(), f.top(), f.width(), f.height(), "#000000", null);
        c.text(f.left() + f.width() / 2, HEIGHT - 14, plot.xLabel(), 13, "middle", false);
        c.text(18, f.top() + f.height() / 2, plot.yLabel(), 13, "middle", true);
    }

    /**
     * Tukey box statistics of the finite values: {whisker low, q1, median, q3, whisker high,
     * outliers...}; quartiles by linear interpolation between order statistics (numpy's default).
     */
    public static double[] tukey(double[] values) {
        double[] v = java.util.Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        double q1 = quantile(v, 0.25);
        double med = quantile(v, 0.5);
        double q3 = quantile(v, 0.75);
        double lo = q1 - 1.5 * (q3 - q1);
        double hi = q3 + 1.5 * (q3 - q1);
        double wl = q1;
        double wh = q3;
        List<Double> out = new ArrayList<>();
        for (double x : v) {
            if (x < lo || x > hi) {
                out.add(x);
            } else {
                wl = Math.min(wl, x);
                wh = Math.max(wh, x);
            }
        }
        double[] r = new double[5 + out.size()];
        r[0] = wl;
        r[1] = q1;
        r[2] = med;
        r[3] = q3;
        r[4] = wh;
        for (int i = 0; i < out.size(); i++) {
            r[5 + i] = out.get(i);
        }
        return r;
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        return i + 1 < sorted.length ? sorted[i] + (pos - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
    }

    private static void box(Canvas c, Frame f, double at, double[] b, String color) {
        if (!Double.isFinite(b[2])) {
            return;
        }
        double step = (f.x1() - f.x0()) / f.width();
        double half = Math.min(0.3, 12 * step);
        double xl = f.px(at - half);
        double xr = f.px(at + half);
        double xm = f.px(at);
        c.line(xm, f.py(b[0]), xm, f.py(b[1]), "#000000", 1);
        c.line(xm, f.py(b[3]), xm, f.py(b[4]), "#000000", 1);
        c.line((xl + xm) / 2, f.py(b[0]), (xr + xm) / 2, f.py(b[0]), "#000000", 1);
        c.line((xl + xm) / 2, f.py(b[4]), (xr + xm) / 2, f.py(b[4]), "#000000", 1);
        c.rect(xl, f.py(b[3]), xr - xl, Math.max(0.5, f.py(b[1]) - f.py(b[3])), "#000000", "#aec7e8");
        c.line(xl, f.py(b[2]), xr, f.py(b[2]), color, 2);
        for (int i = 5; i < b.length; i++) {
            c.dot(xm, f.py(b[i]), 2, "#555555");
        }
    }

    private static void arrow(Canvas c, double x0, double y0, double x1, double y1, String color) {
        double len = Math.hypot(x1 - x0, y1 - y0);
        if (len < 0.5) {
            c.dot(x0, y0, 1, color);
            return;
        }
        c.line(x0, y0, x1, y1, color, 1.2);
        double head = Math.min(6, 0.35 * len);
        double ux = (x1 - x0) / len;
        double uy = (y1 - y0) / len;
        c.line(x1, y1, x1 - head * (ux - 0.5 * uy), y1 - head * (uy + 0.5 * ux), color, 1.2);
        c.line(x1, y1, x1 - head * (ux + 0.5 * uy), y1 - head * (uy - 0.5 * ux), color, 1.2);
    }

    /** Heat map with equal axis scales (a map keeps its physical aspect ratio) and a colour bar. */
    private static void drawHeatmap(Plot plot, Canvas c) {
        Plot.Grid g = plot.grid();
        double x0 = g.x0() - g.dx() / 2;
        double x1 = g.x0() + (g.nx() - 0.5) * g.dx();
        double y0 = g.y0() - g.dy() / 2;
        double y1 = g.y0() + (g.ny() - 0.5) * g.dy();
        double availW = WIDTH - LEFT - 110;
        double availH = HEIGHT - TOP - BOTTOM;
        double scale = Math.min(availW / (x1 - x0), availH / (y1 - y0));
        double w = (x1 - x0) * scale;
        double h = (y1 - y0) * scale;
        Frame f = new Frame(LEFT, TOP + (availH - h) / 2, w, h, x0, x1, y0, y1);
        double[] xt = ticks(x0, x1);
        double[] yt = ticks(y0, y1);
        int[] argb = new int[g.nx() * g.ny()];
        for (int iy = 0; iy < g.ny(); iy++) {
            for (int ix = 0; ix < g.nx(); ix++) {
                argb[(g.ny() - 1 - iy) * g.nx() + ix] = colour(g.values()[iy * g.nx() + ix], g.min(), g.max());
            }
        }
        c.image(f.left(), f.top(), w, h, g.nx(), g.ny(), argb);
        axes(plot, c, f, xt, yt);
        double bx = f.left() + w + 24;
        double bh = Math.min(h, availH);
        double by = f.top();
        int steps = 64;
        int[] bar = new int[steps];
        for (int i = 0; i < steps; i++) {
            bar[steps - 1 - i] = colour(g.min() + (g.max() - g.min()) * (i + 0.5) / steps, g.min(), g.max());
        }
        c.image(bx, by, 14, bh, 1, steps, bar);
        c.rect(bx, by, 14, bh, "#000000", null);
        double[] bt = ticks(g.min(), g.max());
        for (double t : bt) {
            if (t < g.min() - 1e-12 * Math.abs(g.max() - g.min()) || t > g.max() + 1e-12 * Math.abs(g.max() - g.min())) {
                continue;
            }
            double y = by + bh - (t - g.min()) / (g.max() - g.min()) * bh;
            c.line(bx + 14, y, bx + 18, y, "#000000", 1);
            c.text(bx + 21, y + 4, label(t, bt), 11, "start", false);
        }
        c.text(Math.min(WIDTH - 10, bx + 78), by + bh / 2, g.valueLabel(), 12, "middle", true);
    }

    private static final int[] VIRIDIS = {0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b, 0xfde725};

    /** Viridis colour (10 anchors, linear in between) of {@code v} on [min, max]; NaN is grey. */
    static int colour(double v, double min, double max) {
        if (Double.isNaN(v)) {
            return 0xffbdbdbd;
        }
        double t = Math.max(0, Math.min(1, (v - min) / (max - min))) * (VIRIDIS.length - 1);
        int i = Math.min(VIRIDIS.length - 2, (int) t);
        double u = t - i;
        int a = VIRIDIS[i];
        int b = VIRIDIS[i + 1];
        int r = (int) Math.round(((a >> 16) & 255) * (1 - u) + ((b >> 16) & 255) * u);
        int gg = (int) Math.round(((a >> 8) & 255) * (1 - u) + ((b >> 8) & 255) * u);
        int bl = (int) Math.round((a & 255) * (1 - u) + (b & 255) * u);
        return 0xff000000 | (r << 16) | (gg << 8) | bl;
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
