package org.prevalence.mse.covariate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Status;

/**
 * The Fienberg-Rinaldo linear program on designs with covariates: cases the closed-form empty-margin check
 * cannot see.
 */
class CovariateExistenceTest {
    /** Two lists and G; {@code m} cases on both lists in level x (the other levels as CovariateMseTest's). */
    static CovariateTable twoLists(String m) {
        Map<String, String[]> cols = new LinkedHashMap<>();
        cols.put("A", new String[] {"1", "0", "1", "1", "0", "1", "1", "0", "1"});
        cols.put("B", new String[] {"0", "1", "1", "0", "1", "1", "0", "1", "1"});
        cols.put("G", new String[] {"x", "x", "x", "y", "y", "y", "z", "z", "z"});
        cols.put("Freq", new String[] {"30", "20", m, "50", "15", "25", "8", "12", "4"});
        return CovariateTable.builder(List.of("A", "B")).covariates(List.of("G")).fromTable(cols, "Freq");
    }

    @Test
    void noOverlapInOneLevelHasNoMleThoughEveryMarginIsPositive() {
        // closed form: with A:G and B:G the model is saturated in each level (3 observed cells, 3 parameters),
        // so the only table with the observed margins is the observed one, which has a 0 in (A, B, G) = (1, 1, x):
        // the MLE does not exist (level x's Lincoln-Petersen n_A n_B / m with m = 0). Every column's margin is
        // positive, so the closed-form check passes it; the LP finds it. Without B:G, level x is no longer
        // saturated and (u_10x, u_01x, u_11x) = (30 - s, 20, s) with B's total moved within y and z keeps the
        // margins with u > 0: the MLE exists, so B:G (the last interaction) is named.
        CovariateTable t = twoLists("0");
        CovariateFit f = CovariateMse.withDefaults().fit(t, "A:G,B:G");
        assertTrue(f.getWarnings().stream().anyMatch(w -> w.message().contains("without term B:G")), f.toString());
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> CovariateMse.withDefaults().withMinModel("A:G,B:G").withMaxModel("A:G,B:G").search(t));
        assertEquals(PrevalenceException.Kind.NOT_ESTIMABLE, e.what());
        assertTrue(e.getMessage().contains("without term B:G"), e.getMessage());
        CovariateFit without = CovariateMse.withDefaults().fit(t, "A:G");
        assertTrue(without.getWarnings().isEmpty(), without.toString());
        assertEquals(Status.OK, without.getStatus());
    }

    @Test
    void overlapInEveryLevelHasAnMle() {
        // m = 1 in level x: u = y is strictly positive, so the MLE exists (N = sum of Lincoln-Petersen per level)
        CovariateFit f = CovariateMse.withDefaults().fit(twoLists("1"), "A:G,B:G");
        assertEquals(Status.OK, f.getStatus(), f.toString());
        assertTrue(f.getWarnings().isEmpty(), f.toString());
        double lp = 31.0 * 21 / 1 + 75.0 * 40 / 25 + 12.0 * 16 / 4;
        assertEquals(lp, f.getEstimate(), 1e-8 * lp);
    }

    @Test
    void agreesWithTheLogLinearCheckWithoutCovariates() {
        // three lists, all pairs: 7 parameters for the 7 observed histories (saturated), and no case on all three
        // lists, so the only table with the observed margins has that 0 and the MLE does not exist although
        // every margin is positive; the no-covariate check (SparseMSE's checkident code 1) says the same. Without
        // B:C, (u_100, u_110, u_101, u_111) = (20 + s, 6 - s, 4 - s, s) keeps every remaining margin: it exists.
        long[] byMask = {0, 20, 15, 6, 9, 4, 3, 0}; // mask bit 0 = A, 1 = B, 2 = C
        Map<String, String[]> cols = new LinkedHashMap<>();
        String[] names = {"A", "B", "C", "Freq"};
        for (String n : names) {
            cols.put(n, new String[6]);
        }
        for (int m = 1; m < 7; m++) {
            for (int j = 0; j < 3; j++) {
                cols.get(names[j])[m - 1] = String.valueOf((m >> j) & 1);
            }
            cols.get("Freq")[m - 1] = String.valueOf(byMask[m]);
        }
        CovariateTable t = CovariateTable.builder(List.of("A", "B", "C")).fromTable(cols, "Freq");
        org.prevalence.core.lists.ListOverlapTable plain = org.prevalence.core.lists.ListOverlapTable.ofMaskCounts(
                List.of("A", "B", "C"), byMask);
        for (String model : new String[] {"A:B,A:C,B:C", "A:B,A:C"}) {
            int code = org.prevalence.mse.LogLinearMse.checkCode(plain,
                    org.prevalence.mse.LogLinearModel.parse(model, List.of("A", "B", "C")));
            CovariateFit f = CovariateMse.withDefaults().fit(t, model);
            boolean warned = f.getWarnings().stream().anyMatch(w -> w.message().contains("does not exist"));
            assertEquals((code & 1) == 1, warned, model + " code " + code + " " + f);
        }
        CovariateFit f = CovariateMse.withDefaults().fit(t, "A:B,A:C,B:C");
        assertTrue(f.getWarnings().stream().anyMatch(w -> w.message().contains("without term B:C")), f.toString());
        assertTrue(CovariateMse.withDefaults().fit(t, "A:B,A:C").getWarnings().isEmpty());
    }
}
