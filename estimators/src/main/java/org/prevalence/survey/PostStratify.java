package org.prevalence.survey;

import java.util.List;
import java.util.Objects;
import org.prevalence.core.PrevalenceException;

/**
 * Post-stratification to known population counts of the cells of one or more crossed categorical
 * variables, as R {@code survey::postStratify(design, strata, population)}:
 * <p>\[ w_i^* = w_i \frac{N_c}{\hat N_c}, \qquad \hat N_c = \sum_{j \in c} w_j \]
 * <p>where \( c \) is the cell of row \( i \) and \( N_c \) its population count. On a linearization
 * design the variance uses the residuals of the linearized values from their post-stratum means
 * (R's {@code svyrecvar}: \( z_i - w_i^* \sum_{j \in c} (w_j/w_j^*) z_j / \sum_{j\in c} w_j \)); on a
 * replicate design every replicate is post-stratified too (R's {@code postStratify.svyrep.design}).
 * Errors: a sample cell without a population count, a population cell without sample rows (R's
 * {@code partial=FALSE}), a missing level in the sample.
 *
 * <p>References: <ol><li>Holt, D., Smith, T.M.F. (1979). Post stratification. JRSS A 142(1), 33-46.
 * <a href="https://doi.org/10.2307/2344652">doi:10.2307/2344652</a></li>
 * <li>Lumley, T. (2010). Complex Surveys: A Guide to Analysis Using R, chapter 7. Wiley.</li></ol>
 *
 * <p>This class is immutable.
 */
public final class PostStratify {
    private static final PostStratify DEFAULT = new PostStratify();

    private PostStratify() {
    }

    /**
     * No options: population cells absent from the sample are an error (R's {@code partial=FALSE}).
     * @return the post-stratifier
     */
    public static PostStratify withDefaults() {
        return DEFAULT;
    }

    /**
     * @param design a design or replicate design (possibly already calibrated)
     * @param population the population counts of the cells of its variables
     * @return the post-stratified design
     */
    public SurveyDesign apply(SurveyDesign design, PopulationCounts population) {
        Objects.requireNonNull(design, "design");
        PopulationCounts.requireNonNull(population);
        Cells cells = Cells.of(design, population.columns());
        double[] pop = cells.population(population);
        int n = design.rows();
        double[] sums = new double[cells.count];
        double[] w = design.weightsRef();
        for (int i = 0; i < n; i++) {
            sums[cells.code[i]] += w[i];
        }
        double[] nw = new double[n];
        for (int i = 0; i < n; i++) {
            int c = cells.code[i];
            nw[i] = w[i] * pop[c] / sums[c]; // R postStratify: reweight = Pop.Freq / Freq
        }
        CalibrationProjection proj = CalibrationProjection.append(design.calibration(), design,
                List.of(CalibrationProjection.cells(design, cells.code, cells.count, w, nw)), new int[] {0});
        ReplicateVariance rv = design.replicateVariance();
        if (rv != null) {
            double[][] t = rv.cellTotals(cells.code, cells.count);
            double[][] f = new double[t.length][cells.count];
            for (int r = 0; r < t.length; r++) {
                for (int c = 0; c < cells.count; c++) {
                    if (!(t[r][c] > 0)) {
                        throw PrevalenceException.notEstimable("cell " + cells.describe(c),
                                "replicate %d has no weight in the post-stratum %s, so it cannot be post-stratified; "
                                        + "merge small cells", r + 1, cells.describe(c));
                    }
                    f[r][c] = pop[c] / t[r][c];
                }
            }
            rv = rv.then(ReplicateVariance.cellFactors(cells.code, f));
        }
        return new SurveyDesign(design, nw, rv, proj);
    }

    @Override
    public String toString() {
        return "PostStratify[partial=false]";
    }
}
