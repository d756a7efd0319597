package org.prevalence.survey.model;

import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.survey.Factor;
import org.prevalence.survey.CellCovariance;
import org.prevalence.survey.InfluenceVariance;
import org.prevalence.survey.MissingValues;
import org.prevalence.survey.SurveyDesign;

/**
 * Design-based tests of association in a two-way table; R's {@code survey::svychisq(~a + b, design)}
 * on a linearization design, and {@code svychisq.svyrep.design} on a replicate-weight design (the covariance of the
 * cell proportions or totals from the replicates). Cells are ordered with the row variable fastest, as R's
 * {@code interaction(a, b)}; \( \hat p \) are the estimated cell proportions with their design
 * covariance \( \hat V \) (the design's linearization engine or its replicates), \( N \) the number of rows, \( \nu \)
 * the design degrees of freedom (PSUs minus strata), and \( X^2 \) Pearson's statistic of the
 * estimated table scaled to total \( N \).
 * <ul><li>Rao-Scott: with \( C \) the interaction columns of the saturated model on the
 * \( r \times c \) grid made orthogonal to the main effects, \( D = \mathrm{diag}(\hat p) \),
 * \( \Delta = (C^T D^{-1} C / N)^{-1} C^T D^{-1} \hat V D^{-1} C \) (the generalized design effects);
 * see {@link ChisqStatistic#F} and {@link ChisqStatistic#CHISQ}.</li>
 * <li>Wald: \( Y_{ij} = \hat N_{ij} - \hat N_{i\cdot}\hat N_{\cdot j}/\hat N \) for \( i, j \ge 2 \),
 * its covariance by the delta method from the covariance of the cell, margin and grand totals;
 * \( W = Y^T \hat V_Y^{-1} Y \) divided by \( (r-1)(c-1) \) ({@code Wald}) or multiplied by
 * \( (\nu - d + 1)/(d\nu) \) ({@code adjWald}).</li></ul>
 * <p>Rows with either value missing are refused ({@link MissingValues#FAIL}) or left out as a domain
 * ({@link MissingValues#DROP}, R's default {@code na.rm=TRUE}).
 *
 * <p>References: <ol><li>Rao, J.N.K., Scott, A.J. (1984). On chi-squared tests for multiway contingency
 * tables with cell proportions estimated from survey data. Annals of Statistics 12, 46-60.</li>
 * <li>Koch, G.G., Freeman, D.H., Freeman, J.L. (1975). Strategies in the multivariate analysis of data
 * from complex surveys. International Statistical Review 43, 59-78 (Wald test).</li></ol>
 *
 * <p>This class is immutable.
 */
public final class SurveyChisq {
    private static final SurveyChisq DEFAULT = new SurveyChisq(ChisqStatistic.F, MissingValues.FAIL);
    private final ChisqStatistic statistic;
    private final MissingValues missing;

    private SurveyChisq(ChisqStatistic statistic, MissingValues missing) {
        this.statistic = statistic;
        this.missing = missing;
    }

    /** @return the Rao-Scott F test, refusing missing values */
    public static SurveyChisq withDefaults() {
        return DEFAULT;
    }

    /** @param v the statistic @return a new test */
    public SurveyChisq with(ChisqStatistic v) {
        return new SurveyChisq(Objects.requireNonNull(v, "statistic"), missing);
    }

    /** @param v missing-value handling @return a new test */
    public SurveyChisq with(MissingValues v) {
        return new SurveyChisq(statistic, Objects.requireNonNull(v, "missingValues"));
    }

    /**
     * @param design a linearization or replicate-weight design
     * @param rowVariable the row variable (categorical, or numeric values as levels)
     * @param columnVariable the column variable
     * @return the test
     */
    public TestResult test(SurveyDesign design, String rowVariable, String columnVariable) {
        InfluenceVariance iv = InfluenceVariance.of(design);
        Factor a = design.factor(rowVariable);
        Factor b = design.factor(columnVariable);
        int nr = a.levelCount();
        int nc = b.levelCount();
        if (nr < 2 || nc < 2) {
            String v = nr < 2 ? rowVariable : columnVariable;
            throw PrevalenceException.notEstimable("column '" + v + "'", "the variable '%s' has only one level; a test of "
                    + "association needs two or more levels of each variable", v);
        }
        int n = design.rows();
        int[] cell = new int[n];
        double[] w = iv.weightsShared(); // read only
        for (int i = 0; i < n; i++) {
            int r = a.codes()[i];
            int c = b.codes()[i];
            if (r < 0 || c < 0) {
                if (missing == MissingValues.FAIL) {
                    String col = r < 0 ? rowVariable : columnVariable;
                    throw PrevalenceException.invalidData("row " + (i + 1) + ", column '" + col + "'",
                            "row %d, column '%s': missing value (leave such rows out with MissingValues.DROP, as R's "
                                    + "na.rm=TRUE)", i + 1, col);
                }
                cell[i] = -1;
            } else {
                cell[i] = r + nr * c;
            }
        }
        int nu = design.degreesOfFreedom();
        return statistic == ChisqStatistic.WALD || statistic == ChisqStatistic.ADJ_WALD
                ? wald(design, iv, cell, w, nr, nc, nu) : raoScott(design, iv, cell, w, nr, nc, nu, n);
    }

