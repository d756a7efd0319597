package org.prevalence.benchmarks;

import java.util.List;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * The published tables the bootstrap benchmarks use, built in code from their counts by history mask
 * (list j = bit j), transcribed from shared/refdata/published-lists (SparseMSE 2.0.1 data): UK 2013 with 5
 * and 6 lists (2,744 cases), US Western site (345 cases).
 */
final class BootstrapTables {
    private BootstrapTables() {
    }

    static ListOverlapTable of(String name) {
        switch (name) {
            case "uk5":
                return ListOverlapTable.ofMaskCounts(List.of("LA", "NG", "PFNCA", "GO", "GP"), new long[] {
                    0, 54, 463, 15, 995, 19, 62, 1, 695, 3, 19, 1, 76, 0, 4, 1,
                    316, 0, 1, 0, 11, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0});
            case "uk6":
                return ListOverlapTable.ofMaskCounts(List.of("LA", "NG", "PF", "GO", "GP", "NCA"), new long[] {
                    0, 54, 463, 15, 907, 19, 56, 1, 695, 3, 19, 1, 69, 0, 4, 1,
                    316, 0, 1, 0, 10, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0,
                    57, 0, 3, 0, 31, 0, 3, 0, 6, 0, 0, 0, 1, 0, 0, 0,
                    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
            case "western":
                return ListOverlapTable.ofMaskCounts(List.of("A", "B", "C", "D", "E"), new long[] {
                    0, 52, 90, 0, 114, 4, 6, 0, 45, 2, 1, 0, 0, 0, 1, 0,
                    21, 5, 0, 0, 0, 1, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0});
            default:
                throw new IllegalArgumentException(name);
        }
    }
}
