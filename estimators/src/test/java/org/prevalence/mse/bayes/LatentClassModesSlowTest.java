package org.prevalence.mse.bayes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.prevalence.core.Warning;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * UK 5 lists, where LCMCR's chains settle in different modes (R: 5 of 30 seeds give a median near
 * 12,400-13,000, the rest 16,900-22,900; lcmcr-uk-seeds.csv). Over seeds 1-20 of the default
 * estimator (4 chains x 110,000 sweeps), counts the runs whose chains sit in different modes (a chain
 * median below 15,000 and another above) and how many of them R-hat flags (> 1.01).
 */
@Tag("slow")
class LatentClassModesSlowTest {
    /** Separates the low mode (R: 12,400-13,000) from the high one (16,900-22,900). */
    static final double MODE_SPLIT = 15_000;

    /** R's per-seed medians (lcmcr-uk-seeds.csv): how many of LCMCR's 30 single chains sit in the low mode. */
    static int lcmcrLowModeSeeds() throws java.io.IOException {
        try (java.io.InputStream in = LatentClassModesSlowTest.class.getResourceAsStream("lcmcr-uk-seeds.csv")) {
            int low = 0;
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\r?\n")) {
                if (line.startsWith("uk2013_5lists,") && Double.parseDouble(line.split(",")[3]) < MODE_SPLIT) {
                    low++;
                }
            }
            return low;
        }
    }

    @Test
    void rhatCatchesChainsInDifferentModes() throws java.io.IOException {
        assertTrue(lcmcrLowModeSeeds() == 5, "R: 5 of 30 seeds in the low mode");
        ListOverlapTable uk = LcmFixtures.table("uk2013_5lists");
        int mixed = 0;
        int mixedFlagged = 0;
        int sameMode = 0;
        int sameModeFlagged = 0;
        int allLow = 0;
        int lowChains = 0;
        for (long seed = 1; seed <= 20; seed++) {
            LatentClassMse.Result r = LatentClassMse.withDefaults().withSeed(seed).estimate(uk);
            double[] med = new double[r.getChains()];
            int low = 0;
            for (int c = 0; c < med.length; c++) {
                double[] d = Arrays.stream(r.getChainDraws(c)).asDoubleStream().sorted().toArray();
                med[c] = ConvergenceDiagnostics.quantileSorted(d, 0.5);
                low += med[c] < MODE_SPLIT ? 1 : 0;
            }
            lowChains += low;
            boolean flagged = r.getRhat() > LatentClassMse.RHAT_WARNING;
            if (low > 0 && low < med.length) {
                mixed++;
                mixedFlagged += flagged ? 1 : 0;
                assertTrue(r.getWarnings().stream().map(Warning::message).anyMatch(w -> w.startsWith("R-hat")) == flagged);
            } else {
                sameMode++;
                sameModeFlagged += flagged ? 1 : 0;
                allLow += low == med.length ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "seed %2d chain medians %s R-hat %.3f ESS bulk %.0f tail %.0f median %.0f%n",
                    seed, Arrays.toString(med), r.getRhat(), r.getEssBulk(), r.getEssTail(), r.getEstimate());
        }
        System.out.printf(Locale.ROOT, "LCMCR: %d of 30 single-chain seeds in the low mode%n", lcmcrLowModeSeeds());
        System.out.printf(Locale.ROOT, "UK 5 lists, seeds 1-20: %d of 80 chains in the low mode; %d runs with chains in "
                + "different modes, %d of them flagged by R-hat > 1.01; %d runs with all chains in one mode "
                + "(%d all low), %d of them flagged%n", lowChains, mixed, mixedFlagged, sameMode, allLow, sameModeFlagged);
        // every run whose chains sit in different modes must be flagged
        assertTrue(mixedFlagged == mixed, mixedFlagged + " of " + mixed);
    }
}
