package org.prevalence.mse;

import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.prevalence.core.PrevalenceException;

/**
 * SparseMSE's {@code stepwisefit} on the fast path of an {@link MseEngine}: from the main effects, add
 * the pair with the smallest one-sided Poisson p-value below {@code pthresh} that passes the existence
 * and identifiability check, until none does.
 */
final class StepwiseSelection {
    private StepwiseSelection() {
    }

    /** The selected model; the engine's fast fitter holds its fit. */
    static LogLinearModel select(MseEngine e, double pthresh, EmptyOverlaps emptyOverlaps) {
        int k = e.k;
        if (pthresh == 1 && e.checkCode(LogLinearModel.allPairs(k)) == 0
                && (emptyOverlaps == EmptyOverlaps.EXTENDED_MLE || e.emptyTerms(LogLinearModel.allPairs(k)).length == 0)) {
            LogLinearModel all = LogLinearModel.allPairs(k);
            e.fastFit(all, false);
            return all;
        }
        LogLinearModel cur = LogLinearModel.mainEffects(k);
        LogLinearIrls f = e.fastFit(cur, false);
        if (f == null) {
            throw PrevalenceException.notConverged("model 'main'",
                    "The main-effects model did not converge in %d IRLS iterations", 25);
        }
        if (pthresh == 0) {
            return cur;
        }
        int[] pairs = pairs(k);
        int np = pairs.length;
        boolean[] included = new boolean[np];
        double[] pval = new double[np];
        boolean[] tried = new boolean[np];
        for (int cycle = 0; cycle < np; cycle++) {
            pValues(e, f, pairs, included, pval);
            int chosen = firstAllowed(e, cur, pairs, included, pval, tried, pthresh, emptyOverlaps);
            if (chosen < 0) {
                e.fastFit(cur, false);
                return cur;
            }
            cur = cur.with(pairs[chosen]);
            f = e.fastFit(cur, false);
            if (f == null) {
                throw PrevalenceException.notConverged("term '" + LogLinearModel.maskName(pairs[chosen], e.names) + "'",
                        "Stepwise selection: the model %s did not converge in 25 IRLS iterations", cur.generatingClass());
            }
            included[chosen] = true;
        }
        return cur;
    }

    /** The masks of the k(k - 1)/2 pairs of lists, in order (0,1), (0,2), ..., (k-2,k-1). */
    private static int[] pairs(int k) {
        int[] pairs = new int[k * (k - 1) / 2];
        int c = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                pairs[c++] = 1 << i | 1 << j;
            }
        }
        return pairs;
    }

    /** The p-value of each pair not yet included, from the current fit (+Inf for the included ones). */
    private static void pValues(MseEngine e, LogLinearIrls f, int[] pairs, boolean[] included, double[] pval) {
        int[] cells = e.lastCells;
        for (int j = 0; j < pairs.length; j++) {
            if (included[j]) {
                pval[j] = Double.POSITIVE_INFINITY;
                continue;
            }
            double pstar = 0;
            for (int cell : cells) {
                if ((cell & pairs[j]) == pairs[j]) {
                    pstar += f.fitted(cell);
                }
            }
            pval[j] = poissonP(e.nstar[pairs[j]], pstar);
        }
    }

    /**
     * Candidates by p-value then pair order; the first passing the check is SparseMSE's choice
     * (it sets p = 1 for failures and takes the first minimum). Returns -1 if none.
     */
    private static int firstAllowed(MseEngine e, LogLinearModel cur, int[] pairs, boolean[] included, double[] pval,
                                    boolean[] tried, double pthresh, EmptyOverlaps emptyOverlaps) {
        int np = pairs.length;
        java.util.Arrays.fill(tried, false);
        while (true) {
            int best = -1;
            for (int j = 0; j < np; j++) {
                if (!included[j] && !tried[j] && pval[j] < pthresh && (best < 0 || pval[j] < pval[best])) {
                    best = j;
                }
            }
            if (best < 0) {
                return -1;
            }
            tried[best] = true;
            boolean allowed = emptyOverlaps == EmptyOverlaps.EXTENDED_MLE || e.nstar[pairs[best]] > 0;
            if (allowed && e.checkCode(cur.with(pairs[best])) == 0) {
                return best;
            }
        }
    }

    /** SparseMSE's one-sided Poisson p-value: min(P(X &lt;= n), P(X &gt;= n)), X ~ Poisson(lambda). */
    static double poissonP(long n, double lambda) {
        if (!(lambda > 0)) {
            return n == 0 ? 1.0 : 0.0;
        }
        PoissonDistribution d = PoissonDistribution.of(lambda);
        int ni = (int) Math.min(n, Integer.MAX_VALUE);
        double lower = d.cumulativeProbability(ni);
        double upper = ni == 0 ? 1.0 : d.survivalProbability(ni - 1);
        return Math.min(lower, upper);
    }
}