    private TestResult raoScott(SurveyDesign design, InfluenceVariance iv, int[] cell, double[] w, int nr, int nc, int nu, int n) {
        int k = nr * nc;
        double wsum = 0;
        double[] p = new double[k];
        for (int i = 0; i < n; i++) {
            if (cell[i] >= 0) {
                wsum += w[i];
                p[cell[i]] += w[i];
            }
        }
        for (int c = 0; c < k; c++) {
            p[c] /= wsum;
        }
        // influence of the cell means: w_i (I_ic - p_c) / sum(w), i.e. w_i A[., cell_i] with A = (I - p 1^T)/sum(w)
        double[][] v;
        if (iv.isReplicate()) {
            v = replicateCovariance(iv, cell, w, nr, nc, true, p);
        } else {
            double[][] a = new double[k][k];
            for (int c = 0; c < k; c++) {
                for (int e = 0; e < k; e++) {
                    a[c][e] = ((c == e ? 1 : 0) - p[c]) / wsum;
                }
            }
            v = CellCovariance.of(design).covariance(w, cell, a);
        }
        // Pearson X^2 of the table scaled to N rows (R: chisq.test(svytable(..., Ntotal=N)))
        double[] rowP = new double[nr];
        double[] colP = new double[nc];
        for (int c = 0; c < k; c++) {
            rowP[c % nr] += p[c];
            colP[c / nr] += p[c];
        }
        double x2 = 0;
        for (int c = 0; c < k; c++) {
            double e = rowP[c % nr] * colP[c / nr];
            double d = p[c] - e;
            x2 += n * d * d / e;
        }
        double[][] cm = interactionContrasts(nr, nc);
        int q = cm[0].length;
        double[][] denom = new double[q][q];
        double[][] numr = new double[q][q];
        double[][] dc = new double[k][q]; // D^-1 C
        for (int c = 0; c < k; c++) {
            double inv = p[c] == 0 ? 0 : 1 / p[c];
            for (int j = 0; j < q; j++) {
                dc[c][j] = inv * cm[c][j];
            }
        }
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < q; b++) {
                double s = 0;
                double t = 0;
                for (int c = 0; c < k; c++) {
                    s += cm[c][a] * dc[c][b] / n;
                    double u = 0;
                    for (int e = 0; e < k; e++) {
                        u += v[c][e] * dc[e][b];
                    }
                    t += dc[c][a] * u;
                }
                denom[a][b] = s;
                numr[a][b] = t;
            }
        }
        RealMatrix delta = new LUDecomposition(new Array2DRowRealMatrix(denom, false)).getSolver()
                .solve(new Array2DRowRealMatrix(numr, false));
        double tr = delta.getTrace();
        double tr2 = delta.multiply(delta).getTrace();
        double d0 = tr * tr / tr2;
        if (statistic == ChisqStatistic.F) {
            double f = x2 / tr;
            double pv = FDistribution.of(d0, d0 * nu).survivalProbability(f);
            return new TestResult("F", f, d0, d0 * nu, pv, "Pearson's X^2: Rao & Scott adjustment", Double.NaN);
        }
        double pv = ChiSquaredDistribution.of(q).survivalProbability(x2 / (tr / q));
        return new TestResult("Chisq", x2, q, Double.NaN, pv, "Pearson's X^2: Rao & Scott adjustment", Double.NaN);
    }

    /**
     * The replicate covariance (R {@code svychisq.svyrep.design}: {@code svymean(mm)} or {@code svytotal(~mm + mr + mc
     * + one)} on the replicate design) of the cell proportions ({@code proportions}) or of the cell, row, column and
     * grand totals: each replicate's statistic with its analysis weights, then the design's scale, rscales and centre.
     */
    private static double[][] replicateCovariance(InfluenceVariance iv, int[] cell, double[] w, int nr, int nc,
                                                  boolean proportions, double[] full) {
        int R = iv.replicates();
        double[][] theta = new double[R][];
        for (int r = 0; r < R; r++) {
            theta[r] = proportions ? proportions(cell, iv.replicateWeights(r), nr * nc)
                    : totals(cell, iv.replicateWeights(r), nr, nc);
        }
        return iv.replicateCovariance(theta, proportions ? proportions(cell, w, nr * nc) : full);
    }

    private static double[] proportions(int[] cell, double[] w, int k) {
        double[] p = new double[k];
        double sum = 0;
        for (int i = 0; i < cell.length; i++) {
            if (cell[i] >= 0) {
                p[cell[i]] += w[i];
                sum += w[i];
            }
        }
        for (int c = 0; c < k; c++) {
            p[c] /= sum;
        }
        return p;
    }

    /** Totals of the cell, row and column indicators and of one, in the order of {@link #wald}. */
    private static double[] totals(int[] cell, double[] w, int nr, int nc) {
        int k = nr * nc;
        double[] t = new double[k + nr + nc + 1];
        for (int i = 0; i < cell.length; i++) {
            int c = cell[i];
            if (c >= 0) {
                t[c] += w[i];
                t[k + c % nr] += w[i];
                t[k + nr + c / nr] += w[i];
                t[t.length - 1] += w[i];
            }
        }
        return t;
    }

    /**
     * The interaction columns of {@code ~ factor(rows) * factor(cols)} on the r x c grid (rows fastest),
     * minus their least-squares projection on {@code ~ factor(rows) + factor(cols)} (R's {@code qr.resid}).
     */
    private static double[][] interactionContrasts(int nr, int nc) {
        int k = nr * nc;
        int p1 = nr + nc - 1;
        int q = (nr - 1) * (nc - 1);
        double[][] x1 = new double[k][p1];
        double[][] x12 = new double[k][q];
        for (int c = 0; c < k; c++) {
            int r = c % nr;
            int s = c / nr;
            x1[c][0] = 1;
            if (r > 0) {
                x1[c][r] = 1;
            }
            if (s > 0) {
                x1[c][nr - 1 + s] = 1;
            }
            if (r > 0 && s > 0) {
                x12[c][(r - 1) + (nr - 1) * (s - 1)] = 1;
            }
        }
        RealMatrix m1 = new Array2DRowRealMatrix(x1, false);
        RealMatrix m12 = new Array2DRowRealMatrix(x12, false);
        RealMatrix coef = new LUDecomposition(m1.transpose().multiply(m1)).getSolver()
                .solve(m1.transpose().multiply(m12));
        return m12.subtract(m1.multiply(coef)).getData();
    }

    private TestResult wald(SurveyDesign design, InfluenceVariance iv, int[] cell, double[] w, int nr, int nc, int nu) {
        int k = nr * nc;
        int m = k + nr + nc + 1;
        // totals of the cell, row, column indicators and of one, with their covariance
        double[] tot = totals(cell, w, nr, nc);
        double[][] s;
        if (iv.isReplicate()) {
            s = replicateCovariance(iv, cell, w, nr, nc, false, tot);
        } else {
            double[][] a = new double[m][k]; // z_i = w_i A[., cell_i]: the cell, its row, its column and one
            for (int c = 0; c < k; c++) {
                a[c][c] = 1;
                a[k + c % nr][c] = 1;
                a[k + nr + c / nr][c] = 1;
                a[m - 1][c] = 1;
            }
            s = CellCovariance.of(design).covariance(w, cell, a);
        }
        double total = tot[m - 1];
        double[][] jac = new double[k][m];
        double[] y = new double[k];
        for (int c = 0; c < k; c++) {
            int r = c % nr;
            int col = c / nr;
            double rowT = tot[k + r];
            double colT = tot[k + nr + col];
            y[c] = tot[c] - rowT * colT / total;
            jac[c][c] = 1;
            jac[c][k + r] = -colT / total;
            jac[c][k + nr + col] = -rowT / total;
            jac[c][m - 1] = rowT * colT / (total * total);
        }
        int d = (nr - 1) * (nc - 1);
        int[] use = new int[d];
        int u = 0;
        for (int col = 1; col < nc; col++) {
            for (int r = 1; r < nr; r++) {
                use[u++] = r + nr * col;
            }
        }
        double[][] vy = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double sum = 0;
                double[] ja = jac[use[a]];
                double[] jb = jac[use[b]];
                for (int e = 0; e < m; e++) {
                    if (ja[e] == 0) {
                        continue;
                    }
                    double t = 0;
                    for (int f = 0; f < m; f++) {
                        t += s[e][f] * jb[f];
                    }
                    sum += ja[e] * t;
                }
                vy[a][b] = sum;
            }
        }
        double[] yu = new double[d];
        for (int a = 0; a < d; a++) {
            yu[a] = y[use[a]];
        }
        double[] sol = new LUDecomposition(new Array2DRowRealMatrix(vy, false)).getSolver()
                .solve(new org.apache.commons.math3.linear.ArrayRealVector(yu, false)).toArray();
        double wald = 0;
        for (int a = 0; a < d; a++) {
            wald += yu[a] * sol[a];
        }
        String method = "Design-based Wald test of association";
        if (statistic == ChisqStatistic.WALD) {
            double f = wald / d;
            return new TestResult("Wald", f, d, nu, FDistribution.of(d, nu).survivalProbability(f), method, Double.NaN);
        }
        double ddf = nu - d + 1;
        if (ddf <= 0) {
            throw PrevalenceException.notEstimable("design", "the adjusted Wald test needs more design degrees of freedom "
                    + "(%d) than the table's (%d)", nu, d);
        }
        double f = wald * ddf / (d * (double) nu);
        return new TestResult("adjWald", f, d, ddf, FDistribution.of(d, ddf).survivalProbability(f), method, Double.NaN);
    }
}
