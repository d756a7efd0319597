package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CLI golden tests for 'prevalence regional' on a synthetic world with a known truth. */
class RegionalCommandTest {
    @TempDir
    Path dir;

    @Test
    void casePipelineJsonKeysAndTheWorldTruth() throws Exception {
        assertEquals(0, CliTest.run("datasets", "world", dir.toString(), "--seed", "7").code());
        CliTest.Run r = CliTest.run("regional", "cases", dir.resolve("cases.csv").toString(), "--population",
                dir.resolve("population.csv").toString(), "--window", "2002-01-01:2011-12-31", "--replicates", "200",
                "--format", "json", "--seed", "7");
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertEquals(6, n.get("regions").size());
        for (String k : List.of("region", "estimate", "per_1000", "se", "lower68", "upper68", "lower95", "upper95")) {
            assertTrue(n.get("world").has(k), "world." + k);
            assertTrue(n.get("regions").get(0).has(k), "regions[0]." + k);
        }
        assertTrue(n.get("strata").size() >= 6);
        // the synthetic world reproduces the ILO 2012 world figure, 20.9 million; the estimate's 95 % interval
        // is about +-2.5 %, so 8 % is a loose, always-valid bound
        double world = n.get("world").get("estimate").asDouble();
        assertTrue(Math.abs(world / 20.9e6 - 1) < 0.08, "world estimate " + world);
        assertTrue(n.get("world").get("lower95").asDouble() < world && world < n.get("world").get("upper95").asDouble());
    }

    @Test
    void casePipelineTableAndCsv() throws Exception {
        assertEquals(0, CliTest.run("datasets", "world", dir.toString(), "--seed", "3").code());
        String[] common = {"regional", "cases", dir.resolve("cases.csv").toString(), "--population",
            dir.resolve("population.csv").toString(), "--window", "2002-01-01:2011-12-31", "--replicates", "50"};
        CliTest.Run t = CliTest.run(common);
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("68% interval") && t.out().contains("95% interval"), t.out());
        assertTrue(t.out().lines().anyMatch(l -> l.startsWith("World")), t.out());
        String[] csvArgs = java.util.Arrays.copyOf(common, common.length + 2);
        csvArgs[common.length] = "--format";
        csvArgs[common.length + 1] = "csv";
        CliTest.Run c = CliTest.run(csvArgs);
        List<String> lines = c.out().lines().toList();
        assertEquals("region,estimate,per_1000,se,lower68,upper68,lower95,upper95,population,status,reason,leaves_out",
                lines.get(0));
        assertEquals(8, lines.size(), c.out()); // header, six regions, World
    }

    @Test
    void negativeVictimsExitTwoNamingTheRow() throws Exception {
        Path cases = dir.resolve("bad.csv");
        Files.writeString(cases, "case_id,team_a,team_b,country,region,form,victims,start_date,end_date\n"
                + "C1,1,0,X,Africa,state-imposed,3,2003-01-01,2004-01-01\n"
                + "C2,1,1,X,Africa,state-imposed,-2,2003-01-01,2004-01-01\n");
        Path pop = dir.resolve("pop.csv");
        Files.writeString(pop, "region,population\nAfrica,1000000\n");
        CliTest.Run r = CliTest.run("regional", "cases", cases.toString(), "--population", pop.toString(), "--window",
                "2002-01-01:2011-12-31");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().toLowerCase().contains("row 2"), r.err());
    }

    @Test
    void surveyPipelineRunsOnTheSyntheticWorldWithoutARegionsFile() throws Exception {
        assertEquals(0, CliTest.run("datasets", "world", dir.toString(), "--seed", "5").code());
        String[] args = {"regional", "surveys", dir.resolve("national.csv").toString(), "--covariates",
            dir.resolve("covariates.csv").toString(), "--draws", "200"};
        CliTest.Run t = CliTest.run(args);
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("regions ILO 2012"), t.out());
        assertTrue(t.out().lines().anyMatch(l -> l.startsWith("World")), t.out());
        String[] csvArgs = java.util.Arrays.copyOf(args, args.length + 2);
        csvArgs[args.length] = "--format";
        csvArgs[args.length + 1] = "csv";
        CliTest.Run c = CliTest.run(csvArgs);
        assertEquals(0, c.code(), c.err());
        // the world total is ~20.9 million, which Double.toString writes as 2.09...E7
        assertTrue(c.out().lines().skip(1).noneMatch(l -> l.matches(".*[0-9][eE][-+0-9].*")), c.out());
        CliTest.Run named = CliTest.run("regional", "surveys", dir.resolve("national.csv").toString(), "--regions",
                "ilo2012", "--draws", "50");
        assertEquals(0, named.code(), named.err());
    }

    @Test
    void aRegionWithoutCasesIsNotEstimatedAndTheWorldSaysItLeavesItOut() throws Exception {
        Path cases = dir.resolve("cases.csv");
        StringBuilder sb = new StringBuilder("case_id,team_a,team_b,country,region,form,victims,start_date,end_date\n");
        for (int i = 0; i < 30; i++) {
            sb.append("C").append(i).append(',').append(i % 3 == 2 ? 0 : 1).append(',').append(i % 3 == 1 ? 0 : 1)
                    .append(",X,Africa,state-imposed,2,2003-01-01,2004-01-01\n");
        }
        Files.writeString(cases, sb.toString());
        Path pop = dir.resolve("pop.csv");
        Files.writeString(pop, "region,population\nAfrica,1000000\nMiddle East,500000\n");
        String[] args = {"regional", "cases", cases.toString(), "--population", pop.toString(), "--window",
            "2002-01-01:2011-12-31", "--replicates", "50"};
        CliTest.Run t = CliTest.run(args);
        assertEquals(0, t.code(), t.err());
        // Africa: Chapman (20+1)(20+1)/(10+1) - 1 = 39.09 cases x 2 victims x 365/3652 days = 7.81 persons, a rate
        // of 0.0078 per 1,000 (shown with enough decimals, never as 0.00); the world's 1.5 M gives 0.0052
        String af = t.out().lines().filter(l -> l.startsWith("Africa")).findFirst().orElseThrow();
        assertTrue(af.contains(" 0.0078 ") && af.contains(" 8 "), af);
        assertTrue(t.out().lines().anyMatch(l -> l.startsWith("World") && l.contains(" 0.0052 ")), t.out());
        String me = t.out().lines().filter(l -> l.startsWith("Middle East")).findFirst().orElseThrow();
        assertTrue(me.contains("not estimated") && !me.contains("0 to 0"), me);
        assertTrue(t.out().lines().anyMatch(l -> l.startsWith("World leaves out: ")
                && l.contains("region 'Middle East' (no reported case in the region)")), t.out());
        String[] jsonArgs = java.util.Arrays.copyOf(args, args.length + 2);
        jsonArgs[args.length] = "--format";
        jsonArgs[args.length + 1] = "json";
        JsonNode n = new ObjectMapper().readTree(CliTest.run(jsonArgs).out());
        JsonNode mideast = null;
        for (JsonNode r : n.get("regions")) {
            if (r.get("region").asText().equals("Middle East")) {
                mideast = r;
            }
        }
        assertTrue(mideast != null && mideast.get("estimate").isNull() && mideast.get("per_1000").isNull(), n.toString());
        assertEquals("not-estimated", mideast.get("status").asText());
        assertEquals("no reported case in the region", mideast.get("reason").asText());
        assertEquals("warning", n.get("world").get("status").asText());
        assertTrue(n.get("world").get("leaves_out").toString().contains("Middle East"), n.toString());
    }
}
