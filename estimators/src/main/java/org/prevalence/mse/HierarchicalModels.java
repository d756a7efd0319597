package org.prevalence.mse;

import java.util.ArrayList;
import java.util.List;
import org.prevalence.core.PrevalenceException;

/**
 * Enumerates every hierarchical log-linear model with all main effects and interactions of at most a
 * given order: the sets of terms closed under subsets (simplicial complexes on the K lists). For 5
 * lists and order 3 there are 6,212, the models of MultipleSystemsEstimation's {@code hiermodels}
 * for 5 lists up to order 3.
 */
public final class HierarchicalModels {
    /** The largest number of models {@link #enumerate} will list. */
    public static final int MAX_MODELS = 250_000;

    private HierarchicalModels() {
    }

    /**
     * MultipleSystemsEstimation's default maximum order: 1, 2, 3, 3 for 2, 3, 4, 5 lists, 2 beyond.
     * @param k the number of lists
     * @return the default maximum order
     */
    public static int defaultMaxOrder(int k) {
        return k <= 2 ? 1 : k == 3 ? 2 : k <= 5 ? 3 : 2;
    }

    /**
     * @param k the number of lists
     * @param maxOrder the largest term size, 1 to K-1 (the saturated model is not identifiable)
     * @return the models in a fixed order: depth-first over terms ordered by size, then mask; the
     *     main-effects model first
     * @throws PrevalenceException if there would be more than {@link #MAX_MODELS}
     */
    public static List<LogLinearModel> enumerate(int k, int maxOrder) {
        if (maxOrder < 1 || maxOrder > k - 1) {
            throw PrevalenceException.invalidArgument("maxOrder",
                    "The maximum order must be 1 to %d for %d lists (the saturated model is not identifiable), got %d",
                    k - 1, k, maxOrder);
        }
        List<Integer> cand = new ArrayList<>();
        for (int size = 2; size <= maxOrder; size++) {
            for (int m = 1; m < 1 << k; m++) {
                if (Integer.bitCount(m) == size) {
                    cand.add(m);
                }
            }
        }
        int[] terms = cand.stream().mapToInt(Integer::intValue).toArray();
        List<LogLinearModel> out = new ArrayList<>();
        boolean[] in = new boolean[1 << k];
        int[] chosen = new int[terms.length];
        recurse(k, terms, 0, in, chosen, 0, out);
        return out;
    }

    private static void recurse(int k, int[] terms, int idx, boolean[] in, int[] chosen, int nChosen,
            List<LogLinearModel> out) {
        if (idx == terms.length) {
            if (out.size() >= MAX_MODELS) {
                throw PrevalenceException.invalidArgument("maxOrder",
                        "More than %d hierarchical models for %d lists; lower the maximum order or use stepwise",
                        MAX_MODELS, k);
            }
            out.add(LogLinearModel.ofTermsUnchecked(k, java.util.Arrays.copyOf(chosen, nChosen)));
            return;
        }
        recurse(k, terms, idx + 1, in, chosen, nChosen, out);
        int t = terms[idx];
        for (int b = t; b != 0; b &= b - 1) {
            int sub = t & ~(b & -b);
            if (Integer.bitCount(sub) >= 2 && !in[sub]) {
                return;
            }
        }
        in[t] = true;
        chosen[nChosen] = t;
        recurse(k, terms, idx + 1, in, chosen, nChosen + 1, out);
        in[t] = false;
    }
}
