package org.prevalence.survey.forcedlabour;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;
import org.prevalence.core.io.CsvInput;
import tech.tablesaw.api.Table;

/** Closed forms of the ICLS rule, Sirken's multiplicity weights and the stock by country of exploitation. */
class ForcedLabourStockTest {
    static final String CSV = "respondent,weight,network_size,country,age,inv1,inv2,coe1,child1,start_date,end_date\n"
            + "r1,100,1,A,30,1,0,1,0,2020-01-01,2020-12-31\n"   // adult FL, 366 days
            + "r1,100,2,B,40,0,1,1,0,2021-01-01,2021-01-10\n"   // family member, network 2, exploited in B
            + "r2,200,1,A,25,1,0,0,0,2020-01-01,2020-12-31\n"   // involuntary, no coercion: not FL
            + "r3,50,1,A,15,0,0,1,0,2020-06-01,2022-05-31\n"    // child under coercion: FL only by the children's rule
            + "r4,80,1,A,12,0,0,0,1,2021-01-01,2021-12-31\n";   // child item: FL only by the children's rule
    static final IclsRule ADULT = IclsRule.of(List.of("inv1", "inv2"), List.of("coe1"));
    static final IclsRule CHILD = ADULT.with(IclsRule.ChildrenRule.ICLS_2018).withChildItems(List.of("child1"))
            .withChildAge("age", 18);
    static final LocalDate W0 = LocalDate.of(2020, 1, 1);
    static final LocalDate W1 = LocalDate.of(2021, 12, 31); // 731 days

    static Table table() {
        return CsvInput.withDefaults().read(CSV, "reports.csv");
    }

    static ReportRows rows(IclsRule rule) {
        return ReportRows.fromTable(table(), rule);
    }

    @Test
    void iclsRule() {
        assertArrayEquals(new int[] {1, 1, 0, 0, 0}, ADULT.classify(rows(ADULT)), "involuntary AND coercion");
        assertArrayEquals(new int[] {1, 1, 0, 1, 1}, CHILD.classify(rows(CHILD)), "children: coercion OR child item");
    }

    @Test
    void multiplicityWeights() {
        assertArrayEquals(new double[] {100, 50, 200}, ForcedLabourStock.multiplicityWeights(
                new double[] {100, 100, 200}, new double[] {1, 2, 1}), 0);
        assertThrows(PrevalenceException.class, () -> ForcedLabourStock.multiplicityWeights(new double[] {1},
                new double[] {0}));
    }

    @Test
    void stockByCountryOfExploitation() {
        Map<String, Double> pop = Map.of("A", 1e4, "B", 2e4);
        List<ForcedLabourStock.Country> adult = ForcedLabourStock.of(ADULT, W0, W1).estimate(rows(ADULT), pop);
        double zA = 100 * 366 / 731.0;
        assertEquals("A", adult.get(0).getCountry());
        Tolerance.assertRelative(zA, adult.get(0).getStock(), 1e-14, "A stock");
        // one non-zero respondent total out of 4: with-replacement SE = z1 exactly
        Tolerance.assertRelative(zA, adult.get(0).getStandardError(), 1e-14, "A SE");
        Tolerance.assertRelative(zA / 1e4, adult.get(0).getPrevalence(), 1e-14, "A prevalence");
        Tolerance.assertRelative(50 * 10 / 731.0, adult.get(1).getStock(), 1e-14, "B: weight 100 / network 2");
        List<ForcedLabourStock.Country> child = ForcedLabourStock.of(CHILD, W0, W1).estimate(rows(CHILD), pop);
        // r3: 2020-06-01..2021-12-31 inside the window = 214 + 365 = 579 days
        Tolerance.assertRelative((100 * 366 + 50 * 579 + 80 * 365) / 731.0, child.get(0).getStock(), 1e-14,
                "A stock with the children's rule");
    }

    @Test
    void badItemsAreNamed() {
        Table t = CsvInput.withDefaults().read(CSV.replace("r2,200,1,A,25,1,0,0,0", "r2,200,1,A,25,1,0,2,0"), "x");
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> ADULT.classify(ReportRows.fromTable(t, ADULT)));
        assertTrue(e.getMessage().contains("Row 3, column 'coe1'"), e.getMessage());
        PrevalenceException p = assertThrows(PrevalenceException.class,
                () -> ForcedLabourStock.of(ADULT, W0, W1).estimate(rows(ADULT), Map.of("A", 1.0)));
        assertTrue(p.getMessage().contains("'B'"), p.getMessage());
        PrevalenceException missing = assertThrows(PrevalenceException.class,
                () -> ReportRows.fromTable(table().removeColumns("coe1"), ADULT));
        assertTrue(missing.getMessage().contains("no column 'coe1' in 'reports.csv'"), missing.getMessage());
    }
}
