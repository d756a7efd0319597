package org.prevalence.network.nsum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.core.IntervalMethod;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;
import org.prevalence.core.io.CsvInput;
import org.prevalence.core.survey.ReplicateMethod;
import org.prevalence.survey.ReplicateDesign;
import org.prevalence.survey.SurveyDesign;
import org.prevalence.survey.SurveyRatio;
import tech.tablesaw.api.Table;

class NetworkScaleUpTest {
    private static final double N = 10e6;
    private static final Map<String, Double> R = expected("nsum-expected.csv");
    private static final Map<String, Double> LIN = expected("nsum-linearization-expected.csv");

    @TempDir
    static Path dir;

    static Map<String, Double> expected(String resource) {
        Map<String, Double> m = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                NetworkScaleUpTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#")) {
                    String[] f = line.split(",", 3);
                    m.put(f[0], Double.parseDouble(f[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    static Table table(String resource) {
        try {
            Path f = dir.resolve(resource);
            if (!Files.exists(f)) {
                Files.copy(NetworkScaleUpTest.class.getResourceAsStream(resource), f);
            }
            return CsvInput.withDefaults().read(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KnownPopulations kp() {
        return KnownPopulations.fromTable(table("nsum_example_knownpop.csv"), "known.popn", "size");
    }

    static SurveyDesign weighted() {
        return SurveyDesign.builder(table("nsum_example_survey.csv")).strata("region").clusters("cluster")
                .weights("indweight").build();
    }

    static SurveyDesign unweighted() {
        return SurveyDesign.builder(table("nsum_example_survey.csv")).equalProbability().build();
    }

    private static NetworkScaleUp nsum() {
        return NetworkScaleUp.withDefaults().withPopulationSize(N).with(MissingReports.AS_ZERO);
    }

    @Test
    void degreesMatchNetworkreporting() {
        // kp.individual.estimator_(example.survey, known.popn.vars, sum(kp.vec), 10e6)$dbar.Fcell.F
        double[] d = nsum().degrees(unweighted(), kp());
        for (int i : new int[] {1, 2, 3, 17}) {
            Tolerance.assertRelative(R.get("degree-row" + i), d[i - 1], 1e-8, "degree row " + i);
        }
        Tolerance.assertRelative(R.get("degree-sum"), java.util.Arrays.stream(d).sum(), 1e-8, "degree sum");
        // kp.estimator_(..., weights = 'indweight')$dbar.Fcell.F
        Tolerance.assertRelative(R.get("mean-degree-weighted"), nsum().meanDegree(weighted(), kp()), 1e-8,
                "weighted mean degree");
    }

    @Test
    void sizeEstimatesMatchNetworkreporting() {
        NetworkScaleUp.Result u = nsum().estimate(unweighted(), kp(), "clients");
        Tolerance.assertRelative(R.get("nsum-clients-unweighted"), u.getEstimate(), 1e-8, "clients unweighted");
        Tolerance.assertRelative(R.get("nsum-clients-unweighted-sum-d"), u.getDegreeSum(), 1e-8, "sum.d.hat");
        Tolerance.assertRelative(R.get("nsum-clients-unweighted-killworth-se"), u.getKillworthStandardError(), 1e-8,
                "Killworth SE");
        NetworkScaleUp.Result w = nsum().estimate(weighted(), kp(), "clients");
        Tolerance.assertRelative(R.get("nsum-clients-weighted"), w.getEstimate(), 1e-8, "clients weighted");
        Tolerance.assertRelative(R.get("nsum-clients-weighted-killworth-se"), w.getKillworthStandardError(), 1e-8,
                "Killworth SE weighted");
        Tolerance.assertRelative(R.get("nsum-idu-weighted"), nsum().estimate(weighted(), kp(), "idu").getEstimate(),
                1e-8, "idu weighted");
        // linearization (nsum_lin.R): 1e7 * SE(svyratio(~clients, ~d.hat, svydesign(ids=~cluster, strata=~region,
        // weights=~indweight))) and with svydesign(ids=~1); deterministic, to 1e-8
        Tolerance.assertRelative(LIN.get("lin-clients-weighted-se"), w.getStandardError(), 1e-8, "linearization SE");
        Tolerance.assertRelative(LIN.get("lin-idu-weighted-se"),
                nsum().estimate(weighted(), kp(), "idu").getStandardError(), 1e-8, "linearization SE idu");
        Tolerance.assertRelative(LIN.get("lin-clients-srs-se"), u.getStandardError(), 1e-8, "linearization SE srs");
        assertEquals(IntervalMethod.WALD, w.getConfidenceInterval().method());
        Tolerance.assertRelative(w.getEstimate() - 1.959963984540054 * w.getStandardError(),
                w.getConfidenceInterval().lower(), 1e-12, "Wald lower");
    }

    @Test
    void internalConsistencyMatchesNetworkreporting() {
        NetworkScaleUp.InternalConsistency ic = nsum().internalConsistency(unweighted(), kp());
        double[] est = ic.getEstimates();
        Tolerance.assertRelative(R.get("ic-widower"), est[0], 1e-8, "widower");
        Tolerance.assertRelative(R.get("ic-nurse.or.doctor"), est[1], 1e-8, "nurse.or.doctor");
        Tolerance.assertRelative(R.get("ic-mukandayisenga"), est[est.length - 1], 1e-8, "mukandayisenga");
        Tolerance.assertRelative(R.get("ic-mae"), ic.getMeanAbsoluteError(), 1e-8, "mae");
        Tolerance.assertRelative(R.get("ic-rmse"), ic.getRootMeanSquaredError(), 1e-8, "rmse");
        Tolerance.assertRelative(R.get("ic-are"), ic.getAverageRelativeError(), 1e-8, "are");
    }

    @Test
    void rescaledBootstrapMatchesSurveybootstrapWithinMonteCarlo() {
        SurveyDesign boot = ReplicateDesign.withDefaults().with(ReplicateMethod.BOOTSTRAP).withReplicates(1000)
                .withSeed(1234).build(weighted());
        NetworkScaleUp.Result r = nsum().estimate(boot, kp(), "clients");
        Tolerance.assertRelative(R.get("nsum-clients-weighted"), r.getEstimate(), 1e-8, "point estimate");
        double mean = R.get("boot-se-mean5");
        double tol = 4 * mean / Math.sqrt(2 * 999) * Math.sqrt(1 + 1.0 / 5);
        assertEquals(mean, r.getStandardError(), tol, "rescaled bootstrap SE vs R");
        assertEquals(IntervalMethod.PERCENTILE, r.getConfidenceInterval().method());
        assertTrue(r.getConfidenceInterval().contains(r.getEstimate()));
        assertTrue(r.getConfidenceInterval().lower() > 0);
    }

    @Test
    void givenDegreesGiveTheRatioEstimator() {
        // closed form: with every degree known, NSUM is N times the survey ratio estimator sum(w y) / sum(w d)
        org.apache.commons.rng.UniformRandomProvider rng = org.prevalence.core.bootstrap.Bootstrap.generator(5, 0);
        int n = 240;
        int[] strata = new int[n];
        int[] psu = new int[n];
        double[] w = new double[n];
        double[] d = new double[n];
        double[] y = new double[n];
        double[] k1 = new double[n];
        for (int i = 0; i < n; i++) {
            strata[i] = (i / 8) % 3;
            psu[i] = i / 8;
            w[i] = 1 + rng.nextDouble() * 4;
            d[i] = 5 + rng.nextInt(200);
            y[i] = rng.nextInt(5);
            k1[i] = rng.nextInt(5);
        }
        SurveyDesign design = SurveyDesign.builder(n).strata(strata).clusters(psu).weights(w).variable("degree", d)
                .variable("hidden", y).variable("k1", k1).build();
        double ratio = SurveyRatio.withDefaults().estimate(design, "hidden", "degree").getEstimate();
        KnownPopulations one = KnownPopulations.of(Map.of("k1", 1000.0));
        NetworkScaleUp.Result r = nsum().withDegrees("degree").estimate(design, one, "hidden");
        Tolerance.assertRelative(N * ratio, r.getEstimate(), 1e-12, "ratio estimator");
        // and every known-population report above its reported degree is refused
        d[3] = 2;
        y[3] = 0;
        k1[3] = 3;
        SurveyDesign bad = SurveyDesign.builder(n).strata(strata).clusters(psu).weights(w).variable("degree", d)
                .variable("hidden", y).variable("k1", k1).build();
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> nsum().withDegrees("degree").estimate(bad, one, "hidden"));
        assertEquals("row 4, column 'k1'", e.where());
    }

    @Test
    void badInputNamesTheRowOrPopulation() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("widower", 36147.0);
        m.put("teacher", 0.0);
        PrevalenceException zero = assertThrows(PrevalenceException.class, () -> KnownPopulations.of(m));
        assertEquals("known population 'teacher'", zero.where());
        assertTrue(zero.getMessage().contains("must be positive"), zero.getMessage());
        PrevalenceException miss = assertThrows(PrevalenceException.class,
                () -> NetworkScaleUp.withDefaults().withPopulationSize(N).degrees(unweighted(), kp()));
        assertTrue(miss.where().startsWith("row ") && miss.where().contains("'muslim'"), miss.where());
        PrevalenceException noN = assertThrows(PrevalenceException.class,
                () -> NetworkScaleUp.withDefaults().estimate(unweighted(), kp(), "clients"));
        assertTrue(noN.getMessage().contains("total population size"), noN.getMessage());
        // a respondent reporting more alters in a group than their degree
        Table t = table("nsum_example_survey.csv");
        double[] deg = new double[t.rowCount()];
        java.util.Arrays.fill(deg, 500);
        deg[6] = 1;
        SurveyDesign design = SurveyDesign.builder(t).equalProbability().variable("degree", deg).build();
        PrevalenceException more = assertThrows(PrevalenceException.class,
                () -> nsum().withDegrees("degree").estimate(design, kp(), "clients"));
        assertTrue(more.getMessage().startsWith("Row 7 reports more acquaintances"), more.getMessage());
    }
}
