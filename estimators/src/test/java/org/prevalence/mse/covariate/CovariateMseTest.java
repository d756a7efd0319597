package org.prevalence.mse.covariate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;

/** Consistency with closed forms and the no-covariate log-linear code, the domain sums, and bad input. */
class CovariateMseTest {
    static final String DIR = "/org/prevalence/mse/covariate/";

    /** Two lists and a covariate G: cells (A, B, G) with counts; (0, 0) rows are absent. */
    static CovariateTable twoLists() {
        Map<String, String[]> cols = new LinkedHashMap<>();
        cols.put("A", new String[] {"1", "0", "1", "1", "0", "1", "1", "0", "1"});
        cols.put("B", new String[] {"0", "1", "1", "0", "1", "1", "0", "1", "1"});
        cols.put("G", new String[] {"x", "x", "x", "y", "y", "y", "z", "z", "z"});
        cols.put("Freq", new String[] {"30", "20", "10", "50", "15", "25", "8", "12", "4"});
        return CovariateTable.builder(List.of("A", "B")).covariates(List.of("G")).fromTable(cols, "Freq");
    }

    @Test
    void fullListByCovariateInteractionIsTheSumOfStratumFits() {
        // closed form: with A:G and B:G each stratum is the two-list independence model, whose MLE is
        // Lincoln-Petersen n_A n_B / m per stratum (Bishop, Fienberg and Holland 1975, 6.2)
        CovariateFit f = CovariateMse.withDefaults().fit(twoLists(), "A:G,B:G");
        double x = 40.0 * 30 / 10;
        double y = 75.0 * 40 / 25;
        double z = 12.0 * 16 / 4;
        assertEquals(x + y + z, f.getEstimate(), 1e-8 * (x + y + z));
        List<DomainEstimate> d = f.getDomains();
        assertEquals(Map.of(), d.get(0).domain());
        assertEquals(174, d.get(0).observed());
        assertEquals(Map.of("G", "x"), d.get(1).domain());
        assertEquals(x, d.get(1).estimate(), 1e-8 * x);
        assertEquals(y, d.get(2).estimate(), 1e-8 * y);
        assertEquals(z, d.get(3).estimate(), 1e-8 * z);
        assertEquals(60, d.get(1).observed());
    }

    @Test
    void withoutCovariatesItIsThePresentLogLinearModel() {
        // SparseMSE 2.0.1 estimatepopulation.0 on the UK 2013 table (mse-expected.csv of the mse package tests):
        // stepwise model [12,13,24,25,35,45] N 11312.99028944, deviance 16.3513834035, df 19, AIC 127.598630577;
        // main effects N 13444.13121, deviance 118.531629289, df 25
        CovariateTable uk = CovariateTable.builder(List.of("LA", "NG", "PFNCA", "GO", "GP"))
                .fromTable(Csv.columns(DIR + "uk2013_5lists.csv"), "count");
        CovariateFit s = CovariateMse.withDefaults().fit(uk, "LA:NG,NG:GP,PFNCA:GP,LA:PFNCA,GO:GP,NG:GO");
        assertEquals(11312.99028944, s.getEstimate(), 1e-6 * 11312.99);
        assertEquals(16.3513834035, s.getDeviance(), 1e-6 * 16.35);
        assertEquals(19, s.getResidualDf());
        assertEquals(127.598630577, s.getAic(), 1e-6 * 127.6);
        CovariateFit m = CovariateMse.withDefaults().fit(uk, "main");
        assertEquals(13444.13121, m.getEstimate(), 1e-6 * 13444.13);
        assertEquals(118.531629289, m.getDeviance(), 1e-6 * 118.5);
        assertEquals(25, m.getResidualDf());
    }

