package org.prevalence.mse.bayes;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import org.apache.commons.math3.special.Gamma;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.bootstrap.ParallelLoop;

/**
 * The computation behind {@link BayesianModelAveraging}: the joint posterior of (graph, N) on the
 * grid N = n + m, m = 0..G, reduced to the model-averaged posterior of N, the posterior
 * probability of each graph and each graph's conditional posterior mean, in memory
 * O(graphs + grid).
 *
 * <p>The log posterior weight of graph g at m unobserved cases is (Madigan and York 1997; the
 * terms of R dga 2.0.2 {@code bma.cr}, {@code MakeCompMatrix}, {@code CompLogML})
 * <p>\[ \ell_g(m) = \sum_{C} Q_C(m) - \sum_{S} Q_S(m) + \log\frac{(n+m)!}{m!\prod_h y_h!}
 *     + \log \pi(n+m) + \log \pi_g, \]
 * <p>\[ Q_t(m) = \log\Gamma(m + D_t + \delta_t) + \sum_{s \ne \emptyset} \log\Gamma(n_{t,s} + \delta_t)
 *     - 2^{|t|}\log\Gamma(\delta_t) + \log\Gamma(A) - \log\Gamma(n + m + A), \]
 * <p>where C runs over the cliques and S over the separators of g, \( n_{t,s} \) are the counts of
 * the marginal table of the lists in t (s the non-empty sub-pattern), \( D_t \) the observed
 * cases on none of the lists in t, \( \delta_t = \delta 2^{K-|t|} \), \( A = 2^K\delta \),
 * \( \pi \) the prior on N and \( \pi_g \) the prior weight of g. A term depends only on its
 * clique, so it is computed once per subset of lists (at most \( 2^K - 1 \)) and shared.
 *
 * <p>Evaluation: the grid is cut into blocks within which every subset's factor
 * \( \exp(Q_t(m) - Q_t(a)) \) changes by at most a bounded amount; at each block start a the
 * log weights are computed exactly (log-gamma differences written so that the large
 * \( \log\Gamma \) values cancel analytically), and inside the block the factors follow from the
 * recurrence \( \Gamma(x+1) = x\Gamma(x) \) as running products of ratios, so a graph's weights
 * are products of shared vectors and need no exp or log per grid point. Each graph is scaled by
 * its own maximum before exponentiating (so its probability and conditional mean keep their
 * relative accuracy however small the probability), and by the global maximum for the
 * model-averaged posterior. Blocks are grouped into a fixed number of chunks that depends only on
 * the data and G; chunks run in parallel (on a {@link ParallelLoop}) and are reduced in order, so
 * results are bit-identical for any number of threads.
 *
 * <p>Negligible grid points are skipped: in each block an upper bound on a graph's log weight
 * (its exact values at the block's start and at the next block's start, and monotone bounds on
 * the one-step log ratios \( \log((j + c_t)/(j + n + A)) \)) is compared with that graph's largest
 * weight, and blocks where every weight is below \( e^{-60} \approx 10^{-26} \) of it are not
 * evaluated. The mass so dropped is below \( G \cdot 10^{-26} \), so below \( 10^{-17} \) relative for any grid that fits in memory,
 * far below double-precision rounding of the summaries; only masses smaller than that (say a tail
 * mass of \( 10^{-46} \)) are then lower bounds.
 *
 * <p><b>Length.</b> It is one algorithm over shared tables (the per-subset terms, the graphs' term
 * lists and factor sequences, the block starts and step bounds): each step is a method a reader can
 * follow (build the terms, cut the grid, evaluate the block starts, accumulate a chunk, reduce), and
 * moving steps to other classes would only pass those tables between them.
 */
final class BmaGridEngine {
    /** Bound on |log| of every block-relative factor product; values stay in (e^-2E, e^E). */
    private static final double E = 300;
    private static final int MAX_WIDTH = 2048;
    private static final int MAX_CHUNKS = 64;
    private static final int BLOCK_OVERHEAD = 48;
    private static final double UNDERFLOW = -745;
    /** Block skipped when all of a graph's weights in it are below e^-60 of its largest weight. */
    private static final double NEGLIGIBLE = 60;

