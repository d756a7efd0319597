package org.prevalence.survey.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.prevalence.core.PrevalenceException;

/**
 * {@link SurveyContrast} against R survey 4.1.1 {@code svycontrast} on svyglm fits
 * ({@code model/contrast-expected.csv} from {@code make_glm_expected.R}): estimate and SE to 1e-8 relative.
 */
class SurveyContrastTest {
    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "contrast-expected.csv", numLinesToSkip = 1)
    void matchesR(String c, String model, String call, String weights, double estimate, double se) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (String kv : weights.split(";")) {
            int eq = kv.lastIndexOf('=');
            w.put(kv.substring(0, eq), Double.parseDouble(kv.substring(eq + 1)));
        }
        String design = model.startsWith("dclus1") ? "dclus1" : "dstrat";
        SurveyContrast.Result r = SurveyContrast.withDefaults().estimate(SurveyGlmReferenceTest.fit(model, design), w);
        assertEquals(estimate, r.getEstimate(), 1e-8 * Math.abs(estimate), call);
        assertEquals(se, r.getStandardError(), 1e-8 * se, call);
    }

    @Test
    void unknownCoefficientIsNamed() {
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> SurveyContrast.withDefaults()
                .estimate(SurveyGlmReferenceTest.fit("dclus1_qbin", "dclus1"), Map.of("stypeX", 1.0)));
        assertEquals("coefficient 'stypeX'", e.where());
    }
}
