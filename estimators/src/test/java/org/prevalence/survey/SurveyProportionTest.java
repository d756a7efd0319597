package org.prevalence.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;
import tech.tablesaw.api.Table;

/**
 * svyciprop rows of shared/refdata/survey/expected.csv (R 4.2.2, survey 4.1-1): methods logit,
 * likelihood, asin, beta, mean, xlogit at levels 0.95 and 0.90, df = degf(design). Tolerances:
 * estimate and SE 1e-8 relative (R's logit/likelihood estimate is expit(glm coef), equal to the
 * mean to ~1e-10), interval limits 1e-6 relative.
 */
class SurveyProportionTest {

    static SurveyDesign dclus1WithEll0() {
        Table t = Fixtures.table("apiclus1.csv");
        double[] ell = t.numberColumn("ell").asDoubleArray();
        double[] ell0 = new double[ell.length];
        for (int i = 0; i < ell.length; i++) {
            ell0[i] = ell[i] == 0 ? 1 : 0;
        }
        // svydesign(id=~dnum, weights=~pw, fpc=~fpc, data=apiclus1); I(ell==0)
        return SurveyDesign.builder(t).clusters("dnum").weights("pw").fpc("fpc").variable("ell0", ell0).build();
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "ciprop-expected.csv", numLinesToSkip = 1, nullValues = "NA")
    void matchesR(String caseId, String variable, String domain, double estimate, double se, double lower,
                  double upper, String deff, int df, String statistic, String call) {
        String[] parts = caseId.split("_");
        String dn = parts[0];
        String what = parts[2];
        CiMethod method = CiMethod.valueOf(parts[3].toUpperCase(Locale.ROOT));
        double level = Integer.parseInt(parts[4]) / 100.0;
        SurveyProportion est = SurveyProportion.withDefaults().with(method).withConfidenceLevel(level);
        SurveyProportion.Result r = what.equals("ell0") ? est.estimate(dclus1WithEll0(), "ell0")
                : est.estimate(Fixtures.design(dn), "sch.wide", "Yes");
        Tolerance.assertRelative(estimate, r.getEstimate(), 1e-8, caseId + " estimate");
        Tolerance.assertRelative(se, r.getStandardError(), 1e-8, caseId + " se");
        Tolerance.assertRelative(lower, r.getConfidenceInterval().lower(), 1e-6, caseId + " lower");
        Tolerance.assertRelative(upper, r.getConfidenceInterval().upper(), 1e-6, caseId + " upper");
        assertEquals(df, r.getDegreesOfFreedom(), caseId + " df");
        assertEquals(level, r.getConfidenceInterval().level());
        assertTrue(r.getConfidenceInterval().label().startsWith(parts[3]), r.getConfidenceInterval().label());
    }

    @Test
    void nonBinaryVariableIsRefusedWithItsRow() {
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> SurveyProportion.withDefaults().estimate(Fixtures.design("dclus1"), "ell"));
        assertTrue(e.getMessage().contains("column 'ell'") && e.getMessage().contains("not 0 or 1"), e.getMessage());
        assertTrue(e.where().startsWith("row "), e.where());
    }

    @Test
    void unknownLevelIsRefused() {
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> SurveyProportion.withDefaults().estimate(Fixtures.design("dclus1"), "sch.wide", "Maybe"));
        assertTrue(e.getMessage().contains("'Maybe' is not a level of 'sch.wide'"), e.getMessage());
    }

    @Test
    void proportionEqualsMeanOfIndicator() {
        // identity: svyciprop's point estimate and SE are svymean's
        SurveyDesign d = Fixtures.design("dstrat");
        SurveyProportion.Result p = SurveyProportion.withDefaults().estimate(d, "sch.wide", "Yes");
        SurveyMean.Result m = SurveyMean.withDefaults().estimateFactor(d, "sch.wide").get(1);
        assertEquals("sch.wideYes", m.getVariable());
        Tolerance.assertRelative(m.getEstimate(), p.getEstimate(), 1e-14, "estimate");
        Tolerance.assertRelative(m.getStandardError(), p.getStandardError(), 1e-14, "se");
    }
}
