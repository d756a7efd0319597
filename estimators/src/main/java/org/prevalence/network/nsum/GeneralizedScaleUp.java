package org.prevalence.network.nsum;

import java.util.Locale;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.prevalence.core.Checks;
import org.prevalence.core.Estimate;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.IntervalMethod;
import org.prevalence.core.PrevalenceException;
import org.prevalence.survey.InfluenceVariance;
import org.prevalence.survey.SurveyDesign;

/**
 * The generalized network scale-up estimator of Feehan and Salganik (2016): the connections that a
 * survey of the frame population F reports to the hidden population H, divided by the average visibility
 * of H's members to F, estimated from a sample of the hidden population:
 * <p>\[ \hat N_H = \frac{\hat y_{F,H}}{\hat{\bar v}_{H,F}}, \qquad
 * \hat y_{F,H} = N_F \frac{\sum_{i \in s_F} w_i y_{iH}}{\sum_{i \in s_F} w_i}, \qquad
 * \hat{\bar v}_{H,F} = \frac{\sum_{j \in s_H} w_j v_{jF}}{\sum_{j \in s_H} w_j} \]
 * <p>where \( y_{iH} \) is frame respondent i's report of hidden-population members known, \( w_i \) the
 * frame design weight, \( N_F \) the frame population's size, and \( v_{jF} \) hidden respondent j's
 * visibility to the frame (how many frame members know j and know j is in H), with \( w_j \) the hidden
 * sample's weight (for an RDS sample, \( 1/d_j \)). The visibility is either reported directly or, by the
 * known-population method on the hidden sample ("probe alters"), \( v_{jF} = N_F \sum_k \tilde v_{jk} /
 * \sum_k N_k \), with \( \tilde v_{jk} \) the members of known population k (inside F) who know j is in H.
 * The basic scale-up estimator with adjustment factors, \( \hat N_H / (\delta \tau) \), degree ratio
 * \( \delta = \bar d_H / \bar d \) and true-positive rate \( \tau \), is {@link #adjusted} (R's
 * {@code networkreporting::nsum.estimator(deg.ratio, tx.rate)}).
 *
 * <p>Variance: the two samples are independent, so by the delta method
 * \( \widehat{V}(\hat N_H)/\hat N_H^2 = \widehat V(\hat y_{F,H})/\hat y_{F,H}^2 + \widehat V(\hat{\bar v})/\hat{\bar v}^2 \),
 * each term by its design's variance engine (linearization with influence
 * \( w_i (y_i - \bar y)/\sum w \), or its replicate weights). Wald interval, lower limit at least 0.
 * This class is immutable.
 *
 * <p>References: <ol><li>Feehan, D.M., Salganik, M.J. (2016). Generalizing the network scale-up method: a new
 * estimator for the size of hidden populations. Sociological Methodology 46, 153-186.
 * doi:10.1177/0081175016665425</li></ol>
 */
public final class GeneralizedScaleUp {
    private static final GeneralizedScaleUp DEFAULT = new GeneralizedScaleUp(Double.NaN, 0.95);

    private final double frameSize;
    private final double level;

    private GeneralizedScaleUp(double frameSize, double level) {
        this.frameSize = frameSize;
        this.level = level;
    }

