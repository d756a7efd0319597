package org.prevalence.mse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.Status;
import org.prevalence.core.Warning;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * The rules that turn a list-family figure into a {@link Status}, shared by every frequentist
 * {@link PopulationEstimate}:
 *
 * <ul>
 * <li><b>Degenerate.</b> A fit whose estimated unseen count \( \hat N - n \) is below
 * {@value #DEGENERATE_CASES} of a case, whose standard error of N is below {@value #DEGENERATE_CASES}
 * of a case, or whose interval has zero width, carries no uncertainty about N: status
 * {@link Status#DEGENERATE} with a {@link Warning.Kind#DEGENERATE} reason (the figure is kept, but
 * reports show the status beside it).</li>
 * <li><b>No overlap.</b> A table in which no case is on two lists carries no information on N: the
 * log-linear estimators refuse it (NOT_ESTIMABLE, the message says the lists do not overlap), a
 * comparison row is {@link Status#UNBOUNDED}. A table in which a group of lists shares no case with the
 * other lists gets a {@link Warning.Kind#NO_OVERLAP} warning naming the group.</li>
 * <li><b>Implausible.</b> An estimate above a bound the user set ({@link #withMaxEstimate}) gets status
 * {@link Status#WARNING} with a {@link Warning.Kind#IMPLAUSIBLE} warning; the figure is kept so that
 * the user can see how far above the bound it lies.</li>
 * </ul>
 * Any other warning gives {@link Status#WARNING}; no warning gives {@link Status#OK}.
 */
public final class PopulationChecks {
    /** A standard error or unseen count below this many cases is degenerate (a count of people has no finer scale). */
    public static final double DEGENERATE_CASES = 0.01;

    private PopulationChecks() {
    }

    /**
     * The degeneracy rule (see the class description).
     * @param estimate the population estimate
     * @param observed the observed cases
     * @param standardError the standard error of N (NaN where the method defines none: not checked)
     * @param interval the interval, or null
     * @return the DEGENERATE warning, or null if the fit is not degenerate
     */
    public static Warning degeneracy(double estimate, long observed, double standardError, Interval interval) {
        if (!Double.isFinite(estimate)) {
            return null;
        }
        double unseen = estimate - observed;
        if (unseen < DEGENERATE_CASES) {
            return Warning.of(Warning.Kind.DEGENERATE, String.format(Locale.ROOT,
                    "N equals the observed count %s (estimated unseen %s): the fit is at the boundary and says "
                            + "nothing about cases no list saw", Format.count(observed), small(unseen)));
        }
        if (standardError < DEGENERATE_CASES) {
            return Warning.of(Warning.Kind.DEGENERATE, String.format(Locale.ROOT,
                    "the standard error of N is %s: a degenerate fit, not a measure of uncertainty",
                    small(standardError)));
        }
        if (interval != null && !(interval.upper() - interval.lower() > 0)) {
            return Warning.of(Warning.Kind.DEGENERATE, String.format(Locale.ROOT,
                    "the interval has zero width (%s to %s): a degenerate fit, not a measure of uncertainty",
                    Format.number(interval.lower()), Format.number(interval.upper())));
        }
        return null;
    }

    /** A small non-negative number without E-notation. */
    private static String small(double x) {
        return Math.abs(x) < 1e-4 ? (x == 0 ? "0" : "below 0.0001") : Format.number(x);
    }

    /**
     * @param warnings the warnings of a result that has a figure
     * @return {@link Status#OK} if none, {@link Status#DEGENERATE} if one is of kind DEGENERATE, else {@link Status#WARNING}
     */
    public static Status status(List<Warning> warnings) {
        if (warnings.isEmpty()) {
            return Status.OK;
        }
        for (Warning w : warnings) {
            if (w.kind() == Warning.Kind.DEGENERATE) {
                return Status.DEGENERATE;
            }
        }
        return Status.WARNING;
    }

    /**
     * Whether any two lists share a case.
     * @param table the table
     * @return {@code true} if some history with two or more lists has a case
     */
    public static boolean anyOverlap(ListOverlapTable table) {
        return anyOverlap(table.countsByMask());
    }

    static boolean anyOverlap(long[] countsByMask) {
        for (int m = 1; m < countsByMask.length; m++) {
            if (Integer.bitCount(m) >= 2 && countsByMask[m] > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The lists that share no case with the other lists, grouped: the connected components of the graph
     * whose vertices are the lists and whose edges join two lists with a case on both. One component
     * means the lists are linked.
     * @param names the list names
     * @param countsByMask counts by history mask
     * @return the components, each a list of names, in the order of their first list
     */
    public static List<List<String>> components(List<String> names, long[] countsByMask) {
        int k = names.size();
        int[] parent = new int[k];
        for (int i = 0; i < k; i++) {
            parent[i] = i;
        }
        for (int m = 1; m < countsByMask.length; m++) {
            if (countsByMask[m] > 0 && Integer.bitCount(m) >= 2) {
                int first = Integer.numberOfTrailingZeros(m);
                for (int j = first + 1; j < k; j++) {
                    if ((m & 1 << j) != 0) {
                        parent[find(parent, j)] = find(parent, first);
                    }
                }
            }
        }
        List<List<String>> out = new ArrayList<>();
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            int r = find(parent, i);
            int idx = roots.indexOf(r);
            if (idx < 0) {
                roots.add(r);
                out.add(new ArrayList<>());
                idx = out.size() - 1;
            }
            out.get(idx).add(names.get(i));
        }
        return out;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /**
     * @param names the list names
     * @param countsByMask counts by history mask
     * @return the NO_OVERLAP warning naming the groups of lists that share no case with the others, or null
     *     if the lists are linked (or no pair overlaps at all, which the estimators refuse)
     */
    public static Warning disconnected(List<String> names, long[] countsByMask) {
        List<List<String>> c = components(names, countsByMask);
        if (c.size() <= 1 || !anyOverlap(countsByMask)) {
            return null;
        }
        List<String> groups = new ArrayList<>();
        for (List<String> g : c) {
            groups.add(g.size() == 1 ? "'" + g.get(0) + "'" : "{" + String.join(", ", g) + "}");
        }
        return Warning.of(Warning.Kind.NO_OVERLAP, "the lists fall into groups that share no case: "
                + String.join(" / ", groups) + "; nothing in the data links the groups, so the estimate rests on "
                + "the model's assumptions alone");
    }

    /**
     * @param names the list names
     * @return the message for a table in which no case is on two lists
     */
    static String noOverlapMessage(List<String> names) {
        return "The lists do not overlap: no case is on two of the lists " + names + ", so nothing links them and the "
                + "data carry no information on the number no list saw (the population is unbounded)";
    }

    /**
     * The plausibility rule: a copy of the result that, if its estimate is above {@code max}, has status
     * {@link Status#WARNING} (unless it already has a worse one) and a leading {@link Warning.Kind#IMPLAUSIBLE}
     * warning. Results without a figure, or within the bound, are returned unchanged.
     * @param e the result
     * @param max the largest plausible population, {@code > 0}
     * @return the result, checked
     */
    public static PopulationEstimate withMaxEstimate(PopulationEstimate e, double max) {
        Objects.requireNonNull(e, "estimate");
        org.prevalence.core.Checks.positive("maxEstimate", max);
        Warning w = implausible(e.getEstimate(), max);
        if (w == null || !e.getStatus().hasFigure() && e.getStatus() != Status.DEGENERATE) {
            return e;
        }
        return new Checked(e, w);
    }

    /**
     * @param estimate an estimate
     * @param max the bound (infinite: no bound)
     * @return the IMPLAUSIBLE warning if {@code estimate > max}, else null
     */
    static Warning implausible(double estimate, double max) {
        if (!(estimate > max)) {
            return null;
        }
        return Warning.of(Warning.Kind.IMPLAUSIBLE, String.format(Locale.ROOT,
                "the estimate %s is above the plausible maximum %s that was set", Format.number(estimate),
                Format.number(max)));
    }

    /** A result with an IMPLAUSIBLE warning added. */
    private static final class Checked implements PopulationEstimate {
        private final PopulationEstimate e;
        private final List<Warning> warnings;

        Checked(PopulationEstimate e, Warning w) {
            this.e = e;
            List<Warning> ws = new ArrayList<>();
            ws.add(w);
            ws.addAll(e.getWarnings());
            this.warnings = List.copyOf(ws);
        }

        @Override
        public String getMethod() {
            return e.getMethod();
        }

        @Override
        public List<String> getLists() {
            return e.getLists();
        }

        @Override
        public long getObserved() {
            return e.getObserved();
        }

        @Override
        public double getEstimate() {
            return e.getEstimate();
        }

        @Override
        public double getStandardError() {
            return e.getStandardError();
        }

        @Override
        public Interval getConfidenceInterval() {
            return e.getConfidenceInterval();
        }

        @Override
        public String getModelName() {
            return e.getModelName();
        }

        @Override
        public Status getStatus() {
            return e.getStatus() == Status.OK ? Status.WARNING : e.getStatus();
        }

        @Override
        public List<Warning> getWarnings() {
            return warnings;
        }

        @Override
        public String toString() {
            return e + " [" + getStatus().label() + ": " + warnings.get(0).message() + "]";
        }
    }
}
