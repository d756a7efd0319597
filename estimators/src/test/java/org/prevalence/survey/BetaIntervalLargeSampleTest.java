package org.prevalence.survey;

import org.prevalence.core.survey.ReplicateMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prevalence.core.Tolerance;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * svyciprop(method = "beta") on a large design, to 1e-9 relative: 100,000 rows, 50 strata,
 * 50,000 PSUs (nest = TRUE), so n.eff is about 50,000 and the interval is narrow, where a coarse
 * quantile solver or a wrong degrees-of-freedom count would show. The rows are a closed-form
 * function of the row index, generated identically here and in
 * {@code make_beta_large_expected.R} (R 4.2.2, survey 4.1.1, figures printed with 17 digits).
 * The rule (survey's svyciprop.R): n.eff = p(1-p)/var * (qt(alpha/2, nrow - 1)/qt(alpha/2, degf))^2,
 * limits qbeta(alpha/2, n.eff p, n.eff (1-p) + 1) and qbeta(1 - alpha/2, n.eff p + 1, n.eff (1-p));
 * in a domain (a subset design) nrow and degf are the subset's (PSUs with rows in it minus their strata).
 * Commons Statistics' beta and t quantiles agree with R's qbeta and qt to 5e-13 relative on a grid of
 * n.eff 1e3..1e7, p 1e-4..0.5 (checked when this test was written), so 1e-9 is a margin of about 2,000.
 */
class BetaIntervalLargeSampleTest {
    private static final int N = 100_000;
    private static final Table DATA = data();

    private static Table data() {
        double[] stratum = new double[N];
        double[] psu = new double[N];
        double[] w = new double[N];
        double[] y = new double[N];
        double[] g = new double[N];
        double[] h = new double[N];
        for (int i = 0; i < N; i++) {
            stratum[i] = i % 50;
            psu[i] = i / 100;
            w[i] = 1 + (i % 7) / 2.0;
            y[i] = ((long) i * 7919) % 1000 < 300 + 100 * ((i / 100) % 3) ? 1 : 0;
            g[i] = i % 3;
            h[i] = (i / 100) % 4;
        }
        return Table.create("large", DoubleColumn.create("stratum", stratum), DoubleColumn.create("psu", psu),
                DoubleColumn.create("w", w), DoubleColumn.create("y", y), DoubleColumn.create("g", g),
                DoubleColumn.create("h", h));
    }

    private static SurveyDesign design() {
        return SurveyDesign.builder(DATA).strata("stratum").clusters("psu").weights("w").nest().build();
    }

    @ParameterizedTest(name = "level {0}")
    @CsvSource({
        "0.95, 0.3955858086146597, 0.40416173173304559",
        "0.90, 0.39627208545895065, 0.40347243832838764",
        "0.99, 0.39424529765759164, 0.40550965809665551"})
    void wholeDesignMatchesR(double level, double lower, double upper) {
        SurveyProportion.Result r = SurveyProportion.withDefaults().with(CiMethod.BETA).withConfidenceLevel(level)
                .estimate(design(), "y");
        Tolerance.assertRelative(0.39986799867998685, r.getEstimate(), 1e-12, "estimate");
        Tolerance.assertRelative(Math.sqrt(4.7643359230517895e-06), r.getStandardError(), 1e-9, "se");
        Tolerance.assertRelative(lower, r.getConfidenceInterval().lower(), 1e-9, "lower");
        Tolerance.assertRelative(upper, r.getConfidenceInterval().upper(), 1e-9, "upper");
    }

    @Test
    void domainsUseTheSubsetRowsAndDegreesOfFreedomAsR() {
        // R: subset(des, g == k) has degf 33284/33283/33283 (PSUs touched minus strata); h == k: 12450
        double[][] g = {
            {0.39893202135957279, 0.39327159995489547, 0.40461282465138793, 33284},
            {0.39983679640952102, 0.39417471550200256, 0.40551907258860498, 33283},
            {0.40083522338625482, 0.39517037770935459, 0.40652006525414597, 33283}};
        double[][] h = {
            {0.3982319292771711, 0.38968281832510404, 0.40682792346282171, 12450},
            {0.40121432228337384, 0.39264166199602601, 0.40983262169387324, 12450},
            {0.39896799999999999, 0.39041518143283743, 0.40756737221731265, 12450},
            {0.4010576676907322, 0.39248328884259637, 0.40967778268369881, 12450}};
        check(g, "g");
        check(h, "h");
    }

    private static void check(double[][] expected, String by) {
        var rs = SurveyProportion.withDefaults().with(CiMethod.BETA).estimateBy(design(), "y", by);
        for (int k = 0; k < expected.length; k++) {
            SurveyProportion.Result r = rs.get(k);
            String what = by + " domain " + k;
            Tolerance.assertRelative(expected[k][0], r.getEstimate(), 1e-12, what + " estimate");
            org.junit.jupiter.api.Assertions.assertEquals((int) expected[k][3], r.getDegreesOfFreedom(), what + " df");
            Tolerance.assertRelative(expected[k][1], r.getConfidenceInterval().lower(), 1e-9, what + " lower");
            Tolerance.assertRelative(expected[k][2], r.getConfidenceInterval().upper(), 1e-9, what + " upper");
        }
    }

    @Test
    void aDomainOfACalibratedDesignUsesEveryRowAsR() {
        // R 4.2.2, survey 4.1.1: dps <- postStratify(dclus1, ~stype, data.frame(stype=c("E","H","M"),
        // Freq=c(4421,755,1018))); svyby(~I(sch.wide=="Yes"), ~awards, dps, svyciprop, method="beta", vartype="ci"),
        // printed with 15 digits; nrow(subset(dps, awards=="No")) is 183 (all rows: R keeps them with
        // infinite probabilities), degf 13
        SurveyDesign dps = PostStratify.withDefaults().apply(Fixtures.design("dclus1"), PopulationCounts.fromTable(
                org.prevalence.core.io.CsvInput.withDefaults().read("stype,Freq\nE,4421\nH,755\nM,1018\n", "pop.csv")));
        SurveyProportion.Result no = SurveyProportion.withDefaults().with(CiMethod.BETA)
                .estimateLevelBy(dps, "sch.wide", "Yes", "awards").get(0);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Map.of("awards", "No"), no.getDomain());
        Tolerance.assertRelative(0.557233600761525, no.getEstimate(), 1e-12, "estimate");
        Tolerance.assertRelative(0.449102104315428, no.getConfidenceInterval().lower(), 1e-9, "lower");
        Tolerance.assertRelative(0.661523229880334, no.getConfidenceInterval().upper(), 1e-9, "upper");
    }

    @Test
    void aDomainOfAReplicateDesignUsesTheSubsetsDegreesOfFreedomAsR() {
        // R 4.2.2, survey 4.1.1: jk <- as.svrepdesign(svydesign(id=~1, strata=~stype, weights=~pw, data=apistrat,
        // fpc=~fpc), type="JKn"); svyby(~I(sch.wide=="Yes"), ~awards, jk, svyciprop, method="beta", vartype="ci"),
        // 15 digits; degf(subset(jk, awards=="No")) is 86 (rank of the subset's replicate weights - 1), not 197
        SurveyDesign jk = ReplicateDesign.withDefaults().with(ReplicateMethod.JKN).build(Fixtures.design("dstrat"));
        SurveyProportion.Result no = SurveyProportion.withDefaults().with(CiMethod.BETA)
                .estimateLevelBy(jk, "sch.wide", "Yes", "awards").get(0);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Map.of("awards", "No"), no.getDomain());
        org.junit.jupiter.api.Assertions.assertEquals(86, no.getDegreesOfFreedom(), "df");
        Tolerance.assertRelative(0.523486088047637, no.getEstimate(), 1e-12, "estimate");
        Tolerance.assertRelative(0.403529429389185, no.getConfidenceInterval().lower(), 1e-9, "lower");
        Tolerance.assertRelative(0.641488056220112, no.getConfidenceInterval().upper(), 1e-9, "upper");
    }
}
