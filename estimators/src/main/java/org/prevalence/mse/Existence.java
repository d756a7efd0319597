package org.prevalence.mse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Existence and identifiability checks of a log-linear model on a list-overlap table, as SparseMSE's
 * {@code checkident} and MultipleSystemsEstimation's {@code .check_extended_MLE}.
 *
 * <p>Existence (Fienberg and Rinaldo 2012, with SparseMSE's correction): with \( A \) the design
 * (parameters x cells, on the cells left after removing those with an empty term) and \( t = A y \)
 * the observed margins, solve the linear program
 * \[ \max s \quad\text{subject to}\quad A u = t,\; u_c \ge s,\; u \ge 0, \]
 * solved here as \( u = v + s \), \( v \ge 0 \). The MLE exists iff the optimum is positive (a strictly
 * positive table with the observed margins exists). Identifiability: the design has full column rank
 * on those cells (R's {@code qr} rank, tolerance 1e-7). Codes: 0 both fine, 1 MLE does not exist,
 * 2 not identifiable, 3 both.
 *
 * <p>{@link #designOptimum} solves the same program for any design matrix: list-by-covariate interactions,
 * orthogonal-polynomial years, and structural zeros (their cells left out of the rows).
 *
 * <p>References: Fienberg, S.E. and Rinaldo, A. (2012). Maximum likelihood estimation in log-linear
 * models. Ann. Statist. 40, 996-1023. doi:10.1214/12-AOS986
 */
public final class Existence {
    /** The optimum below which the LP is taken as 0 (lpSolve reports exact zeros). */
    public static final double LP_ZERO = 1e-9;

    private Existence() {
    }

    /**
     * @param k lists
     * @param counts counts by mask
     * @param cells the cells kept in the fit (masks)
     * @param columns the parameters: 0 for the intercept, then term masks
     * @return the LP optimum s (0 if the MLE does not exist)
     */
    static double lpOptimum(int k, long[] counts, int[] cells, int[] columns) {
        boolean allPositive = true;
        for (int c : cells) {
            if (counts[c] == 0) {
                allPositive = false;
                break;
            }
        }
        if (allPositive) {
            long min = Long.MAX_VALUE;
            for (int c : cells) {
                min = Math.min(min, counts[c]);
            }
            return min; // u = y is feasible and strictly positive
        }
        int n = cells.length;
        double[] obj = new double[n + 1];
        obj[n] = 1;
        List<LinearConstraint> cons = new ArrayList<>();
        for (int term : columns) {
            double[] row = new double[n + 1];
            double t = 0;
            double ones = 0;
            for (int i = 0; i < n; i++) {
                if ((cells[i] & term) == term) {
                    row[i] = 1;
                    ones++;
                    t += counts[cells[i]];
                }
            }
            row[n] = ones;
            cons.add(new LinearConstraint(row, Relationship.EQ, t));
        }
        return simplex(obj, cons);
    }

    /** commons-math3's simplex on the program's constraints. */
    private static double simplex(double[] obj, List<LinearConstraint> cons) {
        PointValuePair p = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(10_000),
                new LinearObjectiveFunction(obj, 0), new LinearConstraintSet(cons), GoalType.MAXIMIZE,
                new NonNegativeConstraint(true));
        return p.getValue();
    }

    /**
     * The existence program for a general design: \( \max s \) subject to \( X^T u = X^T y \),
     * \( u \ge s \), over the cells in the likelihood, by the dense simplex of {@code FastLp} (commons-math3's
     * {@code SimplexSolver} returns 0 on some such designs with negative entries where the optimum is positive,
     * see ExistenceTest).
     * @param x the design, column-major, {@code n} cells by {@code p} columns, one of them the intercept
     * @param n cells in the likelihood
     * @param p columns
     * @param y the observed count of each cell
     * @return the optimum s; the MLE exists iff it is above {@link #LP_ZERO}
     */
    public static double designOptimum(double[] x, int n, int p, double[] y) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, y[i]);
        }
        if (min > 0) {
            return min; // u = y is feasible and strictly positive
        }
        return new FastLp().solve(x, n, p, y);
    }

    /**
     * @return the pivoted column positions beyond the rank (indices into {@code columns}), empty if full rank
     */
    static int[] aliasedColumns(int[] cells, int[] columns) {
        int n = cells.length;
        int p = columns.length;
        double[] a = new double[n * p];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n; i++) {
                a[j * n + i] = (cells[i] & columns[j]) == columns[j] ? 1 : 0;
            }
        }
        int[] pivot = new int[p];
        int rank = PivotedQr.decompose(a, n, p, 1e-7, new double[p], new double[p], new double[p], pivot);
        int[] out = Arrays.copyOfRange(pivot, rank, p);
        Arrays.sort(out);
        return out;
    }
}
