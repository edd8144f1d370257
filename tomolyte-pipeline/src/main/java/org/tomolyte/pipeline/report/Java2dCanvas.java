package org.tomolyte.pipeline.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Draws to a PNG-ready image with Java2D (headless). */
final class Java2dCanvas implements Canvas {

    private final BufferedImage image;
    private final Graphics2D g;

    Java2dCanvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
    }

    private static Color c(String hex) {
        return Color.decode(hex);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double width) {
        g.setColor(c(color));
        g.setStroke(new BasicStroke((float) width));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(double[] xs, double[] ys, String color, double width) {
        if (xs.length == 0) {
            return;
        }
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            p.lineTo(xs[i], ys[i]);
        }
        g.setColor(c(color));
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(p);
    }

    @Override
    public void dot(double x, double y, double r, String color) {
        g.setColor(c(color));
        g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
    }

    @Override
    public void rect(double x, double y, double w, double h, String stroke, String fill) {
        Rectangle2D.Double r = new Rectangle2D.Double(x, y, w, h);
        if (fill != null) {
            g.setColor(c(fill));
            g.fill(r);
        }
        if (stroke != null) {
            g.setColor(c(stroke));
            g.setStroke(new BasicStroke(1f));
            g.draw(r);
        }
    }

    @Override
    public void image(double x, double y, double w, double h, int cols, int rows, int[] argb) {
        BufferedImage img = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, cols, rows, argb, 0, cols);
        Object hint = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(img, new AffineTransform(w / cols, 0, 0, h / rows, x, y), null);
        if (hint != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, hint);
        }
    }

    @Override
    public void text(double x, double y, String s, double size, String anchor, boolean rotate) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(size)));
        double w = g.getFontMetrics().stringWidth(s);
        double shift = switch (anchor) {
            case "middle" -> -w / 2;
            case "end" -> -w;
            default -> 0;
        };
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        if (rotate) {
            g.rotate(-Math.PI / 2);
        }
        g.drawString(s, (float) shift, 0f);
        g.setTransform(saved);
    }

    /** The finished image. */
    BufferedImage image() {
        g.dispose();
        return image;
    }
}
