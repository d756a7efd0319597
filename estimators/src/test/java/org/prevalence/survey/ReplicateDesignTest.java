package org.prevalence.survey;

import org.prevalence.core.survey.ReplicateMethod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;
import org.prevalence.core.survey.ReplicateCentre;

/**
 * Replicate designs against R survey 4.1-1 ({@code replicate/replicate-expected.csv}, rows of
 * shared/refdata/survey/expected.csv): JK1, JKn (with lonely PSUs), BRR and Fay built here, and the
 * bootstrap/subbootstrap/JKn/BRR/Fay weights R exported, used as supplied replicate weights. Estimates
 * and SEs to 1e-8 relative; intervals (Normal, as R's confint) to 1e-8 relative.
 */
class ReplicateDesignTest {
    private static final double TOL = 1e-8;
    private static final Pattern CASE = Pattern.compile("^(.*?)_(mean|total|ratio|by)_.*$");

    static String key(String caseId) {
        Matcher m = CASE.matcher(caseId);
        if (!m.matches()) {
            throw new IllegalArgumentException(caseId);
        }
        return m.group(1);
    }

    private static final java.util.Map<String, SurveyDesign> DESIGNS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The design of a case, built by Java's own replicate construction where R's is deterministic. */
    static SurveyDesign design(String key, boolean useExported) {
        String k = key + "/" + useExported;
        SurveyDesign d = DESIGNS.get(k);
        if (d == null) {
            d = make(key, useExported);
            DESIGNS.put(k, d);
        }
        return d;
    }

    private static SurveyDesign make(String key, boolean useExported) {
        ReplicateDesign rd = ReplicateDesign.withDefaults();
        boolean mse = key.endsWith("_mse");
        ReplicateCentre c = mse ? ReplicateCentre.FULL_SAMPLE : ReplicateCentre.REPLICATE_MEAN;
        String base = mse ? key.substring(0, key.length() - 4) : key;
        rd = rd.with(c);
        switch (base) {
            case "rclus1":
                return rd.with(ReplicateMethod.JK1).build(RepFixtures.dclus1());
            case "rstrat_jkn":
                return useExported
                        ? RepFixtures.supplied("apistrat.csv", "apistrat_jkn_repweights.csv", "apistrat_jkn_repweights_scales.csv", c)
                        : rd.with(ReplicateMethod.JKN).build(RepFixtures.dstrat());
            case "bclus1":
                return RepFixtures.supplied("apiclus1.csv", "apiclus1_boot50_repweights.csv", "apiclus1_boot50_repweights_scales.csv", c);
            case "bstrat":
                return RepFixtures.supplied("apistrat.csv", "apistrat_boot50_repweights.csv", "apistrat_boot50_repweights_scales.csv", c);
            case "sbstrat":
                return RepFixtures.supplied("apistrat.csv", "apistrat_subboot50_repweights.csv",
                        "apistrat_subboot50_repweights_scales.csv", c);
            case "rpairs_brr":
                return useExported
                        ? RepFixtures.supplied("apiclus2_pairs.csv", "apiclus2_pairs_brr_repweights.csv",
                        "apiclus2_pairs_brr_repweights_scales.csv", c)
                        : rd.with(ReplicateMethod.BRR).build(RepFixtures.dpairs());
            case "rpairs_fay":
                return useExported
                        ? RepFixtures.supplied("apiclus2_pairs.csv", "apiclus2_pairs_fay_repweights.csv",
                        "apiclus2_pairs_fay_repweights_scales.csv", c)
                        : rd.with(ReplicateMethod.FAY).withFayRho(0.5).build(RepFixtures.dpairs());
            case "scdrep":
                return RepFixtures.scdrep(c);
            case "scd2brr":
                return rd.with(ReplicateMethod.BRR).build(RepFixtures.scdnofpc());
            default:
                if (base.startsWith("lonely_") && base.endsWith("_jkn")) {
                    String rule = base.substring(7, base.length() - 4).toUpperCase(java.util.Locale.ROOT);
                    return rd.with(ReplicateMethod.JKN).build(RepFixtures.dlonely(LonelyPsu.valueOf(rule)));
                }
                throw new IllegalArgumentException(key);
        }
    }

