package org.prevalence.mse.covariate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Omitting and merging lists: a three-list table whose two-list reductions have Lincoln-Petersen per stratum as
 * the closed form of the model with every list x covariate interaction (Bishop, Fienberg and Holland 1975, 6.2).
 */
class ListSensitivityTest {
    /** Lists A, B, C; covariate G (x, y); counts by (A, B, C, G). */
    static CovariateTable threeLists() {
        String[][] rows = {
            {"1", "0", "0", "x", "20"}, {"0", "1", "0", "x", "15"}, {"1", "1", "0", "x", "6"}, {"0", "0", "1", "x", "9"},
            {"1", "0", "1", "x", "4"}, {"0", "1", "1", "x", "3"}, {"1", "1", "1", "x", "2"},
            {"1", "0", "0", "y", "30"}, {"0", "1", "0", "y", "25"}, {"1", "1", "0", "y", "10"}, {"0", "0", "1", "y", "12"},
            {"1", "0", "1", "y", "7"}, {"0", "1", "1", "y", "5"}, {"1", "1", "1", "y", "3"}};
        return abcg(rows);
    }

    /** A table of lists A, B, C and covariate G from rows {A, B, C, G, Freq}. */
    static CovariateTable abcg(String[][] rows) {
        Map<String, String[]> cols = new LinkedHashMap<>();
        String[] names = {"A", "B", "C", "G", "Freq"};
        for (int j = 0; j < names.length; j++) {
            String[] col = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                col[i] = rows[i][j];
            }
            cols.put(names[j], col);
        }
        return CovariateTable.builder(List.of("A", "B", "C")).covariates(List.of("G")).fromTable(cols, "Freq");
    }

    static double lp(double n1, double n2, double m) {
        return n1 * n2 / m;
    }

    @Test
    void omitListIsTheTwoListTable() {
        CovariateTable t = threeLists().omitList("C");
        assertEquals(List.of("A", "B"), t.lists());
        // G = x: on A 32 (20+6+4+2), on B 26 (15+6+3+2), on both 8; G = y: A 50, B 43, both 13; C-only cases dropped
        assertEquals(32 + 26 - 8 + 50 + 43 - 13, t.observed());
        double n = lp(32, 26, 8) + lp(50, 43, 13);
        assertEquals(n, CovariateMse.withDefaults().fit(t, "A:G,B:G").getEstimate(), 1e-8 * n);
    }

    @Test
    void mergeListsIsTheUnionList() {
        CovariateTable t = threeLists().mergeLists("B", "C");
        assertEquals(List.of("A", "B_C"), t.lists());
        assertEquals(threeLists().observed(), t.observed());
        // G = x: A 32, B or C 15+6+9+4+3+2 = 39, both A and (B or C) 6+4+2 = 12; G = y: A 50, B|C 62, both 20
        double n = lp(32, 39, 12) + lp(50, 62, 20);
        assertEquals(n, CovariateMse.withDefaults().fit(t, "A:G,B_C:G").getEstimate(), 1e-8 * n);
    }

    @Test
    void sensitivityRunsEveryOmissionAndMerge() {
        List<CovariateMse.Sensitivity> s = CovariateMse.withDefaults().sensitivity(threeLists());
        assertEquals(6, s.size());
        assertEquals("omit A", s.get(0).change());
        assertEquals("merge B_C", s.get(5).change());
        for (CovariateMse.Sensitivity r : s) {
            assertTrue(r.result().getEstimate() >= r.result().getObserved(), r.change());
        }
    }

    @Test
    void absencesFollowTheLists() {
        CovariateTable t = CovariateTable.builder(List.of("A", "B", "C")).covariates(List.of("G"))
                .absent(Absence.parse("C:G=b")).fromTable(Csv.columns(CovariateSearchReferenceTest.DIR
                        + "own_c_absent_b.csv"), "Freq");
        assertTrue(t.omitList("C").absences().isEmpty());
        CovariateTable m = t.mergeLists("A", "C");
        assertTrue(m.absences().isEmpty()); // A operated in b, so A_C did
        int structural = 0;
        for (int c = 0; c < t.omitList("A").cells(); c++) {
            structural += t.omitList("A").isStructuralZero(c) ? 1 : 0;
        }
        assertEquals(2, structural); // histories with C = 1 (01 on B,C: C, BC) in level b
    }
}
