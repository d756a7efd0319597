package org.prevalence.linkage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.CsvInput;
import org.prevalence.linkage.blocking.Blocking;
import org.prevalence.linkage.blocking.BlockingRule;
import org.prevalence.linkage.blocking.CandidatePairs;
import org.prevalence.linkage.cluster.ClusterMethod;
import org.prevalence.linkage.records.CaseRecords;
import org.prevalence.linkage.records.FieldMapping;
import org.prevalence.linkage.records.RecordReader;
import org.prevalence.linkage.standardise.Standardiser;
import org.prevalence.linkage.synthetic.SyntheticLists;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Errors name the file, the row and the field, never the personal value; blocking counts and cap; determinism. */
class BadInputTest {
    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static final FieldMapping MAP = FieldMapping.withDefaults().withSpec("given_name=first").withSpec("surname=last")
            .withSpec("dob=birth_date");

    @Test
    void aFieldMappedToAMissingColumnNamesFileFieldAndColumn() throws IOException {
        Path p = write("police.csv", "id,first,family,birth_date\n1,Olena,Kovalenko,1990-01-02\n");
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> RecordReader.withDefaults().with(MAP).withIdColumn("id").readFiles(List.of(p)));
        assertTrue(e.getMessage().contains("police.csv"), e.getMessage());
        assertTrue(e.getMessage().contains("'surname'"), e.getMessage());
        assertTrue(e.getMessage().contains("'last'"), e.getMessage());
        assertFalse(e.getMessage().contains("Kovalenko"), e.getMessage());
    }

    @Test
    void aFileIsReadAsWrittenAsTheTableOfStringColumnsIs() throws IOException {
        // leading zeros, TRUE, a quoted cell with a comma and a line break, NA, a blank cell, an unmapped column
        String text = "id,first,last,birth_date,note\n007,Olena,Kovalenko,1990-01-02,x\n# comment\n"
                + "010,TRUE,\"Petrenko, jr\nthe second\",NA,y\n3,  Ivan ,,1985-03-04,z\n1e3,Anna,Shevchenko,01,w\n";
        Path p = write("police.csv", text);
        Table t = CsvInput.withDefaults().withType("id", tech.tablesaw.api.ColumnType.STRING)
                .withType("first", tech.tablesaw.api.ColumnType.STRING).withType("last", tech.tablesaw.api.ColumnType.STRING)
                .withType("birth_date", tech.tablesaw.api.ColumnType.STRING).read(p).setName("police.csv");
        CaseRecords want = RecordReader.withDefaults().with(MAP).withIdColumn("id").read(List.of("police"), List.of(t));
        CaseRecords got = RecordReader.withDefaults().with(MAP).withIdColumn("id").readFiles(List.of(p));
        assertEquals(4, got.size());
        assertEquals(want.listNames(), got.listNames());
        for (int i = 0; i < got.size(); i++) {
            assertEquals(want.id(i), got.id(i));
            assertEquals(want.row(i), got.row(i));
            assertEquals(want.source(i), got.source(i));
            for (int f = 0; f < MAP.fields().size(); f++) {
                assertEquals(want.value(f, i), got.value(f, i), "record " + i + " field " + f);
            }
        }
        assertEquals("007", got.id(0));
        assertEquals("1e3", got.id(3));
        assertEquals("TRUE", got.value(0, 1));
        assertEquals("Ivan", got.value(0, 2));
        assertEquals(null, got.value(1, 2));
        assertEquals(null, got.value(2, 1));
        assertEquals("01", got.value(2, 3));
    }

    @Test
    void anEmptyListIsRefused() {
        Table t = Table.create("ngo.csv", StringColumn.create("first"), StringColumn.create("last"), StringColumn.create("birth_date"));
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> RecordReader.withDefaults().with(MAP).read(List.of("ngo"), List.of(t)));
        assertTrue(e.getMessage().contains("ngo.csv") && e.getMessage().contains("no records"), e.getMessage());
        Path p = dir.resolve("x.csv");
        assertThrows(PrevalenceException.class, () -> {
            Files.writeString(p, "id,first,last,birth_date\n");
            RecordReader.withDefaults().with(MAP).readFiles(List.of(p));
        });
    }

    @Test
    void anUnparsableDateNamesFileRowAndFieldButNotTheValue() throws IOException {
        Path p = write("inspect.csv", "id,first,last,birth_date\n1,Olena,Kovalenko,1990-01-02\n2,Ivan,Petrenko,31/31/1985\n");
        CaseRecords r = RecordReader.withDefaults().with(MAP).withIdColumn("id").readFiles(List.of(p));
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> Standardiser.withDefaults().apply(r));
        assertEquals("file 'inspect.csv', row 2, field 'dob'", e.where());
        assertTrue(e.getMessage().startsWith("file 'inspect.csv', row 2, field 'dob': not a date"), e.getMessage());
        assertFalse(e.getMessage().contains("31/31"), e.getMessage());
        assertFalse(e.getMessage().contains("Petrenko"), e.getMessage());
        assertEquals(PrevalenceException.Kind.INVALID_DATA, e.what());
        assertEquals(null, Standardiser.withDefaults().withUnparsableDatesMissing().apply(r).date(2, 1));
    }

    @Test
    void oneRecordIsNotEnough() throws IOException {
        Path p = write("hotline.csv", "id,first,last,birth_date\n1,Olena,Kovalenko,1990-01-02\n");
        CaseRecords r = RecordReader.withDefaults().with(MAP).withIdColumn("id").readFiles(List.of(p));
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> Linkage.withDefaults().link(r));
        assertTrue(e.getMessage().contains("at least two records"), e.getMessage());
    }

    @Test
    void aBlockingRuleOnAnUnknownFieldIsNamed() {
        CaseRecords r = SyntheticLists.withDefaults().withPeople(100).generate().records();
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> Linkage.withDefaults().with(Blocking.withDefaults().with("soundex(postcode)")).link(r));
        assertTrue(e.getMessage().contains("soundex(postcode)") && e.getMessage().contains("unknown field 'postcode'"), e.getMessage());
        assertThrows(PrevalenceException.class, () -> Blocking.withDefaults().with("nysiis(surname)"));
    }

    @Test
    void anUnorderedRulePairsSwappedNames() {
        // records 0 and 2 have given name and surname swapped; the ordered rule misses them, the unordered one
        // pairs them (Soundex M600/S530 both ways); record 1 pairs with neither
        FieldMapping m = FieldMapping.withDefaults().withSpec("given_name").withSpec("surname");
        CaseRecords r = CaseRecords.of(List.of("A", "B"), m, new int[] {0, 0, 1}, new String[] {"a1", "a2", "b1"},
                new String[][] {{"Maria", "Ana", "Smith"}, {"Smith", "Jones", "Maria"}});
        var sr = Standardiser.withDefaults().apply(r);
        BlockingRule u = BlockingRule.parse("unordered(soundex(given_name), soundex(surname))");
        assertTrue(u.unordered());
        assertEquals("unordered(soundex(given_name), soundex(surname))", u.toString());
        assertEquals(List.of("given_name", "surname"), u.fields());
        assertEquals(List.of(new CandidatePairs.RuleCount("soundex(given_name), soundex(surname)", 0)),
                Blocking.withDefaults().with("soundex(given_name), soundex(surname)").count(sr));
        CandidatePairs pairs = Blocking.withDefaults().with(u).pairs(sr);
        assertEquals(1, pairs.size());
        assertEquals(0, pairs.left(0));
        assertEquals(2, pairs.right(0));
    }

    @Test
    void pairCountsAreReportedAndTheCapIsAClearError() {
        // four records: sex F, F, M, F -> the rule 'sex' gives C(3,2) + C(1,2) = 3 pairs
        FieldMapping m = FieldMapping.withDefaults().withSpec("surname").withSpec("sex");
        CaseRecords r = CaseRecords.of(List.of("A", "B"), m, new int[] {0, 0, 1, 1}, new String[] {"a1", "a2", "b1", "b2"},
                new String[][] {{"Li", "Lee", "Li", "Le"}, {"F", "F", "M", "f"}});
        var sr = Standardiser.withDefaults().apply(r);
        Blocking b = Blocking.withDefaults().with("sex").with("soundex(surname)");
        assertEquals(List.of(new CandidatePairs.RuleCount("sex", 3), new CandidatePairs.RuleCount("soundex(surname)", 6)), b.count(sr));
        CandidatePairs pairs = b.pairs(sr);
        assertEquals(6, pairs.size(), "the union");
        assertEquals(0b11, pairs.rules(0), "pair (0, 1) comes from both rules");
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> b.withCap(5).pairs(sr));
        assertEquals("blocking rule 'soundex(surname)' would produce 6 pairs, more than the cap of 5; "
                + "make the rule stricter (add a key) or raise Blocking.withCap(...)", e.getMessage());
        assertEquals("blocking rule 'soundex(surname)'", e.where());
        assertThrows(PrevalenceException.class, () -> Blocking.withDefaults().withCap(0));
        assertThrows(PrevalenceException.class, () -> Blocking.withDefaults().withCap(Blocking.MAX_CAP + 1));
    }

    @Test
    void theSameSeedGivesTheSameLinkageWhateverTheThreads() throws Exception {
        SyntheticLists g = SyntheticLists.withDefaults().withPeople(1500).withSeed(7);
        CaseRecords r = g.generate().records();
        assertEquals(r.toString(), g.generate().records().toString());
        Linkage.Result many = Linkage.withDefaults().link(r);
        Linkage.Result one = new ForkJoinPool(1).submit(() -> Linkage.withDefaults().link(r)).get();
        assertEquals(many.pairs(), one.pairs());
        assertEquals(many.parameters().rows(), one.parameters().rows());
        int[] a = new int[r.size()];
        int[] b = new int[r.size()];
        for (int i = 0; i < r.size(); i++) {
            a[i] = many.clusters(ClusterMethod.AVERAGE_LINKAGE).cluster(i);
            b[i] = one.clusters(ClusterMethod.AVERAGE_LINKAGE).cluster(i);
        }
        assertArrayEquals(a, b);
        assertEquals(many.table(), one.table());
    }

    @Test
    void csvInputIsReadAsText() {
        Table t = CsvInput.withDefaults().read("id,first,last,birth_date\n007,Olena,Kovalenko,1990\n008,Olena,Kovalenko,1990\n", "a.csv");
        CaseRecords r = RecordReader.withDefaults().with(MAP).withIdColumn("id").read(List.of("a"), List.of(t));
        assertEquals("file 'a.csv', row 2, field 'dob'", r.where(1, 2));
        assertEquals("r000002", r.pseudonym(1));
    }
}
