package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.core.Tolerance;

/** CLI tests for 'prevalence nsum'; figures from R networkreporting 0.3.1 (estimators' nsum-expected.csv). */
class NsumCommandTest {
    @TempDir
    Path dir;

    private Path copy(String name) throws IOException {
        Path f = dir.resolve(name);
        try (InputStream in = NsumCommandTest.class.getResourceAsStream(name)) {
            Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
        }
        return f;
    }

    private CliTest.Run nsum(String... more) throws IOException {
        String[] base = {"nsum", copy("nsum_example_survey.csv").toString(), "--known",
            copy("nsum_example_knownpop.csv").toString(), "--known-columns", "known.popn,size", "--hidden", "clients",
            "--population", "10000000"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliTest.run(args);
    }

    @Test
    void weightedEstimateAndBootstrapMatchR() throws Exception {
        CliTest.Run r = nsum("--weights", "indweight", "--strata", "region", "--cluster", "cluster", "--missing",
                "as-zero", "--interval", "bootstrap", "--replicates", "500", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        // nsum.estimator(..., weights = 'indweight') = 35100.0379455; killworth.se = 1191.43537339
        Tolerance.assertRelative(35100.0379455, n.get("estimate").asDouble(), 1e-8, "estimate");
        Tolerance.assertRelative(1191.43537339, n.get("killworth_se").asDouble(), 1e-8, "Killworth SE");
        // rescaled bootstrap SE: R's mean over 5 runs of 1000 is 4091.95; 500 replicates: sd about SE/sqrt(2*499)
        assertEquals(4091.95472811, n.get("se").asDouble(), 4 * 4091.95 / Math.sqrt(2 * 499) * Math.sqrt(1.2), "se");
        assertEquals("percentile", n.get("interval").get("method").asText());
        assertTrue(n.get("interval").get("lower").asDouble() > 0);
        assertEquals(500, n.get("replicates").asInt());
    }

    @Test
    void consistencyTableMatchesR() throws Exception {
        CliTest.Run r = nsum("--equal-probability", "--missing", "as-zero", "--consistency", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        // nsum.estimator(example.survey, 'd.hat', 10e6, 'clients') = 47798.4444368
        Tolerance.assertRelative(47798.4444368, n.get("estimate").asDouble(), 1e-8, "unweighted");
        // linearization: 1e7 * SE(svyratio(~clients, ~d.hat, svydesign(ids=~1, data=s))) (estimators' nsum_lin.R)
        Tolerance.assertRelative(4493.79631339, n.get("se").asDouble(), 1e-8, "linearization se");
        assertEquals("linearization", n.get("variance").asText());
        // nsum.internal.consistency(...)$mae, $are
        Tolerance.assertRelative(23307.448044, n.get("consistency").get("mae").asDouble(), 1e-8, "mae");
        Tolerance.assertRelative(1.33417595962, n.get("consistency").get("are").asDouble(), 1e-8, "are");
        assertEquals(22, n.get("consistency").get("populations").size());
        CliTest.Run table = nsum("--equal-probability", "--missing", "as-zero", "--consistency");
        assertTrue(table.out().contains("Size of clients: 47,798.44"), table.out());
        assertTrue(table.out().contains("widower"), table.out());
    }

    @Test
    void badInputExitsTwo() throws Exception {
        CliTest.Run miss = nsum("--weights", "indweight");
        assertEquals(2, miss.code());
        assertTrue(miss.err().contains("'muslim'") && miss.err().contains("as-zero"), miss.err());
        Path k = dir.resolve("k0.csv");
        Files.writeString(k, "name,size\nwidower,36147\nteacher,0\n");
        CliTest.Run zero = CliTest.run("nsum", copy("nsum_example_survey.csv").toString(), "--known", k.toString(),
                "--hidden", "clients", "--population", "10000000", "--equal-probability");
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("'teacher' has size 0"), zero.err());
        CliTest.Run both = nsum("--weights", "indweight", "--equal-probability");
        assertEquals(2, both.code());
        CliTest.Run noN = CliTest.run("nsum", copy("nsum_example_survey.csv").toString(), "--known", k.toString(),
                "--hidden", "clients", "--equal-probability");
        assertEquals(2, noN.code());
    }

    /**
     * networkreporting's toy networks (tn4, tn3; estimators' toy-tn*.csv and nsum-toy-expected.csv, nsum_toy.R):
     * every member surveyed, the hidden members' visibility their degree d (perfect reporting). Hand-computed
     * truth and R's nsum.estimator(tn, d.hat.vals = 'd', y.vals = 'y', deg.ratio = mean(d[hidden]) / mean(d)):
     * GNSUM = 0.4 of N = 5 on tn4 and 0.2 of 5 on tn3 (the basic NSUM gives 0.5 and 0.4), exactly.
     */
    @Test
    void generalizedOnTheToyNetworksExactly() throws Exception {
        Path frame = dir.resolve("tn4.csv");
        Files.writeString(frame, "id,y,d,hidden\n1,1,3,TRUE\n2,1,3,TRUE\n3,2,2,FALSE\n4,1,2,FALSE\n5,1,2,FALSE\n");
        Path hidden = dir.resolve("tn4-hidden.csv");
        Files.writeString(hidden, "id,vis,all\n1,3,3\n2,3,3\n");
        CliTest.Run r = CliTest.run("nsum", frame.toString(), "--hidden", "y", "--equal-probability", "--population",
                "5", "--generalized", "--hidden-sample", hidden.toString(), "--visibility", "vis", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertEquals("generalized", n.get("estimator").asText());
        assertEquals(0.4 * 5, n.get("estimate").asDouble(), 1e-12, "tn4 GNSUM");
        assertEquals(6, n.get("connections").asDouble(), 1e-12, "y_FH = N_F mean(y)");
        assertEquals(3, n.get("visibility").asDouble(), 1e-12, "mean visibility");
        assertEquals(5, n.get("n").asInt());
        assertEquals(2, n.get("hidden_n").asInt());
        // the visibility by the known-population method: one probe population, the whole frame (size 5)
        Path known = dir.resolve("all.csv");
        Files.writeString(known, "name,size\nall,5\n");
        CliTest.Run p = CliTest.run("nsum", frame.toString(), "--hidden", "y", "--equal-probability", "--population",
                "5", "--generalized", "--hidden-sample", hidden.toString(), "--known", known.toString(),
                "--format", "json");
        assertEquals(0, p.code(), p.err());
        assertEquals(0.4 * 5, new ObjectMapper().readTree(p.out()).get("estimate").asDouble(), 1e-12, "probes");
        Path tn3 = dir.resolve("tn3.csv");
        Files.writeString(tn3, "id,y,d,hidden\n1,0,4,TRUE\n2,1,2,FALSE\n3,1,2,FALSE\n4,1,1,FALSE\n5,1,1,FALSE\n");
        CliTest.Run m = CliTest.run("nsum", tn3.toString(), "--hidden", "y", "--equal-probability", "--population",
                "5", "--generalized", "--mean-visibility", "4");
        assertEquals(0, m.code(), m.err());
        assertTrue(m.out().contains("Size of y: 1,"), m.out());
        assertTrue(m.out().contains("Generalized network scale-up: 5 frame respondents"), m.out());
        CliTest.Run both = CliTest.run("nsum", tn3.toString(), "--hidden", "y", "--equal-probability",
                "--population", "5", "--generalized");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("--hidden-sample"), both.err());
        CliTest.Run orphan = CliTest.run("nsum", tn3.toString(), "--hidden", "y", "--equal-probability",
                "--population", "5", "--mean-visibility", "4");
        assertEquals(2, orphan.code());
        assertTrue(orphan.err().contains("needs --generalized"), orphan.err());
        CliTest.Run boot = CliTest.run("nsum", tn3.toString(), "--hidden", "y", "--equal-probability",
                "--population", "5", "--generalized", "--mean-visibility", "4", "--interval", "bootstrap");
        assertEquals(2, boot.code());
    }
}
