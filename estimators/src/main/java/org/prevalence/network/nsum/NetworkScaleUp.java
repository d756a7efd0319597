package org.prevalence.network.nsum;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.prevalence.core.Checks;
import org.prevalence.core.Estimate;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.IntervalMethod;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.survey.ReplicateCentre;
import org.prevalence.survey.InfluenceVariance;
import org.prevalence.survey.ReplicateVariance;
import org.prevalence.survey.SurveyDesign;

/**
 * The network scale-up estimate of the size of a hidden population (Killworth et al. 1998), with
 * survey weights, as R's {@code networkreporting::nsum.estimator}:
 * <p>\[ \hat N_H = N \frac{\sum_i w_i y_{iH}}{\sum_i w_i \hat d_i}, \qquad
 * \hat d_i = N \frac{\sum_k y_{ik}}{\sum_k N_k} \]
 * <p>where \( y_{iH} \) is respondent i's reported number of acquaintances in the hidden population,
 * \( y_{ik} \) in known population k of size \( N_k \), \( w_i \) the design weight, and N the size of the
 * whole population. The degrees \( \hat d_i \) are the known-population estimates
 * ({@code kp.individual.estimator_}) unless a degree column is given ({@link #withDegrees}). A reported
 * degree bounds the respondent's reports: a report above it is an error naming the row. (A
 * known-population estimate of the degree can be smaller than a report, for example 0 for a respondent
 * who knows nobody in the known populations; R keeps such rows, and so does this class.) In
 * {@link #internalConsistency} a missing report of the held-out population drops the row, as R's
 * {@code missing = "complete.obs"}.
 *
 * <p>Variance: with a replicate-weight design (for example the rescaled bootstrap of
 * {@code surveybootstrap::rescaled.bootstrap.sample}, which is
 * {@code ReplicateDesign.with(ReplicateMethod.BOOTSTRAP)}: \( n_h - 1 \) PSUs drawn with replacement in
 * each stratum, weights scaled by \( n_h/(n_h-1) \)), the standard error is the standard deviation of the
 * replicate estimates (in general the design's replicate variance, scale times the rscaled squares) and the
 * interval their percentile interval (R's {@code quantile}, type 7). Without replicates the standard
 * error is the linearization of the ratio (Taylor series; R's {@code N * SE(svyratio(~y, ~d, design))}) by
 * the design's variance engine (strata, clusters, fpc), with influence
 * \( z_i = N w_i (y_{iH} - \hat p \hat d_i) / \sum_j w_j \hat d_j \), and a Wald interval (its lower limit
 * at least 0). Killworth's binomial standard error
 * \( N \sqrt{\hat p (1-\hat p) / \sum_i w_i \hat d_i} \), \( \hat p = \hat N_H / N \), is given beside
 * ({@code killworth.se = TRUE}).
 *
 * <p>References: <ol><li>Killworth, P.D., McCarty, C., Bernard, H.R., Shelley, G.A., Johnsen, E.C. (1998).
 * Estimation of seroprevalence, rape, and homelessness in the United States using a social network
 * approach. Evaluation Review 22, 289-308. doi:10.1177/0193841X9802200205</li>
 * <li>Feehan, D.M., Salganik, M.J. (2016). Generalizing the network scale-up method. Sociological
 * Methodology 46, 153-186. doi:10.1177/0081175016665425</li></ol>
 */
public final class NetworkScaleUp {
    private static final NetworkScaleUp DEFAULT = new NetworkScaleUp(Double.NaN, MissingReports.FAIL, null, 0.95);

    private final double populationSize;
    private final MissingReports missing;
    private final String degrees;
    private final double level;

    private NetworkScaleUp(double populationSize, MissingReports missing, String degrees, double level) {
        this.populationSize = populationSize;
        this.missing = missing;
        this.degrees = degrees;
        this.level = level;
    }

    /**
     * Defaults: no population size (required before estimating), {@link MissingReports#FAIL}, degrees by
     * the known-population estimator, level 0.95.
     * @return the default estimator
     */
    public static NetworkScaleUp withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the size N of the whole population (the frame the respondents' networks are drawn from)
     * @return a copy using it
     */
    public NetworkScaleUp withPopulationSize(double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw PrevalenceException.invalidArgument("population size",
                    "the total population size must be positive and finite, got %s", v);
        }
        return new NetworkScaleUp(v, missing, degrees, level);
    }

    /**
     * @param v what to do with a missing known-population report
     * @return a copy using it
     */
    public NetworkScaleUp with(MissingReports v) {
        return new NetworkScaleUp(populationSize, Objects.requireNonNull(v, "missing"), degrees, level);
    }

