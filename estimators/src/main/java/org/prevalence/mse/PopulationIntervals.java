package org.prevalence.mse;

import java.util.Arrays;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.prevalence.core.Interval;
import org.prevalence.core.IntervalMethod;
import org.prevalence.core.PrevalenceException;

/** The intervals of {@link LogLinearMse} for the population of a fitted model: log-normal and profile likelihoods. */
final class PopulationIntervals {
    private final PoissonRegression glm;
    private final double level;

    PopulationIntervals(PoissonRegression glm, double level) {
        this.glm = glm;
        this.level = level;
    }

    /** The interval of the given kind (null for {@link MseInterval#NONE}). */
    Interval of(MseInterval interval, MseEngine e, MseEngine.ModelFit f) {
        return switch (interval) {
            case LOG_NORMAL -> logNormal(f);
            case PROFILE_POISSON -> profilePoisson(e, f);
            case PROFILE_MULTINOMIAL -> profileMultinomial(e, f);
            case NONE -> null;
        };
    }

    private double z() {
        return NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - level) / 2);
    }

    private Interval logNormal(MseEngine.ModelFit f) {
        // SparseMSE estimatepopulation.0: exp(qnorm(q, b0, se(b0))) + observed
        double z = z();
        return new Interval(f.observed + Math.exp(f.b0 - z * f.se0), f.observed + Math.exp(f.b0 + z * f.se0), level,
                IntervalMethod.LOGNORMAL);
    }

    private double chi2() {
        return ChiSquaredDistribution.of(1).inverseCumulativeProbability(level);
    }

    /** Profile log-likelihood of the intercept: the model refitted with beta0 fixed as an offset. */
    private Interval profilePoisson(MseEngine e, MseEngine.ModelFit f) {
        int n = f.cells.length;
        int p = f.columns.length;
        double[] x1 = Arrays.copyOfRange(f.x, n, n * p);
        String[] names = f.glm.getColumnNames().subList(1, p).toArray(new String[0]);
        double[] off = new double[n];
        PoissonRegression.Workspace ws = new PoissonRegression.Workspace(n, Math.max(1, p - 1));
        double lmax = f.glm.getLogLikelihood();
        double q = chi2();
        UnivariateFunction g = theta -> {
            Arrays.fill(off, theta);
            // p >= 1 + K: the main effects remain after the intercept is fixed
            double l = glm.fit(x1, n, p - 1, names, f.y, off, null, ws).getLogLikelihood();
            return 2 * (lmax - l) - q;
        };
        double step = Math.max(f.se0, 1e-3);
        double lo = rootSide(g, f.b0, -step);
        double hi = rootSide(g, f.b0, step);
        return new Interval(f.observed + Math.exp(lo), f.observed + Math.exp(hi), level, IntervalMethod.PROFILE);
    }

    private static double rootSide(UnivariateFunction g, double centre, double step) {
        double a = centre;
        double b = centre + step;
        int tries = 0;
        while (g.value(b) < 0) {
            a = b;
            step *= 2;
            b = centre + step;
            if (++tries > 60) {
                throw PrevalenceException.notEstimable("interval",
                        "The profile likelihood does not fall enough on one side; the interval is unbounded");
            }
        }
        return new BrentSolver(1e-12, 1e-10).solve(200, g, Math.min(a, b), Math.max(a, b));
    }

    /** Cormack (1992) multinomial profile likelihood, as Rcapture closedpCI.t. */
    private Interval profileMultinomial(MseEngine e, MseEngine.ModelFit f) {
        int n = f.cells.length;
        int p = f.columns.length;
        int n1 = n + 1;
        double[] x = new double[n1 * p];
        for (int j = 0; j < p; j++) {
            System.arraycopy(f.x, j * n, x, j * n1, n);
            x[j * n1 + n] = j == 0 ? 1 : 0; // the unobserved cell: intercept only
        }
        double[] y = Arrays.copyOf(f.y, n1);
        String[] names = f.glm.getColumnNames().toArray(new String[0]);
        PoissonRegression.Workspace ws = new PoissonRegression.Workspace(n1, p);
        double obs = f.observed;
        UnivariateFunction ell = nTotal -> {
            double y0 = nTotal - obs;
            y[n] = y0;
            PoissonRegression.Fit g = glm.fit(x, n1, p, names, y, null, null, ws);
            double[] mu = g.getFitted();
            double s = Gamma.logGamma(nTotal + 1) - Gamma.logGamma(y0 + 1);
            for (int i = 0; i < n1; i++) {
                if (y[i] > 0) {
                    s += y[i] * Math.log(mu[i] / nTotal);
                }
            }
            return s;
        };
        double nHat = f.estimate();
        double width = Math.max(nHat - obs, 1.0);
        double upperSearch = nHat + 4 * width;
        double mle = new BrentOptimizer(1e-12, 1e-9).optimize(new MaxEval(500), new UnivariateObjectiveFunction(ell),
                GoalType.MAXIMIZE, new SearchInterval(obs, upperSearch, nHat)).getPoint();
        double lmax = ell.value(mle);
        double q = chi2();
        UnivariateFunction g = nTotal -> 2 * (lmax - ell.value(nTotal)) - q;
        double lo;
        if (g.value(obs) <= 0) {
            lo = obs;
        } else {
            lo = new BrentSolver(1e-12, 1e-10).solve(500, g, obs, mle);
        }
        double b = mle + width;
        int tries = 0;
        while (g.value(b) < 0) {
            b = mle + (b - mle) * 2;
            if (++tries > 60) {
                throw PrevalenceException.notEstimable("interval",
                        "The multinomial profile likelihood does not fall enough above the estimate; the interval is unbounded");
            }
        }
        double hi = new BrentSolver(1e-12, 1e-10).solve(500, g, mle, b);
        return new Interval(lo, hi, level, IntervalMethod.PROFILE_MULTINOMIAL);
    }
}
