package org.prevalence.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.survey.ReplicateCentre;

/**
 * The replicate-weight variance engine (R's {@code svrVar}), attached to a {@link SurveyDesign} by
 * {@link ReplicateDesign}. For a statistic \( \hat\theta \) with replicate estimates
 * \( \hat\theta_r \), \( r = 1..R \):
 * <p>\[ \hat V = s \sum_{r=1}^{R} c_r (\hat\theta_r - \bar\theta)^2 \]
 * <p>where \( s \) is the scale, \( c_r \) the replicate scales (rscales) and \( \bar\theta \) the
 * mean of the replicates with \( c_r &gt; 0 \) ({@link ReplicateCentre#REPLICATE_MEAN}, R's
 * {@code mse=FALSE}) or the full-sample estimate ({@link ReplicateCentre#FULL_SAMPLE}). Replicates
 * whose estimate is not defined (a domain with no weight in that replicate) are dropped, as R's
 * {@code na.action}.
 *
 * <p><b>Storage.</b> Replicates made from a design are stored as one factor per PSU and replicate
 * (\( a_{pr} \), a PSUs x replicates array): the replicate weight of row \( i \) is
 * \( w_i a_{p(i) r} \). Replicate estimates of totals, means and ratios are then computed from PSU
 * totals of \( w y \) and \( w x \): \( \hat t_r = \sum_p a_{pr} t_p \), so a rows x replicates
 * matrix is never built and memory is O(rows + PSUs x replicates). Supplied replicate weights are
 * the columns themselves. After calibration, each replicate's weights are recomputed one replicate
 * at a time from the stored factors and the per-replicate calibration parameters ({@link Step}), in
 * O(rows) memory.
 *
 * <p>This class is immutable.
 */
public final class ReplicateVariance implements VarianceEngine {
    private final String method;
    private final double scale;
    private final double[] rscales;
    private final ReplicateCentre centre;
    private final int df;
    private final int replicates;
    /** [p * R + r] factors, or null. */
    private final double[] psuFactor;
    private final int psuCount;
    /** Base weights the PSU factors multiply. */
    private final double[] base;
    /** Supplied analysis weights [r][row], or null. */
    private final double[][] columns;
    private final int[] psu;
    private final List<Step> steps;

    /** A per-replicate transformation of replicate weights (calibration of each replicate). */
    interface Step {
        /**
         * @param r the replicate
         * @param w its row weights, transformed in place
         */
        void apply(int r, double[] w);
    }

    private ReplicateVariance(String method, double scale, double[] rscales, ReplicateCentre centre, int df,
                              int replicates, double[] psuFactor, int psuCount, double[] base, double[][] columns,
                              int[] psu, List<Step> steps) {
        this.method = method;
        this.scale = scale;
        this.rscales = rscales;
        this.centre = centre;
        this.df = df;
        this.replicates = replicates;
        this.psuFactor = psuFactor;
        this.psuCount = psuCount;
        this.base = base;
        this.columns = columns;
        this.psu = psu;
        this.steps = steps;
    }

    static ReplicateVariance ofFactors(String method, double scale, double[] rscales, ReplicateCentre centre, int df,
                                       double[] psuFactor, SurveyDesign d) {
        return new ReplicateVariance(method, scale, rscales, centre, df, rscales.length, psuFactor, d.psuCount(),
                d.weightsRef(), null, d.psu(), List.of());
    }

    static ReplicateVariance ofColumns(String method, double scale, double[] rscales, ReplicateCentre centre,
                                       double[][] columns) {
        int df = rank(columns) - 1;
        return new ReplicateVariance(method, scale, rscales, centre, df, columns.length, null, 0, null, columns,
                null, List.of());
    }

    /**
     * A replicate variance of supplied weights known only by their summary (the aggregation engines: the
     * weights stay where the data are), for {@link #variance(double[], double)} only.
     */
    static ReplicateVariance ofSummary(String method, double scale, double[] rscales, ReplicateCentre centre, int df) {
        return new ReplicateVariance(method, scale, rscales, centre, df, rscales.length, null, 0, null, null, null,
                List.of());
    }

    /** @return whether the rank of rows x r weights is taken as r without computing it (as {@link #rank}) */
    static boolean rankAssumed(long rows, int r) {
        return rows * r * r > 400_000_000L;
    }

    /** @return this engine with one more per-replicate calibration step */
    ReplicateVariance then(Step step) {
        List<Step> s = new ArrayList<>(steps);
        s.add(step);
        return new ReplicateVariance(method, scale, rscales, centre, df, replicates, psuFactor, psuCount, base,
                columns, psu, Collections.unmodifiableList(s));
    }

