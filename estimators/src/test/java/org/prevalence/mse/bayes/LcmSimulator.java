package org.prevalence.mse.bayes;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * Draws (N, alpha, pi, lambda) from the prior of the latent-class model and simulates a list table
 * from it, with Commons RNG samplers only (independent of LcmRandom): alpha ~ Gamma(a, rate b),
 * V_k ~ Beta(1, alpha) as 1 - U^(1/alpha), lambda_jk ~ U(0, 1), N ~ 1/N on 1..nMax by inversion, then
 * each individual's class and captures. Tables with nobody observed are drawn again (conditioning on
 * the data alone leaves the posterior, hence calibration, unchanged).
 */
final class LcmSimulator {
    /** One simulated data set with its true N. */
    record Draw(ListOverlapTable table, long population) {
    }

    private final int lists;
    private final int classes;
    private final double aAlpha;
    private final double bAlpha;
    private final double[] cdfN;

    LcmSimulator(int lists, int classes, double aAlpha, double bAlpha, int nMax) {
        this.lists = lists;
        this.classes = classes;
        this.aAlpha = aAlpha;
        this.bAlpha = bAlpha;
        cdfN = new double[nMax + 1];
        for (int v = 1; v <= nMax; v++) {
            cdfN[v] = cdfN[v - 1] + 1.0 / v;
        }
        for (int v = 1; v <= nMax; v++) {
            cdfN[v] /= cdfN[nMax];
        }
    }

    Draw draw(UniformRandomProvider rng) {
        while (true) {
            double alpha = AhrensDieterMarsagliaTsangGammaSampler.of(rng, aAlpha, 1 / bAlpha).sample();
            double[] pi = new double[classes];
            double rest = 1;
            for (int k = 0; k < classes - 1; k++) {
                double v = 1 - Math.pow(rng.nextDouble(), 1 / alpha);
                pi[k] = rest * v;
                rest *= 1 - v;
            }
            pi[classes - 1] = rest;
            double[][] lambda = new double[classes][lists];
            for (int k = 0; k < classes; k++) {
                for (int j = 0; j < lists; j++) {
                    lambda[k][j] = rng.nextDouble();
                }
            }
            double u = rng.nextDouble();
            int n = 1;
            while (cdfN[n] < u) {
                n++;
            }
            long[] counts = new long[1 << lists];
            for (int i = 0; i < n; i++) {
                double w = rng.nextDouble();
                int k = 0;
                double acc = pi[0];
                while (k < classes - 1 && w >= acc) {
                    k++;
                    acc += pi[k];
                }
                int mask = 0;
                for (int j = 0; j < lists; j++) {
                    if (rng.nextDouble() < lambda[k][j]) {
                        mask |= 1 << j;
                    }
                }
                counts[mask]++;
            }
            counts[0] = 0;
            long observed = 0;
            for (long c : counts) {
                observed += c;
            }
            if (observed > 0) {
                List<String> names = new ArrayList<>();
                for (int j = 0; j < lists; j++) {
                    names.add("L" + (j + 1));
                }
                return new Draw(ListOverlapTable.ofMaskCounts(names, counts), n);
            }
        }
    }
}
