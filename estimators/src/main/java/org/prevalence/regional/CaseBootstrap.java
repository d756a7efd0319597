package org.prevalence.regional;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.prevalence.core.bootstrap.Resampler;

/**
 * The stratified bootstrap over cases: the resampling unit is a pool of strata (a single stratum
 * unless pooled). A resample holds, for each stratum, its resampled capture-history counts
 * followed by the resampled sums of victims and of stock contributions, at stride
 * {@code cells + 2}. Cases are stored grouped by pool.
 */
final class CaseBootstrap implements Resampler<double[]> {
    private final int cells;
    private final int stride;
    private final int strata;
    private final int[] groupStart;     // cases of group g: [groupStart[g], groupStart[g+1])
    private final int[] caseStratum;
    private final int[] casePattern;
    private final double[] caseVictims;
    private final double[] caseStock;
    private final double[][] binomialCdf; // per group: cdf over [binomialLow[g], ...]; null = fixed n
    private final int[] binomialLow;
    private final double[] original;

    CaseBootstrap(int cells, int strata, int[] groupStart, int[] caseStratum, int[] casePattern,
                  double[] caseVictims, double[] caseStock, double[] groupEstimate, BootstrapScheme scheme) {
        this.cells = cells;
        this.stride = cells + 2;
        this.strata = strata;
        this.groupStart = groupStart;
        this.caseStratum = caseStratum;
        this.casePattern = casePattern;
        this.caseVictims = caseVictims;
        this.caseStock = caseStock;
        int groups = groupStart.length - 1;
        this.binomialCdf = new double[groups][];
        this.binomialLow = new int[groups];
        for (int g = 0; g < groups; g++) {
            int n = groupStart[g + 1] - groupStart[g];
            long m = Math.round(groupEstimate[g]);
            if (scheme == BootstrapScheme.POPULATION && m > n) {
                tabulate(g, (int) Math.min(m, Integer.MAX_VALUE), (double) n / m);
            }
        }
        this.original = new double[strata * stride];
        for (int i = 0; i < caseStratum.length; i++) {
            add(original, i);
        }
    }

    /** Tabulates the Binomial(m, p) distribution function over mean +- 12 sd (mass outside < 1e-30). */
    private void tabulate(int g, int m, double p) {
        BinomialDistribution b = BinomialDistribution.of(m, p);
        double mean = m * p;
        double sd = Math.sqrt(m * p * (1 - p));
        int lo = (int) Math.max(0, Math.floor(mean - 12 * sd - 1));
        int hi = (int) Math.min(m, Math.ceil(mean + 12 * sd + 1));
        double[] cdf = new double[hi - lo + 1];
        double acc = 0;
        for (int k = lo; k <= hi; k++) {
            acc += b.probability(k);
            cdf[k - lo] = acc;
        }
        for (int k = 0; k < cdf.length; k++) {
            cdf[k] /= acc;
        }
        binomialCdf[g] = cdf;
        binomialLow[g] = lo;
    }

    private void add(double[] buf, int i) {
        int base = caseStratum[i] * stride;
        buf[base + casePattern[i]] += 1;
        buf[base + cells] += caseVictims[i];
        buf[base + cells + 1] += caseStock[i];
    }

    @Override
    public double[] original() {
        return original.clone();
    }

    @Override
    public double[] newBuffer() {
        return new double[strata * stride];
    }

    @Override
    public void resample(UniformRandomProvider rng, double[] buf) {
        Arrays.fill(buf, 0);
        for (int g = 0; g < binomialCdf.length; g++) {
            int from = groupStart[g];
            int n = groupStart[g + 1] - from;
            int draws = n;
            double[] cdf = binomialCdf[g];
            if (cdf != null) {
                // inversion of the tabulated Binomial(M, n/M): number of observed cases in the replicate
                int k = Arrays.binarySearch(cdf, rng.nextDouble());
                draws = binomialLow[g] + (k >= 0 ? k : -k - 1);
            }
            for (int t = 0; t < draws; t++) {
                add(buf, from + rng.nextInt(n));
            }
        }
    }

    int stride() {
        return stride;
    }
}
