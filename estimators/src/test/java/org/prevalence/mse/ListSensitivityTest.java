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
 * Omit-one-list sensitivity on a 3-list table: each smaller table has 2 lists, where the only log-linear model is
 * independence and its estimate is Lincoln-Petersen's closed form n1 n2 / m (Petersen 1896), computed by hand
 * from the collapsed counts below; tolerance 1e-9 relative (IRLS converges to 1e-8 deviance change).
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
        assertTrue(r.toString().startsWith("Omit-one-list sensitivity"), r.toString());
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
    }
}
