package org.prevalence.mse.bayes;

import java.util.Arrays;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.prevalence.core.PrevalenceException;

/**
 * Convergence diagnostics of several Markov chains for one scalar quantity: the rank-normalised
 * split \( \hat R \) and the bulk and tail effective sample sizes of Vehtari, Gelman, Simpson,
 * Carpenter &amp; Bürkner (2021), as the R package {@code posterior} (1.7.1: {@code rhat},
 * {@code ess_bulk}, {@code ess_tail}, {@code rhat_basic}, {@code ess_basic}) computes them.
 *
 * <p>Draws are given as {@code draws[chain][iteration]}, every chain of the same length.
 * <ul>
 * <li><b>Split.</b> Each chain of length \( n \) becomes two: its first \( \lfloor n/2 \rfloor \)
 * draws and its last \( \lfloor n/2 \rfloor \) (the middle draw of an odd-length chain is dropped).</li>
 * <li><b>Rank normalisation.</b> With \( r \) the rank among all \( S \) draws (ties get their
 * average rank), \( z = \Phi^{-1}((r - 3/8)/(S + 1/4)) \) (Blom 1958).</li>
 * <li><b>Basic \( \hat R \)</b> of \( M \) chains of length \( n \): with \( B = n \cdot
 * \mathrm{var}(\bar\theta_{\cdot m}) \) and \( W \) the mean within-chain variance (both with
 * \( n-1 \)-type denominators),
 * <p>\[ \hat R = \sqrt{\frac{B/W + n - 1}{n}}. \]</li>
 * <li><b>\( \hat R \)</b> = max of the basic \( \hat R \) of the rank-normalised split chains and of
 * the rank-normalised split chains of the folded draws \( |\theta - \mathrm{median}(\theta)| \).</li>
 * <li><b>Basic ESS</b>: with the biased autocovariances \( \hat\gamma_{t,m} \) of each chain (by FFT),
 * \( \hat\rho_t = 1 - (W - \overline{\hat\gamma_t}) / \widehat{\mathrm{var}}^+ \), Geyer's initial
 * positive and monotone sequences, \( \hat\tau = -1 + 2\sum_{t=0}^{T-1} \hat\rho_t + \hat\rho_T \),
 * capped below at \( 1/\log_{10}(Mn) \), and \( \mathrm{ESS} = Mn / \hat\tau \).</li>
 * <li><b>Bulk ESS</b>: the basic ESS of the rank-normalised split chains. <b>Tail ESS</b>: the
 * minimum over \( q \in \{0.05, 0.95\} \) of the basic ESS of the split chains of the indicator
 * \( I(\theta \le \hat Q_q) \), with \( \hat Q_q \) R's type-7 quantile of all draws.</li>
 * </ul>
 * A quantity that is constant over all draws (or has a non-finite draw) has no diagnostics: every
 * method then returns NaN, as {@code posterior} returns NA.
 *
 * <p>References: <ol>
 * <li>Vehtari, A., Gelman, A., Simpson, D., Carpenter, B. &amp; Bürkner, P.-C. (2021).
 * Rank-normalization, folding, and localization: an improved \( \hat R \) for assessing convergence
 * of MCMC. Bayesian Analysis 16(2), 667-718. doi:10.1214/20-BA1221</li>
 * <li>Geyer, C.J. (1992). Practical Markov chain Monte Carlo. Statistical Science 7(4), 473-483.
 * doi:10.1214/ss/1177011137</li>
 * </ol>
 */
public final class ConvergenceDiagnostics {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private ConvergenceDiagnostics() {
    }

    /**
     * @param draws {@code draws[chain][iteration]}
     * @return \( \hat R \): the larger of the bulk and the folded rank-normalised split-\( \hat R \)
     * @throws PrevalenceException if there is no chain, the chains differ in length or a chain has
     *     fewer than 4 draws
     */
    public static double rhat(double[][] draws) {
        check(draws, 4);
        if (shouldReturnNaN(draws)) {
            return Double.NaN;
        }
        double bulk = rhatBasicOf(zScale(split(draws)));
        double tail = rhatBasicOf(zScale(split(fold(draws))));
        return Math.max(bulk, tail);
    }

    /**
     * @param draws {@code draws[chain][iteration]}
     * @param split whether to split each chain in two first
     * @return the basic (not rank-normalised) \( \hat R \)
     * @throws PrevalenceException as {@link #rhat}
     */
    public static double rhatBasic(double[][] draws, boolean split) {
        check(draws, split ? 4 : 2);
        if (shouldReturnNaN(draws)) {
            return Double.NaN;
        }
        return rhatBasicOf(split ? split(draws) : draws);
    }

    /**
     * @param draws {@code draws[chain][iteration]}
     * @return the bulk effective sample size
     * @throws PrevalenceException if there is no chain, the chains differ in length or a chain has
     *     fewer than 6 draws
     */
    public static double essBulk(double[][] draws) {
        check(draws, 6);
        if (shouldReturnNaN(draws)) {
            return Double.NaN;
        }
        return essOf(zScale(split(draws)));
    }

