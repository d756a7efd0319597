package org.prevalence.survey.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.engine.AggregationEngine;
import org.prevalence.core.engine.ColumnType;
import org.prevalence.core.engine.EngineErrors;
import org.prevalence.core.engine.GlmKind;
import org.prevalence.core.engine.GroupedSums;
import org.prevalence.core.engine.IrlsRequest;
import org.prevalence.core.engine.IrlsStep;
import org.prevalence.core.engine.SumRequest;
import org.prevalence.core.engine.Term;
import org.prevalence.survey.EngineSurvey;
import org.prevalence.survey.MissingValues;

/**
 * The survey GLM of {@link SurveyGlm} (R's {@code svyglm}) fitted where the data are: every IRLS
 * pass is one {@link AggregationEngine#irls} aggregation (\( A = X^\top W X \), the score
 * \( U \), or \( X^\top W z \) on the starting pass, and the deviance), and only those
 * \( p \times p \) sums leave the engine; the steps are solved in Java. The fit follows
 * {@code Irls} (McCullagh and Nelder 1989, section 2.5): R's weighted least squares from its
 * starting means, then \( \beta \leftarrow \beta + A^{-1} U \) until
 * \( \Delta\beta^\top A \Delta\beta / (|D| + 0.1) &lt; 10^{-24} \), halving a step whose deviance
 * rises, so the coefficients equal the in-JVM ones to rounding.
 *
 * <p>Variance: with linearization, the sandwich of Binder (1983) from one more pass that gives the
 * score totals \( U_h \) of every PSU; the PSU totals of the influence values are
 * \( A^{-1} U_h \), and their covariance is the in-JVM linearization on a one-row-per-PSU design
 * ({@link EngineSurvey#psuDesign}). With supplied replicate weights, the model is refitted with each
 * replicate's weights from the full-sample coefficients (R's {@code svyglm.svyrep.design}), R passes
 * of a few steps each, and the variance is the replicate covariance of the coefficients. Degrees of
 * freedom, naive covariance and deviance (weights rescaled to mean 1) are as {@link SurveyGlm}.
 *
 * <p>On an engine the model's columns must be numeric: main effects of numeric columns (no factors,
 * no interactions), at most one offset (not {@code log()}), and the canonical link of the family
 * (gaussian identity, binomial logit, poisson log). Everything else is refused naming the term or
 * option, with {@code --engine memory} as the remedy. Perfect separation of a binomial fit is not
 * detected on an engine (it needs every fitted value); such a fit stops with "did not converge".
 *
 * <p>References: <ol><li>Binder, D.A. (1983). On the variances of asymptotically normal estimators
 * from complex surveys. International Statistical Review 51, 279-292.</li>
 * <li>McCullagh, P., Nelder, J.A. (1989). Generalized Linear Models, 2nd ed. Chapman and Hall.</li></ol>
 *
 * <p>This class is immutable.
 */
public final class EngineGlm {
    private static final EngineGlm DEFAULT = new EngineGlm(GlmFamily.GAUSSIAN, null, 100);
    private static final double PIVOT_TOL = 1e-10;

    private final GlmFamily family;
    private final GlmLink link;
    private final int maxIterations;

    private EngineGlm(GlmFamily family, GlmLink link, int maxIterations) {
        this.family = family;
        this.link = link;
        this.maxIterations = maxIterations;
    }

    /**
     * Defaults: {@link GlmFamily#GAUSSIAN} with its canonical link, at most 100 iterations; the
     * missing-value rule and the confidence level are those of the {@link EngineSurvey}.
     * @return the default estimator
     */
    public static EngineGlm withDefaults() {
        return DEFAULT;
    }

    /** @param v the family @return a new estimator */
    public EngineGlm with(GlmFamily v) {
        return new EngineGlm(Objects.requireNonNull(v, "family"), link, maxIterations);
    }

