package org.prevalence.mse.closed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.prevalence.core.Checks;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.mse.LogLinearModel;
import org.prevalence.mse.LogLinearMse;
import org.prevalence.mse.ModelScore;
import org.prevalence.mse.ModelSelection;
import org.prevalence.mse.MseInterval;

/**
 * The sensitivity table: every available estimation method on one list-overlap table, side by side, so an analyst
 * sees at once how much the answer depends on the method (what no single R package prints in one call).
 *
 * <p>Rows, in order:
 * <ol>
 * <li>{@code independence}: the main-effects log-linear model ({@link LogLinearMse}, log-normal interval, as
 * SparseMSE);</li>
 * <li>{@code stepwise}: SparseMSE's stepwise selection ({@code pthresh} 0.02);</li>
 * <li>{@code aic} and {@code bic}: the hierarchical model with the lowest AIC (BIC), then the next-best models with
 * their gap to the best (2-5 lists only: with more lists the exhaustive search is not run);</li>
 * <li>{@code closed}: every closed-population model of {@link ClosedPopulationModels} (Rcapture {@code closedp.t}),
 * with the multinomial profile-likelihood interval;</li>
 * <li>{@code chao-bound}: Chao's (1987) lower bound with its log-normal interval.</li>
 * </ol>
 * <p>A method that cannot give an estimate on the table is kept as a row with no number and its reason. AIC and BIC are
 * R {@code glm}'s Poisson AIC and its BIC on the observed cells, comparable across the log-linear and closed rows
 * (the independence model and Mt are the same model).
 */
public final class MethodComparison {
    private static final MethodComparison DEFAULT = new MethodComparison(ClosedPopulationModels.withDefaults(),
            LogLinearMse.withDefaults(), 2, 0.95);

    private final ClosedPopulationModels closed;
    private final LogLinearMse logLinear;
    private final int nextBest;
    private final double level;

    private MethodComparison(ClosedPopulationModels closed, LogLinearMse logLinear, int nextBest, double level) {
        this.closed = closed;
        this.logLinear = logLinear;
        this.nextBest = nextBest;
        this.level = level;
    }

    /**
     * Defaults: closed models as {@link ClosedPopulationModels#withDefaults()} (no capture order, so Mb and Mbh are
     * listed as not fitted), log-linear models as {@link LogLinearMse#withDefaults()} (pthresh 0.02, default maximum
     * order, extended MLE for empty overlaps), 2 next-best models after the AIC and BIC choices, level 0.95.
     * @return the default instance
     */
    public static MethodComparison withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the closed-model settings (capture order, thetas, negative etas); its interval setting is ignored
     * @return a copy using it
     */
    public MethodComparison with(ClosedPopulationModels v) {
        return new MethodComparison(Objects.requireNonNull(v), logLinear, nextBest, level);
    }

    /**
     * @param v the log-linear settings (pthresh, maximum order, empty overlaps); selection and interval are set here
     * @return a copy using it
     */
    public MethodComparison with(LogLinearMse v) {
        return new MethodComparison(closed, Objects.requireNonNull(v), nextBest, level);
    }

    /**
     * @param v how many models after the best to list for AIC and for BIC, {@code >= 0}
     * @return a copy using it
     */
    public MethodComparison withNextBest(int v) {
        return new MethodComparison(closed, logLinear, Checks.atLeast("nextBest", v, 0), level);
    }

    /**
     * @param v the confidence level in (0, 1), for every interval
     * @return a copy using it
     */
    public MethodComparison withConfidenceLevel(double v) {
        return new MethodComparison(closed, logLinear, nextBest, Checks.level("level", v));
    }

