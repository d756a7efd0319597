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
    /**
     * A class whose weight is below e^FLUSH_LOG times the largest weight \( \pi_{\max} \) gets weight 0
     * on the linear scale (subnormal products are very slow). Its weight in any pattern is then below
     * e^-650 ~ 1e-282, and a pattern whose weights sum below {@link #SUM_MIN} is redone exactly on the
     * log scale, so a flushed class never carries more than ~1e-82 of a pattern's weight.
     */
    private static final double FLUSH_LOG = -650;
    /** A pattern whose class weights sum below this is redone on the log scale. */
    private static final double SUM_MIN = 1e-200;
    /** A product of the \( 1-\lambda_{jk} \) below this puts step 1 of the next sweep on the log scale. */
    private static final double PRODUCT_MIN = 1e-250;

    private final int lists;
    private final int classes;
    private final int patterns;
    private final int[][] ones;      // set bits of each pattern
    private final int[] freq;
    // Pattern weights are built on a tree of list subsets: a node's weight is its parent's (the same
    // set without its lowest list) times lambda / (1 - lambda) of that list, node 0 being the empty set.
    private final int[] patternNode;
    private final int[] nodeParent;
    private final int[] nodeList;
    private final long n;
    private final long cap;
    private final double aAlpha;
    private final double bAlpha;
    private final LcmRandom rnd;

    // parameters
    private final double[] lam0;     // [j * K + k] 1 - lambda_jk
    private final double[] ratio;    // [j * K + k] lambda_jk / (1 - lambda_jk), set with lam0
    private final double[] logNu;    // log pi_k
    private double alpha;
    private long n0;
    private final long[] count0K;    // classes of the unobserved
    // derived from lambda and pi after step 3, used by steps 4-5 and by step 1 of the next sweep
    private final double[] nodeW;    // [node * K + k] (pi_k / pi_max) prod_j lambda^x_j (1 - lambda)^(1 - x_j)
    private double logNuMax;         // log pi_max
    private boolean logScale;        // some class's products may underflow: step 1 on the log scale
    private final int[] order;       // classes by decreasing pi
    // step 1's sufficient statistics for steps 2 and 3 (with count0K)
    private final long[] classTotal;
    private final long[] onesJK;     // [j * K + k]
    // scratch
    private final double[] wOrdered;
    private final double[] suffix;
    private final int[] drawn;
    private final double[] beta = new double[3];

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
        // the subset tree: every pattern and the chain of its parents, parents first
        java.util.Map<Integer, Integer> nodeOf = new java.util.HashMap<>();
        java.util.List<int[]> nodes = new java.util.ArrayList<>();
        nodeOf.put(0, 0);
        nodes.add(new int[] {0, 0});
        patternNode = new int[patterns];
        for (int m = 0; m < patterns; m++) {
            patternNode[m] = node(patternMasks[m], nodeOf, nodes);
        }
        nodeParent = new int[nodes.size()];
        nodeList = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            nodeParent[i] = nodes.get(i)[0];
            nodeList[i] = nodes.get(i)[1];
        }
        int jk = lists * classes;
        lam0 = new double[jk];
        ratio = new double[jk];
        onesJK = new long[jk];
        logNu = new double[classes];
        nodeW = new double[nodes.size() * classes];
        order = new int[classes];
        count0K = new long[classes];
        classTotal = new long[classes];
        wOrdered = new double[classes];
        suffix = new double[classes + 1];
        drawn = new int[classes];
        initialise(patternMasks);
    }

    /** @return the node of a list subset, adding it and its missing parents (parents first) */
    private static int node(int mask, java.util.Map<Integer, Integer> nodeOf, java.util.List<int[]> nodes) {
        Integer known = nodeOf.get(mask);
        if (known != null) {
            return known;
        }
        int parent = node(mask & (mask - 1), nodeOf, nodes);
        nodes.add(new int[] {parent, Integer.numberOfTrailingZeros(mask)});
        nodeOf.put(mask, nodes.size() - 1);
        return nodes.size() - 1;
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
        for (int k = 0; k < classes; k++) {
            int old = idx[k];
            logNu[k] = nu[old];
            count0K[k] = c0[old];
            for (int j = 0; j < lists; j++) {
                ratio[j * classes + k] = r1[j * classes + old];
                lam0[j * classes + k] = l0[j * classes + old];
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

    /** @return the number of classes that held at least one individual in the last sweep */
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

    /**
     * The class weights of every pattern, relative to \( \pi_{\max} \), shared by all individuals in
     * steps 4-5 and in step 1 of the next sweep: node 0 holds
     * \( (\pi_k/\pi_{\max}) \prod_j (1-\lambda_{jk}) \), and each further node multiplies its parent's
     * weights by \( \lambda_{jk}/(1-\lambda_{jk}) \) of its list.
     */
    private void derive() {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            max = Math.max(max, logNu[k]);
        }
        logNuMax = max;
        boolean tiny = false;
        for (int k = 0; k < classes; k++) {
            final double d = logNu[k] - max;
            if (d < FLUSH_LOG) {
                nodeW[k] = 0;
                continue;
            }
            double prod = 1;
            for (int j = 0; j < lists; j++) {
                prod *= lam0[j * classes + k];
            }
            tiny |= prod < PRODUCT_MIN;
            nodeW[k] = Math.exp(d) * prod;
        }
        logScale = tiny;
        if (!tiny) {
            final int nodes = nodeParent.length;
            for (int v = 1; v < nodes; v++) {
                final int base = v * classes;
                final int from = nodeParent[v] * classes;
                final int r = nodeList[v] * classes;
                for (int k = 0; k < classes; k++) {
                    nodeW[base + k] = nodeW[from + k] * ratio[r + k];
                }
            }
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

    /**
     * Step 1: class counts of each observed pattern, accumulated at once into the class totals and
     * the per-list capture counts that steps 2 and 3 need.
     */
    private void sampleObservedClasses() {
        java.util.Arrays.fill(onesJK, 0);
        System.arraycopy(count0K, 0, classTotal, 0, classes);
        for (int m = 0; m < patterns; m++) {
            final int[] on = ones[m];
            final int base = patternNode[m] * classes;
            double sum = 0;
            double heaviest = -1;
            int top = 0;
            for (int t = 0; t < classes; t++) {
                final double v = nodeW[base + order[t]];
                wOrdered[t] = v;
                sum += v;
                if (v > heaviest) {
                    heaviest = v;
                    top = t;
                }
            }
            if (logScale || !(sum > SUM_MIN && sum < Double.POSITIVE_INFINITY)) {
                top = logScaleWeights(on);
            }
            drawHeaviestFirst(freq[m], top);
            for (int t = 0; t < classes; t++) {
                final int d = drawn[t];
                if (d != 0) {
                    final int k = order[t];
                    classTotal[k] += d;
                    for (int j : on) {
                        onesJK[j * classes + k] += d;
                    }
                }
            }
        }
    }

    /**
     * Step 1's weights on the log scale, when the products under- or overflow.
     *
     * @return the position of the heaviest class
     */
    private int logScaleWeights(int[] on) {
        double max = Double.NEGATIVE_INFINITY;
        int top = 0;
        for (int t = 0; t < classes; t++) {
            final int k = order[t];
            double v = logNu[k];
            for (int j = 0; j < lists; j++) {
                v += Math.log(lam0[j * classes + k]);
            }
            for (int j : on) {
                v += Math.log(ratio[j * classes + k]);
            }
            wOrdered[t] = v;
            if (v > max) {
                max = v;
                top = t;
            }
        }
        for (int t = 0; t < classes; t++) {
            wOrdered[t] = Math.exp(wOrdered[t] - max);
        }
        return top;
    }

    /** Step 2: lambda_jk ~ Beta(1 + ones, 1 + zeros), unobserved individuals counted as zeros. */
    private void sampleCaptureProbabilities() {
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
            rel += nodeW[k];
        }
        double p0 = Math.exp(logNuMax) * rel;
        if (p0 >= 1) {
            p0 = Math.nextDown(1.0);
        }
        n0 = rnd.negativeBinomialCapped(n, p0, cap);
        if (n0 == 0) {
            java.util.Arrays.fill(count0K, 0);
            return;
        }
        if (n0 > Integer.MAX_VALUE) {
            throw new IllegalStateException("n0 too large: " + n0);
        }
        int top = 0;
        for (int t = 0; t < classes; t++) {
            wOrdered[t] = nodeW[order[t]];
            if (wOrdered[t] > wOrdered[top]) {
                top = t;
            }
        }
        drawHeaviestFirst((int) n0, top);
        for (int t = 0; t < classes; t++) {
            count0K[order[t]] = drawn[t];
        }
    }

    /**
     * Multinomial counts of {@code size} trials over the weights in {@code wOrdered} (classes in
     * {@code order}) into {@code drawn}, drawn with position {@code top}, the heaviest, first so that
     * the sequential binomials end early; on return {@code drawn} follows {@code order} again
     * ({@code wOrdered} is left swapped).
     */
    private void drawHeaviestFirst(int size, int top) {
        final double wt = wOrdered[top];
        wOrdered[top] = wOrdered[0];
        wOrdered[0] = wt;
        rnd.multinomial(size, wOrdered, classes, drawn, suffix);
        final int d0 = drawn[0];
        drawn[0] = drawn[top];
        drawn[top] = d0;
    }

    /** Step 6: alpha ~ Gamma(a_alpha + K - 1, rate b_alpha - log pi_K). */
    private void sampleAlpha() {
        alpha = rnd.gamma(aAlpha + classes - 1, bAlpha - logNu[classes - 1]);
    }
}
