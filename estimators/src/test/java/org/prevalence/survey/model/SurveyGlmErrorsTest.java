package org.prevalence.survey.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;
import org.prevalence.survey.SurveyDesign;

/** Bad input to {@link SurveyGlm} and {@link Formula}: each a {@link PrevalenceException} naming the term, column or row. */
class SurveyGlmErrorsTest {
    private static SurveyDesign small(double[] y, double[] x, int[] group) {
        int n = y.length;
        int[] psu = new int[n];
        for (int i = 0; i < n; i++) {
            psu[i] = i;
        }
        SurveyDesign.Builder b = SurveyDesign.builder(n).clusters(psu).equalProbability().variable("y", y).variable("x", x);
        if (group != null) {
            b = b.factor("g", group, List.of("a", "b"));
        }
        return b.build();
    }

    @Test
    void perfectSeparationNamesTheTerm() {
        double[] y = {0, 0, 0, 0, 1, 1, 1, 1};
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> SurveyGlm.withDefaults().with(GlmFamily.QUASIBINOMIAL).fit(small(y, x, null), "y ~ x"));
        assertTrue(e.getMessage().contains("separated") && e.where().contains("'x'"), e.getMessage());
    }

    @Test
    void nonConvergenceIsRefused() {
        double[] y = {0, 1, 0, 1, 1, 0, 1, 1};
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> SurveyGlm.withDefaults()
                .with(GlmFamily.BINOMIAL).with(GlmLink.PROBIT).withMaxIterations(2).fit(small(y, x, null), "y ~ x"));
        assertEquals(PrevalenceException.Kind.NOT_CONVERGED, e.what(), e.getMessage());
        assertTrue(e.getMessage().contains("did not converge"), e.getMessage());
    }

    @Test
    void factorWithOneLevelInTheRowsUsed() {
        double[] y = {1, 2, 3, 4, 5, 6};
        double[] x = {1, 3, 2, 5, 4, 6};
        int[] g = {0, 0, 0, 0, 0, 0};
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> SurveyGlm.withDefaults().fit(small(y, x, g), "y ~ x + g"));
        assertTrue(e.getMessage().contains("only one level") && e.where().equals("term 'g'"), e.getMessage());
    }

    @Test
    void unknownColumnIsNamed() {
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> SurveyGlm.withDefaults().fit(ModelFixtures.dstrat(), "api00 ~ ell + sector"));
        assertEquals("column 'sector'", e.where());
    }

    @Test
    void collinearColumnIsNamed() {
        double[] y = {1, 2, 3, 4, 5, 7};
        double[] x = {1, 3, 2, 5, 4, 6};
        SurveyDesign d = SurveyDesign.builder(6).clusters(new int[] {0, 1, 2, 3, 4, 5}).equalProbability()
                .variable("y", y).variable("x", x).variable("x2", new double[] {2, 6, 4, 10, 8, 12}).build();
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> SurveyGlm.withDefaults().fit(d, "y ~ x + x2"));
        assertEquals("term 'x2'", e.where(), e.getMessage());
    }

    @Test
    void missingValueNamesRowAndColumnUnlessDropped() {
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> SurveyGlm.withDefaults().fit(ModelFixtures.dstrat(), "api00 ~ acs.46"));
        assertTrue(e.where().startsWith("row ") && e.where().endsWith("column 'acs.46'"), e.where());
    }

    @Test
    void badResponses() {
        assertThrows(PrevalenceException.class, () -> SurveyGlm.withDefaults().with(GlmFamily.BINOMIAL)
                .fit(ModelFixtures.dstrat(), "api00 ~ ell"));               // not in [0, 1]
        assertThrows(PrevalenceException.class, () -> SurveyGlm.withDefaults()
                .fit(ModelFixtures.dstrat(), "sch.wide ~ ell"));            // factor response, gaussian
        assertThrows(PrevalenceException.class, () -> SurveyGlm.withDefaults().with(GlmFamily.BINOMIAL)
                .fit(ModelFixtures.dstrat(), "stype ~ ell"));               // three levels
        assertThrows(PrevalenceException.class, () -> SurveyGlm.withDefaults().with(GlmFamily.POISSON)
                .with(GlmLink.LOGIT).fit(ModelFixtures.dstrat(), "api.stu ~ ell"));
    }

    @Test
    void formulaSyntaxErrorsGiveThePosition() {
        for (String f : new String[] {"y x", "y ~ ", "y ~ a +", "y ~ log(a)", "y ~ a - b", "y ~ a + y", "~ a"}) {
            PrevalenceException e = assertThrows(PrevalenceException.class, () -> Formula.parse(f), f);
            assertEquals("formula", e.where(), f);
        }
    }

    @Test
    void formulaTermsAsR() {
        Formula f = Formula.parse("y ~ b:a + a*c + b + offset(log(n)) - 1");
        // R: terms(y ~ b:a + a*c + b - 1) labels "a" "c" "b" "a:b" "a:c" (variables ordered b, a, c by appearance)
        assertEquals(List.of("a", "c", "b", "b:a", "a:c"), f.termLabels());
        assertEquals(false, f.intercept());
        assertEquals(List.of(new Formula.Offset("n", true)), f.offsets());
        assertEquals(List.of("y", "a", "c", "b", "n"), f.columns());
        assertEquals(List.of("a", "b", "a:b"), Formula.parse("y ~ a*b").termLabels());
        assertEquals(List.of("a", "b", "c", "a:b", "a:c", "b:c", "a:b:c"), Formula.parse("y ~ a*b*c").termLabels());
        assertEquals(List.of("sch.wide"), Formula.parse("`api 00` ~ sch.wide").termLabels());
    }
}
