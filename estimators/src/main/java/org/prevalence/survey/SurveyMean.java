package org.prevalence.survey;

import java.util.List;
import java.util.Map;
import org.prevalence.core.Interval;

/**
 * The design-based (Hajek) mean of a variable, for the whole population or for domains, with its
 * Taylor-linearization standard error; R's {@code survey::svymean} (and {@code svyby(..., svymean)}).
 * <p>\[ \hat{\bar Y} = \frac{\sum_i w_i y_i}{\sum_i w_i}, \qquad
 *   z_i = \frac{w_i (y_i - \hat{\bar Y})}{\sum_i w_i}, \qquad \hat V = \hat V_{lin}\Big(\sum_i z_i\Big) \]
 * <p>where \( w_i \) are the sampling weights, \( y_i \) the values and \( \hat V_{lin} \) the
 * {@link LinearizationVariance} of the linearized values \( z_i \). In a domain \( y_i \) and
 * \( w_i \) are taken as zero outside it (the design is kept whole). The design effect divides
 * \( \hat V \) by \( s^2 (\hat N - n)/(\hat N n) \) (without replacement) or \( s^2/n \) (with
 * replacement), \( s^2 \) being the weighted variance with divisor \( n - 1 \), as R's
 * {@code deff=TRUE} / {@code deff="replace"}. A categorical variable gives one mean (proportion)
 * per level ({@link #estimateFactor}), named like R ({@code stypeE}).
 *
 * <p>References: <ol><li>Lumley, T. (2010). Complex Surveys: A Guide to Analysis Using R. Wiley.
 * <a href="https://doi.org/10.1002/9780470580066">doi:10.1002/9780470580066</a></li>
 * <li>Kish, L. (1965). Survey Sampling. Wiley (design effect).</li></ol>
 *
 * <p>This class is immutable.
 */
public final class SurveyMean {
    private static final SurveyMean DEFAULT = new SurveyMean(LinearStatistic.withDefaults(Linear.Kind.MEAN, Result::new));
    private final LinearStatistic<Result> statistic;

    private SurveyMean(LinearStatistic<Result> statistic) {
        this.statistic = statistic;
    }

    /**
     * Defaults: {@link MissingValues#FAIL} (R {@code na.rm=FALSE}), {@link IntervalDistribution#NORMAL}
     * (R's {@code confint}), confidence level 0.95.
     * @return the default estimator
     */
    public static SurveyMean withDefaults() {
        return DEFAULT;
    }

    /** @param v missing-value handling @return a new estimator */
    public SurveyMean with(MissingValues v) {
        return new SurveyMean(statistic.with(v));
    }

    /** @param v interval reference distribution @return a new estimator */
    public SurveyMean with(IntervalDistribution v) {
        return new SurveyMean(statistic.with(v));
    }

    /** @param v confidence level in (0, 1) @return a new estimator */
    public SurveyMean withConfidenceLevel(double v) {
        return new SurveyMean(statistic.withConfidenceLevel(v));
    }

    /**
     * @param design the design
     * @param variable a numeric variable
     * @return the mean over the whole population
     */
    public Result estimate(SurveyDesign design, String variable) {
        return statistic.whole(design, variable);
    }

    /**
     * @param design the design
     * @param variable a numeric variable
     * @param domain the domain
     * @return the domain mean
     */
    public Result estimate(SurveyDesign design, String variable, Domain domain) {
        return statistic.domain(design, variable, domain);
    }

    /**
     * One mean per domain, the domains being the level combinations of the by-variables (R's
     * {@code svyby(~y, ~a+b, design, svymean)}), in sorted level order.
     * @param design the design
     * @param variable a numeric variable
     * @param by one or more categorical variables
     * @return one result per domain
     */
    public List<Result> estimateBy(SurveyDesign design, String variable, String... by) {
        return statistic.by(design, variable, by);
    }

    /**
     * The mean of each level's indicator (R's {@code svymean(~factor, design)}): results named
     * variable + level, e.g. {@code stypeE}.
     * @param design the design
     * @param variable a categorical variable
     * @return one result per level
     */
    public List<Result> estimateFactor(SurveyDesign design, String variable) {
        return statistic.factor(design, variable);
    }

    /**
     * Level proportions of a categorical variable within each by-domain.
     * @param design the design
     * @param variable a categorical variable
     * @param by by-variables
     * @return per domain, per level
     */
    public List<Result> estimateFactorBy(SurveyDesign design, String variable, String... by) {
        return statistic.factorBy(design, variable, by);
    }

    /** The mean in one domain. This class is immutable. */
    public static final class Result extends BaseResult {
        Result(String variable, Map<String, String> domain, double estimate, double se, Interval interval,
               double deff, double deffReplace, long n, int df, long dropped) {
            super("mean", variable, domain, estimate, se, interval, deff, deffReplace, n, df, dropped);
        }
    }
}
