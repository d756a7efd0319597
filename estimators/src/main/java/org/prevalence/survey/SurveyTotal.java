package org.prevalence.survey;

import java.util.List;
import java.util.Map;
import org.prevalence.core.Interval;

/**
 * The Horvitz-Thompson total of a variable, for the whole population or for domains, with its
 * Taylor-linearization standard error; R's {@code survey::svytotal} (and {@code svyby(..., svytotal)}).
 * <p>\[ \hat Y = \sum_i w_i y_i, \qquad z_i = w_i y_i, \qquad \hat V = \hat V_{lin}\Big(\sum_i z_i\Big) \]
 * <p>where \( w_i \) are the sampling weights (inverse inclusion probabilities), \( y_i \) the values
 * and \( \hat V_{lin} \) the {@link LinearizationVariance} of \( z_i \). In a domain \( y_i \) is
 * zero outside it (the design is kept whole). The design effect divides \( \hat V \) by
 * \( s^2 \hat N^2 (\hat N - n)/(\hat N n) \) (without replacement) or \( s^2 \hat N^2/n \) (with
 * replacement), \( \hat N = \sum w_i \) and \( s^2 \) the weighted variance with divisor \( n-1 \), as
 * R's {@code deff=TRUE} / {@code deff="replace"}. A categorical variable gives one total per level
 * ({@link #estimateFactor}, R {@code svytotal(~factor)}).
 *
 * <p>References: <ol><li>Horvitz, D.G., Thompson, D.J. (1952). A generalization of sampling without
 * replacement from a finite universe. JASA 47(260), 663-685.
 * <a href="https://doi.org/10.1080/01621459.1952.10483446">doi:10.1080/01621459.1952.10483446</a></li>
 * <li>Lumley, T. (2010). Complex Surveys: A Guide to Analysis Using R. Wiley.</li></ol>
 *
 * <p>This class is immutable.
 */
public final class SurveyTotal {
    private static final SurveyTotal DEFAULT = new SurveyTotal(LinearStatistic.withDefaults(Linear.Kind.TOTAL, Result::new));
    private final LinearStatistic<Result> statistic;

    private SurveyTotal(LinearStatistic<Result> statistic) {
        this.statistic = statistic;
    }

    /**
     * Defaults: {@link MissingValues#FAIL} (R {@code na.rm=FALSE}), {@link IntervalDistribution#NORMAL}
     * (R's {@code confint}), confidence level 0.95.
     * @return the default estimator
     */
    public static SurveyTotal withDefaults() {
        return DEFAULT;
    }

    /** @param v missing-value handling @return a new estimator */
    public SurveyTotal with(MissingValues v) {
        return new SurveyTotal(statistic.with(v));
    }

    /** @param v interval reference distribution @return a new estimator */
    public SurveyTotal with(IntervalDistribution v) {
        return new SurveyTotal(statistic.with(v));
    }

    /** @param v confidence level in (0, 1) @return a new estimator */
    public SurveyTotal withConfidenceLevel(double v) {
        return new SurveyTotal(statistic.withConfidenceLevel(v));
    }

    /**
     * @param design the design
     * @param variable a numeric variable
     * @return the total over the whole population
     */
    public Result estimate(SurveyDesign design, String variable) {
        return statistic.whole(design, variable);
    }

    /**
     * @param design the design
     * @param variable a numeric variable
     * @param domain the domain
     * @return the domain total
     */
    public Result estimate(SurveyDesign design, String variable, Domain domain) {
        return statistic.domain(design, variable, domain);
    }

    /**
     * One total per domain, the domains being the level combinations of the by-variables (R's
     * {@code svyby(~y, ~a+b, design, svytotal)}), in sorted level order.
     * @param design the design
     * @param variable a numeric variable
     * @param by one or more categorical variables
     * @return one result per domain
     */
    public List<Result> estimateBy(SurveyDesign design, String variable, String... by) {
        return statistic.by(design, variable, by);
    }

    /**
     * The total of each level's indicator (R's {@code svytotal(~factor, design)}), i.e. the estimated population count per level: results named
     * variable + level, e.g. {@code stypeE}.
     * @param design the design
     * @param variable a categorical variable
     * @return one result per level
     */
    public List<Result> estimateFactor(SurveyDesign design, String variable) {
        return statistic.factor(design, variable);
    }

    /**
     * Level totals of a categorical variable within each by-domain.
     * @param design the design
     * @param variable a categorical variable
     * @param by by-variables
     * @return per domain, per level
     */
    public List<Result> estimateFactorBy(SurveyDesign design, String variable, String... by) {
        return statistic.factorBy(design, variable, by);
    }

    /** The total in one domain. This class is immutable. */
    public static final class Result extends BaseResult {
        Result(String variable, Map<String, String> domain, double estimate, double se, Interval interval,
               double deff, double deffReplace, long n, int df, long dropped) {
            super("total", variable, domain, estimate, se, interval, deff, deffReplace, n, df, dropped);
        }
    }
}
