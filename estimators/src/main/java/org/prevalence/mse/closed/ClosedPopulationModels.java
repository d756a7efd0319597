package org.prevalence.mse.closed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.prevalence.core.Checks;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.mse.PoissonRegression;

/**
 * Closed-population capture-recapture models for heterogeneous capture (M0, Mt, Mh, Mth, Mb, Mbh), fitted as Poisson
 * log-linear models on the observed capture histories exactly as {@code Rcapture::closedp.t} fits them (Rivest &amp;
 * Baillargeon 2007), with the multinomial profile-likelihood interval of {@code Rcapture::closedpCI.t}.
 *
 * <p>For every model except Mb and Mbh the unobserved history has linear predictor \( \beta_0 \), so
 * <p>\[ \hat N = n + e^{\hat\beta_0}, \qquad \widehat{\mathrm{se}}(\hat N) = \sqrt{e^{\hat\beta_0} + e^{2\hat\beta_0}
 * \hat V_{00}} \]
 * <p>where \( n \) is the number of units observed and \( \hat V_{00} \) the variance of the intercept. For Mb,
 * \( \hat N = e^{\beta_0}(1+e^{\beta_2})^t / (1 + e^{\beta_2} - e^{\beta_1}) \), and for Mbh
 * \( \hat N = e^{\beta_0}(1+e^{\beta_3})^{t-1}\{1 + e^{\eta+\beta_2}/(1+e^{\beta_3}-e^{\beta_2})\} \), with
 * \( \widehat{\mathrm{se}}^2 = v^\top \hat V v - \hat N \), \( v = \partial\hat N/\partial\beta \) (delta method, as Rcapture).
 * Deviance, residual df and AIC are R {@code glm}'s; \( \mathrm{BIC} = \mathrm{AIC} + (\log n - 2)\,r \) with
 * \( r \) the rank.
 *
 * <p><b>Chao models.</b> As Rcapture's default {@code neg = TRUE}, a Chao (LB) model whose fit has a negative eta
 * parameter is refitted without the first such column (the parameter is set to 0) until none is negative; the result
 * lists the parameters set to 0 ({@link Result#getEtasSetToZero()}). {@link NegativeEta#KEEP} turns this off.
 *
 * <p><b>Status instead of {@code infoFit}.</b> Each result has a {@link FitStatus} (and a reported {@link org.prevalence.core.Status}) and messages in words. A model whose
 * fitted parameters give no meaningful abundance (Mb on the UK 5-list table, where Rcapture prints
 * \( \hat N = -3{,}763 \)) has status {@link FitStatus#NOT_ESTIMABLE}: no number, and a message saying why.
 * {@link Result#getInfoFitCode()} gives Rcapture's code for comparison.
 *
 * <p>References: <ol>
 * <li>Rivest, L.-P. and Baillargeon, S. (2007). Applications and extensions of Chao's moment estimator for the size
 * of a closed population. Biometrics 63(4), 999-1006. doi:10.1111/j.1541-0420.2007.00779.x</li>
 * <li>Baillargeon, S. and Rivest, L.-P. (2007). Rcapture: loglinear models for capture-recapture in R. Journal of
 * Statistical Software 19(5). doi:10.18637/jss.v019.i05</li>
 * <li>Cormack, R.M. (1992). Interval estimation for mark-recapture studies of closed populations. Biometrics 48(2),
 * 567-576.</li></ol>
 *
 * <p><b>Length.</b> About 440 lines are the estimator (configuration, the twelve fits, the model table); the
 * rest are its two nested immutable results, {@link ModelTable} and {@link Result}, which hold Rcapture's
 * columns and messages. The design matrices, the Poisson fit and the profile interval live in
 * {@code ClosedDesign}, {@code ClosedFitter} and {@code MultinomialProfile}.
 */
public final class ClosedPopulationModels {
    /** What to do with negative eta parameters of Chao (LB) models. */
    public enum NegativeEta {
        /** Set them to 0 one at a time, refitting, as Rcapture's {@code neg = TRUE} (the default). */
        SET_TO_ZERO,
        /** Keep them (Rcapture's {@code neg = FALSE}). */
        KEEP
    }

    /** Whether the lists have a capture order, which the behavioural models Mb and Mbh need. */
    public enum CaptureOrder {
        /** No order: lists compiled side by side by different agencies. Mb and Mbh are not fitted. */
        NOT_GIVEN,
        /** The lists' column order is the order of the capture occasions (first list first). */
        LIST_ORDER
    }

