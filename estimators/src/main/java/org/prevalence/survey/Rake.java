package org.prevalence.survey;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.prevalence.core.Checks;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;

/**
 * Raking (iterative proportional fitting) of the weights to several population margins, as R
 * {@code survey::rake(design, sample.margins, population.margins, control)}: each sweep
 * post-stratifies to every margin in turn,
 * <p>\[ w_i \leftarrow w_i \frac{N_{mc}}{\sum_{j \in c} w_j} \quad (c = \text{cell of row } i \text{ in margin } m) \]
 * <p>until the joint weighted table of all margin variables moves by less than \( \epsilon \) in
 * every cell (\( \epsilon \) times the weight total when \( \epsilon &lt; 1 \)), at most
 * {@code maxIterations} sweeps. R's defaults are copied: 10 sweeps and \( \epsilon = 1 \), so margins
 * are met only to within about 1 (R's {@code rake} is <em>not</em> fully converged; use
 * {@link #withEpsilon} with a small value, or {@link Calibration} with
 * {@link CalibrationDistance#RAKING}, for exact margins). The sweeps run on the joint table of
 * margin cells, so the cost after one pass over the rows is independent of the number of rows.
 *
 * <p>Variance: on a linearization design the linearized values are back-fitted to the margins with
 * 10 fixed sweeps of \( z \leftarrow z - w^{(m)} \cdot \mathrm{ave}_m(z / w^{(m)}) \) (R's
 * {@code svyrecvar} for {@code "raking"}), \( w^{(m)} \) being the weights after margin \( m \) in the
 * last sweep; on a replicate design every replicate is raked with the same number of sweeps.
 *
 * <p>Errors: a margin without a count for a level present in the sample, a margin level absent from the
 * sample, margins whose totals differ by more than 1e-6 relative (inconsistent), and no convergence
 * within the sweeps (R only warns "Raking did not converge"; here it is an error naming the sweeps and
 * the change reached).
 *
 * <p>References: <ol><li>Deming, W.E., Stephan, F.F. (1940). On a least squares adjustment of a sampled
 * frequency table when the expected marginal totals are known. Ann. Math. Statist. 11(4), 427-444.
 * <a href="https://doi.org/10.1214/aoms/1177731829">doi:10.1214/aoms/1177731829</a></li></ol>
 *
 * <p>This class is immutable.
 */
public final class Rake {
    private static final Rake DEFAULT = new Rake(10, 1.0);
    private final int maxIterations;
    private final double epsilon;

    private Rake(int maxIterations, double epsilon) {
        this.maxIterations = maxIterations;
        this.epsilon = epsilon;
    }

    /**
     * Defaults as R's {@code rake(control=list(maxit=10, epsilon=1))}: at most 10 sweeps; stop when no
     * cell of the joint weighted table changes by 1 or more.
     * @return the default raker
     */
    public static Rake withDefaults() {
        return DEFAULT;
    }

    /** @param v maximum number of sweeps, &gt;= 1 @return a new raker */
    public Rake withMaxIterations(int v) {
        return new Rake(Checks.atLeast("maxIterations", v, 1), epsilon);
    }

    /**
     * @param v the tolerance: an absolute change of a joint-table cell if &gt;= 1, else a fraction of the
     *     weight total (R's rule)
     * @return a new raker
     */
    public Rake withEpsilon(double v) {
        return new Rake(maxIterations, Checks.positive("epsilon", v));
    }