    /** The prior on N. */
    enum PriorKind { ONE_OVER_N, UNIFORM, USER }

    private final int k;
    private final int cells;
    private final long n;
    private final double dn;
    private final double a2k;
    private final double[] c;      // c_t = D_t + delta_t, t = 1..cells-1
    private final double[] qConst; // constant part of Q_t
    private final double baseConst;
    private final double cmin;
    private final PriorKind prior;
    private final DoubleUnaryOperator userLogPrior;
    private final int nGraphs;
    private final int[] termStart;
    private final int[] termMask;
    private final int[] cliqueCount;
    private final double[] graphLogPrior;
    private final boolean[] used;
    private final List<DecomposableGraph> graphs;
    private final int[][] seq;   // per graph: factor codes (clique t -> t, separator t -> cells + t), sorted
    private final int[] order;   // graphs in lexicographic order of seq (trie order)
    private final int maxLen;

    /** Output of one run on one grid. */
    static final class Output {
        final int gridMax;
        final double[] posterior;  // normalised, index m = N - n
        final double[] graphProb;
        final double[] graphMean;

        Output(int gridMax, double[] posterior, double[] graphProb, double[] graphMean) {
            this.gridMax = gridMax;
            this.posterior = posterior;
            this.graphProb = graphProb;
            this.graphMean = graphMean;
        }
    }

    BmaGridEngine(int k, long[] countsByMask, double delta, PriorKind prior, DoubleUnaryOperator userLogPrior,
                  List<DecomposableGraph> graphs, double[] graphLogPrior) {
        this.k = k;
        this.cells = 1 << k;
        long total = 0;
        for (long y : countsByMask) {
            total += y;
        }
        this.n = total;
        this.dn = total;
        this.a2k = cells * delta;
        this.prior = prior;
        this.userLogPrior = userLogPrior;
        this.c = new double[cells];
        this.qConst = new double[cells];
        this.cmin = subsetTerms(countsByMask, delta);
        this.baseConst = baseConstant(countsByMask);
        this.nGraphs = graphs.size();
        this.termStart = new int[nGraphs + 1];
        this.cliqueCount = new int[nGraphs];
        this.used = new boolean[cells];
        this.termMask = graphTerms(graphs);
        this.graphLogPrior = graphLogPrior.clone();
        this.graphs = List.copyOf(graphs);
        this.seq = new int[nGraphs][];
        int[][] ranks = new int[nGraphs][];
        this.maxLen = factorSequences(ranks);
        this.order = IntStream.range(0, nGraphs).boxed().sorted((x, y) -> java.util.Arrays.compare(ranks[x], ranks[y]))
                .mapToInt(Integer::intValue).toArray();
    }

    /**
     * Fills c_t = D_t + delta_t and the constant part of Q_t for every subset t of the lists.
     * @return the smallest c_t
     */
    private double subsetTerms(long[] countsByMask, double delta) {
        double lgA = Gamma.logGamma(a2k);
        double[] marg = new double[cells];
        double mn = Double.POSITIVE_INFINITY;
        for (int t = 1; t < cells; t++) {
            int size = Integer.bitCount(t);
            double dt = delta * (double) (1 << (k - size));
            java.util.Arrays.fill(marg, 0);
            double d0 = 0;
            for (int h = 1; h < cells; h++) {
                int s = h & t;
                if (s == 0) {
                    d0 += countsByMask[h];
                } else {
                    marg[s] += countsByMask[h];
                }
            }
            double kc = -(double) (1 << size) * Gamma.logGamma(dt) + lgA;
            // sum over the non-empty sub-patterns s of t (the marginal table's observed cells)
            for (int s = t; s != 0; s = (s - 1) & t) {
                kc += Gamma.logGamma(marg[s] + dt);
            }
            c[t] = d0 + dt;
            qConst[t] = kc;
            mn = Math.min(mn, c[t]);
        }
        return mn;
    }

