package org.prevalence.benchmarks;

import java.util.List;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * List-overlap tables for the model-averaging benchmarks, typed in from
 * shared/refdata/published-lists (SparseMSE 2.0.1 data: UK 2013, Silverman 2014; Netherlands
 * 2010-2015, Silverman 2020).
 */
final class BmaTables {
    private BmaTables() {
    }

    /** UK 2013, 5 lists LA, NG, PFNCA, GO, GP: 2,744 cases. */
    static ListOverlapTable uk5() {
        return ListOverlapTable.fromHistories(List.of("LA", "NG", "PFNCA", "GO", "GP"), new int[][] {
            {1, 0, 0, 0, 0}, {0, 1, 0, 0, 0}, {0, 0, 1, 0, 0}, {0, 0, 0, 1, 0}, {0, 0, 0, 0, 1}, {1, 1, 0, 0, 0},
            {1, 0, 1, 0, 0}, {1, 0, 0, 1, 0}, {0, 1, 1, 0, 0}, {0, 1, 0, 1, 0}, {0, 1, 0, 0, 1}, {0, 0, 1, 1, 0},
            {0, 0, 1, 0, 1}, {0, 0, 0, 1, 1}, {1, 1, 1, 0, 0}, {1, 1, 0, 1, 0}, {0, 1, 1, 1, 0}, {1, 1, 1, 1, 0}},
            new long[] {54, 463, 995, 695, 316, 15, 19, 3, 62, 19, 1, 76, 11, 8, 1, 1, 4, 1});
    }

    /** UK 2013, 6 lists LA, NG, PF, GO, GP, NCA: 2,744 cases. */
    static ListOverlapTable uk6() {
        return ListOverlapTable.fromHistories(List.of("LA", "NG", "PF", "GO", "GP", "NCA"), new int[][] {
            {1, 0, 0, 0, 0, 0}, {0, 1, 0, 0, 0, 0}, {0, 0, 1, 0, 0, 0}, {0, 0, 0, 1, 0, 0}, {0, 0, 0, 0, 1, 0},
            {0, 0, 0, 0, 0, 1}, {1, 1, 0, 0, 0, 0}, {1, 0, 1, 0, 0, 0}, {1, 0, 0, 1, 0, 0}, {0, 1, 1, 0, 0, 0},
            {0, 1, 0, 1, 0, 0}, {0, 1, 0, 0, 1, 0}, {0, 1, 0, 0, 0, 1}, {0, 0, 1, 1, 0, 0}, {0, 0, 1, 0, 1, 0},
            {0, 0, 1, 0, 0, 1}, {0, 0, 0, 1, 1, 0}, {0, 0, 0, 1, 0, 1}, {0, 0, 0, 0, 1, 1}, {1, 1, 1, 0, 0, 0},
            {1, 1, 0, 1, 0, 0}, {0, 1, 1, 1, 0, 0}, {0, 1, 1, 0, 0, 1}, {0, 0, 1, 1, 0, 1}, {1, 1, 1, 1, 0, 0}},
            new long[] {54, 463, 907, 695, 316, 57, 15, 19, 3, 56, 19, 1, 3, 69, 10, 31, 8, 6, 1, 1, 1, 4, 3, 1, 1});
    }

    /** Netherlands 2010-2015, 5 lists IO, K, P, R, Z: 8,234 cases. */
    static ListOverlapTable netherlands5() {
        return ListOverlapTable.fromHistories(List.of("IO", "K", "P", "R", "Z"), new int[][] {
            {1, 0, 0, 0, 0}, {0, 1, 0, 0, 0}, {0, 0, 1, 0, 0}, {0, 0, 0, 1, 0}, {0, 0, 0, 0, 1}, {1, 1, 0, 0, 0},
            {1, 0, 1, 0, 0}, {1, 0, 0, 1, 0}, {1, 0, 0, 0, 1}, {0, 1, 1, 0, 0}, {0, 1, 0, 0, 1}, {0, 0, 1, 1, 0},
            {0, 0, 1, 0, 1}, {0, 0, 0, 1, 1}, {1, 0, 1, 1, 0}, {1, 0, 1, 0, 1}, {0, 0, 1, 1, 1}},
            new long[] {756, 1299, 4466, 650, 632, 1, 81, 5, 73, 44, 4, 82, 125, 2, 2, 11, 1});
    }
}
