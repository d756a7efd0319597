package org.prevalence.mse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.IntervalMethod;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Status;
import org.prevalence.core.Warning;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * Linkage averaging (Sadinle 2018): the population estimated on each of S overlap tables, one per
 * clustering drawn from the pair match probabilities, combined by the laws of total expectation and
 * total variance as HRDAG's {@code verdata::combine_estimates}.
 *
 * <p>With \( N_s \) the estimate on draw \( s \), \( n_s \) its observed count and
 * \( u_s = \log(N_s - n_s) \) (an unobserved count of 0 taken as 0.1, as verdata):
 * <p>\[ \bar N = \frac1S \sum_s N_s, \quad W = \frac1S \sum_s d_s^2,
 * \quad B = \frac{1}{S-1} \sum_s (u_s - \bar u)^2, \quad T = W + (1 + 1/S) B \]
 * <p>where \( d_s \) is the within-draw standard deviation of \( u_s \), so \( W \) is the mean within-draw variance (from each estimate's own interval,
 * see {@link #logScaleSd}, which for the log-normal interval is the delta method on its standard error;
 * verdata uses the variance of its posterior draws) and \( B \) the
 * between-draw variance. The interval is \( \bar n + \exp(\bar u \pm t_\nu \sqrt T) \), with \( \bar n \)
 * the mean observed count and verdata's degrees of freedom
 * \( \nu = (S-1)(1 + W / ((S+1) B))^2 \) (a normal quantile when \( B = 0 \)). The standard error of
 * \( \bar N \) is the same rule on the scale of N: \( \sqrt{\bar V + (1 + 1/S) B_N} \),
 * with \( \bar V \) the mean of \( (d_s (N_s - n_s))^2 \).
 *
 * <p>References: <ol>
 * <li>Sadinle, M. (2018). Bayesian propagation of record linkage uncertainty into population size
 * estimation of human rights violations. Annals of Applied Statistics 12(2), 1013-1038.</li>
 * <li>HRDAG verdata 1.0, {@code combine_estimates} (R package, 2023).</li>
 * <li>Rubin, D.B. (1987). Multiple Imputation for Nonresponse in Surveys. Wiley.</li></ol>
 *
 * <p>This class is immutable.
 */
public final class LinkageAveraging {
    private static final LinkageAveraging DEFAULT = new LinkageAveraging(0.95);
    private final double level;

    private LinkageAveraging(double level) {
        this.level = level;
    }

    /** @return the defaults: confidence level 0.95 */
    public static LinkageAveraging withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the confidence level, in (0, 1)
     * @return a copy using it
     */
    public LinkageAveraging withConfidenceLevel(double v) {
        return new LinkageAveraging(org.prevalence.core.Checks.level("confidence level", v));
    }

    /**
     * Estimates N on every table and combines the estimates.
     *
     * @param tables the overlap tables of the drawn clusterings (at least two, same lists)
     * @param estimator the configured MSE estimator run on each table
     * @return the combined result
     */
    public Result estimate(List<ListOverlapTable> tables, Function<ListOverlapTable, ? extends PopulationEstimate> estimator) {
        Objects.requireNonNull(estimator, "estimator");
        List<PopulationEstimate> out = new ArrayList<>(tables.size());
        for (ListOverlapTable t : tables) {
            out.add(estimator.apply(t));
        }
        return combine(out);
    }

    /**
     * Combines estimates already made, one per drawn clustering.
     *
     * @param estimates the estimates (at least two, on the same lists)
     * @return the combined result
     * @throws PrevalenceException with fewer than two estimates, or estimates on different lists
     */
    public Result combine(List<? extends PopulationEstimate> estimates) {
        if (estimates.size() < 2) {
            throw PrevalenceException.invalidArgument("draws", "linkage averaging needs at least 2 drawn clusterings, got %d",
                    estimates.size());
        }
        List<String> lists = estimates.get(0).getLists();
        for (int s = 1; s < estimates.size(); s++) {
            if (!estimates.get(s).getLists().equals(lists)) {
                throw PrevalenceException.invalidArgument("draws", "draw %d is on lists %s, draw 1 on %s", s + 1,
                        estimates.get(s).getLists(), lists);
            }
        }
        List<PopulationEstimate> used = new ArrayList<>();
        for (PopulationEstimate e : estimates) {
            if (e.getStatus().hasFigure() && Double.isFinite(e.getEstimate()) && Double.isFinite(e.getStandardError())) {
                used.add(e);
            }
        }
        return new Result(List.copyOf(estimates), used, lists, level);
    }

    /**
     * The within-draw standard deviation of the log unobserved count: from the estimate's own interval,
     * \( (\log(U - n) - \log(L - n)) / (2 z) \) with \( z \) the normal quantile of its level, so that a
     * profile-likelihood or unconditional interval carries its width into the combination (for the
     * log-normal interval \( n + \exp(b_0 \pm z\,\mathrm{se}(b_0)) \) this is \( \mathrm{se}(b_0) \) exactly);
     * from the standard error, \( \mathrm{SE} / (N - n) \), when there is no such interval.
     */
    static double logScaleSd(PopulationEstimate e, double n0) {
        Interval iv = e.getConfidenceInterval();
        double n = e.getObserved();
        if (iv != null && iv.lower() > n && Double.isFinite(iv.upper()) && iv.level() > 0 && iv.level() < 1) {
            double z = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - iv.level()) / 2);
            return (Math.log(iv.upper() - n) - Math.log(iv.lower() - n)) / (2 * z);
        }
        return e.getStandardError() / n0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LinkageAveraging[level %s]", level);
    }

    /**
     * Linkage-averaged population estimate. This class is immutable.
     */
    public static final class Result implements PopulationEstimate {
        private final List<PopulationEstimate> draws;
        private final List<String> lists;
        private final int used;
        private final long observed;
        private final double estimate;
        private final double standardError;
        private final double within;
        private final double between;
        private final double df;
        private final Interval interval;
        private final Status status;
        private final List<Warning> warnings;

        Result(List<PopulationEstimate> draws, List<PopulationEstimate> used, List<String> lists, double level) {
            this.draws = draws;
            this.lists = List.copyOf(lists);
            this.used = used.size();
            int s = used.size();
            List<Warning> ws = new ArrayList<>();
            if (s < draws.size()) {
                ws.add(Warning.of(Warning.Kind.INCOMPLETE, String.format(Locale.ROOT,
                        "%d of %d drawn clusterings gave no estimate and were left out", draws.size() - s, draws.size()),
                        "draws left out"));
            }
            if (s < 2) {
                this.observed = draws.get(0).getObserved();
                this.estimate = Double.NaN;
                this.standardError = Double.NaN;
                this.within = Double.NaN;
                this.between = Double.NaN;
                this.df = Double.NaN;
                this.interval = null;
                this.status = Status.NOT_ESTIMATED;
                ws.add(0, Warning.of(Warning.Kind.INCOMPLETE, String.format(Locale.ROOT,
                        "fewer than 2 drawn clusterings gave an estimate (%d of %d)", s, draws.size()), "not estimated"));
                this.warnings = List.copyOf(ws);
                return;
            }
            double meanN = 0;
            double meanObs = 0;
            double meanU = 0;
            double w = 0;
            double meanVarN = 0;
            double[] u = new double[s];
            for (int i = 0; i < s; i++) {
                PopulationEstimate e = used.get(i);
                double n0 = e.getEstimate() - e.getObserved();
                double n0Log = n0 > 0 ? n0 : 0.1;   // verdata: an unobserved count of 0 is taken as 0.1
                u[i] = Math.log(n0Log);
                meanN += e.getEstimate();
                meanObs += e.getObserved();
                meanU += u[i];
                double d = logScaleSd(e, n0Log);
                w += d * d;
                meanVarN += d * d * n0Log * n0Log;
            }
            meanN /= s;
            meanObs /= s;
            meanU /= s;
            w /= s;
            meanVarN /= s;
            double b = 0;
            double bN = 0;
            for (int i = 0; i < s; i++) {
                b += (u[i] - meanU) * (u[i] - meanU);
                double d = used.get(i).getEstimate() - meanN;
                bN += d * d;
            }
            b /= s - 1;
            bN /= s - 1;
            double total = w + (1 + 1.0 / s) * b;
            this.observed = Math.round(meanObs);
            this.estimate = meanN;
            this.standardError = Math.sqrt(meanVarN + (1 + 1.0 / s) * bN);
            this.within = w;
            this.between = b;
            double nu = b > 0 ? (s - 1) * Math.pow(1 + w / ((s + 1) * b), 2) : Double.POSITIVE_INFINITY;
            this.df = nu;
            double q = Double.isInfinite(nu) || nu > 1e7 ? NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - level) / 2)
                    : TDistribution.of(nu).inverseSurvivalProbability((1 - level) / 2);
            double sd = Math.sqrt(total);
            this.interval = new Interval(meanObs + Math.exp(meanU - q * sd), meanObs + Math.exp(meanU + q * sd), level,
                    IntervalMethod.LOGNORMAL);
            for (PopulationEstimate e : used) {
                if (e.getStatus() == Status.WARNING) {
                    ws.add(Warning.of(Warning.Kind.INCOMPLETE, "at least one drawn clustering's estimate has warnings: "
                            + e.getWarnings().get(0).message(), "draw warnings"));
                    break;
                }
            }
            this.status = ws.isEmpty() ? Status.OK : Status.WARNING;
            this.warnings = List.copyOf(ws);
        }

        /** @return {@code "linkage-averaging"} and the method of the draws, as {@code "linkage-averaging(stepwise)"} */
        @Override
        public String getMethod() {
            return "linkage-averaging(" + draws.get(0).getMethod() + ")";
        }

        @Override
        public List<String> getLists() {
            return lists;
        }

        /** @return the mean observed count over the draws, rounded */
        @Override
        public long getObserved() {
            return observed;
        }

        /** @return the mean of the draws' estimates (law of total expectation) */
        @Override
        public double getEstimate() {
            return estimate;
        }

        /** @return \( \sqrt{\bar V + (1 + 1/S) B_N} \) on the scale of N */
        @Override
        public double getStandardError() {
            return standardError;
        }

        /** @return the interval \( \bar n + \exp(\bar u \pm t_\nu \sqrt T) \) (see the class description) */
        @Override
        public Interval getConfidenceInterval() {
            return interval;
        }

        /** @return the model of the first draw */
        @Override
        public String getModelName() {
            return draws.get(0).getModelName();
        }

        @Override
        public Status getStatus() {
            return status;
        }

        @Override
        public List<Warning> getWarnings() {
            return warnings;
        }

        /** @return the estimate on each drawn table, in draw order (all of them, including any left out) */
        public List<PopulationEstimate> getDraws() {
            return draws;
        }

        /** @return the number of draws combined (those with an estimate) */
        public int getDrawsUsed() {
            return used;
        }

        /** @return \( W \), the mean within-draw variance of the log unobserved count */
        public double getWithinVariance() {
            return within;
        }

        /** @return \( B \), the between-draw variance of the log unobserved count */
        public double getBetweenVariance() {
            return between;
        }

        /** @return the interval's degrees of freedom \( \nu \) (infinite when \( B = 0 \)) */
        public double getDegreesOfFreedom() {
            return df;
        }

        @Override
        public String toString() {
            if (!status.hasFigure()) {
                return String.format(Locale.ROOT, "LinkageAveraging.Result[not estimated: %s]", warnings.get(0).message());
            }
            return String.format(Locale.ROOT, "LinkageAveraging.Result[N = %s (observed %s), %s%% interval (%s, %s), "
                    + "%d of %d draws, within %.4g, between %.4g (log unobserved)]", Format.number(estimate),
                    Format.count(observed), Format.percent(interval.level()), Format.number(interval.lower()),
                    Format.number(interval.upper()), used, draws.size(), within, between);
        }
    }
}
