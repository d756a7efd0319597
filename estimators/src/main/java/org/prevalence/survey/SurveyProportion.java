package org.prevalence.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.prevalence.core.Checks;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.survey.Factor;

/**
 * A population proportion (prevalence) from a complex sample with a confidence interval suited to
 * proportions; R's {@code survey::svyciprop}.
 * <p>\[ \hat p = \frac{\sum_i w_i y_i}{\sum_i w_i}, \quad y_i \in \{0, 1\}, \qquad
 *   \widehat{SE} = \sqrt{\hat V_{lin}}, \]
 * <p>\( \hat V_{lin} \) being the linearization variance of the mean ({@link SurveyMean}); the
 * interval follows {@link CiMethod} (default {@link CiMethod#LOGIT}, as R) with Student t
 * quantiles on the design degrees of freedom of the domain (R's {@code df=degf(design)}). The
 * variable is a 0/1 (or logical) column, or the indicator of one level of a categorical column.
 * For \( \hat p \in \{0, 1\} \) the interval is the point (no variance to transform) except for
 * {@link CiMethod#MEAN}.
 *
 * <p>References: <ol><li>Korn, E.L., Graubard, B.I. (1998). Confidence intervals for proportions
 * with small expected number of positive counts estimated from survey data. Survey Methodology 24,
 * 193-201.</li>
 * <li>Rao, J.N.K., Scott, A.J. (1984). On chi-squared tests for multiway contingency tables with cell
 * proportions estimated from survey data. Annals of Statistics 12, 46-60.
 * <a href="https://doi.org/10.1214/aos/1176346391">doi:10.1214/aos/1176346391</a></li>
 * <li>Lumley, T. (2010). Complex Surveys: A Guide to Analysis Using R. Wiley, section 2.3.</li></ol>
 *
 * <p>This class is immutable.
 */
public final class SurveyProportion {
    private static final SurveyProportion DEFAULT = new SurveyProportion(CiMethod.LOGIT, MissingValues.FAIL, 0.95);
    private final CiMethod method;
    private final MissingValues missing;
    private final double level;

    private SurveyProportion(CiMethod method, MissingValues missing, double level) {
        this.method = method;
        this.missing = missing;
        this.level = level;
    }

    /**
     * Defaults: {@link CiMethod#LOGIT} (R's default), {@link MissingValues#FAIL}, level 0.95.
     * @return the default estimator
     */
    public static SurveyProportion withDefaults() {
        return DEFAULT;
    }

    /** @param v interval method @return a new estimator */
    public SurveyProportion with(CiMethod v) {
        return new SurveyProportion(Objects.requireNonNull(v, "method"), missing, level);
    }

    /** @param v missing-value handling @return a new estimator */
    public SurveyProportion with(MissingValues v) {
        return new SurveyProportion(method, Objects.requireNonNull(v, "missingValues"), level);
    }

    /** @param v confidence level in (0, 1) @return a new estimator */
    public SurveyProportion withConfidenceLevel(double v) {
        return new SurveyProportion(method, missing, Checks.level("level", v));
    }

    /**
     * @param design the design
     * @param variable a 0/1 or logical variable
     * @return the proportion of ones
     * @throws PrevalenceException naming the row if a value is not 0 or 1
     */
    public Result estimate(SurveyDesign design, String variable) {
        return run(design, variable, design.numericRef(variable), Domain.Codes.whole()).get(0);
    }

    /**
     * @param design the design
     * @param variable a categorical variable
     * @param level one of its levels
     * @return the proportion of rows at that level
     */
    public Result estimate(SurveyDesign design, String variable, String level) {
        return run(design, variable + "=" + level, indicator(design, variable, level), Domain.Codes.whole()).get(0);
    }

    /**
     * @param design the design
     * @param variable a 0/1 variable
     * @param domain the domain
     * @return the domain proportion
     */
    public Result estimate(SurveyDesign design, String variable, Domain domain) {
        return run(design, variable, design.numericRef(variable), Domain.Codes.of(domain, design)).get(0);
    }

