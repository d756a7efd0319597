package org.prevalence.core.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.prevalence.core.PrevalenceException;

/**
 * Weighted sums of terms by groups: for every group \( g \) (a combination of the values of the
 * group columns), every weight column \( w^{(r)} \) and every term \( t \),
 * <p>\[ S_{g r t} = \sum_{i \in g,\, i \text{ complete}} w^{(r)}_i \, t_i \]
 * <p>where a row is complete when none of the columns of the terms in {@link #missingColumns()}
 * is missing; incomplete rows of a group are counted ({@link GroupedSums.Group#missing()}) and left
 * out of every sum. Rows whose group key has a missing value are left out entirely (R's
 * {@code svyby} drops them). With no weight columns the sums are unweighted (\( w = 1 \)); with no
 * terms and no weights the request is a grouped count.
 *
 * <p>Linearization uses it with groups = domains x strata x PSUs and one weight; replicate
 * variances with groups = domains and the main plus every replicate weight column.
 *
 * @param groups the group (key) columns, in key order (may be empty: one group, the whole data)
 * @param weights the weight columns, in result order (may be empty)
 * @param terms the terms, in result order (may be empty)
 * @param missingColumns the columns whose missing value makes a row incomplete (by default the
 *     columns of the terms)
 */
public record SumRequest(List<String> groups, List<String> weights, List<Term> terms, List<String> missingColumns) {
    /** Validates and copies. */
    public SumRequest {
        groups = List.copyOf(Objects.requireNonNull(groups, "groups"));
        weights = List.copyOf(Objects.requireNonNull(weights, "weights"));
        terms = List.copyOf(Objects.requireNonNull(terms, "terms"));
        missingColumns = List.copyOf(Objects.requireNonNull(missingColumns, "missingColumns"));
        if (new LinkedHashSet<>(groups).size() != groups.size()) {
            throw PrevalenceException.invalidArgument("groups", "a group column is given twice: %s", groups);
        }
    }

    /**
     * @param groups the group columns
     * @param weights the weight columns
     * @param terms the terms; rows missing in any term column are incomplete
     * @return the request
     */
    public static SumRequest of(List<String> groups, List<String> weights, List<Term> terms) {
        Set<String> miss = new LinkedHashSet<>();
        for (Term t : terms) {
            miss.addAll(t.columns());
        }
        return new SumRequest(groups, weights, terms, List.copyOf(miss));
    }

    /**
     * @param groups the group columns
     * @return a grouped count
     */
    public static SumRequest counts(List<String> groups) {
        return new SumRequest(groups, List.of(), List.of(), List.of());
    }

    /** @return every column the request reads, each once */
    public Set<String> columns() {
        Set<String> all = new LinkedHashSet<>(groups);
        all.addAll(weights);
        for (Term t : terms) {
            all.addAll(t.columns());
        }
        all.addAll(missingColumns);
        return all;
    }
}
