package org.prevalence.survey.model;

import org.prevalence.core.PrevalenceException;
import org.prevalence.survey.MissingValues;
import org.prevalence.survey.SurveyDesign;

/**
 * The design-based one-sample t-test of a mean ({@code y ~ 1}: \( t = \hat{\bar y}/SE \) on degf - 1,
 * as R's {@code svyttest(y ~ 1)}) and two-sample t-test of a difference in means; R's
 * {@code survey::svyttest(y ~ group)}:
 * the Gaussian {@link SurveyGlm} {@code y ~ group}, whose one coefficient besides the intercept is the
 * difference in means; \( t = \hat\beta_1 / SE \) on the model's residual degrees of freedom
 * (degf - 1), two-sided. The group must give one coefficient: a two-level factor (the second level
 * minus the first) or a 0/1 (or 1/2) column. This class is immutable.
 */
public final class SurveyTTest {
    private static final SurveyTTest DEFAULT = new SurveyTTest(MissingValues.FAIL);
    private final MissingValues missing;

    private SurveyTTest(MissingValues missing) {
        this.missing = missing;
    }

    /** @return the test, refusing missing values */
    public static SurveyTTest withDefaults() {
        return DEFAULT;
    }

    /** @param v missing-value handling @return a new test */
    public SurveyTTest with(MissingValues v) {
        return new SurveyTTest(java.util.Objects.requireNonNull(v, "missingValues"));
    }

    /**
     * @param design the design
     * @param formula {@code y ~ group}, or {@code y ~ 1} for the one-sample test
     * @return t, df (as df2), p, and the difference in means as the estimate
     */
    public TestResult test(SurveyDesign design, String formula) {
        Formula f = Formula.parse(formula);
        if (f.terms().isEmpty() && f.intercept() && f.offsets().isEmpty()) {
            // one-sample: the design-based mean over its SE on degf - 1 (R svyttest(y ~ 1))
            org.prevalence.survey.SurveyMean.Result m = org.prevalence.survey.SurveyMean.withDefaults().with(missing)
                    .estimate(design, f.response());
            int df = design.degreesOfFreedom() - 1;
            if (df <= 0) {
                throw PrevalenceException.notEstimable("design", "the design has %d degrees of freedom; a one-sample "
                        + "t-test needs at least 2", design.degreesOfFreedom());
            }
            double t = m.getEstimate() / m.getStandardError();
            double p = 2 * org.apache.commons.statistics.distribution.TDistribution.of(df).cumulativeProbability(-Math.abs(t));
            return new TestResult("t", t, Double.NaN, df, p, "Design-based one-sample t-test", m.getEstimate());
        }
        if (f.terms().size() != 1 || f.terms().get(0).size() != 1 || !f.intercept() || !f.offsets().isEmpty()) {
            throw PrevalenceException.invalidArgument("formula", "a t-test takes \"y ~ group\" with one group variable, got \"%s\"",
                    formula);
        }
        String g = f.terms().get(0).get(0);
        SurveyGlm.Result m = SurveyGlm.withDefaults().with(missing).fit(design, f);
        if (m.getTerms().size() != 2) {
            throw PrevalenceException.invalidArgument("column '" + g + "'", "the group '%s' must be binary (two levels, "
                    + "or 0/1 values); it gives %d coefficients", g, m.getTerms().size() - 1);
        }
        if (!org.prevalence.survey.InfluenceVariance.of(design).isCategorical(g)) {
            boolean zeroOne = true; // R: the group column is all 0/1 or all 1/2
            boolean oneTwo = true;
            for (double x : design.numeric(g)) {
                if (!Double.isNaN(x)) {
                    zeroOne &= x == 0 || x == 1;
                    oneTwo &= x == 1 || x == 2;
                }
            }
            if (!zeroOne && !oneTwo) {
                throw PrevalenceException.invalidData("column '" + g + "'", "the group '%s' must be binary: a two-level "
                        + "factor, or values all 0/1 or all 1/2", g);
            }
        }
        SurveyGlm.Term t = m.getTerms().get(1);
        return new TestResult("t", t.getTValue(), Double.NaN, t.getDegreesOfFreedom(), t.getPValue(),
                "Design-based t-test", t.getEstimate());
    }
}
