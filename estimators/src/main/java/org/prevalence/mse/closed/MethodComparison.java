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
import org.prevalence.core.Status;
import org.prevalence.core.Warning;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.mse.LogLinearModel;
import org.prevalence.mse.LogLinearMse;
import org.prevalence.mse.ModelScore;
import org.prevalence.mse.ModelSelection;
import org.prevalence.mse.MseInterval;
import org.prevalence.mse.PopulationChecks;
import org.prevalence.mse.PopulationEstimate;

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
 * <p>A method that cannot give an estimate on the table is kept as a row with no number and its reason. Every row
 * has a {@link Status} (from the method's {@link PopulationEstimate#getStatus()}) and its warnings: on lists that
 * never overlap the log-linear rows are {@link Status#UNBOUNDED}, and so are the closed models (no recapture). AIC and BIC are
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
     * @param v the log-linear settings (pthresh, maximum order, empty overlaps for the independence, AIC and BIC rows;
     *     the stepwise row always uses the extended MLE, as SparseMSE); selection and interval are set here
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
        boolean overlap = PopulationChecks.anyOverlap(table);
        LogLinearMse ll = logLinear.with(MseInterval.LOG_NORMAL).withConfidenceLevel(level);
        rows.add(logLinearRow("independence", () -> ll.withModel("main").estimate(table), "main effects", 0, 0,
                "the independence model (= Mt)", overlap));
        // the stepwise row is SparseMSE's, which fits empty overlaps by the extended MLE whatever the AIC/BIC setting
        rows.add(logLinearRow("stepwise", () -> ll.with(org.prevalence.mse.EmptyOverlaps.EXTENDED_MLE).stepwise(table),
                "stepwise", 0, 0, "SparseMSE stepwise selection", overlap));
        // one exhaustive search serves both criteria: every score carries AIC and BIC
        List<ModelScore> byBic = null;
        String rankError = null;
        if (table.listCount() <= ModelSelection.MAX_EXHAUSTIVE_LISTS) {
            try {
                byBic = ll.with(ModelSelection.BIC).rankModels(table);
            } catch (PrevalenceException e) {
                rankError = problem(e);
            }
        }
        for (ModelSelection s : new ModelSelection[] {ModelSelection.AIC, ModelSelection.BIC}) {
            String method = s.name().toLowerCase(Locale.ROOT);
            if (table.listCount() > ModelSelection.MAX_EXHAUSTIVE_LISTS) {
                rows.add(Row.none(method, "-", Status.NOT_ESTIMATED, Warning.Kind.DATA, "not computed: the exhaustive "
                        + s.name() + " search is run for 2 to 5 lists only (MultipleSystemsEstimation uses stepwise beyond)"));
                continue;
            }
            if (rankError != null) {
                rows.add(Row.none(method, "-", overlap ? Status.NOT_ESTIMATED : Status.UNBOUNDED,
                        overlap ? Warning.Kind.DATA : Warning.Kind.NO_OVERLAP, rankError));
                continue;
            }
            List<ModelScore> ranked = new ArrayList<>(byBic);
            if (s == ModelSelection.AIC) { // as LogLinearMse.rankModels with AIC: ties keep the enumeration order
                ranked.sort(Comparator.comparingDouble(ModelScore::getAic).thenComparingInt(ModelScore::getIndex));
            }
            if (ranked.isEmpty()) {
                rows.add(Row.none(method, "-", Status.NOT_ESTIMATED, Warning.Kind.DATA, "no hierarchical model "
                        + "passes the existence and identifiability checks"));
                continue;
            }
            double best = criterion(ranked.get(0), s);
            for (int i = 0; i < Math.min(ranked.size(), nextBest + 1); i++) {
                LogLinearModel m = ranked.get(i).getModel();
                double gap = criterion(ranked.get(i), s) - best;
                String note = i == 0 ? "selected: lowest " + s.name() + " of " + ranked.size() + " models"
                        : String.format(Locale.ROOT, "next best #%d: %s +%s", i, s.name(), Format.number(gap));
                rows.add(logLinearRow(method, () -> ll.fit(table, m), m.generatingClass(), i, gap, note, overlap));
            }
        }
        ClosedPopulationModels cp = closed.with(ClosedPopulationModels.ClosedInterval.PROFILE_MULTINOMIAL)
                .withConfidenceLevel(level);
        for (ClosedPopulationModels.Result r : closed.table(table).getRows()) {
            ClosedPopulationModels.Result withCi = r;
            if (r.isEstimable()) {
                try { // the profile interval, when it can be computed
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
                    0, 0, c.getStatus(), "a lower bound under heterogeneous capture; log-normal interval (Chao 1987)",
                    c.getWarnings()));
        } catch (PrevalenceException e) {
            rows.add(Row.none("chao-bound", "Chao (1987) lower bound", overlap ? Status.NOT_ESTIMATED : Status.UNBOUNDED,
                    overlap ? Warning.Kind.DATA : Warning.Kind.NO_OVERLAP, problem(e)));
        }
        return new Result(rows, table.observedTotal(), level);
    }

    private static double criterion(ModelScore s, ModelSelection sel) {
        return sel == ModelSelection.AIC ? s.getAic() : s.getBic();
    }

    private interface Fit {
        LogLinearMse.Result get();
    }

    private static Row logLinearRow(String method, Fit fit, String fallbackModel, int rank, double gap, String note,
            boolean overlap) {
        try {
            LogLinearMse.Result r = fit.get();
            Interval ci = r.getConfidenceInterval();
            return new Row(method, r.getModelName(), r.getEstimate(), ci == null ? Double.NaN : ci.lower(),
                    ci == null ? Double.NaN : ci.upper(), r.getAic(), r.getBic(), rank, gap, r.getStatus(), note,
                    r.getWarnings());
        } catch (PrevalenceException e) {
            // lists that never overlap: no log-linear model bounds N (Chan, Silverman and Vincent 2021)
            return Row.none(method, fallbackModel, overlap ? Status.NOT_ESTIMATED : Status.UNBOUNDED,
                    overlap ? Warning.Kind.DATA : Warning.Kind.NO_OVERLAP, problem(e));
        }
    }

    /** The problem an exception names, without its remedy (whose Java and CLI forms differ). */
    static String problem(PrevalenceException e) {
        if (e.remedy() == null) {
            return e.getMessage();
        }
        String m = e.cliMessage();
        return m.substring(0, m.length() - e.remedy().cli().length() - 2);
    }

    private static Row closedRow(ClosedPopulationModels.Result r) {
        List<Warning> w = new ArrayList<>(r.getWarnings());
        if (r.getIntervalMessage() != null) {
            w.add(Warning.of(Warning.Kind.DATA, "interval: " + r.getIntervalMessage()));
        }
        Interval ci = r.getInterval().orElse(null);
        return new Row("closed", r.getLabel(), r.isEstimable() ? r.getEstimate() : Double.NaN,
                ci == null ? Double.NaN : ci.lower(), ci == null ? Double.NaN : ci.upper(),
                r.isFitted() ? r.getAic() : Double.NaN, r.isFitted() ? r.getBic() : Double.NaN, 0, 0, r.getStatus(),
                null, w);
    }

    /** One method's answer. NaN marks an absent number. This class is immutable. */
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
        private final Status status;
        private final String note;
        private final List<Warning> warnings;

        Row(String method, String model, double estimate, double lower, double upper, double aic, double bic, int rank,
                double gap, Status status, String note, List<Warning> warnings) {
            this.note = note;
            this.warnings = List.copyOf(warnings);
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

        static Row none(String method, String model, Status status, Warning.Kind kind, String reason) {
            return new Row(method, model, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, status,
                    null, List.of(Warning.of(kind, reason)));
        }

        /** @return {@code independence, stepwise, aic, bic, closed} or {@code chao-bound} */
        public String getMethod() {
            return method;
        }

        /** @return the model: a generating class such as {@code "[123,25,34]"}, or Rcapture's name such as "Mth Darroch" */
        public String getModel() {
            return model;
        }

        /** @return whether the row has an estimate (a finite figure, status OK, WARNING or DEGENERATE) */
        public boolean hasEstimate() {
            return !Double.isNaN(estimate) && (status.hasFigure() || status == Status.DEGENERATE);
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

        /** @return the method's status ({@link PopulationEstimate#getStatus()}), UNBOUNDED or NOT_ESTIMATED when no figure */
        public Status getStatus() {
            return status;
        }

        /** @return the warnings; for a row without a figure the first is the reason */
        public List<Warning> getWarnings() {
            return warnings;
        }

        /** @return the first warning's message (the reason when there is no figure), or null when there is none */
        public String getReason() {
            return warnings.isEmpty() ? null : warnings.get(0).message();
        }

        /** @return what the row is (for example {@code "selected: lowest BIC of 6,084 models"}), or null */
        public String getNote() {
            return note;
        }

        /**
         * @return the status label, the note and the warnings in one line, for example
         *     {@code "ok: selected: lowest BIC of 6,084 models"} or {@code "unbounded: The lists do not overlap ..."}
         */
        public String getStatusText() {
            StringBuilder sb = new StringBuilder(status.label());
            String sep = ": ";
            if (note != null) {
                sb.append(sep).append(note);
                sep = "; ";
            }
            for (Warning w : warnings) {
                sb.append(sep).append(w.message());
                sep = "; ";
            }
            return sb.toString();
        }

        private static String num(double v) {
            return Double.isNaN(v) ? "-" : Format.number(v);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-13s %-22s %12s %12s %12s %10s %10s  %s", method, model, num(estimate),
                    num(lower), num(upper), num(aic), num(bic), getStatusText());
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
