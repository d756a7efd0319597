package org.prevalence.survey.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.prevalence.survey.MissingValues;

/**
 * {@link SurveyGlm} against R survey 4.1-1 {@code svyglm} ({@code model/glm-expected.csv}, made by
 * {@code model/make_glm_expected.R}; the R call of each case is in the file, fitted to convergence with
 * {@code glm.control(epsilon=1e-14)}): coefficients and SEs to 1e-8 relative, t to 1e-8, p to 1e-6
 * relative, interval limits to 1e-8, df exactly; and R's default-control figures to 1e-4 relative.
 */
class SurveyGlmReferenceTest {
    private static final Map<String, SurveyGlm.Result> FITS = new HashMap<>();

    /** The Java fit of each R case (same formula, family and link). */
    static synchronized SurveyGlm.Result fit(String c, String design) {
        return FITS.computeIfAbsent(c, k -> {
            SurveyGlm g = SurveyGlm.withDefaults();
            String f;
            switch (k) {
                case "dstrat_gauss":
                case "djkn_gauss":
                    f = "api00 ~ ell + meals + mobility + stype";
                    break;
                case "dstrat_qbin":
                case "djkn_qbin":
                case "dclus1_qbin":
                    f = "sch.wide ~ ell + meals + stype";
                    g = g.with(GlmFamily.QUASIBINOMIAL);
                    break;
                case "dstrat_bin":
                    f = "sch.wide ~ ell + meals + stype";
                    g = g.with(GlmFamily.BINOMIAL);
                    break;
                case "dclus1_gauss":
                    f = "api00 ~ ell + meals + stype + ell:stype";
                    break;
                case "dclus1_probit":
                    f = "sch.wide ~ ell + meals";
                    g = g.with(GlmFamily.QUASIBINOMIAL).with(GlmLink.PROBIT);
                    break;
                case "dclus1_cloglog":
                    f = "sch.wide ~ ell + meals";
                    g = g.with(GlmFamily.QUASIBINOMIAL).with(GlmLink.CLOGLOG);
                    break;
                case "dclus1jk_qbin":
                    f = "sch.wide ~ ell + meals";
                    g = g.with(GlmFamily.QUASIBINOMIAL);
                    break;
                case "dclus1_qpois_offset":
                    f = "api.stu ~ ell + meals + stype + offset(log(enroll))";
                    g = g.with(GlmFamily.QUASIPOISSON);
                    break;
                case "dstrat_pois":
                    f = "api.stu ~ ell + meals";
                    g = g.with(GlmFamily.POISSON);
                    break;
                case "dstrat_nointercept":
                    f = "api00 ~ 0 + ell + meals + stype";
                    break;
                case "dclus1_na_qbin": // R's default na.action=na.omit
                    f = "sch.wide ~ avg.ed + meals";
                    g = g.with(GlmFamily.QUASIBINOMIAL).with(MissingValues.DROP);
                    break;
                case "dstrat_na_gauss":
                    f = "api00 ~ acs.46 + stype";
                    g = g.with(MissingValues.DROP);
                    break;
                default:
                    throw new IllegalArgumentException(k);
            }
            return g.fit(ModelFixtures.design(design), f);
        });
    }

    @ParameterizedTest(name = "{0} {3}")
    @CsvFileSource(resources = "glm-expected.csv", numLinesToSkip = 1)
    void matchesR(String c, String design, String call, String term, double estimate, double se, double t, double p,
                  double lower, double upper, int df, double defaultEstimate, double defaultSe) {
        SurveyGlm.Term r = fit(c, design).getTerm(term);
        assertEquals(estimate, r.getEstimate(), 1e-8 * Math.abs(estimate), call);
        assertEquals(se, r.getStandardError(), 1e-8 * se, call);
        assertEquals(t, r.getTValue(), 1e-8 * Math.abs(t), call);
        assertEquals(p, r.getPValue(), 1e-6 * p, call);
        assertEquals(lower, r.getConfidenceInterval().lower(), 1e-8 * Math.abs(lower), call);
        assertEquals(upper, r.getConfidenceInterval().upper(), 1e-8 * Math.abs(upper), call);
        assertEquals(df, r.getDegreesOfFreedom(), call);
        // R's default glm.control(epsilon=1e-8) stops short of the limit: within 1e-4 relative (probit, cloglog: 3e-5 off)
        assertEquals(defaultEstimate, r.getEstimate(), 1e-4 * Math.abs(defaultEstimate), call);
        assertEquals(defaultSe, r.getStandardError(), 1e-4 * defaultSe, call);
    }
}
