package org.prevalence.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.prevalence.core.Checks;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;

/**
 * A population quantile from a complex sample with a Woodruff confidence interval; R's
 * {@code survey::svyquantile} (survey 4.x) with its defaults {@code qrule="math"},
 * {@code interval.type="mean"}.
 * <p>\[ \hat q_p = \min\{x_{(k)} : \hat F(x_{(k)}) \ge p\}, \qquad
 *   \hat F(x) = \frac{\sum_i w_i 1\{x_i \le x\}}{\sum_i w_i} \]
 * <p>(the "math" rule, Hyndman-Fan type 1 with weights: with \( k \) the last sorted position whose
 * cumulative weight share is \( \le p \), the quantile is \( x_{(k)} \) if the share equals \( p \)
 * exactly, else \( x_{(k+1)} \)). <b>Woodruff interval</b> (Woodruff 1952): the proportion
 * \( \hat F(\hat q_p) \) of values at or below the estimate is a mean; its interval
 * \( (p_L, p_U) \) (by {@link CiMethod}: {@code MEAN} = Wald with t on the design df, as R's
 * default, or {@code BETA}, {@code XLOGIT}/{@code LOGIT}, {@code ASIN}) is mapped back through the
 * same quantile rule: \( (\hat q_{p_L}, \hat q_{p_U}) \). The standard error is R's
 * \( (\hat q_{p_U} - \hat q_{p_L}) / (2 t_{1-\alpha/2, df}) \). The quantile and limits are data
 * values. Deviation from R: a limit probability outside [0, 1] (R gives NaN) gives the smallest or
 * largest value.
 *
 * <p>References: <ol><li>Woodruff, R.S. (1952). Confidence intervals for medians and other position
 * measures. JASA 47(260), 635-646. <a href="https://doi.org/10.1080/01621459.1952.10483443">doi:10.1080/01621459.1952.10483443</a></li>
 * <li>Hyndman, R.J., Fan, Y. (1996). Sample quantiles in statistical packages. The American
 * Statistician 50(4), 361-365. <a href="https://doi.org/10.2307/2684934">doi:10.2307/2684934</a></li></ol>
 *
 * <p>This class is immutable.
 */
public final class SurveyQuantile {
    private static final SurveyQuantile DEFAULT = new SurveyQuantile(CiMethod.MEAN, MissingValues.FAIL, 0.95);
    private final CiMethod method;
    private final MissingValues missing;
    private final double level;

    private SurveyQuantile(CiMethod method, MissingValues missing, double level) {
        this.method = method;
        this.missing = missing;
        this.level = level;
    }

    /**
     * Defaults: Woodruff interval with {@link CiMethod#MEAN} (R's {@code interval.type="mean"}),
     * the "math" quantile rule, {@link MissingValues#FAIL}, level 0.95 (R's {@code alpha=0.05}).
     * @return the default estimator
     */
    public static SurveyQuantile withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the interval for the proportion below the quantile: MEAN, BETA, XLOGIT (LOGIT is
     *     the same), ASIN; LIKELIHOOD is not offered (as R)
     * @return a new estimator
     */
    public SurveyQuantile with(CiMethod v) {
        if (Objects.requireNonNull(v, "method") == CiMethod.LIKELIHOOD) {
            throw PrevalenceException.invalidArgument("method",
                    "the Woodruff interval supports CiMethod MEAN, BETA, XLOGIT and ASIN, not LIKELIHOOD");
        }
        return new SurveyQuantile(v == CiMethod.LOGIT ? CiMethod.XLOGIT : v, missing, level);
    }

    /** @param v missing-value handling @return a new estimator */
    public SurveyQuantile with(MissingValues v) {
        return new SurveyQuantile(method, Objects.requireNonNull(v, "missingValues"), level);
    }

    /** @param v confidence level in (0, 1) @return a new estimator */
    public SurveyQuantile withConfidenceLevel(double v) {
        return new SurveyQuantile(method, missing, Checks.level("level", v));
    }

    /**
     * @param design the design
     * @param variable a numeric variable
     * @param probability the quantile's probability in [0, 1] (0.5 = median)
     * @return the quantile
     */
    public Result estimate(SurveyDesign design, String variable, double probability) {
        return run(design, variable, probability, Domain.Codes.whole()).get(0);
    }

    /**
     * @param design the design
     * @param variable a numeric variable
     * @param probabilities the probabilities
     * @return one result per probability
     */
    public List<Result> estimate(SurveyDesign design, String variable, double... probabilities) {
        List<Result> out = new ArrayList<>();
        for (double p : probabilities) {
            out.add(estimate(design, variable, p));
        }
        return out;
    }

    /**
     * @param design the design
     * @param variable a numeric variable
     * @param probability the probability
     * @param domain the domain
     * @return the domain quantile
     */
    public Result estimate(SurveyDesign design, String variable, double probability, Domain domain) {
        return run(design, variable, probability, Domain.Codes.of(domain, design)).get(0);
    }

    /**
     * @param design the design
     * @param variable a numeric variable
     * @param probability the probability
     * @param by by-variables
     * @return one quantile per domain
     */
    public List<Result> estimateBy(SurveyDesign design, String variable, double probability, String... by) {
        return run(design, variable, probability, Domain.Codes.by(design, by));
    }

