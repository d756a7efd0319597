package org.prevalence.survey.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.prevalence.core.PrevalenceException;

/**
 * {@link RegressionTermTest} LRT / working Wald / anova and {@link SurveyRankTest} against R survey 4.1.1
 * ({@code model/tests2-expected.csv} from {@code make_models2_expected.R}, the R call in each row):
 * statistics to 1e-8 relative, df exactly (1e-8), p to 1e-6 relative, the design effects lambda to 1e-8.
 */
class ModelTestsReferenceTest {
    static synchronized SurveyGlm.Result model(String name) {
        switch (name) {
            case "dclus1_qbin_small":
                return SMALL.computeIfAbsent(name, k -> SurveyGlm.withDefaults().with(GlmFamily.QUASIBINOMIAL)
                        .fit(SurveyGlmReferenceTest.fit("dclus1_qbin", "dclus1").getDesign(), "sch.wide ~ ell"));
            case "dstrat_gauss_small":
                return SMALL.computeIfAbsent(name, k -> SurveyGlm.withDefaults()
                        .fit(SurveyGlmReferenceTest.fit("dstrat_gauss", "dstrat").getDesign(), "api00 ~ ell + meals"));
            case "dclus1_qpois":
                return SurveyGlmReferenceTest.fit("dclus1_qpois_offset", "dclus1");
            default:
                return SurveyGlmReferenceTest.fit(name, name.substring(0, name.indexOf('_')));
        }
    }

    private static final java.util.Map<String, SurveyGlm.Result> SMALL = new java.util.HashMap<>();

    private static TestResult compute(String c) {
        RegressionTermTest lrt = RegressionTermTest.withDefaults().with(RegressionTermTest.Method.LRT);
        RegressionTermTest wald = RegressionTermTest.withDefaults();
        switch (c) {
            case "lrt_clus_stype":
                return lrt.test(model("dclus1_qbin"), "stype");
            case "lrt_clus_ellmeals":
                return lrt.test(model("dclus1_qbin"), "ell", "meals");
            case "lrt_clus_meals":
                return lrt.test(model("dclus1_qbin"), "meals");
            case "lrt_clus_gauss_inter":
                return lrt.test(model("dclus1_gauss"), "stype:ell");
            case "lrt_clus_qpois_stype":
                return lrt.test(model("dclus1_qpois"), "stype");
            case "lrt_strat_gauss_stype":
                return lrt.test(model("dstrat_gauss"), "stype");
            case "lrt_strat_qbin_stype":
                return lrt.test(model("dstrat_qbin"), "stype");
            case "lrt_strat_gauss_chisq":
                return lrt.withChisq(true).test(model("dstrat_gauss"), "stype", "mobility");
            case "ww_clus_stype":
                return lrt.with(RegressionTermTest.Method.WORKING_WALD).test(model("dclus1_qbin"), "stype");
            case "anova_clus_lrt":
                return lrt.anova(model("dclus1_qbin_small"), model("dclus1_qbin"));
            case "anova_clus_wald":
                return wald.anova(model("dclus1_qbin_small"), model("dclus1_qbin"));
            case "anova_clus_lrt_chisq":
                return lrt.withChisq(true).anova(model("dclus1_qbin"), model("dclus1_qbin_small"));
            case "anova_clus_wald_chisq":
                return wald.withChisq(true).anova(model("dclus1_qbin_small"), model("dclus1_qbin"));
            case "anova_strat_lrt":
                return lrt.anova(model("dstrat_gauss_small"), model("dstrat_gauss"));
            case "anova_strat_wald":
                return wald.anova(model("dstrat_gauss_small"), model("dstrat_gauss"));
            case "rank_clus_wilcoxon":
                return SurveyRankTest.withDefaults().test(ModelFixtures.dclus1(), "ell ~ comp.imp");
            case "rank_strat_wilcoxon":
                return SurveyRankTest.withDefaults().test(ModelFixtures.dstrat(), "ell ~ comp.imp");
            case "rank_strat_api_wilcoxon":
                return SurveyRankTest.withDefaults().test(ModelFixtures.dstrat(), "api00 ~ sch.wide");
            case "rank_clus_vdw":
                return SurveyRankTest.withDefaults().with(SurveyRankTest.Score.VAN_DER_WAERDEN)
                        .test(ModelFixtures.dclus1(), "ell ~ comp.imp");
            case "rank_clus_median":
                return SurveyRankTest.withDefaults().with(SurveyRankTest.Score.MEDIAN)
                        .test(ModelFixtures.dclus1(), "ell ~ comp.imp");
            case "rank_clus_kw":
                return SurveyRankTest.withDefaults().test(ModelFixtures.dclus1(), "ell ~ stype");
            case "rank_strat_kw":
                return SurveyRankTest.withDefaults().with(SurveyRankTest.Score.KRUSKAL_WALLIS)
                        .test(ModelFixtures.dstrat(), "ell ~ stype");
            default:
                throw new IllegalArgumentException(c);
        }
    }

