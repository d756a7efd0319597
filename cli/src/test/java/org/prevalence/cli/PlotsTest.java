package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.core.Interval;
import org.prevalence.datasets.Datasets;

class PlotsTest {
    @TempDir
    Path dir;

    static BufferedImage png(Path p) throws Exception {
        BufferedImage img = ImageIO.read(p.toFile());
        assertTrue(img != null, "not a PNG: " + p);
        return img;
    }

    @Test
    void overlapBarsArePngOfTheStatedSize() throws Exception {
        Path p = Plots.save(Plots.overlapBars(Datasets.listTable("uk2013_5lists"), "UK 2013: observed histories"),
                dir.resolve("overlaps.png"), Plots.PlotFormat.png);
        BufferedImage img = png(p);
        assertEquals(Plots.WIDTH, img.getWidth());
        assertEquals(Plots.HEIGHT + 100, img.getHeight());
    }

    @Test
    void distributionAndIntervalChartsRender() throws Exception {
        double[] v = new double[1000];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < v.length; i++) {
            v[i] = 11000 + 1500 * r.nextGaussian();
        }
        Path d = Plots.save(Plots.distribution("Bootstrap", "population N", v, 11313,
                new Interval(8784.78, 14700.55, 0.95, "bca")), dir.resolve("d"), Plots.PlotFormat.png);
        assertEquals(Plots.WIDTH, png(d).getWidth());
        Path i = Plots.save(Plots.intervals("Regions", "people", List.of("Africa", "Asia-Pacific", "Europe"),
                new double[] {3.7e6, 11.7e6, 1.5e6}, new double[] {3e6, 10e6, 1e6}, new double[] {4.5e6, 13e6, 2e6},
                new double[] {3.4e6, 11e6, 1.3e6}, new double[] {4.0e6, 12.4e6, 1.7e6},
                new double[] {3.7e6, Double.NaN, 1.5e6}, "published"), dir.resolve("i.png"), Plots.PlotFormat.png);
        assertEquals(Plots.HEIGHT, png(i).getHeight());
        Path s = Plots.save(Plots.distribution("Bootstrap", "population N", v, 11313, null),
                dir.resolve("d.svg"), Plots.PlotFormat.svg);
        assertTrue(Files.readString(s).contains("<svg"));
    }
}
