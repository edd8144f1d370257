package org.tomolyte.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.Plot;
import org.tomolyte.pipeline.report.PlotRenderer;
import org.w3c.dom.Document;

class PlotRendererTest {

    @TempDir
    Path dir;

    @Test
    void drawsTheSamePlotAsValidSvgAndPng() throws Exception {
        double[] x = {0, 1, 2, 3, 4};
        Plot p = new Plot("h", "Grey <levels> & phases", "grey value", "frequency", Plot.Kind.STEP, false,
                List.of(new Plot.Series("pore", x, new double[] {0.1, 0.4, 0.3, 0.15, 0.05}),
                        new Plot.Series("solid", x, new double[] {0, 0.05, 0.2, 0.5, 0.25})));
        PlotRenderer.write(p, dir);
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(PlotRenderer.svg(p).getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", svg.getDocumentElement().getTagName());
        assertEquals(2, svg.getElementsByTagName("polyline").getLength(), "one line per series");
        assertTrue(PlotRenderer.svg(p).contains("Grey &lt;levels&gt; &amp; phases"));
        BufferedImage png = ImageIO.read(dir.resolve("h.png").toFile());
        assertEquals(720, png.getWidth());
        assertEquals(440, png.getHeight());
    }

    @Test
    void heatMapPixelsTakeTheViridisColourOfTheirCell() throws Exception {
        // 2 x 2 map: bottom row (iy = 0) low values, top row high; y grows upwards as on an axis.
        Plot p = Plot.heatmap("m", "d map", "x (um)", "y (um)",
                new Plot.Grid(2, 2, 15, 30, 15, 30, new double[] {-1, Double.NaN, 1, 0}, -1, 1, "d"));
        PlotRenderer.write(p, dir);
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(PlotRenderer.svg(p).getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, svg.getElementsByTagName("image").getLength(), "the map and its colour bar");
        BufferedImage png = ImageIO.read(dir.resolve("m.png").toFile());
        // The square map fills the available height (440 - 40 - 58 = 342 px) from x = 78.
        int left = 78;
        int top = 40;
        int cell = 342 / 2;
        assertEquals(0x440154, png.getRGB(left + cell / 2, top + cell + cell / 2) & 0xffffff, "value -1 at the bottom left: viridis start");
        assertEquals(0xbdbdbd, png.getRGB(left + cell + cell / 2, top + cell + cell / 2) & 0xffffff, "NaN is grey");
        assertEquals(0xfde725, png.getRGB(left + cell / 2, top + cell / 2) & 0xffffff, "value 1 at the top left: viridis end");
    }

    @Test
    void boxStatisticsFollowTukeyWithNumpyQuartiles() {
        // numpy.percentile([1..9, 40], [25, 50, 75]) = 3.25, 5.5, 7.75; fences -3.5 .. 14.5, so 40 is an outlier.
        double[] b = PlotRenderer.tukey(new double[] {9, 1, 2, 3, 4, 5, 6, 7, 8, 40, Double.NaN});
        assertEquals(1, b[0], 1e-12);
        assertEquals(3.25, b[1], 1e-12);
        assertEquals(5.5, b[2], 1e-12);
        assertEquals(7.75, b[3], 1e-12);
        assertEquals(9, b[4], 1e-12);
        assertEquals(6, b.length);
        assertEquals(40, b[5], 1e-12);
        Plot p = new Plot("b", "d per section", "section", "d", Plot.Kind.BOX, false,
                List.of(new Plot.Series("0", new double[] {0, 0, 0}, new double[] {1, 2, 3}),
                        new Plot.Series("1", new double[] {1, 1, 1}, new double[] {2, 3, 9})));
        assertEquals(2, PlotRenderer.svg(p).split("fill=\"#aec7e8\"", -1).length - 1, "one box per series");
    }

    @Test
    void quiverDrawsOneShaftAndTwoHeadStrokesPerArrow() {
        Plot p = Plot.quiver("q", "displacement x10", "x (um)", "z (um)",
                new Plot.Arrows(new double[] {0, 10}, new double[] {0, 0}, new double[] {1, 0}, new double[] {0, 1}, 10));
        String svg = PlotRenderer.svg(p);
        assertEquals(6, svg.split("stroke=\"#1f77b4\"", -1).length - 1);
    }

    @Test
    void aRightAxisCarriesItsOwnSeriesAndLabel() throws Exception {
        Plot p = new Plot("c", "contact and voltage", "time (s)", "contact fraction", Plot.Kind.LINE, false,
                List.of(new Plot.Series("contact", new double[] {0, 100}, new double[] {1, 0.8})))
                .withRightAxis("voltage (V)", List.of(new Plot.Series("voltage", new double[] {0, 50, 200}, new double[] {-0.2, -0.3, 0.4})));
        String svg = PlotRenderer.svg(p);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, doc.getElementsByTagName("polyline").getLength(), "one line per axis");
        assertTrue(svg.contains(">voltage (V)<") && svg.contains(">voltage (right axis)<"), svg);
        assertTrue(svg.contains(">200<"), "the x axis covers the right-axis series too");
    }
}
