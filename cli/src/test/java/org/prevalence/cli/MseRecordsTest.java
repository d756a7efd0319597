package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.linkage.records.CaseRecords;
import org.prevalence.linkage.synthetic.SyntheticLists;

/**
 * 'prevalence mse --records': case records linked and estimated in one call, the naive estimate beside linkage
 * averaging and the correction; bad input exits 2 without echoing a personal value.
 */
class MseRecordsTest {
    @TempDir
    Path dir;

    private static final List<String> FIELDS = List.of("--id", "rec_id", "--field", "given_name=first", "--field",
            "surname=family", "--field", "dob=birth", "--field", "sex=sex", "--field", "city=town");

    List<String> writeLists(int people) throws Exception {
        CaseRecords r = SyntheticLists.withDefaults().withPeople(people).withSeed(5).generate().records();
        List<String> files = new ArrayList<>();
        for (int j = 0; j < r.listNames().size(); j++) {
            StringBuilder sb = new StringBuilder("rec_id,first,family,birth,sex,town\n");
            for (int i = 0; i < r.size(); i++) {
                if (r.list(i) == j) {
                    sb.append(r.id(i));
                    for (int f = 0; f < 5; f++) {
                        sb.append(',').append(r.value(f, i) == null ? "" : r.value(f, i));
                    }
                    sb.append('\n');
                }
            }
            Path p = dir.resolve(r.listNames().get(j) + ".csv");
            Files.writeString(p, sb.toString());
            files.add(p.toString());
        }
        return files;
    }

    private List<String> args(List<String> files, String... more) {
        List<String> a = new ArrayList<>(List.of("mse", "--records"));
        a.addAll(files);
        a.addAll(FIELDS);
        a.addAll(List.of(more));
        return a;
    }

    @Test
    void estimatesBesideTheNaiveOneInEveryFormat() throws Exception {
        List<String> files = writeLists(600);
        CliTest.Run r = CliTest.run(args(files, "--model", "main", "--linkage-draws", "8", "--format", "json")
                .toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        for (String k : List.of("method", "lists", "observed", "estimate", "interval", "linkage", "estimates")) {
            assertTrue(n.has(k), k);
        }
        JsonNode e = n.get("estimates");
        assertEquals(3, e.size());
        List<String> kinds = new ArrayList<>();
        for (JsonNode x : e) {
            kinds.add(x.get("linkage").asText());
            for (String k : List.of("estimate", "lower", "upper")) {
                assertTrue(x.get(k).isNumber(), x + " " + k);
            }
            assertTrue(x.get("lower").asDouble() < x.get("estimate").asDouble()
                    && x.get("estimate").asDouble() < x.get("upper").asDouble(), x.toString());
        }
        assertEquals(List.of("none", "averaging", "correction"), kinds);
        // the naive row is the report's own estimate
        assertEquals(n.get("estimate").asDouble(), e.get(0).get("estimate").asDouble(), 0.0);
        assertTrue(n.get("linkage").get("blocking").get(0).has("pairs"));
        assertTrue(n.get("linkage").has("alpha"));
        CliTest.Run csv = CliTest.run(args(files, "--model", "main", "--linkage-draws", "8", "--format", "csv",
                "--linkage-uncertainty", "averaging").toArray(String[]::new));
        assertEquals(0, csv.code(), csv.err());
        String[] lines = csv.out().strip().split("\n");
        assertEquals(3, lines.length, csv.out());
        assertTrue(lines[0].startsWith("linkage,method"), lines[0]);
        assertTrue(lines[2].startsWith("averaging,linkage-averaging("), lines[2]);
        CliTest.Run text = CliTest.run(args(files, "--model", "main", "--linkage-uncertainty", "none").toArray(String[]::new));
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("Record linkage:") && text.out().contains("linkage error carried into N"), text.out());
        // given rates: alpha 1, beta 0 leave the table as linked, so the correction is the naive estimate
        CliTest.Run given = CliTest.run(args(files, "--model", "main", "--linkage-uncertainty", "correction",
                "--linkage-rates", "1,0", "--format", "json").toArray(String[]::new));
        assertEquals(0, given.code(), given.err());
        JsonNode g = new ObjectMapper().readTree(given.out());
        assertEquals(g.get("estimate").asDouble(), g.get("estimates").get(1).get("estimate").asDouble(), 0.0);
        assertEquals("--linkage-rates", g.get("linkage").get("rates_from").asText());
        // seeded: the same call gives the same figures, whatever the thread count
        CliTest.Run again = CliTest.run(args(files, "--model", "main", "--linkage-draws", "8", "--format", "json",
                "--threads", "1").toArray(String[]::new));
        assertEquals(r.out(), again.out());
    }

    @Test
    void badInputExitsTwoWithoutPersonalValues() throws Exception {
        List<String> files = writeLists(200);
        String someName = Files.readAllLines(Path.of(files.get(0))).get(1).split(",")[1];
        List<List<String>> bad = List.of(
                args(files.subList(0, 1)),                                          // one list
                args(files, "--linkage-draws", "1"),
                args(files, "--linkage-uncertainty", "none,averaging"),
                args(files, "--method", "chapman"),
                args(files, "--interval", "bootstrap"),
                args(files, "--linkage-uncertainty", "guess"),
                args(files, "--linkage-rates", "0.9"),
                args(files, "--linkage-rates", "0.9,0.01", "--linkage-uncertainty", "averaging"),
                args(files, "--linkage-rates", "0.5,0.6"),
                List.of("mse", "--dataset", "uk2013_5lists", "--field", "given_name=first"),
                List.of("mse", "--records", files.get(0), files.get(1), "--id", "rec_id"),   // no --field
                args(files, "--field", "nickname=no_such_column"));
        for (List<String> a : bad) {
            CliTest.Run r = CliTest.run(a.toArray(String[]::new));
            assertEquals(2, r.code(), a + ": " + r.err());
            assertFalse(r.err().contains(someName), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        // a date that does not parse: the error names the file, row and field, never the value
        Path odd = dir.resolve("odd.csv");
        Files.writeString(odd, "rec_id,first,family,birth,sex,town\nr1,Zebedee,Quixotic,31-31-31-31,F,Leeds\n"
                + "r2,Anna,Smith,1990-01-02,F,York\n");
        CliTest.Run r = CliTest.run(args(List.of(files.get(0), odd.toString())).toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("odd.csv"), r.err());
        assertFalse(r.err().contains("31-31-31-31") || r.err().contains("Zebedee") || r.err().contains("Quixotic"), r.err());
    }
}
