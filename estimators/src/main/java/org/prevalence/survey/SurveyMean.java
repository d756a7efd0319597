package org.prevalence.survey;

import java.util.Map;
import org.prevalence.core.Interval;

/**
 * The design-based (Hajek) mean of a variable, for the whole population or for domains, with its
 * Taylor-linearization standard error; R's {@code survey::svymean} (and {@code svyby(..., svymean)}).
 * <p>\[ \hat{\bar Y} = \frac{\sum_i w_i y_i}{\sum_i w_i}, \qquad
 *   z_i = \frac{w_i (y_i - \hat{\bar Y})}{\sum_i w_i}, \qquad \hat V = \hat V_{lin}\Big(\sum_i z_i\Big) \]
 * <p>where \( w_i \) are the sampling weights, \( y_i \) the values and \( \hat V_{lin} \) the
 * {@link LinearizationVariance} of the linearized values \( z_i \). In a domain \( y_i \) and
 * \( w_i \) are taken as zero outside it (the design is kept whole). The design effect divides
 * \( \hat V \) by \( s^2 (\hat N - n)/(\hat N n) \) (without replacement) or \( s^2/n \) (with
 * replacement), \( s^2 \) being the weighted variance with divisor \( n - 1 \), as R's
 * {@code deff=TRUE} / {@code deff="replace"}. A categorical variable gives one mean (proportion)
 * per level ({@link #estimateFactor}), named like R ({@code stypeE}).
 *
 * <p>References: <ol><li>Lumley, T. (2010). Complex Surveys: A Guide to Analysis Using R. Wiley.
 * <a href="https://doi.org/10.1002/9780470580066">doi:10.1002/9780470580066</a></li>
 * <li>Kish, L. (1965). Survey Sampling. Wiley (design effect).</li></ol>
 *
 * <p>This class is immutable.
 */
public final class SurveyMean extends LinearEstimator<SurveyMean, SurveyMean.Result> {
    private static final SurveyMean DEFAULT = new SurveyMean(LinearStatistic.withDefaults(Linear.Kind.MEAN, Result::new));

    private SurveyMean(LinearStatistic<Result> statistic) {
        super(statistic);
    }

    /**
     * Defaults: {@link MissingValues#FAIL} (R {@code na.rm=FALSE}), {@link IntervalDistribution#NORMAL}
     * (R's {@code confint}), confidence level 0.95.
     * @return the default estimator
     */
    public static SurveyMean withDefaults() {
        return DEFAULT;
    }

    @Override
    SurveyMean copy(LinearStatistic<Result> v) {
        return new SurveyMean(v);
    }

    /** The mean in one domain. This class is immutable. */
    public static final class Result extends BaseResult {
        Result(String variable, Map<String, String> domain, double estimate, double se, Interval interval,
               double deff, double deffReplace, long n, int df, long dropped) {
            super("mean", variable, domain, estimate, se, interval, deff, deffReplace, n, df, dropped);
        }
    }
}
