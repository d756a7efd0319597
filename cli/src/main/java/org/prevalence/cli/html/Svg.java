package org.prevalence.cli.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.prevalence.core.Format;

/**
 * The report's inline SVG charts: a forest plot (estimates with intervals), a histogram of replicates or draws with
 * the estimate and the limits marked, and an UpSet plot of list overlaps (Lex et al. 2014, IEEE TVCG 20(12)). Each
 * chart has a fixed view box and scales to the page width, so it never makes the page scroll sideways. Drawing
 * only: the axes' ticks are the only numbers computed here.
 */
public final class Svg {
    private static final int W = 960;
    private static final String BLUE = "#2b6cb0";
    private static final String ORANGE = "#c05621";
    private static final String GREY = "#a0aec0";

    private Svg() {
    }

    /**
     * One row of a forest plot.
     *
     * @param label the row's label
     * @param estimate the point, or NaN for none
     * @param lower the outer interval's lower limit (NaN for none)
     * @param upper its upper limit
     * @param innerLower an inner interval's lower limit (68 %), NaN for none
     * @param innerUpper its upper limit
     * @param reference a second marker (for example a published figure), NaN for none
     * @param highlight whether the row is the selected one
     */
    public record Row(String label, double estimate, double lower, double upper, double innerLower, double innerUpper,
                      double reference, boolean highlight) {
        /** @return a row with one interval */
        public static Row of(String label, double estimate, double lower, double upper, boolean highlight) {
            return new Row(label, estimate, lower, upper, Double.NaN, Double.NaN, Double.NaN, highlight);
        }
    }

    private static String f(double x) {
        return String.format(Locale.ROOT, "%.1f", x);
    }

    private static String text(double x, double y, String anchor, String s, int size, String fill) {
        return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"" + size
                + "\" fill=\"" + fill + "\">" + Html.esc(s) + "</text>";
    }

