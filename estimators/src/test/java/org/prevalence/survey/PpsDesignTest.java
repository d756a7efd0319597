package org.prevalence.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;
import org.prevalence.core.io.CsvInput;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * PPS without replacement on R survey's {@code election_pps} (40 counties, probability proportional to
 * votes; {@code pps/election_pps.csv}) with its exact joint probabilities ({@code pps/election_jointprob.csv}):
 * totals, means and ratios by Brewer, Overton, Hartley-Rao (given and estimated psum), ppsmat (HT and YG),
 * Overton YG and with replacement, unstratified and on a constructed two-stratum split, against R survey
 * 4.1.1 ({@code pps/pps-expected.csv}, made by {@code pps/make_pps_expected.R}) to 1e-8 relative; plus a
 * closed-form check of the joint-probability quadratic form and the bad-input errors.
 */
class PpsDesignTest {
    static Table election() {
        return CsvInput.withDefaults().withType("County", ColumnType.STRING).read(text("pps/election_pps.csv"),
                "election_pps.csv");
    }

    static double[][] joint() {
        List<String> lines = text("pps/election_jointprob.csv").lines().filter(l -> !l.isBlank()).toList();
        double[][] m = new double[lines.size()][];
        for (int i = 0; i < m.length; i++) {
            String[] f = lines.get(i).split(",");
            m[i] = new double[f.length];
            for (int j = 0; j < f.length; j++) {
                m[i][j] = Double.parseDouble(f[j].trim());
            }
        }
        return m;
    }

    private static String text(String resource) {
        try (InputStream in = PpsDesignTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The designs of make_pps_expected.R by name. */
    static SurveyDesign design(String name) {
        SurveyDesign.Builder b = SurveyDesign.builder(election()).probabilities("p");
        if (name.endsWith("_strat")) {
            b.strata("stratum");
        }
        switch (name) {
            case "brewer", "brewer_strat" -> b.pps(Pps.of(PpsMethod.BREWER));
            case "overton", "overton_strat" -> b.pps(Pps.of(PpsMethod.OVERTON));
            case "overton_yg" -> b.pps(Pps.of(PpsMethod.OVERTON).with(PpsVarianceForm.YATES_GRUNDY));
            case "hr" -> b.pps(Pps.hartleyRao(psum()));
            case "hr1", "hr1_strat" -> b.pps(Pps.of(PpsMethod.HARTLEY_RAO));
            case "ppsmat" -> b.pps(Pps.jointProbabilities(joint()));
            case "ppsmat_yg" -> b.pps(Pps.jointProbabilities(joint()).with(PpsVarianceForm.YATES_GRUNDY));
            case "wr" -> { }
            default -> throw new IllegalArgumentException(name);
        }
        return b.build();
    }

    /** HR(sum(election$p^2)/40) over the 4,600 counties of the population, as printed by R. */
    private static double psum() {
        return Double.parseDouble(text("pps/hr-psum.txt").trim());
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "pps/pps-expected.csv", numLinesToSkip = 1)
    void matchesR(String caseId, String design, String statistic, String variable, double estimate, double se, int df) {
        SurveyDesign d = design(design);
        BaseResult r = switch (statistic) {
            case "total" -> SurveyTotal.withDefaults().estimate(d, variable);
            case "mean" -> SurveyMean.withDefaults().estimate(d, variable);
            default -> SurveyRatio.withDefaults().estimate(d, "Bush", "votes");
        };
        Tolerance.assertRelative(estimate, r.getEstimate(), 1e-8, caseId + " estimate");
        Tolerance.assertRelative(se, r.getStandardError(), 1e-8, caseId + " se");
        assertEquals(df, d.degreesOfFreedom(), caseId + " df");
    }

    @Test
    void jointProbabilityVarianceIsTheHorvitzThompsonClosedForm() {
        // V = sum_ij (pi_ij - pi_i pi_j)/pi_ij * y_i/pi_i * y_j/pi_j, here with tolerance 0 (no entry dropped)
        Table t = election();
        double[] y = t.numberColumn("Kerry").asDoubleArray();
        double[] p = t.numberColumn("p").asDoubleArray();
        double[][] m = joint();
        double v = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y.length; j++) {
                v += (m[i][j] - m[i][i] * m[j][j]) / m[i][j] * y[i] / p[i] * y[j] / p[j];
            }
        }
        SurveyDesign d = SurveyDesign.builder(t).probabilities("p").pps(Pps.jointProbabilities(m).withTolerance(0)).build();
        Tolerance.assertRelative(Math.sqrt(v), SurveyTotal.withDefaults().estimate(d, "Kerry").getStandardError(), 1e-12,
                "HT closed form");
    }

