package org.prevalence.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.prevalence.core.Checks;
import org.prevalence.core.Interval;

/**
 * The ratio of two estimated totals, with its Taylor-linearization standard error; R's
 * {@code survey::svyratio} (and {@code svyby(..., svyratio, denominator=)}).
 * <p>\[ \hat R = \frac{\sum_i w_i y_i}{\sum_i w_i x_i}, \qquad
 *   z_i = \frac{w_i (y_i - \hat R x_i)}{\sum_i w_i x_i}, \qquad \hat V = \hat V_{lin}\Big(\sum_i z_i\Big) \]
 * <p>where \( y \) is the numerator, \( x \) the denominator, \( w_i \) the weights and
 * \( \hat V_{lin} \) the {@link LinearizationVariance}. A row with either value missing is missing.
 * The design effect is that of the total of \( r_i = (y_i - \hat R x_i)/\hat X \), as R's
 * {@code deff(svytotal(r, design, deff=TRUE))} inside {@code svyratio(deff=TRUE)}. A zero
 * denominator total is refused.
 *
 * <p>References: <ol><li>Lumley, T. (2010). Complex Surveys: A Guide to Analysis Using R. Wiley,
 * section 3.2 (ratio estimation).</li>
 * <li>Cochran, W.G. (1977). Sampling Techniques, 3rd ed. Wiley, chapter 6.</li></ol>
 *
 * <p>This class is immutable.
 */
public final class SurveyRatio {
    private static final SurveyRatio DEFAULT = new SurveyRatio(MissingValues.FAIL, IntervalDistribution.NORMAL, 0.95);
    private final MissingValues missing;
    private final IntervalDistribution distribution;
    private final double level;

    private SurveyRatio(MissingValues missing, IntervalDistribution distribution, double level) {
        this.missing = missing;
        this.distribution = distribution;
        this.level = level;
    }

    /**
     * Defaults: {@link MissingValues#FAIL}, {@link IntervalDistribution#NORMAL}, level 0.95.
     * @return the default estimator
     */
    public static SurveyRatio withDefaults() {
        return DEFAULT;
    }

    /** @param v missing-value handling @return a new estimator */
    public SurveyRatio with(MissingValues v) {
        return new SurveyRatio(Objects.requireNonNull(v, "missingValues"), distribution, level);
    }

    /** @param v interval reference distribution @return a new estimator */
    public SurveyRatio with(IntervalDistribution v) {
        return new SurveyRatio(missing, Objects.requireNonNull(v, "distribution"), level);
    }

    /** @param v confidence level in (0, 1) @return a new estimator */
    public SurveyRatio withConfidenceLevel(double v) {
        return new SurveyRatio(missing, distribution, Checks.level("level", v));
    }

    /**
     * @param design the design
     * @param numerator numeric variable y
     * @param denominator numeric variable x
     * @return the ratio of totals
     */
    public Result estimate(SurveyDesign design, String numerator, String denominator) {
        return run(design, numerator, denominator, Domain.Codes.whole()).get(0);
    }

    /**
     * @param design the design
     * @param numerator y
     * @param denominator x
     * @param domain the domain
     * @return the domain ratio
     */
    public Result estimate(SurveyDesign design, String numerator, String denominator, Domain domain) {
        return run(design, numerator, denominator, Domain.Codes.of(domain, design)).get(0);
    }

    /**
     * @param design the design
     * @param numerator y
     * @param denominator x
     * @param by by-variables
     * @return one ratio per domain
     */
    public List<Result> estimateBy(SurveyDesign design, String numerator, String denominator, String... by) {
        return run(design, numerator, denominator, Domain.Codes.by(design, by));
    }

    private List<Result> run(SurveyDesign design, String yName, String xName, Domain.Codes dom) {
        Linear.Stats s = Linear.compute(design, Linear.Kind.RATIO, design.numericRef(yName), yName,
                design.numericRef(xName), xName, dom, missing);
        List<Result> out = new ArrayList<>(s.domains);
        for (int k = 0; k < s.domains; k++) {
            double se = Math.sqrt(s.variance[k]);
            out.add(new Result(yName + "/" + xName, dom.labels.get(k), s.estimate[k], se,
                    Quantiles.wald(s.estimate[k], se, level, distribution, s.df[k]), s.deff[k], s.deffReplace[k],
                    s.n[k], s.df[k], s.dropped[k]));
        }
        return out;
    }

    /** The ratio in one domain. This class is immutable. */
    public static final class Result extends BaseResult {
        Result(String variable, Map<String, String> domain, double estimate, double se, Interval interval,
               double deff, double deffReplace, long n, int df, long dropped) {
            super("ratio", variable, domain, estimate, se, interval, deff, deffReplace, n, df, dropped);
        }
    }
}
