package org.prevalence.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;
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
 *
 * <p>Tick labels never use E-notation ({@link #tick}). Every chart has a logarithmic version
 * ({@link #logScale}, {@code --plot-log}) on its value axis, in which values that a log axis cannot show
 * (zero, negative) are drawn at the bottom of the axis. Plots show labels the user named (lists, regions,
 * domains) and figures, never a cell of the input.
 *
 * <p>It is long because it holds every chart the CLI writes (distribution, posterior, overlap bars, forest
 * intervals, scatter) with the styling, log-scale and XChart workarounds they share; each chart is one
 * public method made of short steps.
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

    /** The log-axis version of each chart built here, built on request (weak keys: charts are short-lived). */
    private static final Map<Chart<?, ?>, Supplier<Chart<?, ?>>> LOG_VERSION =
            Collections.synchronizedMap(new WeakHashMap<>());

    private Plots() {
    }

    /**
     * @param chart a chart built by this class
     * @return the same chart with its value axis (counts, estimates, probabilities) logarithmic; a chart built
     *     elsewhere is returned as it is
     */
    public static Chart<?, ?> logScale(Chart<?, ?> chart) {
        Supplier<Chart<?, ?>> s = LOG_VERSION.get(chart);
        return s == null ? chart : s.get();
    }

    private static <C extends Chart<?, ?>> C logVersion(C chart, boolean log, Supplier<Chart<?, ?>> logBuild) {
        if (!log) {
            LOG_VERSION.put(chart, logBuild);
        }
        return chart;
    }

    /**
     * A tick label: a count with thousands separators from 100 on, otherwise up to 4 significant digits in
     * plain decimals (0.00012, never 1.2E-4).
     * @param x the tick value
     * @return the label
     */
    static String tick(double x) {
        if (!Double.isFinite(x)) {
            return "";
        }
        if (Math.abs(x) >= 100) {
            return people(x);
        }
        if (x == 0) {
            return "0";
        }
        return new BigDecimal(x).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** The smallest positive value, divided by 2 (the floor at which a log axis draws zeros), or 1 if none. */
    private static double logFloor(double... values) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            if (v > 0 && Double.isFinite(v)) {
                min = Math.min(min, v);
            }
        }
        return Double.isInfinite(min) ? 1 : min / 2;
    }

    private static double[] floorAt(double[] v, double floor) {
        if (v == null) {
            return null;
        }
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] < floor) {
                out[i] = floor;
            }
        }
        return out;
    }

    /**
     * Saves a chart, through {@link OutputFiles}: written beside its target and moved into place when the
     * command succeeds; refused, naming the path, if the path is a folder or its folder does not exist.
     * @param chart the chart
     * @param file the file; the extension is added if missing
     * @param format PNG or SVG
     * @return the file written
     */
    public static Path save(Chart<?, ?> chart, Path file, PlotFormat format) {
        String name = file.toString();
        String ext = "." + format.name();
        String base = name.toLowerCase(Locale.ROOT).endsWith(ext) ? name.substring(0, name.length() - ext.length()) : name;
        Path target = Path.of(base + ext);
        OutputFiles.write(target, "--plot", out -> {
            if (format == PlotFormat.png) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            } else {
                VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            }
        });
        return target;
    }

    private static void style(Styler s) {
        style(s, "");
    }

    /** The common style; a long title gets a smaller font so that it is not cut off. */
    private static void style(Styler s, String title) {
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, title.length() > 60 ? 14 : title.length() > 45 ? 16 : 18));
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
        return distribution(title, xTitle, values, point, interval, false);
    }

    private static XYChart distribution(String title, String xTitle, double[] values, double point, Interval interval,
                                        boolean log) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(log ? "replicates (log scale)" : "replicates").build();
        style(c.getStyler(), title);
        c.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        c.setCustomXAxisTickLabelsFormatter(Plots::tick);
        c.setCustomYAxisTickLabelsFormatter(Plots::tick);
        c.getStyler().setMarkerSize(0);
        int bins = Math.max(10, Math.min(60, (int) Math.sqrt(v.length)));
        // display only: trim the outer 0.5 % so one extreme replicate does not flatten the picture
        double lo = v.length == 0 ? point : v[(int) Math.floor(0.005 * (v.length - 1))];
        double hi = v.length == 0 ? point : v[(int) Math.ceil(0.995 * (v.length - 1))];
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
        // log axis: empty bins are drawn at 0.5 replicate, the bottom of the axis
        double base = log ? 0.5 : 0;
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        double max = 0;
        for (int b = 0; b < bins; b++) {
            xs.add(lo + b * width);
            ys.add(Math.max(base, counts[b]));
            xs.add(lo + (b + 1) * width);
            ys.add(Math.max(base, counts[b]));
            max = Math.max(max, counts[b]);
        }
        if (log) {
            c.getStyler().setYAxisLogarithmic(true);
            c.getStyler().setYAxisMin(base);
        }
        XYSeries h = c.addSeries("replicates (" + Format.count(v.length) + ")", xs, ys);
        h.setXYSeriesRenderStyle(log ? XYSeries.XYSeriesRenderStyle.Line : XYSeries.XYSeriesRenderStyle.Area);
        h.setFillColor(new Color(31, 119, 180, 110));
        h.setLineColor(BLUE);
        h.setMarker(SeriesMarkers.NONE);
        double top = log ? Math.max(1, max) * 1.5 : max * 1.05;
        vline(c, "estimate " + people(point), point, base, top, RED, 3f);
        if (interval != null) {
            vline(c, interval.label() + " " + Format.percent(interval.level()) + "% interval", interval.lower(),
                    base, top, GREY, 2f).setShowInLegend(true);
            vline(c, "upper", interval.upper(), base, top, GREY, 2f).setShowInLegend(false);
        }
        return logVersion(c, log, () -> distribution(title, xTitle, values, point, interval, true));
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
        return posterior(title, mass, observed, median, interval, false);
    }

    private static XYChart posterior(String title, double[] mass, long observed, double median, Interval interval,
                                     boolean log) {
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
        double max = 0;
        for (int m = lo; m <= hi; m += step) {
            max = Math.max(max, mass[m]);
        }
        // log axis: a zero mass is drawn at half the smallest positive one shown, the bottom of the axis
        double base = 0;
        if (log) {
            double minPositive = max;
            for (int m = lo; m <= hi; m += step) {
                minPositive = mass[m] > 0 ? Math.min(minPositive, mass[m]) : minPositive;
            }
            base = minPositive > 0 ? minPositive / 2 : 1e-12;
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int m = lo; m <= hi; m += step) {
            xs.add((double) (observed + m));
            ys.add(Math.max(base, mass[m]));
        }
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("population N")
                .yAxisTitle(log ? "posterior probability (log scale)" : "posterior probability").build();
        style(c.getStyler(), title);
        c.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        c.setCustomXAxisTickLabelsFormatter(Plots::people);
        c.setCustomYAxisTickLabelsFormatter(Plots::tick);
        if (log) {
            c.getStyler().setYAxisLogarithmic(true);
            c.getStyler().setYAxisMin(base);
        }
        XYSeries s = c.addSeries("posterior of N", xs, ys);
        // XChart fills an area towards the top of a log axis: a line there
        s.setXYSeriesRenderStyle(log ? XYSeries.XYSeriesRenderStyle.Line : XYSeries.XYSeriesRenderStyle.Area);
        s.setFillColor(new Color(31, 119, 180, 110));
        s.setLineColor(BLUE);
        s.setMarker(SeriesMarkers.NONE);
        double top = log ? max * 2 : max * 1.05;
        vline(c, "median " + people(median), median, base, top, RED, 3f);
        vline(c, Format.percent(interval.level()) + "% credible interval", interval.lower(), base, top, GREY, 2f);
        vline(c, "upper", interval.upper(), base, top, GREY, 2f).setShowInLegend(false);
        return logVersion(c, log, () -> posterior(title, mass, observed, median, interval, true));
    }

    private static XYSeries vline(XYChart c, String name, double x, double bottom, double height, Color color,
                                  float width) {
        XYSeries s = c.addSeries(name, new double[] {x, x}, new double[] {bottom, height});
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(width));
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    /**
     * UpSet-style bars of the observed histories, largest first; each bar is labelled with the lists
     * the cases are on, for example "NG + PFNCA", and with its count.
     * @param t the table
     * @param title the chart title
     * @return the chart
     */
    public static CategoryChart overlapBars(ListOverlapTable t, String title) {
        return overlapBars(t, title, false);
    }

    private static CategoryChart overlapBars(ListOverlapTable t, String title, boolean log) {
        int[] hist = t.observedHistories();
        Integer[] order = new Integer[hist.length];
        for (int i = 0; i < hist.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(t.count(hist[b]), t.count(hist[a])));
        List<String> labels = new ArrayList<>();
        List<Number> counts = new ArrayList<>();
        long max = 1;
        for (Integer i : order) {
            List<String> on = new ArrayList<>();
            for (int j = 0; j < t.listCount(); j++) {
                if ((hist[i] >> j & 1) == 1) {
                    on.add(t.listNames().get(j));
                }
            }
            labels.add(String.join(" + ", on));
            counts.add(t.count(hist[i]));
            max = Math.max(max, t.count(hist[i]));
        }
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT + 100).title(title)
                .xAxisTitle("lists the cases are on").yAxisTitle(log ? "cases (log scale)" : "cases").build();
        style(c.getStyler(), title);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisLabelRotation(90);
        c.getStyler().setXAxisTickMarkSpacingHint(12); // one label per bar
        c.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        c.setCustomYAxisTickLabelsFormatter(Plots::tick);
        c.getStyler().setLabelsVisible(true);
        c.getStyler().setLabelsFontColorAutomaticEnabled(false);
        c.getStyler().setLabelsFontColor(Color.BLACK);
        c.getStyler().setLabelsPosition(1.0);
        c.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        if (log) {
            // a history seen once is a bar of height 1 above the axis bottom at 0.5
            c.getStyler().setYAxisLogarithmic(true);
            c.getStyler().setYAxisMin(0.5);
            c.getStyler().setYAxisMax(max * 2.0);
        }
        c.addSeries("cases", labels, counts).setFillColor(BLUE);
        return logVersion(c, log, () -> overlapBars(t, title, true));
    }

    /**
     * A forest plot: point estimates with 95 % (thin) and, where given, 68 % (thick) interval bars, one row per
     * label, the labels on the left (long region names stay readable), the first label at the top, with an
     * optional reference value (truth or a published figure) per label.
     * @param title the chart title
     * @param valueTitle the value axis title
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
    public static XYChart intervals(String title, String valueTitle, List<String> labels, double[] est, double[] lo95,
                                    double[] hi95, double[] lo68, double[] hi68, double[] reference,
                                    String referenceName) {
        return intervals(title, valueTitle, labels, est, lo95, hi95, lo68, hi68, reference, referenceName, false);
    }

    private static XYChart intervals(String title, String valueTitle, List<String> labels, double[] estIn,
                                     double[] lo95In, double[] hi95In, double[] lo68In, double[] hi68In,
                                     double[] refIn, String referenceName, boolean log) {
        double floor = log ? logFloor(concat(estIn, lo95In, hi95In, lo68In, hi68In, refIn)) : Double.NEGATIVE_INFINITY;
        double[] est = floorAt(estIn, floor);
        double[] lo95 = floorAt(lo95In, floor);
        double[] hi95 = floorAt(hi95In, floor);
        double[] lo68 = floorAt(lo68In, floor);
        double[] hi68 = floorAt(hi68In, floor);
        double[] reference = refIn == null ? null : refIn.clone();
        if (reference != null && log) {
            for (int i = 0; i < reference.length; i++) {
                reference[i] = reference[i] > 0 ? reference[i] : Double.NaN;
            }
        }
        XYChart c = forestFrame(title, log ? valueTitle + " (log scale)" : valueTitle, labels);
        forestRange(c, est, lo95, hi95, reference, log, floor);
        forestSeries(c, est, lo95, hi95, lo68, hi68, reference, referenceName);
        return logVersion(c, log, () -> intervals(title, valueTitle, labels, estIn, lo95In, hi95In, lo68In, hi68In,
                refIn, referenceName, true));
    }

    /** A forest chart's frame: one row a label, the first at the top, sized for {@code labels.size()} rows. */
    private static XYChart forestFrame(String title, String xTitle, List<String> labels) {
        int n = labels.size();
        int height = Math.max(HEIGHT, 170 + 34 * n);
        XYChart c = new XYChartBuilder().width(WIDTH).height(height).title(title).xAxisTitle(xTitle).build();
        style(c.getStyler(), title);
        int fontSize = n > 20 ? 11 : 13;
        c.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontSize));
        c.setCustomXAxisTickLabelsFormatter(Plots::tick);
        // Rows: label i at y = n - 1 - i, so that the first label is at the top, drawn as Y tick labels. XChart
        // keeps tick labels only if all are distinct, and gives up (loops) while any of the first three is longer
        // than 20 characters; so: the labels are made distinct, ticks between rows get distinct short blank
        // labels, an empty row below (from -1.6) puts the first three ticks below the rows, and the spacing hint
        // keeps the tick step at 0.5 or less.
        List<String> rowLabels = distinct(labels);
        c.setCustomYAxisTickLabelsFormatter(y -> {
            long k = Math.round(y);
            return Math.abs(y - k) > 1e-6 || k < 0 || k >= n ? blank(Math.round((y + 2) * 100))
                    : rowLabels.get((int) (n - 1 - k));
        });
        c.getStyler().setYAxisMin(-1.6);
        c.getStyler().setYAxisMax(n - 0.4);
        int tickSpace = Math.max(100, height - 260);
        c.getStyler().setYAxisTickMarkSpacingHint((int) Math.max(1, Math.floor(0.25 * tickSpace / (n + 1.2))));
        c.getStyler().setPlotGridHorizontalLinesVisible(false);
        c.getStyler().setYAxisLabelAlignment(org.knowm.xchart.style.AxesChartStyler.TextAlignment.Right);
        return c;
    }

    /** Sets the value axis to span every estimate, 95 % limit and reference value (log: from the floor). */
    private static void forestRange(XYChart c, double[] est, double[] lo95, double[] hi95, double[] reference,
                                    boolean log, double floor) {
        double left = Double.POSITIVE_INFINITY;
        double right = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < est.length; i++) {
            left = Math.min(left, Math.min(lo95[i], est[i]));
            right = Math.max(right, Math.max(hi95[i], est[i]));
            if (reference != null && !Double.isNaN(reference[i])) {
                left = Math.min(left, reference[i]);
                right = Math.max(right, reference[i]);
            }
        }
        if (log) {
            c.getStyler().setXAxisLogarithmic(true);
            c.getStyler().setXAxisMin(Math.min(left, floor));
            c.getStyler().setXAxisMax(right * 1.5);
        } else {
            double range = Math.max(right - left, Math.abs(right) * 1e-3 + 1e-12);
            c.getStyler().setXAxisMin(left >= 0 ? Math.max(0, left - 0.05 * range) : left - 0.05 * range);
            c.getStyler().setXAxisMax(right + 0.05 * range);
        }
    }

    /** Draws each row's 95 % (grey) and 68 % (blue) bars, the reference diamonds and the estimate dots. */
    private static void forestSeries(XYChart c, double[] est, double[] lo95, double[] hi95, double[] lo68,
                                     double[] hi68, double[] reference, String referenceName) {
        int n = est.length;
        for (int i = 0; i < n; i++) {
            double y = n - 1 - i;
            XYSeries s95 = c.addSeries("95% interval" + (i == 0 ? "" : " " + i), new double[] {lo95[i], hi95[i]},
                    new double[] {y, y});
            s95.setLineColor(GREY);
            s95.setLineStyle(new BasicStroke(2f));
            s95.setMarker(SeriesMarkers.NONE);
            s95.setShowInLegend(i == 0);
            if (lo68 != null) {
                XYSeries s68 = c.addSeries("68% interval" + (i == 0 ? "" : " " + i), new double[] {lo68[i], hi68[i]},
                        new double[] {y, y});
                s68.setLineColor(BLUE);
                s68.setLineStyle(new BasicStroke(7f));
                s68.setMarker(SeriesMarkers.NONE);
                s68.setShowInLegend(i == 0);
            }
        }
        double[] rows = new double[n];
        for (int i = 0; i < n; i++) {
            rows[i] = n - 1 - i;
        }
        if (reference != null) {
            List<Double> rx = new ArrayList<>();
            List<Double> ry = new ArrayList<>();
            for (int i = 0; i < reference.length; i++) {
                if (!Double.isNaN(reference[i])) {
                    rx.add(reference[i]);
                    ry.add(rows[i]);
                }
            }
            if (!rx.isEmpty()) {
                XYSeries r = c.addSeries(referenceName, rx, ry);
                r.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                r.setMarker(SeriesMarkers.DIAMOND);
                r.setMarkerColor(ORANGE);
            }
        }
        XYSeries e = c.addSeries("estimate", est, rows);
        e.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        e.setMarker(SeriesMarkers.CIRCLE);
        e.setMarkerColor(RED);
        c.getStyler().setMarkerSize(11);
    }

    /** @return the labels, a repeated one suffixed " (2)", " (3)", ... so that all are distinct */
    private static List<String> distinct(List<String> labels) {
        List<String> out = new ArrayList<>();
        for (String l : labels) {
            String u = l;
            for (int k = 2; out.contains(u); k++) {
                u = l + " (" + k + ")";
            }
            out.add(u);
        }
        return out;
    }

    /** @return a blank label unique to m: m in binary, space for 0 and no-break space for 1, after one space */
    private static String blank(long m) {
        return " " + Long.toBinaryString(Math.max(0, m)).replace('0', ' ').replace('1', '\u00a0');
    }

    private static double[] concat(double[]... arrays) {
        int len = 0;
        for (double[] a : arrays) {
            len += a == null ? 0 : a.length;
        }
        double[] out = new double[len];
        int k = 0;
        for (double[] a : arrays) {
            if (a != null) {
                System.arraycopy(a, 0, out, k, a.length);
                k += a.length;
            }
        }
        return out;
    }

    /**
     * A scatter of labelled points, for example a model table's BIC against its estimate. With more than
     * four groups the legend is a column to the right of the plot, so that no entry is cut off.
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
        return scatter(title, xTitle, yTitle, groups, xs, ys, false);
    }

    private static XYChart scatter(String title, String xTitle, String yTitle, List<String> groups,
                                   List<double[]> xs, List<double[]> ysIn, boolean log) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(Math.max(HEIGHT, 120 + 24 * groups.size())).title(title)
                .xAxisTitle(xTitle).yAxisTitle(log ? yTitle + " (log scale)" : yTitle).build();
        style(c.getStyler(), title);
        if (groups.size() > 4) {
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        }
        c.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.setCustomXAxisTickLabelsFormatter(Plots::tick);
        c.setCustomYAxisTickLabelsFormatter(Plots::tick);
        c.getStyler().setMarkerSize(9);
        List<double[]> ys = ysIn;
        if (log) {
            c.getStyler().setYAxisLogarithmic(true);
            double floor = logFloor(concat(ysIn.toArray(double[][]::new)));
            ys = new ArrayList<>();
            for (double[] y : ysIn) {
                ys.add(floorAt(y, floor));
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            c.addSeries(groups.get(g), xs.get(g), ys.get(g));
        }
        return logVersion(c, log, () -> scatter(title, xTitle, yTitle, groups, xs, ysIn, true));
    }
}
