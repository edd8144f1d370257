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
}
