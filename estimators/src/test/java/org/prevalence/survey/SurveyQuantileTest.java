package org.prevalence.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;

/**
 * svyquantile rows of shared/refdata/survey/expected.csv (R 4.2.2, survey 4.1-1), linearization
 * designs: qrule="math", Woodruff interval.type="mean", df = degf(design). The quantile and the
 * limits are data values (compared to 1e-8 relative, tighter than the 1e-6 asked for intervals);
 * the SE = CI length/(2 qt(0.975, df)) to 1e-8 relative.
 */
class SurveyQuantileTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvFileSource(resources = "quantile-expected.csv", numLinesToSkip = 1, nullValues = "NA")
    void matchesR(String caseId, String variable, String domain, double estimate, double se, double lower,
                  double upper, String deff, int df) {
        String dn = caseId.substring(0, caseId.indexOf("_quantile"));
        double p = Double.parseDouble(variable.substring("api00.".length()));
        SurveyQuantile.Result r = SurveyQuantile.withDefaults().estimate(Fixtures.design(dn), "api00", p);
        String what = caseId + " p=" + p;
        Tolerance.assertRelative(estimate, r.getEstimate(), 1e-8, what + " estimate");
        Tolerance.assertRelative(se, r.getStandardError(), 1e-8, what + " se");
        Tolerance.assertRelative(lower, r.getConfidenceInterval().lower(), 1e-8, what + " lower");
        Tolerance.assertRelative(upper, r.getConfidenceInterval().upper(), 1e-8, what + " upper");
        assertEquals(df, r.getDegreesOfFreedom(), what + " df");
        assertEquals(p, r.getProbability());
    }

    @Test
    void likelihoodIntervalIsNotOffered() {
        assertThrows(PrevalenceException.class, () -> SurveyQuantile.withDefaults().with(CiMethod.LIKELIHOOD));
    }

    @Test
    void medianOfEqualWeightsIsTheMathRule() {
        // closed form: 4 rows of weight 1, values 1..4: F(2) = 0.5 exactly, so the "math" median is 2
        SurveyDesign d = SurveyDesign.builder(4).equalProbability().variable("x", new double[] {4, 2, 3, 1}).build();
        assertEquals(2.0, SurveyQuantile.withDefaults().estimate(d, "x", 0.5).getEstimate());
        assertEquals(3.0, SurveyQuantile.withDefaults().estimate(d, "x", 0.6).getEstimate());
    }
}