    /** The interval computed by {@link #estimate}. */
    public enum ClosedInterval {
        /** No interval. */
        NONE,
        /** Multinomial profile likelihood (Cormack 1992), as {@code Rcapture::closedpCI.t}. Not for Mb, Mbh. */
        PROFILE_MULTINOMIAL
    }

    /** The state of one model's fit. */
    public enum FitStatus {
        /** Fitted without any condition. */
        OK,
        /** Fitted and estimated, with conditions worth reading (large asymptotic bias, aliased columns, ...). */
        WARNING,
        /** Fitted, but the parameters give no meaningful abundance: no estimate is returned. */
        NOT_ESTIMABLE,
        /** The model could not be fitted (not enough occasions, no capture order, IRLS did not converge). */
        NOT_FITTED
    }

    private static final ClosedPopulationModels DEFAULT = new ClosedPopulationModels(NegativeEta.SET_TO_ZERO,
            CaptureOrder.NOT_GIVEN, 2.0, 3.5, ClosedInterval.NONE, 0.95, 3.0);

    private final NegativeEta negativeEta;
    private final CaptureOrder captureOrder;
    private final double poissonTheta;
    private final double gammaTheta;
    private final ClosedInterval interval;
    private final double level;
    private final double maxUpperFactor;

    private ClosedPopulationModels(NegativeEta negativeEta, CaptureOrder captureOrder, double poissonTheta,
            double gammaTheta, ClosedInterval interval, double level, double maxUpperFactor) {
        this.negativeEta = negativeEta;
        this.captureOrder = captureOrder;
        this.poissonTheta = poissonTheta;
        this.gammaTheta = gammaTheta;
        this.interval = interval;
        this.level = level;
        this.maxUpperFactor = maxUpperFactor;
    }

    /**
     * The defaults, as {@code Rcapture::closedp.t} and {@code closedpCI.t}: {@link NegativeEta#SET_TO_ZERO},
     * {@link CaptureOrder#NOT_GIVEN} (Mb and Mbh not fitted), Poisson \( \theta = 2 \), Gamma \( \theta = 3.5 \),
     * {@link ClosedInterval#NONE}, level 0.95, profile upper limit searched up to \( 3\hat N \) ({@code fmaxSupCL}).
     * @return the default instance
     */
    public static ClosedPopulationModels withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the treatment of negative Chao eta parameters
     * @return a copy using it
     */
    public ClosedPopulationModels with(NegativeEta v) {
        return new ClosedPopulationModels(Objects.requireNonNull(v), captureOrder, poissonTheta, gammaTheta, interval,
                level, maxUpperFactor);
    }

    /**
     * @param v whether the list order is a capture order (needed by Mb and Mbh)
     * @return a copy using it
     */
    public ClosedPopulationModels with(CaptureOrder v) {
        return new ClosedPopulationModels(negativeEta, Objects.requireNonNull(v), poissonTheta, gammaTheta, interval,
                level, maxUpperFactor);
    }

    /**
     * @param v the interval for {@link #estimate}
     * @return a copy using it
     */
    public ClosedPopulationModels with(ClosedInterval v) {
        return new ClosedPopulationModels(negativeEta, captureOrder, poissonTheta, gammaTheta, Objects.requireNonNull(v),
                level, maxUpperFactor);
    }

    /**
     * @param v the Poisson heterogeneity \( \theta &gt; 1 \) (Rcapture fits 2 in its table)
     * @return a copy using it
     */
    public ClosedPopulationModels withPoissonTheta(double v) {
        if (!(v > 1) || Double.isInfinite(v)) {
            throw PrevalenceException.invalidArgument("poissonTheta", "Poisson theta must be finite and > 1, got %s", v);
        }
        return new ClosedPopulationModels(negativeEta, captureOrder, v, gammaTheta, interval, level, maxUpperFactor);
    }

    /**
     * @param v the Gamma heterogeneity \( \theta &gt; 0 \) (Rcapture fits 3.5 in its table)
     * @return a copy using it
     */
    public ClosedPopulationModels withGammaTheta(double v) {
        Checks.finite("gammaTheta", Checks.positive("gammaTheta", v));
        return new ClosedPopulationModels(negativeEta, captureOrder, poissonTheta, v, interval, level, maxUpperFactor);
    }

    /**
     * @param v the confidence level in (0, 1)
     * @return a copy using it
     */
    public ClosedPopulationModels withConfidenceLevel(double v) {
        return new ClosedPopulationModels(negativeEta, captureOrder, poissonTheta, gammaTheta, interval,
                Checks.level("level", v), maxUpperFactor);
    }

