package org.prevalence.core.bootstrap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.prevalence.core.Checks;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;

/**
 * The (weighted) delete-one jackknife, used for the BCa acceleration.
 *
 * <p>Given leave-one-out values \( \hat\theta_{(j)} \) with multiplicities \( w_j \) (the number
 * of observations whose deletion gives that value), let
 * \( \bar\theta = \sum_j w_j \hat\theta_{(j)} / \sum_j w_j \) and
 * \( d_j = \bar\theta - \hat\theta_{(j)} \). Then the acceleration and the jackknife standard
 * error are
 * <p>\[ a = \frac{\sum_j w_j d_j^3}{6\,(\sum_j w_j d_j^2)^{3/2}}, \qquad
 *       \widehat{se}_J = \sqrt{\frac{n-1}{n} \sum_j w_j d_j^2}, \quad n = \sum_j w_j. \]
 * <p>For cell counts {@link #ofCounts} deletes one case from each cell \( j \) with
 * \( n_j &gt; 0 \) and weights the value by \( n_j \): the same as deleting each of the \( n \) cases
 * in turn, with one evaluation per distinct capture history. This is exactly SparseMSE's
 * {@code estimatepopulation} ({@code jr = sum(countsobserved*jackest)/sum(countsobserved) - jackest;
 * ahat = sum(countsobserved*jr^3)/(6*(sum(countsobserved*jr^2))^(3/2))}). If all leave-one-out
 * values are equal the acceleration is taken as 0.
 *
 * <p>This class is immutable and thread-safe.
 *
 * <p>References: <ol>
 * <li>Efron, B. (1987). Better bootstrap confidence intervals. JASA 82, 171-185, eq. 6.6.
 *     <a href="https://doi.org/10.1080/01621459.1987.10478410">doi:10.1080/01621459.1987.10478410</a></li>
 * <li>Chan, L., Silverman, B.W. and Vincent, K. (2021). Multiple systems estimation for sparse
 *     capture data. JASA 116, 1297-1306.
 *     <a href="https://doi.org/10.1080/01621459.2019.1708748">doi:10.1080/01621459.2019.1708748</a></li>
 * </ol>
 */
public final class Jackknife {
    private static final Jackknife DEFAULT = new Jackknife(0, null);

    private final int threads;
    private final ProgressListener progress;

    private Jackknife(int threads, ProgressListener progress) {
        this.threads = threads;
        this.progress = progress;
    }

    /**
     * The default jackknife: as many threads as available processors, no progress listener.
     * @return the default instance
     */
    public static Jackknife withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the number of threads ({@code >= 1}, or 0 for the available processors)
     * @return a copy with that thread count (it never changes the result)
     */
    public Jackknife withThreads(int v) {
        return new Jackknife(Checks.atLeast("threads", v, 0), progress);
    }

    /**
     * @param v the progress listener (one call per leave-one-out evaluation), or null
     * @return a copy with that listener
     */
    public Jackknife withProgress(ProgressListener v) {
        return new Jackknife(threads, v);
    }

