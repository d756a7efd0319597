package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.core.Tolerance;

/**
 * {@code prevalence survey --imputations smi1.csv,...,smi5.csv} against mitools 2.4 MIcombine (rows of
 * estimators/src/test/resources/org/prevalence/survey/mi/mi-expected.csv, made by make_mi_expected.R there).
 */
class SurveyImputationsCommandTest {
    private static String files(Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        for (int l = 1; l <= 5; l++) {
            Path f = dir.resolve("smi" + l + ".csv");
            try (InputStream in = SurveyImputationsCommandTest.class.getResourceAsStream("mi/smi" + l + ".csv")) {
                Files.copy(in, f);
            }
            out.add(f.toString());
        }
        return String.join(",", out);
    }

    @Test
    void meanAndGlmMatchMIcombine(@TempDir Path dir) throws Exception {
        String imps = files(dir);
        CliTest.Run r = CliTest.run("survey", "--imputations", imps, "--cluster", "id", "--weights", "w", "--mean", "cistot",
                "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertEquals(5, n.get("imputations").asInt());
        JsonNode t = n.get("terms").get(0);
        // mi-expected.csv svymean_cistot
        Tolerance.assertRelative(6.69470085470086, t.get("estimate").asDouble(), 1e-8, "mean");
        Tolerance.assertRelative(0.439529693646431, t.get("se").asDouble(), 1e-8, "se");
        Tolerance.assertRelative(1090.46942045058, t.get("df").asDouble(), 1e-6, "df");
        Tolerance.assertRelative(0.0622834775452123, t.get("missing_information").asDouble(), 1e-6, "missinfo");
        r = CliTest.run("survey", "--imputations", imps, "--cluster", "id", "--weights", "w", "--glm",
                "drinkreg ~ wave * sex", "--family", "quasibinomial", "--df-complete", "194", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode w = new ObjectMapper().readTree(r.out()).get("terms").get(1);
        // mi-expected.csv svyglm_dfc wave (df.complete = degf(design) = 194)
        assertEquals("wave", w.get("term").asText());
        Tolerance.assertRelative(0.240552495822882, w.get("estimate").asDouble(), 1e-8, "wave");
        Tolerance.assertRelative(0.0598163113147133, w.get("se").asDouble(), 1e-8, "wave se");
        Tolerance.assertRelative(92.9852378402698, w.get("df").asDouble(), 1e-6, "wave df");
    }

    @Test
    void anImputationWithOtherRowsIsNamed(@TempDir Path dir) throws Exception {
        String imps = files(dir);
        Path f3 = dir.resolve("smi3.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(f3, StandardCharsets.UTF_8));
        lines.remove(lines.size() - 1);
        Files.write(f3, lines, StandardCharsets.UTF_8);
        CliTest.Run r = CliTest.run("survey", "--imputations", imps, "--cluster", "id", "--weights", "w", "--mean", "cistot");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("smi3.csv") && r.err().contains("1169 rows"), r.err());
        r = CliTest.run("survey", "--imputations", imps, "--cluster", "id", "--weights", "w", "--chisq", "sex,wave");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not combined"), r.err());
    }
}