    /** @param v the link (only the family's canonical link is computed on an engine) @return a new estimator */
    public EngineGlm with(GlmLink v) {
        return new EngineGlm(family, Objects.requireNonNull(v, "link"), maxIterations);
    }

    /** @param v maximum IRLS iterations, at least 1 @return a new estimator */
    public EngineGlm withMaxIterations(int v) {
        if (v < 1) {
            throw PrevalenceException.invalidArgument("maxIterations", "need at least 1 iteration, got %d", v);
        }
        return new EngineGlm(family, link, v);
    }

    /** A fitted model with the design's figures. This class is immutable. */
    public static final class Result {
        private final SurveyGlm.Result model;
        private final EngineSurvey.Result design;

        Result(SurveyGlm.Result model, EngineSurvey.Result design) {
            this.model = model;
            this.design = design;
        }

        /**
         * @return the model, as {@link SurveyGlm#fit} gives it (coefficients, covariances, tests of
         *     each term); it has no in-JVM design ({@code getDesign()} is null), so refits and
         *     predictions need {@code --engine memory}
         */
        public SurveyGlm.Result getModel() {
            return model;
        }

        /** @return the design's figures (rows, strata, PSUs, weight sum, variance method) */
        public EngineSurvey.Result getDesign() {
            return design;
        }

        @Override
        public String toString() {
            return design + System.lineSeparator() + model;
        }
    }

    /** A converged fit: coefficients, A^-1 at the last pass, deviance, iterations. */
    private static final class Fit {
        final double[] beta;
        final double[][] ainv;
        final double deviance;
        final int iterations;

        Fit(double[] beta, double[][] ainv, double deviance, int iterations) {
            this.beta = beta;
            this.ainv = ainv;
            this.deviance = deviance;
            this.iterations = iterations;
        }
    }

    /**
     * @param engine the data
     * @param design the design (weights, strata, clusters or replicate weights, missing values, level)
     * @param formula e.g. {@code "employed ~ AGEP + income"} (numeric main effects only)
     * @return the fitted model
     */
    public Result fit(AggregationEngine engine, EngineSurvey design, String formula) {
        return fit(engine, design, Formula.parse(formula));
    }

