package org.prevalence.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;
import org.prevalence.core.engine.AggregationEngine;
import org.prevalence.core.engine.ConformanceData;
import org.prevalence.core.survey.ReplicateCentre;
import org.prevalence.core.survey.ReplicateMethod;
import org.prevalence.core.survey.ReplicateWeightSpec;
import org.prevalence.survey.model.EngineGlm;
import org.prevalence.survey.model.GlmFamily;
import org.prevalence.survey.model.GlmLink;
import org.prevalence.survey.model.SurveyGlm;
import tech.tablesaw.api.Table;

/**
 * The survey estimators on an engine ({@link EngineSurvey}) against the in-JVM estimators on a
 * {@link SurveyDesign} of the same seeded data ({@link ConformanceData}): every estimate, standard
 * error, interval bound, design effect, count and degrees of freedom equal to 1e-9 relative, for
 * linearization (strata, PSUs, fpc) and for supplied replicate weights of every type. Estimators
 * test-jar: a subclass opens its engine over the data (see {@code AggregationEngineConformance}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EngineSurveyConformance {
    private static final double REL = 1e-9;
    private Table table;
    private AggregationEngine engine;

    /**
     * @param data the data
     * @param dir a temporary directory
     * @return the engine under test over the data
     * @throws Exception if it cannot be opened
     */
    protected abstract AggregationEngine open(ConformanceData data, Path dir) throws Exception;

    @BeforeAll
    void openEngine(@TempDir Path dir) throws Exception {
        ConformanceData data = new ConformanceData(org.prevalence.core.engine.AggregationEngineConformance.SEED);
        table = data.table();
        engine = open(data, dir);
    }

    @AfterAll
    void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    private SurveyDesign linearized(boolean fpc) {
        SurveyDesign.Builder b = SurveyDesign.builder(table).weights("w").strata("stratum").clusters("psu");
        if (fpc) {
            b.fpc("fpc");
        }
        return b.build();
    }

    private EngineSurvey engineLinearized(boolean fpc) {
        return EngineSurvey.withDefaults().withWeights("w").withStrata("stratum").withCluster("psu")
                .withFpc(fpc ? "fpc" : null).with(MissingValues.DROP);
    }

    private static ReplicateWeightSpec spec(ReplicateMethod type, ReplicateCentre centre) {
        int r = ConformanceData.REPLICATES;
        double[] rscales = null;
        if (type == ReplicateMethod.JKN) {
            rscales = new double[r];
            for (int i = 0; i < r; i++) {
                rscales[i] = (i + 1.0) / (i + 2.0);
            }
        }
        return new ReplicateWeightSpec(ConformanceData.replicateColumns(), type,
                ReplicateDesign.defaultScale(type, r, 0.5), rscales, centre);
    }

    private SurveyDesign replicated(ReplicateWeightSpec s) {
        return ReplicateDesign.supplied(SurveyDesign.builder(table).weights("w").replicateWeights(s).build());
    }

    private static void assertSame(List<? extends SurveyEstimate> want, EngineSurvey.Result got, String what) {
        List<SurveyEstimate> g = got.getEstimates();
        assertEquals(want.size(), g.size(), what + ": domains");
        for (int k = 0; k < want.size(); k++) {
            SurveyEstimate a = want.get(k);
            SurveyEstimate b = g.get(k);
            String w = what + " " + a.getDomain();
            assertEquals(a.getStatistic(), b.getStatistic(), w);
            assertEquals(a.getVariable(), b.getVariable(), w);
            assertEquals(a.getDomain(), b.getDomain(), w);
            Tolerance.assertRelative(a.getEstimate(), b.getEstimate(), REL, w + " estimate");
            Tolerance.assertRelative(a.getStandardError(), b.getStandardError(), REL, w + " se");
            Tolerance.assertRelative(a.getConfidenceInterval().lower(), b.getConfidenceInterval().lower(), REL, w + " lower");
            Tolerance.assertRelative(a.getConfidenceInterval().upper(), b.getConfidenceInterval().upper(), REL, w + " upper");
            assertEquals(a.getConfidenceInterval().label(), b.getConfidenceInterval().label(), w + " interval");
            Tolerance.assertRelative(a.getDeff(), b.getDeff(), 1e-8, w + " deff");
            Tolerance.assertRelative(a.getDeffReplace(), b.getDeffReplace(), 1e-8, w + " deff replace");
            assertEquals(a.getN(), b.getN(), w + " n");
            assertEquals(a.getDegreesOfFreedom(), b.getDegreesOfFreedom(), w + " df");
            assertEquals(a.getDropped(), b.getDropped(), w + " dropped");
        }
    }

    @Test
    void linearizationTotalsMeansRatiosProportions() {
        for (boolean fpc : new boolean[] {false, true}) {
            SurveyDesign d = linearized(fpc);
            EngineSurvey e = engineLinearized(fpc);
            String f = fpc ? " with fpc" : "";
            SurveyTotal t = SurveyTotal.withDefaults().with(MissingValues.DROP);
            assertSame(List.of(t.estimate(d, "y")), e.total(engine, "y"), "total" + f);
            assertSame(t.estimateBy(d, "y", "flag", "half"), e.total(engine, "y", "flag", "half"), "total by" + f);
            SurveyMean m = SurveyMean.withDefaults().with(MissingValues.DROP);
            assertSame(m.estimateBy(d, "y", "stratum"), e.mean(engine, "y", "stratum"), "mean by" + f);
            assertSame(List.of(m.estimate(d, "x")), e.mean(engine, "x"), "mean" + f);
            SurveyRatio r = SurveyRatio.withDefaults().with(MissingValues.DROP);
            assertSame(r.estimateBy(d, "y", "x", "employed"), e.ratio(engine, "y", "x", "employed"), "ratio" + f);
            for (CiMethod ci : List.of(CiMethod.LOGIT, CiMethod.MEAN, CiMethod.BETA, CiMethod.ASIN, CiMethod.XLOGIT)) {
                SurveyProportion p = SurveyProportion.withDefaults().with(ci);
                assertSame(p.estimateBy(d, "employed", "half"), e.with(ci).proportion(engine, "employed", "half"),
                        "proportion " + ci + f);
            }
            assertSame(List.of(SurveyProportion.withDefaults().estimate(d, "flag")), e.proportion(engine, "flag"),
                    "proportion of a logical" + f);
        }
    }

    @Test
    void lonelyPsuRules() {
        // a domain of few rows leaves strata with one PSU: every rule gives the in-JVM figures
        for (LonelyPsu l : List.of(LonelyPsu.CERTAINTY, LonelyPsu.REMOVE, LonelyPsu.ADJUST, LonelyPsu.AVERAGE)) {
            SurveyDesign d = linearized(false).with(l);
            assertSame(SurveyTotal.withDefaults().with(MissingValues.DROP).estimateBy(d, "y", "half", "flag"),
                    engineLinearized(false).with(l).total(engine, "y", "half", "flag"), "lonely " + l);
        }
    }

    @Test
    void replicateWeightsOfEveryType() {
        for (ReplicateMethod type : List.of(ReplicateMethod.JK1, ReplicateMethod.JKN, ReplicateMethod.BRR,
                ReplicateMethod.FAY, ReplicateMethod.BOOTSTRAP, ReplicateMethod.SDR)) {
            for (ReplicateCentre c : ReplicateCentre.values()) {
                ReplicateWeightSpec s = spec(type, c);
                SurveyDesign d = replicated(s);
                EngineSurvey e = EngineSurvey.withDefaults().withWeights("w").withReplicateWeights(s)
                        .with(MissingValues.DROP);
                String w = type + " " + c;
                assertSame(SurveyTotal.withDefaults().with(MissingValues.DROP).estimateBy(d, "employed", "stratum"),
                        e.total(engine, "employed", "stratum"), "total " + w);
                assertSame(List.of(SurveyMean.withDefaults().with(MissingValues.DROP).estimate(d, "y")),
                        e.mean(engine, "y"), "mean " + w);
                assertSame(SurveyRatio.withDefaults().with(MissingValues.DROP).estimateBy(d, "y", "x", "flag"),
                        e.ratio(engine, "y", "x", "flag"), "ratio " + w);
                assertSame(SurveyProportion.withDefaults().estimateBy(d, "employed", "half"),
                        e.proportion(engine, "employed", "half"), "proportion " + w);
                assertEquals(d.varianceMethod(), e.total(engine, "x").getVarianceMethod());
            }
        }
    }

    @Test
    void designFigures() {
        SurveyDesign d = linearized(false);
        EngineSurvey.Result r = engineLinearized(false).total(engine, "x");
        assertEquals(d.rows(), r.getRows());
        assertEquals(d.strataCount(), r.getStrataCount());
        assertEquals(d.psuCount(), r.getPsuCount());
        Tolerance.assertRelative(d.weightSum(), r.getWeightSum(), REL, "weight sum");
        assertEquals(d.varianceMethod(), r.getVarianceMethod());
    }

    @Test
    void errorsNameTheColumnOrOption() {
        EngineSurvey e = engineLinearized(false).with(MissingValues.FAIL);
        PrevalenceException x = assertThrows(PrevalenceException.class, () -> e.total(engine, "y"));
        assertTrue(x.getMessage().contains("column 'y'") && x.cliMessage().contains("--drop-missing"), x.getMessage());
        x = assertThrows(PrevalenceException.class, () -> e.total(engine, "x", "region"));
        assertTrue(x.getMessage().contains("column 'region'") && x.getMessage().contains("by-variable"), x.getMessage());
        x = assertThrows(PrevalenceException.class, () -> e.total(engine, "stratum"));
        assertTrue(x.getMessage().contains("column 'stratum' holds text"), x.getMessage());
        x = assertThrows(PrevalenceException.class, () -> e.proportion(engine, "x"));
        assertTrue(x.getMessage().contains("column 'x'") && x.getMessage().contains("not 0 or 1"), x.getMessage());
        x = assertThrows(PrevalenceException.class, () -> e.total(engine, "no_such"));
        assertTrue(x.getMessage().contains("'no_such'"), x.getMessage());
        x = assertThrows(PrevalenceException.class, () -> EngineSurvey.withDefaults().withWeights("w").total(engine, "x"));
        assertTrue(x.getMessage().contains("--cluster"), x.getMessage());
        x = assertThrows(PrevalenceException.class, () -> e.withWeights("y").total(engine, "x"));
        assertTrue(x.getMessage().contains("column 'y'") && x.getMessage().contains("sampling weight"), x.getMessage());
        x = assertThrows(PrevalenceException.class, () -> e.with(CiMethod.LIKELIHOOD));
        assertTrue(x.getMessage().contains("--ci"), x.getMessage());
        x = assertThrows(PrevalenceException.class, () -> EngineSurvey.withDefaults().withWeights("w")
                .withCluster("psu").withStrata("flag").total(engine, "x"));
        assertTrue(x.getMessage().contains("--nest"), x.getMessage());
    }

    /** Every figure of an engine GLM equal to the in-JVM {@link SurveyGlm} fit of the same design. */
    private static void assertSameModel(SurveyGlm.Result want, EngineGlm.Result got, String what) {
        SurveyGlm.Result m = got.getModel();
        assertEquals(want.getCoefficientNames(), m.getCoefficientNames(), what + ": names");
        assertEquals(want.getDegreesOfFreedom(), m.getDegreesOfFreedom(), what + ": df");
        assertEquals(want.getN(), m.getN(), what + ": n");
        assertEquals(want.getDropped(), m.getDropped(), what + ": dropped");
        assertEquals(want.getVarianceMethod(), m.getVarianceMethod(), what + ": variance method");
        Tolerance.assertRelative(want.getDeviance(), m.getDeviance(), REL, what + ": deviance");
        double[][] cw = want.getCovariance();
        double[][] cg = m.getCovariance();
        double[][] nw = want.getNaiveCovariance();
        double[][] ng = m.getNaiveCovariance();
        for (int j = 0; j < cw.length; j++) {
            SurveyGlm.Term a = want.getTerms().get(j);
            SurveyGlm.Term b = m.getTerms().get(j);
            String w = what + " " + a.getTerm();
            Tolerance.assertRelative(a.getEstimate(), b.getEstimate(), REL, w + " estimate");
            Tolerance.assertRelative(a.getStandardError(), b.getStandardError(), REL, w + " se");
            Tolerance.assertRelative(a.getPValue(), b.getPValue(), 1e-8, w + " p");
            Tolerance.assertRelative(a.getConfidenceInterval().lower(), b.getConfidenceInterval().lower(), REL, w + " lower");
            Tolerance.assertRelative(a.getConfidenceInterval().upper(), b.getConfidenceInterval().upper(), REL, w + " upper");
            for (int k = 0; k < cw.length; k++) {
                // covariances relative to the scale of the variances (an off-diagonal entry may be near 0)
                double scale = Math.sqrt(cw[j][j] * cw[k][k]);
                assertEquals(cw[j][k], cg[j][k], REL * scale, w + " cov " + k);
                assertEquals(nw[j][k], ng[j][k], REL * Math.sqrt(nw[j][j] * nw[k][k]), w + " naive cov " + k);
            }
        }
    }

    @Test
    void glmWithLinearization() {
        String[] formulas = {"y ~ x + half", "employed ~ x + half", "employed ~ x + offset(half)", "y ~ 0 + x"};
        GlmFamily[] families = {GlmFamily.GAUSSIAN, GlmFamily.BINOMIAL, GlmFamily.POISSON, GlmFamily.GAUSSIAN};
        for (boolean fpc : new boolean[] {false, true}) {
            SurveyDesign d = linearized(fpc);
            EngineSurvey e = engineLinearized(fpc);
            for (int k = 0; k < formulas.length; k++) {
                SurveyGlm.Result want = SurveyGlm.withDefaults().with(families[k]).with(MissingValues.DROP)
                        .withThreads(1).fit(d, formulas[k]);
                EngineGlm.Result got = EngineGlm.withDefaults().with(families[k]).fit(engine, e, formulas[k]);
                assertSameModel(want, got, families[k].label() + " " + formulas[k] + (fpc ? " fpc" : ""));
                assertEquals(d.psuCount(), got.getDesign().getPsuCount());
            }
        }
        SurveyDesign d = linearized(false).with(LonelyPsu.ADJUST);
        assertSameModel(SurveyGlm.withDefaults().with(GlmFamily.QUASIBINOMIAL).withThreads(1).fit(d, "employed ~ x"),
                EngineGlm.withDefaults().with(GlmFamily.QUASIBINOMIAL).fit(engine,
                        engineLinearized(false).with(LonelyPsu.ADJUST), "employed ~ x"), "quasibinomial");
    }

    @Test
    void glmWithReplicateWeights() {
        for (ReplicateMethod type : List.of(ReplicateMethod.JKN, ReplicateMethod.SDR)) {
            for (ReplicateCentre c : ReplicateCentre.values()) {
                ReplicateWeightSpec s = spec(type, c);
                SurveyDesign d = replicated(s);
                EngineSurvey e = EngineSurvey.withDefaults().withWeights("w").withReplicateWeights(s)
                        .with(MissingValues.DROP);
                assertSameModel(SurveyGlm.withDefaults().with(MissingValues.DROP).withThreads(1).fit(d, "y ~ x + half"),
                        EngineGlm.withDefaults().fit(engine, e, "y ~ x + half"), "gaussian " + type + " " + c);
                assertSameModel(SurveyGlm.withDefaults().with(GlmFamily.BINOMIAL).withThreads(1).fit(d,
                        "employed ~ x"), EngineGlm.withDefaults().with(GlmFamily.BINOMIAL).fit(engine, e,
                        "employed ~ x"), "binomial " + type + " " + c);
            }
        }
    }

    @Test
    void glmErrorsNameTheTermOrOption() {
        EngineSurvey e = engineLinearized(false);
        EngineGlm g = EngineGlm.withDefaults();
        PrevalenceException x = assertThrows(PrevalenceException.class, () -> g.fit(engine, e, "y ~ x:half"));
        assertTrue(x.getMessage().contains("'x:half'") && x.getMessage().contains("--engine memory"), x.getMessage());
        x = assertThrows(PrevalenceException.class, () -> g.fit(engine, e, "y ~ stratum"));
        assertTrue(x.getMessage().contains("'stratum'") && x.getMessage().contains("text"), x.getMessage());
        x = assertThrows(PrevalenceException.class, () -> g.fit(engine, e.with(MissingValues.FAIL), "y ~ x"));
        assertTrue(x.getMessage().contains("column 'y'") && x.cliMessage().contains("--drop-missing"), x.getMessage());
        x = assertThrows(PrevalenceException.class, () -> g.with(GlmFamily.BINOMIAL).fit(engine, e, "x ~ half"));
        assertTrue(x.getMessage().contains("column 'x'") && x.getMessage().contains("[0, 1]"), x.getMessage());
        x = assertThrows(PrevalenceException.class, () -> g.with(GlmFamily.BINOMIAL).with(GlmLink.PROBIT)
                .fit(engine, e, "employed ~ x"));
        assertTrue(x.getMessage().contains("probit") && x.getMessage().contains("--engine memory"), x.getMessage());
        x = assertThrows(PrevalenceException.class, () -> g.fit(engine, e, "y ~ x + no_such"));
        assertTrue(x.getMessage().contains("'no_such'"), x.getMessage());
        x = assertThrows(PrevalenceException.class, () -> g.fit(engine, e, "y ~ x + offset(log(x))"));
        assertTrue(x.getMessage().contains("offset(log(x))"), x.getMessage());
    }

    @Test
    void calibratedDesigns() {
        // population figures near the sample's weighted ones (sum of w is about 180,000)
        Map<String, Double> strata = new java.util.LinkedHashMap<>();
        for (int h = 1; h <= 6; h++) {
            strata.put("S" + h, 28000.0 + 1000 * h);
        }
        PopulationCounts ps = PopulationCounts.of("stratum", strata);
        CalibrationTotals halves = CalibrationTotals.builder().populationSize(183000)
                .factor("half", Map.of("0.5", 93000, "1.5", 90000)).build();
        CalibrationTotals withX = CalibrationTotals.builder().populationSize(189000)
                .factor("stratum", strata).numeric("x", 1.0e6).build();
        List<java.util.function.UnaryOperator<SurveyDesign>> ops = List.of(
                d -> PostStratify.withDefaults().apply(d, ps),
                d -> Calibration.withDefaults().apply(d, halves),
                d -> Calibration.withDefaults().with(CalibrationDistance.RAKING).apply(d, halves),
                d -> Calibration.withDefaults().with(CalibrationDistance.LOGIT).withBounds(0.5, 2).apply(d, withX));
        List<List<String>> cols = List.of(List.of("stratum"), List.of("half"), List.of("half"), List.of("stratum", "x"));
        String[] what = {"post-stratified", "linear", "raking", "logit with a numeric variable"};
        for (boolean fpc : new boolean[] {false, true}) {
            for (int k = 0; k < ops.size(); k++) {
                SurveyDesign d = ops.get(k).apply(linearized(fpc));
                EngineSurvey e = engineLinearized(fpc).withCalibration(cols.get(k), ops.get(k));
                String w = what[k] + (fpc ? " fpc" : "");
                assertSame(SurveyTotal.withDefaults().with(MissingValues.DROP).estimateBy(d, "y", "flag"),
                        e.total(engine, "y", "flag"), "total " + w);
                assertSame(List.of(SurveyMean.withDefaults().with(MissingValues.DROP).estimate(d, "y")),
                        e.mean(engine, "y"), "mean " + w);
                assertSame(SurveyRatio.withDefaults().with(MissingValues.DROP).estimateBy(d, "y", "x", "employed"),
                        e.ratio(engine, "y", "x", "employed"), "ratio " + w);
                assertSame(SurveyProportion.withDefaults().estimateBy(d, "employed", "half"),
                        e.proportion(engine, "employed", "half"), "proportion " + w);
                EngineSurvey.Result r = e.total(engine, "x");
                Tolerance.assertRelative(d.weightSum(), r.getWeightSum(), REL, "weight sum " + w);
                assertEquals(d.psuCount(), r.getPsuCount());
            }
        }
        ReplicateWeightSpec s = spec(ReplicateMethod.JK1, ReplicateCentre.REPLICATE_MEAN);
        PrevalenceException x = assertThrows(PrevalenceException.class, () -> EngineSurvey.withDefaults()
                .withWeights("w").withReplicateWeights(s).withCalibration(List.of("stratum"), ops.get(0))
                .total(engine, "x"));
        assertTrue(x.getMessage().contains("--engine memory"), x.getMessage());
    }
}
