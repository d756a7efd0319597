package org.prevalence.survey;

import java.util.Objects;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.bootstrap.ParallelLoop;

/**
 * The design's variance machinery for estimators outside this package whose statistic is a vector
 * (the coefficients of {@code org.prevalence.survey.model.SurveyGlm}): the covariance matrix of the
 * sum of per-row influence values by the design's own linearization engine (strata, clusters, fpc,
 * lonely-PSU rules and calibration as every estimator here), or of replicate estimates by its
 * replicate engine. R's {@code svyrecvar(estfun \%*\% Ainv, ...)} and {@code svrVar(thetas, ...)}.
 *
 * <p>Linearization: \( \hat V(\sum_i z_i) \) with \( z_i \in \mathbb{R}^p \) is the quadratic form of
 * {@link LinearizationVariance} applied to each column; the off-diagonal entries follow from the
 * polarization identity \( \mathrm{Cov}(a, b) = (V(a + b) - V(a) - V(b))/2 \), exact because that
 * variance is a quadratic form in the PSU totals.
 * <p>Replicates: \( \hat V = s \sum_r c_r (\hat\theta_r - \bar\theta)(\hat\theta_r - \bar\theta)^T \),
 * \( \bar\theta \) the mean of the replicates with \( c_r &gt; 0 \) or the full-sample estimate (mse).
 *
 * <p>This class is immutable.
 */
public final class InfluenceVariance {
    /** Rows per block of the one-pass influence covariance. */
    private static final int BLOCK = 4096;
    private final SurveyDesign design;

    private InfluenceVariance(SurveyDesign design) {
        this.design = design;
    }

    /**
     * @param design the design
     * @return its variance machinery
     */
    public static InfluenceVariance of(SurveyDesign design) {
        return new InfluenceVariance(Objects.requireNonNull(design, "design"));
    }

    /** @return whether the design carries replicate weights (variance from refitting on each replicate) */
    public boolean isReplicate() {
        return design.isReplicate();
    }

    /** @return the variance method: {@code "linearization"} or the replicate method */
    public String method() {
        return design.varianceMethod();
    }

    /**
     * @param name a variable
     * @return whether the design holds it as a categorical (text) variable
     */
    public boolean isCategorical(String name) {
        return design.hasFactor(name);
    }

    /**
     * @param name a variable
     * @return whether the design holds it as a numeric variable
     */
    public boolean isNumeric(String name) {
        return design.hasNumeric(name);
    }

    /**
     * A numeric variable without the copy {@link SurveyDesign#numeric(String)} makes, for the model
     * estimators' streaming passes over large samples.
     * @param name a numeric variable (exact name)
     * @return its values (NaN = missing): the design's own array, shared, so read only: never modify it
     */
    public double[] numericShared(String name) {
        return design.numericRef(name);
    }

    /**
     * The sampling weights without the copy {@link SurveyDesign#weights()} makes.
     * @return the weights [row]: the design's own array, shared, so read only: never modify it
     */
    public double[] weightsShared() {
        return design.weightsRef();
    }

    /**
     * The design degrees of freedom of the rows used (R's {@code degf(design[-nas, ])}): linearization
     * counts the PSUs and strata with at least one used row; replicates the rank of the used rows'
     * replicate weights minus 1.
     * @param used one flag per row, or {@code null} for every row
     * @return the degrees of freedom
     */
    public int degreesOfFreedom(boolean[] used) {
        if (used == null) {
            return design.degreesOfFreedom();
        }
        checkRows(used.length);
        ReplicateVariance rep = design.replicateVariance();
        if (rep != null) {
            return rep.degreesOfFreedom(used);
        }
        boolean[] psuSeen = new boolean[design.psuCount()];
        boolean[] stratumSeen = new boolean[design.strataCount()];
        int psus = 0;
        int strata = 0;
        int[] psu = design.psu();
        for (int i = 0; i < used.length; i++) {
            if (used[i] && !psuSeen[psu[i]]) {
                psuSeen[psu[i]] = true;
                psus++;
                int h = design.psuStratum()[psu[i]];
                if (!stratumSeen[h]) {
                    stratumSeen[h] = true;
                    strata++;
                }
            }
        }
        return psus - strata;
    }

