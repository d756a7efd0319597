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
}
