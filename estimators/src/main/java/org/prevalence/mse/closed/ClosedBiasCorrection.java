package org.prevalence.mse.closed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.prevalence.core.Checks;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.mse.PoissonRegression;

/**
 * Small-sample bias-corrected abundance estimators for M0, Mt, Mh and Mth, as {@code Rcapture::closedp.bc}
 * (Rivest &amp; Lévesque 2001).
 * <ul>
 * <li>M0 and Mh (Poisson, Darroch, Gamma): the Poisson model on the capture frequencies \( f_k \) (offset
 * \( \log\binom tk \)) refitted to adjusted frequencies \( \max(0, f_k + \delta_k) \), \( \delta = (-\tfrac12, 1, 0) \)
 * for M0 and \( (-\tfrac{1+c}2, 1+c, \tfrac{1-c}2) \), \( c = \frac{h(2)-2h(1)}{h(3)-2h(2)+h(1)} \), for Mh on
 * \( k = 1, 2, 3 \); \( \hat N = n + e^{\hat\beta_0} \).</li>
 * <li>Mh Chao: the closed form
 * <p>\[ \hat N = n + \frac{(t-1) f_1 (f_1 - 1)}{2t(f_2 + 1)} \]
 * <p>with Rcapture's variance.</li>
 * <li>Mt: Darroch's equation \( \prod_j (1 - \tilde n_j/\tilde N) = 1 - \tilde n/\tilde N \) with
 * \( \tilde n_j = n_j + \frac{t+2}{2t} \), \( \tilde n = n + t/2 \), \( \hat N = \tilde N - t/2 \) (Seber 1982,
 * p. 131); with 2 occasions, Chapman's estimator with Seber's variance.</li>
 * <li>Mth (Chao, Poisson with \( \theta = 2 \), Darroch): the Mth log-linear model refitted to capture histories
 * adjusted by \( \delta \) according to their number of captures (Rcapture's constants).</li>
 * </ul>
 *
 * <p>References: <ol>
 * <li>Rivest, L.-P. and Lévesque, T. (2001). Improved log-linear model estimators of abundance in capture-recapture
 * experiments. Canadian Journal of Statistics 29(4), 555-572.</li>
 * <li>Seber, G.A.F. (1982). The Estimation of Animal Abundance, 2nd ed. Griffin, London.</li>
 * <li>Baillargeon, S. and Rivest, L.-P. (2007). Rcapture: loglinear models for capture-recapture in R. Journal of
 * Statistical Software 19(5). doi:10.18637/jss.v019.i05</li></ol>
 */
public final class ClosedBiasCorrection {
    private static final ClosedBiasCorrection DEFAULT = new ClosedBiasCorrection(2.0, 3.5,
            ClosedPopulationModels.NegativeEta.SET_TO_ZERO);

    private final double poissonTheta;
    private final double gammaTheta;
    private final ClosedPopulationModels.NegativeEta negativeEta;

    private ClosedBiasCorrection(double poissonTheta, double gammaTheta, ClosedPopulationModels.NegativeEta neg) {
        this.poissonTheta = poissonTheta;
        this.gammaTheta = gammaTheta;
        this.negativeEta = neg;
    }

    /**
     * Defaults as {@code closedp.bc}: Poisson \( \theta = 2 \), Gamma \( \theta = 3.5 \), negative Chao etas set to 0.
     * @return the default instance
     */
    public static ClosedBiasCorrection withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the Poisson \( \theta &gt; 1 \) (Mth Poisson is only corrected for \( \theta = 2 \))
     * @return a copy using it
     */
    public ClosedBiasCorrection withPoissonTheta(double v) {
        if (!(v > 1) || Double.isInfinite(v)) {
            throw PrevalenceException.invalidArgument("poissonTheta", "Poisson theta must be finite and > 1, got %s", v);
        }
        return new ClosedBiasCorrection(v, gammaTheta, negativeEta);
    }

    /**
     * @param v the Gamma \( \theta &gt; 0 \)
     * @return a copy using it
     */
    public ClosedBiasCorrection withGammaTheta(double v) {
        Checks.finite("gammaTheta", Checks.positive("gammaTheta", v));
        return new ClosedBiasCorrection(poissonTheta, v, negativeEta);
    }

    /**
     * @param v the treatment of negative Chao eta parameters (Mth Chao)
     * @return a copy using it
     */
    public ClosedBiasCorrection with(ClosedPopulationModels.NegativeEta v) {
        return new ClosedBiasCorrection(poissonTheta, gammaTheta, Objects.requireNonNull(v));
    }

