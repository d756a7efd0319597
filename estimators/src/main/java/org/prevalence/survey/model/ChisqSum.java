package org.prevalence.survey.model;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Tail probabilities of a weighted sum of independent 1-df chi-squares, \( Q = \sum_k \lambda_k \chi^2_1 \),
 * and of its ratio to an independent \( \chi^2_\nu/\nu \), as R survey's {@code pchisqsum} and
 * {@code pFsum} with {@code method="saddlepoint"} (package-private). The saddlepoint approximation is
 * Lugannani and Rice's (1980) in the form of Kuonen (1999): with the cumulant generating function
 * \( K(\zeta) = -\frac12 \sum_k \log(1 - 2\zeta\lambda_k) \) (the \( \lambda \) scaled by their maximum), the
 * root \( \hat\zeta \) of \( K'(\zeta) = x \) (Brent's method on survey's bracket, tolerance 1e-8),
 * \( w = \mathrm{sign}(\hat\zeta)\sqrt{2(\hat\zeta x - K(\hat\zeta))} \), \( v = \hat\zeta\sqrt{K''(\hat\zeta)} \),
 * \( P(Q &gt; x) \approx 1 - \Phi(w + \log(v/w)/w) \); where \( |\hat\zeta| &lt; 10^{-4} \) (x near the mean)
 * the Satterthwaite approximation is used instead, as R does. {@code pFsum} writes
 * \( P(Q / (\chi^2_\nu/\nu) &gt; x) = P(\sum_k\lambda_k\chi^2_1 - (x/\nu)\chi^2_\nu &gt; 0) \).
 *
 * <p>References: Kuonen, D. (1999). Saddlepoint approximations for distributions of quadratic forms in
 * normal variables. Biometrika 86, 929-935. Brent, R.P. (1973). Algorithms for Minimization without
 * Derivatives, chapter 4.
 */
final class ChisqSum {
    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    private ChisqSum() {
    }

    /** Satterthwaite: Q ~ scale chi^2_df with the first two moments matched; {scale, df}. */
    private static double[] satterthwaite(double[] a) {
        double tr = 0;
        double tr2 = 0;
        for (double v : a) {
            tr += v;
            tr2 += v * v;
        }
        tr /= a.length;
        tr2 = tr2 / a.length / (tr * tr);
        return new double[] {tr * tr2, a.length / tr2};
    }

    /** @return P(sum lambda_k chi^2_1 &gt; x), R's {@code pchisqsum(x, 1, lambda, lower.tail=FALSE, method="saddlepoint")} */
    static double upperChisqSum(double x, double[] lambda) {
        double[] s = satterthwaite(lambda);
        double sad = saddle(x, lambda);
        return Double.isNaN(sad) ? ChiSquaredDistribution.of(s[1]).survivalProbability(x / s[0]) : sad;
    }

    /**
     * @param x the working LRT statistic (not divided by anything)
     * @param lambda the weights
     * @param ddf denominator degrees of freedom (a positive integer)
     * @return R's {@code pFsum(x, 1, lambda, ddf, lower.tail=FALSE, method="saddlepoint")}
     */
    static double upperFSum(double x, double[] lambda, int ddf) {
        double[] s = satterthwaite(lambda);
        double[] a = new double[lambda.length + ddf];
        System.arraycopy(lambda, 0, a, 0, lambda.length);
        for (int k = lambda.length; k < a.length; k++) {
            a[k] = -x / ddf;
        }
        double sad = saddle(0, a);
        return Double.isNaN(sad) ? FDistribution.of(s[1], ddf).survivalProbability(x / s[1] / s[0]) : sad;
    }

    /** The saddlepoint upper tail, NaN where the root is within 1e-4 of 0 (R's rule). */
    static double saddle(double x0, double[] lambda0) {
        int n = lambda0.length;
        double d = Double.NEGATIVE_INFINITY;
        for (double v : lambda0) {
            d = Math.max(d, v);
        }
        double[] lambda = new double[n];
        double sum = 0;
        boolean negative = false;
        double lmin = Double.NEGATIVE_INFINITY;
        double lmax = Double.POSITIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            lambda[k] = lambda0[k] / d;
            sum += lambda[k];
            if (lambda[k] < 0) {
                negative = true;
                lmin = Math.max(lmin, 1 / (2 * lambda[k]));
            } else if (lambda[k] > 0) {
                lmax = Math.min(lmax, 1 / (2 * lambda[k]));
            }
        }
        double x = x0 / d;
        if (negative) {
            lmin *= 0.99999;
        } else if (x > sum) {
            lmin = -0.01;
        } else {
            lmin = -n / (2 * x);
        }
        lmax *= 0.99999;
        DoubleUnaryOperator kprime = z -> {
            double s = 0;
            for (double l : lambda) {
                s += l / (1 - 2 * z * l);
            }
            return s - x;
        };
        double zeta = zeroin(lmin, lmax, kprime, 1e-8, 1000);
        double k0 = 0;
        double k2 = 0;
        for (double l : lambda) {
            double t = 1 - 2 * zeta * l;
            k0 += Math.log(t);
            k2 += l * l / (t * t);
        }
        k0 = -k0 / 2;
        k2 *= 2;
        double w = Math.signum(zeta) * Math.sqrt(2 * (zeta * x - k0));
        double v = zeta * Math.sqrt(k2);
        if (Math.abs(zeta) < 1e-4) {
            return Double.NaN;
        }
        return NORMAL.survivalProbability(w + Math.log(v / w) / w);
    }

    /** Brent's root finder with R's {@code uniroot} conventions (R_zeroin2: tol is absolute, 2 eps |b| + tol/2 per step). */
    static double zeroin(double ax, double bx, DoubleUnaryOperator f, double tol, int maxIterations) {
        double fa = f.applyAsDouble(ax);
        double fb = f.applyAsDouble(bx);
        if (fa * fb > 0) {
            throw new ArithmeticException("the saddlepoint equation has no root in its bracket");
        }
        double a = ax;
        double b = bx;
        double c = a;
        double fc = fa;
        if (fa == 0) {
            return a;
        }
        if (fb == 0) {
            return b;
        }
        final double eps = Math.ulp(1.0);
        for (int it = 0; it <= maxIterations; it++) {
            double prev = b - a;
            if (Math.abs(fc) < Math.abs(fb)) {
                a = b;
                b = c;
                c = a;
                fa = fb;
                fb = fc;
                fc = fa;
            }
            double tolAct = 2 * eps * Math.abs(b) + tol / 2;
            double step = (c - b) / 2;
            if (Math.abs(step) <= tolAct || fb == 0) {
                return b;
            }
            if (Math.abs(prev) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
                double p;
                double q;
                double cb = c - b;
                if (a == c) { // secant
                    double t1 = fb / fa;
                    p = cb * t1;
                    q = 1 - t1;
                } else { // inverse quadratic interpolation
                    q = fa / fc;
                    double t1 = fb / fc;
                    double t2 = fb / fa;
                    p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1));
                    q = (q - 1) * (t1 - 1) * (t2 - 1);
                }
                if (p > 0) {
                    q = -q;
                } else {
                    p = -p;
                }
                if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs(prev * q / 2)) {
                    step = p / q;
                }
            }
            if (Math.abs(step) < tolAct) {
                step = step > 0 ? tolAct : -tolAct;
            }
            a = b;
            fa = fb;
            b += step;
            fb = f.applyAsDouble(b);
            if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
                c = a;
                fc = fa;
            }
        }
        return b;
    }
}
