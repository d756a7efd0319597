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
        if (margins.isEmpty()) {
            throw PrevalenceException.invalidArgument("margins", "give at least one population margin");
        }
        int M = margins.size();
        // consistency of the margin totals
        double t0 = margins.get(0).total();
        for (int m = 1; m < M; m++) {
            double tm = margins.get(m).total();
            if (Math.abs(tm - t0) > 1e-6 * Math.max(Math.abs(t0), 1)) {
                throw PrevalenceException.invalidData("margin " + margins.get(m).columns(),
                        "the population margins are inconsistent: %s sums to %s but %s sums to %s; raking cannot meet both",
                        margins.get(0).columns(), Format.number(t0), margins.get(m).columns(), Format.number(tm));
            }
        }
        LinkedHashSet<String> union = new LinkedHashSet<>();
        for (PopulationCounts p : margins) {
            for (String c : p.columns()) {
                union.add(c);
            }
        }
        Cells joint = Cells.of(design, new ArrayList<>(union));
        int J = joint.count;
        int[][] cellOf = new int[M][];
        double[][] pop = new double[M][];
        int[] q = new int[M];
        int[][] rowCell = new int[M][];
        for (int m = 0; m < M; m++) {
            Cells mc = joint.sub(margins.get(m).columns());
            pop[m] = mc.population(margins.get(m));
            q[m] = mc.count;
            rowCell[m] = mc.code;
            cellOf[m] = new int[J];
            for (int k = 0; k < J; k++) {
                cellOf[m][k] = mc.code[joint.firstRow[k]];
            }
        }
        int n = design.rows();
        double[] w = design.weightsRef();
        double[] table = new double[J];
        double total = 0;
        for (int i = 0; i < n; i++) {
            table[joint.code[i]] += w[i];
            total += w[i];
        }
        double eps = epsilon < 1 ? epsilon * total : epsilon;
        double[] g = new double[J];
        java.util.Arrays.fill(g, 1.0);
        double[][] gAfter = new double[M][];
        int sweeps = 0;
        boolean converged = false;
        double delta = Double.NaN;
        // R rake: while (iter < maxit) { post-stratify on each margin; stop if max |old - new| < epsilon }
        for (int iter = 0; iter < maxIterations; iter++) {
            double[] old = table.clone();
            for (int m = 0; m < M; m++) {
                sweep(table, g, cellOf[m], pop[m], q[m]);
                gAfter[m] = g.clone();
            }
            sweeps++;
            delta = 0;
            for (int k = 0; k < J; k++) {
                delta = Math.max(delta, Math.abs(old[k] - table[k]));
            }
            if (delta < eps) {
                converged = true;
                break;
            }
        }
        if (!converged) {
            throw PrevalenceException.notConverged("rake",
                    "raking did not converge in %d sweeps: a cell of the joint weighted table still changed by %s "
                            + "(epsilon %s); raise withMaxIterations or check that the margins are compatible",
                    sweeps, Format.number(delta), Format.number(eps));
        }
        double[] nw = new double[n];
        for (int i = 0; i < n; i++) {
            nw[i] = w[i] * g[joint.code[i]];
        }
        // variance: 10 back-fitting sweeps over the margins (R svyrecvar, class "raking")
        List<CalibrationProjection.Basis> bases = new ArrayList<>();
        for (int m = 0; m < M; m++) {
            bases.add(CalibrationProjection.cellsLazy(design, rowCell[m], q[m], null, w, joint.code, gAfter[m]));
        }
        int[] steps = new int[10 * M];
        for (int s = 0; s < steps.length; s++) {
            steps[s] = s % M;
        }
        CalibrationProjection proj = CalibrationProjection.append(design.calibration(), design, bases, steps);
        ReplicateVariance rv = design.replicateVariance();
        if (rv != null) {
            double[][] t = rv.cellTotals(joint.code, J);
            double[][] f = new double[t.length][];
            for (int r = 0; r < t.length; r++) {
                double[] gr = new double[J];
                java.util.Arrays.fill(gr, 1.0);
                for (int s = 0; s < sweeps; s++) {
                    for (int m = 0; m < M; m++) {
                        sweep(t[r], gr, cellOf[m], pop[m], q[m]);
                    }
                }
                for (int k = 0; k < J; k++) {
                    if (!Double.isFinite(gr[k])) {
                        throw PrevalenceException.notEstimable("replicate " + (r + 1),
                                "replicate %d has no weight in a margin cell (%s), so it cannot be raked; merge small cells",
                                r + 1, joint.describe(k));
                    }
                }
                f[r] = gr;
            }
            rv = rv.then(ReplicateVariance.cellFactors(joint.code, f));
        }
        return new SurveyDesign(design, nw, rv, proj);
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
