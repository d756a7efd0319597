package org.prevalence.mse.bayes;

/**
 * One chain of the data-augmentation Gibbs sampler of Manrique-Vallier (2016) for the truncated
 * stick-breaking latent-class model, working on capture patterns rather than individuals: the
 * \( f_m \) individuals with pattern \( m \) share their conditional class probabilities, so their
 * class counts are one multinomial draw. Package-private; one instance per chain, not thread-safe.
 *
 * <p>Each {@link #iterate()} runs the steps in the order of LCMCR 0.4.14's
 * {@code CNPLCM_CR_Basic_Freq::Update()}:
 * <ol>
 * <li>class counts of the observed individuals, per pattern:
 * \( (c_{m1},\dots,c_{mK}) \sim \mathrm{Mult}(f_m; \propto \pi_k \prod_j \lambda_{jk}^{x_{mj}}
 * (1-\lambda_{jk})^{1-x_{mj}}) \);</li>
 * <li>capture probabilities \( \lambda_{jk} \sim \mathrm{Beta}(1 + \#\{i: z_i = k, x_{ij} = 1\},
 * 1 + \#\{i: z_i = k, x_{ij} = 0\}) \), counting the \( n_0 \) unobserved individuals as
 * \( x_{ij} = 0 \);</li>
 * <li>stick-breaking weights \( V_k \sim \mathrm{Beta}(1 + n_k, \alpha + \sum_{h>k} n_h) \),
 * \( k &lt; K \), \( \pi_k = V_k \prod_{h&lt;k} (1 - V_h) \);</li>
 * <li>the number of unobserved individuals \( n_0 \sim \mathrm{NegBin}(n, 1 - \pi_0) \) with
 * \( \pi_0 = \sum_k \pi_k \prod_j (1 - \lambda_{jk}) \) (the conditional under the prior
 * \( p(N) \propto 1/N \)), restricted to \( n_0 \le \) the cap by rejection;</li>
 * <li>class counts of the unobserved: \( \mathrm{Mult}(n_0; \propto \pi_k \prod_j (1-\lambda_{jk})) \);</li>
 * <li>the concentration \( \alpha \sim \mathrm{Gamma}(a_\alpha + K - 1, b_\alpha - \log \pi_K) \)
 * (rate parametrisation).</li>
 * </ol>
 * The start follows LCMCR's {@code Initializes()}: stick weights from Beta(1, 1) draws, every
 * \( \lambda_{jk} \) at the observed relative frequency of list j, \( \alpha = 0.3/K \), 500
 * warm-up sweeps without the \( \alpha \) step, then classes relabelled by decreasing weight.
 */
final class LcmChain {
    /** Warm-up sweeps before burn-in, as LCMCR. */
    static final int WARM_UP = 500;
    /** Relative weights below e^FLUSH_LOG are set to 0. */
    private static final double FLUSH_LOG = -650;

    private final int lists;
    private final int classes;
    private final int patterns;
    private final int[][] ones;      // set bits of each pattern
    private final int[] freq;
    private final long n;
    private final long cap;
    private final double aAlpha;
    private final double bAlpha;
    private final LcmRandom rnd;

    // parameters
    private final double[] lam0;     // [j * K + k] 1 - lambda_jk
    private final double[] logNu;
    private double alpha;
    private long n0;
    // latent counts
    private final int[][] countMK;
    private final long[] count0K;
    // derived, per sweep
    private final double[] ratio;    // lambda / (1 - lambda), [j * K + k], set with lambda
    private final double[] zeroW;    // pi_k prod_j (1 - lambda_jk) / max_k (same), or 0 (see derive)
    private double logZeroScale;     // log max_k pi_k prod_j (1 - lambda_jk)
    private final double[] logZeroW;
    private final int[] order;       // classes by decreasing pi
    // scratch
    private final double[] w;
    private final double[] wOrdered;
    private final double[] suffix;
    private final int[] drawn;
    private final double[] beta = new double[3];
    private final long[] classTotal;
    private final long[] onesJK;

