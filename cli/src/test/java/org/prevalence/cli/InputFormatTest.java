package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.core.Tolerance;

/**
 * Input formats that must be read: columns whose names differ only in case, declared
 * missing-value tokens with R's na.rm, decimal commas with a named delimiter, tab-separated files.
 * Expected figures are closed forms of the design-weighted mean, sum(w y) / sum(w) (R svymean).
 */
class InputFormatTest {
    @TempDir
    Path dir;

    // strata E (N = 30 PSUs, 3 sampled, weight 10) and H (N = 60, 3 sampled, weight 20)
    static final String SAMPLE = "stype,pw,N_psu,n_psu,y\nE,10,30,3,1\nE,10,30,3,2\nE,10,30,3,3\n"
            + "H,20,60,3,4\nH,20,60,3,5\nH,20,60,3,6\n";

    double mean(String file, String... extra) throws Exception {
        String[] base = {"survey", dir.resolve(file).toString(), "--strata", "stype", "--weights", "pw", "--fpc",
            "N_psu", "--format", "json"};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliTest.Run r = CliTest.run(args);
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out()).get("estimates").get(0).get("estimate").asDouble();
    }

    @Test
    void columnsDifferingOnlyInCaseAreDistinct() throws Exception {
        Files.writeString(dir.resolve("s.csv"), SAMPLE);
        // n_psu is 3 everywhere; N_psu: (10*3*30 + 20*3*60) / 90 = 50
        Tolerance.assertRelative(3.0, mean("s.csv", "--mean", "n_psu"), 1e-12, "mean of n_psu");
        Tolerance.assertRelative(50.0, mean("s.csv", "--mean", "N_psu"), 1e-12, "mean of N_psu");
        // y: (10*(1+2+3) + 20*(4+5+6)) / 90 = 360/90 = 4
        Tolerance.assertRelative(4.0, mean("s.csv", "--mean", "y"), 1e-12, "mean of y");
    }

    @Test
    void countColumnsDifferingOnlyInCaseAreDistinct() throws Exception {
        Files.writeString(dir.resolve("l.csv"), "A,B,Count,count\n1,0,5,30\n0,1,5,20\n1,1,5,10\n");
        for (String[] c : new String[][] {{"count", "120", "60"}, {"Count", "20", "15"}}) {
            CliTest.Run r = CliTest.run("mse", dir.resolve("l.csv").toString(), "--lists", "A,B", "--count", c[0],
                    "--method", "lincoln-petersen", "--format", "json");
            assertEquals(0, r.code(), r.err());
            JsonNode n = new ObjectMapper().readTree(r.out());
            assertEquals(Long.parseLong(c[2]), n.get("observed").asLong(), c[0]);
            // Lincoln-Petersen n1 n2 / m: with 'count' 40 * 30 / 10 = 120; with 'Count' 10 * 10 / 5 = 20
            Tolerance.assertRelative(Double.parseDouble(c[1]), n.get("estimate").asDouble(), 1e-9, c[0]);
        }
    }

    @Test
    void declaredMissingTokensFollowNaRm() throws Exception {
        Files.writeString(dir.resolve("s.csv"), SAMPLE.replace("H,20,60,3,6", "H,20,60,3,n/a"));
        // R svymean(~y, d, na.rm=TRUE): (10*6 + 20*9) / 70 = 240/70
        Tolerance.assertRelative(240.0 / 70.0, mean("s.csv", "--mean", "y", "--na", "n/a", "--drop-missing"),
                1e-12, "na.rm mean");
        CliTest.Run t = CliTest.run("survey", dir.resolve("s.csv").toString(), "--strata", "stype", "--weights", "pw",
                "--fpc", "N_psu", "--mean", "y", "--na", "NA,n/a", "--drop-missing");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("1 row dropped for missing values"), t.out());
    }

    @Test
    void decimalCommaAndSemicolons() throws Exception {
        Files.writeString(dir.resolve("eu.csv"), "stype;pw;N_psu;y\nE;10;30;1,5\nE;10;30;2,5\nE;10;30;3\n"
                + "H;20;60;4\nH;20;60;5\nH;20;60;6,25\n");
        // (10*(1.5+2.5+3) + 20*(4+5+6.25)) / 90 = (70 + 305) / 90
        Tolerance.assertRelative(375.0 / 90.0, mean("eu.csv", "--mean", "y", "--decimal", ",", "--delimiter", ";"),
                1e-12, "decimal-comma mean");
    }

    @Test
    void tabSeparated() throws Exception {
        Files.writeString(dir.resolve("s.tsv"), SAMPLE.replace(',', '\t'));
        Tolerance.assertRelative(4.0, mean("s.tsv", "--mean", "y", "--delimiter", "tab"), 1e-12, "tab mean");
    }
}
