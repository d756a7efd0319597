package org.prevalence.mse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Status;
import org.prevalence.core.Warning;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * The linkage-error correction of Ding and Fienberg (1994), extended to K lists as Di Consiglio and
 * Tuoto (2015, 2018): the expected observed table is a linear map of the true one,
 * <p>\[ E[\mathbf{y}^{obs}] = Q(\alpha, \beta)\, \mathbf{y} \]
 * <p>so the true table is estimated by \( \hat{\mathbf y} = Q^{-1} \mathbf y^{obs} \), rounded to whole
 * counts (largest remainders, keeping the rounded total), and N by the chosen MSE estimator on it.
 * \( \alpha \) is the probability that a true link is made and \( \beta \) the probability that a record
 * with no true match on an earlier list is falsely linked to one.
 *
 * <p>The columns of \( Q \): a person on the lists of \( S \), \( |S| \ge 2 \), has one record on each;
 * each of its \( \binom{|S|}{2} \) true links is kept with probability \( \alpha \), independently, and the
 * person is observed as the connected components of the kept links (each component a unit whose history
 * is the lists it spans). A person on one list \( k \) (lists numbered from 1) is, with probability
 * \( \beta \), falsely linked to a single-list record of an earlier list \( j &lt; k \), each with
 * probability \( 1/(k-1) \): one unit \( \{j, k\} \) replaces the units \( \{j\} \) and \( \{k\} \). For two
 * lists this is Ding and Fienberg's model, \( E[m^{obs}] = \alpha m + \beta (n_2 - m) \), whose
 * Lincoln-Petersen estimate is \( n_1 n_2 (\alpha - \beta) / (m^{obs} - \beta n_2) \). Given the rates alone,
 * the interval is the chosen estimator's on the corrected table, with \( \alpha, \beta \) taken as known.
 * Given rates drawn from their estimation distribution as well ({@link #estimate(ListOverlapTable, double,
 * double, double[], double[], Function)}), the table is corrected once per drawn pair and the estimates are
 * combined by the law of total variance ({@link LinkageAveraging#combine}, Rubin 1987), so that the interval
 * carries the rates' uncertainty (Di Consiglio and Tuoto 2015, section 4: the variance of N has a term for the
 * estimation of alpha and beta); the estimate is the combined one.
 *
 * <p>References: <ol>
 * <li>Ding, Y. and Fienberg, S.E. (1994). Dual system estimation of census undercount in the presence
 * of matching error. Survey Methodology 20(2), 149-158.</li>
 * <li>Di Consiglio, L. and Tuoto, T. (2015). Coverage evaluation on probabilistic data linkage: methods
 * and extensions of Ding and Fienberg's approach. Survey Methodology 41(2), 397-415.</li>
 * <li>Di Consiglio, L. and Tuoto, T. (2018). Population size estimation and linkage errors: the multiple
 * lists case. Journal of Official Statistics 34(4), 889-908.</li></ol>
 *
 * <p>This class is immutable.
 */
public final class LinkageCorrection {
    /** The most lists the correction takes (Q enumerates the link graphs of a person on every list). */
    public static final int MAX_LISTS = 6;
    private static final LinkageCorrection DEFAULT = new LinkageCorrection();

    private LinkageCorrection() {
    }

    /** @return the correction (it has no options; alpha and beta are given to {@link #estimate}) */
    public static LinkageCorrection withDefaults() {
        return DEFAULT;
    }

    /**
     * @param observed the overlap table of the linked records
     * @param alpha the probability a true link is made, in (0, 1]
     * @param beta the probability of a false link, in [0, 1), below alpha
     * @param estimator the configured MSE estimator run on the corrected table
     * @return the corrected estimate
     * @throws PrevalenceException for rates out of range, more than {@link #MAX_LISTS} lists, or a
     *     corrected count below -0.5 (rates the table cannot have come from)
     */
    public Result estimate(ListOverlapTable observed, double alpha, double beta,
                           Function<ListOverlapTable, ? extends PopulationEstimate> estimator) {
        Objects.requireNonNull(estimator, "estimator");
        double[] corrected = correct(observed, alpha, beta);
        long[] counts = round(corrected);
        ListOverlapTable t = ListOverlapTable.ofMaskCounts(observed.listNames(), counts);
        return new Result(estimator.apply(t), observed, t, corrected, alpha, beta);
    }

    /**
     * The correction with the rates' estimation error carried into the interval (see the class description):
     * the corrected table at (alpha, beta) is the one reported, and the estimate, standard error and interval
     * are those of the draws combined.
     *
     * @param observed the overlap table of the linked records
     * @param alpha the estimated link rate, in (0, 1]
     * @param beta the estimated false-link rate, in [0, alpha)
     * @param alphaDraws the link rate of each draw (at least 2)
     * @param betaDraws the false-link rate of each draw (as many)
     * @param estimator the configured MSE estimator run on each corrected table
     * @return the corrected estimate
     * @throws PrevalenceException for rates out of range, draws of unequal length or fewer than two, or fewer than
     *     two draws whose rates could have produced this table
     */
    public Result estimate(ListOverlapTable observed, double alpha, double beta, double[] alphaDraws, double[] betaDraws,
                           Function<ListOverlapTable, ? extends PopulationEstimate> estimator) {
        Objects.requireNonNull(estimator, "estimator");
        if (alphaDraws.length != betaDraws.length || alphaDraws.length < 2) {
            throw PrevalenceException.invalidArgument("rate draws", "need at least 2 drawn (alpha, beta) pairs of equal "
                    + "length, got %d alphas and %d betas", alphaDraws.length, betaDraws.length);
        }
        Result point = estimate(observed, alpha, beta, estimator);
        List<PopulationEstimate> fits = new ArrayList<>(alphaDraws.length);
        int refused = 0;
        for (int s = 0; s < alphaDraws.length; s++) {
            try {
                fits.add(estimate(observed, alphaDraws[s], betaDraws[s], estimator).getFit());
            } catch (PrevalenceException e) {
                if (e.what() != PrevalenceException.Kind.NOT_ESTIMABLE) {
                    throw e;
                }
                refused++;   // the drawn rates cannot have produced this table: a draw outside the rates' support
            }
        }
        if (fits.size() < 2) {
            throw PrevalenceException.notEstimable("rate draws", "only %d of %d drawn (alpha, beta) pairs could have produced "
                    + "this table", fits.size(), alphaDraws.length);
        }
        double level = point.getConfidenceInterval() != null ? point.getConfidenceInterval().level() : 0.95;
        LinkageAveraging.Result combined = LinkageAveraging.withDefaults().withConfidenceLevel(level).combine(fits);
        return new Result(point.fit, observed, point.corrected, point.correctedCounts, alpha, beta, combined, refused,
                alphaDraws.length);
    }

    /**
     * @param observed the observed table
     * @param alpha the link rate
     * @param beta the false-link rate
     * @return \( Q^{-1} \mathbf y^{obs} \) by history mask (index 0, the unobserved cell, is 0)
     */
    public double[] correct(ListOverlapTable observed, double alpha, double beta) {
        int k = observed.listCount();
        if (k > MAX_LISTS) {
            throw PrevalenceException.invalidArgument("lists", "the linkage correction takes at most %d lists, got %d",
                    MAX_LISTS, k);
        }
        if (!(alpha > 0 && alpha <= 1)) {
            throw PrevalenceException.invalidArgument("alpha", "the link rate alpha must be in (0, 1], got %s", alpha);
        }
        if (!(beta >= 0 && beta < alpha)) {
            throw PrevalenceException.invalidArgument("beta", "the false-link rate beta must be in [0, alpha), got %s", beta);
        }
        double[][] q = matrix(k, alpha, beta);
        int cells = (1 << k) - 1;
        double[] y = new double[cells];
        for (int mask = 1; mask <= cells; mask++) {
            y[mask - 1] = observed.count(mask);
        }
        DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(q, false)).getSolver();
        if (!solver.isNonSingular()) {
            throw PrevalenceException.notEstimable("alpha", "the correction matrix is singular for alpha %s, beta %s", alpha, beta);
        }
        RealVector x = solver.solve(new ArrayRealVector(y, false));
        double[] out = new double[cells + 1];
        for (int mask = 1; mask <= cells; mask++) {
            double v = x.getEntry(mask - 1);
            if (v < -0.5) {
                throw PrevalenceException.notEstimable("history " + ListOverlapTable.pattern(mask, k),
                        "the corrected count of history %s is %s < 0: alpha %s and beta %s cannot have produced this table",
                        ListOverlapTable.pattern(mask, k), Format.number(v), alpha, beta);
            }
            out[mask] = Math.abs(v) < 1e-9 ? 0 : v;
        }
        return out;
    }

    /**
     * The matrix \( Q \) (rows: observed history, columns: true history, both by mask - 1).
     *
     * @param k the number of lists
     * @param alpha the link rate
     * @param beta the false-link rate
     * @return Q
     */
    static double[][] matrix(int k, double alpha, double beta) {
        int cells = (1 << k) - 1;
        double[][] q = new double[cells][cells];
        for (int h = 1; h <= cells; h++) {
            int[] members = new int[Integer.bitCount(h)];
            for (int j = 0, c = 0; j < k; j++) {
                if ((h >> j & 1) == 1) {
                    members[c++] = j;
                }
            }
            int s = members.length;
            if (s == 1) {
                int list = members[0];
                q[h - 1][h - 1] += 1 - (list == 0 ? 0 : beta);
                for (int j = 0; j < list; j++) {
                    double share = beta / list;
                    q[(1 << j | h) - 1][h - 1] += share;
                    q[(1 << j) - 1][h - 1] -= share;
                }
                continue;
            }
            int[][] edges = new int[s * (s - 1) / 2][];
            for (int a = 0, e = 0; a < s; a++) {
                for (int b = a + 1; b < s; b++) {
                    edges[e++] = new int[] {a, b};
                }
            }
            int ne = edges.length;
            int[] parent = new int[s];
            for (int kept = 0; kept < 1 << ne; kept++) {
                int nk = Integer.bitCount(kept);
                double p = Math.pow(alpha, nk) * Math.pow(1 - alpha, ne - nk);
                if (p == 0) {
                    continue;
                }
                for (int a = 0; a < s; a++) {
                    parent[a] = a;
                }
                for (int e = 0; e < ne; e++) {
                    if ((kept >> e & 1) == 1) {
                        int ra = find(parent, edges[e][0]);
                        int rb = find(parent, edges[e][1]);
                        parent[Math.max(ra, rb)] = Math.min(ra, rb);
                    }
                }
                int[] unit = new int[s];
                for (int a = 0; a < s; a++) {
                    unit[find(parent, a)] |= 1 << members[a];
                }
                for (int a = 0; a < s; a++) {
                    if (unit[a] != 0) {
                        q[unit[a] - 1][h - 1] += p;
                    }
                }
            }
        }
        return q;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    /** Rounds to whole counts by largest remainders, keeping the rounded total; negatives become 0. */
    private static long[] round(double[] x) {
        int n = x.length;
        long[] out = new long[n];
        double[] rem = new double[n];
        double total = 0;
        long floorSum = 0;
        for (int i = 1; i < n; i++) {
            double v = Math.max(0, x[i]);
            total += v;
            out[i] = (long) Math.floor(v + 1e-9);
            rem[i] = v - out[i];
            floorSum += out[i];
        }
        long extra = Math.round(total) - floorSum;
        Integer[] order = new Integer[n - 1];
        for (int i = 1; i < n; i++) {
            order[i - 1] = i;
        }
        Arrays.sort(order, (a, b) -> rem[a] != rem[b] ? Double.compare(rem[b], rem[a]) : Integer.compare(a, b));
        for (int r = 0; r < extra && r < order.length; r++) {
            out[order[r]]++;
        }
        return out;
    }

    @Override
    public String toString() {
        return "LinkageCorrection[Ding-Fienberg / Di Consiglio-Tuoto, at most " + MAX_LISTS + " lists]";
    }

    /**
     * A linkage-corrected population estimate: the chosen estimator's result on the corrected table.
     * This class is immutable.
     */
    public static final class Result implements PopulationEstimate {
        private final PopulationEstimate fit;
        private final ListOverlapTable observed;
        private final ListOverlapTable corrected;
        private final double[] correctedCounts;
        private final double alpha;
        private final double beta;
        private final LinkageAveraging.Result combined;
        private final List<Warning> warnings;

        Result(PopulationEstimate fit, ListOverlapTable observed, ListOverlapTable corrected, double[] correctedCounts,
               double alpha, double beta) {
            this(fit, observed, corrected, correctedCounts, alpha, beta, null, 0, 0);
        }

        Result(PopulationEstimate fit, ListOverlapTable observed, ListOverlapTable corrected, double[] correctedCounts,
               double alpha, double beta, LinkageAveraging.Result combined, int refused, int drawn) {
            this.combined = combined;
            List<Warning> ws = new ArrayList<>(combined == null ? fit.getWarnings() : combined.getWarnings());
            if (refused > 0) {
                ws.add(Warning.of(Warning.Kind.INCOMPLETE, String.format(Locale.ROOT,
                        "%d of %d drawn (alpha, beta) pairs could not have produced this table and were left out", refused,
                        drawn), "rate draws left out"));
            }
            this.warnings = List.copyOf(ws);
            this.fit = fit;
            this.observed = observed;
            this.corrected = corrected;
            this.correctedCounts = correctedCounts;
            this.alpha = alpha;
            this.beta = beta;
        }

        /** @return {@code "linkage-corrected(METHOD)"} */
        @Override
        public String getMethod() {
            return "linkage-corrected(" + fit.getMethod() + ")";
        }

        @Override
        public List<String> getLists() {
            return fit.getLists();
        }

        /** @return the observed count of the corrected table */
        @Override
        public long getObserved() {
            return fit.getObserved();
        }

        /** @return the estimate on the corrected table, or with rate draws the draws' mean */
        @Override
        public double getEstimate() {
            return combined == null ? fit.getEstimate() : combined.getEstimate();
        }

        @Override
        public double getStandardError() {
            return combined == null ? fit.getStandardError() : combined.getStandardError();
        }

        /**
         * @return the estimator's interval on the corrected table (alpha and beta taken as known), or with rate
         *     draws the combined interval that carries their estimation error
         */
        @Override
        public Interval getConfidenceInterval() {
            return combined == null ? fit.getConfidenceInterval() : combined.getConfidenceInterval();
        }

        @Override
        public String getModelName() {
            return fit.getModelName();
        }

        @Override
        public Status getStatus() {
            Status st = combined == null ? fit.getStatus() : combined.getStatus();
            return st == Status.OK && !warnings.isEmpty() ? Status.WARNING : st;
        }

        @Override
        public List<Warning> getWarnings() {
            return warnings;
        }

        /** @return the combination over the rate draws, if the rates' error was carried (else empty) */
        public java.util.Optional<LinkageAveraging.Result> getRateDraws() {
            return java.util.Optional.ofNullable(combined);
        }

        /** @return the estimator's result on the corrected table at the estimated rates */
        public PopulationEstimate getFit() {
            return fit;
        }

        /** @return the observed (uncorrected) table */
        public ListOverlapTable getObservedTable() {
            return observed;
        }

        /** @return the corrected table, rounded to whole counts */
        public ListOverlapTable getCorrectedTable() {
            return corrected;
        }

        /** @return the corrected counts before rounding, by history mask (index 0 unused) */
        public double[] getCorrectedCounts() {
            return correctedCounts.clone();
        }

        /** @return alpha, the link rate used */
        public double getAlpha() {
            return alpha;
        }

        /** @return beta, the false-link rate used */
        public double getBeta() {
            return beta;
        }

        @Override
        public String toString() {
            List<String> s = new ArrayList<>();
            s.add("alpha " + Format.number(alpha));
            s.add("beta " + Format.number(beta));
            s.add("observed table " + observed.observedTotal() + " cases, corrected " + corrected.observedTotal());
            if (combined != null && combined.getConfidenceInterval() != null) {
                s.add(String.format(Locale.ROOT, "rate draws %d: N = %s, %s%% interval (%s, %s)", combined.getDrawsUsed(),
                        Format.number(combined.getEstimate()), Format.percent(combined.getConfidenceInterval().level()),
                        Format.number(combined.getConfidenceInterval().lower()),
                        Format.number(combined.getConfidenceInterval().upper())));
            }
            return String.format(Locale.ROOT, "LinkageCorrection.Result[%s; %s]", String.join(", ", s), fit);
        }
    }
}