    /**
     * @param lists J
     * @param classes K
     * @param patternMasks the observed patterns (bit j = list j), each with frequency &gt; 0
     * @param freq their frequencies
     * @param cap the largest number of unobserved individuals allowed
     * @param aAlpha gamma prior shape of alpha
     * @param bAlpha gamma prior rate of alpha
     * @param rnd this chain's variates
     */
    LcmChain(int lists, int classes, int[] patternMasks, int[] freq, long cap, double aAlpha, double bAlpha,
             LcmRandom rnd) {
        this.lists = lists;
        this.classes = classes;
        this.patterns = patternMasks.length;
        this.freq = freq.clone();
        this.cap = cap;
        this.aAlpha = aAlpha;
        this.bAlpha = bAlpha;
        this.rnd = rnd;
        this.ones = new int[patterns][];
        long total = 0;
        for (int m = 0; m < patterns; m++) {
            ones[m] = new int[Integer.bitCount(patternMasks[m])];
            int t = 0;
            for (int j = 0; j < lists; j++) {
                if ((patternMasks[m] & (1 << j)) != 0) {
                    ones[m][t++] = j;
                }
            }
            total += freq[m];
        }
        this.n = total;
        int jk = lists * classes;
        lam0 = new double[jk];
        ratio = new double[jk];
        onesJK = new long[jk];
        logNu = new double[classes];
        zeroW = new double[classes];
        logZeroW = new double[classes];
        order = new int[classes];
        countMK = new int[patterns][classes];
        count0K = new long[classes];
        classTotal = new long[classes];
        w = new double[classes];
        wOrdered = new double[classes];
        suffix = new double[classes + 1];
        drawn = new int[classes];
        initialise(patternMasks);
    }

    private void initialise(int[] patternMasks) {
        // stick weights from Beta(1, 1) draws (LCMCR Initializes)
        double acc = 0;
        for (int k = 0; k < classes - 1; k++) {
            rnd.logBeta(1, 1, beta);
            logNu[k] = beta[0] + acc;
            acc += beta[1];
        }
        logNu[classes - 1] = acc;
        // every lambda_jk at the observed relative frequency of list j
        for (int j = 0; j < lists; j++) {
            long on = 0;
            for (int m = 0; m < patterns; m++) {
                if ((patternMasks[m] & (1 << j)) != 0) {
                    on += freq[m];
                }
            }
            // LCMCR's start; kept inside (0, 1) so that the ratios stay finite
            double p = Math.min(Math.max((double) on / n, 1e-10), 1 - 1e-10);
            for (int k = 0; k < classes; k++) {
                lam0[j * classes + k] = 1 - p;
                ratio[j * classes + k] = p / (1 - p);
            }
        }
        alpha = 0.3 / classes;
        n0 = 0;
        derive();
        for (int i = 0; i < WARM_UP; i++) {
            sweep(false);
        }
        relabelByWeight();
    }

