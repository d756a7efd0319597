package org.prevalence.regional;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.prevalence.core.bootstrap.Resampler;

/**
 * One Monte Carlo draw of the {@link SurveyPipeline}'s regional totals (the "resample" is the
 * vector of totals, the regions then the world), in the pipeline's four steps: the surveyed
 * prevalences from their sampling distributions, the imputation model's coefficients and
 * between-country variance, the imputed prevalences, and the outside components.
 *
 * @param nRegions the number of regions
 * @param point the point totals, the regions then the world
 * @param surveyed the surveyed countries
 * @param imputed the imputed countries
 * @param model the imputation model's uncertainty
 * @param components the outside components
 */
record SurveyDraws(int nRegions, double[] point, SurveyDraws.Surveyed surveyed, SurveyDraws.Imputed imputed,
                   SurveyDraws.Model model, SurveyDraws.Components components) implements Resampler<double[]> {
    /** The surveyed countries and the sampling distribution of each prevalence. */
    static final class Surveyed {
        final int[] region;
        final double[] pop;
        final double[] p;
        final double[] se;
        final double[] y; // empirical logit, or the first beta shape
        final double[] v; // its SD; -1 for a normal draw; < -2 for a beta draw (second shape -(v + 2))
        private int size;

        Surveyed(int n) {
            region = new int[n];
            pop = new double[n];
            p = new double[n];
            se = new double[n];
            y = new double[n];
            v = new double[n];
        }

        /** Adds a country, with the parameters of its sampling distribution under {@code how}. */
        void add(int g, double population, double pr, double s, SamplingError how) {
            int i = size++;
            region[i] = g;
            pop[i] = population;
            p[i] = pr;
            se[i] = s;
            if (how == SamplingError.LOGIT && pr > 0 && pr < 1 && s > 0) {
                double nEff = pr * (1 - pr) / (s * s);
                double k = pr * nEff;
                y[i] = Math.log((k + 0.5) / (nEff - k + 0.5));
                v[i] = Math.sqrt(1 / (k + 0.5) + 1 / (nEff - k + 0.5));
            } else if (how == SamplingError.BETA && pr > 0 && pr < 1 && s > 0 && s * s < pr * (1 - pr)) {
                // beta with mean p and variance se^2: shape p nu, (1 - p) nu, nu = n_eff - 1
                double nu = pr * (1 - pr) / (s * s) - 1;
                y[i] = pr * nu;
                v[i] = -(1 - pr) * nu - 2; // < -2 flags a beta draw; shape b = -(v + 2)
            } else {
                v[i] = -1;
            }
        }
    }

    /** The imputed countries: region, population and design row of each. */
    static final class Imputed {
        final int[] region;
        final double[] pop;
        final double[][] x;
        private int size;

        Imputed(int n) {
            region = new int[n];
            pop = new double[n];
            x = new double[n][];
        }

        void add(int g, double population, double[] row) {
            int i = size++;
            region[i] = g;
            pop[i] = population;
            x[i] = row;
        }
    }

    /** The outside components: region (-1 for the world), mean and standard deviation of each. */
    record Components(int[] region, double[] mean, double[] sd) {
    }

    /**
     * The imputation model's uncertainty: the Q-profile distribution of tau^2 (null for the plug-in
     * tau with a multivariate t of {@code df} degrees of freedom on the Cholesky factor {@code chol}).
     */
    record Model(double[] beta, double[][] chol, double tau, int df, MetaRegression.QProfile qProfile) {
    }

    @Override
    public double[] original() {
        return point.clone();
    }

    @Override
    public double[] newBuffer() {
        return new double[nRegions + 1];
    }

    @Override
    public void resample(UniformRandomProvider rng, double[] buf) {
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        Arrays.fill(buf, 0);
        double[] zs = drawSurveys(rng, z, buf);
        if (imputed.x.length > 0 && model.qProfile() != null) {
            drawImputedQProfile(rng, z, zs, buf);
        } else if (imputed.x.length > 0) {
            drawImputedPlugIn(z, buf);
        }
        double world = 0;
        for (int j = 0; j < components.mean().length; j++) {
            double v = Math.max(0, components.mean()[j] + components.sd()[j] * z.sample());
            if (components.region()[j] >= 0) {
                buf[components.region()[j]] += v;
            } else {
                world += v;
            }
        }
        for (int g = 0; g < nRegions; g++) {
            world += buf[g];
        }
        buf[nRegions] = world;
    }

    /** Step 1: adds the drawn surveyed totals; returns the standardised sampling deviations. */
    private double[] drawSurveys(UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian z, double[] buf) {
        Surveyed s = surveyed;
        double[] zs = new double[s.p.length];
        for (int c = 0; c < s.p.length; c++) {
            double p;
            if (s.v[c] >= 0) {
                p = MetaRegression.expit(s.y[c] + s.v[c] * z.sample());
            } else if (s.v[c] < -2) {
                p = ChengBetaSampler.of(rng, s.y[c], -(s.v[c] + 2)).sample();
            } else {
                p = Math.min(1, Math.max(0, s.p[c] + s.se[c] * z.sample()));
            }
            buf[s.region[c]] += s.pop[c] * p;
            zs[c] = s.se[c] > 0 ? (p - s.p[c]) / s.se[c] : 0; // standardised sampling deviation
        }
        return zs;
    }

    /**
     * Steps 2-3, Q-profile: tau^2 from its Q-profile distribution (Viechtbauer 2007), then beta given
     * tau^2 as the refit to the drawn surveys: beta* = beta(tau^2) + A (sqrt(v) Z_s + tau Z'), where
     * Z_s are the surveyed countries' standardised draws, so that a survey drawn high also raises
     * the imputed prevalences of its region (their errors are positively correlated).
     */
    private void drawImputedQProfile(UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian z, double[] zs,
                                     double[] buf) {
        MetaRegression.QProfile qp = model.qProfile();
        int j = rng.nextInt(qp.tau2().length);
        double[][] aj = qp.hat()[j];
        double[] vf = qp.v();
        double tj = Math.sqrt(qp.tau2()[j]);
        double[] b = qp.beta()[j].clone();
        for (int c = 0; c < zs.length; c++) {
            double e = Math.sqrt(vf[c]) * zs[c] + tj * z.sample();
            for (int a = 0; a < b.length; a++) {
                b[a] += aj[a][c] * e;
            }
        }
        addImputed(z, b, tj, buf);
    }

    /** Steps 2-3, plug-in tau: beta from a multivariate t with df degrees of freedom (normal / sqrt(chi^2_df / df)). */
    private void drawImputedPlugIn(ZigguratSampler.NormalizedGaussian z, double[] buf) {
        double[] beta = model.beta();
        double[][] chol = model.chol();
        int k = beta.length;
        int df = model.df();
        double chi2 = 0;
        for (int a = 0; a < df; a++) {
            double e = z.sample();
            chi2 += e * e;
        }
        double t = df > 0 ? Math.sqrt(df / chi2) : 1;
        double[] zb = new double[k];
        for (int a = 0; a < k; a++) {
            zb[a] = z.sample() * t;
        }
        double[] b = new double[k];
        for (int a = 0; a < k; a++) {
            double s = beta[a];
            for (int j = 0; j <= a; j++) {
                s += chol[a][j] * zb[j];
            }
            b[a] = s;
        }
        addImputed(z, b, model.tau(), buf);
    }

    /** Step 3: adds the imputed totals, expit(x'b + tau Z) for each imputed country. */
    private void addImputed(ZigguratSampler.NormalizedGaussian z, double[] b, double tau, double[] buf) {
        for (int c = 0; c < imputed.x.length; c++) {
            double eta = MetaRegression.dot(imputed.x[c], b) + tau * z.sample();
            buf[imputed.region[c]] += imputed.pop[c] * MetaRegression.expit(eta);
        }
    }
}