    /**
     * @param column a design variable holding each respondent's degree (instead of the known-population estimate)
     * @return a copy using it
     */
    public NetworkScaleUp withDegrees(String column) {
        return new NetworkScaleUp(populationSize, missing, Objects.requireNonNull(column, "column"), level);
    }

    /**
     * @param v the confidence level in (0, 1)
     * @return a copy using it
     */
    public NetworkScaleUp withConfidenceLevel(double v) {
        return new NetworkScaleUp(populationSize, missing, degrees, Checks.level("level", v));
    }

    private double n() {
        if (Double.isNaN(populationSize)) {
            throw PrevalenceException.invalidArgument("population size",
                    "the network scale-up method needs the total population size N; give withPopulationSize(N) "
                            + "(CLI: --population N)");
        }
        return populationSize;
    }

    /**
     * The known-population degree of each respondent, \( N \sum_k y_{ik} / \sum_k N_k \)
     * ({@code kp.individual.estimator_}).
     * @param design the survey design holding the report columns
     * @param kp the known populations
     * @return the degrees
     */
    public double[] degrees(SurveyDesign design, KnownPopulations kp) {
        double[] tot = reportTotals(design, kp);
        double scale = n() / kp.total();
        for (int i = 0; i < tot.length; i++) {
            tot[i] *= scale;
        }
        return tot;
    }

    private double[] reportTotals(SurveyDesign design, KnownPopulations kp) {
        double[] tot = new double[design.rows()];
        for (String name : kp.names()) {
            double[] y = design.numeric(name);
            for (int i = 0; i < y.length; i++) {
                tot[i] += report(y[i], i, name);
            }
        }
        return tot;
    }

    private double report(double y, int row, String column) {
        if (Double.isNaN(y)) {
            if (missing == MissingReports.AS_ZERO) {
                return 0;
            }
            throw PrevalenceException.invalidData(where(row, column),
                    "Row %d has no report in column '%s'; choose MissingReports.AS_ZERO to count it as 0 "
                            + "(CLI: --missing as-zero)", row + 1, column);
        }
        if (!(y >= 0) || Double.isInfinite(y)) {
            throw PrevalenceException.invalidData(where(row, column),
                    "Row %d reports %s acquaintances in column '%s'; a report must be a non-negative count",
                    row + 1, Format.plain(y), column);
        }
        return y;
    }

    private static String where(int row, String column) {
        return String.format(Locale.ROOT, "row %d, column '%s'", row + 1, column);
    }

