package org.prevalence.mse.closed;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.prevalence.core.Checks;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.IntervalMethod;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * Chao's (1987) moment lower bound for the size of a closed population with heterogeneous capture probabilities,
 * from the numbers of units captured once (\( f_1 \)) and twice (\( f_2 \)):
 * <p>\[ \hat N = n + \frac{f_1^2}{2 f_2},\qquad
 * \widehat{\mathrm{var}}(\hat N) = f_2\left\{\frac14\Big(\frac{f_1}{f_2}\Big)^4 + \Big(\frac{f_1}{f_2}\Big)^3
 * + \frac12\Big(\frac{f_1}{f_2}\Big)^2\right\} \]
 * <p>where \( n \) is the number of units observed ({@link Form#CHAO_1987}). The {@link Form#BIAS_CORRECTED} form,
 * defined also when \( f_2 = 0 \), is Rcapture's {@code closedp.bc(m = "Mh", h = "Chao")}:
 * <p>\[ \hat N = n + \frac{(t-1) f_1 (f_1 - 1)}{2t (f_2 + 1)} \]
 * <p>with \( t \) the number of occasions. The interval is Chao's (1987, eq. 12) log-normal interval for the
 * unseen \( \hat f_0 = \hat N - n \): \( (n + \hat f_0/C,\ n + \hat f_0 C) \),
 * \( C = \exp\{z_{1-\alpha/2}\sqrt{\log(1 + \widehat{\mathrm{var}}/\hat f_0^2)}\} \).
 *
 * <p>References: <ol>
 * <li>Chao, A. (1987). Estimating the population size for capture-recapture data with unequal catchability.
 * Biometrics 43(4), 783-791. doi:10.2307/2531532</li>
 * <li>Baillargeon, S. and Rivest, L.-P. (2007). Rcapture: loglinear models for capture-recapture in R. Journal of
 * Statistical Software 19(5). doi:10.18637/jss.v019.i05</li></ol>
 */
public final class ChaoLowerBound {
    /** The form of the estimator. */
    public enum Form {
        /** Chao (1987): \( n + f_1^2/(2f_2) \), with Chao's variance; needs \( f_2 &gt; 0 \). */
        CHAO_1987,
        /** \( n + (t-1) f_1(f_1-1)/\{2t(f_2+1)\} \), as Rcapture's {@code closedp.bc} (Mh Chao). */
        BIAS_CORRECTED
    }

    private static final ChaoLowerBound DEFAULT = new ChaoLowerBound(Form.CHAO_1987, 0.95);

    private final Form form;
    private final double level;

    private ChaoLowerBound(Form form, double level) {
        this.form = form;
        this.level = level;
    }

    /**
     * Defaults: {@link Form#CHAO_1987}, level 0.95.
     * @return the default instance
     */
    public static ChaoLowerBound withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the form
     * @return a copy using it
     */
    public ChaoLowerBound with(Form v) {
        return new ChaoLowerBound(Objects.requireNonNull(v), level);
    }

    /**
     * @param v the confidence level in (0, 1)
     * @return a copy using it
     */
    public ChaoLowerBound withConfidenceLevel(double v) {
        return new ChaoLowerBound(form, Checks.level("level", v));
    }

    /**
     * @param table a list-overlap table (lists are the occasions)
     * @return the estimate
     */
    public Result estimate(ListOverlapTable table) {
        Result r = estimate(CaptureFrequencies.of(Objects.requireNonNull(table, "table")));
        return new Result(r.form, r.observed, r.occasions, r.f1, r.f2, r.estimate, r.standardError, r.interval,
                table.listNames());
    }

    /**
     * @param frequencies the frequencies of the number of captures
     * @return the estimate
     * @throws PrevalenceException (NOT_ESTIMABLE) for {@link Form#CHAO_1987} when \( f_2 = 0 \)
     */
    public Result estimate(CaptureFrequencies frequencies) {
        Objects.requireNonNull(frequencies, "frequencies");
        long n = frequencies.observedTotal();
        int t = frequencies.occasions();
        double f1 = frequencies.frequency(1);
        double f2 = frequencies.frequency(2);
        double f0;
        double var;
        if (form == Form.CHAO_1987) {
            if (f2 == 0) {
                throw new PrevalenceException(PrevalenceException.Kind.NOT_ESTIMABLE, "f2",
                        "Chao's (1987) lower bound needs units captured exactly twice, and f2 = 0",
                        new PrevalenceException.Remedy("use Form.BIAS_CORRECTED, which is defined when f2 = 0",
                                "use --closed-models (Mh Chao) or a log-linear model"));
            }
            double r = f1 / f2;
            f0 = f1 * f1 / (2 * f2); // Chao (1987) eq. 2
            var = f2 * (r * r * r * r / 4 + r * r * r + r * r / 2); // Chao (1987) variance
        } else {
            f0 = (t - 1) * f1 * (f1 - 1) / (2.0 * t * (f2 + 1));
            var = f0 + (t - 1.0) * (t - 1) * f1 * (f1 - 1) * (f1 * f1 + 4 * f1 * f2 + 3 * f1 - 6 * f2 - 6)
                    / (4.0 * t * t * (f2 + 1) * (f2 + 1) * (f2 + 2));
        }
        double se = var >= 0 ? Math.sqrt(var) : Double.NaN;
        Interval ci = null;
        if (f0 > 0 && var > 0) {
            double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.5 + level / 2);
            double c = Math.exp(z * Math.sqrt(Math.log(1 + var / (f0 * f0)))); // Chao (1987) eq. 12
            ci = new Interval(n + f0 / c, n + f0 * c, level, IntervalMethod.CHAO_LOGNORMAL);
        } else if (f0 == 0) {
            ci = new Interval(n, n, level, IntervalMethod.CHAO_LOGNORMAL);
        }
        return new Result(form, n, t, (long) f1, (long) f2, n + f0, se, ci, List.of());
    }

    /**
     * A Chao lower-bound estimate. Its status: DEGENERATE when \( \hat f_0 = 0 \) (the zero-width interval
     * "n to n") or the standard error is below 0.01 ({@link org.prevalence.mse.PopulationChecks#degeneracy}),
     * WARNING when the variance formula is negative (no standard error, no interval), else OK. This class is
     * immutable.
     */
    public static final class Result implements org.prevalence.mse.PopulationEstimate {
        private final List<String> lists;
        private final Form form;
        private final long observed;
        private final int occasions;
        private final long f1;
        private final long f2;
        private final double estimate;
        private final double standardError;
        private final Interval interval;

        Result(Form form, long observed, int occasions, long f1, long f2, double estimate, double standardError,
                Interval interval, List<String> lists) {
            this.lists = List.copyOf(lists);
            this.form = form;
            this.observed = observed;
            this.occasions = occasions;
            this.f1 = f1;
            this.f2 = f2;
            this.estimate = estimate;
            this.standardError = standardError;
            this.interval = interval;
        }

        /** @return {@code "chao-bound"} */
        @Override
        public String getMethod() {
            return "chao-bound";
        }

        /** @return the list names (empty for capture frequencies) */
        @Override
        public List<String> getLists() {
            return lists;
        }

        /** @return {@code "Chao (1987) lower bound"} or its bias-corrected form */
        @Override
        public String getModelName() {
            return form == Form.CHAO_1987 ? "Chao (1987) lower bound" : "Chao lower bound, bias-corrected";
        }

        /** @return the status (see the class description) */
        @Override
        public org.prevalence.core.Status getStatus() {
            return org.prevalence.mse.PopulationChecks.status(getWarnings());
        }

        /** @return degeneracy; a negative variance formula */
        @Override
        public List<org.prevalence.core.Warning> getWarnings() {
            List<org.prevalence.core.Warning> w = new java.util.ArrayList<>();
            org.prevalence.core.Warning d = org.prevalence.mse.PopulationChecks.degeneracy(estimate, observed,
                    standardError, interval);
            if (d != null) {
                w.add(d);
            }
            if (Double.isNaN(standardError)) {
                w.add(org.prevalence.core.Warning.of(org.prevalence.core.Warning.Kind.DATA,
                        "the variance formula is negative (very few units seen once): no standard error, no interval"));
            }
            return List.copyOf(w);
        }

        /** @return the form used */
        public Form getForm() {
            return form;
        }

        /** @return the number of units observed, \( n \) */
        public long getObserved() {
            return observed;
        }

        /** @return the number of occasions */
        public int getOccasions() {
            return occasions;
        }

        /** @return \( f_1 \) */
        public long getF1() {
            return f1;
        }

        /** @return \( f_2 \) */
        public long getF2() {
            return f2;
        }

        /** @return the estimate \( \hat N \) (a lower bound for N under heterogeneity) */
        public double getEstimate() {
            return estimate;
        }

        /** @return the standard error (NaN if the bias-corrected variance formula is negative: tiny \( f_1 \)) */
        public double getStandardError() {
            return standardError;
        }

        /** @return the log-normal interval, or null if the variance is not positive */
        public Interval getConfidenceInterval() {
            return interval;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "ChaoLowerBound.Result[%s: N=%s, SE=%s, %s; n=%s, f1=%d, f2=%d, t=%d]",
                    form, Format.number(estimate), Format.number(standardError),
                    interval == null ? "no interval" : interval.toString(), Format.count(observed), f1, f2, occasions);
        }
    }
}
