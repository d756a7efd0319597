package org.prevalence.mse.closed;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.IntervalMethod;
import org.prevalence.core.PrevalenceException;
import org.prevalence.mse.PoissonRegression;

/**
 * The multinomial profile-likelihood interval for N (Cormack 1992), as {@code Rcapture::closedpCI.t}: for a trial
 * \( N \), the Poisson model is refitted with the unobserved history added with count \( n_0 = N - n \), and
 * <p>\[ \ell(N) = -\tfrac12 \{ D(N) - 2 c(N) \},\quad c(N) = \log\frac{n_0^{n_0} N!}{N^N n_0!} \]
 * <p>(Stirling's form when \( N &gt; 100 \), as Rcapture). The maximum is searched in \( [n, 1.5\hat N] \), the limits
 * solve \( \ell(N) = \ell_{max} - \chi^2_{1,1-\alpha}/2 \) in \( [n, N_{max}] \) and \( [N_{max}, f\hat N] \).
 * Package-private.
 */
final class MultinomialProfile {
    private MultinomialProfile() {
    }

    static final class Outcome {
        final double maximum;
        final Interval interval;
        final String message;

        Outcome(double maximum, Interval interval, String message) {
            this.maximum = maximum;
            this.interval = interval;
            this.message = message;
        }
    }

    /** Cormack's correction term c(N), as Rcapture's loglikemult. */
    static double correction(double n0, double total) {
        if (total > 100) {
            if (n0 == 0 || n0 == 1) {
                return -total + 0.5 * Math.log(2 * Math.PI * total);
            }
            return n0 - total - 0.5 * Math.log(n0 / total);
        }
        double a = n0 > 0 ? n0 * Math.log(n0) : 0;
        return a + Gamma.logGamma(total + 1) - total * Math.log(total) - Gamma.logGamma(n0 + 1);
    }

    static double logLikelihood(ClosedDesign design, long n, double bigN, boolean neg, PoissonRegression glm,
            PoissonRegression.Workspace ws) {
        double n0 = bigN - n;
        ClosedDesign aug = design.augmented(n0);
        ClosedFitter.Outcome out = ClosedFitter.fit(aug, neg, glm, ws);
        if (out.error != null) {
            throw PrevalenceException.notConverged("N = " + Format.number(bigN),
                    "the multinomial log-likelihood at N = %s could not be computed: %s", Format.number(bigN), out.error);
        }
        double total = n + n0;
        return (out.fit.getDeviance() - 2 * correction(n0, total)) / -2;
    }

    static Outcome compute(ClosedDesign design, long n, double poissonN, boolean neg, double level,
            double maxUpperFactor, PoissonRegression glm) {
        PoissonRegression.Workspace ws = new PoissonRegression.Workspace(design.rows + 1, design.columns);
        UnivariateFunction ll = bigN -> logLikelihood(design, n, bigN, neg, glm, ws);
        double lo = n;
        double hi = 1.5 * poissonN;
        double nMax;
        double lMax;
        try {
            BrentOptimizer opt = new BrentOptimizer(1e-10, 1e-7);
            UnivariatePointValuePair best = opt.optimize(new MaxEval(1000), new UnivariateObjectiveFunction(ll),
                    GoalType.MAXIMIZE, new SearchInterval(lo, hi));
            nMax = best.getPoint();
            lMax = best.getValue();
        } catch (PrevalenceException e) {
            return new Outcome(Double.NaN, null, "no profile-likelihood interval: " + e.getMessage());
        }
        double target = lMax - ChiSquaredDistribution.of(1).inverseCumulativeProbability(level) / 2;
        UnivariateFunction f = bigN -> ll.value(bigN) - target;
        BrentSolver solver = new BrentSolver(1e-9, 1e-7);
        StringBuilder note = new StringBuilder();
        double lower;
        try {
            double fl = f.value(lo);
            double fm = f.value(nMax);
            if (fl * fm > 0) {
                lower = n;
                note.append("the lower limit is set to the number observed, n = ").append(Format.count(n));
            } else {
                lower = solver.solve(1000, f, lo, nMax);
            }
        } catch (PrevalenceException e) {
            lower = n;
            note.append("the lower limit is set to n because the profile failed: ").append(e.getMessage());
        }
        double upperEnd = maxUpperFactor * poissonN;
        double upper;
        try {
            double fm = f.value(nMax);
            double fu = f.value(upperEnd);
            if (fm * fu > 0) {
                if (note.length() > 0) {
                    note.append("; ");
                }
                note.append("the upper limit is above ").append(Format.number(upperEnd)).append(" (")
                        .append(Format.number(maxUpperFactor))
                        .append(" x the estimate, the end of the search range)");
                return new Outcome(nMax, null, note.toString());
            }
            upper = solver.solve(1000, f, nMax, upperEnd);
        } catch (PrevalenceException e) {
            if (note.length() > 0) {
                note.append("; ");
            }
            note.append("the upper limit could not be computed: ").append(e.getMessage());
            return new Outcome(nMax, null, note.toString());
        }
        Interval ci = new Interval(lower, upper, level, IntervalMethod.PROFILE_MULTINOMIAL);
        return new Outcome(nMax, ci, note.length() == 0 ? null : note.toString());
    }
}
