package org.prevalence.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;
import org.prevalence.core.io.CsvInput;
import org.prevalence.survey.model.GlmFamily;
import org.prevalence.survey.model.SurveyGlm;
import tech.tablesaw.api.Table;

/**
 * {@link MultipleImputation} against mitools 2.4's {@code MIcombine} ({@code mi/mi-expected.csv}, made by
 * {@code mi/make_mi_expected.R}): the mitools example (glm coefficients and vcov of each of the 5 {@code smi}
 * imputations, {@code mi/mi-glm-inputs.csv}), with and without {@code df.complete}, and survey estimators run on
 * each imputation's design ({@code svymean}, {@code svytotal}, {@code svyglm}); estimates, SEs and limits to 1e-8
 * relative, df and missing information to 1e-6. Plus Rubin's rules by hand and the bad-input errors.
 */
class MultipleImputationTest {
    private static final List<String> LABELS = List.of("smi1.csv", "smi2.csv", "smi3.csv", "smi4.csv", "smi5.csv");

    private static String text(String resource) {
        try (InputStream in = MultipleImputationTest.class.getResourceAsStream("mi/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Table table(String file) {
        return CsvInput.withDefaults().read(text(file), file);
    }

    /** svydesign(id=~id, weights=~w, data=imputationList(smi1..5)) */
    static List<SurveyDesign> designs() {
        List<SurveyDesign> d = new ArrayList<>();
        for (String f : LABELS) {
            d.add(SurveyDesign.builder(table(f)).clusters("id").weights("w").build());
        }
        return d;
    }

    /** The mitools example's per-imputation glm coefficients and vcov. */
    private static List<MultipleImputation.Completed> exampleInputs() {
        Table t = CsvInput.withDefaults().withType("term", tech.tablesaw.api.ColumnType.STRING)
                .read(text("mi-glm-inputs.csv"), "mi-glm-inputs.csv");
        List<MultipleImputation.Completed> out = new ArrayList<>();
        for (int l = 1; l <= 5; l++) {
            List<String> terms = new ArrayList<>();
            double[] est = new double[4];
            double[][] cov = new double[4][4];
            int j = 0;
            for (int i = 0; i < t.rowCount(); i++) {
                if (t.numberColumn("imputation").getDouble(i) == l) {
                    terms.add(t.stringColumn("term").get(i));
                    est[j] = t.numberColumn("estimate").getDouble(i);
                    for (int c = 0; c < 4; c++) {
                        cov[j][c] = t.numberColumn("v" + (c + 1)).getDouble(i);
                    }
                    j++;
                }
            }
            out.add(new MultipleImputation.Completed(terms, est, cov));
        }
        return out;
    }

    private static MultipleImputation.Completed glm(SurveyDesign d) {
        SurveyGlm.Result g = SurveyGlm.withDefaults().with(GlmFamily.QUASIBINOMIAL).fit(d, "drinkreg ~ wave * sex");
        return new MultipleImputation.Completed(g.getCoefficientNames(), g.getCoefficients(), g.getCovariance());
    }

    private static MultipleImputation.Result run(String caseId) {
        MultipleImputation mi = MultipleImputation.withDefaults();
        Function<SurveyDesign, MultipleImputation.Completed> one = switch (caseId) {
            case "svymean_cistot" -> d -> MultipleImputation.Completed.of(List.of(SurveyMean.withDefaults().estimate(d, "cistot")));
            case "svytotal_drinkreg" -> d -> MultipleImputation.Completed.of(List.of(SurveyTotal.withDefaults().estimate(d, "drinkreg")));
            case "svyglm", "svyglm_dfc" -> MultipleImputationTest::glm;
            default -> null;
        };
        if (one == null) {
            return (caseId.equals("example_glm_dfc") ? mi.withCompleteDataDf(1166) : mi).combine(exampleInputs(), LABELS);
        }
        List<SurveyDesign> d = designs();
        return (caseId.equals("svyglm_dfc") ? mi.withCompleteDataDf(d.get(0).degreesOfFreedom()) : mi).estimate(d, LABELS, one);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvFileSource(resources = "mi/mi-expected.csv", numLinesToSkip = 1)
    void matchesMIcombine(String caseId, String term, double estimate, double se, double df, double lower, double upper,
                          double missinfo) {
        MultipleImputation.Term t = run(caseId).getTerm(term);
        Tolerance.assertRelative(estimate, t.getEstimate(), 1e-8, caseId + " " + term + " estimate");
        Tolerance.assertRelative(se, t.getStandardError(), 1e-8, caseId + " " + term + " se");
        Tolerance.assertRelative(df, t.getDegreesOfFreedom(), 1e-6, caseId + " " + term + " df");
        Tolerance.assertRelative(lower, t.getLower(), 1e-8, caseId + " " + term + " lower");
        Tolerance.assertRelative(upper, t.getUpper(), 1e-8, caseId + " " + term + " upper");
        Tolerance.assertRelative(missinfo, t.getMissingInformation(), 1e-6, caseId + " " + term + " missinfo");
    }

    @Test
    void rubinsRulesByHand() {
        // estimates 10, 12, 14 with variances 4: Qbar = 12, Ubar = 4, B = 4, T = 4 + (4/3) 4 = 28/3,
        // r = (4/3) 4/4 = 4/3, df = 2 (1 + 3/4)^2 = 6.125, missing information (4/3 + 2/9.125)/(7/3)
        List<MultipleImputation.Completed> c = new ArrayList<>();
        for (double q : new double[] {10, 12, 14}) {
            c.add(new MultipleImputation.Completed(List.of("y"), new double[] {q}, new double[][] {{4}}));
        }
        MultipleImputation.Term t = MultipleImputation.withDefaults().combine(c, List.of("a", "b", "c")).getTerm("y");
        assertEquals(12, t.getEstimate(), 1e-14);
        assertEquals(Math.sqrt(28.0 / 3), t.getStandardError(), 1e-14);
        assertEquals(6.125, t.getDegreesOfFreedom(), 1e-12);
        assertEquals((4.0 / 3 + 2 / 9.125) / (7.0 / 3), t.getMissingInformation(), 1e-14);
        assertEquals(4, t.getWithinVariance(), 1e-14);
        assertEquals(4, t.getBetweenVariance(), 1e-14);
        // with df.complete = 10: df_obs = (11/13) 10 (4/8) = 55/13, df = 1/(13/55 + 1/6.125)
        MultipleImputation.Term u = MultipleImputation.withDefaults().withCompleteDataDf(10).combine(c, List.of("a", "b", "c"))
                .getTerm("y");
        assertEquals(1 / (13.0 / 55 + 1 / 6.125), u.getDegreesOfFreedom(), 1e-12);
    }

    @Test
    void imputationsWithDifferentRowsOrDesignsAreNamed() {
        List<SurveyDesign> d = designs();
        Table short3 = table("smi3.csv").dropRows(7);
        d.set(2, SurveyDesign.builder(short3).clusters("id").weights("w").build());
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> MultipleImputation.checkSameDesign(d, LABELS));
        assertTrue(e.getMessage().contains("smi3.csv") && e.getMessage().contains("1169 rows"), e.getMessage());
        List<SurveyDesign> g = designs();
        Table t4 = table("smi4.csv");
        t4.intColumn("w").set(10, 2);
        g.set(3, SurveyDesign.builder(t4).clusters("id").weights("w").build());
        e = assertThrows(PrevalenceException.class, () -> MultipleImputation.withDefaults().estimate(g, LABELS,
                d2 -> MultipleImputation.Completed.of(List.of(SurveyMean.withDefaults().estimate(d2, "cistot")))));
        assertTrue(e.getMessage().contains("smi4.csv") && e.getMessage().contains("row 11"), e.getMessage());
        List<SurveyDesign> s = designs();
        s.set(1, SurveyDesign.builder(table("smi2.csv")).weights("w").build());
        e = assertThrows(PrevalenceException.class, () -> MultipleImputation.checkSameDesign(s, LABELS));
        assertTrue(e.getMessage().contains("smi2.csv") && e.getMessage().contains("PSUs"), e.getMessage());
    }
}