    /**
     * @param draws {@code draws[chain][iteration]}
     * @return the tail effective sample size (minimum of the 5 % and 95 % quantile ESS)
     * @throws PrevalenceException as {@link #essBulk}
     */
    public static double essTail(double[][] draws) {
        return Math.min(essQuantile(draws, 0.05), essQuantile(draws, 0.95));
    }

    /**
     * @param draws {@code draws[chain][iteration]}
     * @param p a probability in [0, 1]
     * @return the effective sample size of the p-quantile: the basic ESS of the split chains of
     *     \( I(\theta \le \hat Q_p) \)
     * @throws PrevalenceException as {@link #essBulk}, or if p is outside [0, 1]
     */
    public static double essQuantile(double[][] draws, double p) {
        check(draws, 6);
        if (!(p >= 0 && p <= 1)) {
            throw PrevalenceException.invalidArgument("p", "p must lie in [0, 1], got %s", p);
        }
        if (shouldReturnNaN(draws)) {
            return Double.NaN;
        }
        double[] all = pooled(draws);
        if (p == 1) {
            p = (all.length - 0.5) / all.length;
        }
        Arrays.sort(all);
        double q = quantileSorted(all, p);
        double[][] ind = new double[draws.length][];
        for (int c = 0; c < draws.length; c++) {
            ind[c] = new double[draws[c].length];
            for (int i = 0; i < draws[c].length; i++) {
                ind[c][i] = draws[c][i] <= q ? 1 : 0;
            }
        }
        return essOf(split(ind));
    }

    /**
     * @param draws {@code draws[chain][iteration]}
     * @param split whether to split each chain in two first
     * @return the basic effective sample size (of the mean)
     * @throws PrevalenceException as {@link #essBulk}
     */
    public static double essBasic(double[][] draws, boolean split) {
        check(draws, split ? 6 : 3);
        if (shouldReturnNaN(draws)) {
            return Double.NaN;
        }
        return essOf(split ? split(draws) : draws);
    }

    /**
     * R's type-7 quantile of sorted values: with \( h = (S-1)p \),
     * \( x_{(\lfloor h \rfloor)} + (h - \lfloor h \rfloor)(x_{(\lfloor h \rfloor + 1)} - x_{(\lfloor h \rfloor)}) \)
     * (0-based order statistics).
     *
     * @param sorted values in ascending order, at least one
     * @param p a probability in [0, 1]
     * @return the quantile
     */
    static double quantileSorted(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double frac = h - lo;
        return frac == 0 ? sorted[lo] : sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
    }

    // ---------------------------------------------------------------- internals

    private static void check(double[][] draws, int minLength) {
        if (draws == null || draws.length == 0) {
            throw PrevalenceException.invalidArgument("draws", "need at least one chain of draws");
        }
        int n = draws[0].length;
        for (int c = 0; c < draws.length; c++) {
            if (draws[c].length != n) {
                throw PrevalenceException.invalidArgument("chain " + (c + 1),
                        "chain %d has %d draws but chain 1 has %d: all chains must have the same length",
                        c + 1, draws[c].length, n);
            }
        }
        if (n < minLength) {
            throw PrevalenceException.invalidArgument("draws",
                    "each chain needs at least %d draws for this diagnostic, got %d", minLength, n);
        }
    }

