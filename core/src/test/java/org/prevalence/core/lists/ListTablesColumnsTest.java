package org.prevalence.core.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.CsvColumns;
import org.prevalence.core.io.CsvInput;
import org.prevalence.core.io.CsvReader;
import tech.tablesaw.api.Table;

/** {@link ListTables#fromColumns} (no table) against {@link ListTables#fromTable} as the reference. */
class ListTablesColumnsTest {
    static CsvColumns columns(String csv, int threads) {
        CsvReader r = CsvReader.withDefaults().withThreads(threads).withChunkSize(128)
                .withColumn("count", CsvReader.Kind.CATEGORY).withColumn("s", CsvReader.Kind.CATEGORY)
                .withEveryColumn(CsvReader.Kind.NUMBER);
        return r.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "l.csv");
    }

    /** The value's string, or the error's message without the line of the file (which only the column path knows). */
    static String outcome(Supplier<Object> s) {
        try {
            return String.valueOf(s.get());
        } catch (PrevalenceException e) {
            return "error: " + e.getMessage().replaceFirst("^l\\.csv, line \\d+, ", "l.csv, ");
        }
    }

    @Test
    void sameTablesAndSameErrorsAsTheTablePath() {
        SplittableRandom r = new SplittableRandom(9);
        String[] odd = {"2", "x", "NA", "0.5", "-1", "TRUE"};
        for (int f = 0; f < 60; f++) {
            StringBuilder sb = new StringBuilder("A,B,C,count,s\n");
            int n = 5 + r.nextInt(40);
            for (int i = 0; i < n; i++) {
                int mask = 1 + r.nextInt(7);
                for (int j = 0; j < 3; j++) {
                    sb.append(f % 4 == 0 && r.nextInt(60) == 0 ? odd[r.nextInt(odd.length)] : (mask >> j) & 1)
                            .append(',');
                }
                sb.append(f % 5 == 0 && r.nextInt(50) == 0 ? odd[r.nextInt(odd.length)] : r.nextInt(30)).append(',')
                        .append(r.nextInt(20) == 0 && f % 3 == 0 ? "" : "S" + r.nextInt(3)).append('\n');
            }
            String csv = sb.toString();
            Table t = CsvInput.withDefaults().read(csv, "l.csv");
            for (int threads : new int[] {1, 2}) {
                CsvColumns c = columns(csv, threads);
                List<String> lists = List.of("A", "B", "C");
                assertEquals(outcome(() -> ListTables.fromTable(t, lists, "count")),
                        outcome(() -> ListTables.fromColumns(c, lists, "count")), csv);
                assertEquals(outcome(() -> ListTables.fromTable(t, lists, null)),
                        outcome(() -> ListTables.fromColumns(c, lists, null)), csv);
                assertEquals(outcome(() -> ListTables.fromTable(t, null, "count", "s")),
                        outcome(() -> ListTables.fromColumns(c, null, "count", "s")), csv);
                assertEquals(outcome(() -> ListTables.fromTable(t, lists, null, "s")),
                        outcome(() -> ListTables.fromColumns(c, lists, null, "s")), csv);
            }
        }
    }
}
