package org.prevalence.mse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * Omit-one-list sensitivity: the log-linear estimate re-made with each list left out in turn, so an analyst sees
 * how far the answer rests on one source (Bales, Hesketh and Silverman 2015, <i>Significance</i> 12(3), table 2,
 * drop one list at a time). Cases seen only on the omitted list leave the table
 * ({@link ListOverlapTable#drop}); the same model selection is re-run on the smaller table. A fixed model names
 * lists that may be gone, so with {@link ModelSelection#FIXED} the smaller tables use the library's default
 * selection ({@link ModelSelection#AUTO}).
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
        if (table.listCount() < 3) {
            throw PrevalenceException.invalidArgument("lists", "Omitting one list needs 3 lists or more; the table "
                    + "has %d", table.listCount());
        }
        LogLinearMse e = estimator.selection() == ModelSelection.FIXED ? estimator.with(ModelSelection.AUTO)
                : estimator;
        List<Row> rows = new ArrayList<>();
        for (String list : table.listNames()) {
            ListOverlapTable smaller = table.drop(list);
            LogLinearMse.Result r = null;
            String reason = null;
            try {
                r = e.estimate(smaller);
            } catch (PrevalenceException ex) {
                reason = ex.getMessage();
            }
            rows.add(new Row(list, smaller.listNames(), smaller.observedTotal(), r, reason));
        }
        return new Result(rows);
    }

    /** One omitted list and the estimate without it. This class is immutable. */
    public static final class Row {
        private final String omitted;
        private final List<String> lists;
        private final long observed;
        private final LogLinearMse.Result result;
        private final String reason;

        Row(String omitted, List<String> lists, long observed, LogLinearMse.Result result, String reason) {
            this.omitted = omitted;
            this.lists = List.copyOf(lists);
            this.observed = observed;
            this.result = result;
            this.reason = reason;
        }

        /** @return the omitted list's name */
        public String getOmitted() {
            return omitted;
        }

        /** @return the lists that remain */
        public List<String> getLists() {
            return lists;
        }

        /** @return the cases still observed without the omitted list */
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
            return "without " + omitted + ": " + (result == null ? "not estimated (" + reason + ")" : result);
        }
    }

    /** The rows of an omit-one-list analysis. This class is immutable. */
    public static final class Result {
        private final List<Row> rows;

        Result(List<Row> rows) {
            this.rows = List.copyOf(rows);
        }

        /** @return one row per list */
        public List<Row> getRows() {
            return rows;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("Omit-one-list sensitivity");
            for (Row r : rows) {
                sb.append("\n  ").append(r);
            }
            return sb.toString();
        }
    }
}
