package org.prevalence.survey;

import java.util.Map;
import org.prevalence.core.Estimate;
import org.prevalence.core.Interval;

/**
 * What every survey estimator reports for one variable in one domain: the estimate, its standard
 * error, an interval (whose method is named), design effects, the number of rows used and the
 * degrees of freedom. Implemented by each estimator's {@code Result}.
 */
public interface SurveyEstimate {
    /** @return the statistic: {@code "mean"}, {@code "total"}, {@code "ratio"}, {@code "proportion"}, {@code "quantile"} */
    String getStatistic();

    /** @return the variable, as R names the coefficient (e.g. {@code "api00"}, {@code "stypeE"}, {@code "api.stu/enroll"}) */
    String getVariable();

    /** @return the domain as column -&gt; value, empty for the whole population */
    Map<String, String> getDomain();

    /** @return the point estimate */
    double getEstimate();

    /** @return the standard error */
    double getStandardError();

    /** @return the confidence interval (level and method named) */
    Interval getConfidenceInterval();

    /**
     * @return the design effect against simple random sampling without replacement, as R
     *     {@code deff=TRUE}; NaN where not defined (quantiles, fewer than 2 rows, weights summing
     *     to less than the sample size for a mean)
     */
    double getDeff();

    /** @return the design effect against simple random sampling with replacement, as R {@code deff="replace"}; NaN where not defined */
    double getDeffReplace();

    /** @return the number of rows used (in the domain, with a non-missing value) */
    long getN();

    /** @return the design degrees of freedom of the domain: PSUs minus strata with rows in it */
    int getDegreesOfFreedom();

    /** @return the number of rows dropped because of missing values ({@link MissingValues#DROP}) */
    long getDropped();

    /** @return the same figures as a generic {@link Estimate} (diagnostics: domain, deff, n, df, dropped) */
    Estimate toEstimate();
}
