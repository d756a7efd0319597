package org.prevalence.mse.covariate;

import java.util.ArrayList;
import java.util.List;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Status;
import org.prevalence.core.Warning;
import org.prevalence.mse.Existence;
import org.prevalence.mse.PoissonRegression;

/**
 * Fits models of one {@link ModelDesign} by {@link PoissonRegression} (R's {@code glm.fit}) on the cells
 * in the likelihood, and predicts every other cell. Holds its buffers: not thread-safe, one per thread.
 */
final class Fitter {
    /** R's "fitted rates numerically 0": {@code 10 * .Machine$double.eps}. */
    private static final double ZERO_FITTED = 10 * Math.ulp(1.0);
    private final ModelDesign design;
    private final PoissonRegression glm = PoissonRegression.withDefaults();
    private final double[] y;
    private final int[] rows;
    private PoissonRegression.Workspace ws;
    private NormalFitter normal;
    private List<Term> currentTerms = List.of();
    private double[] x = new double[0];
    private double[] predX = new double[0];

    Fitter(ModelDesign design) {
        this.design = design;
        rows = design.fitRows();
        y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = design.table().count(rows[i]);
        }
    }

    Fitter(ModelDesign design, long[] counts) {
        this.design = design;
        rows = design.fitRows();
        y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = counts[rows[i]];
        }
    }

    /** @return the fit, or null if IRLS did not converge */
    PoissonRegression.Fit glmFit(List<Term> terms) {
        int n = rows.length;
        int p = design.width(terms);
        if (x.length < n * p) {
            x = new double[n * p];
            ws = new PoissonRegression.Workspace(n, p);
        }
        design.fill(terms, rows, x);
        try {
            return glm.fit(x, n, p, design.columnNames(terms), y, null, null, ws);
        } catch (PrevalenceException e) {
            return null;
        }
    }

    /** @return the full fit with every cell predicted; NOT_ESTIMATED if IRLS did not converge */
    CovariateFit fit(List<Term> terms) {
        currentTerms = terms;
        CovariateTable table = design.table();
        List<String> vars = table.variables();
        List<String> names = new ArrayList<>();
        for (Term t : terms) {
            names.add(t.name(vars));
        }
        if (normal == null) {
            normal = new NormalFitter(design);
            normal.counts(y);
        }
        double[] fitted = CovariateFit.nanArray(table.cells());
        if (normal.fitGlm(terms)) {
            String[] cn = design.columnNames(terms);
            List<String> aliased = new ArrayList<>();
            for (int j = 0; j < cn.length; j++) {
                if (normal.isAliased(j)) {
                    aliased.add(cn[j]);
                }
            }
            predict(terms, normal.coefficients(), fitted);
            boolean boundary = false;
            for (int r : rows) {
                boundary |= fitted[r] < ZERO_FITTED;
            }
            // at a boundary fit the normal equations square an ill condition: glm.fit's QR for the figures
            if (!boundary) {
                return finish(names, normal.rank(), rows.length - normal.rank(), normal.deviance(),
                    normal.logLikelihood(), fitted, aliased);
            }
        }
        PoissonRegression.Fit f = glmFit(terms);
        if (f == null) {
            return new CovariateFit(table, names, 0, 0, Double.NaN, Double.NaN, fitted, Status.NOT_ESTIMATED,
                    List.of(Warning.of(Warning.Kind.NOT_CONVERGED, "IRLS did not converge for model "
                            + String.join(" + ", names))), List.of());
        }
        predict(terms, f.getCoefficients(), fitted);
        return finish(names, f.getRank(), f.getResidualDf(), f.getDeviance(), f.getLogLikelihood(), fitted,
                f.getAliased());
    }

    /** Writes exp(X beta) into every cell that is not a structural zero; NaN coefficients count as 0. */
    private void predict(List<Term> terms, double[] beta, double[] fitted) {
        int[] pred = design.predictRows();
        int p = design.width(terms);
        if (pred.length * p > predX.length) {
            predX = new double[pred.length * p];
        }
        double[] col = predX;
        design.fill(terms, pred, col);
        for (int i = 0; i < pred.length; i++) {
            double eta = 0;
            for (int j = 0; j < p; j++) {
                if (!Double.isNaN(beta[j])) {
                    eta += beta[j] * col[j * pred.length + i];
                }
            }
            fitted[pred[i]] = Math.exp(eta);
        }
    }

    private CovariateFit finish(List<String> names, int rank, int df, double deviance, double logLik,
            double[] fitted, List<String> aliased) {
        List<Warning> warnings = new ArrayList<>();
        Status status = Status.OK;
        int zeros = 0;
        for (int r : rows) {
            if (fitted[r] < ZERO_FITTED) {
                zeros++;
            }
        }
        if (zeros > 0) {
            status = Status.DEGENERATE;
            warnings.add(Warning.of(Warning.Kind.BOUNDARY, String.format(java.util.Locale.ROOT,
                    "Fitted values numerically 0 in %d cells: the maximum likelihood estimate of model %s does "
                            + "not exist (a boundary fit); its N is not reliable", zeros, String.join(" + ", names))));
        }
        String none = nonExistence(design, currentTerms, y);
        if (none != null) {
            // a warning, as R's glm gives none: the status stays R's flag (fitted rates numerically 0)
            warnings.add(Warning.of(Warning.Kind.BOUNDARY, "The maximum likelihood estimate of model "
                    + String.join(" + ", names) + " does not exist: " + none));
        }
        return new CovariateFit(design.table(), names, rank, df, deviance, logLik, fitted, status, warnings, aliased);
    }

    /**
     * The existence check of a model with covariates and structural zeros (Fienberg and Rinaldo 2012): first the
     * closed form ({@link #emptyMargin}, which names the column), then the linear program of
     * {@link Existence#designOptimum} on the design over the cells in the likelihood. If the program's optimum is
     * 0 (no strictly positive table has the observed margins), the term named is the last interaction whose
     * removal gives a model whose MLE exists: its coefficients are the ones that diverge along the boundary.
     * @param y the observed count of each cell in the likelihood ({@link ModelDesign#fitRows()} order)
     * @return a message naming the term, or null if the MLE exists
     */
    static String nonExistence(ModelDesign design, List<Term> terms, double[] y) {
        String empty = emptyMargin(design, terms, y);
        if (empty != null) {
            return empty;
        }
        if (lpExists(design, terms, y)) {
            return null;
        }
        List<String> vars = design.table().variables();
        for (int i = terms.size() - 1; i >= 0; i--) {
            Term t = terms.get(i);
            if (!t.isPair()) {
                continue;
            }
            List<Term> without = new ArrayList<>(terms);
            without.remove(i);
            if (lpExists(design, without, y)) {
                return String.format(java.util.Locale.ROOT, "the observed counts lie on the boundary of the "
                        + "marginal cone (no strictly positive table has the same margins) and without term %s "
                        + "they do not, so the coefficients of %s diverge", t.name(vars), t.name(vars));
            }
        }
        return "the observed counts lie on the boundary of the marginal cone (no strictly positive table has the "
                + "same margins), with any one interaction left out too: the main effects' coefficients diverge";
    }

    /** The Fienberg-Rinaldo program on the model's design over the cells in the likelihood. */
    private static boolean lpExists(ModelDesign design, List<Term> terms, double[] y) {
        int n = design.fitRows().length;
        int p = design.width(terms);
        double[] x = new double[n * p];
        design.fill(terms, design.fitRows(), x);
        return Existence.designOptimum(x, n, p, y) > Existence.LP_ZERO;
    }

    /**
     * The closed-form existence check (Fienberg and Rinaldo 2012, Thm 3: the MLE exists only if the observed
     * sufficient statistics lie in the relative interior of the marginal cone): a column with no negative
     * entry, nonzero on some cell in the likelihood, whose observed margin \( \sum_i x_i y_i \) is 0 puts them
     * on its boundary, and the log-likelihood grows as that coefficient goes to minus infinity.
     * @return a message naming the first such term and column, or null if there is none
     */
    static String emptyMargin(ModelDesign design, List<Term> terms, double[] y) {
        List<String> vars = design.table().variables();
        for (Term t : terms) {
            double[][] cols = design.fitColumns(t);
            String[] names = design.columnNames(List.of(t));
            for (int j = 0; j < cols.length; j++) {
                double[] c = cols[j];
                boolean nonneg = true;
                boolean any = false;
                double margin = 0;
                for (int i = 0; i < c.length && nonneg; i++) {
                    nonneg = c[i] >= 0;
                    any |= c[i] > 0;
                    margin += c[i] * y[i];
                }
                if (nonneg && any && margin == 0) {
                    return String.format(java.util.Locale.ROOT, "term %s has an empty margin (no observed case "
                            + "has its column %s nonzero), so its coefficient goes to minus infinity", t.name(vars),
                            names[j + 1]);
                }
            }
        }
        return null;
    }
}