    @Test
    void domainEstimatesAddUp() {
        CovariateTable t = CovariateSearchReferenceTest.simdat("simdat.csv");
        CovariateFit f = CovariateMse.withDefaults().fit(t, "R1:R4,R2:R4,R1:X2,R3:X2,X1:X4,X1:Y,X2:X4,X1:X2");
        List<DomainEstimate> d = f.getDomains();
        double total = d.get(0).estimate();
        assertEquals(f.getEstimate(), total, 1e-9 * total);
        for (String cov : t.covariates()) {
            double s = 0;
            long obs = 0;
            int levels = 0;
            for (DomainEstimate e : d) {
                if (e.domain().size() == 1 && e.domain().containsKey(cov)) {
                    s += e.estimate();
                    obs += e.observed();
                    levels++;
                }
            }
            assertEquals(t.levels(t.covariates().indexOf(cov)).size(), levels, cov);
            assertEquals(total, s, 1e-9 * total, cov);
            assertEquals(1043, obs, cov);
        }
        double pairs = 0;
        for (DomainEstimate e : d) {
            if (e.domain().keySet().equals(java.util.Set.of("X1", "Y"))) {
                pairs += e.estimate();
            }
        }
        assertEquals(total, pairs, 1e-9 * total);
        // 1 whole + (2+2+2+3+4) levels + pairs 4+4+6+8+4+6+8+6+8+12
        assertEquals(1 + 13 + 66, d.size());
    }

    @Test
    void structuralZeroCellsAreNotInTheEstimate() {
        CovariateTable t = CovariateSearchReferenceTest.simdat("simdat_r3_absent_y4.csv", Absence.parse("R3:Y=4"));
        CovariateFit f = CovariateMse.withDefaults().fit(t, "main");
        int structural = 0;
        for (int c = 0; c < t.cells(); c++) {
            if (t.isStructuralZero(c)) {
                structural++;
                assertTrue(Double.isNaN(f.getFitted(c)));
            }
        }
        assertEquals(8 * 24, structural); // 8 histories with R3 = 1, 24 covariate cells of year 4
    }

    static PrevalenceException bad(Runnable r) {
        return assertThrows(PrevalenceException.class, r::run);
    }

    static Map<String, String[]> cases(String[] a, String[] b, String[] g, String[] yr) {
        Map<String, String[]> cols = new LinkedHashMap<>();
        cols.put("A", a);
        cols.put("B", b);
        cols.put("G", g);
        cols.put("year", yr);
        return cols;
    }

    @Test
    void badInputNamesTheRowLevelOrTerm() {
        String[] a = {"1", "0", "1", "1"};
        String[] b = {"0", "1", "1", "1"};
        String[] g = {"x", "y", "x", "y"};
        String[] yr = {"2015", "2016", "2016", "2015"};
        CovariateTable.Builder base = CovariateTable.builder(List.of("A", "B")).covariates(List.of("G")).year("year");
        assertTrue(bad(() -> CovariateTable.builder(List.of("A", "B")).covariates(List.of("G"))
                .fromCases(cases(a, b, new String[] {"x", "x", "x", "x"}, yr))).getMessage()
                .contains("'G' has a single level"));
        assertTrue(bad(() -> base.fromCases(cases(a, b, g, new String[] {"2015", "2016", "later", "2015"})))
                .getMessage().contains("Row 3: the year column 'year' must be numeric"));
        assertTrue(bad(() -> CovariateTable.builder(List.of("A", "B")).covariates(List.of("G")).year("year")
                .absent(Absence.parse("C:year=2015")).fromCases(cases(a, b, g, yr))).getMessage()
                .contains("names list 'C'"));
        assertTrue(bad(() -> CovariateTable.builder(List.of("A", "B")).covariates(List.of("G")).year("year")
                .absent(Absence.parse("B:year=2014")).fromCases(cases(a, b, g, yr))).getMessage()
                .contains("'2014' is not a level of year"));
        assertTrue(bad(() -> CovariateTable.builder(List.of("A", "B")).covariates(List.of("G")).year("year")
                .absent(Absence.parse("B:G=z")).fromCases(cases(a, b, g, yr))).getMessage()
                .contains("'z' is not a level of G"));
        PrevalenceException onAbsent = bad(() -> CovariateTable.builder(List.of("A", "B")).covariates(List.of("G"))
                .year("year").absent(Absence.parse("B:year=2015")).fromCases(cases(a, b, g, yr)));
        assertTrue(onAbsent.getMessage().contains("Row 4 is a case on a list declared absent"), onAbsent.getMessage());
        assertTrue(bad(() -> base.fromCases(cases(a, new String[] {"0", "1", "2", "1"}, g, yr))).getMessage()
                .contains("Row 3: list column 'B' must be 0 or 1"));
        assertTrue(bad(() -> base.fromCases(cases(new String[] {"1", "0", "0", "1"}, new String[] {"0", "1", "0",
                "1"}, g, yr))).getMessage().contains("Row 3 is on no list"));
        Map<String, String[]> tab = cases(a, b, g, yr);
        tab.put("Freq", new String[] {"3", "0", "4", "0"});
        assertTrue(bad(() -> CovariateTable.builder(List.of("A", "B")).covariates(List.of("G")).fromTable(tab,
                "Freq")).getMessage().contains("Level 'y' of covariate 'G' has no cases"));
        CovariateTable ok = base.fromCases(cases(a, b, g, yr));
        assertTrue(bad(() -> CovariateMse.withDefaults().fit(ok, "A:Z")).getMessage().contains("Term 'A:Z'"));
        assertTrue(bad(() -> CovariateMse.withDefaults().withMinModel("A:G").withMaxModel("main").search(ok))
                .getMessage().contains("term A:G, which is not in the maximal model"));
        assertTrue(bad(() -> CovariateMse.withDefaults().withYearDegree(2).fit(ok, "main")).getMessage()
                .contains("degree 2 must be below the number of years 2"));
    }

