package org.prevalence.survey;

import org.prevalence.core.survey.ReplicateMethod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;
import tech.tablesaw.api.Table;

/**
 * Post-stratification, raking, calibration (linear, raking, logit) and trimming against R survey 4.1-1
 * ({@code replicate/calibration-expected.csv} and {@code apiclus1_calibrated_weights.csv}): estimates
 * and SEs to 1e-8 relative (the SE of the calibration variable itself, R's 1.2e-14 noise, to 1e-8
 * absolute), intervals to 1e-8 relative, weights to 1e-8 relative.
 */
class CalibrationTest {
    private static final double TOL = 1e-8;

    static PopulationCounts popTypes() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("E", 4421);
        m.put("H", 755);
        m.put("M", 1018);
        return PopulationCounts.of("stype", m);
    }

    static PopulationCounts popSchwide() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("No", 1072);
        m.put("Yes", 5122);
        return PopulationCounts.of("sch.wide", m);
    }

    static CalibrationTotals stypeSchwide() {
        return CalibrationTotals.builder().populationSize(6194).factor("stype", Map.of("H", 755, "M", 1018))
                .factor("sch.wide", Map.of("Yes", 5122)).build();
    }

    static CalibrationTotals stypeApi99() {
        return CalibrationTotals.builder().populationSize(6194).factor("stype", Map.of("H", 755, "M", 1018))
                .numeric("api99", 3914069).build();
    }

    static SurveyDesign rclus1() {
        return ReplicateDesign.withDefaults().with(ReplicateMethod.JK1).build(RepFixtures.dclus1());
    }

    static SurveyDesign design(String key) {
        SurveyDesign d = RepFixtures.dclus1();
        switch (key) {
            case "dclus1p":
                return PostStratify.withDefaults().apply(d, popTypes());
            case "rclus1p":
                return PostStratify.withDefaults().apply(rclus1(), popTypes());
            case "dclus1r":
                return Rake.withDefaults().apply(d, List.of(popTypes(), popSchwide()));
            case "rclus1r":
                return Rake.withDefaults().apply(rclus1(), List.of(popTypes(), popSchwide()));
            case "dclus1g2":
                return Calibration.withDefaults().apply(d, stypeSchwide());
            case "dclus1g3":
                return Calibration.withDefaults().apply(d, stypeApi99());
            case "dclus1gr":
                return Calibration.withDefaults().with(CalibrationDistance.RAKING).apply(d, stypeSchwide());
            case "dclus1gl":
                return Calibration.withDefaults().with(CalibrationDistance.LOGIT).withBounds(0.5, 2).apply(d, stypeApi99());
            case "dclus1t":
                return TrimWeights.withDefaults().withBounds(20, 45).apply(design("dclus1g3"));
            case "dclus1tt":
                return TrimWeights.withDefaults().withBounds(20, 45).with(TrimWeights.Mode.STRICT).apply(design("dclus1g3"));
            default:
                throw new IllegalArgumentException(key);
        }
    }

    @ParameterizedTest(name = "{0} {2}")
    @CsvFileSource(resources = "replicate/calibration-expected.csv", numLinesToSkip = 1, nullValues = "NA")
    void matchesR(String caseId, String statistic, String variable, String domain, Double estimate, Double se,
                  Double lower, Double upper, String call) {
        String key = ReplicateDesignTest.key(caseId);
        SurveyEstimate r = ReplicateDesignTest.estimate(design(key), caseId, statistic, variable, domain, call);
        Tolerance.assertRelative(estimate, r.getEstimate(), TOL, caseId + " estimate");
        if (se < 1e-10) {
            Tolerance.assertAbsolute(se, r.getStandardError(), 1e-8, caseId + " se (R: numerical noise)");
            return;
        }
        Tolerance.assertRelative(se, r.getStandardError(), TOL, caseId + " se");
        Tolerance.assertRelative(lower, r.getConfidenceInterval().lower(), TOL, caseId + " lower");
        Tolerance.assertRelative(upper, r.getConfidenceInterval().upper(), TOL, caseId + " upper");
    }

    @Test
    void calibratedWeightsMatchR() {
        // apiclus1_calibrated_weights.csv: the weights of each calibration, row by row (same row order as apiclus1)
        Table t = RepFixtures.table("apiclus1_calibrated_weights.csv");
        String[][] cases = {{"w_poststrat", "dclus1p"}, {"w_rake", "dclus1r"}, {"w_cal_linear_stype_schwide", "dclus1g2"},
            {"w_cal_linear_stype_api99", "dclus1g3"}, {"w_cal_raking_stype_schwide", "dclus1gr"},
            {"w_cal_logit_stype_api99", "dclus1gl"}, {"w_trim", "dclus1t"}, {"w_trim_strict", "dclus1tt"}};
        double[] snum = RepFixtures.table("apiclus1.csv").numberColumn("snum").asDoubleArray();
        for (String[] c : cases) {
            double[] w = design(c[1]).weights();
            for (int i = 0; i < w.length; i++) {
                assertEquals(snum[i], t.numberColumn("snum").getDouble(i), 0, "row order");
                Tolerance.assertRelative(t.numberColumn(c[0]).getDouble(i), w[i], TOL, c[0] + " row " + (i + 1));
            }
        }
    }

    @Test
    void replicateWeightsAreRecalibrated() {
        // every JK1 replicate post-stratified: its stype totals equal the population counts (closed form)
        SurveyDesign d = design("rclus1p");
        assertTrue(d.isReplicate() && d.isCalibrated());
        int[] codes = d.factor("stype").codes();
        double[] pop = {4421, 755, 1018};
        for (int r = 0; r < d.replicateVariance().replicates(); r++) {
            double[] w = d.replicateVariance().replicateWeights(r);
            double[] s = new double[3];
            for (int i = 0; i < w.length; i++) {
                s[codes[i]] += w[i];
            }
            for (int k = 0; k < 3; k++) {
                Tolerance.assertRelative(pop[k], s[k], 1e-12, "replicate " + (r + 1) + " level " + k);
            }
        }
        // calibrated replicates (linear GREG): every replicate meets all totals
        SurveyDesign g = Calibration.withDefaults().apply(rclus1(), stypeApi99());
        double[] api99 = g.numeric("api99");
        for (int r = 0; r < g.replicateVariance().replicates(); r++) {
            double[] w = g.replicateVariance().replicateWeights(r);
            double t = 0;
            double n = 0;
            for (int i = 0; i < w.length; i++) {
                t += w[i] * api99[i];
                n += w[i];
            }
            Tolerance.assertRelative(3914069, t, 1e-9, "replicate " + (r + 1) + " api99 total");
            Tolerance.assertRelative(6194, n, 1e-9, "replicate " + (r + 1) + " N");
        }
    }

    @Test
    void populationMissingASampleLevelIsAnError() {
        PopulationCounts noM = PopulationCounts.of("stype", Map.of("E", 4421, "H", 755));
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> PostStratify.withDefaults().apply(RepFixtures.dclus1(), noM));
        assertTrue(e.getMessage().contains("stype=M") && e.getMessage().contains("row "), e.getMessage());
        assertEquals(PrevalenceException.Kind.INVALID_DATA, e.what());
        PrevalenceException e2 = assertThrows(PrevalenceException.class,
                () -> Rake.withDefaults().apply(RepFixtures.dclus1(), List.of(noM, popSchwide())));
        assertTrue(e2.getMessage().contains("inconsistent") || e2.getMessage().contains("stype=M"), e2.getMessage());
        PrevalenceException e3 = assertThrows(PrevalenceException.class, () -> Calibration.withDefaults()
                .apply(RepFixtures.dclus1(), CalibrationTotals.builder().populationSize(6194)
                        .factor("stype", Map.of("H", 755)).build()));
        assertTrue(e3.getMessage().contains("stype=M"), e3.getMessage());
    }

    @Test
    void populationLevelAbsentFromSampleIsAnError() {
        Map<String, Integer> m = new LinkedHashMap<>(Map.of("E", 4421, "H", 755, "M", 1000));
        m.put("X", 18);
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> PostStratify.withDefaults().apply(RepFixtures.dclus1(), PopulationCounts.of("stype", m)));
        assertTrue(e.getMessage().contains("[X]") && e.getMessage().contains("no row in the sample"), e.getMessage());
    }

    @Test
    void inconsistentMarginsAreAnError() {
        PopulationCounts schwide = PopulationCounts.of("sch.wide", Map.of("No", 1072, "Yes", 5000));
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> Rake.withDefaults().apply(RepFixtures.dclus1(), List.of(popTypes(), schwide)));
        assertTrue(e.getMessage().contains("inconsistent") && e.getMessage().contains("6,072"), e.getMessage());
        PrevalenceException e2 = assertThrows(PrevalenceException.class,
                () -> Calibration.withDefaults().apply(RepFixtures.dclus1(), List.of(popTypes(), schwide)));
        assertTrue(e2.getMessage().contains("inconsistent"), e2.getMessage());
        PrevalenceException e3 = assertThrows(PrevalenceException.class, () -> Calibration.withDefaults()
                .apply(RepFixtures.dclus1(), CalibrationTotals.builder().populationSize(6000)
                        .factor("stype", Map.of("E", 4421, "H", 755, "M", 1018)).build()));
        assertTrue(e3.getMessage().contains("inconsistent") && e3.getMessage().contains("'stype'"), e3.getMessage());
    }

    @Test
    void nonConvergenceIsAnErrorWithTheIterationReached() {
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> Rake.withDefaults().withMaxIterations(1)
                .withEpsilon(1e-9).apply(RepFixtures.dclus1(), List.of(popTypes(), popSchwide())));
        assertEquals(PrevalenceException.Kind.NOT_CONVERGED, e.what());
        assertTrue(e.getMessage().contains("1 sweeps"), e.getMessage());
        PrevalenceException e2 = assertThrows(PrevalenceException.class, () -> Calibration.withDefaults()
                .with(CalibrationDistance.LOGIT).withBounds(0.5, 2).withMaxIterations(2)
                .apply(RepFixtures.dclus1(), stypeApi99()));
        assertEquals(PrevalenceException.Kind.NOT_CONVERGED, e2.what());
        assertTrue(e2.getMessage().contains("after 2 iterations"), e2.getMessage());
        // totals the bounds cannot reach: logit weights g in (0.5, 2) cannot triple the population
        PrevalenceException e3 = assertThrows(PrevalenceException.class, () -> Calibration.withDefaults()
                .with(CalibrationDistance.LOGIT).withBounds(0.5, 2)
                .apply(RepFixtures.dclus1(), CalibrationTotals.builder().populationSize(3 * 6194)
                        .factor("stype", Map.of("H", 3 * 755, "M", 3 * 1018)).build()));
        assertEquals(PrevalenceException.Kind.NOT_CONVERGED, e3.what());
    }

    @Test
    void rakeWithTightEpsilonMeetsTheMarginsAndMatchesCalibrateRaking() {
        // closed form: converged raking = calibrate(calfun="raking") on the same margins
        SurveyDesign a = Rake.withDefaults().withEpsilon(1e-12).withMaxIterations(200)
                .apply(RepFixtures.dclus1(), List.of(popTypes(), popSchwide()));
        SurveyDesign b = design("dclus1gr");
        double[] wa = a.weights();
        double[] wb = b.weights();
        for (int i = 0; i < wa.length; i++) {
            Tolerance.assertRelative(wb[i], wa[i], 1e-6, "row " + (i + 1));
        }
    }

    static SurveyDesign extraDesign(String key) {
        switch (key) {
            case "rclus1g3":
                return Calibration.withDefaults().apply(rclus1(), stypeApi99());
            case "rclus1gl":
                return Calibration.withDefaults().with(CalibrationDistance.LOGIT).withBounds(0.5, 2).apply(rclus1(), stypeApi99());
            case "rclus1gr":
                return Calibration.withDefaults().with(CalibrationDistance.RAKING).apply(rclus1(), stypeSchwide());
            default:
                Map<List<String>, Integer> cells = new LinkedHashMap<>();
                String[] st = {"E", "H", "M"};
                int[] no = {800, 150, 122};
                int[] yes = {3621, 605, 896};
                for (int k = 0; k < 3; k++) {
                    cells.put(List.of(st[k], "No"), no[k]);
                    cells.put(List.of(st[k], "Yes"), yes[k]);
                }
                return PostStratify.withDefaults().apply(RepFixtures.dclus1(),
                        PopulationCounts.of(List.of("stype", "sch.wide"), cells));
        }
    }

    @ParameterizedTest(name = "{0} {3}")
    @CsvFileSource(resources = "replicate/calibration-extra-expected.csv", numLinesToSkip = 1)
    void calibratedReplicateDesignsAndCrossedPostStrataMatchR(String caseId, String statistic, String variable,
                                                                String domain, double estimate, double se) {
        SurveyEstimate r = ReplicateDesignTest.estimate(extraDesign(ReplicateDesignTest.key(caseId)), caseId, statistic,
                variable, domain, "");
        Tolerance.assertRelative(estimate, r.getEstimate(), TOL, caseId + " estimate");
        Tolerance.assertRelative(se, r.getStandardError(), TOL, caseId + " se");
    }
}