    /** @return this engine with another centre (R's mse option) */
    ReplicateVariance with(ReplicateCentre c) {
        return new ReplicateVariance(method, scale, rscales, c, df, replicates, psuFactor, psuCount, base, columns,
                psu, steps);
    }

    /**
     * Numerical rank of the rows x R weight matrix as R's {@code qr(weights, tol=1e-5)}: singular
     * values below 1e-5 of the largest are dropped (computed from the R x R Gram matrix); for very
     * large inputs (rows x R^2 above 4e8) R is assumed.
     */
    private static int rank(double[][] columns) {
        int r = columns.length;
        int n = columns[0].length;
        if ((long) n * r * r > 400_000_000L) {
            return r;
        }
        return rankOfGram(gram(columns));
    }

    /** @return the R x R Gram matrix of the columns */
    private static double[][] gram(double[][] columns) {
        int r = columns.length;
        int n = columns[0].length;
        double[][] g = new double[r][r];
        for (int a = 0; a < r; a++) {
            for (int b = a; b < r; b++) {
                double s = 0;
                double[] x = columns[a];
                double[] y = columns[b];
                for (int i = 0; i < n; i++) {
                    s += x[i] * y[i];
                }
                g[a][b] = s;
                g[b][a] = s;
            }
        }
        return g;
    }

