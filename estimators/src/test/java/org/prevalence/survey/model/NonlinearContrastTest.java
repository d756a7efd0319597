package org.prevalence.survey.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.prevalence.core.PrevalenceException;

/**
 * Nonlinear {@link SurveyContrast} ({@link ContrastExpression}) against R survey 4.1.1
 * {@code svycontrast(model, quote(...))} ({@code model/nlcontrast-expected.csv} from
 * {@code make_models2_expected.R}): estimate and delta-method SE to 1e-8 relative; the gradient rules
 * against closed forms.
 */
class NonlinearContrastTest {
    static Stream<Arguments> rows() {
        return ModelTestsReferenceTest.csv("nlcontrast-expected.csv").stream().map(r -> Arguments.of((Object[]) r));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("rows")
    void matchesR(String c, String model, String call, String expr, String estimate, String se) {
        SurveyContrast.Result r = SurveyContrast.withDefaults().estimate(ModelTestsReferenceTest.model(model), expr);
        double e = Double.parseDouble(estimate);
        double s = Double.parseDouble(se);
        assertEquals(e, r.getEstimate(), 1e-8 * Math.abs(e), call);
        assertEquals(s, r.getStandardError(), 1e-8 * s, call);
    }

    @Test
    void gradientRules() {
        List<String> n = List.of("a", "b");
        double[] x = {2, 3};
        // d/da, d/db of a^b = b a^(b-1), a^b log a; of -a^2 = -(a^2); of 2^-1*a
        double[] g = ContrastExpression.parse("a^b").evaluate(n, x);
        assertEquals(8, g[0], 1e-15);
        assertEquals(12, g[1], 1e-14);
        assertEquals(8 * Math.log(2), g[2], 1e-14);
        g = ContrastExpression.parse("-a^2 + 2^-1*b").evaluate(n, x);
        assertEquals(-4 + 1.5, g[0], 1e-15);
        assertEquals(-4, g[1], 1e-15);
        assertEquals(0.5, g[2], 1e-15);
        g = ContrastExpression.parse("log(a) - log(b) + sqrt(a*b) + exp(a/b)").evaluate(n, x);
        assertEquals(Math.log(2.0 / 3) + Math.sqrt(6) + Math.exp(2.0 / 3), g[0], 1e-14);
        assertEquals(0.5 + 3 / (2 * Math.sqrt(6)) + Math.exp(2.0 / 3) / 3, g[1], 1e-14);
        assertEquals(-1.0 / 3 + 2 / (2 * Math.sqrt(6)) - Math.exp(2.0 / 3) * 2 / 9, g[2], 1e-14);
        g = ContrastExpression.parse("1.5e1 * `a`").evaluate(n, x);
        assertEquals(30, g[0], 1e-15);
    }

    @Test
    void badInput() {
        SurveyGlm.Result m = ModelTestsReferenceTest.model("dclus1_qbin");
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> SurveyContrast.withDefaults().estimate(m, "stypeH/sector"));
        assertEquals("coefficient 'sector'", e.where());
        assertThrows(PrevalenceException.class, () -> SurveyContrast.withDefaults().estimate(m, "log(stypeH"));
        assertThrows(PrevalenceException.class, () -> SurveyContrast.withDefaults().estimate(m, "foo(stypeH)"));
        assertThrows(PrevalenceException.class, () -> SurveyContrast.withDefaults().estimate(m, "stypeH +* 2"));
        assertThrows(PrevalenceException.class, () -> SurveyContrast.withDefaults().estimate(m, "log(stypeH)"));
    }
}
