package org.prevalence.mse.covariate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prevalence.core.Status;

/**
 * The stepwise path of R's {@code mse::model_search} (mse 1.0 from github MaartenCruyff/mse, R 4.2.2;
 * the R calls are in mse_reference.R beside the resources, with sessionInfo.txt): every model's step, rank,
 * residual df, deviance, AIC, AICc, BIC and N, refitted unrounded by {@code glm}. Tolerance 1e-6 relative
 * (glm's convergence criterion, 1e-8 on the relative deviance change, bounds the agreement of N; at the
 * boundary models of the end of the path, where fitted values are numerically 0, N still agrees to 3e-7).
 */
class CovariateSearchReferenceTest {
    static final List<String> LISTS = List.of("R1", "R2", "R3", "R4");
    static final List<String> COVS = List.of("X1", "X2", "X3", "X4");
    static final String DIR = "/org/prevalence/mse/covariate/";
    private static CovariateMse.Result factor;

    static CovariateTable simdat(String file, Absence... absent) {
        CovariateTable.Builder b = CovariateTable.builder(LISTS).covariates(COVS).year("Y");
        for (Absence a : absent) {
            b.absent(a);
        }
        return b.fromCases(Csv.columns(DIR + file));
    }

    @BeforeAll
    static void search() {
        factor = CovariateMse.withDefaults().search(simdat("simdat.csv"));
    }

    static void assertPath(CovariateMse.Result r, String ref) {
        List<String[]> rows = Csv.rows(DIR + ref);
        assertEquals(rows.size() - 1, r.getPath().size(), "path length");
        int bestRow = -1;
        double bestBic = Double.POSITIVE_INFINITY;
        for (int i = 1; i < rows.size(); i++) {
            String[] e = rows.get(i);
            CovariateMse.PathStep s = r.getPath().get(i - 1);
            CovariateFit f = s.fit();
            String at = ref + " model " + i + " " + e[0];
            assertEquals(e[0], s.step(), at);
            assertEquals(new java.util.TreeSet<>(List.of(e[1].split(" "))), new java.util.TreeSet<>(f.getTerms()), at);
            assertEquals(Integer.parseInt(e[2]), f.getRank(), at);
            assertEquals(Integer.parseInt(e[3]), f.getResidualDf(), at);
            assertRel(Double.parseDouble(e[4]), f.getDeviance(), 1e-6, at + " deviance");
            assertRel(Double.parseDouble(e[5]), f.getAic(), 1e-6, at + " AIC");
            assertRel(Double.parseDouble(e[6]), f.getAicc(), 1e-6, at + " AICc");
            assertRel(Double.parseDouble(e[7]), f.getBic(), 1e-6, at + " BIC");
            assertRel(Double.parseDouble(e[8]), f.getEstimate(), 1e-6, at + " N");
            // R's "fitted rates numerically 0" is our boundary status
            boolean rZero = Double.parseDouble(e[10]) < 10 * Math.ulp(1.0);
            assertEquals(rZero, f.getStatus() == Status.DEGENERATE, at + " boundary");
            if (Double.parseDouble(e[7]) < bestBic) {
                bestBic = Double.parseDouble(e[7]);
                bestRow = i - 1;
            }
        }
        assertEquals(bestRow, r.getSelectedIndex(), "BIC model");
        assertEquals(r.getPath().get(bestRow).fit().getEstimate(), r.getEstimate());
    }

    static void assertRel(double expected, double actual, double tol, String msg) {
        assertTrue(Math.abs(actual - expected) <= tol * Math.abs(expected),
                () -> msg + ": expected " + expected + ", got " + actual);
    }

    @Test
    void yearAsFactor() {
        // R: model_search(simdat, lists = 1:4); BIC model 22 (+ R1:R4), N = 8659.5769425
        assertPath(factor, "path_factor.csv");
        assertEquals(21, factor.getSelectedIndex());
    }

    @Test
    void yearAsQuadraticPolynomial() {
        // R: model_search(simdat, lists = 1:4, year = "Y", degree_year = 2); the path drops R1:Y and R3:R4
        CovariateMse.Result r = CovariateMse.withDefaults().withYearDegree(2).search(simdat("simdat.csv"));
        assertPath(r, "path_poly2.csv");
    }

    @Test
    void structuralZeroListAbsentInAYear() {
        // R: search_sz(sz, 1:4, R3 absent in Y = 4) in mse_reference.R: model_search's rule with the structural
        // zero cells left out of obs and of N
        CovariateTable t = simdat("simdat_r3_absent_y4.csv", Absence.parse("R3:Y=4"));
        assertPath(CovariateMse.withDefaults().search(t), "path_r3_absent_y4.csv");
    }

    @Test
    void structuralZeroListAbsentInACovariateLevel() {
        // R: search_sz(own, 1:3, C absent in G = b): the path is the main-effects model alone
        CovariateTable t = CovariateTable.builder(List.of("A", "B", "C")).covariates(List.of("G"))
                .absent(Absence.parse("C:G=b")).fromTable(Csv.columns(DIR + "own_c_absent_b.csv"), "Freq");
        assertPath(CovariateMse.withDefaults().search(t), "path_own_c_absent_b.csv");
    }

    @Test
    void orthogonalPolynomialIsRsPoly() {
        // R: poly(as.numeric(d$Y), 2) over the 1536 cells of the full table (poly2_year.csv)
        CovariateTable t = simdat("simdat.csv");
        double[] code = new double[t.cells()];
        for (int c = 0; c < t.cells(); c++) {
            code[c] = t.level(c, t.yearIndex()) + 1;
        }
        double[][] p = OrthogonalPolynomial.of(code, 2);
        for (String[] row : Csv.rows(DIR + "poly2_year.csv").subList(1, 8)) {
            int level = Integer.parseInt(row[0]);
            int c = 0;
            while (code[c] != level) {
                c++;
            }
            assertRel(Double.parseDouble(row[1]), p[0][c], 1e-10, "poly 1, level " + level);
            assertRel(Double.parseDouble(row[2]), p[1][c], 1e-10, "poly 2, level " + level);
        }
    }
}
