package org.prevalence.survey;

import java.util.List;
import org.prevalence.core.survey.SurveySample;

/**
 * The sampling structure of a {@link SurveyDesign} as primitive arrays (package-private, immutable
 * once made; arrays are shared, never modified): strata, PSUs and SSUs coded densely and ordered so
 * that every estimator and variance engine is a streaming pass, with the fpc factor of each stage.
 * Designs that differ only in their weights, rules or variance engine share one index.
 */
final class DesignIndex {
    final int strataCount;
    final int psuCount;
    /** The PSU [row]. */
    final int[] psu;
    /** The stratum [PSU]. */
    final int[] psuStratum;
    /** PSUs of stratum h are psuOrder[stratumStart[h] .. stratumStart[h+1]). */
    final int[] stratumStart;
    final int[] psuOrder;
    /** Stage-1 fpc factor \( (N_h - n_h)/N_h \) [stratum], 1 without fpc. */
    final double[] f1;
    /** Stage-1 sampling fraction \( n_h/N_h \) [stratum]. */
    final double[] stage1Fraction;
    final List<String> stratumLabels;
    final List<String> psuLabels;
    /** Whether the two-stage variance formula applies (fpc at both stages). */
    final boolean multistage;
    final int ssuCount;
    /** The SSU [row], or null unless multistage. */
    final int[] ssu;
    /** SSUs of PSU p are ssuOrder[psuSsuStart[p] .. psuSsuStart[p+1]); null unless multistage. */
    final int[] psuSsuStart;
    final int[] ssuOrder;
    /** Stage-2 fpc factor \( (M_p - m_p)/M_p \) [PSU], or null unless multistage. */
    final double[] f2;

    private DesignIndex(SurveySample s) {
        strataCount = s.strataCount();
        psuCount = s.psuCount();
        psu = s.psuCodes();
        psuStratum = s.psuStratum();
        stratumLabels = s.stratumLabels();
        psuLabels = s.psuLabels();
        stratumStart = starts(psuStratum, strataCount);
        psuOrder = order(psuStratum, stratumStart);
        double[] pop = s.stratumPopulation();
        f1 = new double[strataCount];
        stage1Fraction = new double[strataCount];
        for (int h = 0; h < strataCount; h++) {
            int nh = stratumStart[h + 1] - stratumStart[h];
            // R onestrat: f = (N - n)/N, 1 without fpc or with an infinite population
            f1[h] = fpcFactor(pop[h], nh);
            stage1Fraction[h] = nh / pop[h];
        }
        double[] pop2 = s.psuPopulation();
        multistage = s.stages() == 2 && pop2 != null;
        if (multistage) {
            ssuCount = s.ssuCount();
            ssu = s.ssuCodes();
            psuSsuStart = starts(s.ssuPsu(), psuCount);
            ssuOrder = order(s.ssuPsu(), psuSsuStart);
            f2 = new double[psuCount];
            for (int p = 0; p < psuCount; p++) {
                f2[p] = fpcFactor(pop2[p], psuSsuStart[p + 1] - psuSsuStart[p]);
            }
        } else {
            ssuCount = 0;
            ssu = null;
            psuSsuStart = null;
            ssuOrder = null;
            f2 = null;
        }
    }

    /** @param s a validated sample @return its index */
    static DesignIndex of(SurveySample s) {
        return new DesignIndex(s);
    }

    private static double fpcFactor(double population, int sampled) {
        return population == Double.POSITIVE_INFINITY ? 1.0 : (population - sampled) / population;
    }

    /** @return the start of each group's units in group order [groups + 1] (a counting sort's offsets) */
    private static int[] starts(int[] groupOf, int groups) {
        int[] count = new int[groups + 1];
        for (int g : groupOf) {
            count[g + 1]++;
        }
        for (int h = 0; h < groups; h++) {
            count[h + 1] += count[h];
        }
        return count;
    }

    /** @return the units ordered by group, within a group in unit order */
    private static int[] order(int[] groupOf, int[] start) {
        int[] out = new int[groupOf.length];
        int[] fill = start.clone();
        for (int u = 0; u < groupOf.length; u++) {
            out[fill[groupOf[u]]++] = u;
        }
        return out;
    }
}