    /** Rows of a CSV written by R's write.csv (every field quoted or a bare number). */
    static List<String[]> csv(String resource) {
        try (InputStream in = ModelTestsReferenceTest.class.getResourceAsStream(resource)) {
            List<String[]> out = new ArrayList<>();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (String l : lines.subList(1, lines.size())) {
                List<String> f = new ArrayList<>();
                int i = 0;
                while (i < l.length()) {
                    if (l.charAt(i) == '"') {
                        int e = l.indexOf('"', i + 1);
                        f.add(l.substring(i + 1, e));
                        i = e + 2;
                    } else {
                        int e = l.indexOf(',', i);
                        e = e < 0 ? l.length() : e;
                        f.add(l.substring(i, e));
                        i = e + 1;
                    }
                }
                out.add(f.toArray(new String[0]));
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static double num(String s) {
        return s.equals("NA") ? Double.NaN : s.equals("Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(s);
    }

    static Stream<Arguments> rows() {
        return csv("tests2-expected.csv").stream().map(r -> Arguments.of((Object[]) r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void matchesR(String c, String call, String test, String statistic, String df1, String df2, String p, String method) {
        TestResult r = compute(c);
        assertEquals(test, r.getTest(), call);
        assertEquals(num(statistic), r.getStatistic(), 1e-8 * Math.abs(num(statistic)), call);
        if (df1.equals("NA")) {
            assertTrue(Double.isNaN(r.getDf1()), call);
        } else {
            assertEquals(num(df1), r.getDf1(), 1e-8 * num(df1), call);
        }
        if (df2.equals("Inf")) { // the chi-squared scale: no df2
            assertTrue(Double.isNaN(r.getDf2()), call);
        } else {
            assertEquals(num(df2), r.getDf2(), 1e-8 * num(df2), call);
        }
        assertEquals(num(p), r.getPValue(), 1e-6 * num(p), call);
        if (method.startsWith("lambda ")) {
            String[] l = method.substring(7).split(";");
            double[] want = new double[l.length];
            for (int k = 0; k < l.length; k++) {
                want[k] = Double.parseDouble(l[k]);
            }
            double[] got = r.getLambda();
            assertEquals(want.length, got.length, call);
            for (int k = 0; k < want.length; k++) {
                assertEquals(want[k], got[k], 1e-8 * want[k], call);
            }
        } else if (method.contains(" estimate ")) {
            assertTrue(method.startsWith(r.getMethod()), call + ": " + r.getMethod());
            double est = Double.parseDouble(method.substring(method.indexOf(" estimate ") + 10));
            assertEquals(est, r.getEstimate(), 1e-8 * Math.abs(est), call);
        } else if (c.startsWith("rank")) {
            assertEquals(method, r.getMethod(), call);
        }
    }

    @Test
    void badInput() {
        SurveyGlm.Result m = model("dclus1_qbin");
        RegressionTermTest lrt = RegressionTermTest.withDefaults().with(RegressionTermTest.Method.LRT);
        assertEquals("term 'sector'", assertThrows(PrevalenceException.class, () -> lrt.test(m, "sector")).where());
        // not nested: ell + meals + stype vs api00 ~ ell + meals + mobility + stype on another design
        assertThrows(PrevalenceException.class, () -> lrt.anova(m, model("dstrat_gauss")));
        assertThrows(PrevalenceException.class, () -> lrt.anova(m, m));
        SurveyGlm.Result other = SurveyGlm.withDefaults().with(GlmFamily.QUASIBINOMIAL).fit(m.getDesign(),
                "sch.wide ~ mobility");
        assertThrows(PrevalenceException.class, () -> lrt.anova(m, other));
        assertThrows(PrevalenceException.class, () -> SurveyRankTest.withDefaults().test(ModelFixtures.dclus1(), "ell ~ nope"));
        assertThrows(PrevalenceException.class, () -> SurveyRankTest.withDefaults().test(ModelFixtures.dclus1(), "stype ~ ell"));
        assertThrows(PrevalenceException.class, () -> SurveyRankTest.withDefaults().test(ModelFixtures.dclus1(), "ell ~ sch.wide + stype"));
        assertArrayEquals(new double[0], RegressionTermTest.withDefaults().test(m, "stype").getLambda());
    }
}
