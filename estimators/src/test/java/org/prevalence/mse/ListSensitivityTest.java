package org.prevalence.mse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * Omit-one-list and merge-two-lists sensitivity on a 3-list table: each changed table has 2 lists, where the only
 * log-linear model is independence and its estimate is Lincoln-Petersen's closed form n1 n2 / m (Petersen 1896),
 * computed by hand from the collapsed counts below; tolerance 1e-9 relative (IRLS converges to 1e-8 deviance change).
 */
class ListSensitivityTest {
    /** masks: bit 0 = A, bit 1 = B, bit 2 = C; A=30 B=20 AB=10 C=15 AC=5 BC=8 ABC=2. */
    private static final ListOverlapTable T = ListOverlapTable.ofMaskCounts(List.of("A", "B", "C"),
            new long[] {0, 30, 20, 10, 15, 5, 8, 2});

    @Test
    void eachSmallerTableGivesLincolnPetersen() {
        ListSensitivity.Result r = ListSensitivity.withDefaults().omitOne(T);
        assertEquals(3, r.getRows().size());
        // without A: B = 20+10+8+2 = 40, C = 15+5+8+2 = 30, BC = 8+2 = 10
        ListSensitivity.Row a = r.getRows().get(0);
        assertEquals("A", a.getOmitted());
        assertEquals(List.of("B", "C"), a.getLists());
        assertEquals(60, a.getObserved()); // 20+10+15+5+8+2
        Tolerance.assertRelative(40.0 * 30 / 10, a.getResult().getEstimate(), 1e-9, "without A");
        // without B: A = 30+10+5+2 = 47, C = 30, AC = 5+2 = 7
        Tolerance.assertRelative(47.0 * 30 / 7, r.getRows().get(1).getResult().getEstimate(), 1e-9, "without B");
        // without C: A = 47, B = 40, AB = 10+2 = 12
        Tolerance.assertRelative(47.0 * 40 / 12, r.getRows().get(2).getResult().getEstimate(), 1e-9, "without C");
        assertEquals(75, r.getRows().get(2).getObserved()); // cases on A or B: 30+20+10+5+8+2
        assertTrue(r.toString().startsWith("List sensitivity") && r.toString().contains("without A: "), r.toString());
        assertEquals(ListSensitivity.Change.OMIT, a.getChange());
        assertEquals("without A", a.getLabel());
    }

    @Test
    void eachMergedPairGivesLincolnPetersenOnTheUnionList() {
        ListSensitivity.Result r = ListSensitivity.withDefaults().mergeTwo(T);
        assertEquals(3, r.getRows().size());
        // A and B merged: A_B = masks 1,2,3,5,6,7 = 30+20+10+5+8+2 = 75; C = 30; both = masks 5,6,7 = 5+8+2 = 15
        ListSensitivity.Row ab = r.getRows().get(0);
        assertEquals(ListSensitivity.Change.MERGE, ab.getChange());
        assertEquals(List.of("A", "B"), ab.getChanged());
        assertEquals(List.of("A_B", "C"), ab.getLists());
        assertEquals("A and B merged", ab.getLabel());
        assertEquals(null, ab.getOmitted());
        assertEquals(90, ab.getObserved()); // a merge keeps every case: 30+20+10+15+5+8+2
        Tolerance.assertRelative(75.0 * 30 / 15, ab.getResult().getEstimate(), 1e-9, "A and B merged");
        // A and C merged: A_C = masks 1,3,4,5,6,7 = 30+10+15+5+8+2 = 70; B = 40; both = masks 3,6,7 = 10+8+2 = 20
        assertEquals(List.of("A_C", "B"), r.getRows().get(1).getLists());
        Tolerance.assertRelative(70.0 * 40 / 20, r.getRows().get(1).getResult().getEstimate(), 1e-9, "A, C merged");
        // B and C merged: A = 47; B_C = masks 2..7 = 20+10+15+5+8+2 = 60; both = masks 3,5,7 = 10+5+2 = 17
        assertEquals(List.of("A", "B_C"), r.getRows().get(2).getLists());
        Tolerance.assertRelative(47.0 * 60 / 17, r.getRows().get(2).getResult().getEstimate(), 1e-9, "B, C merged");
    }