    /** @return the constant of the log multinomial coefficient: -sum_h log(y_h!) */
    private double baseConstant(long[] countsByMask) {
        double bc = 0;
        for (int h = 1; h < cells; h++) {
            bc -= Gamma.logGamma(countsByMask[h] + 1.0);
        }
        return bc;
    }

    /**
     * Lists every graph's cliques then separators (filling termStart, cliqueCount and used).
     * @return the subset mask of every term, graph after graph
     */
    private int[] graphTerms(List<DecomposableGraph> graphs) {
        int nt = 0;
        for (DecomposableGraph g : graphs) {
            nt += g.cliqueCount() + g.separatorCount();
        }
        int[] masks = new int[nt];
        int p = 0;
        for (int g = 0; g < nGraphs; g++) {
            DecomposableGraph dg = graphs.get(g);
            termStart[g] = p;
            cliqueCount[g] = dg.cliqueCount();
            for (int i = 0; i < dg.cliqueCount(); i++) {
                masks[p++] = dg.clique(i);
                used[dg.clique(i)] = true;
            }
            for (int i = 0; i < dg.separatorCount(); i++) {
                masks[p++] = dg.separator(i);
                used[dg.separator(i)] = true;
            }
        }
        termStart[nGraphs] = p;
        return masks;
    }

    /**
     * Each graph's factor codes (clique t -> t, separator t -> cells + t) into seq, the most shared
     * factors first, and their ranks into ranks; sorting graphs by ranks then makes consecutive
     * graphs share long prefixes of partial products (a trie walked in order).
     * @return the longest sequence
     */
    private int factorSequences(int[][] ranks) {
        int[] freq = new int[2 * cells];
        int[][] codes = new int[nGraphs][];
        for (int g = 0; g < nGraphs; g++) {
            int[] sq = new int[termStart[g + 1] - termStart[g]];
            for (int q = termStart[g]; q < termStart[g + 1]; q++) {
                int t = termMask[q];
                sq[q - termStart[g]] = q - termStart[g] < cliqueCount[g] ? t : cells + t;
                freq[sq[q - termStart[g]]]++;
            }
            codes[g] = sq;
        }
        Integer[] byFreq = new Integer[2 * cells];
        for (int i = 0; i < byFreq.length; i++) {
            byFreq[i] = i;
        }
        java.util.Arrays.sort(byFreq, (x, y) -> freq[x] != freq[y] ? Integer.compare(freq[y], freq[x]) : Integer.compare(x, y));
        int[] rank = new int[2 * cells];
        for (int i = 0; i < byFreq.length; i++) {
            rank[byFreq[i]] = i;
        }
        int ml = 1;
        for (int g = 0; g < nGraphs; g++) {
            int[] r = new int[codes[g].length];
            for (int i = 0; i < r.length; i++) {
                r[i] = rank[codes[g][i]];
            }
            java.util.Arrays.sort(r);
            int[] sq = new int[r.length];
            for (int i = 0; i < r.length; i++) {
                sq[i] = byFreq[r[i]];
            }
            seq[g] = sq;
            ranks[g] = r;
            ml = Math.max(ml, sq.length);
        }
        return ml;
    }

    String graphName(int g) {
        return graphs.get(g).toString();
    }

    long observed() {
        return n;
    }

    /**
     * The exponent e_g of the polynomial tail of graph g's unnormalised posterior of N,
     * weight ~ N^{e_g} as N grows: the posterior is proper only if e_g &lt; -1 and its mean
     * exists only if e_g &lt; -2.
     * @param priorExponent the exponent of the prior on N (-1 for 1/N, 0 for uniform)
     */
    double[] tailExponents(double priorExponent) {
        double[] out = new double[nGraphs];
        for (int g = 0; g < nGraphs; g++) {
            double e = dn + priorExponent;
            for (int p = termStart[g]; p < termStart[g + 1]; p++) {
                double term = dn + a2k - c[termMask[p]];
                e += p - termStart[g] < cliqueCount[g] ? -term : term;
            }
            out[g] = e;
        }
        return out;
    }

