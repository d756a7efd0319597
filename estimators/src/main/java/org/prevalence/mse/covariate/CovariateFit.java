package org.prevalence.mse.covariate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.prevalence.core.Interval;
import org.prevalence.core.Status;
import org.prevalence.core.Warning;
import org.prevalence.mse.PopulationEstimate;

/**
 * One Poisson log-linear model fitted to a {@link CovariateTable}: the figures {@code mse::model_search}
 * prints for a model of its path, and the fitted value of every cell.
 *
 * <p>\( \mathrm{AIC} = -2\ell + 2p \), \( \mathrm{AICc} = \mathrm{AIC} + 2(p^2+p)/(n-p-1) \) and
 * \( \mathrm{BIC} = -2\ell + p \log n \), with \( \ell \) the Poisson log-likelihood over the cells with an
 * observed history that are not structural zeros, \( p \) the rank of the design and \( n \) the number of
 * cases (R's {@code extractAIC} with {@code k = 2} and {@code k = log(n)}). The population is
 * \( \hat N = \sum_c \hat\mu_c \) over every cell that is not a structural zero (observed cells included,
 * whose fitted values sum to the observed count), as {@code sum(predict(m, newdata = d))}.
 *
 * <p>This class is immutable.
 */
public final class CovariateFit implements PopulationEstimate {
    private final CovariateTable table;
    private final List<String> terms;
    private final int rank;
    private final int residualDf;
    private final double deviance;
    private final double logLikelihood;
    private final double estimate;
    private final double[] fitted;
    private final Status status;
    private final List<Warning> warnings;
    private final List<String> aliased;

    CovariateFit(CovariateTable table, List<String> terms, int rank, int residualDf, double deviance,
            double logLikelihood, double[] fitted, Status status, List<Warning> warnings, List<String> aliased) {
        this.table = table;
        this.terms = List.copyOf(terms);
        this.rank = rank;
        this.residualDf = residualDf;
        this.deviance = deviance;
        this.logLikelihood = logLikelihood;
        this.fitted = fitted;
        double s = 0;
        for (double f : fitted) {
            if (!Double.isNaN(f)) {
                s += f;
            }
        }
        boolean finite = Double.isFinite(s) && s >= table.observed();
        this.estimate = finite ? s : Double.NaN;
        this.status = finite ? status : Status.UNBOUNDED;
        this.warnings = finite ? List.copyOf(warnings) : List.of(Warning.of(Warning.Kind.BOUNDARY,
                "The fitted population is not finite: the model's maximum likelihood estimate does not exist"));
        this.aliased = List.copyOf(aliased);
    }

    /** @return the table fitted */
    public CovariateTable getTable() {
        return table;
    }

    /** @return the model's terms in R's notation ({@code R1}, {@code R1:X2}), main effects first */
    public List<String> getTerms() {
        return terms;
    }

    /** @return the rank of the design (the number of estimated parameters) */
    public int getRank() {
        return rank;
    }

    /** @return the residual degrees of freedom: cells in the likelihood minus the rank */
    public int getResidualDf() {
        return residualDf;
    }

    /** @return the residual deviance */
    public double getDeviance() {
        return deviance;
    }

    /** @return the Poisson log-likelihood */
    public double getLogLikelihood() {
        return logLikelihood;
    }

    /** @return AIC, R's {@code extractAIC(m)} */
    public double getAic() {
        return -2 * logLikelihood + 2 * rank;
    }

    /** @return AICc, {@code mse}'s small-sample AIC with the number of cases as sample size */
    public double getAicc() {
        long n = table.observed();
        return getAic() + 2.0 * (rank * (double) rank + rank) / (n - rank - 1);
    }

    /** @return BIC, R's {@code extractAIC(m, k = log(n))} with n the number of cases */
    public double getBic() {
        return -2 * logLikelihood + Math.log(table.observed()) * rank;
    }

    /** @return the design columns dropped as aliased (linearly dependent), R's NA coefficients */
    public List<String> getAliased() {
        return aliased;
    }

    /**
     * @param cell a cell of the table
     * @return its fitted value, NaN for a structural zero
     */
    public double getFitted(int cell) {
        return fitted[cell];
    }

    /**
     * The disaggregated estimates, as {@code boot_mse}'s tables: the whole population (empty domain), then
     * every level of each covariate (the year included), then every pair of levels of each pair of covariates.
     * The estimates of the levels of one covariate add up to the whole population's.
     * @return the domain estimates, without intervals
     */
    public List<DomainEstimate> getDomains() {
        return domains(fitted, null);
    }

    /** Domain sums of per-cell values {@code values}; {@code replicates} (may be null) give percentile intervals. */
    List<DomainEstimate> domains(double[] values, java.util.function.Function<int[][], Interval> interval) {
        List<DomainEstimate> out = new java.util.ArrayList<>();
        int c = table.covariates().size();
        List<int[]> specs = new java.util.ArrayList<>();
        specs.add(new int[0]);
        for (int j = 0; j < c; j++) {
            specs.add(new int[] {j});
        }
        for (int a = 0; a < c; a++) {
            for (int b = a + 1; b < c; b++) {
                specs.add(new int[] {a, b});
            }
        }
        for (int[] spec : specs) {
            int combos = 1;
            for (int j : spec) {
                combos *= table.levels(j).size();
            }
            for (int m = 0; m < combos; m++) {
                int[] lv = new int[spec.length];
                java.util.Map<String, String> dom = new java.util.LinkedHashMap<>();
                int rest = m;
                for (int i = 0; i < spec.length; i++) {
                    int size = table.levels(spec[i]).size();
                    lv[i] = rest % size;
                    rest /= size;
                    dom.put(table.covariates().get(spec[i]), table.levels(spec[i]).get(lv[i]));
                }
                long obs = 0;
                double est = 0;
                for (int cell = 0; cell < table.cells(); cell++) {
                    boolean in = true;
                    for (int i = 0; i < spec.length && in; i++) {
                        in = table.level(cell, spec[i]) == lv[i];
                    }
                    if (in) {
                        obs += table.count(cell);
                        if (!Double.isNaN(values[cell])) {
                            est += values[cell];
                        }
                    }
                }
                out.add(new DomainEstimate(dom, obs, Double.isFinite(est) ? est : Double.NaN,
                        interval == null ? null : interval.apply(new int[][] {spec, lv})));
            }
        }
        return out;
    }

    double[] fittedArray() {
        return fitted;
    }

    @Override
    public String getMethod() {
        return "covariate log-linear";
    }

    @Override
    public List<String> getLists() {
        return table.lists();
    }

    @Override
    public long getObserved() {
        return table.observed();
    }

    @Override
    public double getEstimate() {
        return estimate;
    }

    @Override
    public double getStandardError() {
        return Double.NaN;
    }

    @Override
    public Interval getConfidenceInterval() {
        return null;
    }

    @Override
    public String getModelName() {
        return String.join(" + ", terms);
    }

    @Override
    public Status getStatus() {
        return status;
    }

    @Override
    public List<Warning> getWarnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CovariateFit: N = %.2f (observed %d), df %d, deviance %.4f, AIC %.4f, "
                + "AICc %.4f, BIC %.4f, status %s, model %s%s", estimate, getObserved(), residualDf, deviance,
                getAic(), getAicc(), getBic(), status.label(), getModelName(),
                aliased.isEmpty() ? "" : ", aliased " + aliased) + (warnings.isEmpty() ? ""
                : "; " + warnings.get(0).message());
    }

    static double[] nanArray(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
