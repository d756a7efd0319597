package org.prevalence.linkage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prevalence.core.io.CsvInput;
import org.prevalence.linkage.blocking.Blocking;
import org.prevalence.linkage.cluster.ClusterMethod;
import org.prevalence.linkage.cluster.Clusters;
import org.prevalence.linkage.compare.Comparer;
import org.prevalence.linkage.records.CaseRecords;
import org.prevalence.linkage.records.FieldMapping;
import org.prevalence.linkage.records.RecordReader;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * Splink's fake_1000 (MIT, splink_datasets @ 75876d8; see LICENSE-splink_datasets and the
 * refdata README): 1,000 records of 251 people in one list, 3,176 clerically labelled pairs.
 * Targets: pairwise F1 at least 0.90 on the labelled pairs and a cluster count within 10 % of 251.
 * The README's floor for a plain model: F1 0.82, 158 clusters.
 */
class Fake1000Test {
    /** The threshold for this one-list deduplication (about four records a person, many fields missing). */
    static final double DEDUP_THRESHOLD = 0.02;
    static Linkage.Result result;
    static Linkage.Result atDefault;
    static CaseRecords records;
    static int[][] labels;

    static String text(String name) throws IOException {
        try (InputStream in = Fake1000Test.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @BeforeAll
    static void link() throws IOException {
        Table t = CsvInput.withDefaults().withType("unique_id", ColumnType.STRING).withType("dob", ColumnType.STRING)
                .read(text("fake_1000.csv"), "fake_1000.csv");
        FieldMapping m = FieldMapping.withDefaults().with("first_name", "first_name").with("surname", "surname")
                .with("dob", "dob").with("city", "city").with("email", "email");
        records = RecordReader.withDefaults().with(m).withIdColumn("unique_id").read(List.of("fake_1000"), List.of(t));
        Blocking b = Blocking.withDefaults().with("surname").with("dob").with("email")
                .with("dmetaphone(first_name), year(dob)").with("dmetaphone(surname), year(dob)")
                .with("first_name, city").with("soundex(first_name), soundex(surname)");
        Linkage l = Linkage.withDefaults().with(b).with(Comparer.withDefaults().withNameSwap("first_name", "surname"));
        atDefault = l.link(records);
        result = l.withThreshold(DEDUP_THRESHOLD).link(records);
        Table lt = CsvInput.withDefaults().read(text("fake_1000_labels.csv"), "fake_1000_labels.csv");
        labels = new int[lt.rowCount()][3];
        for (int r = 0; r < lt.rowCount(); r++) {
            labels[r][0] = ((Number) lt.column("unique_id_l").get(r)).intValue();
            labels[r][1] = ((Number) lt.column("unique_id_r").get(r)).intValue();
            labels[r][2] = ((Number) lt.column("clerical_match_score").get(r)).doubleValue() > 0.5 ? 1 : 0;
        }
    }

    static double[] f1(Clusters c) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            index.put(records.id(i), i);
        }
        int tp = 0, fp = 0, fn = 0;
        for (int[] l : labels) {
            boolean linked = c.cluster(index.get(Integer.toString(l[0]))) == c.cluster(index.get(Integer.toString(l[1])));
            if (linked && l[2] == 1) tp++;
            else if (linked) fp++;
            else if (l[2] == 1) fn++;
        }
        double p = tp / (double) (tp + fp), r = tp / (double) (tp + fn);
        return new double[] {2 * p * r / (p + r), p, r};
    }

    @Test
    void bothClusteringsReachTheTargets() {
        System.out.println(result);
        System.out.println(result.parameters().toTable());
        for (ClusterMethod m : ClusterMethod.values()) {
            double[] d = f1(atDefault.clusters(m));
            System.out.printf("fake_1000 %s at threshold 0.5: F1 %.4f (P %.4f R %.4f), %d clusters%n", m, d[0], d[1], d[2],
                    atDefault.clusters(m).count());
            Clusters c = result.clusters(m);
            double[] f = f1(c);
            System.out.printf("fake_1000 %s at threshold %s: F1 %.4f (P %.4f R %.4f), %d clusters%n", m, DEDUP_THRESHOLD,
                    f[0], f[1], f[2], c.count());
            assertTrue(d[0] >= 0.90, m + " F1 at the default threshold " + d[0]);
            assertTrue(f[0] >= 0.90, m + " F1 " + f[0]);
            assertTrue(Math.abs(c.count() - 251) <= 25.1, m + " clusters " + c.count());
        }
    }

    @Test
    void blockingCountsAreReportedPerRule() {
        assertEquals(7, result.blocking().size());
        assertEquals(1645, result.blocking().get(0).pairs(), "pairs with the same surname");
        assertTrue(result.table().isEmpty(), "one list: no overlap table");
    }
}