    /**
     * @param design a design or replicate design
     * @param margins the population margins (each with its variables and counts)
     * @return the raked design
     */
    public SurveyDesign apply(SurveyDesign design, List<PopulationCounts> margins) {
        Objects.requireNonNull(design, "design");
        checkTotals(margins);
        Margins mg = new Margins(design, margins);
        double[] w = design.weightsRef();
        Fit fit = fit(mg, w);
        double[] nw = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            nw[i] = w[i] * fit.g[mg.joint.code[i]];
        }
        CalibrationProjection proj = projection(design, mg, fit);
        ReplicateVariance rv = design.replicateVariance();
        return new SurveyDesign(design, nw, rv == null ? null : rakeReplicates(rv, mg, fit.sweeps), proj);
    }

    /** The margins must be there and sum to one population total. */
    private static void checkTotals(List<PopulationCounts> margins) {
        if (margins.isEmpty()) {
            throw PrevalenceException.invalidArgument("margins", "give at least one population margin");
        }
        double t0 = margins.get(0).total();
        for (int m = 1; m < margins.size(); m++) {
            double tm = margins.get(m).total();
            if (Math.abs(tm - t0) > 1e-6 * Math.max(Math.abs(t0), 1)) {
                throw PrevalenceException.invalidData("margin " + margins.get(m).columns(),
                        "the population margins are inconsistent: %s sums to %s but %s sums to %s; raking cannot meet both",
                        margins.get(0).columns(), Format.number(t0), margins.get(m).columns(), Format.number(tm));
            }
        }
    }

    /** The joint table of every margin variable, and each margin's cells within it. */
    private static final class Margins {
        final Cells joint;
        final int count;
        /** [margin][joint cell]: the margin cell of a joint cell. */
        final int[][] cellOf;
        /** [margin][margin cell]: the population count. */
        final double[][] pop;
        /** [margin]: the number of margin cells. */
        final int[] q;
        /** [margin][row]: the margin cell of a row. */
        final int[][] rowCell;

        Margins(SurveyDesign design, List<PopulationCounts> margins) {
            LinkedHashSet<String> union = new LinkedHashSet<>();
            for (PopulationCounts p : margins) {
                union.addAll(p.columns());
            }
            joint = Cells.of(design, new ArrayList<>(union));
            count = margins.size();
            int J = joint.count;
            cellOf = new int[count][];
            pop = new double[count][];
            q = new int[count];
            rowCell = new int[count][];
            for (int m = 0; m < count; m++) {
                Cells mc = joint.sub(margins.get(m).columns());
                pop[m] = mc.population(margins.get(m));
                q[m] = mc.count;
                rowCell[m] = mc.code;
                cellOf[m] = new int[J];
                for (int k = 0; k < J; k++) {
                    cellOf[m][k] = mc.code[joint.firstRow[k]];
                }
            }
        }
    }

    /** The raking factors per joint cell, after the last sweep and after each margin of it. */
    private static final class Fit {
        final double[] g;
        final double[][] gAfter;
        final int sweeps;

        Fit(double[] g, double[][] gAfter, int sweeps) {
            this.g = g;
            this.gAfter = gAfter;
            this.sweeps = sweeps;
        }
    }

    /** R rake: while (iter &lt; maxit) { post-stratify on each margin; stop if max |old - new| &lt; epsilon }. */
    private Fit fit(Margins mg, double[] w) {
        int J = mg.joint.count;
        double[] table = new double[J];
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            table[mg.joint.code[i]] += w[i];
            total += w[i];
        }
        double eps = epsilon < 1 ? epsilon * total : epsilon;
        double[] g = new double[J];
        java.util.Arrays.fill(g, 1.0);
        double[][] gAfter = new double[mg.count][];
        double delta = Double.NaN;
        for (int iter = 0; iter < maxIterations; iter++) {
            double[] old = table.clone();
            for (int m = 0; m < mg.count; m++) {
                sweep(table, g, mg.cellOf[m], mg.pop[m], mg.q[m]);
                gAfter[m] = g.clone();
            }
            delta = 0;
            for (int k = 0; k < J; k++) {
                delta = Math.max(delta, Math.abs(old[k] - table[k]));
            }
            if (delta < eps) {
                return new Fit(g, gAfter, iter + 1);
            }
        }
        throw PrevalenceException.notConverged("rake",
                "raking did not converge in %d sweeps: a cell of the joint weighted table still changed by %s "
                        + "(epsilon %s); raise withMaxIterations or check that the margins are compatible",
                maxIterations, Format.number(delta), Format.number(eps));
    }

    /** Variance: 10 back-fitting sweeps over the margins (R svyrecvar, class "raking"). */
    private static CalibrationProjection projection(SurveyDesign design, Margins mg, Fit fit) {
        double[] w = design.weightsRef();
        List<CalibrationProjection.Basis> bases = new ArrayList<>();
        for (int m = 0; m < mg.count; m++) {
            bases.add(CalibrationProjection.cellsLazy(design, mg.rowCell[m], mg.q[m], null, w, mg.joint.code,
                    fit.gAfter[m]));
        }
        int[] steps = new int[10 * mg.count];
        for (int s = 0; s < steps.length; s++) {
            steps[s] = s % mg.count;
        }
        return CalibrationProjection.append(design.calibration(), design, bases, steps);
    }

    /** Each replicate raked with the same number of sweeps, as R's rake on a replicate design. */
    private static ReplicateVariance rakeReplicates(ReplicateVariance rv, Margins mg, int sweeps) {
        int J = mg.joint.count;
        double[][] t = rv.cellTotals(mg.joint.code, J);
        double[][] f = new double[t.length][];
        for (int r = 0; r < t.length; r++) {
            double[] gr = new double[J];
            java.util.Arrays.fill(gr, 1.0);
            for (int s = 0; s < sweeps; s++) {
                for (int m = 0; m < mg.count; m++) {
                    sweep(t[r], gr, mg.cellOf[m], mg.pop[m], mg.q[m]);
                }
            }
            for (int k = 0; k < J; k++) {
                if (!Double.isFinite(gr[k])) {
                    throw PrevalenceException.notEstimable("replicate " + (r + 1),
                            "replicate %d has no weight in a margin cell (%s), so it cannot be raked; merge small cells",
                            r + 1, mg.joint.describe(k));
                }
            }
            f[r] = gr;
        }
        return rv.then(ReplicateVariance.cellFactors(mg.joint.code, f));
    }

    /** One post-stratification of the joint table to one margin; g accumulates the factors. */
    private static void sweep(double[] table, double[] g, int[] cellOf, double[] pop, int q) {
        double[] s = new double[q];
        for (int k = 0; k < table.length; k++) {
            s[cellOf[k]] += table[k];
        }
        for (int k = 0; k < table.length; k++) {
            double f = pop[cellOf[k]] / s[cellOf[k]];
            table[k] *= f;
            g[k] *= f;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Rake[maxIterations=%d, epsilon=%s]", maxIterations, epsilon);
    }
}
