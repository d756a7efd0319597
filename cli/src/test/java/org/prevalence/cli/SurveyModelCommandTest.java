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
 * CLI tests of {@code prevalence survey --glm / --chisq / --ttest}; figures from R survey 4.1.1
 * (estimators/src/test/resources/org/prevalence/survey/model/glm-expected.csv and tests-expected.csv,
 * made by make_glm_expected.R there).
 */
class SurveyModelCommandTest {
    private static final String[] DCLUS1 = {"--cluster", "dnum", "--weights", "pw", "--fpc", "fpc"};

    private static String[] args(String[] design, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("survey", "--dataset", "apiclus1"));
        a.addAll(List.of(design));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void glmJsonHasTidyTermsAndMatchesR() throws Exception {
        // glm-expected.csv dclus1_qbin: svyglm(sch.wide ~ ell + meals + stype, dclus1, quasibinomial())
        CliTest.Run r = CliTest.run(args(DCLUS1, "--glm", "sch.wide ~ ell + meals + stype", "--family", "binomial",
                "--test-terms", "stype", "--contrast", "stypeH=1,stypeM=-1", "--format", "json"));
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        JsonNode terms = n.get("terms");
        assertEquals(5, terms.size());
        for (String k : List.of("term", "estimate", "se", "statistic", "df", "p", "lower", "upper")) {
            assertTrue(terms.get(0).has(k), "terms[0]." + k);
        }
        JsonNode ell = terms.get(1);
        assertEquals("ell", ell.get("term").asText());
        Tolerance.assertRelative(0.0381668993702522, ell.get("estimate").asDouble(), 1e-8, "ell");
        Tolerance.assertRelative(0.0120221601528427, ell.get("se").asDouble(), 1e-8, "ell se");
        assertEquals(10, ell.get("df").asInt());
        JsonNode t = n.get("tests").get(0);
        for (String k : List.of("test", "statistic", "df1", "df2", "p", "method")) {
            assertTrue(t.has(k), "tests[0]." + k);
        }
        // tests-expected.csv rtt_wald_stype: regTermTest(dclus1_qbin, ~stype)
        Tolerance.assertRelative(4.41315023478151, t.get("statistic").asDouble(), 1e-8, "F");
        assertEquals(2, t.get("df1").asInt());
        assertEquals(10, t.get("df2").asInt());
        // contrast-expected.csv contr_HminusM: svycontrast(dclus1_qbin, c(stypeH=1, stypeM=-1))
        JsonNode c = n.get("contrasts").get(0);
        Tolerance.assertRelative(0.701405585285852, c.get("estimate").asDouble(), 1e-8, "contrast");
        Tolerance.assertRelative(0.626272818855146, c.get("se").asDouble(), 1e-8, "contrast se");
    }

    @Test
    void chisqAndTtestFromAFileReadByColumn(@TempDir Path dir) throws Exception {
        CliTest.Run csv = CliTest.run("datasets", "show", "apiclus1", "--format", "csv");
        assertEquals(0, csv.code(), csv.err());
        Path f = dir.resolve("apiclus1.csv");
        Files.writeString(f, csv.out(), StandardCharsets.UTF_8);
        CliTest.Run r = CliTest.run("survey", f.toString(), "--cluster", "dnum", "--weights", "pw", "--fpc", "fpc",
                "--chisq", "sch.wide,stype", "--ttest", "api00~sch.wide", "--glm", "api00 ~ ell + meals + stype + ell:stype",
                "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        JsonNode chi = n.get("tests").get(0);
        // tests-expected.csv chisq_F: svychisq(~sch.wide+stype, dclus1)
        Tolerance.assertRelative(5.19336954147488, chi.get("statistic").asDouble(), 1e-8, "F");
        Tolerance.assertRelative(1.49463977770746, chi.get("df1").asDouble(), 1e-8, "df1");
        Tolerance.assertRelative(0.0217474623707969, chi.get("p").asDouble(), 1e-6, "p");
        JsonNode tt = n.get("tests").get(1);
        Tolerance.assertRelative(2.10898984779292, tt.get("statistic").asDouble(), 1e-8, "t");
        assertTrue(tt.get("df1").isNull());
        assertEquals(13, tt.get("df2").asInt());
        // glm-expected.csv dclus1_gauss, ell:stypeH
        JsonNode inter = n.get("terms").get(5);
        assertEquals("ell:stypeH", inter.get("term").asText());
        Tolerance.assertRelative(-1.61442765810698, inter.get("estimate").asDouble(), 1e-8, "ell:stypeH");
        Tolerance.assertRelative(1.25561442930417, inter.get("se").asDouble(), 1e-8, "ell:stypeH se");
    }

    @Test
    void tableAndCsvFormats() {
        CliTest.Run r = CliTest.run(args(DCLUS1, "--glm", "sch.wide ~ ell + meals", "--family", "quasibinomial",
                "--link", "probit"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("quasibinomial(probit)") && r.out().contains("meals"), r.out());
        CliTest.Run c = CliTest.run(args(DCLUS1, "--chisq", "sch.wide,stype", "--chisq-statistic", "adj-wald",
                "--format", "csv"));
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().startsWith("kind,term,estimate"), c.out());
        assertTrue(c.out().contains("adjWald"), c.out());
    }

    @Test
    void badInputExitsWith2() {
        String[][] bad = {
            args(DCLUS1, "--glm", "api00 ~ ell + sector"),                       // unknown column
            args(DCLUS1, "--glm", "api00 ~ ell +"),                              // syntax
            args(DCLUS1, "--glm", "api00 ~ ell", "--family", "binomial"),        // response not in [0, 1]
            args(DCLUS1, "--glm", "api00 ~ ell", "--family", "negbin"),          // unknown family
            args(DCLUS1, "--glm", "api00 ~ ell", "--test-terms", "meals"),       // term not in the model
            args(DCLUS1, "--family", "binomial", "--mean", "api00"),             // --family without --glm
            args(DCLUS1, "--chisq", "sch.wide"),                                 // one column
            args(DCLUS1, "--ttest", "api00~stype"),                              // three groups
            args(DCLUS1, "--glm", "api00 ~ ell", "--contrast", "meals=1"),       // unknown coefficient
            args(DCLUS1, "--glm", "api00 ~ ell", "--contrast", "ell=x"),         // weight not a number
        };
        for (String[] a : bad) {
            CliTest.Run r = CliTest.run(a);
            assertEquals(2, r.code(), String.join(" ", a) + "\n" + r.out() + r.err());
            assertTrue(r.err().length() > 0, String.join(" ", a));
        }
    }
}
