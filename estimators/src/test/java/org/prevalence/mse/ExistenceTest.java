package org.prevalence.mse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * Existence/identifiability codes on the artificial 3-list table of Chan, Silverman and Vincent (2021),
 * as SparseMSE 2.0.1 checkident gives them (re-run in R 4.2.2 with lpSolve): all pairs 2, AB 1,
 * AB+AC 1, AC+BC 0, AC 0, main 0.
 */
class ExistenceTest {
    private static final ListOverlapTable ART = Fixtures.table("artificial_3lists");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"'A:B,A:C,B:C', 2", "'A:B', 1", "'A:B,A:C', 1", "'A:C,B:C', 0", "'A:C', 0", "main, 0"})
    void sparseMseCodes(String model, int code) {
        LogLinearModel m = LogLinearModel.parse(model, ART.listNames());
        assertEquals(code, LogLinearMse.checkCode(ART, m), model);
        ModelCheck c = LogLinearMse.check(ART, m);
        assertEquals(code, c.getCode(), "SimplexSolver path " + model);
        assertEquals(code == 0, c.isOk());
        if (code == 2) {
            assertEquals(1, c.getAliasedTerms().size(), c.toString());
        }
    }

    @Test
    void notIdentifiableNamesTheAliasedTerm() {
        PrevalenceException ex = assertThrows(PrevalenceException.class,
                () -> LogLinearMse.withDefaults().withModel("all-pairs").estimate(ART));
        assertEquals(PrevalenceException.Kind.NOT_ESTIMABLE, ex.what());
        assertTrue(ex.getMessage().contains("not identifiable") && ex.getMessage().contains("code 2"), ex.getMessage());
        assertTrue(ex.where().startsWith("term '"), ex.where());
    }

    @Test
    void noMleNamesTheTermsAndZeroCells() {
        PrevalenceException ex = assertThrows(PrevalenceException.class,
                () -> LogLinearMse.withDefaults().withModel("A:B").estimate(ART));
        assertTrue(ex.getMessage().contains("does not exist") && ex.getMessage().contains("A:B")
                && ex.getMessage().contains("011"), ex.getMessage());
        assertEquals("term 'A:B'", ex.where());
    }

    @Test
    void emptyOverlapsFollowTheExtendedMleConvention() {
        LogLinearMse.Result r = LogLinearMse.withDefaults().withModel("A:C,B:C").estimate(ART);
        assertEquals(List.of("A:C", "B:C"), r.getEmptyTerms());
        assertEquals(Double.NEGATIVE_INFINITY, r.getCoefficient("A:C"));
        // AIC counts the two -Inf parameters: 2 * (1 + 3 + 2) - 2 loglik
        assertEquals(2 * 6 - 2 * r.getLogLikelihood(), r.getAic(), 1e-9);
        assertTrue(r.getEmptyCells().contains("101"), r.getEmptyCells().toString());
        PrevalenceException ex = assertThrows(PrevalenceException.class,
                () -> LogLinearMse.withDefaults().with(EmptyOverlaps.ERROR).withModel("A:C").estimate(ART));
        assertEquals("term 'A:C'", ex.where());
        assertTrue(ex.getMessage().contains("no case is on all of A, C"), ex.getMessage());
    }

    /** The fast simplex agrees with commons-math3 SimplexSolver on every hierarchical model of these tables. */
    @ParameterizedTest
    @ValueSource(strings = {"uk2013_5lists", "netherlands2010_2015_5lists", "us_western_site_5lists", "artificial_3lists"})
    void fastLpAgreesWithSimplexSolver(String dataset) {
        ListOverlapTable t = Fixtures.table(dataset);
        MseEngine e = MseEngine.of(t, PoissonRegression.withDefaults());
        int k = t.listCount();
        List<LogLinearModel> models = HierarchicalModels.enumerate(k, HierarchicalModels.defaultMaxOrder(k));
        int step = Math.max(1, models.size() / 400); // every model would take ~40 s with SimplexSolver
        int disagreements = 0;
        int fails = 0;
        for (int i = 0; i < models.size(); i += step) {
            LogLinearModel m = models.get(i);
            int[] cells = e.retainedCells(e.emptyTerms(m));
            int[] cols = e.columns(m);
            boolean fast = e.lpOptimum(cells, cols) > Existence.LP_ZERO;
            boolean ref = Existence.lpOptimum(k, t.countsByMask(), cells, cols) > Existence.LP_ZERO;
            if (fast != ref) {
                disagreements++;
            }
            if (!ref) {
                fails++;
            }
        }
        assertEquals(0, disagreements, dataset);
        // the fast IRLS and rank check agree with the QR path (PoissonRegression, dqrdc2 rank)
        for (int i = 0; i < models.size(); i += step * 4) {
            LogLinearModel m = models.get(i);
            int[] cells = e.retainedCells(e.emptyTerms(m));
            int[] cols = e.columns(m);
            assertEquals(Existence.aliasedColumns(cells, cols).length == 0, e.fast().fullRank(cells, cols), m.toString());
            boolean exists = e.lpOptimum(cells, cols) > Existence.LP_ZERO;
            if (exists && e.fast().fullRank(cells, cols)) {
                LogLinearIrls f = e.fastFit(m, true);
                MseEngine.ModelFit q = e.fit(m);
                org.prevalence.core.Tolerance.assertRelative(q.b0, f.b0, 1e-8, m + " intercept");
                org.prevalence.core.Tolerance.assertRelative(q.glm.getLogLikelihood(), f.loglik, 1e-9, m + " loglik");
                assertEquals(q.glm.getIterations(), f.iterations, m + " iterations");
            }
        }
        assertTrue(dataset.startsWith("artificial") || fails > 0 || dataset.startsWith("us_"), "some models fail: " + fails);
    }

    /**
     * The existence program on a dense design ({@link Existence#designOptimum}, as the covariate models use it)
     * has the optimum of SimplexSolver's program on the same models written by masks (SparseMSE's codes, above).
     */
    @ParameterizedTest
    @ValueSource(strings = {"uk2013_5lists", "artificial_3lists"})
    void denseDesignOptimumIsTheMaskProgramsOptimum(String dataset) {
        ListOverlapTable t = Fixtures.table(dataset);
        MseEngine e = MseEngine.of(t, PoissonRegression.withDefaults());
        int k = t.listCount();
        long[] counts = t.countsByMask();
        List<LogLinearModel> models = HierarchicalModels.enumerate(k, HierarchicalModels.defaultMaxOrder(k));
        int step = Math.max(1, models.size() / 150);
        int zero = 0;
        for (int m = 0; m < models.size(); m += step) {
            int[] cells = e.retainedCells(e.emptyTerms(models.get(m)));
            int[] cols = e.columns(models.get(m));
            int n = cells.length;
            double[] x = new double[n * cols.length];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = counts[cells[i]];
                for (int j = 0; j < cols.length; j++) {
                    x[j * n + i] = (cells[i] & cols[j]) == cols[j] ? 1 : 0;
                }
            }
            double ref = Existence.lpOptimum(k, counts, cells, cols);
            assertEquals(ref, Existence.designOptimum(x, n, cols.length, y), 1e-7 * Math.max(1, ref),
                    models.get(m).toString());
            zero += ref > Existence.LP_ZERO ? 0 : 1;
        }
        assertTrue(dataset.startsWith("artificial") || zero > 0, "some models have no MLE");
    }

    /**
     * A design with a centred numeric column (negative entries, as an orthogonal-polynomial year): optimum 3 by
     * scipy 1.17.1 {@code linprog(c, A_ub, b_ub, A_eq, b_eq, method="highs")} on max s, X^T u = X^T y, u >= s.
     * commons-math3's SimplexSolver gives 0 on it, so the dense simplex serves every general design.
     */
    @Test
    void denseOptimumWithNegativeEntriesMatchesHighs() {
        double[] x = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0,
            0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, -1.5, -0.5, 0.5, 1.5, -1.5, -0.5, 0.5, 1.5, -1.5, -0.5, 0.5, 1.5};
        double[] y = {16, 18, 5, 0, 9, 20, 0, 3, 2, 7, 7, 15};
        assertEquals(3.0, Existence.designOptimum(x, 12, 5, y), 1e-9);
    }
}
