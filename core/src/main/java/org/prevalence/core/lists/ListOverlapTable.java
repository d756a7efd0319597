package org.prevalence.core.lists;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;

/**
 * A list-overlap table (capture histories): for K lists (2 to 15), the number of distinct cases
 * seen on exactly each non-empty combination of lists. The all-zero history, the cases no list saw,
 * is what multiple systems estimation infers; it is never part of the input.
 *
 * <p>Histories are indexed by a bit mask: list {@code j} (0-based, in the order of
 * {@link #listNames()}) is bit {@code 1 << j}, so history {@code 0b00101} is "on lists 0 and 2
 * only". Histories absent from the input have count 0.
 *
 * <p>Three input forms build the same table: {@link #fromHistories} (one row per observed history
 * with a count), {@link #fromCases} (one row per case with 0/1 columns) and {@link #fromLongForm}
 * (one row per (case, list) sighting). {@link ListTables} builds it from a Tablesaw table.
 *
 * <p>This class is immutable.
 */
public final class ListOverlapTable {
    /** The smallest number of lists. */
    public static final int MIN_LISTS = 2;
    /** The largest number of lists. */
    public static final int MAX_LISTS = 15;

    private final List<String> listNames;
    private final long[] counts; // index = history mask; counts[0] == 0
    private final long observed;

    private ListOverlapTable(List<String> listNames, long[] counts) {
        this.listNames = List.copyOf(listNames);
        this.counts = counts;
        long total = 0;
        for (long c : counts) {
            total = Math.addExact(total, c);
        }
        this.observed = total;
    }

    private static List<String> checkNames(List<String> names) {
        Objects.requireNonNull(names, "listNames");
        if (names.size() < MIN_LISTS || names.size() > MAX_LISTS) {
            throw PrevalenceException.invalidArgument("lists",
                    "A list-overlap table needs %d to %d lists, got %d %s",
                    MIN_LISTS, MAX_LISTS, names.size(), names);
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < names.size(); j++) {
            String n = names.get(j);
            if (n == null || n.isBlank()) {
                throw PrevalenceException.invalidArgument("list " + (j + 1), "List %d has no name", j + 1);
            }
            if (!seen.add(n.toLowerCase(Locale.ROOT))) {
                throw PrevalenceException.invalidArgument("list '" + n + "'",
                        "List name '%s' appears twice (names are compared ignoring case)", n);
            }
        }
        return names;
    }

    /**
     * Builds a table from counts indexed by history mask.
     * @param listNames the list names, 2 to 15, distinct
     * @param countsByMask an array of length {@code 2^K}; element 0 (the unobserved cell) must be 0
     * @return the table
     * @throws PrevalenceException if a count is negative or element 0 is not 0
     */
    public static ListOverlapTable ofMaskCounts(List<String> listNames, long[] countsByMask) {
        checkNames(listNames);
        int k = listNames.size();
        if (countsByMask.length != 1 << k) {
            throw PrevalenceException.invalidArgument("counts",
                    "Expected %d counts (2^%d histories), got %d", 1 << k, k, countsByMask.length);
        }
        if (countsByMask[0] != 0) {
            throw PrevalenceException.invalidData("history " + pattern(0, k),
                    "The all-zero history (cases on no list) cannot be observed; got count %d",
                    countsByMask[0]);
        }
        for (int m = 1; m < countsByMask.length; m++) {
            if (countsByMask[m] < 0) {
                throw PrevalenceException.invalidData("history " + pattern(m, k),
                        "Negative count %d for history %s", countsByMask[m], pattern(m, k));
            }
        }
        return new ListOverlapTable(listNames, countsByMask.clone());
    }