    /**
     * @param engine the data
     * @param design the design
     * @param formula the parsed formula
     * @return the fitted model
     */
    public Result fit(AggregationEngine engine, EngineSurvey design, Formula formula) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(formula, "formula");
        GlmLink lk = link == null ? family.defaultLink() : link;
        GlmKind kind = kind(lk);
        EngineSurvey.Result figures = design.describe(engine);
        IrlsRequest req = request(engine, design.getWeights(), formula, kind);
        int p = req.parameters();
        List<String> modelCols = new ArrayList<>(req.modelColumns());
        checkResponse(engine, req.response(), formula.response());
        // the sampling weight over the complete rows: the rows used and R's mean-1 rescaling
        GroupedSums ws = engine.sums(new SumRequest(List.of(), List.of(req.weight()), List.of(Term.one()), modelCols));
        long used = ws.groups().isEmpty() ? 0 : ws.groups().get(0).rows();
        long dropped = ws.groups().isEmpty() ? engine.rows() : ws.groups().get(0).missing();
        if (dropped > 0 && design.getMissingValues() == MissingValues.FAIL) {
            throw EngineSurvey.missingValues(engine, modelCols, dropped, "");
        }
        if (used < p) {
            throw PrevalenceException.notEstimable("model", "the model has %d coefficients but only %d rows", p, used);
        }
        double meanW = ws.groups().get(0).sum(0, 0, 1) / used;
        String[] names = names(req);
        Fit fit = fit(engine, req, null, names, "the model");
        double[][] cov;
        int df;
        if (design.getReplicateWeights() == null) {
            EngineSurvey.PsuDesign psus = design.psuDesign(engine);
            IrlsStep last = engine.irls(new IrlsRequest(req.covariates(), req.intercept(), req.response(),
                    req.offset(), req.weight(), kind, fit.beta, psus.columns()));
            Map<List<String>, double[]> totals = new LinkedHashMap<>();
            for (Map.Entry<List<String>, double[]> g : last.groupScores().entrySet()) {
                totals.put(g.getKey(), times(fit.ainv, g.getValue())); // PSU total of A^-1 x_i s_i
            }
            cov = psus.covariance(totals, p);
            df = psus.degreesOfFreedom(dropped > 0 ? totals.keySet() : null);
        } else {
            List<String> cols = design.getReplicateWeights().columns();
            GroupedSums rc = engine.sums(new SumRequest(List.of(), cols, List.of(), List.of()));
            for (GroupedSums.WeightCheck c : rc.weightChecks()) {
                if (c.missing() > 0 || !(c.min() >= 0) || c.max() == Double.POSITIVE_INFINITY) {
                    throw PrevalenceException.invalidData("column '" + c.column() + "'", "column '%s': every replicate "
                            + "weight must be a finite number >= 0 (smallest %s, largest %s, %d missing)", c.column(),
                            c.min(), c.max(), c.missing());
                }
            }
            double[][] theta = new double[cols.size()][];
            for (int r = 0; r < cols.size(); r++) {
                IrlsRequest rr = new IrlsRequest(req.covariates(), req.intercept(), req.response(), req.offset(),
                        cols.get(r), kind, null, List.of());
                theta[r] = fit(engine, rr, fit.beta, names, "replicate " + (r + 1)).beta;
            }
            cov = design.replicateCovariance(theta, fit.beta);
            df = design.replicateDegreesOfFreedom(engine, dropped > 0 ? modelCols : List.of());
        }
        df = df + 1 - p;
        double[][] naive = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                naive[a][b] = fit.ainv[a][b] * meanW; // R's naive.cov with weights rescaled to mean 1
            }
        }
        int[] assign = new int[p];
        for (int j = 0; j < p; j++) {
            assign[j] = req.intercept() ? j - 1 : j;
        }
        SurveyGlm.Result model = new SurveyGlm.Result(formula, family, lk, names, assign, fit.beta, cov, naive, df,
                design.getConfidenceLevel(), fit.deviance / meanW, fit.iterations, used, dropped,
                figures.getVarianceMethod());
        model.levels = Map.of();
        return new Result(model, figures);
    }

    private GlmKind kind(GlmLink lk) {
        if (!family.allows(lk)) {
            throw PrevalenceException.invalidArgument("link", "the %s family does not take the %s link here",
                    family.label(), lk.label());
        }
        if (family == GlmFamily.GAUSSIAN && lk == GlmLink.IDENTITY) {
            return GlmKind.GAUSSIAN_IDENTITY;
        }
        if (family.isBinomial() && lk == GlmLink.LOGIT) {
            return GlmKind.BINOMIAL_LOGIT;
        }
        if ((family == GlmFamily.POISSON || family == GlmFamily.QUASIPOISSON) && lk == GlmLink.LOG) {
            return GlmKind.POISSON_LOG;
        }
        throw PrevalenceException.invalidArgument("--link", "the %s link of the %s family is not computed on an "
                + "aggregation engine (only each family's canonical link); use --engine memory", lk.label(),
                family.label());
    }

    /** The engine request of a formula of numeric main effects, refusing what an engine cannot fit. */
    private static IrlsRequest request(AggregationEngine e, String weight, Formula f, GlmKind kind) {
        List<String> covariates = new ArrayList<>();
        for (List<String> term : f.terms()) {
            String label = String.join(":", term);
            if (term.size() != 1) {
                throw PrevalenceException.invalidArgument("term '" + label + "'", "the interaction '%s' is not "
                        + "computed on an aggregation engine; add its product as a column, or use --engine memory", label);
            }
            String c = term.get(0);
            ColumnType t = EngineErrors.requireColumn(c, e.columns());
            if (t != ColumnType.NUMBER) {
                throw PrevalenceException.invalidArgument("term '" + c + "'", "the term '%s' is a %s column; on an "
                        + "aggregation engine the covariates must be numeric (a factor's dummy columns are made "
                        + "with --engine memory)", c, t == ColumnType.TEXT ? "text" : "logical");
            }
            if (!covariates.contains(c)) {
                covariates.add(c);
            }
        }
        String offset = null;
        if (f.offsets().size() > 1) {
            throw PrevalenceException.invalidArgument("offset", "an aggregation engine takes one offset term, the "
                    + "formula has %d; add them into one column, or use --engine memory", f.offsets().size());
        }
        if (!f.offsets().isEmpty()) {
            Formula.Offset o = f.offsets().get(0);
            if (o.log()) {
                throw PrevalenceException.invalidArgument("offset(log(" + o.column() + "))", "offset(log(%s)) is not "
                        + "computed on an aggregation engine; give the log as a column, or use --engine memory",
                        o.column());
            }
            if (EngineErrors.requireColumn(o.column(), e.columns()) != ColumnType.NUMBER) {
                throw EngineErrors.notNumeric(o.column(), "offset");
            }
            offset = o.column();
        }
        ColumnType rt = EngineErrors.requireColumn(f.response(), e.columns());
        if (rt == ColumnType.TEXT || (rt == ColumnType.LOGICAL && kind != GlmKind.BINOMIAL_LOGIT)) {
            throw PrevalenceException.invalidArgument("column '" + f.response() + "'", "the response '%s' is a %s "
                    + "column; on an aggregation engine it must be numeric (0/1 or a logical for a binomial model)",
                    f.response(), rt == ColumnType.TEXT ? "text" : "logical");
        }
        if (EngineErrors.requireColumn(weight, e.columns()) == ColumnType.TEXT) {
            throw EngineErrors.notNumeric(weight, "weight");
        }
        return new IrlsRequest(covariates, f.intercept(), f.response(), offset, weight, kind, null, List.of());
    }

    private static String[] names(IrlsRequest req) {
        List<String> n = new ArrayList<>();
        if (req.intercept()) {
            n.add("(Intercept)");
        }
        n.addAll(req.covariates());
        return n.toArray(new String[0]);
    }

    /** Refuses a binomial response outside [0, 1] and a Poisson response below 0. */
    private void checkResponse(AggregationEngine e, String y, String label) {
        if (family == GlmFamily.GAUSSIAN) {
            return;
        }
        GroupedSums.WeightCheck c = e.sums(new SumRequest(List.of(), List.of(y), List.of(), List.of()))
                .weightChecks().get(0);
        if (family.isBinomial() && (c.min() < 0 || c.max() > 1)) {
            throw PrevalenceException.invalidData("column '" + label + "'", "column '%s': a binomial response must be "
                    + "in [0, 1] (0/1 or a proportion); its values run from %s to %s", label, c.min(), c.max());
        }
        if (!family.isBinomial() && c.min() < 0) {
            throw PrevalenceException.invalidData("column '" + label + "'", "column '%s': a %s response must be >= 0; "
                    + "its smallest value is %s", label, family.label(), c.min());
        }
    }

    /** Fisher scoring as {@code Irls.fit}, one engine pass per step. */
    private Fit fit(AggregationEngine e, IrlsRequest req, double[] start, String[] names, String what) {
        int p = req.parameters();
        double[] beta;
        if (start == null) {
            IrlsStep first = e.irls(req);
            beta = new Solver(first.xtwx(), names, what).solve(first.score());
        } else {
            beta = start.clone();
        }
        IrlsStep s = e.irls(req.at(beta));
        for (int it = 1; it <= maxIterations; it++) {
            double[][] a = s.xtwx();
            Solver solver = new Solver(a, names, what);
            double[] step = solver.solve(s.score());
            double q = 0; // step' A step
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < p; k++) {
                    q += a[j][k] * step[j] * step[k];
                }
            }
            double[] next = new double[p];
            for (int j = 0; j < p; j++) {
                next[j] = beta[j] + step[j];
            }
            if (q / (Math.abs(s.deviance()) + 0.1) < Irls.STEP_TOL) {
                // the last step is negligible: A (and the deviance) at beta serve for beta + step
                return new Fit(next, solver.inverse(), s.deviance(), it);
            }
            IrlsStep s1 = e.irls(req.at(next));
            int halvings = 0;
            while (!Double.isFinite(s1.deviance())
                    || s1.deviance() > s.deviance() + 1e-9 * Math.abs(s.deviance()) + 1e-12) {
                if (++halvings > 30) {
                    throw PrevalenceException.notConverged(what, "%s: the fit cannot reduce the deviance (step halving "
                            + "failed at iteration %d)", what, it);
                }
                for (int j = 0; j < p; j++) {
                    step[j] /= 2;
                    next[j] = beta[j] + step[j];
                }
                s1 = e.irls(req.at(next));
            }
            beta = next;
            s = s1;
        }
        throw PrevalenceException.notConverged(what, "%s did not converge in %d iterations (deviance %s); the data "
                + "may be separated or the model too large for the data", what, maxIterations, s.deviance());
    }

    private static double[] times(double[][] m, double[] v) {
        double[] out = new double[v.length];
        for (int a = 0; a < v.length; a++) {
            double s = 0;
            for (int b = 0; b < v.length; b++) {
                s += m[a][b] * v[b];
            }
            out[a] = s;
        }
        return out;
    }

    /**
     * A solver for \( A \) by the Cholesky factorization of \( D A D \),
     * \( D = \mathrm{diag}(A)^{-1/2} \), refusing a column whose pivot falls below 1e-10
     * (collinear with the columns before it), the rule of {@code Irls}.
     */
    private static final class Solver {
        private final double[] sc;
        private final DecompositionSolver chol;

        Solver(double[][] a, String[] names, String what) {
            int p = a.length;
            sc = new double[p];
            for (int j = 0; j < p; j++) {
                if (!(a[j][j] > 0)) {
                    throw collinear(names[j], what);
                }
                sc[j] = 1 / Math.sqrt(a[j][j]);
            }
            double[][] s = new double[p][p];
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < p; k++) {
                    s[j][k] = a[j][k] * sc[j] * sc[k];
                }
            }
            try {
                chol = new CholeskyDecomposition(new Array2DRowRealMatrix(s, false), 1e-8, PIVOT_TOL).getSolver();
            } catch (NonPositiveDefiniteMatrixException ex) {
                throw collinear(names[ex.getRow()], what);
            }
        }

        double[] solve(double[] b) {
            double[] x = new double[b.length];
            for (int j = 0; j < b.length; j++) {
                x[j] = b[j] * sc[j];
            }
            x = chol.solve(new ArrayRealVector(x, false)).toArray();
            for (int j = 0; j < b.length; j++) {
                x[j] *= sc[j];
            }
            return x;
        }

        double[][] inverse() {
            double[][] inv = chol.getInverse().getData();
            for (int j = 0; j < inv.length; j++) {
                for (int k = 0; k < inv.length; k++) {
                    inv[j][k] *= sc[j] * sc[k];
                }
            }
            return inv;
        }

        private static PrevalenceException collinear(String name, String what) {
            return PrevalenceException.notEstimable("term '" + name + "'", "the column '%s' of %s is collinear with "
                    + "the columns before it (or zero); R would report its coefficient as NA; drop the term", name, what);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EngineGlm[%s(%s), max %d iterations]", family.label(),
                (link == null ? family.defaultLink() : link).label(), maxIterations);
    }
}