    /**
     * @param v the profile upper limit is searched in \( [\hat N_{mult}, v \hat N] \), {@code v > 1}
     *     (Rcapture's {@code fmaxSupCL}, default 3)
     * @return a copy using it
     */
    public ClosedPopulationModels withMaxUpperFactor(double v) {
        if (!(v > 1) || Double.isInfinite(v)) {
            throw PrevalenceException.invalidArgument("maxUpperFactor", "maxUpperFactor must be finite and > 1, got %s",
                    v);
        }
        return new ClosedPopulationModels(negativeEta, captureOrder, poissonTheta, gammaTheta, interval, level, v);
    }

    /**
     * Fits every model Rcapture's {@code closedp.t} fits, in its order: M0, Mt, Mh (Chao, Poisson, Darroch, Gamma),
     * Mth (same four), Mb, Mbh; with 2 lists only M0, Mt and Mb. Without a {@link CaptureOrder} the Mb and Mbh rows
     * have status {@link FitStatus#NOT_FITTED}. Rows carry no interval (use {@link #estimate}).
     * @param table the list-overlap table (its lists are the capture occasions)
     * @return the table of models
     */
    public ModelTable table(ListOverlapTable table) {
        Objects.requireNonNull(table, "table");
        checkObserved(table.observedTotal());
        int t = table.listCount();
        List<ClosedModel> models = t == 2 ? List.of(ClosedModel.M0, ClosedModel.MT, ClosedModel.MB)
                : List.of(ClosedModel.values());
        PoissonRegression.Workspace ws = new PoissonRegression.Workspace(table.cellCount(), t + 4);
        List<Result> rows = new ArrayList<>(models.size());
        for (ClosedModel m : models) {
            if (m.isBehavioural() && captureOrder == CaptureOrder.NOT_GIVEN) {
                rows.add(Result.notFitted(m, label(m), table.observedTotal(), t, noOrderMessage(m)));
            } else {
                rows.add(fitOne(ClosedDesign.histories(table, m, poissonTheta, gammaTheta), ws, false));
            }
        }
        rows.replaceAll(r -> r.withLists(table.listNames()));
        return new ModelTable(rows, table.observedTotal(), t);
    }

    /**
     * Fits M0 and the four Mh models from capture frequencies, as {@code Rcapture::closedp.0(X, dtype = "nbcap")}
     * (with 2 occasions only M0).
     * @param frequencies the frequencies of the number of captures
     * @return the table of models
     */
    public ModelTable table(CaptureFrequencies frequencies) {
        Objects.requireNonNull(frequencies, "frequencies");
        int t = frequencies.occasions();
        List<ClosedModel> models = t == 2 ? List.of(ClosedModel.M0)
                : List.of(ClosedModel.M0, ClosedModel.MH_CHAO, ClosedModel.MH_POISSON, ClosedModel.MH_DARROCH,
                        ClosedModel.MH_GAMMA);
        PoissonRegression.Workspace ws = new PoissonRegression.Workspace(t + 1, t + 2);
        List<Result> rows = new ArrayList<>();
        for (ClosedModel m : models) {
            rows.add(fitOne(ClosedDesign.frequencies(frequencies, m, poissonTheta, gammaTheta), ws, false));
        }
        return new ModelTable(rows, frequencies.observedTotal(), t);
    }