    private static String line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
        return "<line x1=\"" + f(x1) + "\" y1=\"" + f(y1) + "\" x2=\"" + f(x2) + "\" y2=\"" + f(y2) + "\" stroke=\""
                + stroke + "\" stroke-width=\"" + f(width) + "\"" + (dash == null ? "" : " stroke-dasharray=\"" + dash
                + "\"") + "/>";
    }

    private static String open(int h, String label) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + W + " " + h + "\" role=\"img\" aria-label=\""
                + Html.esc(label) + "\" font-family=\"Helvetica,Arial,sans-serif\">";
    }

    /** @return about {@code n} round ticks covering [lo, hi] (1, 2 or 5 times a power of ten apart) */
    static double[] ticks(double lo, double hi, int n) {
        double span = hi - lo;
        if (!(span > 0)) {
            return new double[] {lo};
        }
        double raw = span / n;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / p < 1.5 ? p : raw / p < 3.5 ? 2 * p : raw / p < 7.5 ? 5 * p : 10 * p;
        List<Double> t = new ArrayList<>();
        for (double v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
            t.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String axis(double x0, double x1, double lo, double hi, double y, double top) {
        StringBuilder b = new StringBuilder(line(x0, y, x1, y, "#555", 1, null));
        for (double t : ticks(lo, hi, 6)) {
            double x = x0 + (t - lo) / (hi - lo) * (x1 - x0);
            b.append(line(x, top, x, y, "#eee", 1, null)).append(line(x, y, x, y + 5, "#555", 1, null))
                    .append(text(x, y + 18, "middle", Format.number(t), 12, "#333"));
        }
        return b.toString();
    }

    /** @return a forest plot of the rows that have an estimate, on a linear axis */
    public static String forest(List<Row> rows, String axisLabel) {
        List<Row> shown = rows.stream().filter(r -> Double.isFinite(r.estimate())).toList();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Row r : shown) {
            for (double v : new double[] {r.estimate(), r.lower(), r.upper(), r.reference()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (shown.isEmpty()) {
            lo = 0;
            hi = 1;
        }
        double pad = (hi - lo) * 0.04 + (hi == lo ? 1 : 0);
        lo = Math.max(0, lo - pad);
        hi = hi + pad;
        int rowH = 24;
        int top = 10;
        int h = top + shown.size() * rowH + 50;
        double x0 = 300;
        double x1 = W - 20;
        double y = top + shown.size() * rowH + 6;
        StringBuilder b = new StringBuilder(open(h, "forest plot: " + axisLabel)).append(axis(x0, x1, lo, hi, y, top));
        double l = lo;
        double s = (x1 - x0) / (hi - lo);
        for (int i = 0; i < shown.size(); i++) {
            Row r = shown.get(i);
            double cy = top + i * rowH + rowH / 2.0;
            if (r.highlight()) {
                b.append("<rect x=\"0\" y=\"").append(f(cy - rowH / 2.0)).append("\" width=\"").append(W)
                        .append("\" height=\"").append(rowH).append("\" fill=\"#fff7dd\"/>");
            }
            String label = r.label().length() > 44 ? r.label().substring(0, 43) + "…" : r.label();
            b.append(text(x0 - 10, cy + 4, "end", label, 13, "#222"));
            if (Double.isFinite(r.lower()) && Double.isFinite(r.upper())) {
                b.append(line(x0 + (r.lower() - l) * s, cy, x0 + (r.upper() - l) * s, cy, BLUE, 2, null));
            }
            if (Double.isFinite(r.innerLower()) && Double.isFinite(r.innerUpper())) {
                b.append(line(x0 + (r.innerLower() - l) * s, cy, x0 + (r.innerUpper() - l) * s, cy, BLUE, 6, null));
            }
            b.append("<circle cx=\"").append(f(x0 + (r.estimate() - l) * s)).append("\" cy=\"").append(f(cy))
                    .append("\" r=\"5\" fill=\"").append(r.highlight() ? ORANGE : BLUE).append("\"/>");
            if (Double.isFinite(r.reference())) {
                double rx = x0 + (r.reference() - l) * s;
                b.append("<path d=\"M").append(f(rx)).append(' ').append(f(cy - 6)).append(" l6 6 l-6 6 l-6 -6 z\" "
                        + "fill=\"none\" stroke=\"").append(ORANGE).append("\" stroke-width=\"2\"/>");
            }
        }
        b.append(text((x0 + x1) / 2, h - 6, "middle", axisLabel, 13, "#333"));
        return b.append("</svg>").toString();
    }

    /**
     * @param labels the points' labels in order along the x axis (for example years)
     * @param estimate the points (NaN for none)
     * @param lower the intervals' lower limits (NaN for none)
     * @param upper their upper limits
     * @param xLabel the x axis' label
     * @param yLabel the y axis' label
     * @return the estimates as points joined by a line, each with a vertical interval bar, on a linear y axis from 0
     */
    public static String series(List<String> labels, double[] estimate, double[] lower, double[] upper, String xLabel,
                                String yLabel) {
        double hi = 0;
        for (double[] a : new double[][] {estimate, lower, upper}) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi > 0)) {
            hi = 1;
        }
        double[] ticks = ticks(0, hi * 1.04, 5);
        hi = Math.max(hi * 1.04, ticks[ticks.length - 1]);
        int h = 340;
        double x0 = 90;
        double x1 = W - 20;
        double top = 16;
        double y0 = 280;
        StringBuilder b = new StringBuilder(open(h, "estimates by " + xLabel + ": " + yLabel));
        double sy = (y0 - top) / hi;
        for (double t : ticks) {
            double y = y0 - t * sy;
            b.append(line(x0, y, x1, y, "#eee", 1, null)).append(text(x0 - 8, y + 4, "end", Format.number(t), 12,
                    "#333"));
        }
        b.append(line(x0, y0, x1, y0, "#555", 1, null)).append(line(x0, top, x0, y0, "#555", 1, null));
        int n = labels.size();
        double step = (x1 - x0) / Math.max(1, n);
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double x = x0 + step * (i + 0.5);
            b.append(text(x, y0 + 18, "middle", labels.get(i), 12, "#333"));
            if (Double.isFinite(lower[i]) && Double.isFinite(upper[i])) {
                double ya = y0 - lower[i] * sy;
                double yb = y0 - upper[i] * sy;
                b.append(line(x, ya, x, yb, BLUE, 2, null)).append(line(x - 6, ya, x + 6, ya, BLUE, 2, null))
                        .append(line(x - 6, yb, x + 6, yb, BLUE, 2, null));
            }
            if (Double.isFinite(estimate[i])) {
                path.append(path.length() == 0 ? "M" : " L").append(f(x)).append(' ').append(f(y0 - estimate[i] * sy));
            }
        }
        if (path.length() > 0) {
            b.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(GREY)
                    .append("\" stroke-width=\"1.5\"/>");
        }
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(estimate[i])) {
                b.append("<circle cx=\"").append(f(x0 + step * (i + 0.5))).append("\" cy=\"")
                        .append(f(y0 - estimate[i] * sy)).append("\" r=\"5\" fill=\"").append(ORANGE).append("\"/>");
            }
        }
        b.append(text((x0 + x1) / 2, h - 8, "middle", xLabel, 13, "#333"));
        b.append("<text x=\"16\" y=\"").append(f((top + y0) / 2)).append("\" transform=\"rotate(-90 16 ")
                .append(f((top + y0) / 2)).append(")\" text-anchor=\"middle\" font-size=\"13\" fill=\"#333\">")
                .append(Html.esc(yLabel)).append("</text>");
        return b.append("</svg>").toString();
    }

    /**
     * @param values the replicates or draws
     * @param estimate the point estimate (NaN for none)
     * @param lower the interval's lower limit
     * @param upper its upper limit
     * @param axisLabel the x axis' label
     * @return a histogram of the values (40 bins) with the estimate (solid) and the limits (dashed) marked
     */
    public static String histogram(double[] values, double estimate, double lower, double upper, String axisLabel) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        for (double v : new double[] {estimate, lower, upper}) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        int bins = 40;
        long[] c = new long[bins];
        long max = 1;
        for (double v : values) {
            if (Double.isFinite(v)) {
                int k = (int) Math.min(bins - 1, Math.floor((v - lo) / (hi - lo) * bins));
                max = Math.max(max, ++c[k]);
            }
        }
        return bars(c, max, lo, hi, estimate, lower, upper, axisLabel, "replicates");
    }

    /**
     * @param mass probability of N = first + m, m = 0, 1, ...
     * @param first the N of the first cell
     * @return the posterior drawn as a histogram of 60 bins (mass summed per bin) with the median and limits marked
     */
    public static String posterior(double[] mass, double first, double median, double lower, double upper,
                                   String axisLabel) {
        int last = mass.length - 1;
        double total = 0;
        for (double m : mass) {
            total += m;
        }
        double acc = 0;
        for (int i = mass.length - 1; i >= 0; i--) {
            acc += mass[i];
            if (acc > total * 0.001) {
                last = i;
                break;
            }
        }
        double lo = first;
        double hi = Math.max(first + last, upper);
        int bins = 60;
        long[] c = new long[bins];
        double[] sum = new double[bins];
        double mx = 0;
        for (int i = 0; i <= last; i++) {
            int k = (int) Math.min(bins - 1, Math.floor((first + i - lo) / (hi - lo) * bins));
            sum[k] += mass[i];
            mx = Math.max(mx, sum[k]);
        }
        for (int k = 0; k < bins; k++) {
            c[k] = Math.round(sum[k] / mx * 1000);
        }
        return bars(c, 1000, lo, hi, median, lower, upper, axisLabel, "posterior mass");
    }

    private static String bars(long[] c, long max, double lo, double hi, double estimate, double lower, double upper,
                               String axisLabel, String what) {
        int h = 300;
        double x0 = 60;
        double x1 = W - 20;
        double y0 = 250;
        double top = 20;
        StringBuilder b = new StringBuilder(open(h, "histogram of " + what + ": " + axisLabel))
                .append(axis(x0, x1, lo, hi, y0, top));
        double bw = (x1 - x0) / c.length;
        for (int k = 0; k < c.length; k++) {
            double bh = (double) c[k] / max * (y0 - top);
            b.append("<rect x=\"").append(f(x0 + k * bw + 0.5)).append("\" y=\"").append(f(y0 - bh))
                    .append("\" width=\"").append(f(Math.max(0.5, bw - 1))).append("\" height=\"").append(f(bh))
                    .append("\" fill=\"").append(GREY).append("\"/>");
        }
        double s = (x1 - x0) / (hi - lo);
        if (Double.isFinite(estimate)) {
            double x = x0 + (estimate - lo) * s;
            b.append(line(x, top - 8, x, y0, ORANGE, 2.5, null)).append(text(x, top - 10 + 0, "middle",
                    Format.number(estimate), 12, ORANGE));
        }
        for (double v : new double[] {lower, upper}) {
            if (Double.isFinite(v)) {
                double x = x0 + (v - lo) * s;
                b.append(line(x, top, x, y0, BLUE, 2, "6 4")).append(text(x, y0 - 4 - (v == upper ? 14 : 0),
                        v == lower ? "end" : "start", " " + Format.number(v) + " ", 12, BLUE));
            }
        }
        b.append(text((x0 + x1) / 2, h - 8, "middle", axisLabel, 13, "#333"));
        return b.append("</svg>").toString();
    }

    /**
     * @param lists the list names
     * @param countsByMask the count of each capture history (bit j = list j), index 0 unused
     * @return an UpSet plot: one column per observed history (largest first) with its count as a bar, the lists it
     *     is on as filled dots, and each list's size as a bar on the left
     */
    public static String upset(List<String> lists, long[] countsByMask, long[] listSizes) {
        List<Integer> masks = new ArrayList<>();
        for (int m = 1; m < countsByMask.length; m++) {
            if (countsByMask[m] > 0) {
                masks.add(m);
            }
        }
        masks.sort(Comparator.comparingLong((Integer m) -> -countsByMask[m]).thenComparing(m -> m));
        int k = lists.size();
        int rowH = 22;
        double barTop = 20;
        double barBottom = 200;
        double matTop = barBottom + 14;
        int h = (int) (matTop + k * rowH + 30);
        double x0 = 260;
        double x1 = W - 10;
        double cw = (x1 - x0) / Math.max(1, masks.size());
        long max = 1;
        for (int m : masks) {
            max = Math.max(max, countsByMask[m]);
        }
        long maxSize = 1;
        for (long s : listSizes) {
            maxSize = Math.max(maxSize, s);
        }
        StringBuilder b = new StringBuilder(open(h, "UpSet plot of list overlaps"));
        int fontSize = cw < 26 ? 9 : 11;
        for (int i = 0; i < masks.size(); i++) {
            int m = masks.get(i);
            double cx = x0 + (i + 0.5) * cw;
            double bh = (double) countsByMask[m] / max * (barBottom - barTop - 14);
            b.append("<rect x=\"").append(f(cx - cw * 0.35)).append("\" y=\"").append(f(barBottom - bh))
                    .append("\" width=\"").append(f(cw * 0.7)).append("\" height=\"").append(f(bh))
                    .append("\" fill=\"").append(BLUE).append("\"/>")
                    .append(text(cx, barBottom - bh - 3, "middle", Format.count(countsByMask[m]), fontSize, "#222"));
            int lowest = -1;
            int highest = -1;
            for (int j = 0; j < k; j++) {
                if ((m >> j & 1) == 1) {
                    lowest = lowest < 0 ? j : lowest;
                    highest = j;
                }
            }
            if (highest > lowest) {
                b.append(line(cx, matTop + lowest * rowH + rowH / 2.0, cx, matTop + highest * rowH + rowH / 2.0,
                        "#333", 2, null));
            }
            for (int j = 0; j < k; j++) {
                boolean on = (m >> j & 1) == 1;
                b.append("<circle cx=\"").append(f(cx)).append("\" cy=\"").append(f(matTop + j * rowH + rowH / 2.0))
                        .append("\" r=\"").append(f(Math.min(6, cw * 0.3))).append("\" fill=\"")
                        .append(on ? "#333" : "#ddd").append("\"/>");
            }
        }
        b.append(line(x0, barBottom, x1, barBottom, "#555", 1, null))
                .append(text(x0 - 10, barTop + 10, "end", "cases per capture history", 12, "#555"));
        for (int j = 0; j < k; j++) {
            double cy = matTop + j * rowH + rowH / 2.0;
            double sw = (double) listSizes[j] / maxSize * 110;
            b.append("<rect x=\"").append(f(x0 - 14 - sw)).append("\" y=\"").append(f(cy - 7)).append("\" width=\"")
                    .append(f(sw)).append("\" height=\"14\" fill=\"").append(GREY).append("\"/>")
                    .append(text(x0 - 18 - sw, cy + 4, "end", Format.count(listSizes[j]), 11, "#555"))
                    .append(text(8, cy + 4, "start", lists.get(j).length() > 14 ? lists.get(j).substring(0, 13) + "…"
                            : lists.get(j), 13, "#222"));
        }
        b.append(text(x0 - 70, h - 8, "middle", "list size", 12, "#555"));
        return b.append("</svg>").toString();
    }
}