    private List<Result> run(SurveyDesign design, String name, double p, Domain.Codes dom) {
        if (!(p >= 0 && p <= 1)) {
            throw PrevalenceException.invalidArgument("probability", "the quantile probability must lie in [0, 1], got %s", p);
        }
        double[] x = design.numericRef(name);
        int D = dom.count;
        // rows of each domain with a value, to be sorted by x
        int[] counts = new int[D];
        for (int i = 0; i < design.rows(); i++) {
            int k = dom.of(i);
            if (k < 0) {
                continue;
            }
            if (Double.isNaN(x[i])) {
                if (missing == MissingValues.FAIL) {
                    throw Linear.missing(i, name);
                }
                continue;
            }
            counts[k]++;
        }
        int[][] rows = new int[D][];
        for (int k = 0; k < D; k++) {
            if (counts[k] == 0) {
                throw PrevalenceException.notEstimable("domain " + dom.labels.get(k),
                        "%s has no rows with a value of '%s'", Linear.domainText(dom.labels.get(k)), name);
            }
            rows[k] = new int[counts[k]];
            counts[k] = 0;
        }
        for (int i = 0; i < design.rows(); i++) {
            int k = dom.of(i);
            if (k >= 0 && !Double.isNaN(x[i])) {
                rows[k][counts[k]++] = i;
            }
        }
        Sorted[] sorted = new Sorted[D];
        double[] qhat = new double[D];
        for (int k = 0; k < D; k++) {
            sorted[k] = new Sorted(x, design.weightsRef(), rows[k]);
            qhat[k] = sorted[k].quantile(p);
        }
        // Woodruff: the mean of 1{x <= qhat} in the domain, with the design kept whole
        double[] u = new double[design.rows()];
        for (int i = 0; i < design.rows(); i++) {
            int k = dom.of(i);
            u[i] = Double.isNaN(x[i]) ? Double.NaN : k >= 0 && x[i] <= qhat[k] ? 1 : 0;
        }
        Linear.Stats s = Linear.compute(design, Linear.Kind.MEAN, u, name, null, null, dom, MissingValues.DROP);
        List<Result> out = new ArrayList<>(D);
        for (int k = 0; k < D; k++) {
            double[] pci = ProportionIntervals.interval(method, s.estimate[k], s.variance[k], level, s.df[k],
                    s.n[k] + s.dropped[k], s.n[k], null);
            double lo = pci[0] < 0 ? sorted[k].min() : sorted[k].quantile(pci[0]);
            double hi = pci[1] > 1 ? sorted[k].max() : sorted[k].quantile(pci[1]);
            double se = (hi - lo) / (2 * Quantiles.critical(level, s.df[k]));
            Interval interval = new Interval(lo, hi, level, method.woodruffInterval(), s.df[k]);
            out.add(new Result(name, p, dom.labels.get(k), qhat[k], se, interval, s.n[k], s.df[k],
                    s.dropped[k]));
        }
        return out;
    }

    /** Values of one domain sorted, with cumulative weights summed with compensation (as R's long double). */
    private static final class Sorted {
        final double[] x;
        final double[] cum;
        final double total;

        Sorted(double[] values, double[] w, int[] rows) {
            int n = rows.length;
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> Double.compare(values[rows[a]], values[rows[b]]));
            x = new double[n];
            cum = new double[n];
            double s = 0;
            double c = 0;
            for (int j = 0; j < n; j++) {
                int i = rows[order[j]];
                x[j] = values[i];
                double y = w[i] - c;
                double t = s + y;
                c = (t - s) - y;
                s = t;
                cum[j] = s;
            }
            double tot = 0;
            double cc = 0;
            for (int j = 0; j < n; j++) {
                double y = w[rows[j]] - cc;
                double t = tot + y;
                cc = (t - tot) - y;
                tot = t;
            }
            total = tot;
        }

        double min() {
            return x[0];
        }

        double max() {
            return x[x.length - 1];
        }

        /** R's qrule_math / qs: the last position with cumulative weight &lt;= p * total. */
        double quantile(double p) {
            double target = p * total;
            // cum is non-decreasing: binary search for the last cum[j] <= target
            int lo = 0;
            int hi = x.length - 1;
            int pos = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (cum[mid] <= target) {
                    pos = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            if (pos < 0) {
                pos = 0; // R's last() gives 1 when no share is <= p
            }
            int next = pos == x.length - 1 ? pos : pos + 1;
            double wlow = p - cum[pos] / total;
            return wlow == 0 ? x[pos] : x[next];
        }
    }

    /** A quantile in one domain. This class is immutable. */
    public static final class Result extends BaseResult {
        private final double probability;

        Result(String variable, double probability, Map<String, String> domain, double estimate, double se,
               Interval interval, long n, int df, long dropped) {
            super("quantile", variable, domain, estimate, se, interval, Double.NaN, Double.NaN, n, df, dropped);
            this.probability = probability;
        }

        /** @return the quantile's probability (0.5 for the median) */
        public double getProbability() {
            return probability;
        }

        @Override
        public String toString() {
            String head = "quantile(" + getVariable() + ")";
            return "quantile(" + getVariable() + ", p=" + Format.number(probability) + ")"
                    + super.toString().substring(head.length());
        }
    }
}
