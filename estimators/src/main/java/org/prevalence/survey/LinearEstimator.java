package org.prevalence.survey;

import java.util.List;

/**
 * The public face shared by {@link SurveyMean} and {@link SurveyTotal} (package-private base): the
 * {@code with...} options and the whole-population, domain, by-domain and factor-level
 * {@code estimate...} methods, each delegating to the {@link LinearStatistic} that the subclass
 * configures with its linearization and result type. This class is immutable.
 *
 * @param <S> the public estimator class
 * @param <R> its result type
 */
abstract class LinearEstimator<S extends LinearEstimator<S, R>, R extends BaseResult> {
    private final LinearStatistic<R> statistic;

    LinearEstimator(LinearStatistic<R> statistic) {
        this.statistic = statistic;
    }

    /** @param v the new configuration @return a new estimator of the subclass with it */
    abstract S copy(LinearStatistic<R> v);

    /** @param v missing-value handling @return a new estimator */
    public S with(MissingValues v) {
        return copy(statistic.with(v));
    }

    /** @param v interval reference distribution @return a new estimator */
    public S with(IntervalDistribution v) {
        return copy(statistic.with(v));
    }

    /** @param v confidence level in (0, 1) @return a new estimator */
    public S withConfidenceLevel(double v) {
        return copy(statistic.withConfidenceLevel(v));
    }

    /**
     * @param design the design
     * @param variable a numeric variable
     * @return the estimate over the whole population
     */
    public R estimate(SurveyDesign design, String variable) {
        return statistic.whole(design, variable);
    }

    /**
     * @param design the design
     * @param variable a numeric variable
     * @param domain the domain
     * @return the estimate in the domain
     */
    public R estimate(SurveyDesign design, String variable, Domain domain) {
        return statistic.domain(design, variable, domain);
    }

    /**
     * One estimate per domain, the domains being the level combinations of the by-variables (R's
     * {@code svyby(~y, ~a+b, design, svymean)} or {@code svytotal}), in sorted level order.
     * @param design the design
     * @param variable a numeric variable
     * @param by one or more categorical variables
     * @return one result per domain
     */
    public List<R> estimateBy(SurveyDesign design, String variable, String... by) {
        return statistic.by(design, variable, by);
    }

    /**
     * The estimate of each level's indicator (R's {@code svymean(~factor, design)}: the level
     * proportions; {@code svytotal(~factor, design)}: the estimated population count per level):
     * results named variable + level, e.g. {@code stypeE}.
     * @param design the design
     * @param variable a categorical variable
     * @return one result per level
     */
    public List<R> estimateFactor(SurveyDesign design, String variable) {
        return statistic.factor(design, variable);
    }

    /**
     * The estimates of each level's indicator of a categorical variable within each by-domain.
     * @param design the design
     * @param variable a categorical variable
     * @param by by-variables
     * @return per domain, per level
     */
    public List<R> estimateFactorBy(SurveyDesign design, String variable, String... by) {
        return statistic.factorBy(design, variable, by);
    }
}