    /**
     * @param table the list-overlap table (lists are the occasions)
     * @param model M0, Mt, an Mh model, or Mth Chao, Poisson or Darroch
     * @return the bias-corrected estimate
     * @throws PrevalenceException for Mb, Mbh, Mth Gamma, Mth Poisson with \( \theta \ne 2 \), or too few occasions
     *     (Mh and Mth need 3)
     */
    public Result estimate(ListOverlapTable table, ClosedModel model) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(model, "model");
        return fromTable(table, model).withLists(table.listNames());
    }

    private Result fromTable(ListOverlapTable table, ClosedModel model) {
        int t = table.listCount();
        check(model, t);
        if (model == ClosedModel.MT) {
            return mt(table);
        }
        if (!model.hasTimeEffects()) {
            return estimate(CaptureFrequencies.of(table), model);
        }
        // Mth: adjust the capture histories by their number of captures
        double[] del;
        switch (model.heterogeneity()) {
            case CHAO:
                del = new double[] {(t - 2) / (2.0 * t), 2.0 / (t * (t - 1.0)), 0};
                break;
            case POISSON:
                del = new double[] {(2.0 * t - 5) / (4.0 * t), 3.0 / (t * (t - 1.0)), 3.0 / (2.0 * t * (t - 1.0) * (t - 2))};
                break;
            default: // DARROCH
                del = new double[] {(t - 3) / (2.0 * t), 4.0 / (t * (t - 1.0)), 0};
                break;
        }
        ClosedDesign d = ClosedDesign.histories(table, model, poissonTheta, gammaTheta);
        return glmCorrected(d, del, model, "adjusted capture histories (Rivest and Levesque 2001)");
    }

    /**
     * @param frequencies the frequencies of the number of captures
     * @param model M0 or an Mh model
     * @return the bias-corrected estimate
     * @throws PrevalenceException for other models or too few occasions
     */
    public Result estimate(CaptureFrequencies frequencies, ClosedModel model) {
        Objects.requireNonNull(frequencies, "frequencies");
        Objects.requireNonNull(model, "model");
        int t = frequencies.occasions();
        if (model.hasTimeEffects() || model.isBehavioural()) {
            throw PrevalenceException.invalidArgument("model '" + model.shortName() + "'",
                    "The bias-corrected %s needs capture histories; frequencies support m0 and the mh models",
                    model.shortName());
        }
        check(model, t);
        long n = frequencies.observedTotal();
        if (model == ClosedModel.MH_CHAO) {
            // Rcapture closedp.bc, Mh Chao: n + (t-1) f1 (f1-1) / (2 t (f2+1))
            double f1 = frequencies.frequency(1);
            double f2 = frequencies.frequency(2);
            double f0 = (t - 1) * f1 * (f1 - 1) / (2.0 * t * (f2 + 1));
            double var = f0 + (t - 1.0) * (t - 1) * f1 * (f1 - 1) * (f1 * f1 + 4 * f1 * f2 + 3 * f1 - 6 * f2 - 6)
                    / (4.0 * t * t * (f2 + 1) * (f2 + 1) * (f2 + 2));
            return new Result(model, label(model), n, n + f0, var >= 0 ? Math.sqrt(var) : Double.NaN,
                    "closed form (bias-corrected Chao lower bound, Rcapture closedp.bc)", List.of(), List.of());
        }
        double[] del;
        if (model == ClosedModel.M0) {
            del = new double[] {-0.5, 1, 0};
        } else {
            ClosedModel.Heterogeneity h = model.heterogeneity();
            double h1 = ClosedDesign.h(h, 1, poissonTheta, gammaTheta);
            double h2 = ClosedDesign.h(h, 2, poissonTheta, gammaTheta);
            double h3 = ClosedDesign.h(h, 3, poissonTheta, gammaTheta);
            double c = (h2 - 2 * h1) / (h3 - 2 * h2 + h1);
            del = new double[] {-(1 + c) / 2, 1 + c, (1 - c) / 2};
        }
        ClosedDesign d = ClosedDesign.frequencies(frequencies, model, poissonTheta, gammaTheta);
        return glmCorrected(d, del, model, "adjusted capture frequencies (Rivest and Levesque 2001)");
    }

    private void check(ClosedModel model, int t) {
        if (model.isBehavioural()) {
            throw PrevalenceException.invalidArgument("model '" + model.shortName() + "'",
                    "No bias correction for %s here; it is available for m0, mt, the mh models and mth-chao, "
                            + "mth-poisson, mth-darroch", model.shortName());
        }
        if (model == ClosedModel.MTH_GAMMA) {
            throw PrevalenceException.invalidArgument("model 'mth-gamma'",
                    "No bias correction for Mth Gamma (as Rcapture's closedp.bc); use mth-chao, mth-poisson or "
                            + "mth-darroch");
        }
        if (model == ClosedModel.MTH_POISSON && poissonTheta != 2) {
            throw PrevalenceException.invalidArgument("model 'mth-poisson'",
                    "The Mth Poisson bias correction exists only for theta = 2, got %s", poissonTheta);
        }
        if (t < model.minimumOccasions()) {
            throw PrevalenceException.invalidArgument("model '" + model.shortName() + "'",
                    "The bias-corrected %s needs at least %d occasions, got %d", label(model),
                    model.minimumOccasions(), t);
        }
    }

    private String label(ClosedModel m) {
        return m.label(poissonTheta, gammaTheta);
    }

    private Result glmCorrected(ClosedDesign d, double[] del, ClosedModel model, String method) {
        double[] y = new double[d.rows];
        for (int i = 0; i < d.rows; i++) {
            int k = d.captures[i];
            double delta = k >= 1 && k <= 3 ? del[k - 1] : 0;
            y[i] = Math.max(0, d.y[i] + delta);
        }
        ClosedDesign adj = d.withResponse(y);
        PoissonRegression.Workspace ws = new PoissonRegression.Workspace(d.rows, d.columns);
        ClosedFitter.Outcome out = ClosedFitter.fit(adj, negativeEta == ClosedPopulationModels.NegativeEta.SET_TO_ZERO,
                PoissonRegression.withDefaults(), ws);
        if (out.error != null) {
            throw PrevalenceException.notConverged("model '" + model.shortName() + "'",
                    "The bias-corrected %s could not be fitted: %s", label(model), out.error);
        }
        double b0 = out.fit.getCoefficients()[0];
        double v00 = out.fit.getCovariance()[0][0];
        double unseen = Math.exp(b0); // Rcapture getN
        double est = d.observed + unseen;
        if (!(unseen < Double.POSITIVE_INFINITY)) {
            throw PrevalenceException.notEstimable("model '" + model.shortName() + "'",
                    "The bias-corrected %s gives no finite estimate", label(model));
        }
        double se = Math.sqrt(unseen + unseen * unseen * v00);
        return new Result(model, label(model), d.observed, est, se, method, out.warnings, out.removedEtas);
    }

    private Result mt(ListOverlapTable table) {
        int t = table.listCount();
        long n = table.observedTotal();
        long[] ni = table.marginalCounts();
        if (t == 2) {
            // Seber (1982) p. 60: Chapman with its variance
            double m2 = ni[0] + ni[1] - n;
            double est = (ni[0] + 1.0) * (ni[1] + 1) / (m2 + 1) - 1;
            double var = (ni[0] + 1.0) * (ni[1] + 1) * (ni[0] - m2) * (ni[1] - m2) / ((m2 + 2) * (m2 + 1) * (m2 + 1));
            return new Result(ClosedModel.MT, "Mt", n, est, Math.sqrt(var), "Chapman (Seber 1982, p. 60)", List.of(),
                    List.of());
        }
        double prelim = ClosedPopulationModels.withDefaults().estimate(CaptureFrequencies.of(table), ClosedModel.M0)
                .getEstimate();
        double[] nc = new double[t];
        for (int j = 0; j < t; j++) {
            nc[j] = ni[j] + (t + 2.0) / (2.0 * t);
        }
        double ncTot = n + t / 2.0;
        UnivariateFunction eqn = bigN -> {
            double p = 1;
            for (double v : nc) {
                p *= 1 - v / bigN;
            }
            return p - (1 - ncTot / bigN);
        };
        double lo = n;
        double hi = 2 * prelim;
        if (eqn.value(lo) * eqn.value(hi) > 0) {
            throw PrevalenceException.notEstimable("model 'mt'",
                    "The bias-corrected Mt equation has no root between n = %s and %s",
                    Format.count(n), Format.number(hi));
        }
        double root = new BrentSolver(1e-12, 1e-8).solve(1000, eqn, lo, hi);
        double s = 1 / (root - ncTot) + (t - 1) / root;
        for (double v : nc) {
            s -= 1 / (root - v);
        }
        return new Result(ClosedModel.MT, "Mt", n, root - t / 2.0, Math.sqrt(1 / s),
                "Darroch's equation with adjusted counts (Seber 1982, p. 131; Rivest and Levesque 2001)", List.of(),
                List.of());
    }

    /**
     * A bias-corrected estimate, with its status by {@link org.prevalence.mse.PopulationChecks}: DEGENERATE when
     * N equals the observed count or the standard error is below 0.01, WARNING with any fit message or Chao eta
     * parameter set to 0, else OK. This class is immutable.
     */
    public static final class Result implements org.prevalence.mse.PopulationEstimate {
        private final List<String> lists;
        private final ClosedModel model;
        private final String label;
        private final long observed;
        private final double estimate;
        private final double standardError;
        private final String method;
        private final List<String> messages;
        private final List<String> etasSetToZero;

        Result(ClosedModel model, String label, long observed, double estimate, double standardError, String method,
                List<String> messages, List<String> etasSetToZero) {
            this(model, label, observed, estimate, standardError, method, messages, etasSetToZero, List.of());
        }

        private Result(ClosedModel model, String label, long observed, double estimate, double standardError,
                String method, List<String> messages, List<String> etasSetToZero, List<String> lists) {
            this.lists = List.copyOf(lists);
            this.model = model;
            this.label = label;
            this.observed = observed;
            this.estimate = estimate;
            this.standardError = standardError;
            this.method = method;
            this.messages = Collections.unmodifiableList(new ArrayList<>(messages));
            this.etasSetToZero = etasSetToZero;
        }

        Result withLists(List<String> names) {
            return new Result(model, label, observed, estimate, standardError, method, messages, etasSetToZero, names);
        }

        /** @return the list names (empty for capture frequencies, which carry none) */
        @Override
        public List<String> getLists() {
            return lists;
        }

        /** @return no interval: Rcapture's {@code closedp.bc} gives none */
        @Override
        public Interval getConfidenceInterval() {
            return null;
        }

        /** @return Rcapture's model name */
        @Override
        public String getModelName() {
            return label;
        }

        /** @return the status (see the class description) */
        @Override
        public org.prevalence.core.Status getStatus() {
            return org.prevalence.mse.PopulationChecks.status(getWarnings());
        }

        /** @return degeneracy, fit messages, Chao etas set to 0 */
        @Override
        public List<org.prevalence.core.Warning> getWarnings() {
            List<org.prevalence.core.Warning> w = new ArrayList<>();
            org.prevalence.core.Warning d = org.prevalence.mse.PopulationChecks.degeneracy(estimate, observed,
                    standardError, null);
            if (d != null) {
                w.add(d);
            }
            for (String m : messages) {
                w.add(org.prevalence.core.Warning.of(org.prevalence.core.Warning.Kind.BOUNDARY, m));
            }
            if (!etasSetToZero.isEmpty()) {
                w.add(org.prevalence.core.Warning.of(org.prevalence.core.Warning.Kind.BOUNDARY,
                        "negative eta parameters set to 0, as Rcapture's neg = TRUE: " + String.join(", ", etasSetToZero)));
            }
            return List.copyOf(w);
        }

        /** @return the model */
        public ClosedModel getModel() {
            return model;
        }

        /** @return Rcapture's model name */
        public String getLabel() {
            return label;
        }

        /** @return the number of units observed */
        public long getObserved() {
            return observed;
        }

        /** @return the bias-corrected abundance \( \hat N \) */
        public double getEstimate() {
            return estimate;
        }

        /** @return the standard error (NaN only if the Mh Chao variance formula is negative, with tiny f1) */
        public double getStandardError() {
            return standardError;
        }

        /** @return how the estimate was computed */
        public String getMethod() {
            return method;
        }

        /** @return fit conditions (aliased columns, ...), empty if none */
        public List<String> getMessages() {
            return messages;
        }

        /** @return Chao eta parameters set to 0 (Mth Chao) */
        public List<String> getEtasSetToZero() {
            return etasSetToZero;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "ClosedBiasCorrection.Result[%s: N=%s, SE=%s; n=%s; %s%s]", label,
                    Format.number(estimate), Format.number(standardError), Format.count(observed), method,
                    messages.isEmpty() ? "" : "; " + String.join("; ", messages));
        }
    }
}
