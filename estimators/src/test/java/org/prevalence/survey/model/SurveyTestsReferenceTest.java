package org.prevalence.survey.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.prevalence.core.PrevalenceException;

/**
 * {@link RegressionTermTest}, {@link SurveyChisq} and {@link SurveyTTest} against R survey 4.1.1
 * ({@code model/tests-expected.csv} from {@code make_glm_expected.R}, the R call in each row):
 * statistics to 1e-8 relative, df to 1e-8 relative, p to 1e-6 relative. The rows R computed for
 * tests not implemented here ({@code svychisq} "lincom" and
 * "saddlepoint") are not checked.
 */
class SurveyTestsReferenceTest {
    private static TestResult compute(String c) {
        switch (c) {
            case "rtt_wald_stype":
                return RegressionTermTest.withDefaults().test(SurveyGlmReferenceTest.fit("dclus1_qbin", "dclus1"), "stype");
            case "rtt_lrt_stype":
                return RegressionTermTest.withDefaults().with(RegressionTermTest.Method.LRT)
                        .test(SurveyGlmReferenceTest.fit("dclus1_qbin", "dclus1"), "stype");
            case "rtt_wald_ellmeals":
                return RegressionTermTest.withDefaults().test(SurveyGlmReferenceTest.fit("dclus1_qbin", "dclus1"), "ell", "meals");
            case "rtt_wald_dstrat_gauss_stype":
                return RegressionTermTest.withDefaults().test(SurveyGlmReferenceTest.fit("dstrat_gauss", "dstrat"), "stype");
            case "rtt_wald_djkn_gauss_stype":
                return RegressionTermTest.withDefaults().test(SurveyGlmReferenceTest.fit("djkn_gauss", "djkn"), "stype");
            case "chisq_F":
                return SurveyChisq.withDefaults().test(ModelFixtures.dclus1(), "sch.wide", "stype");
            case "chisq_Chisq":
                return SurveyChisq.withDefaults().with(ChisqStatistic.CHISQ).test(ModelFixtures.dclus1(), "sch.wide", "stype");
            case "chisq_Wald":
                return SurveyChisq.withDefaults().with(ChisqStatistic.WALD).test(ModelFixtures.dclus1(), "sch.wide", "stype");
            case "chisq_adjWald":
                return SurveyChisq.withDefaults().with(ChisqStatistic.ADJ_WALD).test(ModelFixtures.dclus1(), "sch.wide", "stype");
            case "chisq_F_dstrat":
                return SurveyChisq.withDefaults().test(ModelFixtures.dstrat(), "sch.wide", "stype");
            case "ttest_dclus1":
                return SurveyTTest.withDefaults().test(ModelFixtures.dclus1(), "api00 ~ sch.wide");
            case "ttest1_dclus1":
                return SurveyTTest.withDefaults().test(ModelFixtures.dclus1(), "api00 ~ 1");
            case "ttest_dstrat":
                return SurveyTTest.withDefaults().test(ModelFixtures.dstrat(), "api00 ~ sch.wide");
            default:
                return null;
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "tests-expected.csv", numLinesToSkip = 1, nullValues = "NA")
    void matchesR(String c, String call, String test, double statistic, Double df1, Double df2, double p, String method) {
        TestResult r = compute(c);
        if (r == null) {
            assertTrue(c.contains("lincom") || c.contains("saddlepoint"), c);
            return;
        }
        assertEquals(test, r.getTest(), call);
        assertEquals(statistic, r.getStatistic(), 1e-8 * Math.abs(statistic), call);
        if (df1 != null) {
            assertEquals(df1, r.getDf1(), 1e-8 * df1, call);
        } else {
            assertTrue(Double.isNaN(r.getDf1()), call);
        }
        if (df2 != null) {
            assertEquals(df2, r.getDf2(), 1e-8 * df2, call);
        } else {
            assertTrue(Double.isNaN(r.getDf2()), call);
        }
        assertEquals(p, r.getPValue(), 1e-6 * p, call);
        assertTrue(method.startsWith(r.getMethod()) || r.getMethod().startsWith("Wald test")
                || r.getMethod().startsWith("Working 2logLR"), call);
    }

    @Test
    void badInput() {
        SurveyGlm.Result m = SurveyGlmReferenceTest.fit("dclus1_qbin", "dclus1");
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> RegressionTermTest.withDefaults().test(m, "sector"));
        assertEquals("term 'sector'", e.where());
        assertThrows(PrevalenceException.class, () -> SurveyTTest.withDefaults().test(ModelFixtures.dclus1(), "api00 ~ stype"));
        assertThrows(PrevalenceException.class, () -> SurveyTTest.withDefaults().test(ModelFixtures.dclus1(), "api00 ~ ell"));
        assertThrows(PrevalenceException.class, () -> SurveyChisq.withDefaults().test(ModelFixtures.dclus1(), "sch.wide", "nope"));
    }
}
