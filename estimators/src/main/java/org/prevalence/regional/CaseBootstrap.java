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
final class CaseBootstrap implements Resampler<CaseBootstrap.Sample> {
    /** A resample: the per-stratum sums, and a scratch array of case multiplicities (all zero between uses). */
    static final class Sample {
        final double[] sums;
        final int[] multiplicity;

        Sample(double[] sums, int[] multiplicity) {
            this.sums = sums;
            this.multiplicity = multiplicity;
        }
    }

    private final int cells;
    private final int stride;
    private final int strata;
    private final int[] groupStart;     // cases of group g: [groupStart[g], groupStart[g+1])
    /** Per case, 4 doubles: buffer index of its cell, buffer index of its sums, victims, stock (one cache line per 2 cases). */
    private final double[] packed;
    private final double[][] binomialCdf; // per group: cdf over [binomialLow[g], ...]; null = fixed n
    private final int[] binomialLow;
    private final double[] original;

    CaseBootstrap(int cells, int strata, int[] groupStart, int[] caseStratum, int[] casePattern,
                  double[] caseVictims, double[] caseStock, double[] groupEstimate, BootstrapScheme scheme) {
        this.cells = cells;
        this.stride = cells + 2;
        this.strata = strata;
        this.groupStart = groupStart;
        this.packed = new double[4 * caseStratum.length];
        for (int i = 0; i < caseStratum.length; i++) {
            packed[4 * i] = caseStratum[i] * stride + casePattern[i];
            packed[4 * i + 1] = caseStratum[i] * stride + cells;
            packed[4 * i + 2] = caseVictims[i];
            packed[4 * i + 3] = caseStock[i];
        }
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
            add(original, packed, i);
        }
    }

    /** Tabulates the Binomial(m, p) distribution function over mean +- 12 sd (mass outside &lt; 1e-30). */
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

    private static void add(double[] buf, double[] packed, int i) {
        int j = 4 * i;
        int sums = (int) packed[j + 1];
        buf[(int) packed[j]] += 1;
        buf[sums] += packed[j + 2];
        buf[sums + 1] += packed[j + 3];
    }

    @Override
    public Sample original() {
        return new Sample(original.clone(), new int[packed.length / 4]);
    }

    @Override
    public Sample newBuffer() {
        return new Sample(new double[strata * stride], new int[packed.length / 4]);
    }

    @Override
    public void resample(UniformRandomProvider rng, Sample sample) {
        double[] buf = sample.sums;
        int[] mult = sample.multiplicity;
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
            // draw the multiplicities first (random access to a small int array), then add the
            // cases in order (sequential access to the case data)
            drawMultiplicities(rng, mult, from, n, draws);
            for (int i = from; i < from + n; i++) {
                int k = mult[i];
                if (k != 0) {
                    mult[i] = 0;
                    int j = 4 * i;
                    int sums = (int) packed[j + 1];
                    buf[(int) packed[j]] += k;
                    buf[sums] += k * packed[j + 2];
                    buf[sums + 1] += k * packed[j + 3];
                }
            }
        }
    }

    /**
     * Draws {@code draws} indices uniformly from {@code [from, from + n)} (Lemire's multiply-shift
     * with rejection, exact; two 32-bit draws per {@code nextLong}) and counts them.
     */
    private static void drawMultiplicities(UniformRandomProvider rng, int[] mult, int from, int n, int draws) {
        long bound = n;
        long threshold = (0x100000000L - bound) % bound; // 2^32 mod n
        int t = 0;
        while (t < draws) {
            long bits = rng.nextLong();
            long u = bits & 0xffffffffL;
            long m = u * bound;
            if ((m & 0xffffffffL) >= threshold) {
                mult[from + (int) (m >>> 32)]++;
                t++;
            }
            if (t < draws) {
                m = (bits >>> 32) * bound;
                if ((m & 0xffffffffL) >= threshold) {
                    mult[from + (int) (m >>> 32)]++;
                    t++;
                }
            }
        }
    }

    int stride() {
        return stride;
    }
}
