package org.prevalence.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * Charts of results (XChart): PNG by default, SVG on request. Presentation only: every number
 * plotted comes from a library result; the only arithmetic here is binning values for display.
 */
public final class Plots {
    /** Image formats. */
    public enum PlotFormat {
        /** PNG bitmap */
        png,
        /** SVG vector graphic */
        svg
    }

    static final int WIDTH = 1000;
    static final int HEIGHT = 600;
    private static final Color BLUE = new Color(31, 119, 180);
    private static final Color ORANGE = new Color(255, 127, 14);
    private static final Color GREY = new Color(90, 90, 90);
    private static final Color RED = new Color(214, 39, 40);

    private Plots() {
    }

    /**
     * Saves a chart.
     * @param chart the chart
     * @param file the file; the extension is added if missing
     * @param format PNG or SVG
     * @return the file written
     */
    public static Path save(Chart<?, ?> chart, Path file, PlotFormat format) {
        String name = file.toString();
        String ext = "." + format.name();
        String base = name.toLowerCase(Locale.ROOT).endsWith(ext) ? name.substring(0, name.length() - ext.length()) : name;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (format == PlotFormat.png) {
                BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
            } else {
                VectorGraphicsEncoder.saveVectorGraphic(chart, base, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + file, e);
        }
        return Path.of(base + ext);
    }

    private static void style(Styler s) {
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setAntiAlias(true);
    }

    private static String people(double x) {
        return Format.count(Math.round(x));
    }