    @Test
    void brewerIsItsClosedForm() {
        // V = n/(n-1) sum_i (1 - pi_i)(y_i/pi_i - mean)^2 (Brewer 2002, sec. 9.9)
        Table t = election();
        double[] y = t.numberColumn("Nader").asDoubleArray();
        double[] p = t.numberColumn("p").asDoubleArray();
        int n = y.length;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += y[i] / p[i] / n;
        }
        double v = 0;
        for (int i = 0; i < n; i++) {
            v += (1 - p[i]) * (y[i] / p[i] - mean) * (y[i] / p[i] - mean) * n / (n - 1);
        }
        Tolerance.assertRelative(Math.sqrt(v), SurveyTotal.withDefaults().estimate(design("brewer"), "Nader")
                .getStandardError(), 1e-12, "Brewer closed form");
    }

    @Test
    void probabilitiesOutsideTheUnitIntervalNameColumnAndRow() {
        Table t = election();
        t.doubleColumn("p").set(6, 1.5);
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> SurveyDesign.builder(t).probabilities("p")
                .pps(Pps.of(PpsMethod.OVERTON)).build());
        assertTrue(e.getMessage().contains("row 7") && e.getMessage().contains("'p'"), e.getMessage());
        Table u = election();
        double[] w = new double[u.rowCount()];
        java.util.Arrays.fill(w, 2);
        w[3] = 0.5;
        e = assertThrows(PrevalenceException.class, () -> SurveyDesign.builder(u).weights(w)
                .pps(Pps.of(PpsMethod.BREWER)).build());
        assertTrue(e.getMessage().contains("row 4") && e.getMessage().contains("outside (0, 1]"), e.getMessage());
    }

    @Test
    void badJointProbabilitiesNameTheCell() {
        double[][] m = joint();
        m[2][5] = m[5][2] = 0.9;   // above min(pi_3, pi_6)
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> SurveyDesign.builder(election())
                .probabilities("p").pps(Pps.jointProbabilities(m)).build());
        assertTrue(e.getMessage().contains("row 3") && e.getMessage().contains("column 6"), e.getMessage());
        double[][] a = joint();
        a[4][9] = a[4][9] * 1.01;   // not symmetric
        e = assertThrows(PrevalenceException.class, () -> SurveyDesign.builder(election()).probabilities("p")
                .pps(Pps.jointProbabilities(a)).build());
        assertTrue(e.getMessage().contains("symmetric"), e.getMessage());
        double[][] small = new double[3][3];
        e = assertThrows(PrevalenceException.class, () -> SurveyDesign.builder(election()).probabilities("p")
                .pps(Pps.jointProbabilities(small)).build());
        assertTrue(e.getMessage().contains("40 PSUs"), e.getMessage());
    }

    @Test
    void brewerRefusesYatesGrundyAndPpsRefusesCalibrationAndFpc() {
        assertThrows(PrevalenceException.class, () -> Pps.of(PpsMethod.BREWER).with(PpsVarianceForm.YATES_GRUNDY));
        assertThrows(PrevalenceException.class, () -> Pps.hartleyRao(1.5));
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> SurveyDesign.builder(election())
                .probabilities("p").fpc("p").pps(Pps.of(PpsMethod.OVERTON)).build());
        assertTrue(e.getMessage().contains("fpc"), e.getMessage());
    }
}
