package org.prevalence.mse.closed;

import java.util.ArrayList;
import java.util.List;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * The Poisson regression of one closed-population model: response, column-major design with a leading intercept
 * column, offset and column names, built as Rcapture's {@code Xclosedp} builds them. Package-private.
 */
final class ClosedDesign {
    final ClosedModel model;
    final int rows;
    final int columns;
    final double[] x; // column-major, rows x columns, column 0 = intercept
    final String[] names;
    final double[] y;
    final double[] offset; // null if none
    final int[] captures; // k of each row
    final int nca; // columns (with the intercept) that do not model heterogeneity
    final int occasions;
    final long observed;

    private ClosedDesign(ClosedModel model, int rows, double[] x, String[] names, double[] y, double[] offset,
            int[] captures, int nca, int occasions, long observed) {
        this.model = model;
        this.rows = rows;
        this.columns = names.length;
        this.x = x;
        this.names = names;
        this.y = y;
        this.offset = offset;
        this.captures = captures;
        this.nca = nca;
        this.occasions = occasions;
        this.observed = observed;
    }

    /** Rcapture's heterogeneity function h(k) for the Poisson, Darroch and Gamma forms. */
    static double h(ClosedModel.Heterogeneity form, int k, double poissonTheta, double gammaTheta) {
        switch (form) {
            case POISSON:
                return Math.pow(poissonTheta, k) - 1; // hP
            case DARROCH:
                return k * (double) k / 2; // hD
            case GAMMA:
                return -Math.log(gammaTheta + k) + Math.log(gammaTheta); // hG
            default:
                throw new IllegalArgumentException(form.name());
        }
    }

    /** The design on the 2^t - 1 capture histories (rows by mask 1..2^t-1); y may be adjusted later. */
    static ClosedDesign histories(ListOverlapTable table, ClosedModel model, double poissonTheta, double gammaTheta) {
        int t = table.listCount();
        int rows = table.cellCount() - 1;
        double[] y = new double[rows];
        int[] k = new int[rows];
        for (int mask = 1; mask <= rows; mask++) {
            y[mask - 1] = table.count(mask);
            k[mask - 1] = Integer.bitCount(mask);
        }
        List<String> names = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        names.add("(Intercept)");
        cols.add(filled(rows, 1.0));
        if (model.isBehavioural()) {
            double[] notFirst = new double[rows];
            double[] before = new double[rows];
            double[] after = new double[rows];
            for (int mask = 1; mask <= rows; mask++) {
                notFirst[mask - 1] = (mask & 1) == 0 ? 1 : 0;
                before[mask - 1] = Integer.numberOfTrailingZeros(mask); // occasions before the first capture
                after[mask - 1] = k[mask - 1] - 1; // captures after the first
            }
            if (model == ClosedModel.MBH) {
                names.add("eta");
                cols.add(notFirst);
            }
            names.add("beta1");
            cols.add(before);
            names.add("beta2");
            cols.add(after);
        } else if (model.hasTimeEffects()) {
            for (int j = 0; j < t; j++) {
                double[] c = new double[rows];
                for (int mask = 1; mask <= rows; mask++) {
                    c[mask - 1] = (mask >> j) & 1;
                }
                names.add("beta" + (j + 1));
                cols.add(c);
            }
        } else {
            names.add("beta");
            cols.add(toDouble(k));
        }
        int nca = cols.size();
        addHeterogeneity(model, t, k, names, cols, poissonTheta, gammaTheta);
        return new ClosedDesign(model, rows, columnMajor(cols, rows), names.toArray(new String[0]), y, null, k, nca,
                t, table.observedTotal());
    }

    /**
     * The design on the t capture frequencies (Rcapture's {@code closedp.0}, {@code t0 = t}): rows k = t..1,
     * offset \( \log\binom{t}{k} \); only M0 and Mh models.
     */
    static ClosedDesign frequencies(CaptureFrequencies freq, ClosedModel model, double poissonTheta,
            double gammaTheta) {
        int t = freq.occasions();
        double[] y = new double[t];
        int[] k = new int[t];
        double[] offset = new double[t];
        for (int i = 0; i < t; i++) {
            k[i] = t - i;
            y[i] = freq.frequency(k[i]);
            offset[i] = logChoose(t, k[i]);
        }
        List<String> names = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        names.add("(Intercept)");
        cols.add(filled(t, 1.0));
        names.add("beta");
        cols.add(toDouble(k));
        int nca = cols.size();
        addHeterogeneity(model, t, k, names, cols, poissonTheta, gammaTheta);
        return new ClosedDesign(model, t, columnMajor(cols, t), names.toArray(new String[0]), y, offset, k, nca, t,
                freq.observedTotal());
    }

    private static void addHeterogeneity(ClosedModel model, int t, int[] k, List<String> names, List<double[]> cols,
            double poissonTheta, double gammaTheta) {
        ClosedModel.Heterogeneity form = model.heterogeneity();
        if (form == ClosedModel.Heterogeneity.NONE) {
            return;
        }
        int rows = k.length;
        if (form == ClosedModel.Heterogeneity.CHAO) {
            for (int j = 3; j <= t; j++) {
                double[] c = new double[rows];
                for (int i = 0; i < rows; i++) {
                    c[i] = Math.max(k[i] - j + 1, 0);
                }
                names.add("eta" + j);
                cols.add(c);
            }
        } else {
            double[] c = new double[rows];
            for (int i = 0; i < rows; i++) {
                c[i] = h(form, k[i], poissonTheta, gammaTheta);
            }
            names.add("tau");
            cols.add(c);
        }
    }

    /** A copy with the response replaced. */
    ClosedDesign withResponse(double[] newY) {
        return new ClosedDesign(model, rows, x, names, newY, offset, captures, nca, occasions, observed);
    }

    /** A copy without column {@code col} (used to set a negative eta to 0). */
    ClosedDesign withoutColumn(int col) {
        double[] nx = new double[rows * (columns - 1)];
        String[] nn = new String[columns - 1];
        for (int j = 0, d = 0; j < columns; j++) {
            if (j != col) {
                System.arraycopy(x, j * rows, nx, d * rows, rows);
                nn[d++] = names[j];
            }
        }
        return new ClosedDesign(model, rows, nx, nn, y, offset, captures, nca, occasions, observed);
    }

    /** The design with one more row, the unobserved history (intercept only), with count n0. */
    ClosedDesign augmented(double n0) {
        int r = rows + 1;
        double[] nx = new double[r * columns];
        for (int j = 0; j < columns; j++) {
            System.arraycopy(x, j * rows, nx, j * r, rows);
            nx[j * r + rows] = j == 0 ? 1 : 0;
        }
        double[] ny = new double[r];
        System.arraycopy(y, 0, ny, 0, rows);
        ny[rows] = n0;
        double[] no = null;
        if (offset != null) {
            no = new double[r];
            System.arraycopy(offset, 0, no, 0, rows);
        }
        int[] nk = new int[r];
        System.arraycopy(captures, 0, nk, 0, rows);
        return new ClosedDesign(model, r, nx, names, ny, no, nk, nca, occasions, observed);
    }

    static double logChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static double[] toDouble(int[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    private static double[] columnMajor(List<double[]> cols, int rows) {
        double[] x = new double[rows * cols.size()];
        for (int j = 0; j < cols.size(); j++) {
            System.arraycopy(cols.get(j), 0, x, j * rows, rows);
        }
        return x;
    }
}
