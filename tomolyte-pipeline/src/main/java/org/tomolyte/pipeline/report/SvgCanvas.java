package org.tomolyte.pipeline.report;

import java.util.Locale;

/** Draws to SVG text. */
final class SvgCanvas implements Canvas {

    private final StringBuilder sb = new StringBuilder();
    private final int width;
    private final int height;

    SvgCanvas(int width, int height) {
        this.width = width;
        this.height = height;
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double w) {
        sb.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(color).append("\" stroke-width=\"").append(n(w)).append("\"/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, String color, double w) {
        sb.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"").append(n(w)).append("\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            sb.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        sb.append("\"/>\n");
    }

    @Override
    public void dot(double x, double y, double r, String color) {
        sb.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(color).append("\"/>\n");
    }

    @Override
    public void rect(double x, double y, double w, double h, String stroke, String fill) {
        sb.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" stroke=\"").append(stroke == null ? "none" : stroke)
                .append("\" fill=\"").append(fill == null ? "none" : fill).append("\"/>\n");
    }

    @Override
    public void text(double x, double y, String s, double size, String anchor, boolean rotate) {
        sb.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size))
                .append("\" text-anchor=\"").append(anchor).append('"');
        if (rotate) {
            sb.append(" transform=\"rotate(-90 ").append(n(x)).append(' ').append(n(y)).append(")\"");
        }
        sb.append('>').append(esc(s)).append("</text>\n");
    }

    @Override
    public void image(double x, double y, double w, double h, int cols, int rows, int[] argb) {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(cols, rows, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, cols, rows, argb, 0, cols);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "png", png);
        } catch (java.io.IOException e) {
            throw new org.tomolyte.core.InternalException("cannot encode a heat map as PNG (" + e.getMessage() + ")", e);
        }
        sb.append("<image x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" href=\"data:image/png;base64,")
                .append(java.util.Base64.getEncoder().encodeToString(png.toByteArray())).append("\"/>\n");
    }

    /** The finished document. */
    String document() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height + "\" viewBox=\"0 0 "
                + width + " " + height + "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n" + sb + "</svg>\n";
    }
}