    /**
     * Distribution of replicate (or posterior) values with the point estimate and the interval.
     * @param title the chart title
     * @param xTitle the axis title, for example "population N"
     * @param values the replicate values
     * @param point the point estimate
     * @param interval the interval, or {@code null}
     * @return the chart
     */
    public static XYChart distribution(String title, String xTitle, double[] values, double point, Interval interval) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle("replicates").build();
        style(c.getStyler());
        c.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        c.setCustomXAxisTickLabelsFormatter(Plots::people);
        c.getStyler().setYAxisDecimalPattern("#,##0");
        c.getStyler().setMarkerSize(0);
        int bins = Math.max(10, Math.min(60, (int) Math.sqrt(v.length)));
        // display only: trim the outer 0.5 % so one extreme replicate does not flatten the picture
        double lo = v[(int) Math.floor(0.005 * (v.length - 1))];
        double hi = v[(int) Math.ceil(0.995 * (v.length - 1))];
        if (interval != null) {
            lo = Math.min(lo, interval.lower());
            hi = Math.max(hi, interval.upper());
        }
        double width = (hi - lo) / bins;
        if (!(width > 0)) {
            width = Math.max(1, Math.abs(lo) * 1e-3);
        }
        double[] counts = new double[bins];
        for (double x : v) {
            int b = (int) Math.floor((x - lo) / width);
            if (b >= 0 && b < bins) {
                counts[b]++;
            } else if (x == hi) {
                counts[bins - 1]++;
            }
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        double max = 0;
        for (int b = 0; b < bins; b++) {
            xs.add(lo + b * width);
            ys.add(counts[b]);
            xs.add(lo + (b + 1) * width);
            ys.add(counts[b]);
            max = Math.max(max, counts[b]);
        }
        XYSeries h = c.addSeries("replicates (" + Format.count(v.length) + ")", xs, ys);
        h.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Area);
        h.setFillColor(new Color(31, 119, 180, 110));
        h.setLineColor(BLUE);
        h.setMarker(SeriesMarkers.NONE);
        vline(c, "estimate " + people(point), point, max * 1.05, RED, 3f);
        if (interval != null) {
            vline(c, interval.method() + " " + Format.percent(interval.level()) + "% interval", interval.lower(),
                    max * 1.05, GREY, 2f).setShowInLegend(true);
            vline(c, "upper", interval.upper(), max * 1.05, GREY, 2f).setShowInLegend(false);
        }
        return c;
    }

    /**
     * A posterior mass function of N on a grid, with the median and the credible interval.
     * @param title the chart title
     * @param mass posterior probability of N = observed + m, m = 0, 1, ...
     * @param observed the observed count
     * @param median the posterior median
     * @param interval the credible interval
     * @return the chart
     */
    public static XYChart posterior(String title, double[] mass, long observed, double median, Interval interval) {
        // display range: from the 0.05 % to the 99.95 % point of the posterior
        double cum = 0;
        int lo = 0;
        int hi = mass.length - 1;
        boolean loSet = false;
        for (int m = 0; m < mass.length; m++) {
            cum += mass[m];
            if (!loSet && cum >= 0.0005) {
                lo = m;
                loSet = true;
            }
            if (cum >= 0.9995) {
                hi = m;
                break;
            }
        }
        int step = Math.max(1, (hi - lo) / 2000);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        double max = 0;
        for (int m = lo; m <= hi; m += step) {
            xs.add((double) (observed + m));
            ys.add(mass[m]);
            max = Math.max(max, mass[m]);
        }
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("population N")
                .yAxisTitle("posterior probability").build();
        style(c.getStyler());
        c.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        c.setCustomXAxisTickLabelsFormatter(Plots::people);
        c.getStyler().setYAxisDecimalPattern("0.0E0");
        XYSeries s = c.addSeries("posterior of N", xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setFillColor(new Color(31, 119, 180, 110));
        s.setLineColor(BLUE);
        s.setMarker(SeriesMarkers.NONE);
        vline(c, "median " + people(median), median, max * 1.05, RED, 3f);
        vline(c, Format.percent(interval.level()) + "% credible interval", interval.lower(), max * 1.05, GREY, 2f);
        vline(c, "upper", interval.upper(), max * 1.05, GREY, 2f).setShowInLegend(false);
        return c;
    }

    private static XYSeries vline(XYChart c, String name, double x, double height, Color color, float width) {
        XYSeries s = c.addSeries(name, new double[] {x, x}, new double[] {0, height});
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(width));
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    /**
     * UpSet-style bars of the observed histories, largest first; each bar is labelled with the lists
     * the cases are on, for example "NG + PFNCA".
     * @param t the table
     * @param title the chart title
     * @return the chart
     */
    public static CategoryChart overlapBars(ListOverlapTable t, String title) {
        int[] hist = t.observedHistories();
        Integer[] order = new Integer[hist.length];
        for (int i = 0; i < hist.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(t.count(hist[b]), t.count(hist[a])));
        List<String> labels = new ArrayList<>();
        List<Number> counts = new ArrayList<>();
        for (Integer i : order) {
            List<String> on = new ArrayList<>();
            for (int j = 0; j < t.listCount(); j++) {
                if ((hist[i] >> j & 1) == 1) {
                    on.add(t.listNames().get(j));
                }
            }
            labels.add(String.join(" + ", on));
            counts.add(t.count(hist[i]));
        }
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT + 100).title(title)
                .xAxisTitle("lists the cases are on").yAxisTitle("cases").build();
        style(c.getStyler());
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisLabelRotation(90);
        c.getStyler().setXAxisTickMarkSpacingHint(12); // one label per bar
        c.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        c.getStyler().setYAxisDecimalPattern("#,##0");
        c.getStyler().setLabelsVisible(true);
        c.getStyler().setLabelsFontColorAutomaticEnabled(false);
        c.getStyler().setLabelsFontColor(Color.BLACK);
        c.getStyler().setLabelsPosition(1.0);
        c.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        c.addSeries("cases", labels, counts).setFillColor(BLUE);
        return c;
    }

    /**
     * Point estimates with 95 % (thin) and, where given, 68 % (thick) interval bars, one per label,
     * with an optional reference value (truth or a published figure) per label.
     * @param title the chart title
     * @param yTitle the value axis title
     * @param labels one label per estimate
     * @param est the point estimates
     * @param lo95 lower 95 % limits
     * @param hi95 upper 95 % limits
     * @param lo68 lower 68 % limits, or {@code null}
     * @param hi68 upper 68 % limits, or {@code null}
     * @param reference reference values (NaN where unknown), or {@code null}
     * @param referenceName the legend text of the reference values
     * @return the chart
     */
    public static XYChart intervals(String title, String yTitle, List<String> labels, double[] est, double[] lo95,
                                    double[] hi95, double[] lo68, double[] hi68, double[] reference,
                                    String referenceName) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(yTitle).build();
        style(c.getStyler());
        c.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        c.setCustomYAxisTickLabelsFormatter(y -> Math.abs(y) >= 100 ? people(y) : Format.number(y));
        // category labels are drawn as annotations under each interval (an XY axis has no categories)
        c.getStyler().setXAxisTicksVisible(false);
        c.getStyler().setXAxisMin(-0.6);
        c.getStyler().setXAxisMax(labels.size() - 0.4);
        double bottom = Double.POSITIVE_INFINITY;
        double top = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < labels.size(); i++) {
            bottom = Math.min(bottom, Math.min(lo95[i], est[i]));
            top = Math.max(top, Math.max(hi95[i], est[i]));
            if (reference != null && !Double.isNaN(reference[i])) {
                bottom = Math.min(bottom, reference[i]);
                top = Math.max(top, reference[i]);
            }
        }
        double range = Math.max(top - bottom, Math.abs(top) * 1e-3 + 1e-12);
        c.getStyler().setYAxisMin(bottom >= 0 ? Math.max(0, bottom - 0.1 * range) : bottom - 0.1 * range);
        c.getStyler().setYAxisMax(top + 0.12 * range);
        c.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.BOLD, labels.size() > 8 ? 11 : 13));
        for (int i = 0; i < labels.size(); i++) {
            double above = Math.max(hi95[i], reference == null || Double.isNaN(reference[i]) ? hi95[i] : reference[i]);
            c.addAnnotation(new org.knowm.xchart.AnnotationText(labels.get(i), i, above + 0.05 * range, false));
        }
        for (int i = 0; i < labels.size(); i++) {
            XYSeries s95 = c.addSeries("95% interval" + (i == 0 ? "" : " " + i), new double[] {i, i},
                    new double[] {lo95[i], hi95[i]});
            s95.setLineColor(GREY);
            s95.setLineStyle(new BasicStroke(2f));
            s95.setMarker(SeriesMarkers.NONE);
            s95.setShowInLegend(i == 0);
            if (lo68 != null) {
                XYSeries s68 = c.addSeries("68% interval" + (i == 0 ? "" : " " + i), new double[] {i, i},
                        new double[] {lo68[i], hi68[i]});
                s68.setLineColor(BLUE);
                s68.setLineStyle(new BasicStroke(7f));
                s68.setMarker(SeriesMarkers.NONE);
                s68.setShowInLegend(i == 0);
            }
        }
        double[] x = new double[labels.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        if (reference != null) {
            List<Double> rx = new ArrayList<>();
            List<Double> ry = new ArrayList<>();
            for (int i = 0; i < reference.length; i++) {
                if (!Double.isNaN(reference[i])) {
                    rx.add((double) i);
                    ry.add(reference[i]);
                }
            }
            if (!rx.isEmpty()) {
                XYSeries r = c.addSeries(referenceName, rx, ry);
                r.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                r.setMarker(SeriesMarkers.DIAMOND);
                r.setMarkerColor(ORANGE);
            }
        }
        XYSeries e = c.addSeries("estimate", x, est);
        e.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        e.setMarker(SeriesMarkers.CIRCLE);
        e.setMarkerColor(RED);
        c.getStyler().setMarkerSize(11);
        return c;
    }

    /**
     * A scatter of labelled points, for example a model table's BIC against its estimate.
     * @param title the chart title
     * @param xTitle the x axis title
     * @param yTitle the y axis title
     * @param groups one series name per point group
     * @param xs x values per group
     * @param ys y values per group
     * @return the chart
     */
    public static XYChart scatter(String title, String xTitle, String yTitle, List<String> groups,
                                  List<double[]> xs, List<double[]> ys) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(c.getStyler());
        c.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.setCustomXAxisTickLabelsFormatter(x -> Math.abs(x) >= 100 ? people(x) : Format.number(x));
        c.setCustomYAxisTickLabelsFormatter(y -> Math.abs(y) >= 100 ? people(y) : Format.number(y));
        c.getStyler().setMarkerSize(9);
        for (int g = 0; g < groups.size(); g++) {
            c.addSeries(groups.get(g), xs.get(g), ys.get(g));
        }
        return c;
    }
}
