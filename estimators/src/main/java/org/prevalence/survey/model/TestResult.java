package org.prevalence.survey.model;

import java.util.Locale;
import org.prevalence.core.Format;

/**
 * The result of a design-based test (broom's tidy shape): the test's name, its statistic, the
 * numerator and denominator degrees of freedom (NaN where the reference distribution has none: a
 * chi-squared has {@code df2} NaN, a t has {@code df1} NaN), the p value, R's method text, and the
 * estimate where the test has one (the difference in means of a t-test, else NaN). This class is
 * immutable.
 */
public final class TestResult {
    private final String test;
    private final double statistic;
    private final double df1;
    private final double df2;
    private final double p;
    private final String method;
    private final double estimate;
    private final double[] lambda;

    TestResult(String test, double statistic, double df1, double df2, double p, String method, double estimate) {
        this(test, statistic, df1, df2, p, method, estimate, new double[0]);
    }

    TestResult(String test, double statistic, double df1, double df2, double p, String method, double estimate,
               double[] lambda) {
        this.lambda = lambda.clone();
        this.test = test;
        this.statistic = statistic;
        this.df1 = df1;
        this.df2 = df2;
        this.p = p;
        this.method = method;
        this.estimate = estimate;
    }

    /** @return the test, e.g. {@code "Wald"}, {@code "F"}, {@code "Chisq"}, {@code "adjWald"}, {@code "t"} */
    public String getTest() {
        return test;
    }

    /** @return the statistic as R prints it (F, X-squared, t) */
    public double getStatistic() {
        return statistic;
    }

    /** @return the numerator degrees of freedom (NaN for a t) */
    public double getDf1() {
        return df1;
    }

    /** @return the denominator degrees of freedom (NaN for a chi-squared) */
    public double getDf2() {
        return df2;
    }

    /** @return the p value */
    public double getPValue() {
        return p;
    }

    /** @return R's method text, e.g. {@code "Pearson's X^2: Rao & Scott adjustment"} */
    public String getMethod() {
        return method;
    }

    /** @return the estimate (difference in means of a t-test), NaN for the other tests */
    public double getEstimate() {
        return estimate;
    }

    /**
     * @return the weights \( \lambda \) of the sum of chi-squares a working likelihood-ratio (or working
     *     Wald) statistic is referred to, R's {@code $lambda} (empty for the other tests)
     */
    public double[] getLambda() {
        return lambda.clone();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %s = %s", method, test, Format.number(statistic)));
        if (!Double.isNaN(df1)) {
            sb.append(", df1 = ").append(Format.number(df1));
        }
        if (!Double.isNaN(df2)) {
            sb.append(Double.isNaN(df1) ? ", df = " : ", df2 = ").append(Format.number(df2));
        }
        sb.append(", p = ").append(SurveyGlm.pText(p));
        if (lambda.length > 0) {
            double mean = 0;
            for (double l : lambda) {
                mean += l / lambda.length;
            }
            sb.append(", scale factors");
            for (double l : lambda) {
                sb.append(' ').append(Format.number(l / mean));
            }
        }
        if (!Double.isNaN(estimate)) {
            sb.append(", estimate ").append(Format.number(estimate));
        }
        return sb.toString();
    }
}
