package org.prevalence.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.prevalence.core.Checks;
import org.prevalence.core.Interval;
import org.prevalence.core.survey.Factor;

/**
 * The plumbing shared by {@link SurveyMean} and {@link SurveyTotal}: their configuration (missing values,
 * interval distribution, confidence level), the whole-population, domain, by-domain and factor-level
 * variants, and the building of one result per domain. What differs, the linearization (the
 * {@link Linear.Kind}) and the result type, is given by the public class. This class is immutable.
 *
 * @param <R> the public class's result type
 */
final class LinearStatistic<R extends BaseResult> {
    /** Makes a public class's result from one domain's figures. */
    @FunctionalInterface
    interface ResultMaker<R> {
        R make(String variable, Map<String, String> domain, double estimate, double se, Interval interval,
               double deff, double deffReplace, long n, int df, long dropped);
    }

    private final Linear.Kind kind;
    private final ResultMaker<R> maker;
    private final MissingValues missing;
    private final IntervalDistribution distribution;
    private final double level;

    private LinearStatistic(Linear.Kind kind, ResultMaker<R> maker, MissingValues missing,
            IntervalDistribution distribution, double level) {
        this.kind = kind;
        this.maker = maker;
        this.missing = missing;
        this.distribution = distribution;
        this.level = level;
    }

    /**
     * Defaults: {@link MissingValues#FAIL}, {@link IntervalDistribution#NORMAL}, confidence level 0.95.
     * @param kind the linearization
     * @param maker the result constructor
     * @param <R> the result type
     * @return the default configuration
     */
    static <R extends BaseResult> LinearStatistic<R> withDefaults(Linear.Kind kind, ResultMaker<R> maker) {
        return new LinearStatistic<>(kind, maker, MissingValues.FAIL, IntervalDistribution.NORMAL, 0.95);
    }

    LinearStatistic<R> with(MissingValues v) {
        return new LinearStatistic<>(kind, maker, Objects.requireNonNull(v, "missingValues"), distribution, level);
    }

    LinearStatistic<R> with(IntervalDistribution v) {
        return new LinearStatistic<>(kind, maker, missing, Objects.requireNonNull(v, "distribution"), level);
    }

    LinearStatistic<R> withConfidenceLevel(double v) {
        return new LinearStatistic<>(kind, maker, missing, distribution, Checks.level("level", v));
    }

    /** @return the statistic of a numeric variable over the whole population */
    R whole(SurveyDesign design, String variable) {
        return run(design, variable, design.numericRef(variable), Domain.Codes.whole()).get(0);
    }

    /** @return the statistic of a numeric variable in a domain */
    R domain(SurveyDesign design, String variable, Domain domain) {
        return run(design, variable, design.numericRef(variable), Domain.Codes.of(domain, design)).get(0);
    }

    /** @return the statistic of a numeric variable per by-domain */
    List<R> by(SurveyDesign design, String variable, String... by) {
        return run(design, variable, design.numericRef(variable), Domain.Codes.by(design, by));
    }

    /** @return the statistic of each level's indicator of a categorical variable, whole population */
    List<R> factor(SurveyDesign design, String variable) {
        return factor(design, variable, Domain.Codes.whole());
    }

    /** @return the statistic of each level's indicator of a categorical variable, per by-domain */
    List<R> factorBy(SurveyDesign design, String variable, String... by) {
        return factor(design, variable, Domain.Codes.by(design, by));
    }

    private List<R> factor(SurveyDesign design, String variable, Domain.Codes dom) {
        Factor f = design.factor(variable);
        List<R> out = new ArrayList<>();
        for (int lv = 0; lv < f.levelCount(); lv++) {
            double[] y = indicator(f, lv);
            out.addAll(run(design, variable + f.levels().get(lv), y, dom));
        }
        return out;
    }

    /** @return the 0/1 indicator of a level, NaN where the factor is missing */
    static double[] indicator(Factor f, int level) {
        int[] c = f.codes();
        double[] y = new double[c.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = c[i] < 0 ? Double.NaN : c[i] == level ? 1 : 0;
        }
        return y;
    }

    private List<R> run(SurveyDesign design, String name, double[] y, Domain.Codes dom) {
        Linear.Stats s = Linear.compute(design, kind, y, name, null, null, dom, missing);
        List<R> out = new ArrayList<>(s.domains);
        for (int k = 0; k < s.domains; k++) {
            double se = Math.sqrt(s.variance[k]);
            out.add(maker.make(name, dom.labels.get(k), s.estimate[k], se,
                    Quantiles.wald(s.estimate[k], se, level, distribution, s.df[k]), s.deff[k], s.deffReplace[k],
                    s.n[k], s.df[k], s.dropped[k]));
        }
        return out;
    }
}