    static SurveyEstimate estimate(SurveyDesign d, String caseId, String statistic, String variable, String domain,
                                   String call) {
        MissingValues mv = call.contains("na.rm=TRUE") ? MissingValues.DROP : MissingValues.FAIL;
        if (domain != null && !domain.isEmpty()) {
            String[] kv = domain.split("=");
            List<SurveyMean.Result> by = SurveyMean.withDefaults().with(mv).estimateBy(d, variable, kv[0]);
            return by.stream().filter(r -> r.getDomain().get(kv[0]).equals(kv[1])).findFirst().orElseThrow();
        }
        switch (statistic) {
            case "mean":
                return SurveyMean.withDefaults().with(mv).estimate(d, variable);
            case "total":
                if (!d.hasNumeric(variable) && variable.startsWith("stype")) {
                    return SurveyTotal.withDefaults().estimateFactor(d, "stype").stream()
                            .filter(r -> r.getVariable().equals(variable)).findFirst().orElseThrow();
                }
                return SurveyTotal.withDefaults().with(mv).estimate(d, variable);
            default:
                String[] yx = variable.split("/");
                return SurveyRatio.withDefaults().with(mv).estimate(d, yx[0], yx[1]);
        }
    }

    static void check(String what, Double estimate, Double se, Double lower, Double upper, SurveyEstimate r) {
        Tolerance.assertRelative(estimate, r.getEstimate(), TOL, what + " estimate");
        Tolerance.assertRelative(se, r.getStandardError(), TOL, what + " se");
        Tolerance.assertRelative(lower, r.getConfidenceInterval().lower(), TOL, what + " lower");
        Tolerance.assertRelative(upper, r.getConfidenceInterval().upper(), TOL, what + " upper");
    }

    @ParameterizedTest(name = "{0} {3}")
    @CsvFileSource(resources = "replicate/replicate-expected.csv", numLinesToSkip = 1, nullValues = "NA")
    void matchesR(String caseId, String statistic, String variable, String domain, Double estimate, Double se,
                  Double lower, Double upper, String call) {
        String key = key(caseId);
        if (estimate == null) {
            // R error row: lonely_fail_jkn_mean_api00 ("StratumHhas only one PSU")
            PrevalenceException e = assertThrows(PrevalenceException.class, () -> design(key, false));
            assertTrue(e.getMessage().contains("Stratum 'H' has only one PSU"), e.getMessage());
            assertEquals("stratum 'H'", e.where());
            return;
        }
        check(caseId, estimate, se, lower, upper, estimate(design(key, false), caseId, statistic, variable, domain, call));
    }

    @ParameterizedTest(name = "{0} {3} (R's exported weights)")
    @CsvFileSource(resources = "replicate/replicate-expected.csv", numLinesToSkip = 1, nullValues = "NA")
    void matchesRWithExportedWeights(String caseId, String statistic, String variable, String domain, Double estimate,
                                     Double se, Double lower, Double upper, String call) {
        String key = key(caseId);
        if (!key.startsWith("rstrat_jkn") && !key.startsWith("rpairs_")) {
            return; // the other rows are covered by matchesR
        }
        check(caseId, estimate, se, lower, upper, estimate(design(key, true), caseId, statistic, variable, domain, call));
    }

