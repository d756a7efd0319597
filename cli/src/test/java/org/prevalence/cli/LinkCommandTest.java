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

/** 'prevalence link' on generated lists: JSON keys, output files, and a bad mapping (exit 2). */
class LinkCommandTest {
    @TempDir
    Path dir;

    List<String> writeLists() throws Exception {
        CaseRecords r = SyntheticLists.withDefaults().withPeople(800).withSeed(5).generate().records();
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

    @Test
    void jsonKeysAndOutputFiles() throws Exception {
        List<String> args = new ArrayList<>(List.of("link"));
        args.addAll(writeLists());
        args.addAll(List.of("--id", "rec_id", "--field", "given_name=first", "--field", "surname=family", "--field", "dob=birth",
                "--field", "sex=sex", "--field", "city=town", "--name-swap", "given_name,surname",
                "--out", dir.resolve("linked.csv").toString(), "--table", dir.resolve("overlap.csv").toString(),
                "--review", dir.resolve("review.csv").toString(), "--format", "json"));
        CliTest.Run r = CliTest.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        for (String k : List.of("blocking", "parameters", "clusters", "table")) {
            assertTrue(n.has(k), k);
        }
        assertTrue(n.get("blocking").get(0).has("rule") && n.get("blocking").get(0).has("pairs"));
        for (String k : List.of("field", "level", "m", "u")) {
            assertTrue(n.get("parameters").get(0).has(k), k);
        }
        List<String> linked = Files.readAllLines(dir.resolve("linked.csv"));
        assertEquals("list,rec_id,cluster_id", linked.get(0));
        assertEquals(n.get("clusters").get("records").asInt() + 1, linked.size());
        List<String> overlap = Files.readAllLines(dir.resolve("overlap.csv"));
        assertEquals("listA,listB,listC,listD,count", overlap.get(0));
        assertTrue(Files.readAllLines(dir.resolve("review.csv")).get(0).startsWith("list_1,id_1,list_2,id_2"));
        CliTest.Run t = CliTest.run(args.subList(0, args.size() - 2).toArray(String[]::new));
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("Blocking (pairs per rule") && t.out().contains("Fellegi-Sunter parameters"), t.out());
    }

    @Test
    void aFieldMappedToAMissingColumnExitsTwo() throws Exception {
        List<String> files = writeLists();
        CliTest.Run r = CliTest.run("link", files.get(0), files.get(1), "--id", "rec_id", "--field", "given_name=first",
                "--field", "surname=last_name");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("listA.csv") && r.err().contains("'surname'") && r.err().contains("'last_name'"), r.err());
        assertFalse(r.out().contains("Fellegi"), r.out());
    }
}
