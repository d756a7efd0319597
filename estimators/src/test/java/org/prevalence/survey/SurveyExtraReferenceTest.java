package org.prevalence.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.prevalence.core.Tolerance;

/**
 * Figures of make_extra_expected.R (R 4.2.2, survey 4.1-1, run on the shared api CSVs) for what
 * expected.csv does not cover: deff="replace", svyratio deff, svyby over svyciprop (domain
 * proportions with the domain's df), Woodruff variants, domain quantiles, two by-variables.
 * Tolerances: estimate, SE, deff 1e-8 relative; intervals 1e-6 relative.
 */
class SurveyExtraReferenceTest {

    @ParameterizedTest(name = "{0} {2}")
    @CsvFileSource(resources = "extra-expected.csv", numLinesToSkip = 1, nullValues = "NA")
    void matchesR(String caseId, String variable, String domain, double estimate, double se, double lower,
                  double upper, Double deff, String df, String statistic, String call) {
        String dn = caseId.startsWith("dsrs_w_") ? "dsrs_w" : caseId.substring(0, caseId.indexOf('_'));
        SurveyDesign d = Fixtures.design(dn);
        SurveyEstimate r;
        boolean replace = caseId.endsWith("deffreplace");
        if (caseId.contains("_mean_api00_deff")) {
            r = SurveyMean.withDefaults().estimate(d, "api00");
        } else if (caseId.contains("_total_enroll_deff")) {
            r = SurveyTotal.withDefaults().with(MissingValues.DROP).estimate(d, "enroll");
        } else if (caseId.contains("_ratio_deff")) {
            r = SurveyRatio.withDefaults().with(MissingValues.DROP).estimate(d, "api.stu", "enroll");
        } else if (caseId.contains("_by_stype_ciprop_")) {
            CiMethod m = CiMethod.valueOf(caseId.substring(caseId.lastIndexOf('_') + 1).toUpperCase(Locale.ROOT));
            r = pick(SurveyProportion.withDefaults().with(m).estimateLevelBy(d, "sch.wide", "Yes", "stype"), domain);
        } else if (caseId.startsWith("dclus1_quantile_median_")) {
            CiMethod m = CiMethod.valueOf(caseId.substring(caseId.lastIndexOf('_') + 1).toUpperCase(Locale.ROOT));
            r = SurveyQuantile.withDefaults().with(m).estimate(d, "api00", 0.5);
        } else if (caseId.equals("dclus2_domain_quantile_median")) {
            r = pick(SurveyQuantile.withDefaults().estimateBy(d, "api00", 0.5, "stype"), domain);
        } else if (caseId.equals("dstrat_by_stype_schwide_mean_api00")) {
            r = pick(SurveyMean.withDefaults().estimateBy(d, "api00", "stype", "sch.wide"), domain);
        } else {
            throw new IllegalArgumentException(caseId);
        }
        String what = caseId + (domain == null ? "" : " " + domain);
        Tolerance.assertRelative(estimate, r.getEstimate(), 1e-8, what + " estimate");
        Tolerance.assertRelative(se, r.getStandardError(), 1e-8, what + " se");
        Tolerance.assertRelative(lower, r.getConfidenceInterval().lower(), 1e-6, what + " lower");
        Tolerance.assertRelative(upper, r.getConfidenceInterval().upper(), 1e-6, what + " upper");
        if (deff != null) {
            Tolerance.assertRelative(deff, replace ? r.getDeffReplace() : r.getDeff(), 1e-8, what + " deff");
        }
        if (!df.equals("Inf")) {
            assertEquals(Integer.parseInt(df), r.getDegreesOfFreedom(), what + " df");
        }
    }

    static SurveyEstimate pick(List<? extends SurveyEstimate> all, String domain) {
        SurveyEstimate r = all.stream().filter(x -> SurveyLinearizationTest.text(x.getDomain()).equals(domain))
                .findFirst().orElse(null);
        assertNotNull(r, domain + " not in " + all);
        return r;
    }
}