    /** Three lists; no case on A in level y of G (A's y-cells all 0). */
    static CovariateTable noAInY() {
        String[][] rows = {
            {"1", "0", "0", "x", "20"}, {"0", "1", "0", "x", "15"}, {"1", "1", "0", "x", "6"}, {"0", "0", "1", "x", "9"},
            {"1", "0", "1", "x", "4"}, {"0", "1", "1", "x", "3"}, {"1", "1", "1", "x", "2"},
            {"0", "1", "0", "y", "25"}, {"0", "0", "1", "y", "12"}, {"0", "1", "1", "y", "5"}};
        return ListSensitivityTest.abcg(rows);
    }

    @Test
    void requestedModelWithoutAnMleIsAnErrorNamingTheTerm() {
        // closed form: the sufficient statistic of column A1:Gy is the number of cases on A in level y, 0 here;
        // the log-likelihood increases without bound as its coefficient goes to minus infinity (the observed
        // margins on the boundary of the marginal cone, Fienberg and Rinaldo 2012), so the MLE does not exist
        CovariateFit f = CovariateMse.withDefaults().fit(noAInY(), "A:G");
        assertTrue(f.getWarnings().stream().anyMatch(w -> w.message().contains("term A:G")
                && w.message().contains("A1:Gy")), f.toString());
        org.prevalence.core.PrevalenceException s = org.junit.jupiter.api.Assertions.assertThrows(
                org.prevalence.core.PrevalenceException.class, () -> CovariateMse.withDefaults().withMinModel("A:G")
                        .withMaxModel("A:G").search(noAInY()));
        assertTrue(s.getMessage().contains("term A:G") && s.getMessage().contains("A1:Gy"), s.getMessage());
        // B and C have cases in both levels, and every list pair overlaps: those models have an MLE
        CovariateFit ok = CovariateMse.withDefaults().fit(noAInY(), "B:G,C:G,A:B,A:C,B:C");
        assertTrue(ok.getWarnings().isEmpty(), ok.toString());
    }

    @Test
    void searchReportsEveryPathModelWithoutAnMle() {
        CovariateMse.Result r = CovariateMse.withDefaults().search(noAInY());
        for (CovariateMse.PathStep p : r.getPath()) {
            boolean hasAg = p.fit().getTerms().contains("A:G");
            boolean warned = p.fit().getWarnings().stream().anyMatch(w -> w.message().contains("term A:G"));
            assertEquals(hasAg, warned, p.step() + " " + p.fit());
        }
    }
}