    /** Relabels classes by decreasing weight pi_k (LCMCR permute_latent_classes_by_nu). */
    private void relabelByWeight() {
        Integer[] idx = new Integer[classes];
        for (int k = 0; k < classes; k++) {
            idx[k] = k;
        }
        // stable sort on decreasing weight, as std::sort on 1 - nu (ties are measure-zero)
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(logNu[b], logNu[a]));
        double[] r1 = ratio.clone();
        double[] l0 = lam0.clone();
        double[] nu = logNu.clone();
        long[] c0 = count0K.clone();
        int[][] cm = new int[patterns][];
        for (int m = 0; m < patterns; m++) {
            cm[m] = countMK[m].clone();
        }
        for (int k = 0; k < classes; k++) {
            int old = idx[k];
            logNu[k] = nu[old];
            count0K[k] = c0[old];
            for (int j = 0; j < lists; j++) {
                ratio[j * classes + k] = r1[j * classes + old];
                lam0[j * classes + k] = l0[j * classes + old];
            }
            for (int m = 0; m < patterns; m++) {
                countMK[m][k] = cm[m][old];
            }
        }
        derive();
    }

    /** @return the current population size N = n + n0 */
    long population() {
        return n + n0;
    }

    /** @return the current concentration alpha */
    double alpha() {
        return alpha;
    }

    /** @return the number of classes holding at least one individual */
    int occupiedClasses() {
        int s = 0;
        for (int k = 0; k < classes; k++) {
            if (classTotal[k] > 0) {
                s++;
            }
        }
        return s;
    }

    /** One full sweep (steps 1-6). */
    void iterate() {
        sweep(true);
    }

    private void sweep(boolean updateAlpha) {
        sampleObservedClasses();   // step 1
        sampleCaptureProbabilities(); // step 2
        sampleStickWeights();      // step 3
        derive();
        sampleUnobserved();        // steps 4 and 5
        if (updateAlpha) {
            sampleAlpha();         // step 6
        }
    }

    /** Quantities derived from lambda and pi, shared by every pattern in the next steps. */
    private void derive() {
        double maxZero = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            double prod = 1;
            for (int j = 0; j < lists; j++) {
                prod *= lam0[j * classes + k];
            }
            double l0;
            if (prod > 1e-280) {
                l0 = Math.log(prod);
            } else {
                l0 = 0;
                for (int j = 0; j < lists; j++) {
                    l0 += Math.log(lam0[j * classes + k]);
                }
            }
            logZeroW[k] = logNu[k] + l0;
            maxZero = Math.max(maxZero, logZeroW[k]);
        }
        // Weights relative to the largest zero-pattern weight. A class is flushed to 0 (subnormal
        // products are very slow) only if even its heaviest pattern weighs < e^-650 on that scale; a
        // pattern whose weights sum below 1e-200 is redone exactly in logs (logScaleWeights), so a
        // flushed class never carries more than e^-190 of a pattern's weight.
        logZeroScale = maxZero;
        for (int k = 0; k < classes; k++) {
            final double d = logZeroW[k] - maxZero;
            double up = 1;
            for (int j = 0; j < lists; j++) {
                up *= Math.max(1, ratio[j * classes + k]);
            }
            zeroW[k] = d + Math.log(up) < FLUSH_LOG ? 0 : Math.exp(d);
        }
        // classes by decreasing weight: multinomials then stop early once all are placed
        for (int k = 0; k < classes; k++) {
            order[k] = k;
        }
        for (int a = 1; a < classes; a++) {
            int v = order[a];
            int b = a - 1;
            while (b >= 0 && logNu[order[b]] < logNu[v]) {
                order[b + 1] = order[b];
                b--;
            }
            order[b + 1] = v;
        }
    }

    /** Step 1: class counts of each observed pattern. */
    private void sampleObservedClasses() {
        for (int m = 0; m < patterns; m++) {
            final int[] on = ones[m];
            double sum = 0;
            for (int t = 0; t < classes; t++) {
                final int k = order[t];
                double v = zeroW[k];
                if (v != 0) {
                    for (int j : on) {
                        v *= ratio[j * classes + k];
                    }
                }
                wOrdered[t] = v;
                sum += v;
            }
            if (!(sum > 1e-200 && sum < Double.POSITIVE_INFINITY)) {
                logScaleWeights(on);
            }
            // this pattern's heaviest class first, so that the sequential binomials end early
            int top = 0;
            for (int t = 1; t < classes; t++) {
                if (wOrdered[t] > wOrdered[top]) {
                    top = t;
                }
            }
            final double wt = wOrdered[top];
            wOrdered[top] = wOrdered[0];
            wOrdered[0] = wt;
            rnd.multinomial(freq[m], wOrdered, classes, drawn, suffix);
            final int[] c = countMK[m];
            for (int t = 0; t < classes; t++) {
                c[order[t]] = drawn[t];
            }
            final int d0 = c[order[0]];
            c[order[0]] = c[order[top]];
            c[order[top]] = d0;
        }
    }

    /** Fallback of step 1 when the products under- or overflow: the same weights, shifted in logs. */
    private void logScaleWeights(int[] on) {
        double max = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < classes; t++) {
            final int k = order[t];
            double v = logZeroW[k];
            for (int j : on) {
                v += Math.log(ratio[j * classes + k]);
            }
            wOrdered[t] = v;
            max = Math.max(max, v);
        }
        for (int t = 0; t < classes; t++) {
            wOrdered[t] = Math.exp(wOrdered[t] - max);
        }
    }

    /** Step 2: lambda_jk ~ Beta(1 + ones, 1 + zeros), unobserved individuals counted as zeros. */
    private void sampleCaptureProbabilities() {
        java.util.Arrays.fill(onesJK, 0);
        for (int k = 0; k < classes; k++) {
            classTotal[k] = count0K[k];
        }
        for (int m = 0; m < patterns; m++) {
            final int[] c = countMK[m];
            for (int k = 0; k < classes; k++) {
                final int ck = c[k];
                if (ck != 0) {
                    classTotal[k] += ck;
                    for (int j : ones[m]) {
                        onesJK[j * classes + k] += ck;
                    }
                }
            }
        }
        for (int j = 0; j < lists; j++) {
            for (int k = 0; k < classes; k++) {
                final int i = j * classes + k;
                final long on = onesJK[i];
                rnd.beta(1.0 + on, 1.0 + (classTotal[k] - on), beta);
                lam0[i] = beta[1];
                ratio[i] = beta[2];
            }
        }
    }

    /** Step 3: stick-breaking weights. */
    private void sampleStickWeights() {
        long acc = 0;
        final long all = n + n0;
        double logRest = 0;
        for (int k = 0; k < classes - 1; k++) {
            acc += classTotal[k];
            rnd.logBeta(1.0 + classTotal[k], alpha + (all - acc), beta);
            logNu[k] = beta[0] + logRest;
            logRest += beta[1];
        }
        logNu[classes - 1] = logRest;
    }

    /** Steps 4 and 5: n0, then the classes of the unobserved individuals. */
    private void sampleUnobserved() {
        double rel = 0;
        for (int k = 0; k < classes; k++) {
            rel += zeroW[k];
        }
        double p0 = Math.exp(logZeroScale) * rel;
        if (p0 >= 1) {
            p0 = Math.nextDown(1.0);
        }
        n0 = rnd.negativeBinomialCapped(n, p0, cap);
        if (n0 == 0) {
            java.util.Arrays.fill(count0K, 0);
            return;
        }
        for (int t = 0; t < classes; t++) {
            wOrdered[t] = zeroW[order[t]];
        }
        if (n0 > Integer.MAX_VALUE) {
            throw new IllegalStateException("n0 too large: " + n0);
        }
        int top = 0;
        for (int t = 1; t < classes; t++) {
            if (wOrdered[t] > wOrdered[top]) {
                top = t;
            }
        }
        final double wt = wOrdered[top];
        wOrdered[top] = wOrdered[0];
        wOrdered[0] = wt;
        rnd.multinomial((int) n0, wOrdered, classes, drawn, suffix);
        for (int t = 0; t < classes; t++) {
            count0K[order[t]] = drawn[t];
        }
        final long d0 = count0K[order[0]];
        count0K[order[0]] = count0K[order[top]];
        count0K[order[top]] = d0;
    }

    /** Step 6: alpha ~ Gamma(a_alpha + K - 1, rate b_alpha - log pi_K). */
    private void sampleAlpha() {
        alpha = rnd.gamma(aAlpha + classes - 1, bAlpha - logNu[classes - 1]);
    }
}
