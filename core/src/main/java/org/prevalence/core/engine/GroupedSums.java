package org.prevalence.core.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The answer to a {@link SumRequest}: one {@link Group} per key combination present in the data
 * (keys with a missing value are left out), and a {@link WeightCheck} per weight column. This
 * class is immutable.
 */
public final class GroupedSums {
    private final SumRequest request;
    private final List<Group> groups;
    private final List<WeightCheck> checks;
    private final Map<List<String>, Group> byKey;

    /**
     * @param request the request answered
     * @param groups the groups, in any order (sorted here by key)
     * @param checks one per weight column of the request, in its order
     */
    public GroupedSums(SumRequest request, List<Group> groups, List<WeightCheck> checks) {
        this.request = Objects.requireNonNull(request, "request");
        List<Group> g = new ArrayList<>(groups);
        g.sort(KEY_ORDER);
        this.groups = Collections.unmodifiableList(g);
        this.checks = List.copyOf(checks);
        if (this.checks.size() != request.weights().size()) {
            throw new IllegalArgumentException("one weight check per weight column");
        }
        Map<List<String>, Group> m = new HashMap<>();
        int cells = request.weights().isEmpty() ? request.terms().size()
                : request.weights().size() * request.terms().size();
        for (Group x : g) {
            if (x.keys().size() != request.groups().size() || x.sums().length != cells) {
                throw new IllegalArgumentException("group " + x.keys() + " does not match the request");
            }
            m.put(x.keys(), x);
        }
        this.byKey = m;
    }

    /** Keys compared column by column as text (a fixed, engine-independent order). */
    private static final Comparator<Group> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < a.keys().size(); i++) {
            int c = a.keys().get(i).compareTo(b.keys().get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    /** @return the request answered */
    public SumRequest request() {
        return request;
    }

    /** @return the groups, sorted by key (column by column, as text) */
    public List<Group> groups() {
        return groups;
    }

    /**
     * @param keys one value per group column
     * @return that group, or null if no row has those keys
     */
    public Group group(List<String> keys) {
        return byKey.get(keys);
    }

    /** @return one check per weight column, in request order */
    public List<WeightCheck> weightChecks() {
        return checks;
    }

    /**
     * The sums of one group (immutable; {@link #sums()} returns a copy).
     *
     * @param keys the group's key values as text: numbers without a trailing {@code .0} when
     *     whole ({@link Keys#label(double)}), booleans {@code false}/{@code true}
     * @param rows the complete rows of the group
     * @param missing the incomplete rows of the group (left out of the sums)
     * @param sums \( S_{g r t} \) at index {@code r * terms + t} (with no weights, index {@code t})
     */
    public record Group(List<String> keys, long rows, long missing, double[] sums) {
        /** Copies. */
        public Group {
            keys = List.copyOf(keys);
            sums = sums.clone();
        }

        /** @return a copy of the sums */
        @Override
        public double[] sums() {
            return sums.clone();
        }

        /**
         * @param weight the weight index (0 without weights)
         * @param term the term index
         * @param terms the number of terms of the request
         * @return that sum
         */
        public double sum(int weight, int term, int terms) {
            return sums[weight * terms + term];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Group g && keys.equals(g.keys) && rows == g.rows && missing == g.missing
                    && Arrays.equals(sums, g.sums);
        }

        @Override
        public int hashCode() {
            return keys.hashCode() * 31 + Arrays.hashCode(sums);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Group%s[rows %d, missing %d, sums %s]", keys, rows, missing,
                    sums.length <= 8 ? Arrays.toString(sums) : sums.length + " values");
        }
    }

    /**
     * What a weight column holds over every row of the data (not only the grouped ones), for the
     * caller's validation (sampling weights finite and &gt; 0, replicate weights &gt;= 0).
     *
     * @param column the weight column
     * @param min its smallest value (NaN if every value is missing)
     * @param max its largest value
     * @param missing the number of missing (NULL or NaN) values
     */
    public record WeightCheck(String column, double min, double max, long missing) {
    }

    @Override
    public String toString() {
        return "GroupedSums[" + groups.size() + " groups, " + request.weights().size() + " weights, "
                + request.terms().size() + " terms]";
    }
}
