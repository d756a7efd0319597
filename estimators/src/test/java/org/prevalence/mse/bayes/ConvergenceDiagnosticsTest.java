package org.prevalence.mse.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;

class ConvergenceDiagnosticsTest {
    private static Map<String, double[][]> draws;

    /** Reads convergence-draws.csv (case, chain, iteration, value) into case -> [chain][iteration]. */
    private static synchronized double[][] draws(String caseId) throws IOException {
        if (draws == null) {
            Map<String, List<List<Double>>> m = new LinkedHashMap<>();
            try (InputStream in = ConvergenceDiagnosticsTest.class.getResourceAsStream("convergence-draws.csv")) {
                String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
                for (int i = 1; i < lines.length; i++) {
                    if (lines[i].startsWith("#") || lines[i].isBlank()) {
                        continue;
                    }
                    String[] c = lines[i].split(",");
                    List<List<Double>> chains = m.computeIfAbsent(c[0], k -> new ArrayList<>());
                    int chain = Integer.parseInt(c[1]) - 1;
                    while (chains.size() <= chain) {
                        chains.add(new ArrayList<>());
                    }
                    chains.get(chain).add(Double.parseDouble(c[3]));
                }
            }
            draws = new LinkedHashMap<>();
            m.forEach((k, v) -> draws.put(k, v.stream()
                    .map(l -> l.stream().mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new)));
        }
        return draws.get(caseId);
    }

