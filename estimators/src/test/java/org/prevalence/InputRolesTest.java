package org.prevalence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;
import org.prevalence.core.io.CsvInput;
import org.prevalence.regional.Covariates;
import org.prevalence.survey.MissingValues;
import org.prevalence.survey.PopulationCounts;
import org.prevalence.survey.SurveyDesign;
import org.prevalence.survey.SurveyMean;
import tech.tablesaw.api.Table;

/**
 * Input parsing seen from the estimators: a column's type comes from its role. Expected
 * figures are closed forms of the design-weighted mean sum(w y) / sum(w) (R svymean, na.rm as stated).
 */
class InputRolesTest {
    // strata E (N = 30, 3 sampled, weight 10) and H (N = 60, 3 sampled, weight 20)
    static final String SAMPLE = "stype,pw,N_psu,n_psu,y\nE,10,30,3,1\nE,10,30,3,2\nE,10,30,3,3\n"
            + "H,20,60,3,4\nH,20,60,3,5\nH,20,60,3,6\n";

    static SurveyDesign design(String csv, CsvInput in) {
        return SurveyDesign.builder(in.read(csv, "s.csv")).strata("stype").weights("pw").fpc("N_psu").build();
    }

    @Test
    void designColumnsAndVariablesAreResolvedByExactName() {
        SurveyDesign d = design(SAMPLE, CsvInput.withDefaults());
        Tolerance.assertRelative(3.0, SurveyMean.withDefaults().estimate(d, "n_psu").getEstimate(), 1e-12, "n_psu");
        // (10*3*30 + 20*3*60) / 90 = 50
        Tolerance.assertRelative(50.0, SurveyMean.withDefaults().estimate(d, "N_psu").getEstimate(), 1e-12, "N_psu");
        // the fpc is N_psu (30 and 60), not n_psu (3, which would be 100 % sampling and refused)
        Tolerance.assertRelative(4.0, SurveyMean.withDefaults().estimate(d, "y").getEstimate(), 1e-12, "y");
    }

    @Test
    void aStrayTokenInAMeanVariableIsAnErrorNotAFactor() {
        SurveyDesign d = design(SAMPLE.replace("H,20,60,3,5", "H,20,60,3,n/a"), CsvInput.withDefaults());
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> SurveyMean.withDefaults().estimate(d, "y"));
        assertEquals(PrevalenceException.Kind.INVALID_DATA, e.what());
        assertEquals("row 5, column 'y'", e.where());
        assertTrue(e.getMessage().contains("withMissingValues"), e.getMessage());
        assertFalse(e.getMessage().contains("n/a"), "the cell is not echoed: " + e.getMessage());
        // a purely categorical column still gives one mean per level (R svymean(~stype))
        assertEquals(2, SurveyMean.withDefaults().estimateFactor(d, "stype").size());
    }

    @Test
    void aDeclaredMissingTokenFollowsTheEstimatorsNaRule() {
        SurveyDesign d = design(SAMPLE.replace("H,20,60,3,5", "H,20,60,3,n/a"),
                CsvInput.withDefaults().withMissingValues("", "NA", "n/a"));
        PrevalenceException fail = assertThrows(PrevalenceException.class,
                () -> SurveyMean.withDefaults().estimate(d, "y"));
        assertEquals("row 5, column 'y'", fail.where());
        SurveyMean.Result r = SurveyMean.withDefaults().with(MissingValues.DROP).estimate(d, "y");
        // na.rm=TRUE: (10*(1+2+3) + 20*(4+6)) / (30 + 40) = 260/70
        Tolerance.assertRelative(260.0 / 70.0, r.getEstimate(), 1e-12, "na.rm mean");
        assertEquals(1, r.getDropped());
    }

    @Test
    void aTextWeightNamesItsRow() {
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> design(SAMPLE.replace("E,10,30,3,2", "E,ten,30,3,2"), CsvInput.withDefaults()));
        assertEquals("row 2, column 'pw'", e.where());
    }

    @Test
    void aStrayTokenInACovariateIsAnErrorNotADroppedCovariate() {
        String csv = "country,gdp,conflict\nA,1.5,0\nB,high,1\nC,2.5,0\n";
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> Covariates.fromTable(CsvInput.withDefaults().read(csv, "cov.csv"), null));
        assertEquals("row 2, column 'gdp'", e.where());
        Covariates declared = Covariates.fromTable(CsvInput.withDefaults().withMissingValues("", "NA", "high")
                .read(csv, "cov.csv"), null);
        assertEquals(List.of("conflict", "gdp"), declared.names().stream().sorted().toList());
        Covariates text = Covariates.fromTable(CsvInput.withDefaults().read("country,iso,gdp\nA,AAA,1\nB,BBB,2\n",
                "cov.csv"), null);
        assertEquals(List.of("gdp"), text.names());
    }

    @Test
    void marginCountColumnIsFreqByDefaultOrNamed() {
        Table t = CsvInput.withDefaults().read("stype,N\nE,4421\nH,755\n", "m.csv");
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> PopulationCounts.fromTable(t));
        assertTrue(e.getMessage().contains("no column 'Freq'") && e.getMessage().contains("fromTable(table, column)"),
                e.getMessage());
        assertTrue(e.cliMessage().endsWith("--margin-count COL"), e.cliMessage());
        PopulationCounts p = PopulationCounts.fromTable(t, "N");
        assertEquals(List.of("stype"), p.columns());
        assertEquals(5176.0, p.total(), 0.0);
    }
}