    @Test
    void builtWeightsEqualRsExportedJknBrrAndFayWeights() {
        // R's exported analysis weights (pw x factor) = Java's, replicate by replicate, for the deterministic types
        String[][] cases = {{"rstrat_jkn", "apistrat.csv", "apistrat_jkn_repweights.csv"},
            {"rpairs_brr", "apiclus2_pairs.csv", "apiclus2_pairs_brr_repweights.csv"},
            {"rpairs_fay", "apiclus2_pairs.csv", "apiclus2_pairs_fay_repweights.csv"}};
        for (String[] c : cases) {
            SurveyDesign d = design(c[0], false);
            var rep = RepFixtures.table(c[2]);
            var data = RepFixtures.table(c[1]);
            int R = rep.columnCount() - 1;
            assertEquals(R, d.replicateVariance().replicates(), c[0] + " replicates");
            java.util.Map<Integer, Integer> row = new java.util.HashMap<>();
            for (int i = 0; i < rep.rowCount(); i++) {
                row.put((int) rep.numberColumn("snum").getDouble(i), i);
            }
            for (int r = 0; r < R; r++) {
                double[] w = d.replicateVariance().replicateWeights(r);
                for (int i = 0; i < w.length; i++) {
                    double expected = rep.numberColumn("rep" + (r + 1))
                            .getDouble(row.get((int) data.numberColumn("snum").getDouble(i)));
                    Tolerance.assertRelative(expected, w[i], 1e-12, c[0] + " replicate " + (r + 1) + " row " + (i + 1));
                }
            }
        }
    }

    @Test
    void degreesOfFreedomAsRsDegf() {
        // degf(design) from the notes of expected.csv
        assertEquals(14, design("rclus1", false).degreesOfFreedom());
        assertEquals(197, design("rstrat_jkn", false).degreesOfFreedom());
        assertEquals(197, design("rstrat_jkn", true).degreesOfFreedom());
        assertEquals(14, design("bclus1", false).degreesOfFreedom());
        assertEquals(49, design("bstrat", false).degreesOfFreedom());
        assertEquals(20, design("rpairs_brr", false).degreesOfFreedom());
        assertEquals(20, design("rpairs_brr", true).degreesOfFreedom());
        assertEquals(3, design("scdrep", false).degreesOfFreedom());
        assertEquals(3, design("scd2brr", false).degreesOfFreedom());
        assertEquals("jkn", design("rstrat_jkn", false).varianceMethod());
        assertEquals("fay:0.5", design("rpairs_fay", false).varianceMethod());
    }

    @Test
    void replicateScalesAsR() {
        // scale column of the *_scales.csv files (R's as.svrepdesign)
        Tolerance.assertRelative(0.9148392779, design("rclus1", false).replicateVariance().scale(), 1e-9, "JK1 scale");
        Tolerance.assertRelative(0.0416666666666667, design("rpairs_brr", false).replicateVariance().scale(), 1e-12, "BRR");
        Tolerance.assertRelative(0.166666666666667, design("rpairs_fay", false).replicateVariance().scale(), 1e-12, "Fay");
        double[] rs = design("rstrat_jkn", false).replicateVariance().rscales();
        var sc = RepFixtures.table("apistrat_jkn_repweights_scales.csv").numberColumn("rscale");
        for (int r = 0; r < rs.length; r++) {
            Tolerance.assertRelative(sc.getDouble(r), rs[r], 1e-12, "JKn rscale " + (r + 1));
        }
    }

    @ParameterizedTest(name = "{0} p={2}")
    @CsvFileSource(resources = "replicate/replicate-quantile-expected.csv", numLinesToSkip = 1)
    void quantileOnJk1MatchesR(String caseId, String variable, double p, double estimate, double se, double lower,
                               double upper, int df) {
        // rclus1_quantile_api00: svyquantile(~api00, rclus1, c(0.25, 0.5)) (Woodruff, replicate SE of the CDF)
        SurveyQuantile.Result r = SurveyQuantile.withDefaults().estimate(design("rclus1", false), variable, p);
        Tolerance.assertRelative(estimate, r.getEstimate(), TOL, caseId + " estimate");
        Tolerance.assertRelative(lower, r.getConfidenceInterval().lower(), TOL, caseId + " lower");
        Tolerance.assertRelative(upper, r.getConfidenceInterval().upper(), TOL, caseId + " upper");
        Tolerance.assertRelative(se, r.getStandardError(), TOL, caseId + " se");
        assertEquals(df, r.getDegreesOfFreedom(), caseId + " df");
    }
}
