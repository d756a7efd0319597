package org.prevalence.survey.model;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.survey.Factor;
import org.prevalence.survey.InfluenceVariance;
import org.prevalence.survey.SurveyDesign;

/**
 * Design-based rank tests of a numeric variable across groups; R's
 * {@code survey::svyranktest(y ~ g, design, test=)} (Lumley and Scott 2013) on a linearization design.
 * Each row's estimated population mid-rank is \( \hat R_i = \sum_{j: y_j &lt; y_i} w_j + w_i/2 \) along
 * the rows sorted by \( y \) (stable), averaged (unweighted) over tied \( y \); its score is
 * \( \hat R_i / \hat N \) (Wilcoxon and Kruskal-Wallis), \( \Phi^{-1}(\hat R_i/\hat N) \) (van der
 * Waerden) or \( 1[\hat R_i &gt; \hat N/2] \) (median). The weighted least-squares regression of the
 * scores on the group indicators (levels sorted, the first the reference) gives the differences in mean
 * score; their covariance is the design's linearization variance of the influence values
 * \( w_i (X^TWX)^{-1} x_i e_i \) (R's {@code svy.varcoef}).
 * <ul><li>Two groups: \( t = \hat\delta / SE \) on \( \mathrm{degf} - 1 \) degrees of freedom,
 * two-sided p (R names the Wilcoxon test "KruskalWallis" in its method text, and so does this class).</li>
 * <li>More groups: \( X^2 = \hat\delta^T \hat V^{-1} \hat\delta \), \( p = P(F_{G-1, \mathrm{degf} - G + 1}
 * &gt; X^2/(G-1)) \); the statistic reported is \( X^2 \) (R stores it in {@code $parameter}).</li></ul>
 * Rows with a missing value are refused.
 *
 * <p>Reference: Lumley, T., Scott, A.J. (2013). Two-sample rank tests under complex sampling.
 * Biometrika 100, 831-842.
 *
 * <p>This class is immutable.
 */
public final class SurveyRankTest {
    /** The rank scores (R's {@code test=}). */
    public enum Score {
        /** Mid-rank / N (R's default). */
        WILCOXON("KruskalWallis"),
        /** Mid-rank / N, named as R's {@code test="KruskalWallis"}. */
        KRUSKAL_WALLIS("KruskalWallis"),
        /** Normal scores of mid-rank / N. */
        VAN_DER_WAERDEN("vanderWaerden"),
        /** Above the population median. */
        MEDIAN("median");

        private final String label;

        Score(String label) {
            this.label = label;
        }

        /**
         * @param text wilcoxon, kruskalwallis, vanderwaerden or median (any case)
         * @return the score
         */
        public static Score parse(String text) {
            String t = text.trim().replace("_", "").replace("-", "");
            for (Score s : values()) {
                if (s.name().replace("_", "").equalsIgnoreCase(t)) {
                    return s;
                }
            }
            throw PrevalenceException.invalidArgument("rank test", "unknown rank test '%s'; use wilcoxon, "
                    + "kruskalwallis, vanderwaerden or median", text);
        }
    }

    private static final SurveyRankTest DEFAULT = new SurveyRankTest(Score.WILCOXON);
    private final Score score;

    private SurveyRankTest(Score score) {
        this.score = score;
    }

    /** @return the Wilcoxon (Kruskal-Wallis) test */
    public static SurveyRankTest withDefaults() {
        return DEFAULT;
    }

    /** @param v the score @return a new test */
    public SurveyRankTest with(Score v) {
        return new SurveyRankTest(Objects.requireNonNull(v, "score"));
    }

