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
                new Interval(8784.78, 14700.55, 0.95, org.prevalence.core.IntervalMethod.BCA)), dir.resolve("d"), Plots.PlotFormat.png);
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

    @Test
    void logVersionsHaveALogValueAxisAndRender() throws Exception {
        org.knowm.xchart.CategoryChart bars = Plots.overlapBars(Datasets.listTable("uk2013_5lists"), "UK 2013");
        org.knowm.xchart.CategoryChart logBars = (org.knowm.xchart.CategoryChart) Plots.logScale(bars);
        assertTrue(!bars.getStyler().isYAxisLogarithmic() && logBars.getStyler().isYAxisLogarithmic());
        // a history seen once: the bar from the axis bottom 0.5 to 1 is drawn, not lost beside 995
        assertEquals(0.5, logBars.getStyler().getYAxisMin(), 0.0);
        png(Plots.save(logBars, dir.resolve("bars-log.png"), Plots.PlotFormat.png));
        // intervals with a zero lower limit: drawn at the floor of the log axis (half the smallest positive value)
        org.knowm.xchart.XYChart iv = (org.knowm.xchart.XYChart) Plots.logScale(Plots.intervals("Regions", "people",
                List.of("Big", "Small"), new double[] {1e7, 40}, new double[] {9e6, 0}, new double[] {1.1e7, 90},
                null, null, null, null));
        assertTrue(iv.getStyler().isXAxisLogarithmic());
        assertEquals(20, iv.getStyler().getXAxisMin(), 0.0);
        png(Plots.save(iv, dir.resolve("iv-log.png"), Plots.PlotFormat.png));
    }

    @Test
    void manyLongRegionNamesGetARowEach() throws Exception {
        List<String> labels = new java.util.ArrayList<>();
        int n = 30;
        double[] est = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            labels.add("Central and South-Eastern Europe (non-EU) and CIS, part " + (i + 1));
            est[i] = 1000 * (i + 1);
            lo[i] = est[i] * 0.8;
            hi[i] = est[i] * 1.2;
        }
        BufferedImage img = png(Plots.save(Plots.intervals("Many regions", "people", labels, est, lo, hi, null, null,
                null, null), dir.resolve("many.png"), Plots.PlotFormat.png));
        assertEquals(170 + 34 * n, img.getHeight());
    }

    @Test
    void tickLabelsArePlainDecimals() {
        assertEquals("0.00001", Plots.tick(1e-5));
        assertEquals("0.000123", Plots.tick(1.23e-4));
        assertEquals("1,000,000", Plots.tick(1e6));
        assertEquals("2.5", Plots.tick(2.5));
    }

    @Test
    void plotLogOptionWritesAPng() throws Exception {
        CliTest.Run r = CliTest.run("mse", "--dataset", "uk2013_5lists", "--plot", dir.resolve("h.png").toString(),
                "--plot-log");
        assertEquals(0, r.code(), r.err());
        png(dir.resolve("h.png"));
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("h.png"), files.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }
    }
}
