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
}
