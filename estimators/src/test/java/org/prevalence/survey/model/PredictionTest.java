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
import org.prevalence.survey.SurveyDesign;
import tech.tablesaw.api.Table;

/**
 * {@link SurveyPrediction} and {@link SurveyPredictiveMargins} against R survey 4.1.1
 * {@code predict.svyglm} ({@code model/predict-expected.csv}: the first 12 rows of apiclus1 and
 * apistrat as newdata) and {@code svypredmeans} ({@code model/predmeans-expected.csv}), both from
 * {@code make_models2_expected.R}: estimates and SEs to 1e-8 relative, groups in R's order.
 */
class PredictionTest {
    private static SurveyDesign firstRows(String file) {
        Table t = ModelFixtures.table(file);
        return SurveyDesign.builder(t.inRange(0, 12)).equalProbability().build();
    }

    static Stream<Arguments> predictions() {
        return ModelTestsReferenceTest.csv("predict-expected.csv").stream().map(r -> Arguments.of((Object[]) r));
    }

    @ParameterizedTest(name = "{0} {3} row {4}")
    @MethodSource("predictions")
    void predictMatchesR(String c, String model, String newdata, String type, String row, String call, String estimate,
                         String se) {
        SurveyDesign nd = firstRows(newdata.startsWith("apiclus1") ? "apiclus1.csv" : "apistrat.csv");
        SurveyPrediction.Result r = SurveyPrediction.withDefaults().with(SurveyPrediction.Type.parse(type))
                .predict(ModelTestsReferenceTest.model(model), nd);
        int i = Integer.parseInt(row) - 1;
        double e = Double.parseDouble(estimate);
        double s = Double.parseDouble(se);
        assertEquals(12, r.size());
        assertEquals(e, r.getEstimates()[i], 1e-8 * Math.abs(e), call);
        assertEquals(s, r.getStandardErrors()[i], 1e-8 * s, call);
    }

    static Stream<Arguments> margins() {
        return ModelTestsReferenceTest.csv("predmeans-expected.csv").stream().map(r -> Arguments.of((Object[]) r));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("margins")
    void marginsMatchR(String c, String call, String group, String estimate, String se) {
        SurveyGlm.Result m;
        String by;
        switch (c) {
            case "pm_clus_gauss":
                m = SurveyGlm.withDefaults().fit(ModelFixtures.dclus1(), "api00 ~ ell + mobility");
                by = "stype";
                break;
            case "pm_clus_qbin":
                m = SurveyGlm.withDefaults().with(GlmFamily.QUASIBINOMIAL).fit(ModelFixtures.dclus1(), "sch.wide ~ ell + meals");
                by = "stype";
                break;
            default:
                m = SurveyGlm.withDefaults().with(GlmFamily.QUASIBINOMIAL).fit(ModelFixtures.dstrat(), "sch.wide ~ ell + meals");
                by = "comp.imp";
        }
        SurveyPredictiveMargins.Result r = SurveyPredictiveMargins.withDefaults().estimate(m, by);
        int g = r.getGroups().indexOf(group);
        double e = Double.parseDouble(estimate);
        double s = Double.parseDouble(se);
        assertEquals(e, r.getEstimates()[g], 1e-8 * Math.abs(e), call);
        assertEquals(s, r.getStandardErrors()[g], 1e-8 * s, call);
        if (by.equals("stype")) {
            assertEquals(List.of("H", "E", "M"), r.getGroups()); // R: order of first appearance
        }
    }

    @Test
    void badInput() {
        SurveyGlm.Result m = ModelTestsReferenceTest.model("dclus1_qbin");
        Table t = ModelFixtures.table("apiclus1.csv").inRange(0, 5).copy();
        t.removeColumns("meals");
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> SurveyPrediction.withDefaults()
                .predict(m, SurveyDesign.builder(t).equalProbability().build()));
        assertEquals("column 'meals'", e.where());
        Table u = ModelFixtures.table("apiclus1.csv").inRange(0, 5).copy();
        u.stringColumn("stype").set(2, "X");
        e = assertThrows(PrevalenceException.class, () -> SurveyPrediction.withDefaults()
                .predict(m, SurveyDesign.builder(u).equalProbability().build()));
        assertEquals("row 3, column 'stype'", e.where());
        assertThrows(PrevalenceException.class, () -> SurveyPredictiveMargins.withDefaults().estimate(m, "stype"));
        assertThrows(PrevalenceException.class, () -> SurveyPredictiveMargins.withDefaults().estimate(m, "ell"));
        assertThrows(PrevalenceException.class, () -> SurveyPredictiveMargins.withDefaults().estimate(m, "nope"));
    }
}