    /**
     * Fits one model, with the configured interval.
     * @param table the list-overlap table
     * @param model the model
     * @return the result; check {@link Result#getStatus()} before reading the estimate
     * @throws PrevalenceException if the table has fewer lists than the model needs (2 for M0, Mt, Mb; 3 for the
     *     heterogeneity models and Mbh), or a behavioural model is asked for without a capture order
     */
    public Result estimate(ListOverlapTable table, ClosedModel model) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(model, "model");
        checkObserved(table.observedTotal());
        int t = table.listCount();
        if (t < model.minimumOccasions()) {
            throw PrevalenceException.invalidArgument("model '" + model.shortName() + "'",
                    "Model %s needs at least %d occasions (lists); the table has %d %s. Use m0 or mt with 2 lists",
                    label(model), model.minimumOccasions(), t, table.listNames());
        }
        if (model.isBehavioural() && captureOrder == CaptureOrder.NOT_GIVEN) {
            throw new PrevalenceException(PrevalenceException.Kind.INVALID_ARGUMENT, "model '" + model.shortName() + "'",
                    noOrderMessage(model), new PrevalenceException.Remedy("use with(CaptureOrder.LIST_ORDER)",
                            "use --capture-order lists"));
        }
        PoissonRegression.Workspace ws = new PoissonRegression.Workspace(table.cellCount(), t + 4);
        return fitOne(ClosedDesign.histories(table, model, poissonTheta, gammaTheta), ws,
                interval == ClosedInterval.PROFILE_MULTINOMIAL).withLists(table.listNames());
    }

    /**
     * Fits M0 or an Mh model to capture frequencies, with the configured interval.
     * @param frequencies the frequencies of the number of captures
     * @param model M0 or an Mh model
     * @return the result
     * @throws PrevalenceException for other models (they need capture histories) or too few occasions
     */
    public Result estimate(CaptureFrequencies frequencies, ClosedModel model) {
        Objects.requireNonNull(frequencies, "frequencies");
        Objects.requireNonNull(model, "model");
        if (model.hasTimeEffects() || model.isBehavioural()) {
            throw PrevalenceException.invalidArgument("model '" + model.shortName() + "'",
                    "Model %s needs capture histories (which lists saw each unit); frequencies of the number of "
                            + "captures only support m0 and the mh models", label(model));
        }
        int t = frequencies.occasions();
        if (t < model.minimumOccasions()) {
            throw PrevalenceException.invalidArgument("model '" + model.shortName() + "'",
                    "Model %s needs at least %d occasions; the frequencies have %d. Use m0", label(model),
                    model.minimumOccasions(), t);
        }
        PoissonRegression.Workspace ws = new PoissonRegression.Workspace(t + 1, t + 2);
        return fitOne(ClosedDesign.frequencies(frequencies, model, poissonTheta, gammaTheta), ws,
                interval == ClosedInterval.PROFILE_MULTINOMIAL);
    }

    String label(ClosedModel m) {
        return m.label(poissonTheta, gammaTheta);
    }

    private static void checkObserved(long n) {
        if (n <= 0) {
            throw PrevalenceException.invalidData("table", "The table has no observed case");
        }
    }

    private static String noOrderMessage(ClosedModel m) {
        return "Model " + (m == ClosedModel.MB ? "Mb" : "Mbh") + " describes a behavioural response after the first "
                + "capture, so it needs the order of the capture occasions, and none was given (lists compiled side by "
                + "side by different agencies have none); if the lists' column order is their time order, give that "
                + "capture order";
    }

    Result fitOne(ClosedDesign design, PoissonRegression.Workspace ws, boolean withInterval) {
        ClosedModel m = design.model;
        String label = label(m);
        long n = design.observed;
        int t = design.occasions;
        boolean neg = negativeEta == NegativeEta.SET_TO_ZERO;
        PoissonRegression glm = PoissonRegression.withDefaults();
        ClosedFitter.Outcome out = ClosedFitter.fit(design, neg, glm, ws);
        if (out.error != null) {
            return Result.notFitted(m, label, n, t, "the Poisson fit failed: " + out.error);
        }
        PoissonRegression.Fit fit = out.fit;
        List<String> messages = new ArrayList<>(out.warnings);
        List<Integer> codes = new ArrayList<>(out.codes);
        Abundance a = abundance(m, fit.getCoefficients(), fit.getCovariance(), n, t);
        double bias = ClosedFitter.asymptoticBias(out.design, fit);
        String notEstimable = a.notEstimable != null ? a.notEstimable : notEstimable(design, a.estimate, n);
        if (!Double.isNaN(bias) && Math.abs(bias) > 0.1 * a.estimate) { // Rcapture getBiasWarn: infoFit 1
            codes.add(1);
            if (notEstimable == null) {
                messages.add("the asymptotic bias is large: " + Format.number(bias) + " against an estimate of "
                        + Format.number(a.estimate) + " (more than 10%); the estimate is unreliable");
            }
        }
        if (notEstimable == null && !(a.se >= 0)) {
            messages.add("no standard error: the delta-method variance is negative"); // Rcapture prints NaN
        }
        double[] b = fit.getCoefficients();
        Map<String, Double> coef = new LinkedHashMap<>();
        for (int j = 0; j < b.length; j++) {
            coef.put(out.design.names[j], b[j]);
        }
        double aic = fit.getAic();
        double bic = aic + (Math.log(n) - 2) * fit.getRank();
        FitStatus status = notEstimable != null ? FitStatus.NOT_ESTIMABLE : messages.isEmpty() ? FitStatus.OK : FitStatus.WARNING;
        if (notEstimable != null) {
            messages.add(0, notEstimable);
        }
        boolean none = status == FitStatus.NOT_ESTIMABLE;
        ProfileOutcome p = withInterval ? profile(design, fit, a.estimate, none, neg, glm)
                : new ProfileOutcome(null, Double.NaN, null);
        return new Result(m, label, n, t, status, messages, ClosedFitter.infoCode(codes),
                none ? Double.NaN : a.estimate, none || !(a.se >= 0) ? Double.NaN : a.se, fit.getDeviance(),
                fit.getResidualDf(), aic, bic, bias, coef, out.removedEtas, p.interval, p.maximum, p.message);
    }

    /** A model's abundance estimate, its delta-method SE, and why its formula gives no estimate (or null). */
    private record Abundance(double estimate, double se, String notEstimable) { }

    /** Rcapture's abundance formulas on the fitted Poisson coefficients b with covariance v. */
    private static Abundance abundance(ClosedModel m, double[] b, double[][] v, long n, int t) {
        if (m == ClosedModel.MB) {
            // Rcapture closedp.internal, model Mb: geometric sum over first-capture occasions
            double e1 = Math.exp(b[1]);
            double e2 = Math.exp(b[2]);
            double d = 1 + e2 - e1;
            double estimate = Math.exp(b[0]) * Math.pow(1 + e2, t) / d;
            double[] g = {estimate, estimate * e1 / d, estimate * (t * e2 / (1 + e2) - e2 / d)};
            String why = d > 0 ? null : String.format(Locale.ROOT,
                    "the fitted first-capture probability p = 1 - exp(beta1)/(1 + exp(beta2)) = %s is not "
                            + "positive (more units are first seen on later lists than any p in (0, 1) allows), "
                            + "so the Mb abundance formula gives the meaningless value %s; Mb does not describe "
                            + "these data", Format.number(d / (1 + e2)), Format.number(estimate));
            return new Abundance(estimate, Math.sqrt(quadratic(g, v) - estimate), why);
        }
        if (m == ClosedModel.MBH) {
            // Rcapture closedp.internal, model Mbh: first capture at occasion 1, then the Mb sum
            double e2 = Math.exp(b[2]);
            double e3 = Math.exp(b[3]);
            double d = 1 + e3 - e2;
            double a = Math.exp(b[0]) * Math.pow(1 + e3, t - 1);
            double r = Math.exp(b[1] + b[2]) / d;
            double estimate = a * (1 + r);
            double[] g = {a * (1 + r), a * r, a * (r + Math.exp(b[1] + 2 * b[2]) / (d * d)),
                a * ((t - 1) * e3 / (1 + e3) - Math.exp(b[1] + b[2] + b[3]) / (d * d))};
            String why = d > 0 ? null : String.format(Locale.ROOT,
                    "the fitted first-capture probability after occasion 1, 1 - exp(beta1)/(1 + exp(beta2)) = %s, "
                            + "is not positive, so the Mbh abundance formula gives the meaningless value %s; Mbh "
                            + "does not describe these data", Format.number(d / (1 + e3)), Format.number(estimate));
            return new Abundance(estimate, Math.sqrt(quadratic(g, v) - estimate), why);
        }
        double unseen = Math.exp(b[0]); // Rcapture getN: N = n + exp(b0)
        return new Abundance(n + unseen, Math.sqrt(unseen + unseen * unseen * v[0][0]), null);
    }

    /** Why an estimate from a valid formula still says nothing (no recapture, below n, infinite), or null. */
    private static String notEstimable(ClosedDesign design, double estimate, long n) {
        if (!hasRecapture(design)) {
            return "no unit is on more than one list (no recapture), so nothing links the lists and the number "
                    + "never observed is unbounded";
        }
        if (!(estimate >= n && estimate < Double.POSITIVE_INFINITY)) {
            return "the fitted abundance " + Format.number(estimate) + " is "
                    + (estimate < n ? "below the " + Format.count(n) + " units observed" : "not finite")
                    + "; the model does not describe these data";
        }
        return null;
    }

    /** The profile interval, the multinomial likelihood's maximum, and why there is no interval (or null). */
    private record ProfileOutcome(Interval interval, double maximum, String message) { }

    /** The multinomial profile-likelihood interval (Rcapture closedpCI.t), where the model allows one. */
    private ProfileOutcome profile(ClosedDesign design, PoissonRegression.Fit fit, double estimate, boolean none,
                                   boolean neg, PoissonRegression glm) {
        if (design.model.isBehavioural()) {
            return new ProfileOutcome(null, Double.NaN,
                    "no profile-likelihood interval for behavioural models (as Rcapture's closedpCI.t)");
        }
        if (none) {
            return new ProfileOutcome(null, Double.NaN, "no interval: the model gives no estimate");
        }
        if (!fit.getAliased().isEmpty()) {
            return new ProfileOutcome(null, Double.NaN, "no profile-likelihood interval: the design is not of full rank");
        }
        MultinomialProfile.Outcome p = MultinomialProfile.compute(design, design.observed, estimate, neg, level,
                maxUpperFactor, glm);
        return new ProfileOutcome(p.interval, p.maximum, p.message);
    }

    /** Whether some unit was captured at least twice (a history on 2 or more lists, or f_k &gt; 0 for k &gt;= 2). */
    static boolean hasRecapture(ClosedDesign d) {
        for (int i = 0; i < d.rows; i++) {
            if (d.captures[i] >= 2 && d.y[i] > 0) {
                return true;
            }
        }
        return false;
    }

    private static double quadratic(double[] g, double[][] v) {
        double s = 0;
        for (int a = 0; a < g.length; a++) {
            for (int c = 0; c < g.length; c++) {
                s += g[a] * v[a][c] * g[c];
            }
        }
        return s;
    }

    /** The models fitted to one dataset, in Rcapture's order. This class is immutable. */
    public static final class ModelTable {
        private final List<Result> rows;
        private final long observed;
        private final int occasions;

        ModelTable(List<Result> rows, long observed, int occasions) {
            this.rows = Collections.unmodifiableList(rows);
            this.observed = observed;
            this.occasions = occasions;
        }

        /** @return the rows, in Rcapture's order */
        public List<Result> getRows() {
            return rows;
        }

        /**
         * @param model a model
         * @return its row
         * @throws PrevalenceException if the model is not in the table (e.g. Mh with 2 lists)
         */
        public Result get(ClosedModel model) {
            for (Result r : rows) {
                if (r.getModel() == model) {
                    return r;
                }
            }
            throw PrevalenceException.invalidArgument("model '" + model.shortName() + "'",
                    "Model %s is not in this table (%d occasions)", model.shortName(), occasions);
        }

        /** @return the number of units observed */
        public long getObserved() {
            return observed;
        }

        /** @return the number of capture occasions (lists) */
        public int getOccasions() {
            return occasions;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "Closed-population models (Rcapture closedp.t), n = %s, %d occasions%n", Format.count(observed),
                    occasions));
            sb.append(String.format(Locale.ROOT, "%-16s %12s %10s %12s %4s %12s %12s  %s%n", "model", "abundance",
                    "stderr", "deviance", "df", "AIC", "BIC", "status"));
            for (Result r : rows) {
                sb.append(r.toRow()).append(System.lineSeparator());
            }
            return sb.toString().stripTrailing();
        }
    }

    /** One fitted closed-population model. This class is immutable. */
    public static final class Result implements org.prevalence.mse.PopulationEstimate {
        private final ClosedModel model;
        private final String label;
        private final long observed;
        private final int occasions;
        private final FitStatus status;
        private final List<String> lists;
        private final List<String> messages;
        private final int infoFit;
        private final double estimate;
        private final double standardError;
        private final double deviance;
        private final int df;
        private final double aic;
        private final double bic;
        private final double bias;
        private final Map<String, Double> coefficients;
        private final List<String> etasSetToZero;
        private final Interval interval;
        private final double multinomialEstimate;
        private final String intervalMessage;

        Result(ClosedModel model, String label, long observed, int occasions, FitStatus status, List<String> messages,
                int infoFit, double estimate, double standardError, double deviance, int df, double aic, double bic,
                double bias, Map<String, Double> coefficients, List<String> etasSetToZero, Interval interval,
                double multinomialEstimate, String intervalMessage) {
            this.model = model;
            this.label = label;
            this.observed = observed;
            this.occasions = occasions;
            this.status = status;
            this.messages = Collections.unmodifiableList(new ArrayList<>(messages));
            this.infoFit = infoFit;
            this.estimate = estimate;
            this.standardError = standardError;
            this.deviance = deviance;
            this.df = df;
            this.aic = aic;
            this.bic = bic;
            this.bias = bias;
            this.coefficients = Collections.unmodifiableMap(coefficients);
            this.etasSetToZero = etasSetToZero;
            this.interval = interval;
            this.multinomialEstimate = multinomialEstimate;
            this.intervalMessage = intervalMessage;
            List<String> occ = new ArrayList<>();
            for (int i = 1; i <= occasions; i++) {
                occ.add("occasion " + i);
            }
            this.lists = List.copyOf(occ);
        }

        private Result(Result r, List<String> lists) {
            this.model = r.model;
            this.label = r.label;
            this.observed = r.observed;
            this.occasions = r.occasions;
            this.status = r.status;
            this.messages = r.messages;
            this.infoFit = r.infoFit;
            this.estimate = r.estimate;
            this.standardError = r.standardError;
            this.deviance = r.deviance;
            this.df = r.df;
            this.aic = r.aic;
            this.bic = r.bic;
            this.bias = r.bias;
            this.coefficients = r.coefficients;
            this.etasSetToZero = r.etasSetToZero;
            this.interval = r.interval;
            this.multinomialEstimate = r.multinomialEstimate;
            this.intervalMessage = r.intervalMessage;
            this.lists = List.copyOf(lists);
        }

        /** @return a copy naming the lists (the capture occasions) */
        Result withLists(List<String> names) {
            return new Result(this, names);
        }

        static Result notFitted(ClosedModel m, String label, long n, int t, String why) {
            return new Result(m, label, n, t, FitStatus.NOT_FITTED, List.of(why), -1, Double.NaN, Double.NaN, Double.NaN,
                    -1, Double.NaN, Double.NaN, Double.NaN, new LinkedHashMap<>(), List.of(), null, Double.NaN, null);
        }

        /** @return the model */
        public ClosedModel getModel() {
            return model;
        }

        /** @return Rcapture's row name, e.g. {@code "Mh Chao (LB)"}, {@code "Mth Gamma3.5"} */
        public String getLabel() {
            return label;
        }

        /** @return the number of units observed, \( n \) */
        public long getObserved() {
            return observed;
        }

        /** @return the number of capture occasions */
        public int getOccasions() {
            return occasions;
        }

        /** @return the state of the fit, in Rcapture's terms (see {@link #getStatus()} for the reported status) */
        public FitStatus getFitStatus() {
            return status;
        }

        /** @return Rcapture's row name (the method of the list-family vocabulary) */
        @Override
        public String getMethod() {
            return label;
        }

        /** @return the list names (the capture occasions), or {@code "occasion i"} for capture frequencies */
        @Override
        public List<String> getLists() {
            return lists;
        }

        /** @return the profile interval if computed, else {@code null} */
        @Override
        public Interval getConfidenceInterval() {
            return interval;
        }

        /** @return Rcapture's row name */
        @Override
        public String getModelName() {
            return label;
        }

        /**
         * The reported status: {@link org.prevalence.core.Status#UNBOUNDED} when no unit is on two lists,
         * {@link org.prevalence.core.Status#NOT_ESTIMATED} for other models that give no estimate or were not
         * fitted, {@link org.prevalence.core.Status#DEGENERATE} by the rule of
         * {@link org.prevalence.mse.PopulationChecks#degeneracy} (N equal to the observed count, a standard error
         * below 0.01), {@link org.prevalence.core.Status#WARNING} with any fit message, else OK.
         * @return the status
         */
        @Override
        public org.prevalence.core.Status getStatus() {
            if (!isEstimable()) {
                return !messages.isEmpty() && messages.get(0).contains("no recapture")
                        ? org.prevalence.core.Status.UNBOUNDED : org.prevalence.core.Status.NOT_ESTIMATED;
            }
            return org.prevalence.mse.PopulationChecks.status(getWarnings());
        }

        /** @return the messages as structured warnings (the reason first when there is no estimate) */
        @Override
        public List<org.prevalence.core.Warning> getWarnings() {
            List<org.prevalence.core.Warning> w = new ArrayList<>();
            if (isEstimable()) {
                org.prevalence.core.Warning d = org.prevalence.mse.PopulationChecks.degeneracy(estimate, observed,
                        standardError, interval);
                if (d != null) {
                    w.add(d);
                }
            }
            for (String m : messages) {
                w.add(model.isBehavioural() && m.equals(noOrderMessage(model))
                        ? org.prevalence.core.Warning.of(kindOf(m), m, "needs the capture order")
                        : org.prevalence.core.Warning.of(kindOf(m), m));
            }
            if (!etasSetToZero.isEmpty()) {
                w.add(org.prevalence.core.Warning.of(org.prevalence.core.Warning.Kind.BOUNDARY,
                        "negative eta parameters set to 0, as Rcapture's neg = TRUE: " + String.join(", ", etasSetToZero)));
            }
            return List.copyOf(w);
        }

        private org.prevalence.core.Warning.Kind kindOf(String m) {
            if (m.contains("no recapture")) {
                return org.prevalence.core.Warning.Kind.NO_OVERLAP;
            }
            if (status == FitStatus.NOT_FITTED) {
                return m.contains("failed") ? org.prevalence.core.Warning.Kind.NOT_CONVERGED
                        : org.prevalence.core.Warning.Kind.DATA;
            }
            if (m.contains("bias")) {
                return org.prevalence.core.Warning.Kind.IMPLAUSIBLE;
            }
            if (m.contains("converge")) {
                return org.prevalence.core.Warning.Kind.NOT_CONVERGED;
            }
            return org.prevalence.core.Warning.Kind.BOUNDARY;
        }

        /** @return the conditions in words, the reason first when not estimable or not fitted; empty when OK */
        public List<String> getMessages() {
            return messages;
        }

        /**
         * @return {@code "ok"}, or the status followed by the messages, e.g.
         *     {@code "warning: the asymptotic bias is large: ..."}, {@code "not estimable: ..."}, and a note naming the
         *     Chao eta parameters set to 0 if any
         */
        public String getStatusText() {
            String head = status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            String text = messages.isEmpty() ? head : head + ": " + String.join("; ", messages);
            if (!etasSetToZero.isEmpty()) {
                text += " (negative eta parameters set to 0, as Rcapture's neg = TRUE: " + String.join(", ", etasSetToZero)
                        + ")";
            }
            return text;
        }

        /**
         * @return Rcapture's {@code infoFit} for the same fit: 0 none, 1 large asymptotic bias (or non-convergence),
         *     2 design not of full rank, 3 other glm warnings, digits concatenated; -1 not fitted
         */
        public int getInfoFitCode() {
            return infoFit;
        }

        /** @return whether there is an estimate (status OK or WARNING) */
        public boolean isEstimable() {
            return status == FitStatus.OK || status == FitStatus.WARNING;
        }

        /** @return the abundance estimate \( \hat N \) (observed plus unobserved), NaN if the model gives none */
        @Override
        public double getEstimate() {
            return isEstimable() ? estimate : Double.NaN;
        }

        /** @return whether a standard error is available */
        public boolean hasStandardError() {
            return isEstimable() && standardError >= 0;
        }

        /** @return the delta-method standard error, NaN if there is none */
        @Override
        public double getStandardError() {
            return hasStandardError() ? standardError : Double.NaN;
        }

        /** @return whether the model was fitted (deviance, df, AIC, BIC available) */
        public boolean isFitted() {
            return status != FitStatus.NOT_FITTED;
        }

        /** @return the residual deviance (NaN if not fitted) */
        public double getDeviance() {
            return deviance;
        }

        /** @return the residual degrees of freedom (-1 if not fitted) */
        public int getDf() {
            return df;
        }

        /** @return the AIC, as R {@code glm} (NaN if not fitted) */
        public double getAic() {
            return aic;
        }

        /** @return the BIC, \( \mathrm{AIC} + (\log n - 2) r \) (NaN if not fitted) */
        public double getBic() {
            return bic;
        }

        /** @return Rcapture's asymptotic bias of \( \hat N \) (NaN if not computed) */
        public double getAsymptoticBias() {
            return bias;
        }

        /** @return the fitted coefficients by column name (eta parameters set to 0 are absent) */
        public Map<String, Double> getCoefficients() {
            return coefficients;
        }

        /** @return the Chao eta parameters set to 0 because they were negative (Rcapture {@code neg = TRUE}) */
        public List<String> getEtasSetToZero() {
            return etasSetToZero;
        }

        /** @return the multinomial profile-likelihood interval, if computed and found */
        public java.util.Optional<Interval> getInterval() {
            return java.util.Optional.ofNullable(interval);
        }

        /** @return the multinomial maximum-likelihood estimate (the profile's maximum; NaN if not computed) */
        public double getMultinomialEstimate() {
            return multinomialEstimate;
        }

        /** @return a note on the interval (a limit set to n, an upper limit not found, why none), or null */
        public String getIntervalMessage() {
            return intervalMessage;
        }

        String toRow() {
            return String.format(Locale.ROOT, "%-16s %12s %10s %12s %4s %12s %12s  %s", label,
                    isEstimable() ? Format.number(estimate) : "-", hasStandardError() ? Format.number(standardError) : "-",
                    isFitted() ? Format.number(deviance) : "-", isFitted() ? Integer.toString(df) : "-",
                    isFitted() ? Format.number(aic) : "-", isFitted() ? Format.number(bic) : "-", getStatusText());
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "ClosedPopulationModels.Result[%s: ", label));
            if (isEstimable()) {
                sb.append("N=").append(Format.number(estimate));
                if (hasStandardError()) {
                    sb.append(", SE=").append(Format.number(standardError));
                }
            } else {
                sb.append("no estimate");
            }
            if (interval != null) {
                sb.append(", ").append(interval);
            }
            if (isFitted()) {
                sb.append(String.format(Locale.ROOT, "; deviance=%s, df=%d, AIC=%s, BIC=%s", Format.number(deviance), df,
                        Format.number(aic), Format.number(bic)));
            }
            sb.append("; ").append(getStatusText());
            if (intervalMessage != null) {
                sb.append("; interval: ").append(intervalMessage);
            }
            return sb.append(']').toString();
        }
    }
}