    @Test
    void sensitivityIsOmitOneThenMergeTwo() {
        ListSensitivity.Result r = ListSensitivity.withDefaults()
                .with(LogLinearMse.withDefaults().withModel("[12,13]")).sensitivity(T);
        assertEquals(6, r.getRows().size());
        List<String> labels = r.getRows().stream().map(ListSensitivity.Row::getLabel).toList();
        assertEquals(List.of("without A", "without B", "without C", "A and B merged", "A and C merged",
                "B and C merged"), labels);
        Tolerance.assertRelative(47.0 * 40 / 12, r.getRows().get(2).getResult().getEstimate(), 1e-9, "without C");
        Tolerance.assertRelative(47.0 * 60 / 17, r.getRows().get(5).getResult().getEstimate(), 1e-9, "B, C merged");
        // 4 lists: 4 omissions and 6 merges, each a 3-list table
        ListOverlapTable four = ListOverlapTable.ofMaskCounts(List.of("A", "B", "C", "D"), new long[] {0, 30, 20, 10,
            15, 5, 8, 2, 12, 4, 3, 1, 6, 2, 2, 1});
        ListSensitivity.Result f = ListSensitivity.withDefaults().sensitivity(four);
        assertEquals(10, f.getRows().size());
        ListSensitivity.Row cd = f.getRows().get(9);
        assertEquals(List.of("A", "B", "C_D"), cd.getLists());
        assertEquals(121, cd.getObserved());
        // C and D merged by hand: C_D only = 15+12+6, A with C_D = 5+4+2, B with C_D = 8+3+2, all three = 2+1+1
        ListOverlapTable byHand = ListOverlapTable.ofMaskCounts(List.of("A", "B", "C_D"), new long[] {0, 30, 20, 10,
            33, 11, 13, 4});
        LogLinearMse.Result ref = LogLinearMse.withDefaults().estimate(byHand);
        assertEquals(ref.getModelName(), cd.getResult().getModelName());
        Tolerance.assertRelative(ref.getEstimate(), cd.getResult().getEstimate(), 1e-12, "C and D merged");
    }

    @Test
    void aFixedModelFallsBackToTheDefaultSelection() {
        ListSensitivity.Result r = ListSensitivity.withDefaults()
                .with(LogLinearMse.withDefaults().withModel("[12,13]")).omitOne(T);
        Tolerance.assertRelative(47.0 * 40 / 12, r.getRows().get(2).getResult().getEstimate(), 1e-9, "without C");
    }

    @Test
    void aSmallerTableWithoutOverlapHasAReason() {
        // A and B overlap only through C: without C they never overlap
        ListOverlapTable t = ListOverlapTable.ofMaskCounts(List.of("A", "B", "C"), new long[] {0, 30, 20, 0, 15, 5, 8, 0});
        ListSensitivity.Row c = ListSensitivity.withDefaults().omitOne(t).getRows().get(2);
        assertTrue(!c.isEstimated() && c.getReason() != null, c.toString());
    }

    @Test
    void twoListsAreRefused() {
        ListOverlapTable two = ListOverlapTable.ofMaskCounts(List.of("A", "B"), new long[] {0, 5, 6, 2});
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> ListSensitivity.withDefaults().omitOne(two));
        assertTrue(e.getMessage().contains("3 lists"), e.getMessage());
        e = assertThrows(PrevalenceException.class, () -> ListSensitivity.withDefaults().mergeTwo(two));
        assertTrue(e.getMessage().contains("Merging two lists needs 3 lists"), e.getMessage());
    }
}
