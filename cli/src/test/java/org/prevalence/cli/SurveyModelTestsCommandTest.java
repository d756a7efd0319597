package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.core.Tolerance;

/**
 * CLI tests of {@code prevalence survey --test-method lrt / --anova / --contrast EXPR / --predict /
 * --predmeans / --ranktest}; figures from R survey 4.1.1 (estimators/src/test/resources/org/prevalence/
 * survey/model/tests2-expected.csv, nlcontrast-expected.csv, predict-expected.csv,
 * predmeans-expected.csv, made by make_models2_expected.R there).
 */
class SurveyModelTestsCommandTest {
    private static final String[] DCLUS1 = {"--cluster", "dnum", "--weights", "pw", "--fpc", "fpc"};

    private static String[] args(String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("survey", "--dataset", "apiclus1"));
        a.addAll(List.of(DCLUS1));
        a.addAll(List.of(more));
        a.addAll(List.of("--format", "json"));
        return a.toArray(new String[0]);
    }

    private static JsonNode json(String... more) throws Exception {
        CliTest.Run r = CliTest.run(args(more));
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void lrtAnovaAndNonlinearContrast() throws Exception {
        JsonNode n = json("--glm", "sch.wide ~ ell + meals + stype", "--family", "quasibinomial", "--test-terms", "stype",
                "--test-method", "lrt", "--anova", "sch.wide ~ ell", "--contrast", "stypeH/stypeM");
        // lrt_clus_stype: regTermTest(dclus1_qbin, ~stype, method='LRT')
        JsonNode t = n.get("tests").get(0);
        assertEquals("LRT", t.get("test").asText());
        Tolerance.assertRelative(9.7427208380048, t.get("statistic").asDouble(), 1e-8, "LRT");
        assertEquals(2, t.get("df1").asInt());
        assertEquals(10, t.get("df2").asInt());
        Tolerance.assertRelative(0.0239504063402325, t.get("p").asDouble(), 1e-6, "p");
        Tolerance.assertRelative(1.164118730036437, t.get("lambda").get(0).asDouble(), 1e-8, "lambda1");
        // anova_clus_lrt: anova(dclus1_qbin_small, dclus1_qbin)
        JsonNode a = n.get("tests").get(1);
        Tolerance.assertRelative(12.6363809322158, a.get("statistic").asDouble(), 1e-8, "anova");
        assertEquals(3, a.get("df1").asInt());
        Tolerance.assertRelative(0.0214288043161496, a.get("p").asDouble(), 1e-6, "anova p");
        // nl_ratio: svycontrast(dclus1_qbin, quote(stypeH/stypeM))
        JsonNode c = n.get("contrasts").get(0);
        Tolerance.assertRelative(0.596508909015675, c.get("estimate").asDouble(), 1e-8, "ratio");
        Tolerance.assertRelative(0.306371866485953, c.get("se").asDouble(), 1e-8, "ratio se");
        JsonNode w = json("--glm", "sch.wide ~ ell + meals + stype", "--family", "quasibinomial", "--anova",
                "sch.wide ~ ell", "--test-scale", "chisq").get("tests").get(0);
        // anova_clus_wald_chisq: anova(dclus1_qbin_small, dclus1_qbin, method='Wald', test='Chisq')
        Tolerance.assertRelative(20.5113382681992, w.get("statistic").asDouble(), 1e-8, "wald chisq");
        assertTrue(w.get("df2").isNull());
        Tolerance.assertRelative(0.000132972605094155, w.get("p").asDouble(), 1e-6, "wald chisq p");
    }

    @Test
    void predictionsMarginsAndRankTest(@TempDir Path dir) throws Exception {
        Path nd = dir.resolve("new.csv");
        Files.writeString(nd, "stype,ell,meals\nH,22,19\nE,23,39\n", StandardCharsets.UTF_8);
        JsonNode n = json("--glm", "sch.wide ~ ell + meals + stype", "--family", "quasibinomial", "--predict",
                nd.toString(), "--predict-type", "response");
        JsonNode p = n.get("predictions");
        assertEquals(2, p.size());
        // pred_clus_qbin response rows 1, 2: predict(dclus1_qbin, newdata=apiclus1[1:12,], type='response')
        Tolerance.assertRelative(0.888130802330543, p.get(0).get("estimate").asDouble(), 1e-8, "mu1");
        Tolerance.assertRelative(0.0528736560250066, p.get(0).get("se").asDouble(), 1e-8, "se1");
        Tolerance.assertRelative(0.933381079045552, p.get(1).get("estimate").asDouble(), 1e-8, "mu2");
        Tolerance.assertRelative(0.0160400375985989, p.get(1).get("se").asDouble(), 1e-8, "se2");
        assertEquals("response", p.get(0).get("type").asText());
        // pm_clus_gauss: svypredmeans(svyglm(api00 ~ ell + mobility, dclus1), ~stype)
        JsonNode m = json("--glm", "api00 ~ ell + mobility", "--predmeans", "stype").get("margins");
        assertEquals("H", m.get(0).get("group").asText());
        Tolerance.assertRelative(576.645805396373, m.get(0).get("estimate").asDouble(), 1e-8, "H");
        Tolerance.assertRelative(25.9554694374863, m.get(0).get("se").asDouble(), 1e-8, "H se");
        // rank_clus_wilcoxon: svyranktest(ell ~ comp.imp, dclus1)
        JsonNode r = json("--ranktest", "ell~comp.imp").get("tests").get(0);
        assertEquals("t", r.get("test").asText());
        Tolerance.assertRelative(2.13672375802069, r.get("statistic").asDouble(), 1e-8, "rank t");
        assertEquals(13, r.get("df2").asInt());
        Tolerance.assertRelative(0.0522058126264341, r.get("p").asDouble(), 1e-6, "rank p");
        // rank_clus_kw: svyranktest(ell ~ stype, dclus1)
        JsonNode k = json("--ranktest", "ell ~ stype").get("tests").get(0);
        Tolerance.assertRelative(18.3103107654653, k.get("statistic").asDouble(), 1e-8, "kw");
        Tolerance.assertRelative(0.00385074838142106, k.get("p").asDouble(), 1e-6, "kw p");
    }

    @Test
    void badOptionsExitTwo() {
        for (String[] a : List.of(
                args("--glm", "api00 ~ ell", "--test-terms", "ell", "--test-method", "bogus"),
                args("--predmeans", "stype", "--ttest", "api00~sch.wide"),
                args("--ranktest", "ell~comp.imp", "--rank-score", "nope"),
                args("--ttest", "api00~sch.wide", "--rank-score", "median"),
                args("--glm", "api00 ~ ell", "--test-method", "lrt"),
                args("--glm", "api00 ~ ell", "--contrast", "log(ell"),
                args("--glm", "api00 ~ ell", "--contrast", "ell/nope"),
                args("--glm", "api00 ~ ell", "--anova", "api00 ~ meals"),
                args("--glm", "api00 ~ ell", "--predict", "/nonexistent/new.csv"),
                args("--ranktest", "ell~nope"))) {
            CliTest.Run r = CliTest.run(a);
            assertEquals(2, r.code(), String.join(" ", a) + "\n" + r.out() + r.err());
        }
    }
}