    /**
     * The count-weighted jackknife over cells: for each cell \( j \) with \( n_j &gt; 0 \), the
     * statistic of the counts with \( n_j - 1 \) in cell \( j \), weighted by \( n_j \).
     *
     * @param counts the cell counts (each {@code >= 0}; not modified)
     * @param statistic the statistic of a count vector (it receives a private copy)
     * @return the jackknife; values of empty cells are NaN with weight 0
     * @throws PrevalenceException if a count is negative, no count is positive, or the statistic
     *     fails when a case is deleted from some cell (the message names the cell)
     */
    public Result ofCounts(long[] counts, Statistic<long[]> statistic) {
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(statistic, "statistic");
        long[] base = counts.clone();
        double[] weights = new double[base.length];
        int positive = 0;
        for (int j = 0; j < base.length; j++) {
            if (base[j] < 0) {
                throw PrevalenceException.invalidData("cell " + j,
                        "cell %d has a negative count %d; counts must be >= 0", j, base[j]);
            }
            weights[j] = base[j];
            if (base[j] > 0) {
                positive++;
            }
        }
        if (positive == 0) {
            throw PrevalenceException.invalidData("counts", "all cell counts are zero; the jackknife needs a case");
        }
        int[] cells = new int[positive];
        for (int j = 0, c = 0; j < base.length; j++) {
            if (base[j] > 0) {
                cells[c++] = j;
            }
        }
        double[] values = new double[base.length];
        Arrays.fill(values, Double.NaN);
        ParallelLoop.run(positive, threads, () -> new long[base.length], (c, buf) -> {
            int j = cells[c];
            System.arraycopy(base, 0, buf, 0, base.length);
            buf[j]--;
            double v;
            try {
                v = statistic.apply(buf);
            } catch (PrevalenceException e) {
                throw new PrevalenceException(e.what(), "cell " + j,
                        String.format(Locale.ROOT, "the jackknife statistic fails when one case is deleted from "
                                + "cell %d (count %d): %s", j, base[j], e.getMessage()), e);
            }
            if (!Double.isFinite(v)) {
                throw PrevalenceException.notEstimable("cell " + j,
                        "the jackknife statistic is %s when one case is deleted from cell %d (count %d)",
                        v, j, base[j]);
            }
            values[j] = v;
        }, progress);
        return new Result(values, weights);
    }

    /**
     * The count-weighted jackknife of several statistics computed together (see {@link MultiStatistic}):
     * as {@link #ofCounts}, one evaluation per cell with a positive count. A statistic that is not
     * finite for some deletion has no jackknife (its entry in the list is {@code null}), as
     * MultipleSystemsEstimation's {@code .jackknife_ahat} gives NA; an exception from the statistic
     * stops the jackknife.
     *
     * @param counts the cell counts (each {@code >= 0}; not modified)
     * @param outputs the number of statistics, {@code >= 1}
     * @param statistic fills one value per statistic (it receives a private copy of the counts)
     * @return one jackknife per statistic, or {@code null} where a deletion gave a non-finite value
     * @throws PrevalenceException as {@link #ofCounts}
     */
    public List<Result> ofCountsMany(long[] counts, int outputs, MultiStatistic<long[]> statistic) {
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(statistic, "statistic");
        Checks.atLeast("outputs", outputs, 1);
        long[] base = counts.clone();
        double[] weights = new double[base.length];
        List<Integer> positive = new ArrayList<>();
        for (int j = 0; j < base.length; j++) {
            if (base[j] < 0) {
                throw PrevalenceException.invalidData("cell " + j,
                        "cell %d has a negative count %d; counts must be >= 0", j, base[j]);
            }
            weights[j] = base[j];
            if (base[j] > 0) {
                positive.add(j);
            }
        }
        if (positive.isEmpty()) {
            throw PrevalenceException.invalidData("counts", "all cell counts are zero; the jackknife needs a case");
        }
        double[][] values = new double[outputs][base.length];
        for (double[] v : values) {
            Arrays.fill(v, Double.NaN);
        }
        ParallelLoop.run(positive.size(), threads,
                () -> new Object[] {new long[base.length], new double[outputs]}, (c, buf) -> {
                    int j = positive.get(c);
                    long[] work = (long[]) buf[0];
                    double[] out = (double[]) buf[1];
                    System.arraycopy(base, 0, work, 0, base.length);
                    work[j]--;
                    Arrays.fill(out, Double.NaN);
                    try {
                        statistic.apply(work, out);
                    } catch (PrevalenceException e) {
                        throw new PrevalenceException(e.what(), "cell " + j,
                                String.format(Locale.ROOT, "the jackknife statistic fails when one case is deleted "
                                        + "from cell %d (count %d): %s", j, base[j], e.getMessage()), e);
                    }
                    for (int k = 0; k < outputs; k++) {
                        values[k][j] = out[k];
                    }
                }, progress);
        List<Result> results = new ArrayList<>(outputs);
        for (int k = 0; k < outputs; k++) {
            boolean ok = true;
            for (int j : positive) {
                if (!Double.isFinite(values[k][j])) {
                    ok = false;
                    break;
                }
            }
            results.add(ok ? new Result(values[k], weights.clone()) : null);
        }
        return Collections.unmodifiableList(results);
    }