    /** NaN/infinite or constant input, as posterior's should_return_NA. */
    private static boolean shouldReturnNaN(double[][] draws) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] chain : draws) {
            for (double v : chain) {
                if (!Double.isFinite(v)) {
                    return true;
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return Math.abs(max - min) < Math.ulp(1.0);
    }

    static double[][] split(double[][] draws) {
        int n = draws[0].length;
        int half = n / 2;
        int secondStart = n - half;
        double[][] out = new double[2 * draws.length][];
        for (int c = 0; c < draws.length; c++) {
            out[2 * c] = Arrays.copyOfRange(draws[c], 0, half);
            out[2 * c + 1] = Arrays.copyOfRange(draws[c], secondStart, n);
        }
        // posterior orders the columns as all first halves, then all second halves
        double[][] ordered = new double[out.length][];
        for (int c = 0; c < draws.length; c++) {
            ordered[c] = out[2 * c];
            ordered[draws.length + c] = out[2 * c + 1];
        }
        return ordered;
    }

    private static double[] pooled(double[][] draws) {
        int n = draws[0].length;
        double[] all = new double[draws.length * n];
        for (int c = 0; c < draws.length; c++) {
            System.arraycopy(draws[c], 0, all, c * n, n);
        }
        return all;
    }

    private static double[][] fold(double[][] draws) {
        double[] all = pooled(draws);
        Arrays.sort(all);
        double med = quantileSorted(all, 0.5);
        double[][] out = new double[draws.length][];
        for (int c = 0; c < draws.length; c++) {
            out[c] = new double[draws[c].length];
            for (int i = 0; i < out[c].length; i++) {
                out[c][i] = Math.abs(draws[c][i] - med);
            }
        }
        return out;
    }

    /** Rank normalisation with average ranks for ties and Blom's offset 3/8. */
    static double[][] zScale(double[][] draws) {
        int chains = draws.length;
        int n = draws[0].length;
        int s = chains * n;
        double[] all = pooled(draws);
        Integer[] idx = new Integer[s];
        for (int i = 0; i < s; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(all[a], all[b]));
        double[] rank = new double[s];
        int i = 0;
        while (i < s) {
            int j = i;
            while (j + 1 < s && all[idx[j + 1]] == all[idx[i]]) {
                j++;
            }
            double avg = (i + 1 + j + 1) / 2.0;   // 1-based average rank
            for (int t = i; t <= j; t++) {
                rank[idx[t]] = avg;
            }
            i = j + 1;
        }
        double[][] z = new double[chains][n];
        for (int c = 0; c < chains; c++) {
            for (int t = 0; t < n; t++) {
                z[c][t] = STANDARD_NORMAL.inverseCumulativeProbability((rank[c * n + t] - 0.375) / (s + 0.25));
            }
        }
        return z;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        double m = s / x.length;
        // one refinement step, as R's mean()
        double r = 0;
        for (double v : x) {
            r += v - m;
        }
        return m + r / x.length;
    }

    private static double variance(double[] x, double mean) {
        double s = 0;
        for (double v : x) {
            double d = v - mean;
            s += d * d;
        }
        return s / (x.length - 1);
    }

    static double rhatBasicOf(double[][] x) {
        if (shouldReturnNaN(x)) {
            return Double.NaN;
        }
        int chains = x.length;
        int n = x[0].length;
        double[] means = new double[chains];
        double w = 0;
        for (int c = 0; c < chains; c++) {
            means[c] = mean(x[c]);
            w += variance(x[c], means[c]);
        }
        w /= chains;
        double b = n * variance(means, mean(means));
        return Math.sqrt((b / w + n - 1) / n);
    }

    static double essOf(double[][] x) {
        int chains = x.length;
        int n = x[0].length;
        if (n < 3 || shouldReturnNaN(x)) {
            return Double.NaN;
        }
        double[] acovMean = new double[n];
        double[] means = new double[chains];
        for (int c = 0; c < chains; c++) {
            means[c] = mean(x[c]);
            double[] ac = autocovariance(x[c]);
            for (int t = 0; t < n; t++) {
                acovMean[t] += ac[t] / chains;
            }
        }
        double meanVar = acovMean[0] * n / (n - 1);
        double varPlus = meanVar * (n - 1) / n;
        if (chains > 1) {
            varPlus += variance(means, mean(means));
        }
        // Geyer's initial positive sequence
        double[] rho = new double[n];
        int t = 0;
        double even = 1;
        rho[0] = even;
        double odd = 1 - (meanVar - acovMean[1]) / varPlus;
        rho[1] = odd;
        while (t < n - 5 && !Double.isNaN(even + odd) && even + odd > 0) {
            t += 2;
            even = 1 - (meanVar - acovMean[t]) / varPlus;
            odd = 1 - (meanVar - acovMean[t + 1]) / varPlus;
            if (even + odd >= 0) {
                rho[t] = even;
                rho[t + 1] = odd;
            }
        }
        int maxT = t;
        if (even > 0) {
            rho[maxT] = even;
        }
        // Geyer's initial monotone sequence
        t = 0;
        while (t <= maxT - 4) {
            t += 2;
            if (rho[t] + rho[t + 1] > rho[t - 2] + rho[t - 1]) {
                rho[t] = (rho[t - 2] + rho[t - 1]) / 2;
                rho[t + 1] = rho[t];
            }
        }
        double ess = (double) chains * n;
        double sum = 0;
        // R's rho_hat_t[1:max_t]; for max_t = 0, R's 1:0 selects element 1 (lag 0)
        int last = maxT == 0 ? 1 : maxT;
        for (int i = 0; i < last; i++) {
            sum += rho[i];
        }
        double tau = -1 + 2 * sum + rho[maxT];
        tau = Math.max(tau, 1 / Math.log10(ess));
        return ess / tau;
    }

    /** Biased autocovariances (divisor n) at lags 0..n-1, by FFT with zero padding. */
    static double[] autocovariance(double[] x) {
        int n = x.length;
        double m = mean(x);
        double var = variance(x, m);
        double[] out = new double[n];
        if (var == 0) {
            return out;
        }
        int size = Integer.highestOneBit(Math.max(2 * n - 1, 2));
        if (size < 2 * n) {
            size <<= 1;
        }
        double[] re = new double[size];
        double[] im = new double[size];
        for (int i = 0; i < n; i++) {
            re[i] = x[i] - m;
        }
        double[][] data = {re, im};
        FastFourierTransformer.transformInPlace(data, DftNormalization.STANDARD, TransformType.FORWARD);
        for (int i = 0; i < size; i++) {
            re[i] = re[i] * re[i] + im[i] * im[i];
            im[i] = 0;
        }
        FastFourierTransformer.transformInPlace(data, DftNormalization.STANDARD, TransformType.INVERSE);
        // posterior: ac / ac[1] * var(x) * (N - 1) / N
        double a0 = re[0];
        for (int t = 0; t < n; t++) {
            out[t] = re[t] / a0 * var * (n - 1) / n;
        }
        return out;
    }
}
