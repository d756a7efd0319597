package org.prevalence.survey;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.FDistribution;

/**
 * The interval formulas of {@link CiMethod} (package-private), shared by {@link SurveyProportion}
 * and the Woodruff interval of {@link SurveyQuantile}. Limits are returned as computed, without
 * truncation (R does not truncate {@code "mean"}).
 */
final class ProportionIntervals {
    private ProportionIntervals() {
    }

    static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    static double expit(double x) {
        return Math.exp(x) / (1 + Math.exp(x));
    }

    /**
     * @param p the proportion
     * @param var its variance
     * @param level the confidence level
     * @param df design degrees of freedom (Inf = Normal)
     * @param rows the number of rows of the (domain) design, for BETA's t(n - 1)
     * @param used the number of rows with a value (LIKELIHOOD's model size)
         * @return {lower, upper}
     */
    static double[] interval(CiMethod m, double p, double var, double level, double df, long rows, long used,
                             GlmStart start) {
        double alpha = 1 - level;
        double se = Math.sqrt(var);
        if (p <= 0 || p >= 1 || var == 0) {
            if (m == CiMethod.MEAN) {
                double t = Quantiles.critical(level, df);
                return new double[] {p - t * se, p + t * se};
            }
            return new double[] {p, p};
        }
        switch (m) {
            case MEAN: {
                double t = Quantiles.critical(level, df);
                return new double[] {p - t * se, p + t * se};
            }
            case LOGIT:
            case XLOGIT: {
                // svycontrast(log(p/(1-p))): derivative 1/(p(1-p))
                double t = Quantiles.critical(level, df);
                double s = se / (p * (1 - p));
                double l = logit(p);
                return new double[] {expit(l - t * s), expit(l + t * s)};
            }
            case ASIN: {
                double t = Quantiles.critical(level, df);
                double s = se / (2 * Math.sqrt(p * (1 - p)));
                double a = Math.asin(Math.sqrt(p));
                double lo = Math.sin(a - t * s);
                double hi = Math.sin(a + t * s);
                return new double[] {lo * lo, hi * hi};
            }
            case BETA: {
                double ratio = Quantiles.t(alpha / 2, rows - 1) / Quantiles.t(alpha / 2, df);
                double neff = p * (1 - p) / var * ratio * ratio;
                double lo = BetaDistribution.of(neff * p, neff * (1 - p) + 1).inverseCumulativeProbability(alpha / 2);
                double hi = BetaDistribution.of(neff * p + 1, neff * (1 - p)).inverseCumulativeProbability(1 - alpha / 2);
                return new double[] {lo, hi};
            }
            case LIKELIHOOD:
                return likelihood(p, var, level, df, used, start);
            default:
                throw new IllegalStateException(m.toString());
        }
    }

    /**
     * The profile-likelihood interval of an intercept-only quasibinomial survey GLM, as R's
     * {@code confint.svyglm(method="likelihood")} with {@code MASSprofile_glm} and
     * {@code confint_profile}: a profile over at most 9 steps of size zmax/5 standard errors on each
     * side, a Forsythe-Malcolm-Moler cubic spline through (b, z) evaluated at 3 x (points) equally
     * spaced b, and linear interpolation of b at z = -/+ t sqrt(lambda).
     */
    static double[] likelihood(double p, double var, double level, double df, long n, GlmStart start) {
        return new Profile(n, p, start).interval(var, level, df);
    }

    /**
     * The first IRLS iteration of R's {@code glm.fit} for the intercept-only binomial model, which
     * starts from row-specific {@code mustart = (W y + 0.5)/(W + 1)}: the sums of the working
     * weights, of working weights times working responses, and the starting deviance.
     */
    static final class GlmStart {
        double sumWw;
        double sumWwZ;
        double deviance;

        void add(double wScaled, double y) {
            double mu = (wScaled * y + 0.5) / (wScaled + 1);
            double v = mu * (1 - mu);
            double ww = wScaled * v;
            sumWw += ww;
            sumWwZ += ww * (logit(mu) + (y - mu) / v);
            deviance += 2 * wScaled * (y == 1 ? -Math.log(mu) : -Math.log(1 - mu));
        }
    }

    /** Deviance of the intercept-only binomial model with weights scaled to mean 1 (sum n). */
    private static final class Profile {
        final long n;
        final double p;
        final GlmStart start;

        Profile(long n, double p, GlmStart start) {
            this.n = n;
            this.p = p;
            this.start = start;
        }

        double deviance(double mu) {
            return -2 * n * (p * Math.log(mu) + (1 - p) * Math.log(1 - mu));
        }

        double[] interval(double var, double level, double df) {
            // R glm.fit IRLS (epsilon 1e-8, maxit 25): the final coefficient, and the working weights
            // of the last iteration (computed at the previous fit), which give summary()$cov.unscaled
            double b = start.sumWwZ / start.sumWw;
            double sumWwPrev = start.sumWw;
            double devOld = start.deviance;
            double dev = deviance(expit(b));
            for (int it = 1; it < 25 && !(Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < 1e-8); it++) {
                double mu = expit(b);
                sumWwPrev = n * mu * (1 - mu);
                b = b + (p - mu) / (mu * (1 - mu));
                devOld = dev;
                dev = deviance(expit(b));
            }
            double b0 = b;
            double muHat = expit(b0);
            double seB = Math.sqrt(var) / (muHat * (1 - muHat));
            double naive = 1 / sumWwPrev;
            double lambda = seB * seB / naive;
            // Pearson dispersion: weighted variance of (y - mu)/sqrt(mu(1-mu)), divisor n - 1
            double disp = p * (1 - p) / (muHat * (1 - muHat)) * n / (n - 1);
            double tq = Quantiles.t((1 - level) / 2, df);
            double alpha = Quantiles.normalCdf(tq * Math.sqrt(lambda)) / 2;
            double zmax = Math.sqrt(FDistribution.of(1, n - 1).inverseSurvivalProbability(alpha));
            double del = zmax / 5;
            double dev0 = dev;
            double[] bs = new double[19];
            double[] zs = new double[19];
            int m = 0;
            bs[m] = b0;
            zs[m++] = 0;
            for (int sgn = -1; sgn <= 1; sgn += 2) {
                double z = 0;
                for (int step = 1; step < 10 && Math.abs(z) < zmax; step++) {
                    double bi = b0 + sgn * step * del * seB;
                    double zz = (deviance(expit(bi)) - dev0) / disp;
                    zz = Math.max(zz, 0);
                    z = sgn * Math.sqrt(zz);
                    bs[m] = bi;
                    zs[m++] = z;
                }
            }
            // order by z (R: order(zi)); b is increasing in z
            Integer[] idx = new Integer[m];
            for (int i = 0; i < m; i++) {
                idx[i] = i;
            }
            final double[] zf = zs;
            Arrays.sort(idx, (a, c) -> Double.compare(zf[a], zf[c]));
            double[] x = new double[m];
            double[] y = new double[m];
            for (int i = 0; i < m; i++) {
                x[i] = bs[idx[i]];
                y[i] = zs[idx[i]];
            }
            // spline(x = b, y = z, n = 3 m), then approx(z_spline, b_spline, cutoff)
            int nOut = 3 * m;
            double[] u = Splines.seq(x[0], x[m - 1], nOut);
            double[] v = Splines.fmm(x, y, u);
            double cut = Quantiles.normalQuantile(2 * alpha);
            double lo = Splines.approx(v, u, cut);
            double hi = Splines.approx(v, u, -cut);
            return new double[] {expit(lo), expit(hi)};
        }
    }
}
