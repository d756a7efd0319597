package org.prevalence.survey.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.CsvInput;
import org.prevalence.core.survey.ReplicateCentre;
import org.prevalence.core.survey.ReplicateMethod;
import org.prevalence.core.survey.ReplicateWeightSpec;
import org.prevalence.survey.ReplicateDesign;
import org.prevalence.survey.SurveyDesign;
import org.prevalence.survey.SurveyMean;
import org.prevalence.survey.SurveyTotal;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * Successive-difference replication ({@link ReplicateMethod#SDR}, scale 4/80, mse) on
 * {@code model/apistrat_sdr80.csv}, 80 replicate weights built by {@code make_sdr_expected.R} (Fay and
 * Train 1995 factors from survey's 80 x 80 Hadamard matrix): totals, means and a survey GLM against R's
 * {@code svrepdesign(type="successive-difference", mse=TRUE)} ({@code model/sdr-expected.csv}) to 1e-8
 * relative, and the SE of a total against the closed form \( \sqrt{4/80 \sum_r (X_r - X)^2} \)
 * computed here from the columns.
 */
class SuccessiveDifferenceTest {
    private static Table table() {
        try (InputStream in = SuccessiveDifferenceTest.class.getResourceAsStream("apistrat_sdr80.csv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return CsvInput.withDefaults().withType("stype", ColumnType.STRING).read(text, "apistrat_sdr80.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> reps() {
        List<String> r = new ArrayList<>();
        for (int i = 1; i <= 80; i++) {
            r.add("rep" + i);
        }
        return r;
    }

    static SurveyDesign sdr() {
        List<String> cols = reps();
        ReplicateWeightSpec spec = new ReplicateWeightSpec(cols, ReplicateMethod.SDR,
                ReplicateDesign.defaultScale(ReplicateMethod.SDR, cols.size(), 0), null, ReplicateCentre.FULL_SAMPLE);
        return ReplicateDesign.supplied(SurveyDesign.builder(table()).weights("pw").replicateWeights(spec).build());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvFileSource(resources = "sdr-expected.csv", numLinesToSkip = 1)
    void matchesR(String statistic, String variable, double estimate, double se, double scale, int df) {
        SurveyDesign d = sdr();
        double est;
        double s;
        int dof;
        switch (statistic) {
            case "total":
                SurveyTotal.Result t = SurveyTotal.withDefaults().estimate(d, variable);
                est = t.getEstimate();
                s = t.getStandardError();
                dof = d.degreesOfFreedom();
                break;
            case "mean":
                SurveyMean.Result m = SurveyMean.withDefaults().estimate(d, variable);
                est = m.getEstimate();
                s = m.getStandardError();
                dof = d.degreesOfFreedom();
                break;
            default:
                SurveyGlm.Term g = SurveyGlm.withDefaults().fit(d, "api00 ~ enroll + stype").getTerm(variable);
                est = g.getEstimate();
                s = g.getStandardError();
                dof = g.getDegreesOfFreedom();
        }
        assertEquals(estimate, est, 1e-8 * Math.abs(estimate));
        assertEquals(se, s, 1e-8 * se);
        assertEquals(df, dof);
        assertEquals(4.0 / 80, scale, 1e-15);
    }

    @Test
    void totalSeIsTheClosedForm() {
        Table t = table();
        double[] y = t.numberColumn("api00").asDoubleArray();
        double[] w = t.numberColumn("pw").asDoubleArray();
        double full = 0;
        for (int i = 0; i < y.length; i++) {
            full += w[i] * y[i];
        }
        double ss = 0;
        for (String c : reps()) {
            double[] wr = t.numberColumn(c).asDoubleArray();
            double xr = 0;
            for (int i = 0; i < y.length; i++) {
                xr += wr[i] * y[i];
            }
            ss += (xr - full) * (xr - full);
        }
        double closed = Math.sqrt(4.0 / 80 * ss);
        assertEquals(closed, SurveyTotal.withDefaults().estimate(sdr(), "api00").getStandardError(), 1e-10 * closed);
    }

    @Test
    void sdrCannotBeMadeFromADesign() {
        assertThrows(PrevalenceException.class, () -> ReplicateDesign.withDefaults().with(ReplicateMethod.SDR));
    }
}