    /**
     * Form (a): one row per observed history, its 0/1 pattern and its count.
     * @param listNames the list names
     * @param patterns one 0/1 row per history, of length K
     * @param counts the count of each history, {@code >= 0}
     * @return the table
     * @throws PrevalenceException naming the 1-based row if a pattern is not 0/1, has the wrong
     *     length, is all zero, repeats an earlier row, or its count is negative
     */
    public static ListOverlapTable fromHistories(List<String> listNames, int[][] patterns, long[] counts) {
        checkNames(listNames);
        if (patterns.length != counts.length) {
            throw PrevalenceException.invalidArgument("counts",
                    "%d patterns but %d counts", patterns.length, counts.length);
        }
        int k = listNames.size();
        long[] byMask = new long[1 << k];
        int[] firstRow = new int[1 << k];
        for (int r = 0; r < patterns.length; r++) {
            int row = r + 1;
            int mask = mask(listNames, patterns[r], row);
            if (counts[r] < 0) {
                throw PrevalenceException.invalidData("row " + row + ", column 'count'",
                        "Row %d: negative count %d", row, counts[r]);
            }
            if (firstRow[mask] != 0) {
                throw PrevalenceException.invalidData("row " + row,
                        "Row %d repeats history %s of row %d; give each history once with its count",
                        row, pattern(mask, k), firstRow[mask]);
            }
            firstRow[mask] = row;
            byMask[mask] = counts[r];
        }
        return new ListOverlapTable(listNames, byMask);
    }

    /**
     * Form (b): one row per case, with a 0/1 column per list.
     * @param listNames the list names
     * @param cases one 0/1 row per case
     * @return the table
     * @throws PrevalenceException naming the 1-based row if a value is not 0/1 or a case is on no list
     */
    public static ListOverlapTable fromCases(List<String> listNames, int[][] cases) {
        checkNames(listNames);
        long[] byMask = new long[1 << listNames.size()];
        for (int r = 0; r < cases.length; r++) {
            byMask[mask(listNames, cases[r], r + 1)]++;
        }
        return new ListOverlapTable(listNames, byMask);
    }

