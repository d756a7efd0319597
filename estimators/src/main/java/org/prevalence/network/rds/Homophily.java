package org.prevalence.network.rds;

import java.util.Locale;
import java.util.Objects;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.bootstrap.Bootstrap;

/**
 * Homophily of a grouping in a respondent-driven sample, as R's {@code RDS::homophily.estimates}.
 *
 * <p>Recruitment homophily is the ratio of within-group recruitments to those expected if recruits were
 * drawn at random given the margins of the recruitment matrix \( t \):
 * \( H_R = \sum_g t_{gg} \big/ (\sum_g t_{g\cdot} t_{\cdot g} / t_{\cdot\cdot}) \).
 *
 * <p>Population homophily of a binary outcome is
 * \( H = 2 p \bar d_0 (1-p) \bar d_1 / (\bar s_{01} \bar d) \): the ratio of the expected number of ties
 * between the groups under random mixing to the estimated number, where \( p \) is the weighted
 * proportion in group 1, \( \bar d_g \) the weighted mean degree in group g, \( \bar d \) the mean
 * degree, and \( s_{01,i} \) respondent i's degree times the share of its recruits in the other group
 * (respondents without recruits get weight 0). Weights are those of the chosen {@link RdsEstimator}.
 * {@link #differentialActivity} is the ratio of the groups' mean degrees.
 * This class is immutable.
 */
public final class Homophily {
    private Homophily() {
    }

    /**
     * @param sample the sample
     * @param y the outcome; its distinct values are the groups
     * @return the recruitment homophily
     */
    public static double recruitment(RdsSample sample, double[] y) {
        RdsEstimator.Groups g = RdsEstimator.Groups.of(sample, y);
        long[][] t = sample.recruitmentMatrix(g.group(), g.value().length);
        int k = t.length;
        double total = 0;
        double diag = 0;
        double[] row = new double[k];
        double[] col = new double[k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                total += t[a][b];
                row[a] += t[a][b];
                col[b] += t[a][b];
            }
            diag += t[a][a];
        }
        double expected = 0;
        for (int a = 0; a < k; a++) {
            expected += row[a] * col[a];
        }
        if (!(total > 0)) {
            throw PrevalenceException.notEstimable("sample", "the sample has no recruitments; homophily needs recruits");
        }
        return diag / (expected / total);
    }

    /**
     * @param estimator the estimator whose weights are used
     * @param sample the sample
     * @param y a binary outcome (two distinct values; the larger is group 1)
     * @return the population homophily
     */
    public static Result population(RdsEstimator estimator, RdsSample sample, double[] y) {
        Objects.requireNonNull(estimator, "estimator");
        RdsEstimator.Groups g = RdsEstimator.Groups.of(sample, y);
        if (g.value().length != 2) {
            throw PrevalenceException.invalidData("outcome",
                    "population homophily needs a binary outcome, got %d distinct values", g.value().length);
        }
        int n = sample.size();
        estimator.checkPopulation(n);
        double[] deg = sample.degrees();
        int[] grp = g.group();
        double[] w = weights(estimator, sample, deg, grp);
        int[] recruits = new int[n];
        int[] recruits1 = new int[n];
        for (int i = 0; i < n; i++) {
            int r = sample.recruiterRow(i);
            if (r >= 0) {
                recruits[r]++;
                recruits1[r] += grp[i];
            }
        }
        double sw = 0;
        double sp = 0;
        double sd0 = 0;
        double sd1 = 0;
        double sd = 0;
        double ss01 = 0;
        for (int i = 0; i < n; i++) {
            double wi = recruits[i] > 0 ? w[i] : 0;
            double deg0 = recruits[i] > 0 ? (recruits[i] - recruits1[i]) * deg[i] / recruits[i] : 0;
            double deg1 = recruits[i] > 0 ? recruits1[i] * deg[i] / recruits[i] : 0;
            sw += wi;
            sp += wi * grp[i];
            sd0 += wi * deg[i] * (1 - grp[i]);
            sd1 += wi * deg[i] * grp[i];
            sd += wi * deg[i];
            ss01 += wi * (grp[i] == 1 ? deg0 : deg1);
        }
        double p = sp / sw;
        double d0 = sd0 / sw / (1 - p);
        double d1 = sd1 / sw / p;
        double h = 2 * p * d0 * (1 - p) * d1 / ((ss01 / sw) * (sd / sw));
        return new Result(h, estimator.getMethod());
    }

    /** The estimator's weights for the rows (RDS-I: each group's proportion shared among its members). */
    private static double[] weights(RdsEstimator estimator, RdsSample sample, double[] deg, int[] grp) {
        int n = deg.length;
        double[] w;
        switch (estimator.getMethod()) {
            case RDS_II:
                w = RdsCore.vhWeights(deg);
                break;
            case SS:
                w = RdsCore.ssWeights(deg, estimator.getPopulationSize(), estimator.ssConfig(),
                        i -> Bootstrap.generator(estimator.seed(), i), 0);
                break;
            default: {
                double[] p = RdsCore.rdsIProportions(deg, grp, 2, RdsEstimator.recruiters(sample),
                        estimator.getMethod() == RdsMethod.RDS_I_SMOOTHED);
                int[] size = new int[2];
                for (int x : grp) {
                    size[x]++;
                }
                w = new double[n];
                for (int i = 0; i < n; i++) {
                    w[i] = p[grp[i]] / size[grp[i]];
                }
            }
        }
        return w;
    }

    /**
     * Differential activity, as {@code RDS::differential.activity.estimates}: the ratio of the weighted mean
     * degree in group 1 to that in group 0, \( \bar d_1 / \bar d_0 \), with the estimator's weights.
     * @param estimator the estimator whose weights are used
     * @param sample the sample
     * @param y a binary outcome (the larger value is group 1)
     * @return the ratio
     */
    public static double differentialActivity(RdsEstimator estimator, RdsSample sample, double[] y) {
        Objects.requireNonNull(estimator, "estimator");
        RdsEstimator.Groups g = RdsEstimator.Groups.of(sample, y);
        if (g.value().length != 2) {
            throw PrevalenceException.invalidData("outcome",
                    "differential activity needs a binary outcome, got %d distinct values", g.value().length);
        }
        estimator.checkPopulation(sample.size());
        double[] deg = sample.degrees();
        int[] grp = g.group();
        double[] w = weights(estimator, sample, deg, grp);
        double sw = 0;
        double s1 = 0;
        double d0 = 0;
        double d1 = 0;
        for (int i = 0; i < w.length; i++) {
            sw += w[i];
            s1 += w[i] * grp[i];
            d1 += w[i] * deg[i] * grp[i];
            d0 += w[i] * deg[i] * (1 - grp[i]);
        }
        double p = s1 / sw;
        return (d1 / sw / p) / (d0 / sw / (1 - p));
    }

    /** A population homophily estimate. This class is immutable. */
    public static final class Result {
        private final double estimate;
        private final RdsMethod method;

        Result(double estimate, RdsMethod method) {
            this.estimate = estimate;
            this.method = method;
        }

        /** @return the homophily (1 = random mixing, above 1 = ties within the groups) */
        public double getEstimate() {
            return estimate;
        }

        /** @return the weights used */
        public RdsMethod getMethod() {
            return method;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Homophily[%s (%s weights)]", Format.number(estimate), method.label());
        }
    }
}
