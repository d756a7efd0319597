package org.prevalence.linkage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.prevalence.linkage.compare.Comparer;
import org.prevalence.linkage.records.CaseRecords;
import org.prevalence.linkage.records.FieldMapping;
import org.prevalence.linkage.records.FieldType;
import org.prevalence.linkage.standardise.PartialDate;
import org.prevalence.linkage.standardise.StandardRecords;
import org.prevalence.linkage.standardise.Standardiser;

class CompareTest {
    static StandardRecords records(String[] given, String[] surname, String[] dob) {
        FieldMapping m = FieldMapping.withDefaults().with("given", "given", FieldType.NAME).with("surname", "surname", FieldType.NAME)
                .with("dob", "dob", FieldType.DATE);
        String[] ids = new String[given.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "id" + i;
        }
        CaseRecords r = CaseRecords.of(List.of("L"), m, new int[given.length], ids, new String[][] {given, surname, dob});
        return Standardiser.withDefaults().apply(r);
    }

    @Test
    void nameLevelsFollowJaroWinkler() {
        // Commons Text 1.12 JaroWinklerSimilarity: martha/marhta 0.9611, jellyfish/smellyfish 0.8963, dwayne/duane 0.84
        StandardRecords r = records(new String[] {"Martha", "Marhta", "Jellyfish", "Smellyfish", "Dwayne", "Duane", null},
                new String[] {"A", "A", "A", "A", "A", "A", "A"}, new String[7]);
        Comparer c = Comparer.withDefaults();
        assertEquals(List.of("missing", "exact", "jw>=0.92", "jw>=0.88", "else"), c.levelNames(FieldType.NAME));
        assertEquals(2, c.compare(r, 0, 1)[0]);
        assertEquals(3, c.compare(r, 2, 3)[0]);
        assertEquals(4, c.compare(r, 4, 5)[0]);
        assertEquals(1, c.compare(r, 0, 0)[0]);
        assertEquals(Comparer.MISSING, c.compare(r, 0, 6)[0]);
        assertEquals(Comparer.MISSING, c.compare(r, 0, 1)[2], "missing dates");
    }

    @Test
    void dateLevels() {
        PartialDate d = PartialDate.parse("1980-03-04");
        assertEquals(1, Comparer.dateLevel(d, PartialDate.parse("04/03/1980")));
        assertEquals(2, Comparer.dateLevel(d, PartialDate.parse("1980-04-03")), "day and month transposed");
        assertEquals(3, Comparer.dateLevel(d, PartialDate.parse("1980-03-05")), "one component off");
        assertEquals(3, Comparer.dateLevel(d, PartialDate.parse("1981-03-04")), "one component off");
        assertEquals(4, Comparer.dateLevel(PartialDate.parse("1980-03-14"), PartialDate.parse("1980-08-19")), "only the year");
        assertEquals(4, Comparer.dateLevel(d, PartialDate.parse("1980-07-19")), "year only");
        assertEquals(4, Comparer.dateLevel(d, PartialDate.parse("1980")), "partial date agrees");
        assertEquals(4, Comparer.dateLevel(d, PartialDate.parse("1980-03")), "partial date agrees");
        assertEquals(5, Comparer.dateLevel(d, PartialDate.parse("1975-07-19")));
        assertEquals(5, Comparer.dateLevel(d, PartialDate.parse("1981")));
        assertEquals(Comparer.MISSING, Comparer.dateLevel(d, null));
    }

    @Test
    void swappedNameOrderIsRecognised() {
        StandardRecords r = records(new String[] {"Olena", "Kovalenko"}, new String[] {"Kovalenko", "Olena"},
                new String[] {"1990-01-02", "1990-01-02"});
        assertArrayEquals(new int[] {4, 4, 1}, Comparer.withDefaults().compare(r, 0, 1));
        assertArrayEquals(new int[] {1, 1, 1}, Comparer.withDefaults().withNameSwap("given", "surname").compare(r, 0, 1));
    }
}
