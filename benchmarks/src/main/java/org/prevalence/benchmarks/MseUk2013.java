package org.prevalence.benchmarks;

import java.util.List;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * The UK 2013 five-list table (SparseMSE 2.0.1 {@code UKdat_5}; Silverman 2014, Home Office), built in
 * code from its counts so the benchmarks need no data files.
 */
final class MseUk2013 {
    private MseUk2013() {
    }

    static ListOverlapTable fiveLists() {
        int[][] h = {{1, 0, 0, 0, 0}, {0, 1, 0, 0, 0}, {0, 0, 1, 0, 0}, {0, 0, 0, 1, 0}, {0, 0, 0, 0, 1},
            {1, 1, 0, 0, 0}, {1, 0, 1, 0, 0}, {1, 0, 0, 1, 0}, {0, 1, 1, 0, 0}, {0, 1, 0, 1, 0}, {0, 1, 0, 0, 1},
            {0, 0, 1, 1, 0}, {0, 0, 1, 0, 1}, {0, 0, 0, 1, 1}, {1, 1, 1, 0, 0}, {1, 1, 0, 1, 0}, {0, 1, 1, 1, 0},
            {1, 1, 1, 1, 0}};
        long[] n = {54, 463, 995, 695, 316, 15, 19, 3, 62, 19, 1, 76, 11, 8, 1, 1, 4, 1};
        return ListOverlapTable.fromHistories(List.of("LA", "NG", "PFNCA", "GO", "GP"), h, n);
    }
}
