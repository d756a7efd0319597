package org.prevalence.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;

/**
 * Multiple imputation: an estimator run on each of \( m \) completed data sets with the same design, combined by
 * Rubin's rules with the Barnard-Rubin degrees of freedom; R's {@code mitools::MIcombine} (mitools 2.4). For each
 * term, with \( \hat Q_l \) and \( U_l \) the estimate and variance from imputation \( l \):
 * <p>\[ \bar Q = \frac1m \sum_l \hat Q_l, \quad \bar U = \frac1m \sum_l U_l, \quad
 *   B = \frac{1}{m-1} \sum_l (\hat Q_l - \bar Q)^2, \quad T = \bar U + (1 + 1/m) B, \]
 * <p>\[ r = (1 + 1/m) B / \bar U, \quad \nu_m = (m - 1)(1 + 1/r)^2, \quad
 *   \nu_{obs} = \frac{\nu_c + 1}{\nu_c + 3} \nu_c \frac{\bar U}{\bar U + B}, \quad
 *   \nu = (1/\nu_m + 1/\nu_{obs})^{-1}, \]
 * <p>the last two only with a finite complete-data df \( \nu_c \) ({@link #withCompleteDataDf}; R {@code df.complete},
 * default infinite, when \( \nu = \nu_m \)); the interval is \( \bar Q \pm t_{\nu} \sqrt T \) and the fraction of
 * missing information \( (r + 2/(\nu + 3))/(r + 1) \). The covariance matrix is \( \bar U + (1 + 1/m) B \) with
 * \( B \) the covariance of the estimate vectors. As mitools, \( \nu_{obs} \) uses \( \bar U/(\bar U + B) \).
 *
 * <p>References: <ol><li>Rubin, D.B. (1987). Multiple Imputation for Nonresponse in Surveys. Wiley.
 * <a href="https://doi.org/10.1002/9780470316696">doi:10.1002/9780470316696</a></li>
 * <li>Barnard, J., Rubin, D.B. (1999). Small-sample degrees of freedom with multiple imputation. Biometrika 86(4),
 * 948-955. <a href="https://doi.org/10.1093/biomet/86.4.948">doi:10.1093/biomet/86.4.948</a></li></ol>
 *
 * <p>This class is immutable.
 */
public final class MultipleImputation {
    private static final MultipleImputation DEFAULT = new MultipleImputation(0.95, Double.POSITIVE_INFINITY);
    private final double level;
    private final double completeDf;

    private MultipleImputation(double level, double completeDf) {
        this.level = level;
        this.completeDf = completeDf;
    }

    /**
     * Defaults: confidence level 0.95, infinite complete-data degrees of freedom (R's {@code df.complete = Inf}).
     * @return the default combiner
     */
    public static MultipleImputation withDefaults() {
        return DEFAULT;
    }

    /** @param v the confidence level, in (0, 1) @return a new combiner */
    public MultipleImputation withConfidenceLevel(double v) {
        if (!(v > 0 && v < 1)) {
            throw PrevalenceException.invalidArgument("level", "confidence level must be in (0, 1), got %s", v);
        }
        return new MultipleImputation(v, completeDf);
    }

    /**
     * @param v the complete-data degrees of freedom \( \nu_c \) (R {@code df.complete}; e.g. the design's df),
     *     &gt; 0, or infinite
     * @return a new combiner
     */
    public MultipleImputation withCompleteDataDf(double v) {
        if (!(v > 0)) {
            throw PrevalenceException.invalidArgument("df.complete", "complete-data degrees of freedom must be > 0, got %s", v);
        }
        return new MultipleImputation(level, v);
    }

    /**
     * One completed data set's answer: the terms, their estimates and covariance matrix.
     * @param terms the term names
     * @param estimates one per term
     * @param covariance terms x terms
     */
    public record Completed(List<String> terms, double[] estimates, double[][] covariance) {
        /** Checks the shape and copies. */
        public Completed {
            terms = List.copyOf(terms);
            if (estimates.length != terms.size() || covariance.length != terms.size()) {
                throw PrevalenceException.invalidArgument("estimates", "need %d estimates and a %d x %d covariance",
                        terms.size(), terms.size(), terms.size());
            }
            estimates = estimates.clone();
            double[][] c = new double[covariance.length][];
            for (int i = 0; i < c.length; i++) {
                if (covariance[i].length != terms.size()) {
                    throw PrevalenceException.invalidArgument("covariance", "the covariance must be %d x %d",
                            terms.size(), terms.size());
                }
                c[i] = covariance[i].clone();
            }
            covariance = c;
        }

        /**
         * @param results survey estimates of one completed data set (e.g. a mean by domain), each a term named by
         *     its variable and domain; their covariances are taken as 0 (only each term's own variance is combined)
         * @return the completed answer
         */
        public static Completed of(List<? extends SurveyEstimate> results) {
            int k = results.size();
            List<String> names = new ArrayList<>();
            double[] est = new double[k];
            double[][] cov = new double[k][k];
            for (int i = 0; i < k; i++) {
                SurveyEstimate r = results.get(i);
                names.add(r.getDomain().isEmpty() ? r.getVariable() : r.getVariable() + " " + r.getDomain());
                est[i] = r.getEstimate();
                cov[i][i] = r.getStandardError() * r.getStandardError();
            }
            return new Completed(names, est, cov);
        }
    }

