package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prevalence.core.Tolerance;

/** CLI golden tests for 'prevalence survey'; figures from R survey 4.1-1 (shared/refdata/survey/expected.csv). */
class SurveyCommandTest {
    @Test
    void domainMeansJsonMatchR() throws Exception {
        // expected.csv dsrs_by_stype_mean_api00: svyby(~api00, ~stype, dsrs, svymean, deff=TRUE)
        CliTest.Run r = CliTest.run("survey", "--dataset", "apisrs", "--weights", "pw", "--fpc", "fpc", "--mean",
                "api00", "--by", "stype", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        for (String k : List.of("rows", "strata", "psus", "weights_sum")) {
            assertTrue(n.get("design").has(k), "design." + k);
        }
        JsonNode e = n.get("estimates");
        assertEquals(3, e.size());
        for (String k : List.of("statistic", "variable", "domain", "estimate", "se", "lower", "upper", "level", "deff",
                "n", "df")) {
            assertTrue(e.get(0).has(k), "estimates[0]." + k);
        }
        assertEquals("E", e.get(0).get("domain").get("stype").asText());
        Tolerance.assertRelative(666.1408451, e.get(0).get("estimate").asDouble(), 1e-8, "E mean");
        Tolerance.assertRelative(11.1935234, e.get(0).get("se").asDouble(), 1e-8, "E se");
        Tolerance.assertRelative(0.9979474839, e.get(0).get("deff").asDouble(), 1e-8, "E deff");
        Tolerance.assertRelative(605.36, e.get(1).get("estimate").asDouble(), 1e-8, "H mean");
    }

    @Test
    void proportionLogitTableNamesTheInterval() {
        // expected.csv dclus1_ciprop_schwide_logit_95: 0.8743169399 (0.8237988924, 0.911900077)
        CliTest.Run r = CliTest.run("survey", "--dataset", "apiclus1", "--cluster", "dnum", "--weights", "pw", "--fpc",
                "fpc", "--proportion", "sch.wide=Yes", "--ci", "logit");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("0.8743169"), r.out());
        assertTrue(r.out().contains("0.8237989"), r.out());
        assertTrue(r.out().contains("logit"), r.out());
    }

    @Test
    void varianceOptionCarriesFaysRho() throws Exception {
        // --variance fay is rho 0.5 (R as.svrepdesign's default fay.rho); fay:RHO passes RHO to the library.
        // A ratio, because Fay's variance of a linear statistic does not depend on rho: 0.0075285 at rho 0.5
        // and 0.0075307 at 0.3, so the check asks for a relative difference above 1e-5.
        double fay = seOf("fay");
        Tolerance.assertRelative(fay, seOf("fay:0.5"), 0, "fay = fay:0.5");
        double rho3 = seOf("FAY:0.3");
        assertTrue(Math.abs(rho3 - fay) > 1e-5 * fay, "rho 0.3 and 0.5 give the same SE: " + rho3);
        CliTest.Run bad = CliTest.run("survey", "--dataset", "apistrat", "--strata", "stype", "--weights", "pw",
                "--mean", "api00", "--variance", "fay:1.5");
        assertEquals(2, bad.code(), bad.out());
        assertTrue(bad.err().contains("rho"), bad.err());
    }

    private static double seOf(String variance) throws Exception {
        CliTest.Run r = CliTest.run("survey", "--dataset", "apistrat", "--strata", "stype", "--weights", "pw",
                "--ratio", "api.stu/enroll", "--variance", variance, "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertEquals(variance.toLowerCase(java.util.Locale.ROOT).equals("fay") ? "fay:0.5"
                : variance.toLowerCase(java.util.Locale.ROOT), n.get("variance").asText());
        return n.get("estimates").get(0).get("se").asDouble();
    }

    @Test
    void csvIsTidy() {
        CliTest.Run r = CliTest.run("survey", "--dataset", "apistrat", "--strata", "stype", "--weights", "pw", "--fpc",
                "fpc", "--total", "enroll", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("statistic,variable,domain,estimate,se,lower,upper,level,deff,n,df,variance", lines.get(0));
        assertEquals(2, lines.size());
    }

    @Test
    void missingWeightsChoiceIsAnErrorWithExitTwo() {
        CliTest.Run r = CliTest.run("survey", "--dataset", "apistrat", "--mean", "api00");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--weights"), r.err());
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void tinyAndHugeFiguresAreNeverInENotationAndOneStratumIsSingular() throws Exception {
        // y is 1e-5 x (1..6): mean 3.5e-5 (Double.toString: 3.5E-5); weights 1e7 (sum 6e7, toString 6.0E7)
        StringBuilder sb = new StringBuilder("psu,w,y\n");
        for (int i = 1; i <= 6; i++) {
            sb.append(i).append(",10000000,").append(i).append("e-5\n");
        }
        java.nio.file.Path f = dir.resolve("tiny.csv");
        java.nio.file.Files.writeString(f, sb.toString());
        for (String format : List.of("table", "csv", "json")) {
            CliTest.Run r = CliTest.run("survey", f.toString(), "--cluster", "psu", "--weights", "w", "--mean", "y",
                    "--format", format);
            assertEquals(0, r.code(), r.err());
            assertTrue(!java.util.regex.Pattern.compile("[0-9][eE][-+]?[0-9]").matcher(r.out()).find(),
                    format + ": " + r.out());
            if (format.equals("table")) {
                assertTrue(r.out().contains("6 rows, 1 stratum, 6 PSUs"), r.out());
            }
            if (format.equals("json")) {
                JsonNode n = new ObjectMapper().readTree(r.out());
                // the mean of 1e-5 x (1..6) with equal weights is 3.5e-5 (closed form)
                Tolerance.assertRelative(3.5e-5, n.get("estimates").get(0).get("estimate").asDouble(), 1e-12, "mean");
                Tolerance.assertRelative(6e7, n.get("design").get("weights_sum").asDouble(), 1e-15, "weights sum");
            }
        }
    }
}