    /** R posterior 1.4.0 on the same draws; relative tolerance 1e-9 (FFT padding differs: rounding only). */
    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "convergence-expected.csv", numLinesToSkip = 1)
    void matchesPosteriorPackage(String caseId, double rhat, double essBulk, double essTail, double rhatBasic,
                                 double essBasic, double essQ05, double essMedian) throws IOException {
        double[][] x = draws(caseId);
        Tolerance.assertRelative(rhat, ConvergenceDiagnostics.rhat(x), 1e-9, caseId + " rhat");
        Tolerance.assertRelative(essBulk, ConvergenceDiagnostics.essBulk(x), 1e-9, caseId + " ess_bulk");
        Tolerance.assertRelative(essTail, ConvergenceDiagnostics.essTail(x), 1e-9, caseId + " ess_tail");
        Tolerance.assertRelative(rhatBasic, ConvergenceDiagnostics.rhatBasic(x, true), 1e-9, caseId + " rhat_basic");
        Tolerance.assertRelative(essBasic, ConvergenceDiagnostics.essBasic(x, true), 1e-9, caseId + " ess_basic");
        Tolerance.assertRelative(essQ05, ConvergenceDiagnostics.essQuantile(x, 0.05), 1e-9, caseId + " ess_q05");
        Tolerance.assertRelative(essMedian, ConvergenceDiagnostics.essQuantile(x, 0.5), 1e-9, caseId + " ess_median");
    }

    /** Hand-computed: chains (1,2,3) and (2,3,4): W = 1, B = 3 var(2, 3) = 1.5, R-hat = sqrt((1.5 + 2)/3) = sqrt(7/6). */
    @Test
    void basicRhatByHand() {
        double[][] x = {{1, 2, 3}, {2, 3, 4}};
        Tolerance.assertRelative(Math.sqrt(7.0 / 6), ConvergenceDiagnostics.rhatBasic(x, false), 1e-14, "rhat");
    }

    /**
     * Hand-computed split R-hat: halves (1,2,3,4), (5,6,7,8), (2,4,6,8), (1,3,5,7); W = 25/6,
     * B = 4 var(2.5, 6.5, 5, 4) = 34/3, R-hat = sqrt((B/W + 3)/4) = sqrt(1.43) (posterior 1.4.0: 1.195826).
     */
    @Test
    void splitRhatByHand() {
        double[][] x = {{1, 2, 3, 4, 5, 6, 7, 8}, {2, 4, 6, 8, 1, 3, 5, 7}};
        Tolerance.assertRelative(Math.sqrt(1.43), ConvergenceDiagnostics.rhatBasic(x, true), 1e-14, "split rhat");
    }

    /**
     * Hand-computed ESS of the alternating chain (1,-1,1,-1,1,-1), unsplit: autocovariances 1, -5/6, ...;
     * rho_1 = -5/6 - 1/5 makes the first pair negative, so tau = -1 + 2 rho_0 + rho_0 = 2 and ESS = 6/2 = 3
     * (posterior 1.4.0 ess_basic(split = FALSE): 3).
     */
    @Test
    void essByHand() {
        double[][] x = {{1, -1, 1, -1, 1, -1}};
        Tolerance.assertRelative(3, ConvergenceDiagnostics.essBasic(x, false), 1e-14, "ess");
    }

    /**
     * Independent normal draws, 4 chains x 1,000: R-hat must be near 1 (its sampling SD is ~0.001 here:
     * tolerance 0.005) and the ESS near the 4,000 draws (Monte Carlo SD of the estimator ~3-5 %:
     * tolerance 15 %).
     */
    @Test
    void iidNormalDrawsConverge() {
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(new long[] {7, 11});
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] x = new double[4][1000];
        for (double[] chain : x) {
            for (int i = 0; i < chain.length; i++) {
                chain[i] = g.sample();
            }
        }
        Tolerance.assertAbsolute(1, ConvergenceDiagnostics.rhat(x), 0.005, "rhat");
        Tolerance.assertRelative(4000, ConvergenceDiagnostics.essBulk(x), 0.15, "ess_bulk");
        Tolerance.assertRelative(4000, ConvergenceDiagnostics.essTail(x), 0.15, "ess_tail");
    }

    /** Two chains in different places (means 0 and 3): R-hat far above 1.01. */
    @Test
    void separatedChainsHaveLargeRhat() {
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(new long[] {7, 12});
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] x = new double[2][500];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 500; i++) {
                x[c][i] = 3 * c + g.sample();
            }
        }
        assertTrue(ConvergenceDiagnostics.rhat(x) > 1.5, "rhat " + ConvergenceDiagnostics.rhat(x));
    }

    /** Constant draws have no diagnostics (posterior: NA). */
    @Test
    void constantDrawsGiveNaN() {
        double[][] x = {{5, 5, 5, 5, 5, 5}, {5, 5, 5, 5, 5, 5}};
        assertTrue(Double.isNaN(ConvergenceDiagnostics.rhat(x)));
        assertTrue(Double.isNaN(ConvergenceDiagnostics.essBulk(x)));
    }

    @Test
    void badInputNamesTheProblem() {
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> ConvergenceDiagnostics.rhat(new double[][] {{1, 2, 3, 4}, {1, 2, 3}}));
        assertTrue(e.getMessage().contains("chain 2"), e.getMessage());
        e = assertThrows(PrevalenceException.class,
                () -> ConvergenceDiagnostics.essBulk(new double[][] {{1, 2, 3, 4}}));
        assertTrue(e.getMessage().contains("at least 6 draws"), e.getMessage());
        e = assertThrows(PrevalenceException.class, () -> ConvergenceDiagnostics.rhat(new double[0][]));
        assertTrue(e.getMessage().contains("at least one chain"), e.getMessage());
    }

    /** Type-7 quantiles: R quantile(c(1, 2, 4, 8), c(0.1, 0.5, 0.975)) = 1.3, 3, 7.7. */
    @Test
    void type7Quantiles() {
        double[] s = {1, 2, 4, 8};
        Tolerance.assertRelative(1.3, ConvergenceDiagnostics.quantileSorted(s, 0.1), 1e-14, "q0.1");
        Tolerance.assertRelative(3, ConvergenceDiagnostics.quantileSorted(s, 0.5), 1e-14, "median");
        Tolerance.assertRelative(7.7, ConvergenceDiagnostics.quantileSorted(s, 0.975), 1e-14, "q0.975");
        assertEquals(8, ConvergenceDiagnostics.quantileSorted(s, 1), 0);
    }
}