    /**
     * Defaults: no frame size (it must be given), level 0.95.
     * @return the default estimator
     */
    public static GeneralizedScaleUp withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the size \( N_F \) of the frame population
     * @return a copy using it
     */
    public GeneralizedScaleUp withFrameSize(double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw PrevalenceException.invalidArgument("frame size",
                    "the frame population size must be positive and finite, got %s", v);
        }
        return new GeneralizedScaleUp(v, level);
    }

    /**
     * @param v the confidence level in (0, 1)
     * @return a copy using it
     */
    public GeneralizedScaleUp withConfidenceLevel(double v) {
        return new GeneralizedScaleUp(frameSize, Checks.level("level", v));
    }

    /**
     * The estimate with a directly reported visibility.
     * @param frame the frame survey
     * @param hidden its column of reported hidden-population acquaintances
     * @param hiddenSample the sample of the hidden population
     * @param visibility its column of visibilities \( v_{jF} \)
     * @return the result
     */
    public Result estimate(SurveyDesign frame, String hidden, SurveyDesign hiddenSample, String visibility) {
        double[] v = hiddenSample.numeric(visibility);
        for (int j = 0; j < v.length; j++) {
            check(v[j], j, visibility, "hidden sample");
        }
        return run(frame, hidden, hiddenSample, v);
    }

    /**
     * The estimate with a mean visibility known from elsewhere (treated as fixed: the standard error is the
     * frame survey's alone).
     * @param frame the frame survey
     * @param hidden its column of reported hidden-population acquaintances
     * @param meanVisibility \( \bar v_{H,F} \), positive
     * @return the result
     */
    public Result estimate(SurveyDesign frame, String hidden, double meanVisibility) {
        if (!(meanVisibility > 0) || Double.isInfinite(meanVisibility)) {
            throw PrevalenceException.invalidArgument("visibility",
                    "the mean visibility must be positive and finite, got %s", meanVisibility);
        }
        return run(frame, hidden, null, new Mean(meanVisibility, 0), 0);
    }

    /**
     * The estimate with the visibility by the known-population method on the hidden sample.
     * @param frame the frame survey
     * @param hidden its column of reported hidden-population acquaintances
     * @param hiddenSample the sample of the hidden population, one column per known population (the members
     *     of it who know the respondent is in H)
     * @param probes the known populations (subsets of the frame population)
     * @return the result
     */
    public Result estimate(SurveyDesign frame, String hidden, SurveyDesign hiddenSample, KnownPopulations probes) {
        double[] v = new double[hiddenSample.rows()];
        for (String name : probes.names()) {
            double[] x = hiddenSample.numeric(name);
            for (int j = 0; j < v.length; j++) {
                v[j] += check(x[j], j, name, "hidden sample");
            }
        }
        double scale = frameSize() / probes.total();
        for (int j = 0; j < v.length; j++) {
            v[j] *= scale;
        }
        return run(frame, hidden, hiddenSample, v);
    }

    /**
     * The basic scale-up estimate divided by the adjustment factors (Feehan and Salganik 2016, eq. 19):
     * \( \hat N_H / (\delta \tau) \), as {@code nsum.estimator(..., deg.ratio, tx.rate)}.
     * @param basic the basic scale-up estimate
     * @param degreeRatio \( \delta = \bar d_H / \bar d \), positive
     * @param transmissionRate \( \tau \) in (0, 1]
     * @return the adjusted estimate
     */
    public static double adjusted(double basic, double degreeRatio, double transmissionRate) {
        if (!(degreeRatio > 0) || Double.isInfinite(degreeRatio)) {
            throw PrevalenceException.invalidArgument("degree ratio", "the degree ratio must be positive, got %s",
                    degreeRatio);
        }
        if (!(transmissionRate > 0 && transmissionRate <= 1)) {
            throw PrevalenceException.invalidArgument("transmission rate",
                    "the true-positive (transmission) rate must lie in (0, 1], got %s", transmissionRate);
        }
        return basic / degreeRatio / transmissionRate;
    }

    private double frameSize() {
        if (Double.isNaN(frameSize)) {
            throw PrevalenceException.invalidArgument("frame size",
                    "the generalized scale-up estimator needs the frame population size N_F; give withFrameSize(N_F)");
        }
        return frameSize;
    }

    private static double check(double x, int row, String column, String sample) {
        if (!(x >= 0) || Double.isInfinite(x)) {
            throw PrevalenceException.invalidData(String.format(Locale.ROOT, "%s row %d, column '%s'", sample, row + 1,
                    column), "Row %d of the %s has %s in column '%s'; it must be a non-negative count", row + 1,
                    sample, Double.isNaN(x) ? "no value" : Format.plain(x), column);
        }
        return x;
    }

    private Result run(SurveyDesign frame, String hidden, SurveyDesign hiddenSample, double[] v) {
        return run(frame, hidden, hiddenSample, mean(hiddenSample, v), hiddenSample.rows());
    }

    private Result run(SurveyDesign frame, String hidden, SurveyDesign hiddenSample, Mean mv, int hiddenN) {
        double nf = frameSize();
        double[] y = frame.numeric(hidden);
        for (int i = 0; i < y.length; i++) {
            check(y[i], i, hidden, "frame survey");
        }
        Mean my = mean(frame, y);
        if (!(mv.value > 0)) {
            throw PrevalenceException.notEstimable("visibility",
                    "the hidden sample's mean visibility is 0: no frame member knows any hidden respondent");
        }
        double yFH = nf * my.value;
        double est = yFH / mv.value;
        double relVar = (my.value > 0 ? my.variance / (my.value * my.value) : 0)
                + mv.variance / (mv.value * mv.value);
        double se = est * Math.sqrt(relVar);
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2);
        Interval ci = new Interval(Math.max(0, est - z * se), est + z * se, level, IntervalMethod.WALD);
        return new Result(hidden, est, se, ci, yFH, mv.value, nf, frame.rows(), hiddenN);
    }

    private record Mean(double value, double variance) {
    }

    /** The weighted mean of x and its variance by the design's engine. */
    private static Mean mean(SurveyDesign d, double[] x) {
        InfluenceVariance iv = InfluenceVariance.of(d);
        double m = weightedMean(d.weights(), x);
        double var;
        if (iv.isReplicate()) {
            int r = iv.replicates();
            double[][] theta = new double[r][1];
            for (int k = 0; k < r; k++) {
                theta[k][0] = weightedMean(iv.replicateWeights(k), x);
            }
            var = iv.replicateCovariance(theta, new double[] {m})[0][0];
        } else {
            double[] w = d.weights();
            double sw = 0;
            for (double wi : w) {
                sw += wi;
            }
            double[] z = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                z[i] = w[i] * (x[i] - m) / sw;
            }
            var = iv.linearizationCovariance(new double[][] {z})[0][0];
        }
        return new Mean(m, var);
    }

    private static double weightedMean(double[] w, double[] x) {
        double a = 0;
        double b = 0;
        for (int i = 0; i < w.length; i++) {
            a += w[i] * x[i];
            b += w[i];
        }
        return a / b;
    }

    /** A generalized scale-up estimate. This class is immutable. */
    public static final class Result {
        private final String hidden;
        private final double estimate;
        private final double se;
        private final Interval interval;
        private final double connections;
        private final double visibility;
        private final double frameSize;
        private final int frameN;
        private final int hiddenN;

        Result(String hidden, double estimate, double se, Interval interval, double connections, double visibility,
               double frameSize, int frameN, int hiddenN) {
            this.hidden = hidden;
            this.estimate = estimate;
            this.se = se;
            this.interval = interval;
            this.connections = connections;
            this.visibility = visibility;
            this.frameSize = frameSize;
            this.frameN = frameN;
            this.hiddenN = hiddenN;
        }

        /** @return the hidden population's column */
        public String getHidden() {
            return hidden;
        }

        /** @return the estimated size of the hidden population */
        public double getEstimate() {
            return estimate;
        }

        /** @return its standard error (delta method over the two independent samples) */
        public double getStandardError() {
            return se;
        }

        /** @return the Wald interval */
        public Interval getConfidenceInterval() {
            return interval;
        }

        /** @return \( \hat y_{F,H} \), the estimated connections from the frame to the hidden population */
        public double getConnections() {
            return connections;
        }

        /** @return \( \hat{\bar v}_{H,F} \), the estimated mean visibility of hidden members to the frame */
        public double getVisibility() {
            return visibility;
        }

        /** @return the frame population's size */
        public double getFrameSize() {
            return frameSize;
        }

        /** @return the frame survey's respondents */
        public int getFrameSampleSize() {
            return frameN;
        }

        /** @return the hidden sample's respondents (0 when the visibility was given) */
        public int getHiddenSampleSize() {
            return hiddenN;
        }

        /** @return the generic estimate */
        public Estimate toEstimate() {
            return Estimate.of("size of " + hidden + " (generalized NSUM)", estimate, se, interval);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "GNSUM[%s: estimate=%s, SE=%s, %s; y_FH=%s, visibility=%s, N_F=%s, "
                    + "n_F=%d, n_H=%d]", hidden, Format.number(estimate), Format.number(se), interval,
                    Format.number(connections), Format.number(visibility), Format.plain(frameSize), frameN, hiddenN);
        }
    }
}