    /**
     * @param design a linearization design
     * @param formula {@code "y ~ g"}: a numeric variable and a grouping variable (two or more values)
     * @return t on degf - 1 (two groups; estimate = difference in mean score) or the Wald X^2 on
     *     (G - 1, degf - G + 1)
     * @throws PrevalenceException for a replicate design, unknown columns, missing values, one group
     */
    public TestResult test(SurveyDesign design, String formula) {
        String[] parts = formula.split("~");
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank() || parts[1].contains("+")) {
            throw PrevalenceException.invalidArgument("formula", "a rank test needs a formula 'y ~ group', got \"%s\"",
                    formula);
        }
        String yName = parts[0].trim();
        String gName = parts[1].trim();
        InfluenceVariance iv = InfluenceVariance.of(design);
        if (iv.isReplicate()) {
            throw PrevalenceException.invalidArgument("design", "the rank tests are implemented for linearization "
                    + "designs only, not for %s replicate weights", iv.method());
        }
        if (!iv.isNumeric(yName)) {
            throw PrevalenceException.invalidArgument("column '" + yName + "'", "the rank test needs a numeric column "
                    + "'%s' in the data", yName);
        }
        if (!iv.isNumeric(gName) && !iv.isCategorical(gName)) {
            throw PrevalenceException.invalidArgument("column '" + gName + "'", "the data have no column '%s'", gName);
        }
        double[] y = design.numeric(yName);
        Factor g = design.factor(gName);
        double[] w = design.weights();
        int n = design.rows();
        int[] count = new int[g.levelCount()];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(y[i]) || g.codes()[i] < 0) {
                String col = Double.isNaN(y[i]) ? yName : gName;
                throw PrevalenceException.invalidData("row " + (i + 1) + ", column '" + col + "'",
                        "row %d, column '%s': missing value", i + 1, col);
            }
            count[g.codes()[i]]++;
        }
        int[] map = new int[count.length]; // levels present, in sorted order
        int groups = 0;
        for (int l = 0; l < count.length; l++) {
            map[l] = count[l] > 0 ? groups++ : -1;
        }
        if (groups < 2) {
            throw PrevalenceException.notEstimable("column '" + gName + "'", "the group column '%s' has %d value(s); "
                    + "a rank test needs two or more groups", gName, groups);
        }
        double[] r = scores(y, w);
        // weighted least squares of the scores on the intercept and the indicators of levels 2..G
        int p = groups;
        double[][] a = new double[p][p];
        double[] xty = new double[p];
        int[] grp = new int[n];
        for (int i = 0; i < n; i++) {
            grp[i] = map[g.codes()[i]];
            a[0][0] += w[i];
            xty[0] += w[i] * r[i];
            if (grp[i] > 0) {
                a[0][grp[i]] += w[i];
                a[grp[i]][0] += w[i];
                a[grp[i]][grp[i]] += w[i];
                xty[grp[i]] += w[i] * r[i];
            }
        }
        RealMatrix ainv = new LUDecomposition(new Array2DRowRealMatrix(a, false)).getSolver().getInverse();
        double[] beta = ainv.operate(xty);
        double[][] z = new double[p][n];
        for (int i = 0; i < n; i++) {
            double fit = beta[0] + (grp[i] > 0 ? beta[grp[i]] : 0);
            double e = w[i] * (r[i] - fit);
            for (int c = 0; c < p; c++) {
                z[c][i] = e * (ainv.getEntry(c, 0) + (grp[i] > 0 ? ainv.getEntry(c, grp[i]) : 0));
            }
        }
        double[][] v = iv.linearizationCovariance(z);
        int degf = iv.degreesOfFreedom(null);
        String method = "Design-based " + score.label + " test";
        if (groups == 2) {
            double t = beta[1] / Math.sqrt(v[1][1]);
            int df = degf - 1;
            double pv = 2 * TDistribution.of(df).cumulativeProbability(-Math.abs(t));
            return new TestResult("t", t, Double.NaN, df, pv, method, beta[1]);
        }
        int k = groups - 1;
        double[][] vk = new double[k][k];
        double[] b = Arrays.copyOfRange(beta, 1, p);
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < k; d++) {
                vk[c][d] = v[c + 1][d + 1];
            }
        }
        double[] sol = new LUDecomposition(new Array2DRowRealMatrix(vk, false)).getSolver().solve(
                new org.apache.commons.math3.linear.ArrayRealVector(b)).toArray();
        double x2 = 0;
        for (int c = 0; c < k; c++) {
            x2 += b[c] * sol[c];
        }
        int ddf = degf - k;
        if (ddf < 1) {
            throw PrevalenceException.notEstimable("design", "the design has %d degrees of freedom, too few for %d groups",
                    degf, groups);
        }
        return new TestResult("Chisq", x2, k, ddf, FDistribution.of(k, ddf).survivalProbability(x2 / k), method,
                Double.NaN);
    }

    /** The rank scores: mid-ranks along the rows sorted by y (stable), averaged over ties, then scored. */
    private double[] scores(double[] y, double[] w) {
        int n = y.length;
        Integer[] ord = new Integer[n];
        for (int i = 0; i < n; i++) {
            ord[i] = i;
        }
        Arrays.sort(ord, (a, b) -> Double.compare(y[a], y[b]));
        double total = 0;
        for (double v : w) {
            total += v;
        }
        double[] mid = new double[n];
        double cum = 0;
        for (int k = 0; k < n; k++) {
            int i = ord[k];
            cum += w[i];
            mid[k] = cum - w[i] / 2;
        }
        double[] r = new double[n];
        NormalDistribution normal = NormalDistribution.of(0, 1);
        for (int k = 0; k < n; ) {
            int e = k;
            double s = 0;
            while (e < n && y[ord[e]] == y[ord[k]]) {
                s += mid[e++];
            }
            double rank = s / (e - k);
            for (int q = k; q < e; q++) {
                double u;
                switch (score) {
                    case VAN_DER_WAERDEN:
                        u = normal.inverseCumulativeProbability(rank / total);
                        break;
                    case MEDIAN:
                        u = rank > total / 2 ? 1 : 0;
                        break;
                    default:
                        u = rank / total;
                }
                r[ord[q]] = u;
            }
            k = e;
        }
        return r;
    }
}