    /**
     * The numerical rank of a weight matrix from its Gram matrix, as {@link #rank(double[][])} (eigenvalues
     * above 1e-10 of the largest), for engines that aggregate the Gram matrix where the data are.
     * @param g the R x R Gram matrix \( \sum_i w_{ia} w_{ib} \)
     * @return the rank
     */
    static int rankOfGram(double[][] g) {
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(g, false)).getRealEigenvalues();
        double max = 0;
        for (double e : ev) {
            max = Math.max(max, e);
        }
        int rank = 0;
        for (double e : ev) {
            if (e > 1e-10 * max) {
                rank++;
            }
        }
        return rank;
    }

    /**
     * The degrees of freedom of a domain as R's {@code degf} of the subset design
     * ({@code "[.svyrep.design"} keeps the domain's rows and recomputes {@code degf}): the rank of the
     * domain rows' replicate weights minus 1.
     * @param inDomain whether each row is in the domain
     * @return the domain's degrees of freedom
     */
    int degreesOfFreedom(boolean[] inDomain) {
        int m = 0;
        for (boolean b : inDomain) {
            m += b ? 1 : 0;
        }
        if (m == 0) {
            return 0;
        }
        double[] buf = new double[inDomain.length];
        double[][] cols = new double[replicates][m];
        for (int r = 0; r < replicates; r++) {
            fill(r, buf);
            int j = 0;
            for (int i = 0; i < buf.length; i++) {
                if (inDomain[i]) {
                    cols[r][j++] = buf[i];
                }
            }
        }
        return rank(cols) - 1;
    }

    /** @return the method name, e.g. {@code "jkn"}, {@code "fay:0.5"} */
    @Override
    public String method() {
        return method;
    }

    /** @return the overall scale \( s \) */
    public double scale() {
        return scale;
    }

    /** @return a copy of the replicate scales \( c_r \) */
    public double[] rscales() {
        return rscales.clone();
    }

    /** @return what the replicates are centred on */
    public ReplicateCentre centre() {
        return centre;
    }

    /** @return the number of replicates */
    public int replicates() {
        return replicates;
    }

    /** @return the degrees of freedom: rank of the replicate weights minus 1 (R's {@code degf}) */
    @Override
    public int degreesOfFreedom() {
        return df;
    }

    /** @return whether the replicate weights were recalibrated after they were made */
    boolean hasSteps() {
        return !steps.isEmpty();
    }

    int rows() {
        return base != null ? base.length : columns[0].length;
    }

    /**
     * The row weights of replicate {@code r} (after calibration steps) into {@code out}.
     * @param r the replicate
     * @param out an array of one value per row
     */
    void fill(int r, double[] out) {
        if (columns != null) {
            System.arraycopy(columns[r], 0, out, 0, out.length);
        } else {
            int R = replicates;
            for (int i = 0; i < out.length; i++) {
                out[i] = base[i] * psuFactor[psu[i] * R + r];
            }
        }
        for (Step s : steps) {
            s.apply(r, out);
        }
    }

    /**
     * @param r a replicate
     * @return a copy of its analysis weights (one per row; for tests and export)
     */
    public double[] replicateWeights(int r) {
        double[] w = new double[rows()];
        fill(r, w);
        return w;
    }

    /**
     * Replicate weight totals per cell: [r][cell] = sum over rows of the cell of replicate r's weights
     * (from PSU-by-cell totals when the replicates are plain PSU factors).
     */
    double[][] cellTotals(int[] cell, int count) {
        int R = replicates;
        double[][] out = new double[R][count];
        if (psuFactor != null && steps.isEmpty()) {
            int P = psuCount;
            double[] t = new double[P * count];
            for (int i = 0; i < cell.length; i++) {
                t[psu[i] * count + cell[i]] += base[i];
            }
            for (int p = 0; p < P; p++) {
                for (int c = 0; c < count; c++) {
                    double v = t[p * count + c];
                    if (v == 0) {
                        continue;
                    }
                    for (int r = 0; r < R; r++) {
                        out[r][c] += psuFactor[p * R + r] * v;
                    }
                }
            }
        } else {
            double[] w = new double[cell.length];
            for (int r = 0; r < R; r++) {
                fill(r, w);
                for (int i = 0; i < w.length; i++) {
                    out[r][cell[i]] += w[i];
                }
            }
        }
        return out;
    }

    /** A step multiplying replicate r's weights by f[r][cell]. */
    static Step cellFactors(int[] cell, double[][] f) {
        return (r, w) -> {
            double[] fr = f[r];
            for (int i = 0; i < w.length; i++) {
                w[i] *= fr[cell[i]];
            }
        };
    }

    /**
     * Replicate variances of a total, mean or ratio in every domain. Rows outside the domains, and rows
     * with a missing value when the pass skips them, are left out, as R's subset and {@code na.rm}.
     */
    @Override
    public double[] variances(Linear.Linearized pass) {
        int D = pass.dom().count;
        double[][] num = new double[D][replicates];
        double[][] den = new double[D][replicates];
        if (psuFactor != null && steps.isEmpty()) {
            replicateTotalsFromPsus(pass, num, den);
        } else {
            replicateTotalsFromWeights(pass, num, den);
        }
        double[] v = new double[D];
        double[] theta = new double[replicates];
        for (int k = 0; k < D; k++) {
            for (int r = 0; r < replicates; r++) {
                theta[r] = pass.kind() == Linear.Kind.TOTAL ? num[k][r] : num[k][r] / den[k][r];
            }
            v[k] = variance(theta, pass.estimate()[k]);
        }
        return v;
    }

    /** Replicate totals of w y and w x from PSU totals: \( t_r = \sum_p a_{pr} t_p \). */
    private void replicateTotalsFromPsus(Linear.Linearized pass, double[][] num, double[][] den) {
        int D = num.length;
        int R = replicates;
        int P = psuCount;
        boolean ratio = pass.kind() == Linear.Kind.RATIO;
        double[] y = pass.y();
        double[] x = pass.x();
        double[] ty = new double[D * P];
        double[] tx = new double[D * P];
        for (int i = 0; i < base.length; i++) {
            int k = usedDomain(pass, i);
            if (k >= 0) {
                double wi = base[i];
                int q = k * P + psu[i];
                ty[q] += wi * y[i];
                tx[q] += wi * (ratio ? x[i] : 1);
            }
        }
        for (int p = 0; p < P; p++) {
            int off = p * R;
            for (int k = 0; k < D; k++) {
                double a = ty[k * P + p];
                double b = tx[k * P + p];
                if (a == 0 && b == 0) {
                    continue;
                }
                double[] nk = num[k];
                double[] dk = den[k];
                for (int r = 0; r < R; r++) {
                    double f = psuFactor[off + r];
                    nk[r] += f * a;
                    dk[r] += f * b;
                }
            }
        }
    }

    /** Replicate totals of w y and w x from each replicate's row weights, one replicate at a time. */
    private void replicateTotalsFromWeights(Linear.Linearized pass, double[][] num, double[][] den) {
        boolean ratio = pass.kind() == Linear.Kind.RATIO;
        double[] y = pass.y();
        double[] x = pass.x();
        int n = y.length;
        double[] wr = new double[n];
        for (int r = 0; r < replicates; r++) {
            fill(r, wr);
            for (int i = 0; i < n; i++) {
                int k = usedDomain(pass, i);
                if (k >= 0) {
                    num[k][r] += wr[i] * y[i];
                    den[k][r] += wr[i] * (ratio ? x[i] : 1);
                }
            }
        }
    }

    /** @return the domain of row i, or -1 if it is outside every domain or left out as missing */
    private static int usedDomain(Linear.Linearized pass, int i) {
        int[] code = pass.dom().code;
        int k = code == null ? 0 : code[i];
        if (k >= 0 && pass.skipMissing()
                && (Double.isNaN(pass.y()[i]) || (pass.kind() == Linear.Kind.RATIO && Double.isNaN(pass.x()[i])))) {
            return -1;
        }
        return k;
    }

    /** A replicate design's subset keeps the domain's rows only ({@code "[.svyrep.design"}). */
    @Override
    public long subsetRows(long domainRows) {
        return domainRows;
    }

    /** Replicate designs keep the design's degrees of freedom in every domain of a linear estimator. */
    @Override
    public void degreesOfFreedom(Linear.Linearized pass, int[] df) {
        java.util.Arrays.fill(df, this.df);
    }

    /**
     * R evaluates {@code svyciprop} on the subset design, whose {@code degf} is that of the domain's
     * replicate weights: the rank of the domain rows' replicate weights minus 1.
     */
    @Override
    public void subsetDegreesOfFreedom(Domain.Codes dom, int[] df) {
        if (dom.code == null || dom.labels.get(0).isEmpty()) {
            return; // the whole sample
        }
        for (int k = 0; k < dom.count; k++) {
            boolean[] in = new boolean[dom.code.length];
            for (int i = 0; i < in.length; i++) {
                in[i] = dom.code[i] == k;
            }
            df[k] = degreesOfFreedom(in);
        }
    }

    /**
     * The replicate covariance matrix of a vector statistic (R's {@code svrVar} on a matrix of
     * replicate estimates): \( s \sum_r c_r (\theta_r - \bar\theta)(\theta_r - \bar\theta)^\top \)
     * with the overall scale \( s \), the replicate scales \( c_r \) and the centre \( \bar\theta \)
     * (the full-sample estimate, or the mean of the replicates with \( c_r &gt; 0 \)).
     * @param theta the replicate estimates [replicate][coefficient]
     * @param full the full-sample estimates
     * @return the p x p covariance matrix
     */
    double[][] covariance(double[][] theta, double[] full) {
        int R = replicates;
        if (theta.length != R) {
            throw PrevalenceException.invalidArgument("replicates", "need %d replicate estimates, got %d", R, theta.length);
        }
        int p = full.length;
        double[] rs = rscales;
        double[] c = full.clone();
        if (centre != ReplicateCentre.FULL_SAMPLE) {
            java.util.Arrays.fill(c, 0);
            int m = 0;
            for (int r = 0; r < R; r++) {
                if (rs[r] > 0) {
                    m++;
                    for (int a = 0; a < p; a++) {
                        c[a] += theta[r][a];
                    }
                }
            }
            for (int a = 0; a < p; a++) {
                c[a] /= m;
            }
        }
        double[][] cov = new double[p][p];
        double[] e = new double[p];
        for (int r = 0; r < R; r++) {
            for (int a = 0; a < p; a++) {
                e[a] = theta[r][a] - c[a];
            }
            for (int a = 0; a < p; a++) {
                for (int b = a; b < p; b++) {
                    cov[a][b] += rs[r] * e[a] * e[b];
                }
            }
        }
        double s = scale;
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                cov[a][b] *= s;
                cov[b][a] = cov[a][b];
            }
        }
        return cov;
    }

    /**
     * The replicate variance of one statistic (R's {@code svrVar}).
     * @param theta the replicate estimates (NaN or infinite ones are dropped)
     * @param full the full-sample estimate
     * @return the variance
     */
    public double variance(double[] theta, double full) {
        if (theta.length != replicates) {
            throw PrevalenceException.invalidArgument("replicates", "need %d replicate estimates, got %d",
                    replicates, theta.length);
        }
        double c;
        if (centre == ReplicateCentre.FULL_SAMPLE) {
            c = full;
        } else {
            double s = 0;
            int m = 0;
            for (int r = 0; r < theta.length; r++) {
                if (rscales[r] > 0 && Double.isFinite(theta[r])) {
                    s += theta[r];
                    m++;
                }
            }
            if (m == 0) {
                throw PrevalenceException.notEstimable("replicates",
                        "every replicate estimate is undefined (no weight in the domain in any replicate)");
            }
            c = s / m;
        }
        double ss = 0;
        for (int r = 0; r < theta.length; r++) {
            if (Double.isFinite(theta[r])) {
                double e = theta[r] - c;
                ss += rscales[r] * e * e;
            }
        }
        return scale * ss;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ReplicateVariance[%s, %s, scale %s, centre %s, df %d%s]",
                method, org.prevalence.core.Format.count(replicates, "replicate", "replicates"), scale, centre, df,
                steps.isEmpty() ? "" : ", recalibrated (" + org.prevalence.core.Format.count(steps.size(), "step", "steps")
                        + ")");
    }

    /** @return whether all rscales are equal to 1 */
    boolean unitRscales() {
        return Arrays.stream(rscales).allMatch(x -> x == 1);
    }
}
