package org.prevalence.network.rds;

import java.util.Locale;
import org.prevalence.core.Estimate;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.IntervalMethod;
import org.prevalence.core.PrevalenceException;

/**
 * The multiplier (benchmark) estimate of a hidden population's size: a count M of members known from
 * another source (service users, unique objects handed out) divided by the proportion p of the sample
 * who report being among them, \( \hat N = M / \hat p \), with the delta-method standard error
 * \( \widehat{se}(\hat N) = M\, \widehat{se}(\hat p) / \hat p^2 \) and the interval
 * \( (M / p_U, M / p_L) \) carried over from p's interval (it never falls below M; when p's interval reaches 0
 * the size has no finite upper limit and the result has no interval). This class is immutable.
 *
 * <p>References: <ol><li>UNAIDS/WHO Working Group on Global HIV/AIDS and STI Surveillance (2010). Guidelines
 * on estimating the size of populations most at risk to HIV. Geneva: WHO.</li></ol>
 */
public final class Multiplier {
    private Multiplier() {
    }

    /**
     * @param count M, the members counted by the other source (positive)
     * @param proportion the RDS estimate of p, in (0, 1]
     * @param standardError its standard error (NaN when none)
     * @param interval its interval, or {@code null}
     * @return the size estimate
     */
    public static Result estimate(double count, double proportion, double standardError, Interval interval) {
        if (!(count > 0) || Double.isInfinite(count)) {
            throw PrevalenceException.invalidArgument("multiplier", "the multiplier count M must be positive, got %s",
                    count);
        }
        if (!(proportion > 0 && proportion <= 1)) {
            throw PrevalenceException.notEstimable("proportion",
                    "the proportion of respondents in the multiplier source is %s; the multiplier estimate needs "
                            + "a proportion in (0, 1]", proportion);
        }
        double n = count / proportion;
        double se = count * standardError / (proportion * proportion);
        Interval ci = null;
        if (interval != null) {
            double lo = Math.min(1, Math.max(interval.lower(), 0));
            double hi = Math.min(1, interval.upper());
            ci = lo > 0 ? new Interval(count / hi, count / lo, interval.level(), interval.method()) : null;
        }
        return new Result(count, proportion, n, se, ci);
    }

    /**
     * @param count M
     * @param p an RDS bootstrap result for the proportion in the source
     * @return the size estimate with its interval
     */
    public static Result estimate(double count, RdsBootstrap.Result p) {
        return estimate(count, p.getEstimate(), p.getStandardError(), p.getConfidenceInterval());
    }

    /** A multiplier size estimate. This class is immutable. */
    public static final class Result {
        private final double count;
        private final double proportion;
        private final double estimate;
        private final double se;
        private final Interval interval;

        Result(double count, double proportion, double estimate, double se, Interval interval) {
            this.count = count;
            this.proportion = proportion;
            this.estimate = estimate;
            this.se = se;
            this.interval = interval;
        }

        /** @return M */
        public double getCount() {
            return count;
        }

        /** @return the proportion p */
        public double getProportion() {
            return proportion;
        }

        /** @return the size estimate M / p */
        public double getEstimate() {
            return estimate;
        }

        /** @return the delta-method standard error (NaN without one for p) */
        public double getStandardError() {
            return se;
        }

        /** @return the interval (M / p_U, M / p_L), or {@code null} (none for p, or p's reaching 0) */
        public Interval getConfidenceInterval() {
            return interval;
        }

        /** @return the generic estimate */
        public Estimate toEstimate() {
            return Estimate.of("population size (multiplier)", estimate, se, interval);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Multiplier[N=%s%s%s; M=%s, p=%s]", Format.number(estimate),
                    Double.isNaN(se) ? "" : ", SE " + Format.number(se), interval == null ? "" : ", " + interval,
                    Format.number(count), Format.number(proportion));
        }
    }
}
