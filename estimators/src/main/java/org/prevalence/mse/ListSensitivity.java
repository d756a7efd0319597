package org.prevalence.mse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * List sensitivity: the log-linear estimate re-made with each list left out in turn ({@link #omitOne}), with each
 * pair of lists merged into one ({@link #mergeTwo}), or both in one table ({@link #sensitivity}), so an analyst
 * sees how far the answer rests on one source or on two sources being told apart (Bales, Hesketh and Silverman
 * 2015, <i>Significance</i> 12(3), table 2, drop one list at a time; the merge is the rule of R
 * {@code modslavmse::mergelists}). Cases seen only on the omitted list leave the table
 * ({@link ListOverlapTable#drop}); a merged list holds every case on either list ({@link ListOverlapTable#collapse},
 * in the place of the first, as mergelists's {@code pmax} of the two columns; named {@code A_B} where mergelists
 * writes {@code AB}), so the merged table keeps every observed case. The same model
 * selection is re-run on each smaller table. A fixed model names lists that may be gone, so with
 * {@link ModelSelection#FIXED} the smaller tables use the library's default selection ({@link ModelSelection#AUTO}).
 *
 * <p>This class is immutable.
 */
public final class ListSensitivity {
    private static final ListSensitivity DEFAULT = new ListSensitivity(LogLinearMse.withDefaults());

    private final LogLinearMse estimator;

    private ListSensitivity(LogLinearMse estimator) {
        this.estimator = estimator;
    }

    /**
     * Defaults: {@link LogLinearMse#withDefaults()} on each smaller table.
     * @return the default sensitivity analysis
     */
    public static ListSensitivity withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the configured log-linear estimator re-run on each smaller table
     * @return a copy using it
     */
    public ListSensitivity with(LogLinearMse v) {
        return new ListSensitivity(Objects.requireNonNull(v, "estimator"));
    }

    /**
     * @param table the list-overlap table (3 lists or more: 2 must remain)
     * @return one row per list, in the table's list order
     * @throws PrevalenceException INVALID_ARGUMENT naming the table if it has fewer than 3 lists
     */
    public Result omitOne(ListOverlapTable table) {
        check(table, "Omitting one list");
        LogLinearMse e = estimator();
        List<Row> rows = new ArrayList<>();
        for (String list : table.listNames()) {
            rows.add(row(e, Change.OMIT, List.of(list), table.drop(list)));
        }
        return new Result(rows);
    }

    /**
     * @param table the list-overlap table (3 lists or more: 2 must remain)
     * @return one row per pair of lists (first with second, first with third, ..., in the table's list order),
     *     each the estimate on the table with the pair merged into one list
     * @throws PrevalenceException INVALID_ARGUMENT naming the table if it has fewer than 3 lists
     */
    public Result mergeTwo(ListOverlapTable table) {
        check(table, "Merging two lists");
        LogLinearMse e = estimator();
        List<String> names = table.listNames();
        List<Row> rows = new ArrayList<>();
        for (int a = 0; a < names.size(); a++) {
            for (int b = a + 1; b < names.size(); b++) {
                String x = names.get(a);
                String y = names.get(b);
                rows.add(row(e, Change.MERGE, List.of(x, y), table.collapse(x + "_" + y, x, y)));
            }
        }
        return new Result(rows);
    }

    /**
     * @param table the list-overlap table (3 lists or more: 2 must remain)
     * @return the rows of {@link #omitOne} then those of {@link #mergeTwo}
     * @throws PrevalenceException INVALID_ARGUMENT naming the table if it has fewer than 3 lists
     */
    public Result sensitivity(ListOverlapTable table) {
        List<Row> rows = new ArrayList<>(omitOne(table).getRows());
        rows.addAll(mergeTwo(table).getRows());
        return new Result(rows);
    }

    private static void check(ListOverlapTable table, String what) {
        if (table.listCount() < 3) {
            throw PrevalenceException.invalidArgument("lists", "%s needs 3 lists or more; the table has %d", what,
                    table.listCount());
        }
    }

    private LogLinearMse estimator() {
        return estimator.selection() == ModelSelection.FIXED ? estimator.with(ModelSelection.AUTO) : estimator;
    }

    private static Row row(LogLinearMse e, Change change, List<String> changed, ListOverlapTable smaller) {
        LogLinearMse.Result r = null;
        String reason = null;
        try {
            r = e.estimate(smaller);
        } catch (PrevalenceException ex) {
            reason = ex.getMessage();
        }
        return new Row(change, changed, smaller.listNames(), smaller.observedTotal(), r, reason);
    }

    /** How a row's table was made from the full one. */
    public enum Change {
        /** One list left out: its cases seen on no other list leave the table. */
        OMIT,
        /** Two lists merged into one: a case is on the merged list if it is on either. */
        MERGE;

        /** @return the change as JSON and reports write it: {@code omit} or {@code merge} */
        public String label() {
            return this == OMIT ? "omit" : "merge";
        }
    }

    /** One changed table (a list omitted, or two merged) and the estimate on it. This class is immutable. */
    public static final class Row {
        private final Change change;
        private final List<String> changed;
        private final List<String> lists;
        private final long observed;
        private final LogLinearMse.Result result;
        private final String reason;

        Row(Change change, List<String> changed, List<String> lists, long observed, LogLinearMse.Result result,
            String reason) {
            this.change = change;
            this.changed = List.copyOf(changed);
            this.lists = List.copyOf(lists);
            this.observed = observed;
            this.result = result;
            this.reason = reason;
        }

        /** @return how the table was changed */
        public Change getChange() {
            return change;
        }

        /** @return the omitted list, or the two merged lists, by name */
        public List<String> getChanged() {
            return changed;
        }

        /** @return the omitted list's name, or {@code null} for a merge */
        public String getOmitted() {
            return change == Change.OMIT ? changed.get(0) : null;
        }

        /** @return the row as a reader names it: {@code without A} or {@code A and B merged} */
        public String getLabel() {
            return change == Change.OMIT ? "without " + changed.get(0) : changed.get(0) + " and " + changed.get(1)
                    + " merged";
        }

        /** @return the lists of the changed table (a merged list is named {@code A_B}) */
        public List<String> getLists() {
            return lists;
        }

        /** @return the cases observed on the changed table (all of them after a merge) */
        public long getObserved() {
            return observed;
        }

        /** @return whether the smaller table gave a fit */
        public boolean isEstimated() {
            return result != null;
        }

        /** @return the fit on the smaller table, or {@code null} if none (see {@link #getReason()}) */
        public LogLinearMse.Result getResult() {
            return result;
        }

        /** @return why there is no fit, or {@code null} */
        public String getReason() {
            return reason;
        }

        @Override
        public String toString() {
            return getLabel() + ": " + (result == null ? "not estimated (" + reason + ")" : result);
        }
    }

    /** The rows of a list-sensitivity analysis. This class is immutable. */
    public static final class Result {
        private final List<Row> rows;

        Result(List<Row> rows) {
            this.rows = List.copyOf(rows);
        }

        /** @return the rows, in the order of the call that made them */
        public List<Row> getRows() {
            return rows;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("List sensitivity");
            for (Row r : rows) {
                sb.append("\n  ").append(r);
            }
            return sb.toString();
        }
    }
}