    /** log Gamma(x + c1) - log Gamma(x + c2), accurate where both are large and nearly cancel. */
    static double logGammaDiff(double x, double c1, double c2) {
        double z1 = x + c1;
        double z2 = x + c2;
        if (Math.min(z1, z2) < 20) {
            return Gamma.logGamma(z1) - Gamma.logGamma(z2);
        }
        double h = c1 - c2;
        // Stirling: lgamma(z) = (z - 1/2) log z - z + log(2 pi)/2 + S(z)
        return (z1 - 0.5) * Math.log1p(h / z2) + h * Math.log(z2) - h + stirlingTail(z1) - stirlingTail(z2);
    }

    private static double stirlingTail(double z) {
        double r = 1 / z;
        double r2 = r * r;
        return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680))));
    }

    private double logPrior(double m) {
        switch (prior) {
            case ONE_OVER_N:
                return -Math.log(dn + m);
            case UNIFORM:
                return 0;
            default:
                return userLogPrior.applyAsDouble(dn + m);
        }
    }

    /** The log weight's graph-independent part at m: log multinomial coefficient + log prior. */
    private double base(double m) {
        return logGammaDiff(m, dn + 1, 1) + baseConst + logPrior(m);
    }

    private double qAt(int t, double m) {
        return logGammaDiff(m, c[t], dn + a2k) + qConst[t];
    }

    /** The grid cut into blocks and chunks, with each block's exact log terms at its start and its step bounds. */
    private static final class Blocks {
        final int[] starts;
        final int nb;
        final int[] chunkStart;
        final int nc;
        final double[] qa;
        final double[] ba;
        /** lambda_t at the block's first and last step, then the base's largest and smallest step (see stepBounds). */
        final double[][] stepBounds;

        Blocks(int[] starts, int[] chunkStart, int cells) {
            this.starts = starts;
            this.nb = starts.length - 1;
            this.chunkStart = chunkStart;
            this.nc = chunkStart.length - 1;
            this.qa = new double[nb * cells];
            this.ba = new double[nb];
            this.stepBounds = new double[][] {new double[nb * cells], new double[nb * cells], new double[nb],
                new double[nb]};
        }
    }

    /**
     * Runs the computation on the grid m = 0..gridMax, in four steps: cut the grid into blocks,
     * evaluate each block's start (and each graph's largest log weight), accumulate the weights
     * chunk by chunk, and reduce the chunks in order into the posterior and the graph summaries.
     * @param gridMax G
     * @param lp the user log prior at N = n + m for m = 0..G (null for the built-in priors)
     * @param threads the number of threads (1 = the calling thread only, 0 = all processors)
     */
    Output run(int gridMax, double[] lp, int threads) {
        double r1 = E / (k + 1); // per-factor bound: partial products lie within e^{+-(K+1) r1}
        int[] starts = blocks(gridMax, lp, r1);
        Blocks bl = new Blocks(starts, chunks(starts), cells);
        double[] mg = graphScales(blockStarts(bl, lp, threads), bl.nc);
        double mTop = Double.NEGATIVE_INFINITY;
        for (double m : mg) {
            mTop = Math.max(mTop, m);
        }
        double[] post = new double[gridMax + 1];
        double[][] mass = new double[bl.nc][];
        double[][] msum = new double[bl.nc][];
        final double top = mTop;
        ParallelLoop.run(bl.nc, threads, ch -> {
            double[] ms = new double[nGraphs];
            double[] mm = new double[nGraphs];
            runChunk(ch, bl.chunkStart, bl.starts, bl.qa, bl.ba, lp, mg, top, post, ms, mm, bl.stepBounds);
            mass[ch] = ms;
            msum[ch] = mm;
        });
        double logTotal = Math.log(normalise(post));
        double[] prob = new double[nGraphs];
        double[] mean = new double[nGraphs];
        for (int g = 0; g < nGraphs; g++) {
            double s = 0;
            double sn = 0;
            for (int ch = 0; ch < bl.nc; ch++) {
                s += mass[ch][g];
                sn += msum[ch][g];
            }
            prob[g] = Math.exp(Math.log(s) + mg[g] - E - mTop - logTotal);
            mean[g] = sn / s;
        }
        return new Output(gridMax, post, prob, mean);
    }

    /**
     * Evaluates every block's start: the exact log terms, the step bounds, and each graph's
     * largest log weight at a block start within each chunk.
     * @return the per-chunk maxima, [chunk][graph]
     */
    private double[][] blockStarts(Blocks bl, double[] lp, int threads) {
        double[][] chunkMax = new double[bl.nc][];
        double[][] sb = bl.stepBounds;
        ParallelLoop.run(bl.nc, threads, ch -> {
            double[] mx = new double[nGraphs];
            java.util.Arrays.fill(mx, Double.NEGATIVE_INFINITY);
            for (int b = bl.chunkStart[ch]; b < bl.chunkStart[ch + 1]; b++) {
                double a = bl.starts[b];
                for (int t = 1; t < cells; t++) {
                    if (used[t]) {
                        bl.qa[b * cells + t] = qAt(t, a);
                    }
                }
                bl.ba[b] = lp == null ? base(a) : logGammaDiff(a, dn + 1, 1) + baseConst + lp[bl.starts[b]];
                stepBounds(b, bl.starts, lp, sb[0], sb[1], sb[2], sb[3]);
                for (int g = 0; g < nGraphs; g++) {
                    mx[g] = Math.max(mx[g], logWeightAtStart(g, b, bl.qa, bl.ba));
                }
            }
            chunkMax[ch] = mx;
        });
        return chunkMax;
    }

    /**
     * @return each graph's scale: its largest log weight plus E, so that all its weights exp(l - scale) are &lt;= 1
     * @throws PrevalenceException if a graph's largest log weight is not finite
     */
    private double[] graphScales(double[][] chunkMax, int nc) {
        double[] mg = new double[nGraphs];
        for (int g = 0; g < nGraphs; g++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int ch = 0; ch < nc; ch++) {
                m = Math.max(m, chunkMax[ch][g]);
            }
            if (!(m < Double.POSITIVE_INFINITY) || Double.isNaN(m)) {
                throw PrevalenceException.notEstimable("prior",
                        "The log posterior weight of graph %d is not finite (%s); check the prior on N", g, m);
            }
            mg[g] = m + E;
        }
        return mg;
    }

    /**
     * Divides the posterior by its total.
     * @return the total before normalising
     * @throws PrevalenceException if the total is not finite and positive
     */
    private static double normalise(double[] post) {
        double total = 0;
        for (double v : post) {
            total += v;
        }
        if (!(total > 0 && total < Double.POSITIVE_INFINITY)) {
            throw PrevalenceException.notEstimable("grid", "The posterior of N cannot be normalised (total %s)", total);
        }
        for (int m = 0; m < post.length; m++) {
            post[m] /= total;
        }
        return total;
    }

    private double logWeightAtStart(int g, int b, double[] qa, double[] ba) {
        double l = ba[b] + graphLogPrior[g];
        int off = b * cells;
        int cc = termStart[g] + cliqueCount[g];
        for (int p = termStart[g]; p < cc; p++) {
            l += qa[off + termMask[p]];
        }
        for (int p = cc; p < termStart[g + 1]; p++) {
            l -= qa[off + termMask[p]];
        }
        return l;
    }

    /**
     * Bounds on the one-step log ratios inside block b: lambda_t(j) = log((j + c_t)/(j + n + A))
     * increases with j, so its extremes are at the block's first and last step; beta is the base's
     * step (log multinomial coefficient and log prior).
     */
    private void stepBounds(int b, int[] starts, double[] lp, double[] lamA, double[] lamE, double[] betaMax,
                            double[] betaMin) {
        double a = starts[b];
        double e = starts[b + 1] - 1; // the last step considered: e -> e + 1 (into the next block)
        double nA = dn + a2k;
        for (int t = 1; t < cells; t++) {
            if (used[t]) {
                lamA[b * cells + t] = Math.log((a + c[t]) / (a + nA));
                lamE[b * cells + t] = Math.log((e + c[t]) / (e + nA));
            }
        }
        switch (prior) {
            case ONE_OVER_N:
                betaMax[b] = Math.log((a + dn) / (a + 1));
                betaMin[b] = Math.log((e + dn) / (e + 1));
                break;
            case UNIFORM:
                betaMax[b] = Math.log((a + dn + 1) / (a + 1));
                betaMin[b] = Math.log((e + dn + 1) / (e + 1));
                break;
            default:
                double hi = Double.NEGATIVE_INFINITY;
                double lo = Double.POSITIVE_INFINITY;
                int last = Math.min(starts[b + 1], lp.length - 1);
                for (int j = starts[b]; j < last; j++) {
                    double d = lp[j + 1] - lp[j];
                    hi = Math.max(hi, d);
                    lo = Math.min(lo, d);
                }
                if (hi == Double.NEGATIVE_INFINITY) {
                    hi = 0;
                    lo = 0;
                }
                betaMax[b] = Math.log((a + dn + 1) / (a + 1)) + hi;
                betaMin[b] = Math.log((e + dn + 1) / (e + 1)) + lo;
                break;
        }
    }

    /**
     * An upper bound on graph g's log weight over block b, from its exact values at the block's
     * start and at the next block's start and bounds on its one-step log ratios.
     */
    private double blockBound(int g, int b, int nb, int width, double lwA, double lwNext, double[][] sb) {
        double[] lamA = sb[0];
        double[] lamE = sb[1];
        int off = b * cells;
        double up = sb[2][b];
        double lo = sb[3][b];
        int cc = termStart[g] + cliqueCount[g];
        for (int p = termStart[g]; p < cc; p++) {
            up += lamE[off + termMask[p]];
            lo += lamA[off + termMask[p]];
        }
        for (int p = cc; p < termStart[g + 1]; p++) {
            up -= lamA[off + termMask[p]];
            lo -= lamE[off + termMask[p]];
        }
        double bound = lwA + (width - 1) * Math.max(up, 0);
        if (b + 1 < nb) {
            bound = Math.min(bound, lwNext + width * Math.max(-lo, 0));
        }
        return bound;
    }

    private void runChunk(int ch, int[] chunkStart, int[] starts, double[] qa, double[] ba, double[] lp,
                          double[] mg, double mTop, double[] post, double[] mass, double[] msum, double[][] sb) {
        int nb = starts.length - 1;
        double[][] w = factorBuffers();
        double[][] winv = factorBuffers();
        double[][] part = new double[maxLen][MAX_WIDTH];
        double[] nv = new double[MAX_WIDTH];
        double[] sums = new double[2];
        double[] gf = new double[nGraphs];
        for (int g = 0; g < nGraphs; g++) {
            gf[g] = Math.exp(mg[g] - mTop - E);
        }
        double nA = dn + a2k;
        double[] lwCur = new double[nGraphs];
        double[] lwNxt = new double[nGraphs];
        if (chunkStart[ch] < chunkStart[ch + 1]) {
            for (int g = 0; g < nGraphs; g++) {
                lwCur[g] = logWeightAtStart(g, chunkStart[ch], qa, ba);
            }
        }
        for (int b = chunkStart[ch]; b < chunkStart[ch + 1]; b++) {
            int a = starts[b];
            if (b + 1 < nb) {
                for (int g = 0; g < nGraphs; g++) {
                    lwNxt[g] = logWeightAtStart(g, b + 1, qa, ba);
                }
            }
            int width = starts[b + 1] - a;
            sharedFactors(a, width, nA, w, winv);
            baseFactors(a, width, lp, part[0], nv);
            // graphs in trie order: consecutive graphs share the partial products of common factors
            int valid = 0;
            int last = -1;
            for (int j = 0; j < nGraphs; j++) {
                int g = order[j];
                double lwA = lwCur[g];
                double s = lwA - mg[g];
                if (s + E < UNDERFLOW) {
                    continue;
                }
                if (blockBound(g, b, nb, width, lwA, lwNxt[g], sb) < mg[g] - E - NEGLIGIBLE) {
                    continue;
                }
                double c1 = Math.exp(s + E);
                int[] sq = seq[g];
                int len = sq.length;
                int d0 = last >= 0 ? Math.min(valid, commonPrefix(seq[last], sq)) : 0;
                extendPartials(part, w, winv, sq, d0, width);
                valid = len - 1;
                last = g;
                addGraph(part[len - 1], factor(w, winv, sq[len - 1]), a, width, c1 * gf[g], nv, post, sums);
                mass[g] += c1 * sums[0];
                msum[g] += c1 * sums[1];
            }
            double[] sw = lwCur;
            lwCur = lwNxt;
            lwNxt = sw;
        }
    }

    /** One buffer of MAX_WIDTH per cell type in use (null for the others). */
    private double[][] factorBuffers() {
        double[][] buf = new double[cells][];
        for (int t = 1; t < cells; t++) {
            if (used[t]) {
                buf[t] = new double[MAX_WIDTH];
            }
        }
        return buf;
    }

    /** Shared factors of a block starting at a: W_t(a + i) = prod_{j=a}^{a+i-1} (j + c_t) / (j + n + A), and 1/W_t. */
    private void sharedFactors(int a, int width, double nA, double[][] w, double[][] winv) {
        for (int t = 1; t < cells; t++) {
            if (!used[t]) {
                continue;
            }
            double[] wt = w[t];
            double[] wi = winv[t];
            double ct = c[t];
            double v = 1;
            wt[0] = 1;
            wi[0] = 1;
            for (int i = 1; i < width; i++) {
                double j = a + i - 1;
                v *= (j + ct) / (j + nA);
                wt[i] = v;
                wi[i] = 1 / v;
            }
        }
    }

    /** The base factor of the prior (relative to N = n + a) into bv, and N itself into nv, over a block. */
    private void baseFactors(int a, int width, double[] lp, double[] bv, double[] nv) {
        double v = 1;
        bv[0] = 1;
        nv[0] = dn + a;
        for (int i = 1; i < width; i++) {
            double j = a + i - 1;
            switch (prior) {
                case ONE_OVER_N:
                    v *= (j + dn) / (j + 1);   // (j+n+1)/(j+1) times (j+n)/(j+n+1)
                    break;
                case UNIFORM:
                    v *= (j + dn + 1) / (j + 1);
                    break;
                default:
                    v *= (j + dn + 1) / (j + 1);
                    break;
            }
            bv[i] = v;
            nv[i] = dn + a + i;
        }
        if (prior == PriorKind.USER) {
            double l0 = lp[a];
            for (int i = 1; i < width; i++) {
                bv[i] *= Math.exp(lp[a + i] - l0);
            }
        }
    }

    /** Length of the common prefix of two factor sequences. */
    private static int commonPrefix(int[] prev, int[] sq) {
        int common = 0;
        while (common < prev.length && common < sq.length && prev[common] == sq[common]) {
            common++;
        }
        return common;
    }

    /** Partial products part[d] = part[d - 1] * factor(sq[d - 1]) for d from d0 + 1 to the last but one factor. */
    private void extendPartials(double[][] part, double[][] w, double[][] winv, int[] sq, int d0, int width) {
        for (int d = d0 + 1; d < sq.length; d++) {
            double[] src = part[d - 1];
            double[] dst = part[d];
            double[] f = factor(w, winv, sq[d - 1]);
            for (int i = 0; i < width; i++) {
                dst[i] = src[i] * f[i];
            }
        }
    }

    /**
     * Adds one graph's weights pp * f over a block to post (times scale); sums[0] gets their sum and
     * sums[1] their sum times N (unscaled).
     */
    private static void addGraph(double[] pp, double[] f, int a, int width, double scale, double[] nv,
                                 double[] post, double[] sums) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double t0 = 0;
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        int i = 0;
        for (; i + 3 < width; i += 4) {
            double u0 = pp[i] * f[i];
            double u1 = pp[i + 1] * f[i + 1];
            double u2 = pp[i + 2] * f[i + 2];
            double u3 = pp[i + 3] * f[i + 3];
            post[a + i] += u0 * scale;
            post[a + i + 1] += u1 * scale;
            post[a + i + 2] += u2 * scale;
            post[a + i + 3] += u3 * scale;
            s0 += u0;
            s1 += u1;
            s2 += u2;
            s3 += u3;
            t0 += u0 * nv[i];
            t1 += u1 * nv[i + 1];
            t2 += u2 * nv[i + 2];
            t3 += u3 * nv[i + 3];
        }
        for (; i < width; i++) {
            double u0 = pp[i] * f[i];
            post[a + i] += u0 * scale;
            s0 += u0;
            t0 += u0 * nv[i];
        }
        sums[0] = (s0 + s1) + (s2 + s3);
        sums[1] = (t0 + t1) + (t2 + t3);
    }

    private double[] factor(double[][] w, double[][] winv, int code) {
        return code < cells ? w[code] : winv[code - cells];
    }

    /** Block starts (with the end G + 1 appended): every factor's log changes by at most r1 inside a block. */
    private int[] blocks(int gridMax, double[] lp, double r1) {
        int[] buf = new int[1024];
        int nb = 0;
        int a = 0;
        double nA = dn + a2k;
        while (a <= gridMax) {
            if (nb + 2 > buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            buf[nb++] = a;
            // steps j -> j + 1 are largest at j = a (all ratios decrease in j)
            double st = Math.log((a + nA) / (a + cmin));
            double sb = Math.log((a + dn + 1) / (a + 1.0));
            double step = Math.max(st, sb);
            int width = 1;
            double acc = 0;
            while (width < MAX_WIDTH && a + width <= gridMax) {
                double add = step;
                if (lp != null) {
                    add = step + Math.abs(lp[a + width] - lp[a + width - 1]);
                }
                if (acc + add > r1) {
                    break;
                }
                acc += add;
                width++;
                if (lp == null && acc + step > r1) {
                    break;
                }
            }
            a += width;
        }
        buf[nb] = gridMax + 1;
        return java.util.Arrays.copyOf(buf, nb + 1);
    }

    /** Chunks of consecutive blocks of about equal work; depends only on the blocks. */
    private static int[] chunks(int[] starts) {
        int nb = starts.length - 1;
        int nc = Math.min(MAX_CHUNKS, nb);
        long totalCost = (long) (starts[nb] - starts[0]) + (long) BLOCK_OVERHEAD * nb;
        int[] out = new int[nc + 1];
        long acc = 0;
        int ch = 1;
        for (int b = 0; b < nb && ch < nc; b++) {
            acc += starts[b + 1] - starts[b] + BLOCK_OVERHEAD;
            if (acc * nc >= totalCost * ch) {
                out[ch++] = b + 1;
            }
        }
        while (ch < nc) {        // degenerate: fewer cut points found than chunks
            out[ch] = Math.min(nb, out[ch - 1] + 1);
            ch++;
        }
        out[nc] = nb;
        return out;
    }
}
