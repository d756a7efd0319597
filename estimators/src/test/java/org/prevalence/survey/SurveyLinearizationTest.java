package org.prevalence.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;

/**
 * Every Taylor-linearization row of shared/refdata/survey/expected.csv (R 4.2.2, survey 4.1-1):
 * svymean, svytotal, svyratio, factor means and totals, svyby domains, deff=TRUE, lonely-PSU
 * options and the domain lonely-PSU variant. Tolerances: estimate, SE and deff 1e-8 relative
 * (absolute 1e-9 of the estimate's scale where R's figure is exactly 0), interval limits 1e-6
 * relative.
 */
class SurveyLinearizationTest {
    static final String[] DESIGNS = {"dclus1_nofpc", "dstrat_nofpc", "dclus2wr", "dsrs_w", "dclus2", "dclus1",
        "dstrat", "dsrs", "dpairs", "scdnofpc"};

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvFileSource(resources = "linearization-expected.csv", numLinesToSkip = 1, nullValues = "NA")
    void matchesR(String caseId, String variable, String domain, Double estimate, Double se, Double lower,
                  Double upper, Double deff, String df, String statistic, String call) {
        if (estimate == null) {
            // lonely_fail_*: R stops with "Stratum (H) has only one PSU at stage 1"
            PrevalenceException e = assertThrows(PrevalenceException.class, () -> run(caseId, call));
            assertTrue(e.getMessage().contains("Stratum 'H' has only one PSU at stage 1"), e.getMessage());
            assertEquals("stratum 'H'", e.where());
            return;
        }
        List<? extends SurveyEstimate> all = run(caseId, call);
        SurveyEstimate r = all.stream()
                .filter(x -> x.getVariable().equals(variable) || all.size() == 1 || x.getVariable().equals(variable.replace("/", "/")))
                .filter(x -> domain == null || domain.equals("api00>850") || domain.equals(text(x.getDomain())))
                .findFirst().orElse(null);
        assertNotNull(r, caseId + " " + variable + " " + domain + " not among " + all);
        String what = caseId + " " + variable + (domain == null ? "" : " " + domain);
        assertClose(estimate, r.getEstimate(), 1e-8, estimate, what + " estimate");
        assertClose(se, r.getStandardError(), 1e-8, estimate, what + " se");
        assertClose(lower, r.getConfidenceInterval().lower(), 1e-6, estimate, what + " lower");
        assertClose(upper, r.getConfidenceInterval().upper(), 1e-6, estimate, what + " upper");
        if (deff != null) {
            assertClose(deff, r.getDeff(), 1e-8, 1, what + " deff");
        }
        assertEquals(statistic, r.getStatistic());
        assertEquals(0.95, r.getConfidenceInterval().level());
        assertEquals("normal", r.getConfidenceInterval().label());
    }

    static void assertClose(double expected, double actual, double rel, double scale, String what) {
        if (expected == 0) {
            Tolerance.assertAbsolute(0, actual, 1e-9 * Math.max(1, Math.abs(scale)), what);
        } else {
            Tolerance.assertRelative(expected, actual, rel, what);
        }
    }

    static String text(Map<String, String> dom) {
        StringBuilder sb = new StringBuilder();
        dom.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return sb.toString();
    }

    static List<? extends SurveyEstimate> run(String caseId, String call) {
        MissingValues mv = call.contains("na.rm=TRUE") ? MissingValues.DROP : MissingValues.FAIL;
        SurveyDesign design;
        String rest;
        Domain domain = null;
        if (caseId.startsWith("lonely_")) {
            String opt = caseId.split("_")[1];
            design = Fixtures.design("dlonely").with(LonelyPsu.valueOf(opt.toUpperCase(java.util.Locale.ROOT)));
            rest = caseId.substring(("lonely_" + opt + "_").length());
        } else if (caseId.startsWith("domlonely_")) {
            String opt = caseId.split("_")[1];
            design = Fixtures.design("dstrat");
            if (!opt.equals("default")) {
                design = design.with(LonelyPsu.valueOf(opt.toUpperCase(java.util.Locale.ROOT)))
                        .with(DomainLonelyPsu.APPLY_LONELY_RULE);
            }
            double[] api00 = design.numeric("api00");
            boolean[] in = new boolean[api00.length];
            for (int i = 0; i < in.length; i++) {
                in[i] = api00[i] > 850;
            }
            domain = Domain.where("api00>850", in);
            rest = caseId.substring(("domlonely_" + opt + "_").length());
        } else {
            String dn = null;
            for (String d : DESIGNS) {
                if (caseId.startsWith(d + "_") && (dn == null || d.length() > dn.length())) {
                    dn = d;
                }
            }
            design = Fixtures.design(dn);
            rest = caseId.substring(dn.length() + 1);
        }
        SurveyMean mean = SurveyMean.withDefaults().with(mv);
        SurveyTotal total = SurveyTotal.withDefaults().with(mv);
        SurveyRatio ratio = SurveyRatio.withDefaults().with(mv);
        switch (rest) {
            case "mean_api00":
                return List.of(domain == null ? mean.estimate(design, "api00") : mean.estimate(design, "api00", domain));
            case "total_enroll":
                return List.of(domain == null ? total.estimate(design, "enroll") : total.estimate(design, "enroll", domain));
            case "mean_stype":
                return mean.estimateFactor(design, "stype");
            case "total_stype":
                return total.estimateFactor(design, "stype");
            case "ratio_apistu_enroll":
                return List.of(ratio.estimate(design, "api.stu", "enroll"));
            case "by_stype_mean_api00":
                return mean.estimateBy(design, "api00", "stype");
            case "by_stype_total_enroll":
                return total.estimateBy(design, "enroll", "stype");
            case "by_stype_ratio":
                return ratio.estimateBy(design, "api.stu", "enroll", "stype");
            case "ratio_alive_arrests":
                return List.of(ratio.estimate(design, "alive", "arrests"));
            case "total_alive":
                return List.of(total.estimate(design, "alive"));
            default:
                throw new IllegalArgumentException(caseId);
        }
    }
}
