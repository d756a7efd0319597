package org.prevalence.survey.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.prevalence.core.Tolerance;
import org.prevalence.core.survey.ReplicateCentre;
import org.prevalence.core.survey.ReplicateMethod;
import org.prevalence.survey.ReplicateDesign;
import org.prevalence.survey.SurveyDesign;

/**
 * {@link SurveyChisq} on replicate-weight designs against R survey 4.1.1's {@code svychisq.svyrep.design}
 * ({@code model/chisq-replicate-expected.csv}, made by {@code model/make_chisq_replicate_expected.R}): statistics
 * and df to 1e-8 relative, p values to 1e-6.
 */
class SurveyChisqReplicateTest {
    private static SurveyDesign design(String name) {
        return switch (name) {
            case "dclus1jk" -> ModelFixtures.design("dclus1jk");
            case "dclus1jk_mse" -> ReplicateDesign.withDefaults().with(ReplicateMethod.JK1)
                    .with(ReplicateCentre.FULL_SAMPLE).build(ModelFixtures.dclus1());
            case "djkn" -> ModelFixtures.design("djkn");
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "chisq-replicate-expected.csv", numLinesToSkip = 1, nullValues = "NA")
    void matchesR(String caseId, String design, String test, double statistic, double df1, Double df2, double p) {
        ChisqStatistic st = switch (test) {
            case "F" -> ChisqStatistic.F;
            case "Chisq" -> ChisqStatistic.CHISQ;
            case "Wald" -> ChisqStatistic.WALD;
            default -> ChisqStatistic.ADJ_WALD;
        };
        TestResult r = SurveyChisq.withDefaults().with(st).test(design(design), "sch.wide", "stype");
        assertEquals(test, r.getTest());
        Tolerance.assertRelative(statistic, r.getStatistic(), 1e-8, caseId + " statistic");
        Tolerance.assertRelative(df1, r.getDf1(), 1e-8, caseId + " df1");
        if (df2 == null) {
            assertTrue(Double.isNaN(r.getDf2()), caseId + " df2");
        } else {
            Tolerance.assertRelative(df2, r.getDf2(), 1e-8, caseId + " df2");
        }
        Tolerance.assertRelative(p, r.getPValue(), 1e-6, caseId + " p");
    }
}