    /**
     * Form (c): long form, one row per sighting of a case on a list. A case seen twice on the same
     * list counts once.
     * @param listNames the list names (in the order wanted), or {@code null} to take them in order of
     *     first appearance
     * @param caseIds the case identifier of each sighting
     * @param lists the list of each sighting
     * @return the table
     * @throws PrevalenceException naming the 1-based row of a missing id or an unknown list
     */
    public static ListOverlapTable fromLongForm(List<String> listNames, List<String> caseIds, List<String> lists) {
        if (caseIds.size() != lists.size()) {
            throw PrevalenceException.invalidArgument("lists",
                    "%d case ids but %d list names", caseIds.size(), lists.size());
        }
        List<String> names = listNames;
        if (names == null) {
            LinkedHashMap<String, Boolean> order = new LinkedHashMap<>();
            for (int r = 0; r < lists.size(); r++) {
                String l = lists.get(r);
                if (l == null || l.isBlank()) {
                    throw PrevalenceException.invalidData("row " + (r + 1) + ", column 'list'",
                            "Row %d: missing list name", r + 1);
                }
                order.putIfAbsent(l, Boolean.TRUE);
            }
            names = new ArrayList<>(order.keySet());
        }
        checkNames(names);
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < names.size(); j++) {
            index.put(names.get(j), j);
        }
        LinkedHashMap<String, Integer> caseMasks = new LinkedHashMap<>();
        for (int r = 0; r < caseIds.size(); r++) {
            int row = r + 1;
            String id = caseIds.get(r);
            if (id == null || id.isBlank()) {
                throw PrevalenceException.invalidData("row " + row + ", column 'case_id'",
                        "Row %d: missing case id", row);
            }
            Integer j = index.get(lists.get(r));
            if (j == null) {
                throw PrevalenceException.invalidData("row " + row + ", column 'list'",
                        "Row %d: unknown list '%s'; known lists are %s", row, lists.get(r), names);
            }
            caseMasks.merge(id, 1 << j, (a, b) -> a | b);
        }
        long[] byMask = new long[1 << names.size()];
        for (int m : caseMasks.values()) {
            byMask[m]++;
        }
        return new ListOverlapTable(names, byMask);
    }

    private static int mask(List<String> names, int[] pattern, int row) {
        int k = names.size();
        if (pattern.length != k) {
            throw PrevalenceException.invalidData("row " + row,
                    "Row %d has %d list columns, expected %d", row, pattern.length, k);
        }
        int m = 0;
        for (int j = 0; j < k; j++) {
            if (pattern[j] == 1) {
                m |= 1 << j;
            } else if (pattern[j] != 0) {
                throw PrevalenceException.invalidData("row " + row + ", column '" + names.get(j) + "'",
                        "Row %d, column '%s': list membership must be 0 or 1, got %d",
                        row, names.get(j), pattern[j]);
            }
        }
        if (m == 0) {
            throw PrevalenceException.invalidData("row " + row,
                    "Row %d is on no list (all-zero history); the unobserved cell cannot be given as input", row);
        }
        return m;
    }

    /** @return the 0/1 pattern of a mask as text, list 1 first, for example {@code "10100"} */
    public static String pattern(int mask, int k) {
        StringBuilder sb = new StringBuilder(k);
        for (int j = 0; j < k; j++) {
            sb.append((mask >> j & 1) == 1 ? '1' : '0');
        }
        return sb.toString();
    }

    /** @return the list names in column order (unmodifiable) */
    public List<String> listNames() {
        return listNames;
    }

    /** @return the number of lists K */
    public int listCount() {
        return listNames.size();
    }

    /** @return the number of cells, {@code 2^K} (including the unobserved cell 0) */
    public int cellCount() {
        return counts.length;
    }

    /**
     * @param mask a history mask in {@code 1 .. 2^K - 1} (0 gives 0)
     * @return the number of cases with exactly that history
     */
    public long count(int mask) {
        return counts[mask];
    }

    /**
     * @param listName a list name
     * @return its 0-based index
     * @throws PrevalenceException if there is no such list
     */
    public int indexOf(String listName) {
        for (int j = 0; j < listNames.size(); j++) {
            if (listNames.get(j).equalsIgnoreCase(listName)) {
                return j;
            }
        }
        throw PrevalenceException.invalidArgument("list '" + listName + "'",
                "Unknown list '%s'; the lists are %s", listName, listNames);
    }

    /** @return a copy of the counts indexed by history mask (element 0 is 0) */
    public long[] countsByMask() {
        return counts.clone();
    }

    /** @return the masks of histories with a non-zero count, ascending */
    public int[] observedHistories() {
        int n = 0;
        for (int m = 1; m < counts.length; m++) {
            if (counts[m] > 0) {
                n++;
            }
        }
        int[] out = new int[n];
        int i = 0;
        for (int m = 1; m < counts.length; m++) {
            if (counts[m] > 0) {
                out[i++] = m;
            }
        }
        return out;
    }

    /** @return the number of distinct cases seen on at least one list */
    public long observedTotal() {
        return observed;
    }

    /** @return for each list, the number of cases on it */
    public long[] marginalCounts() {
        int k = listCount();
        long[] out = new long[k];
        for (int m = 1; m < counts.length; m++) {
            for (int j = 0; j < k; j++) {
                if ((m >> j & 1) == 1) {
                    out[j] += counts[m];
                }
            }
        }
        return out;
    }

    /**
     * @return a symmetric K x K matrix: element (i, j) is the number of cases on both list i and
     *     list j; the diagonal holds the list sizes
     */
    public long[][] pairwiseOverlaps() {
        int k = listCount();
        long[][] out = new long[k][k];
        for (int m = 1; m < counts.length; m++) {
            if (counts[m] == 0) {
                continue;
            }
            for (int i = 0; i < k; i++) {
                if ((m >> i & 1) == 0) {
                    continue;
                }
                for (int j = 0; j < k; j++) {
                    if ((m >> j & 1) == 1) {
                        out[i][j] += counts[m];
                    }
                }
            }
        }
        return out;
    }

    /** @return the names of lists with no case, in column order */
    public List<String> emptyLists() {
        long[] marg = marginalCounts();
        List<String> out = new ArrayList<>();
        for (int j = 0; j < marg.length; j++) {
            if (marg[j] == 0) {
                out.add(listNames.get(j));
            }
        }
        return out;
    }

    /**
     * Merges several lists into one: a case is on the merged list if it is on any of them. The
     * merged list takes the place of the first of them.
     * @param mergedName the merged list's name, for example {@code "PFNCA"}
     * @param lists the names of the lists to merge (at least 2)
     * @return the collapsed table
     */
    public ListOverlapTable collapse(String mergedName, String... lists) {
        if (lists.length < 2) {
            throw PrevalenceException.invalidArgument("lists", "Collapse needs at least 2 lists, got %d", lists.length);
        }
        int k = listCount();
        int mergeMask = 0;
        int first = k;
        for (String l : lists) {
            int j = indexOf(l);
            if ((mergeMask >> j & 1) == 1) {
                throw PrevalenceException.invalidArgument("list '" + l + "'", "List '%s' named twice", l);
            }
            mergeMask |= 1 << j;
            first = Math.min(first, j);
        }
        List<String> names = new ArrayList<>();
        int[] newIndex = new int[k];
        for (int j = 0; j < k; j++) {
            if (j == first) {
                newIndex[j] = names.size();
                names.add(mergedName);
            } else if ((mergeMask >> j & 1) == 1) {
                newIndex[j] = -1;
            } else {
                newIndex[j] = names.size();
                names.add(listNames.get(j));
            }
        }
        int mergedIndex = newIndex[first];
        int mm = mergeMask;
        return remap(names, (m) -> {
            int out = 0;
            for (int j = 0; j < k; j++) {
                if ((m >> j & 1) == 1) {
                    out |= 1 << ((mm >> j & 1) == 1 ? mergedIndex : newIndex[j]);
                }
            }
            return out;
        });
    }

    /**
     * Drops lists: cases seen only on dropped lists leave the table.
     * @param lists the names of the lists to drop
     * @return the smaller table (at least 2 lists must remain)
     */
    public ListOverlapTable drop(String... lists) {
        int k = listCount();
        int dropMask = 0;
        for (String l : lists) {
            dropMask |= 1 << indexOf(l);
        }
        List<String> names = new ArrayList<>();
        int[] newIndex = new int[k];
        for (int j = 0; j < k; j++) {
            if ((dropMask >> j & 1) == 1) {
                newIndex[j] = -1;
            } else {
                newIndex[j] = names.size();
                names.add(listNames.get(j));
            }
        }
        checkNames(names);
        int dm = dropMask;
        return remap(names, (m) -> {
            int out = 0;
            for (int j = 0; j < k; j++) {
                if ((m >> j & 1) == 1 && (dm >> j & 1) == 0) {
                    out |= 1 << newIndex[j];
                }
            }
            return out;
        });
    }

    private ListOverlapTable remap(List<String> names, java.util.function.IntUnaryOperator f) {
        checkNames(names);
        long[] out = new long[1 << names.size()];
        for (int m = 1; m < counts.length; m++) {
            out[f.applyAsInt(m)] += counts[m];
        }
        out[0] = 0; // cases only on dropped lists are no longer observed
        return new ListOverlapTable(names, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListOverlapTable t && t.listNames.equals(listNames) && Arrays.equals(t.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * listNames.hashCode() + Arrays.hashCode(counts);
    }

    /**
     * A small table: one line per observed history ({@code 1} = on the list), then the total.
     * @return the text
     */
    @Override
    public String toString() {
        int k = listCount();
        int[] widths = new int[k];
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "ListOverlapTable[%d lists, %d histories observed, %s cases]%n",
                k, observedHistories().length, Format.count(observed)));
        for (int j = 0; j < k; j++) {
            widths[j] = Math.max(1, listNames.get(j).length());
            sb.append(String.format(Locale.ROOT, "%" + widths[j] + "s ", listNames.get(j)));
        }
        sb.append(String.format(Locale.ROOT, "%10s%n", "count"));
        for (int m : observedHistories()) {
            for (int j = 0; j < k; j++) {
                sb.append(String.format(Locale.ROOT, "%" + widths[j] + "s ", (m >> j & 1) == 1 ? "1" : "."));
            }
            sb.append(String.format(Locale.ROOT, "%10s%n", Format.count(counts[m])));
        }
        return sb.toString().stripTrailing();
    }

    /** @return the list names as an unmodifiable list; convenience for {@link Collections} users */
    List<String> names() {
        return Collections.unmodifiableList(listNames);
    }
}
