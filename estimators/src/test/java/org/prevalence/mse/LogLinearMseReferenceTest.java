package org.prevalence.mse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.prevalence.core.Tolerance;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * SparseMSE 2.0.1 stepwise and main-effects fits on the published tables (mse-expected.csv). Figures
 * with 12 significant digits: 1e-6 relative; the README's 2-decimal figures: 0.0051 absolute.
 */
class LogLinearMseReferenceTest {

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "mse-expected.csv", numLinesToSkip = 1, nullValues = "NA")
    void matchesSparseMse(String caseId, String dataset, String method, double estimate, double lower, double upper,
            Double deviance, Integer df, Double aic, String terms) {
        ListOverlapTable t = Fixtures.table(dataset);
        LogLinearMse.Result r = method.equals("main")
                ? LogLinearMse.withDefaults().fit(t, LogLinearModel.mainEffects(t.listCount()))
                : LogLinearMse.withDefaults().stepwise(t);
        boolean twoDecimals = deviance == null;
        check(estimate, r.getEstimate(), twoDecimals, caseId + " estimate");
        check(lower, r.getConfidenceInterval().lower(), twoDecimals, caseId + " lower");
        check(upper, r.getConfidenceInterval().upper(), twoDecimals, caseId + " upper");
        if (deviance != null) {
            Tolerance.assertRelative(deviance, r.getDeviance(), 1e-6, caseId + " deviance");
            assertEquals(df.intValue(), r.getDf(), caseId + " df");
            Tolerance.assertRelative(aic, r.getAic(), 1e-6, caseId + " aic");
        }
        List<String> expected = terms == null ? List.of() : Arrays.asList(terms.split(" "));
        if (!method.equals("main")) {
            // R lists the formula's terms in the order added, then the empty overlaps (extended MLE)
            List<String> fitted = new java.util.ArrayList<>(r.getTerms());
            fitted.removeAll(r.getEmptyTerms());
            int nEmpty = r.getEmptyTerms().size();
            assertEquals(expected.subList(0, expected.size() - nEmpty), fitted, caseId + " terms in the order added");
            assertEquals(new java.util.HashSet<>(expected.subList(expected.size() - nEmpty, expected.size())),
                    new java.util.HashSet<>(r.getEmptyTerms()), caseId + " empty overlaps");
        }
        assertEquals(t.observedTotal(), r.getObserved());
    }

    private static void check(double expected, double actual, boolean twoDecimals, String what) {
        if (twoDecimals) {
            Tolerance.assertAbsolute(expected, actual, 0.0051, what);
        } else {
            Tolerance.assertRelative(expected, actual, 1e-6, what);
        }
    }
}
