package org.prevalence.survey;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.prevalence.core.Interval;
import org.prevalence.core.IntervalMethod;

/** Critical values and Wald intervals (package-private helper). */
final class Quantiles {
    private static final NormalDistribution STD_NORMAL = NormalDistribution.of(0, 1);

    private Quantiles() {
    }

    private static void checkDf(double df) {
        if (!(df > 0)) {
            throw org.prevalence.core.PrevalenceException.notEstimable("degrees of freedom",
                    "the design (or domain) has %s degrees of freedom (PSUs minus strata), so a t interval "
                            + "cannot be formed; the domain needs more PSUs than strata", df);
        }
    }

    /** @return the upper (1 - (1-level)/2) critical value: Normal if df is infinite, else t(df) */
    static double critical(double level, double df) {
        checkDf(df);
        double p = 1 - (1 - level) / 2;
        return df == Double.POSITIVE_INFINITY ? STD_NORMAL.inverseCumulativeProbability(p)
                : TDistribution.of(df).inverseCumulativeProbability(p);
    }

    /** @return the lower-tail quantile of t(df) (Normal if infinite) */
    static double t(double p, double df) {
        checkDf(df);
        return df == Double.POSITIVE_INFINITY ? STD_NORMAL.inverseCumulativeProbability(p)
                : TDistribution.of(df).inverseCumulativeProbability(p);
    }

    static double normalCdf(double x) {
        return STD_NORMAL.cumulativeProbability(x);
    }

    static double normalQuantile(double p) {
        return STD_NORMAL.inverseCumulativeProbability(p);
    }

    static Interval wald(double est, double se, double level, IntervalDistribution dist, int df) {
        double q = critical(level, dist == IntervalDistribution.NORMAL ? Double.POSITIVE_INFINITY : df);
        IntervalMethod method = dist == IntervalDistribution.NORMAL ? IntervalMethod.SURVEY_NORMAL : IntervalMethod.SURVEY_T;
        return new Interval(est - q * se, est + q * se, level, method, df);
    }
}
