package org.prevalence.survey;

import java.util.Map;
import org.prevalence.core.Interval;

/**
 * The Horvitz-Thompson total of a variable, for the whole population or for domains, with its
 * Taylor-linearization standard error; R's {@code survey::svytotal} (and {@code svyby(..., svytotal)}).
 * <p>\[ \hat Y = \sum_i w_i y_i, \qquad z_i = w_i y_i, \qquad \hat V = \hat V_{lin}\Big(\sum_i z_i\Big) \]
 * <p>where \( w_i \) are the sampling weights (inverse inclusion probabilities), \( y_i \) the values
 * and \( \hat V_{lin} \) the {@link LinearizationVariance} of \( z_i \). In a domain \( y_i \) is
 * zero outside it (the design is kept whole). The design effect divides \( \hat V \) by
 * \( s^2 \hat N^2 (\hat N - n)/(\hat N n) \) (without replacement) or \( s^2 \hat N^2/n \) (with
 * replacement), \( \hat N = \sum w_i \) and \( s^2 \) the weighted variance with divisor \( n-1 \), as
 * R's {@code deff=TRUE} / {@code deff="replace"}. A categorical variable gives one total per level
 * ({@link #estimateFactor}, R {@code svytotal(~factor)}).
 *
 * <p>References: <ol><li>Horvitz, D.G., Thompson, D.J. (1952). A generalization of sampling without
 * replacement from a finite universe. JASA 47(260), 663-685.
 * <a href="https://doi.org/10.1080/01621459.1952.10483446">doi:10.1080/01621459.1952.10483446</a></li>
 * <li>Lumley, T. (2010). Complex Surveys: A Guide to Analysis Using R. Wiley.</li></ol>
 *
 * <p>This class is immutable.
 */
public final class SurveyTotal extends LinearEstimator<SurveyTotal, SurveyTotal.Result> {
    private static final SurveyTotal DEFAULT = new SurveyTotal(LinearStatistic.withDefaults(Linear.Kind.TOTAL, Result::new));

    private SurveyTotal(LinearStatistic<Result> statistic) {
        super(statistic);
    }

    /**
     * Defaults: {@link MissingValues#FAIL} (R {@code na.rm=FALSE}), {@link IntervalDistribution#NORMAL}
     * (R's {@code confint}), confidence level 0.95.
     * @return the default estimator
     */
    public static SurveyTotal withDefaults() {
        return DEFAULT;
    }

    @Override
    SurveyTotal copy(LinearStatistic<Result> v) {
        return new SurveyTotal(v);
    }

    /** The total in one domain. This class is immutable. */
    public static final class Result extends BaseResult {
        Result(String variable, Map<String, String> domain, double estimate, double se, Interval interval,
               double deff, double deffReplace, long n, int df, long dropped) {
            super("total", variable, domain, estimate, se, interval, deff, deffReplace, n, df, dropped);
        }
    }
}