    /**
     * @param design the design (weights, and replicate weights for the standard error)
     * @param kp the known populations
     * @param hidden the column of reports about the hidden population
     * @return the size estimate
     * @throws PrevalenceException if a respondent reports more acquaintances in a group than their degree
     */
    public Result estimate(SurveyDesign design, KnownPopulations kp, String hidden) {
        double bigN = n();
        double[] d;
        if (degrees == null) {
            d = degrees(design, kp);
        } else {
            d = design.numeric(degrees);
            for (int i = 0; i < d.length; i++) {
                if (!(d[i] >= 0) || Double.isInfinite(d[i])) {
                    throw PrevalenceException.invalidData(where(i, degrees),
                            "Row %d has degree %s; a degree must be a non-negative number", i + 1,
                            Format.plain(d[i]));
                }
            }
            for (String name : kp.names()) {
                checkAtMostDegree(design.numeric(name), d, name);
            }
        }
        boolean reported = degrees != null;
        double[] y = design.numeric(hidden);
        for (int i = 0; i < y.length; i++) {
            if (Double.isNaN(y[i])) {
                throw PrevalenceException.invalidData(where(i, hidden), "Row %d has no report in column '%s'",
                        i + 1, hidden);
            }
            report(y[i], i, hidden);
        }
        if (reported) {
            // a reported degree bounds every report; a known-population estimate of the degree does not
            checkAtMostDegree(y, d, hidden);
        }
        double[] w = design.weights();
        double sy = 0;
        double sd = 0;
        double sw = 0;
        for (int i = 0; i < w.length; i++) {
            sy += w[i] * y[i];
            sd += w[i] * d[i];
            sw += w[i];
        }
        if (!(sd > 0)) {
            throw PrevalenceException.notEstimable("degrees", "the weighted sum of the degrees is 0; no respondent "
                    + "reports anyone in the known populations");
        }
        double p = sy / sd;
        double est = bigN * p;
        double killworth = bigN * Math.sqrt(p * (1 - p) / sd);
        double se = Double.NaN;
        Interval ci = null;
        ReplicateVariance rv = design.replicates();
        if (rv != null) {
            int nr = rv.replicates();
            double[] reps = new double[nr];
            for (int r = 0; r < nr; r++) {
                double[] wr = rv.replicateWeights(r);
                double a = 0;
                double b = 0;
                for (int i = 0; i < wr.length; i++) {
                    a += wr[i] * y[i];
                    b += wr[i] * d[i];
                }
                reps[r] = b > 0 ? bigN * a / b : Double.NaN;
            }
            if (Arrays.stream(reps).allMatch(Double::isFinite)) {
                // the design's replicate variance: scale * sum rscale_r (theta_r - centre)^2 (R survey::svrVar);
                // for the rescaled bootstrap (scale 1/(R-1), centred on the mean) the replicates' variance
                double centre = rv.centre() == ReplicateCentre.FULL_SAMPLE ? est
                        : Arrays.stream(reps).average().orElse(Double.NaN);
                double[] rs = rv.rscales();
                double v = 0;
                for (int r = 0; r < nr; r++) {
                    v += rs[r] * (reps[r] - centre) * (reps[r] - centre);
                }
                se = Math.sqrt(rv.scale() * v);
                double[] sorted = reps.clone();
                Arrays.sort(sorted);
                ci = new Interval(quantile7(sorted, (1 - level) / 2), quantile7(sorted, (1 + level) / 2), level,
                        IntervalMethod.PERCENTILE);
            } else {
                throw PrevalenceException.notEstimable("replicates", "a replicate has no respondent with a positive "
                        + "degree, so the replicate estimate does not exist");
            }
        } else {
            // linearization of the ratio N sum(w y) / sum(w d) (R: N * SE(svyratio(~y, ~d, design))):
            // influence z_i = N w_i (y_i - p d_i) / sum(w d), variance by the design's own engine
            double[] z = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                z[i] = bigN * w[i] * (y[i] - p * d[i]) / sd;
            }
            se = Math.sqrt(InfluenceVariance.of(design).linearizationCovariance(new double[][] {z})[0][0]);
            double q = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2);
            ci = new Interval(Math.max(0, est - q * se), est + q * se, level, IntervalMethod.WALD);
        }
        return new Result(hidden, est, se, ci, killworth, sy, sd, sd / sw, bigN, design.rows());
    }

    /** R's default quantile (type 7) of sorted values. */
    static double quantile7(double[] sorted, double prob) {
        double h = (sorted.length - 1) * prob;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static void checkAtMostDegree(double[] y, double[] d, String column) {
        for (int i = 0; i < y.length; i++) {
            if (y[i] > d[i]) {
                throw PrevalenceException.invalidData(where(i, column),
                        "Row %d reports more acquaintances in column '%s' (%s) than its network degree (%s)",
                        i + 1, column, Format.plain(y[i]), Format.number(d[i]));
            }
        }
    }

    /**
     * The weighted mean degree of the frame population, as {@code kp.estimator_(weights = ...)$dbar.Fcell.F}:
     * \( N \sum_i w_i \sum_k y_{ik} / (\sum_k N_k \sum_i w_i) \).
     * @param design the design
     * @param kp the known populations
     * @return the mean degree
     */
    public double meanDegree(SurveyDesign design, KnownPopulations kp) {
        double[] d = degrees(design, kp);
        double[] w = design.weights();
        double a = 0;
        double b = 0;
        for (int i = 0; i < w.length; i++) {
            a += w[i] * d[i];
            b += w[i];
        }
        return a / b;
    }

    /**
     * Internal consistency, as {@code nsum.internal.consistency(kp.method = TRUE)}: each known population
     * in turn is held out, the degrees are estimated from the others, and its size is estimated by scale-up.
     * @param design the design
     * @param kp the known populations (at least two)
     * @return the hold-out estimates and their errors
     */
    public InternalConsistency internalConsistency(SurveyDesign design, KnownPopulations kp) {
        double bigN = n();
        double[] w = design.weights();
        int k = kp.size();
        double[] est = new double[k];
        for (int j = 0; j < k; j++) {
            KnownPopulations rest = kp.without(j);
            double[] d = degrees(design, rest);
            double[] y = design.numeric(kp.names().get(j));
            double a = 0;
            double b = 0;
            for (int i = 0; i < w.length; i++) {
                if (Double.isNaN(y[i]) && missing == MissingReports.AS_ZERO) {
                    continue;   // R: nsum.estimator(missing = "complete.obs") drops the row
                }
                double yi = report(y[i], i, kp.names().get(j));
                a += w[i] * yi;
                b += w[i] * d[i];
            }
            est[j] = bigN * a / b;
        }
        return new InternalConsistency(kp.names(), est, kp.sizes());
    }

    /** A network scale-up size estimate. This class is immutable. */
    public static final class Result {
        private final String hidden;
        private final double estimate;
        private final double se;
        private final Interval interval;
        private final double killworthSe;
        private final double connections;
        private final double degreeSum;
        private final double meanDegree;
        private final double populationSize;
        private final int n;

        Result(String hidden, double estimate, double se, Interval interval, double killworthSe, double connections,
               double degreeSum, double meanDegree, double populationSize, int n) {
            this.hidden = hidden;
            this.estimate = estimate;
            this.se = se;
            this.interval = interval;
            this.killworthSe = killworthSe;
            this.connections = connections;
            this.degreeSum = degreeSum;
            this.meanDegree = meanDegree;
            this.populationSize = populationSize;
            this.n = n;
        }

        /** @return the hidden-population column */
        public String getHidden() {
            return hidden;
        }

        /** @return the estimated size of the hidden population */
        public double getEstimate() {
            return estimate;
        }

        /** @return the replicate standard error (NaN without replicate weights) */
        public double getStandardError() {
            return se;
        }

        /** @return the replicate percentile interval, or {@code null} without replicate weights */
        public Interval getConfidenceInterval() {
            return interval;
        }

        /** @return Killworth's binomial standard error */
        public double getKillworthStandardError() {
            return killworthSe;
        }

        /** @return the weighted total of reported acquaintances in the hidden population ({@code tot.connections}) */
        public double getConnections() {
            return connections;
        }

        /** @return the weighted sum of degrees ({@code sum.d.hat}) */
        public double getDegreeSum() {
            return degreeSum;
        }

        /** @return the weighted mean degree of the respondents */
        public double getMeanDegree() {
            return meanDegree;
        }

        /** @return the total population size N */
        public double getPopulationSize() {
            return populationSize;
        }

        /** @return the number of respondents */
        public int getSampleSize() {
            return n;
        }

        /** @return the generic estimate */
        public Estimate toEstimate() {
            return Estimate.of("size of " + hidden + " (NSUM)", estimate, se, interval);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "NetworkScaleUp[%s: N=%s%s%s, Killworth SE %s; n=%d, mean degree %s]",
                    hidden, Format.number(estimate), Double.isNaN(se) ? "" : ", SE " + Format.number(se),
                    interval == null ? "" : ", " + interval, Format.number(killworthSe), n, Format.number(meanDegree));
        }
    }

    /** Hold-out estimates of the known populations. This class is immutable. */
    public static final class InternalConsistency {
        private final List<String> names;
        private final double[] estimates;
        private final double[] sizes;

        InternalConsistency(List<String> names, double[] estimates, double[] sizes) {
            this.names = names;
            this.estimates = estimates;
            this.sizes = sizes;
        }

        /** @return the known populations, in order */
        public List<String> getNames() {
            return names;
        }

        /** @return the hold-out estimate of each (a copy) */
        public double[] getEstimates() {
            return estimates.clone();
        }

        /** @return the known sizes (a copy) */
        public double[] getKnownSizes() {
            return sizes.clone();
        }

        /** @return the mean absolute error */
        public double getMeanAbsoluteError() {
            double s = 0;
            for (int k = 0; k < sizes.length; k++) {
                s += Math.abs(estimates[k] - sizes[k]);
            }
            return s / sizes.length;
        }

        /** @return the root mean squared error */
        public double getRootMeanSquaredError() {
            double s = 0;
            for (int k = 0; k < sizes.length; k++) {
                s += (estimates[k] - sizes[k]) * (estimates[k] - sizes[k]);
            }
            return Math.sqrt(s / sizes.length);
        }

        /** @return the average relative error, mean of |estimate - size| / size */
        public double getAverageRelativeError() {
            double s = 0;
            for (int k = 0; k < sizes.length; k++) {
                s += Math.abs(estimates[k] - sizes[k]) / sizes[k];
            }
            return s / sizes.length;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "InternalConsistency[%d known populations; MAE %s, RMSE %s, ARE %s]",
                    names.size(), Format.number(getMeanAbsoluteError()), Format.number(getRootMeanSquaredError()),
                    Format.number(getAverageRelativeError()));
        }
    }
}