    /**
     * Checks that every imputation is the same sample with the same design: rows, strata, PSUs (and their coding),
     * weights and the variance method.
     * @param imputations the designs of the completed data sets
     * @param labels one name per imputation for messages (e.g. the file names)
     * @throws PrevalenceException naming the first imputation that differs from the first one
     */
    public static void checkSameDesign(List<SurveyDesign> imputations, List<String> labels) {
        if (imputations.size() != labels.size()) {
            throw PrevalenceException.invalidArgument("labels", "need %d labels, got %d", imputations.size(), labels.size());
        }
        if (imputations.size() < 2) {
            throw PrevalenceException.invalidArgument("imputations", "multiple imputation needs at least 2 completed data "
                    + "sets, got %d", imputations.size());
        }
        SurveyDesign a = imputations.get(0);
        for (int l = 1; l < imputations.size(); l++) {
            SurveyDesign b = imputations.get(l);
            String what = null;
            if (b.rows() != a.rows()) {
                what = String.format(Locale.ROOT, "has %d rows but '%s' has %d", b.rows(), labels.get(0), a.rows());
            } else if (b.strataCount() != a.strataCount() || b.psuCount() != a.psuCount()
                    || !Arrays.equals(b.psu(), a.psu()) || !Arrays.equals(b.psuStratum(), a.psuStratum())) {
                what = String.format(Locale.ROOT, "has %s in %s but '%s' has %s in %s",
                        Format.count(b.psuCount(), "PSU", "PSUs"), Format.count(b.strataCount(), "stratum", "strata"),
                        labels.get(0), Format.count(a.psuCount(), "PSU", "PSUs"),
                        Format.count(a.strataCount(), "stratum", "strata"));
                if (b.psuCount() == a.psuCount() && b.strataCount() == a.strataCount()) {
                    what = "assigns rows to strata or PSUs differently from '" + labels.get(0) + "' (first at row "
                            + (firstDifference(a, b) + 1) + ")";
                }
            } else if (!Arrays.equals(b.weightsRef(), a.weightsRef())) {
                int i = 0;
                while (a.weightsRef()[i] == b.weightsRef()[i]) {
                    i++;
                }
                what = String.format(Locale.ROOT, "has weight %s at row %d where '%s' has %s", b.weightsRef()[i], i + 1,
                        labels.get(0), a.weightsRef()[i]);
            } else if (!b.varianceMethod().equals(a.varianceMethod())) {
                what = "uses " + b.varianceMethod() + " variance but '" + labels.get(0) + "' uses " + a.varianceMethod();
            }
            if (what != null) {
                throw PrevalenceException.invalidData("imputation '" + labels.get(l) + "'", "imputation '%s' %s; every "
                        + "imputation must be the same sample with the same design, differing only in imputed values",
                        labels.get(l), what);
            }
        }
    }

    private static int firstDifference(SurveyDesign a, SurveyDesign b) {
        for (int i = 0; i < a.rows(); i++) {
            if (a.psu()[i] != b.psu()[i] || a.psuStratum()[a.psu()[i]] != b.psuStratum()[b.psu()[i]]) {
                return i;
            }
        }
        return 0;
    }

    /**
     * Runs an estimator on each imputation's design (checked by {@link #checkSameDesign}) and combines the answers.
     * @param imputations the designs of the completed data sets
     * @param labels their names for messages
     * @param estimator the analysis of one completed data set
     * @return the combined result
     */
    public Result estimate(List<SurveyDesign> imputations, List<String> labels, Function<SurveyDesign, Completed> estimator) {
        checkSameDesign(imputations, labels);
        List<Completed> done = new ArrayList<>();
        for (SurveyDesign d : imputations) {
            done.add(estimator.apply(d));
        }
        return combine(done, labels);
    }