    /**
     * @param design the design
     * @param variable a 0/1 variable
     * @param by by-variables
     * @return one proportion per domain
     */
    public List<Result> estimateBy(SurveyDesign design, String variable, String... by) {
        return run(design, variable, design.numericRef(variable), Domain.Codes.by(design, by));
    }

    /**
     * @param design the design
     * @param variable a categorical variable
     * @param level one of its levels
     * @param by by-variables
     * @return one proportion per domain
     */
    public List<Result> estimateLevelBy(SurveyDesign design, String variable, String level, String... by) {
        return run(design, variable + "=" + level, indicator(design, variable, level), Domain.Codes.by(design, by));
    }

    static double[] indicator(SurveyDesign design, String variable, String level) {
        Factor f = design.factor(variable);
        int k = f.levels().indexOf(level);
        if (k < 0) {
            throw PrevalenceException.invalidArgument("column '" + variable + "'",
                    "'%s' is not a level of '%s'; levels: %s", level, variable, f.levels());
        }
        return LinearStatistic.indicator(f, k);
    }

    private List<Result> run(SurveyDesign design, String name, double[] y, Domain.Codes dom) {
        // the 0/1 check is made in the kernel's first pass
        Linear.Stats s = Linear.compute(design, Linear.Kind.MEAN, y, name, null, null, dom, missing, true);
        ProportionIntervals.GlmStart[] starts = new ProportionIntervals.GlmStart[s.domains];
        if (method == CiMethod.LIKELIHOOD) {
            // the glm is fitted to the domain rows with weights scaled to mean 1
            double[] meanW = new double[s.domains];
            for (int k = 0; k < s.domains; k++) {
                starts[k] = new ProportionIntervals.GlmStart();
                meanW[k] = s.weightSum[k] / s.n[k];
            }
            for (int i = 0; i < design.rows(); i++) {
                int k = dom.of(i);
                if (k >= 0 && !Double.isNaN(y[i])) {
                    starts[k].add(design.weightsRef()[i] / meanW[k], y[i]);
                }
            }
        }
        // the interval is evaluated on each domain's subset design (R svyciprop), with its degrees of freedom
        design.variance().subsetDegreesOfFreedom(dom, s.df);
        List<Result> out = new ArrayList<>(s.domains);
        for (int k = 0; k < s.domains; k++) {
            double p = s.estimate[k];
            long rows = design.variance().subsetRows(s.n[k] + s.dropped[k]); // BETA's nrow(design)
            double[] ci = ProportionIntervals.interval(method, p, s.variance[k], level, s.df[k],
                    rows, s.n[k], starts[k]);
            if (!(ci[0] <= ci[1])) {
                throw new PrevalenceException(PrevalenceException.Kind.NOT_ESTIMABLE,
                        dom.labels.get(k).isEmpty() ? "column '" + name + "'" : "domain " + dom.labels.get(k),
                        String.format(java.util.Locale.ROOT, "the %s interval for '%s' in %s could not be computed "
                                + "(estimate %s)", method.name().toLowerCase(java.util.Locale.ROOT), name,
                                Linear.domainText(dom.labels.get(k)), p),
                        new PrevalenceException.Remedy("choose another CiMethod", "choose another --ci"));
            }
            Interval interval = new Interval(ci[0], ci[1], level, method.proportionInterval(), s.df[k]);
            out.add(new Result(name, dom.labels.get(k), p, Math.sqrt(s.variance[k]), interval,
                    s.deff[k], s.deffReplace[k], s.n[k], s.df[k], s.dropped[k]));
        }
        return out;
    }

    /** The proportion in one domain. This class is immutable. */
    public static final class Result extends BaseResult {
        Result(String variable, Map<String, String> domain, double estimate, double se, Interval interval,
               double deff, double deffReplace, long n, int df, long dropped) {
            super("proportion", variable, domain, estimate, se, interval, deff, deffReplace, n, df, dropped);
        }
    }
}
