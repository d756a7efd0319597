package org.prevalence.mse.bayes;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Random variates for the latent-class Gibbs sampler whose parameters change at every draw: gamma
 * (on the log scale), beta (as a pair of logs), binomial, multinomial and truncated negative
 * binomial. One instance per chain; not thread-safe.
 *
 * <p>Commons RNG's samplers are built for a fixed parameter (their constructors precompute
 * tables), while the sampler needs new parameters at every draw (on UK 5 lists, per sweep: ~30
 * gamma, ~106 uniform, ~17 binomial and ~54 categorical draws). So this class draws the normals (Commons RNG
 * {@link ZigguratSampler.NormalizedGaussian}) and small-mean Poisson variates ({@link PoissonSampler})
 * with Commons RNG and implements around them:
 * <ul>
 * <li>gamma: Marsaglia &amp; Tsang (2000) for shape &ge; 1; for shape &lt; 1 the boost
 * \( \log G_a = \log G_{a+1} + \log(U)/a \) (Robert &amp; Casella 2004, p. 45; the rule of LCMCR's
 * {@code dan_log_gamma_1}), returned on the log scale so that tiny shapes do not underflow;</li>
 * <li>beta: \( G_a/(G_a+G_b) \), or by inversion when a shape is 1 (\( 1-B = U^{1/b} \) for
 * Beta(1, b));</li>
 * <li>binomial: inversion (BINV) when \( \min(np, n(1-p)) &lt; 10 \), accepting 0 at once when
 * \( U \le 1 - np \le (1-p)^n \) (Bernoulli's inequality); else Hörmann's (1993) BTRS
 * transformed rejection with squeeze;</li>
 * <li>multinomial: sequential conditional binomials, the last few trials as categorical draws;</li>
 * <li>Poisson with mean &ge; 10: Hörmann's (1993b) PTRS transformed rejection;</li>
 * <li>negative binomial: the gamma-Poisson mixture, with a cap imposed by rejection (as LCMCR) and an
 * exact inversion fallback when rejection is slow.</li>
 * </ul>
 *
 * <p><b>Length.</b> It holds every sampler the latent-class chain draws from (gamma, beta, binomial,
 * multinomial, capped negative binomial, Poisson), each a short method citing its algorithm; they share
 * one generator and the log-factorial table, so they stay together.
 *
 * <p>References: <ol>
 * <li>Marsaglia, G. &amp; Tsang, W.W. (2000). A simple method for generating gamma variables. ACM
 * Trans. Math. Softw. 26(3), 363-372. doi:10.1145/358407.358414</li>
 * <li>Hörmann, W. (1993). The generation of binomial random variates. J. Stat. Comput. Simul.
 * 46(1-2), 101-110. doi:10.1080/00949659308811496</li>
 * <li>Hörmann, W. (1993b). The transformed rejection method for generating Poisson random variables.
 * Insurance Math. Econom. 12(1), 39-45. doi:10.1016/0167-6687(93)90997-4</li>
 * <li>Kachitvichyanukul, V. &amp; Schmeiser, B.W. (1988). Binomial random variate generation. Commun.
 * ACM 31(2), 216-222 (BINV). doi:10.1145/42372.42381</li>
 * </ol>
 */
final class LcmRandom {
    /** Multinomials of at most this size are drawn as that many categorical draws. */
    private static final int CATEGORICAL_MAX = 12;
    /** Below this mean the binomial is drawn by inversion. */
    private static final double INVERSION_MEAN = 10;
    /** 2^-53. */
    private static final double TWO_POW_M53 = 0x1.0p-53;
    /** Rejections of the capped negative binomial before falling back to inversion. */
    private static final int MAX_REJECTIONS = 64;
    /** Largest Poisson mean handed to Commons RNG (it needs a mean below Integer.MAX_VALUE). */
    private static final double MAX_POISSON_MEAN = 1e9;

    private final UniformRandomProvider rng;
    private final NormalizedGaussianSampler normal;

    LcmRandom(UniformRandomProvider rng) {
        this.rng = rng;
        this.normal = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    /** @return a uniform variate on the open interval (0, 1) */
    double uniformOpen() {
        return ((rng.nextLong() >>> 11) + 0.5) * TWO_POW_M53;
    }

    /**
     * @param shape the shape, &gt; 0
     * @return \( \log G \) with \( G \sim \mathrm{Gamma}(\text{shape}, 1) \)
     */
    double logGamma(double shape) {
        if (shape < 1) {
            // Robert & Casella (2004) p. 45: G_a = G_{a+1} U^{1/a}, on the log scale
            return logGammaAtLeastOne(shape + 1) + Math.log(uniformOpen()) / shape;
        }
        return logGammaAtLeastOne(shape);
    }

    /** Integer shapes below this take Marsaglia and Tsang's c from {@link #MT_C}. */
    private static final int MT_TABLE = 4096;
    /** \( c = 1/\sqrt{9d} \), \( d = a - 1/3 \), for integer shapes a (the capture-probability Betas). */
    private static final double[] MT_C = new double[MT_TABLE];

    static {
        for (int a = 1; a < MT_TABLE; a++) {
            MT_C[a] = 1 / Math.sqrt(9 * (a - 1.0 / 3));
        }
    }

    /** Marsaglia & Tsang (2000), shape &gt;= 1. */
    private double gammaAtLeastOne(double shape) {
        final double d = shape - 1.0 / 3;
        final int ia = (int) shape;
        final double c = ia == shape && ia < MT_TABLE ? MT_C[ia] : 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = normal.sample();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            final double u = uniformOpen();
            final double x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /** Marsaglia & Tsang (2000), shape &gt;= 1, returned on the log scale. */
    private double logGammaAtLeastOne(double shape) {
        final double d = shape - 1.0 / 3;
        final double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = normal.sample();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            final double u = uniformOpen();
            final double x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2) {
                return Math.log(d * v);
            }
            final double logV = Math.log(v);
            if (Math.log(u) < 0.5 * x2 + d * (1 - v + logV)) {
                return Math.log(d) + logV;
            }
        }
    }

    /**
     * @param shape the shape, &gt; 0
     * @param rate the rate, &gt; 0
     * @return a Gamma(shape, rate) variate
     */
    double gamma(double shape, double rate) {
        if (shape >= 1) {
            return gammaAtLeastOne(shape) / rate;
        }
        return Math.exp(logGamma(shape)) / rate;
    }

    /**
     * Draws \( B \sim \mathrm{Beta}(a, b) \) as \( (\log B, \log(1-B)) \), through
     * \( B = G_a / (G_a + G_b) \) with both gammas on the log scale (as LCMCR).
     *
     * @param a first shape, &gt; 0
     * @param b second shape, &gt; 0
     * @param out receives {@code out[0] = log B}, {@code out[1] = log(1 - B)} and, if it has a third
     *     element, {@code out[2] = B / (1 - B)}
     */
    void logBeta(double a, double b, double[] out) {
        final double ga;
        final double gb;
        if (a == 1 && b == 1) {
            // Beta(1, 1) is uniform
            final double u = uniformOpen();
            out[0] = Math.log(u);
            out[1] = Math.log(1 - u);
            if (out.length > 2) {
                out[2] = u / (1 - u);
            }
            return;
        }
        if (a == 1 || b == 1) {
            // Beta(1, b): 1 - B = U^{1/b}; Beta(a, 1): B = U^{1/a}
            final double l = Math.log(uniformOpen()) / (a == 1 ? b : a);
            final double lRest = log1mExp(l);
            out[0] = a == 1 ? lRest : l;
            out[1] = a == 1 ? l : lRest;
            if (out.length > 2) {
                out[2] = Math.exp(out[0] - out[1]);
            }
            return;
        }
        if (a >= 1 && b >= 1) {
            // both gammas are far from underflow: B = G_a / (G_a + G_b) in linear scale, then logs
            final double x = gammaAtLeastOne(a);
            final double y = gammaAtLeastOne(b);
            final double inv = 1 / (x + y);
            out[0] = Math.log(x * inv);
            out[1] = Math.log(y * inv);
            if (out.length > 2) {
                out[2] = x / y;
            }
            return;
        }
        ga = logGamma(a);
        gb = logGamma(b);
        final double s = logSum(ga, gb);
        out[0] = ga - s;
        out[1] = gb - s;
        if (out.length > 2) {
            out[2] = Math.exp(ga - gb);
        }
    }

    /**
     * Draws \( B \sim \mathrm{Beta}(a, b) \) on the linear scale: {@code out[0] = B},
     * {@code out[1] = 1 - B} and {@code out[2] = B / (1 - B)}, each computed without cancellation
     * (through \( G_a/(G_a+G_b) \), \( G_b/(G_a+G_b) \), \( G_a/G_b \) when both shapes are at least
     * 1, else through {@link #logBeta}).
     *
     * @param a first shape, &gt; 0
     * @param b second shape, &gt; 0
     * @param out receives B, 1 - B and B / (1 - B)
     */
    void beta(double a, double b, double[] out) {
        if (a == 1 && b == 1) {
            final double u = uniformOpen();
            out[0] = u;
            out[1] = 1 - u;
            out[2] = u / (1 - u);
            return;
        }
        if (a == 1 || b == 1) {
            // Beta(1, b): 1 - B = U^{1/b}; Beta(a, 1): B = U^{1/a}
            final double l = Math.log(uniformOpen()) / (a == 1 ? b : a);
            final double power = Math.exp(l);
            final double rest = -Math.expm1(l);
            out[0] = a == 1 ? rest : power;
            out[1] = a == 1 ? power : rest;
            out[2] = out[0] / out[1];
            return;
        }
        if (a >= 1 && b >= 1) {
            final double x = gammaAtLeastOne(a);
            final double y = gammaAtLeastOne(b);
            final double inv = 1 / (x + y);
            out[0] = x * inv;
            out[1] = y * inv;
            out[2] = x / y;
            return;
        }
        logBeta(a, b, out);
        final double l0 = out[0];
        final double l1 = out[1];
        out[0] = Math.exp(l0);
        out[1] = Math.exp(l1);
        out[2] = Math.exp(l0 - l1);
    }

    /** @return \( \log(e^a + e^b) \) */
    static double logSum(double a, double b) {
        return a < b ? b + Math.log1p(Math.exp(a - b)) : a + Math.log1p(Math.exp(b - a));
    }

    /**
     * @return \( \log(1 - e^x) \) for x &lt; 0: {@code log(-expm1(x))} near 0 (Mächler 2012), else
     *     {@code log(1 - e^x)} with a two-term series when \( e^x &lt; 10^{-8} \)
     */
    static double log1mExp(double x) {
        if (x > -0.6931471805599453) {
            return Math.log(-Math.expm1(x));
        }
        final double y = Math.exp(x);
        return y < 1e-8 ? -y - 0.5 * y * y : Math.log(1 - y);
    }

    /**
     * @param n trials, &gt;= 0
     * @param p success probability in [0, 1]
     * @return a Binomial(n, p) variate
     */
    int binomial(int n, double p) {
        if (n == 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (p > 0.5) {
            return n - binomialHalf(n, 1 - p);
        }
        return binomialHalf(n, p);
    }

    /** Binomial with p &lt;= 1/2. */
    private int binomialHalf(int n, double p) {
        if (n * p < INVERSION_MEAN) {
            return binomialInversion(n, p);
        }
        return binomialBtrs(n, p);
    }

    /** BINV (Kachitvichyanukul & Schmeiser 1988): sequential search from 0. */
    private int binomialInversion(int n, double p) {
        final double q = 1 - p;
        final double s = p / q;
        final double a = (n + 1) * s;
        double u = uniformOpen();
        if (u <= 1 - n * p) {
            // u <= 1 - np <= (1 - p)^n = P(X = 0) (Bernoulli's inequality): the search would stop at 0
            return 0;
        }
        final double r0 = Math.exp(n * (p < 1e-8 ? -p - 0.5 * p * p : Math.log(q)));
        while (true) {
            double r = r0;
            int x = 0;
            while (u > r) {
                u -= r;
                x++;
                if (x > n) {
                    break;
                }
                r *= a / x - s;
            }
            if (x <= n) {
                return x;
            }
            // rounding pushed the search past n (probability ~1e-16): draw again
            u = uniformOpen();
        }
    }

    /** BTRS (Hörmann 1993), p &lt;= 1/2 and n p &gt;= 10. */
    private int binomialBtrs(int n, double p) {
        final double q = 1 - p;
        final double spq = Math.sqrt(n * p * q);
        final double b = 1.15 + 2.53 * spq;
        final double a = -0.0873 + 0.0248 * b + 0.01 * p;
        final double c = n * p + 0.5;
        final double vr = 0.92 - 4.2 / b;
        // constants of the exact test, computed only once the squeeze fails (~14 % of draws)
        double alpha = 0;
        double lpq = 0;
        double h = 0;
        final int m = (int) Math.floor((n + 1) * p);
        boolean slow = false;
        while (true) {
            final double u = uniformOpen() - 0.5;
            double v = uniformOpen();
            final double us = 0.5 - Math.abs(u);
            final double kd = Math.floor((2 * a / us + b) * u + c);
            if (kd < 0 || kd > n) {
                continue;
            }
            final int k = (int) kd;
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (!slow) {
                alpha = (2.83 + 5.1 / b) * spq;
                lpq = Math.log(p / q);
                h = logFactorial(m) + logFactorial(n - m);
                slow = true;
            }
            v = Math.log(v * alpha / (a / (us * us) + b));
            if (v <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) {
                return k;
            }
        }
    }

    private static final double[] LOG_FACTORIAL = new double[256];

    static {
        for (int i = 1; i < LOG_FACTORIAL.length; i++) {
            LOG_FACTORIAL[i] = LOG_FACTORIAL[i - 1] + Math.log(i);
        }
    }

    /** \( \tfrac12 \log(2\pi) \). */
    private static final double HALF_LOG_2PI = 0.9189385332046728;

    /**
     * @return log(k!): a table below 256, else Stirling's series
     *     \( (x-\tfrac12)\log x - x + \tfrac12\log 2\pi + \tfrac1{12x} - \tfrac1{360x^3} + \tfrac1{1260x^5} \),
     *     \( x = k + 1 \) (next term below 1e-20 there)
     */
    static double logFactorial(long k) {
        if (k < LOG_FACTORIAL.length) {
            return LOG_FACTORIAL[(int) k];
        }
        final double x = k + 1.0;
        final double r = 1 / x;
        final double r2 = r * r;
        return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + r * (1.0 / 12 - r2 * (1.0 / 360 - r2 / 1260));
    }

    /**
     * Draws Multinomial(size, w / sum(w)) by sequential conditional binomials, or by {@code size}
     * categorical draws when size is at most {@value #CATEGORICAL_MAX}.
     *
     * @param size the number of trials, &gt;= 0
     * @param w unnormalised non-negative weights (length K), with a positive sum
     * @param k the number of categories used (a prefix of w)
     * @param out receives the counts (first k entries overwritten)
     * @param suffix scratch space of length &gt;= k + 1
     */
    void multinomial(int size, double[] w, int k, int[] out, double[] suffix) {
        for (int i = 0; i < k; i++) {
            out[i] = 0;
        }
        if (size <= CATEGORICAL_MAX) {
            categorical(size, w, 0, k, out);
            return;
        }
        suffix[k] = 0;
        for (int i = k - 1; i >= 0; i--) {
            suffix[i] = suffix[i + 1] + w[i];
        }
        int left = size;
        int i = 0;
        for (; i < k - 1 && left > CATEGORICAL_MAX; i++) {
            final double rest = suffix[i];
            final double pi = rest > 0 ? w[i] / rest : 0;
            final int x = binomial(left, pi > 1 ? 1 : pi);
            out[i] = x;
            left -= x;
        }
        if (i == k - 1) {
            out[k - 1] += left;
            return;
        }
        // the few left: categorical draws over categories i..k-1 (the same conditional law)
        categorical(left, w, i, k, out);
    }

    /**
     * Adds {@code size} categorical draws over categories from..k-1 with weights w to out, each by a
     * linear search (the heaviest categories come first).
     */
    private void categorical(int size, double[] w, int from, int k, int[] out) {
        double total = 0;
        for (int i = from; i < k; i++) {
            total += w[i];
        }
        for (int t = 0; t < size; t++) {
            double u = rng.nextDouble() * total;
            int c = from;
            while (c < k - 1 && u >= w[c]) {
                u -= w[c];
                c++;
            }
            out[c]++;
        }
    }

    /**
     * Draws the number of failures before {@code r} successes with success probability
     * {@code 1 - p0}, restricted to values &le; {@code cap}.
     *
     * <p>Unrestricted draws use the gamma-Poisson mixture \( X \mid G \sim \mathrm{Poisson}(G) \),
     * \( G \sim \mathrm{Gamma}(r, \text{scale } p_0/(1-p_0)) \); the cap is imposed by rejection
     * (as LCMCR's {@code sam_n0}), and after {@value #MAX_REJECTIONS} rejections by exact inversion
     * of the truncated probability mass function.
     *
     * @param r the number of successes, &gt;= 1
     * @param p0 the failure probability in [0, 1)
     * @param cap the largest value allowed, &gt;= 0
     * @return the draw
     */
    long negativeBinomialCapped(long r, double p0, long cap) {
        if (p0 <= 0) {
            return 0;
        }
        final double odds = p0 / (1 - p0);
        final double meanAll = r * odds;
        if (meanAll < MAX_POISSON_MEAN) {
            for (int attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
                final double g = gammaAtLeastOne(r) * odds;
                final long x = g <= 0 ? 0 : (g < MAX_POISSON_MEAN ? poisson(g) : cap + 1);
                if (x <= cap) {
                    return x;
                }
            }
        }
        return negativeBinomialInversion(r, p0, cap);
    }

    /**
     * Poisson(mu): Commons RNG's {@link PoissonSampler} below mean 10, else Hörmann's (1993b) PTRS
     * transformed rejection, which needs no per-mean set-up (the mean changes at every sweep).
     *
     * @param mu the mean, in (0, 1e9)
     * @return the draw
     */
    long poisson(double mu) {
        if (mu < INVERSION_MEAN) {
            return PoissonSampler.of(rng, mu).sample();
        }
        final double smu = Math.sqrt(mu);
        final double b = 0.931 + 2.53 * smu;
        final double a = -0.059 + 0.02483 * b;
        final double vr = 0.9277 - 3.6224 / (b - 2);
        double logMu = Double.NaN;
        double logInvAlpha = 0;
        while (true) {
            final double u = uniformOpen() - 0.5;
            final double v = uniformOpen();
            final double us = 0.5 - Math.abs(u);
            final double kd = Math.floor((2 * a / us + b) * u + mu + 0.43);
            if (us >= 0.07 && v <= vr) {
                return (long) kd;
            }
            if (kd < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Double.isNaN(logMu)) {
                logMu = Math.log(mu);
                logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
            }
            if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b)
                    <= -mu + kd * logMu - logFactorial((long) kd)) {
                return (long) kd;
            }
        }
    }

    /** Exact inversion of the negative binomial pmf restricted to 0..cap. */
    private long negativeBinomialInversion(long r, double p0, long cap) {
        // log pmf up to a constant: lgamma(r + x) - lgamma(x + 1) + x log p0
        final double lp0 = Math.log(p0);
        double lmax = Double.NEGATIVE_INFINITY;
        final int len = (int) Math.min(cap + 1, Integer.MAX_VALUE - 8);
        final double[] lw = new double[len];
        for (int x = 0; x < len; x++) {
            lw[x] = logFactorial(r + x - 1) - logFactorial(x) + x * lp0;
            lmax = Math.max(lmax, lw[x]);
        }
        double total = 0;
        for (int x = 0; x < len; x++) {
            lw[x] = Math.exp(lw[x] - lmax);
            total += lw[x];
        }
        double u = rng.nextDouble() * total;
        for (int x = 0; x < len; x++) {
            u -= lw[x];
            if (u < 0) {
                return x;
            }
        }
        return len - 1;
    }
}