    /**
     * Rubin's rules on the completed answers (R {@code MIcombine(results, variances)}).
     * @param results one per imputation, with the same terms in the same order
     * @param labels their names for messages
     * @return the combined result
     */
    public Result combine(List<Completed> results, List<String> labels) {
        int m = results.size();
        if (m < 2) {
            throw PrevalenceException.invalidArgument("imputations", "multiple imputation needs at least 2 completed data "
                    + "sets, got %d", m);
        }
        List<String> terms = results.get(0).terms();
        int k = terms.size();
        for (int l = 1; l < m; l++) {
            if (!results.get(l).terms().equals(terms)) {
                throw PrevalenceException.invalidData("imputation '" + labels.get(l) + "'", "imputation '%s' gives the "
                        + "terms %s but '%s' gives %s; every imputation must give the same terms", labels.get(l),
                        results.get(l).terms(), labels.get(0), terms);
            }
        }
        double[] qbar = new double[k];
        double[][] ubar = new double[k][k];
        for (Completed c : results) {
            for (int a = 0; a < k; a++) {
                qbar[a] += c.estimates()[a] / m;
                for (int b = 0; b < k; b++) {
                    ubar[a][b] += c.covariance()[a][b] / m;
                }
            }
        }
        double[][] between = new double[k][k];
        for (Completed c : results) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    between[a][b] += (c.estimates()[a] - qbar[a]) * (c.estimates()[b] - qbar[b]) / (m - 1);
                }
            }
        }
        double[][] total = new double[k][k];
        List<Term> out = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                total[a][b] = ubar[a][b] + between[a][b] * (m + 1) / m;
            }
            double u = ubar[a][a];
            double bv = between[a][a];
            double r = (1 + 1.0 / m) * bv / u;
            double df = (m - 1) * (1 + 1 / r) * (1 + 1 / r);
            if (Double.isFinite(completeDf)) {
                double dfObs = (completeDf + 1) / (completeDf + 3) * completeDf * u / (u + bv);
                df = 1 / (1 / dfObs + 1 / df);
            }
            double se = Math.sqrt(total[a][a]);
            double crit = Double.isFinite(df) ? TDistribution.of(df).inverseSurvivalProbability((1 - level) / 2)
                    : NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - level) / 2);
            double missing = (r + 2 / (df + 3)) / (r + 1);
            out.add(new Term(terms.get(a), qbar[a], se, df, qbar[a] - crit * se, qbar[a] + crit * se, level, missing, u, bv));
        }
        return new Result(m, out, total);
    }

    /** One term of the combined result. This class is immutable. */
    public static final class Term {
        private final String term;
        private final double estimate;
        private final double se;
        private final double df;
        private final double lower;
        private final double upper;
        private final double level;
        private final double missing;
        private final double within;
        private final double between;

        Term(String term, double estimate, double se, double df, double lower, double upper, double level, double missing,
             double within, double between) {
            this.term = term;
            this.estimate = estimate;
            this.se = se;
            this.df = df;
            this.lower = lower;
            this.upper = upper;
            this.level = level;
            this.missing = missing;
            this.within = within;
            this.between = between;
        }

        /** @return the term */
        public String getTerm() {
            return term;
        }

        /** @return \( \bar Q \) */
        public double getEstimate() {
            return estimate;
        }

        /** @return \( \sqrt T \) */
        public double getStandardError() {
            return se;
        }

        /** @return the Barnard-Rubin degrees of freedom \( \nu \) (infinite when the imputations agree) */
        public double getDegreesOfFreedom() {
            return df;
        }

        /** @return the lower limit \( \bar Q - t_\nu \sqrt T \) */
        public double getLower() {
            return lower;
        }

        /** @return the upper limit */
        public double getUpper() {
            return upper;
        }

        /** @return the confidence level */
        public double getLevel() {
            return level;
        }

        /** @return the fraction of missing information \( (r + 2/(\nu+3))/(r+1) \) (mitools {@code missinfo}) */
        public double getMissingInformation() {
            return missing;
        }

        /** @return the within-imputation variance \( \bar U \) */
        public double getWithinVariance() {
            return within;
        }

        /** @return the between-imputation variance \( B \) */
        public double getBetweenVariance() {
            return between;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s = %s (SE %s, df %s, %s%% CI %s to %s, missing information %s)", term,
                    Format.number(estimate), Format.number(se), Format.number(df), Format.percent(level),
                    Format.number(lower), Format.number(upper), Format.number(missing));
        }
    }

    /** The combined result. This class is immutable. */
    public static final class Result {
        private final int imputations;
        private final List<Term> terms;
        private final double[][] covariance;

        Result(int imputations, List<Term> terms, double[][] covariance) {
            this.imputations = imputations;
            this.terms = List.copyOf(terms);
            this.covariance = covariance;
        }

        /** @return \( m \) */
        public int getImputations() {
            return imputations;
        }

        /** @return the terms, in order */
        public List<Term> getTerms() {
            return terms;
        }

        /**
         * @param name a term
         * @return that term
         */
        public Term getTerm(String name) {
            for (Term t : terms) {
                if (t.getTerm().equals(Objects.requireNonNull(name, "name"))) {
                    return t;
                }
            }
            throw PrevalenceException.invalidArgument("term '" + name + "'", "no term '%s'; terms: %s", name,
                    terms.stream().map(Term::getTerm).toList());
        }

        /** @return a copy of the combined covariance \( \bar U + (1 + 1/m) B \) */
        public double[][] getCovariance() {
            double[][] c = new double[covariance.length][];
            for (int i = 0; i < c.length; i++) {
                c[i] = covariance[i].clone();
            }
            return c;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "MultipleImputation[%d imputations", imputations));
            for (Term t : terms) {
                sb.append("; ").append(t);
            }
            return sb.append(']').toString();
        }
    }
}
