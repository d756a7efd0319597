package org.prevalence.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.prevalence.core.Checks;
import org.prevalence.core.Interval;
import org.prevalence.core.survey.Factor;

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
public final class SurveyTotal {
    private static final SurveyTotal DEFAULT = new SurveyTotal(MissingValues.FAIL, IntervalDistribution.NORMAL, 0.95);
    private final MissingValues missing;
    private final IntervalDistribution distribution;
    private final double level;

    private SurveyTotal(MissingValues missing, IntervalDistribution distribution, double level) {
        this.missing = missing;
        this.distribution = distribution;
        this.level = level;
    }

    /**
     * Defaults: {@link MissingValues#FAIL} (R {@code na.rm=FALSE}), {@link IntervalDistribution#NORMAL}
     * (R's {@code confint}), confidence level 0.95.
     * @return the default estimator
     */
    public static SurveyTotal withDefaults() {
        return DEFAULT;
    }

    /** @param v missing-value handling @return a new estimator */
    public SurveyTotal with(MissingValues v) {
        return new SurveyTotal(Objects.requireNonNull(v, "missingValues"), distribution, level);
    }

    /** @param v interval reference distribution @return a new estimator */
    public SurveyTotal with(IntervalDistribution v) {
        return new SurveyTotal(missing, Objects.requireNonNull(v, "distribution"), level);
    }

    /** @param v confidence level in (0, 1) @return a new estimator */
    public SurveyTotal withConfidenceLevel(double v) {
        return new SurveyTotal(missing, distribution, Checks.level("level", v));
    }

    /**
     * @param design the design
     * @param variable a numeric variable
     * @return the total over the whole population
     */
    public Result estimate(SurveyDesign design, String variable) {
        return run(design, variable, design.numericRef(variable), Domain.Codes.whole()).get(0);
    }

    /**
     * @param design the design
     * @param variable a numeric variable
     * @param domain the domain
     * @return the domain total
     */
    public Result estimate(SurveyDesign design, String variable, Domain domain) {
        return run(design, variable, design.numericRef(variable), Domain.Codes.of(domain, design)).get(0);
    }

    /**
     * One total per domain, the domains being the level combinations of the by-variables (R's
     * {@code svyby(~y, ~a+b, design, svytotal)}), in sorted level order.
     * @param design the design
     * @param variable a numeric variable
     * @param by one or more categorical variables
     * @return one result per domain
     */
    public List<Result> estimateBy(SurveyDesign design, String variable, String... by) {
        return run(design, variable, design.numericRef(variable), Domain.Codes.by(design, by));
    }

    /**
     * The total of each level's indicator (R's {@code svytotal(~factor, design)}), i.e. the estimated population count per level: results named
     * variable + level, e.g. {@code stypeE}.
     * @param design the design
     * @param variable a categorical variable
     * @return one result per level
     */
    public List<Result> estimateFactor(SurveyDesign design, String variable) {
        return factor(design, variable, Domain.Codes.whole());
    }

    /**
     * Level totals of a categorical variable within each by-domain.
     * @param design the design
     * @param variable a categorical variable
     * @param by by-variables
     * @return per domain, per level
     */
    public List<Result> estimateFactorBy(SurveyDesign design, String variable, String... by) {
        return factor(design, variable, Domain.Codes.by(design, by));
    }

    private List<Result> factor(SurveyDesign design, String variable, Domain.Codes dom) {
        Factor f = design.factor(variable);
        List<Result> out = new ArrayList<>();
        for (int lv = 0; lv < f.levelCount(); lv++) {
            double[] y = indicator(f, lv);
            out.addAll(run(design, variable + f.levels().get(lv), y, dom));
        }
        return out;
    }

    static double[] indicator(Factor f, int level) {
        int[] c = f.codes();
        double[] y = new double[c.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = c[i] < 0 ? Double.NaN : c[i] == level ? 1 : 0;
        }
        return y;
    }

    private List<Result> run(SurveyDesign design, String name, double[] y, Domain.Codes dom) {
        Linear.Stats s = Linear.compute(design, Linear.Kind.TOTAL, y, name, null, null, dom, missing);
        List<Result> out = new ArrayList<>(s.domains);
        for (int k = 0; k < s.domains; k++) {
            double se = Math.sqrt(s.variance[k]);
            out.add(new Result(name, dom.labels.get(k), s.estimate[k], se,
                    Quantiles.wald(s.estimate[k], se, level, distribution, s.df[k]), s.deff[k], s.deffReplace[k],
                    s.n[k], s.df[k], s.dropped[k]));
        }
        return out;
    }

    /** The total in one domain. This class is immutable. */
    public static final class Result extends BaseResult {
        Result(String variable, Map<String, String> domain, double estimate, double se, Interval interval,
               double deff, double deffReplace, long n, int df, long dropped) {
            super("total", variable, domain, estimate, se, interval, deff, deffReplace, n, df, dropped);
        }
    }
}
