package org.prevalence.core.lists;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;

/**
 * List-overlap tables for several strata (regions, years, forms of exploitation), in the order
 * they were first seen. Every stratum has the same lists.
 *
 * <p>This class is immutable.
 */
public final class StratifiedListTable {
    private final Map<String, ListOverlapTable> strata;

    private StratifiedListTable(Map<String, ListOverlapTable> strata) {
        this.strata = Collections.unmodifiableMap(new LinkedHashMap<>(strata));
    }

    /**
     * @param strata stratum name to table, in the wanted order; all with the same list names
     * @return the stratified table
     * @throws PrevalenceException if it is empty or the strata have different lists
     */
    public static StratifiedListTable of(Map<String, ListOverlapTable> strata) {
        Objects.requireNonNull(strata, "strata");
        if (strata.isEmpty()) {
            throw PrevalenceException.invalidData("stratum", "A stratified table needs at least one stratum");
        }
        List<String> names = null;
        for (Map.Entry<String, ListOverlapTable> e : strata.entrySet()) {
            if (names == null) {
                names = e.getValue().listNames();
            } else if (!names.equals(e.getValue().listNames())) {
                throw PrevalenceException.invalidData("stratum '" + e.getKey() + "'",
                        "Stratum '%s' has lists %s, the others %s", e.getKey(), e.getValue().listNames(), names);
            }
        }
        return new StratifiedListTable(strata);
    }

    /** @return the stratum names in order */
    public List<String> strataNames() {
        return new ArrayList<>(strata.keySet());
    }

    /** @return stratum name to table (unmodifiable, ordered) */
    public Map<String, ListOverlapTable> strata() {
        return strata;
    }

    /**
     * @param stratum a stratum name
     * @return its table
     * @throws PrevalenceException if there is no such stratum
     */
    public ListOverlapTable stratum(String stratum) {
        ListOverlapTable t = strata.get(stratum);
        if (t == null) {
            throw PrevalenceException.invalidArgument("stratum '" + stratum + "'",
                    "Unknown stratum '%s'; the strata are %s", stratum, strata.keySet());
        }
        return t;
    }

    /** @return the list names shared by all strata */
    public List<String> listNames() {
        return strata.values().iterator().next().listNames();
    }

    /** @return the table of all strata pooled (cell-wise sum) */
    public ListOverlapTable pooled() {
        List<String> names = listNames();
        long[] sum = new long[1 << names.size()];
        for (ListOverlapTable t : strata.values()) {
            for (int m = 1; m < sum.length; m++) {
                sum[m] = Math.addExact(sum[m], t.count(m));
            }
        }
        return ListOverlapTable.ofMaskCounts(names, sum);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("StratifiedListTable[").append(strata.size()).append(" strata, lists ")
                .append(listNames()).append("]");
        strata.forEach((k, v) -> sb.append(System.lineSeparator()).append("  ").append(k).append(": ")
                .append(Format.count(v.observedTotal())).append(" cases"));
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StratifiedListTable s && s.strata.equals(strata);
    }

    @Override
    public int hashCode() {
        return strata.hashCode();
    }
}
