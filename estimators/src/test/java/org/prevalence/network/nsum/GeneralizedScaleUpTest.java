package org.prevalence.network.nsum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prevalence.core.PrevalenceException;
import org.prevalence.survey.SurveyDesign;
import org.prevalence.survey.SurveyMean;

class GeneralizedScaleUpTest {
    private static List<String[]> rows(String resource) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                GeneralizedScaleUpTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            List<String[]> out = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#")) {
                    out.add(line.replace("\"", "").split(",", -1));
                }
            }
            return out.subList(1, out.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] truth(String network) {
        return rows("nsum-toy-expected.csv").stream().filter(r -> r[0].equals(network)).findFirst().orElseThrow();
    }

    /**
     * networkreporting's toy networks (every member surveyed; hand-computed truths in nsum-toy-expected.csv):
     * GNSUM with the hidden members' visibility (their degree: perfect reporting) gives gnsum.estimate,
     * the basic NSUM nsum.estimate, and the adjusted form with deg.ratio = mean(d[hidden])/mean(d) again
     * gnsum.estimate; exactly (1e-12) and as R's nsum.estimator.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tn1", "tn2", "tn3", "tn4"})
    void toyNetworksExactly(String network) {
        List<String[]> t = rows("toy-" + network + ".csv");
        int n = t.size();
        double[] y = t.stream().mapToDouble(r -> Double.parseDouble(r[1])).toArray();
        double[] d = t.stream().mapToDouble(r -> Double.parseDouble(r[2])).toArray();
        double[] mult = t.stream().mapToDouble(r -> Double.parseDouble(r[4])).toArray();
        int[] hid = IntStream.range(0, n).filter(i -> t.get(i)[5].equals("TRUE")).toArray();
        double[] vis = IntStream.of(hid).mapToDouble(i -> d[i]).toArray();
        SurveyDesign frame = SurveyDesign.builder(n).equalProbability().variable("y", y).variable("d", d)
                .variable("mult", mult).build();
        String[] truth = truth(network);
        double gnsum = Double.parseDouble(truth[2]);
        GeneralizedScaleUp gs = GeneralizedScaleUp.withDefaults().withFrameSize(n);
        if (hid.length >= 2) {   // a hidden sample of every hidden member
            SurveyDesign hidden = SurveyDesign.builder(hid.length).equalProbability().variable("v", vis).build();
            GeneralizedScaleUp.Result g = gs.estimate(frame, "y", hidden, "v");
            assertEquals(gnsum, g.getEstimate() / n, 1e-12, "GNSUM");
            assertEquals(Double.parseDouble(truth[5]), g.getEstimate() / n, 1e-12, "GNSUM vs R");
        }
        double vbar = java.util.Arrays.stream(vis).average().orElseThrow();
        assertEquals(gnsum, gs.estimate(frame, "y", vbar).getEstimate() / n, 1e-12, "GNSUM, visibility given");
        // the whole population as the one known population: the known-population degree is d itself
        NetworkScaleUp.Result basic = NetworkScaleUp.withDefaults().withPopulationSize(n)
                .estimate(frame, KnownPopulations.of(Map.of("d", (double) n)), "y");
        assertEquals(Double.parseDouble(truth[1]), basic.getEstimate() / n, 1e-12, "NSUM");
        double delta = IntStream.of(hid).mapToDouble(i -> d[i]).average().orElseThrow()
                / java.util.Arrays.stream(d).average().orElseThrow();
        assertEquals(gnsum, GeneralizedScaleUp.adjusted(basic.getEstimate(), delta, 1) / n, 1e-12, "adjusted");
        // multiplicity.estimator = the mean of the multiplicity-weighted responses (R, to the stored digits)
        assertEquals(Double.parseDouble(truth[6]), SurveyMean.withDefaults().estimate(frame, "mult").getEstimate(),
                1e-12, "multiplicity");
        assertEquals(Double.parseDouble(truth[3]), SurveyMean.withDefaults().estimate(frame, "mult").getEstimate(),
                1e-10, "multiplicity truth");
    }

    @Test
    void probeAltersAndVarianceByTheDelta() {
        // closed form: visibility by known populations with sizes summing to N_F: v_j = sum_k v_jk
        int n = 6;
        double[] y = {0, 1, 2, 0, 3, 1};
        SurveyDesign frame = SurveyDesign.builder(n).equalProbability().variable("y", y).build();
        SurveyDesign hs = SurveyDesign.builder(3).equalProbability().variable("a", new double[] {2, 4, 1})
                .variable("b", new double[] {1, 0, 1}).build();
        KnownPopulations kp = KnownPopulations.of(Map.of("a", 600.0, "b", 400.0));
        GeneralizedScaleUp.Result g = GeneralizedScaleUp.withDefaults().withFrameSize(1000).estimate(frame, "y", hs,
                kp);
        double ybar = 7.0 / 6;
        double vbar = 3;   // (3 + 4 + 2) / 3
        assertEquals(1000 * ybar / vbar, g.getEstimate(), 1e-9);
        assertEquals(vbar, g.getVisibility(), 1e-12);
        // delta method with SRS variances s^2/n of each mean (equal-probability design, no fpc)
        double sy2 = IntStream.range(0, n).mapToDouble(i -> (y[i] - ybar) * (y[i] - ybar)).sum() / (n - 1) / n;
        double sv2 = (0 + 1 + 1) / 2.0 / 3;
        double se = g.getEstimate() * Math.sqrt(sy2 / (ybar * ybar) + sv2 / (vbar * vbar));
        assertEquals(se, g.getStandardError(), 1e-9);
        assertTrue(g.toString().startsWith("GNSUM[y:"), g.toString());
    }

    @Test
    void badInput() {
        SurveyDesign frame = SurveyDesign.builder(2).equalProbability().variable("y", new double[] {1, 2}).build();
        SurveyDesign hs = SurveyDesign.builder(2).equalProbability().variable("v", new double[] {0, 0})
                .variable("neg", new double[] {1, -1}).build();
        GeneralizedScaleUp g = GeneralizedScaleUp.withDefaults().withFrameSize(100);
        assertTrue(assertThrows(PrevalenceException.class, () -> g.estimate(frame, "y", hs, "v")).getMessage()
                .contains("visibility is 0"));
        assertTrue(assertThrows(PrevalenceException.class, () -> g.estimate(frame, "y", hs, "neg")).getMessage()
                .contains("Row 2 of the hidden sample"));
        assertThrows(PrevalenceException.class, () -> GeneralizedScaleUp.withDefaults().estimate(frame, "y", hs, "v"));
        assertThrows(PrevalenceException.class, () -> GeneralizedScaleUp.adjusted(10, 0, 1));
        assertThrows(PrevalenceException.class, () -> GeneralizedScaleUp.adjusted(10, 1, 1.5));
    }
}