    /**
     * The jackknife of supplied leave-one-out values.
     * @param values the leave-one-out values \( \hat\theta_{(j)} \) (NaN allowed where the weight is 0)
     * @param weights their multiplicities \( w_j \ge 0 \), or null for all 1
     * @return the jackknife
     * @throws PrevalenceException if the lengths differ, a weight is negative or not finite, a
     *     value with positive weight is not finite, or the weights sum to 0
     */
    public static Result of(double[] values, double[] weights) {
        Objects.requireNonNull(values, "values");
        double[] w;
        if (weights == null) {
            w = new double[values.length];
            Arrays.fill(w, 1.0);
        } else {
            if (weights.length != values.length) {
                throw PrevalenceException.invalidArgument("weights", "%d weights for %d jackknife values",
                        weights.length, values.length);
            }
            w = weights.clone();
        }
        double total = 0;
        for (int j = 0; j < values.length; j++) {
            if (!(w[j] >= 0 && w[j] < Double.POSITIVE_INFINITY)) {
                throw PrevalenceException.invalidArgument("weight " + (j + 1),
                        "jackknife weight %d is %s; weights must be finite and >= 0", j + 1, w[j]);
            }
            if (w[j] > 0 && !Double.isFinite(values[j])) {
                throw PrevalenceException.invalidArgument("value " + (j + 1),
                        "jackknife value %d is %s; values with positive weight must be finite", j + 1, values[j]);
            }
            total += w[j];
        }
        if (!(total > 0)) {
            throw PrevalenceException.invalidArgument("weights", "the jackknife weights sum to 0");
        }
        return new Result(values.clone(), w);
    }

    /**
     * Jackknife values, weights, acceleration and standard error.
     *
     * <p>This class is immutable.
     */
    public static final class Result {
        private final double[] values;
        private final double[] weights;
        private final double mean;
        private final double acceleration;
        private final double standardError;

        Result(double[] values, double[] weights) {
            this.values = values;
            this.weights = weights;
            double sw = 0;
            double swv = 0;
            for (int j = 0; j < values.length; j++) {
                if (weights[j] > 0) {
                    sw += weights[j];
                    swv += weights[j] * values[j];
                }
            }
            this.mean = swv / sw;
            double s2 = 0;
            double s3 = 0;
            for (int j = 0; j < values.length; j++) {
                if (weights[j] > 0) {
                    double d = mean - values[j];
                    s2 += weights[j] * d * d;
                    s3 += weights[j] * d * d * d;
                }
            }
            // Efron (1987) eq. 6.6, weighted as SparseMSE estimatepopulation
            this.acceleration = s2 > 0 ? s3 / (6 * Math.pow(s2, 1.5)) : 0.0;
            this.standardError = sw > 1 ? Math.sqrt((sw - 1) / sw * s2) : Double.NaN;
        }

        /** @return the leave-one-out values (a copy; NaN where the weight is 0) */
        public double[] getValues() {
            return values.clone();
        }

        /** @return the weights (a copy) */
        public double[] getWeights() {
            return weights.clone();
        }

        /** @return the weighted mean of the leave-one-out values */
        public double getMean() {
            return mean;
        }

        /** @return the acceleration \( a \) */
        public double getAcceleration() {
            return acceleration;
        }

        /** @return the jackknife standard error */
        public double getStandardError() {
            return standardError;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Jackknife[acceleration=%s, SE=%s, mean=%s]",
                    Format.number(acceleration), Format.number(standardError), Format.number(mean));
        }
    }
}