    /**
     * The linearization covariance matrix of \( \sum_i z_i \).
     * @param z the influence values [column][row]
     * @return the p x p covariance matrix
     * @throws PrevalenceException on a replicate design, or as the engine (lonely PSU under FAIL)
     */
    public double[][] linearizationCovariance(double[][] z) {
        if (design.isReplicate()) {
            throw PrevalenceException.invalidArgument("design",
                    "a replicate-weight design has no linearization variance; use replicateCovariance");
        }
        int p = z.length;
        for (double[] col : z) {
            checkRows(col.length);
        }
        int pairs = p * (p - 1) / 2;
        LinearizationVariance engine = LinearizationVariance.of(design);
        LinearizationVariance.Totals t = engine.newTotals(p + pairs);
        int n = design.rows();
        if (design.calibration() == null) {
            // PSU (and SSU) totals are linear in z: the totals of z_a + z_b are the sums of the columns' totals
            for (int a = 0; a < p; a++) {
                double[] za = z[a];
                for (int i = 0; i < n; i++) {
                    t.add(a, i, za[i]);
                }
            }
            sumPairs(t, p);
        } else {
            double[] zi = new double[p];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < p; a++) {
                    zi[a] = z[a][i];
                    t.add(a, i, zi[a]);
                }
                addPairs(t, i, zi);
            }
        }
        return polarize(engine, t, p);
    }

    /**
     * The linearization covariance matrix of \( \sum_i z_i \) for influence values given as a linear map
     * of per-row columns, \( z_{ai} = f_i \sum_b T_{ab} x_{bi} \) (a GLM's \( A^{-1} x_i \) times its
     * score factor), computed in one pass per coefficient without storing \( z \): the same figures
     * as {@link #linearizationCovariance(double[][])} on the materialized values. Without calibration
     * the coefficients' totals run in parallel (each one over every row in row order, so the result
     * does not depend on the number of threads).
     * @param x the columns [b][row]
     * @param factor the per-row factor [row] (0 on rows not used)
     * @param transform the p x q matrix T (q = x.length)
     * @param threads threads, 0 = all cores
     * @return the p x p covariance matrix
     * @throws PrevalenceException on a replicate design, or as the engine (lonely PSU under FAIL)
     */
    public double[][] linearizationCovariance(double[][] x, double[] factor, double[][] transform, int threads) {
        if (design.isReplicate()) {
            throw PrevalenceException.invalidArgument("design",
                    "a replicate-weight design has no linearization variance; use replicateCovariance");
        }
        for (double[] col : x) {
            checkRows(col.length);
        }
        checkRows(factor.length);
        int p = transform.length;
        int q = x.length;
        for (double[] row : transform) {
            if (row.length != q) {
                throw PrevalenceException.invalidArgument("transform", "need %d columns, got %d", q, row.length);
            }
        }
        int n = design.rows();
        LinearizationVariance engine = LinearizationVariance.of(design);
        LinearizationVariance.Totals t = engine.newTotals(p + p * (p - 1) / 2);
        if (design.calibration() == null) {
            // coefficients split among the workers; each worker walks the rows in blocks (read once per
            // worker) and adds its coefficients' values in row order, writing only their own totals
            int groups = Math.min(p, ParallelLoop.effectiveThreads(threads));
            ParallelLoop.run(groups, groups, g -> {
                double[] v = new double[BLOCK];
                for (int from = 0; from < n; from += BLOCK) {
                    int len = Math.min(BLOCK, n - from);
                    for (int a = g; a < p; a += groups) {
                        double[] ta = transform[a];
                        java.util.Arrays.fill(v, 0, len, 0);
                        for (int b = 0; b < q; b++) { // v = sum_b T_ab x_b, column by column
                            double c = ta[b];
                            double[] xb = x[b];
                            for (int k = 0; k < len; k++) {
                                v[k] += c * xb[from + k];
                            }
                        }
                        for (int k = 0; k < len; k++) {
                            v[k] *= factor[from + k];
                        }
                        t.addBlock(a, from, len, v);
                    }
                }
            });
            sumPairs(t, p);
        } else {
            double[] zi = new double[p];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < p; a++) {
                    double v = 0;
                    for (int b = 0; b < q; b++) {
                        v += transform[a][b] * x[b][i];
                    }
                    zi[a] = v * factor[i];
                    t.add(a, i, zi[a]);
                }
                addPairs(t, i, zi);
            }
        }
        return polarize(engine, t, p);
    }

    private static double[][] polarize(LinearizationVariance engine, LinearizationVariance.Totals t, int p) {
        double[] v = new double[p];
        double[][] cov = new double[p][p];
        for (int a = 0; a < p; a++) {
            v[a] = engine.variance(t, a);
            cov[a][a] = v[a];
        }
        int k = p;
        for (int a = 0; a < p; a++) {
            for (int b = a + 1; b < p; b++) {
                double c = (engine.variance(t, k++) - v[a] - v[b]) / 2; // polarization identity
                cov[a][b] = c;
                cov[b][a] = c;
            }
        }
        return cov;
    }

    /** Without calibration: the totals of each pair z_a + z_b (domain p + k) from the columns' totals. */
    private static void sumPairs(LinearizationVariance.Totals t, int p) {
        int k = p;
        for (int a = 0; a < p; a++) {
            for (int b = a + 1; b < p; b++) {
                sumInto(t.t1, t.c1, t.psuCount, a, b, k);
                if (t.t2 != null) {
                    sumInto(t.t2, t.c2, t.ssuCount, a, b, k);
                }
                k++;
            }
        }
    }

    /** With calibration: adds row i's pair values z_a + z_b (domain p + k) one by one. */
    private static void addPairs(LinearizationVariance.Totals t, int i, double[] zi) {
        int p = zi.length;
        int k = p;
        for (int a = 0; a < p; a++) {
            for (int b = a + 1; b < p; b++) {
                t.add(k++, i, zi[a] + zi[b]);
            }
        }
    }

    /** Domain k's unit totals = those of domains a and b; its row counts = domain a's (every row is in every column). */
    private static void sumInto(double[] tot, int[] cnt, int units, int a, int b, int k) {
        for (int q = 0; q < units; q++) {
            tot[k * units + q] = tot[a * units + q] + tot[b * units + q];
            cnt[k * units + q] = cnt[a * units + q];
        }
    }

    /** @return the number of replicates (0 for a linearization design) */
    public int replicates() {
        ReplicateVariance rep = design.replicateVariance();
        return rep == null ? 0 : rep.replicates();
    }

    /**
     * @param r a replicate, 0 .. {@link #replicates()}-1
     * @return its analysis weights, one per row (a new array)
     */
    public double[] replicateWeights(int r) {
        ReplicateVariance rep = requireReplicates();
        if (r < 0 || r >= rep.replicates()) {
            throw PrevalenceException.invalidArgument("replicate", "replicate %d is not in 0..%d", r, rep.replicates() - 1);
        }
        return rep.replicateWeights(r);
    }

    /**
     * The replicate covariance matrix (R's {@code svrVar} on a matrix of replicate estimates).
     * @param theta the replicate estimates [replicate][coefficient]
     * @param full the full-sample estimates
     * @return the p x p covariance matrix
     */
    public double[][] replicateCovariance(double[][] theta, double[] full) {
        return requireReplicates().covariance(theta, full);
    }

    private ReplicateVariance requireReplicates() {
        ReplicateVariance rep = design.replicateVariance();
        if (rep == null) {
            throw PrevalenceException.invalidArgument("design", "the design has no replicate weights");
        }
        return rep;
    }

    private void checkRows(int length) {
        if (length != design.rows()) {
            throw PrevalenceException.invalidArgument("rows", "need %d values, got %d", design.rows(), length);
        }
    }
}