    /**
     * Runs every method on the table.
     * @param table the list-overlap table
     * @return the comparison
     */
    public Result compare(ListOverlapTable table) {
        Objects.requireNonNull(table, "table");
        List<Row> rows = new ArrayList<>();
        LogLinearMse ll = logLinear.with(MseInterval.LOG_NORMAL).withConfidenceLevel(level);
        rows.add(logLinearRow("independence", () -> ll.withModel("main").estimate(table), "main effects", 0, 0,
                "the independence model (= Mt)"));
        rows.add(logLinearRow("stepwise", () -> ll.stepwise(table), "stepwise", 0, 0,
                "SparseMSE stepwise selection"));
        // one exhaustive search serves both criteria: every score carries AIC and BIC
        List<ModelScore> byBic = null;
        String rankError = null;
        if (table.listCount() <= 5) {
            try {
                byBic = ll.with(ModelSelection.BIC).rankModels(table);
            } catch (PrevalenceException e) {
                rankError = e.getMessage();
            }
        }
        for (ModelSelection s : new ModelSelection[] {ModelSelection.AIC, ModelSelection.BIC}) {
            String method = s.name().toLowerCase(Locale.ROOT);
            if (table.listCount() > 5) {
                rows.add(Row.none(method, "-", "not computed: the exhaustive " + s.name() + " search is run for 2 to 5 "
                        + "lists only (MultipleSystemsEstimation uses stepwise beyond)"));
                continue;
            }
            if (rankError != null) {
                rows.add(Row.none(method, "-", "not estimable: " + rankError));
                continue;
            }
            List<ModelScore> ranked = new ArrayList<>(byBic);
            if (s == ModelSelection.AIC) { // as LogLinearMse.rankModels with AIC: ties keep the enumeration order
                ranked.sort(Comparator.comparingDouble(ModelScore::getAic).thenComparingInt(ModelScore::getIndex));
            }
            if (ranked.isEmpty()) {
                rows.add(Row.none(method, "-", "not estimable: no hierarchical model passes the existence and "
                        + "identifiability checks"));
                continue;
            }
            double best = criterion(ranked.get(0), s);
            for (int i = 0; i < Math.min(ranked.size(), nextBest + 1); i++) {
                LogLinearModel m = ranked.get(i).getModel();
                double gap = criterion(ranked.get(i), s) - best;
                String note = i == 0 ? "selected: lowest " + s.name() + " of " + ranked.size() + " models"
                        : String.format(Locale.ROOT, "next best #%d: %s +%s", i, s.name(), Format.number(gap));
                rows.add(logLinearRow(method, () -> ll.fit(table, m), m.generatingClass(), i, gap, note));
            }
        }
        ClosedPopulationModels cp = closed.with(ClosedPopulationModels.ClosedInterval.PROFILE_MULTINOMIAL)
                .withConfidenceLevel(level);
        for (ClosedPopulationModels.Result r : closed.table(table).getRows()) {
            ClosedPopulationModels.Result withCi = r;
            if (r.isEstimable()) {
                try {
                    withCi = cp.estimate(table, r.getModel());
                } catch (PrevalenceException e) {
                    withCi = r;
                }
            }
            rows.add(closedRow(withCi));
        }
        try {
            ChaoLowerBound.Result c = ChaoLowerBound.withDefaults().withConfidenceLevel(level).estimate(table);
            Interval ci = c.getConfidenceInterval();
            rows.add(new Row("chao-bound", "Chao (1987) lower bound", c.getEstimate(),
                    ci == null ? Double.NaN : ci.lower(), ci == null ? Double.NaN : ci.upper(), Double.NaN, Double.NaN,
                    0, 0, "ok: a lower bound under heterogeneous capture; log-normal interval (Chao 1987)"));
        } catch (PrevalenceException e) {
            rows.add(Row.none("chao-bound", "Chao (1987) lower bound", "not estimable: " + e.getMessage()));
        }
        return new Result(rows, table.observedTotal(), level);
    }

    private static double criterion(ModelScore s, ModelSelection sel) {
        return sel == ModelSelection.AIC ? s.getAic() : s.getBic();
    }

    private interface Fit {
        LogLinearMse.Result get();
    }

    private static Row logLinearRow(String method, Fit fit, String fallbackModel, int rank, double gap, String note) {
        try {
            LogLinearMse.Result r = fit.get();
            Interval ci = r.getConfidenceInterval();
            String status = "ok: " + note;
            if (!r.getEmptyTerms().isEmpty()) {
                status += "; empty overlaps (extended MLE): " + String.join(", ", r.getEmptyTerms());
            }
            return new Row(method, r.getModelName(), r.getEstimate(), ci == null ? Double.NaN : ci.lower(),
                    ci == null ? Double.NaN : ci.upper(), r.getAic(), r.getBic(), rank, gap, status);
        } catch (PrevalenceException e) {
            return Row.none(method, fallbackModel, "not estimable: " + e.getMessage());
        }
    }

    private static Row closedRow(ClosedPopulationModels.Result r) {
        String status = r.getStatusText();
        if (r.getIntervalMessage() != null) {
            status += "; interval: " + r.getIntervalMessage();
        }
        Interval ci = r.getInterval().orElse(null);
        return new Row("closed", r.getLabel(), r.isEstimable() ? r.getEstimate() : Double.NaN,
                ci == null ? Double.NaN : ci.lower(), ci == null ? Double.NaN : ci.upper(),
                r.isFitted() ? r.getAic() : Double.NaN, r.isFitted() ? r.getBic() : Double.NaN, 0, 0, status);
    }

    /** One method's answer. NaN marks an absent number (JSON {@code null}). This class is immutable. */
    public static final class Row {
        private final String method;
        private final String model;
        private final double estimate;
        private final double lower;
        private final double upper;
        private final double aic;
        private final double bic;
        private final int rank;
        private final double gap;
        private final String status;

        Row(String method, String model, double estimate, double lower, double upper, double aic, double bic, int rank,
                double gap, String status) {
            this.method = method;
            this.model = model;
            this.estimate = estimate;
            this.lower = lower;
            this.upper = upper;
            this.aic = aic;
            this.bic = bic;
            this.rank = rank;
            this.gap = gap;
            this.status = status;
        }

        static Row none(String method, String model, String status) {
            return new Row(method, model, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, status);
        }

        /** @return {@code independence, stepwise, aic, bic, closed} or {@code chao-bound} */
        public String getMethod() {
            return method;
        }

        /** @return the model: a generating class such as {@code "[123,25,34]"}, or Rcapture's name such as "Mth Darroch" */
        public String getModel() {
            return model;
        }

        /** @return whether the row has an estimate */
        public boolean hasEstimate() {
            return !Double.isNaN(estimate);
        }

        /** @return the population estimate, NaN if none (see {@link #getStatus()}) */
        public double getEstimate() {
            return estimate;
        }

        /** @return the lower confidence limit, NaN if none */
        public double getLower() {
            return lower;
        }

        /** @return the upper confidence limit, NaN if none */
        public double getUpper() {
            return upper;
        }

        /** @return the AIC, NaN if none */
        public double getAic() {
            return aic;
        }

        /** @return the BIC, NaN if none */
        public double getBic() {
            return bic;
        }

        /** @return for aic/bic rows 0 for the selected model, i for the i-th next best; 0 otherwise */
        public int getRank() {
            return rank;
        }

        /** @return for aic/bic rows the criterion's gap to the selected model (0 for it); 0 otherwise */
        public double getGap() {
            return gap;
        }

        /** @return {@code "ok: ..."}, {@code "warning: ..."}, {@code "not estimable: ..."} or {@code "not fitted: ..."} */
        public String getStatus() {
            return status;
        }

        private static String num(double v) {
            return Double.isNaN(v) ? "-" : Format.number(v);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-13s %-22s %12s %12s %12s %10s %10s  %s", method, model, num(estimate),
                    num(lower), num(upper), num(aic), num(bic), status);
        }
    }

    /** The comparison. This class is immutable. */
    public static final class Result {
        private final List<Row> rows;
        private final long observed;
        private final double level;

        Result(List<Row> rows, long observed, double level) {
            this.rows = Collections.unmodifiableList(rows);
            this.observed = observed;
            this.level = level;
        }

        /** @return the rows, in the order described in {@link MethodComparison} */
        public List<Row> getRows() {
            return rows;
        }

        /** @return the number of cases observed */
        public long getObserved() {
            return observed;
        }

        /** @return the confidence level of every interval */
        public double getLevel() {
            return level;
        }

        /** @return the smallest and largest estimate over the rows that have one, or null if none has */
        public double[] getRange() {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Row r : rows) {
                if (r.hasEstimate()) {
                    lo = Math.min(lo, r.getEstimate());
                    hi = Math.max(hi, r.getEstimate());
                }
            }
            return lo <= hi ? new double[] {lo, hi} : null;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "Method comparison, n = %s, %s%% intervals%n", Format.count(observed), Format.percent(level)));
            sb.append(String.format(Locale.ROOT, "%-13s %-22s %12s %12s %12s %10s %10s  %s%n", "method", "model",
                    "estimate", "lower", "upper", "AIC", "BIC", "status"));
            for (Row r : rows) {
                sb.append(r).append(System.lineSeparator());
            }
            double[] range = getRange();
            if (range != null) {
                sb.append(String.format(Locale.ROOT, "estimates range from %s to %s", Format.number(range[0]),
                        Format.number(range[1])));
            }
            return sb.toString().stripTrailing();
        }
    }
}
