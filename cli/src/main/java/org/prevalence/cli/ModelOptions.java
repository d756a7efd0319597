package org.prevalence.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.prevalence.core.PrevalenceException;
import org.prevalence.survey.MissingValues;
import org.prevalence.survey.SurveyDesign;
import org.prevalence.survey.model.ChisqStatistic;
import org.prevalence.survey.model.Formula;
import org.prevalence.survey.model.GlmFamily;
import org.prevalence.survey.model.GlmLink;
import org.prevalence.survey.model.RegressionTermTest;
import org.prevalence.survey.model.SurveyChisq;
import org.prevalence.survey.model.SurveyContrast;
import org.prevalence.survey.model.SurveyGlm;
import org.prevalence.survey.model.SurveyPrediction;
import org.prevalence.survey.model.SurveyPredictiveMargins;
import org.prevalence.survey.model.SurveyRankTest;
import org.prevalence.survey.model.SurveyTTest;
import org.prevalence.survey.model.TestResult;
import picocli.CommandLine.Option;

/**
 * The survey-model options of {@code prevalence survey} (a picocli mixin): a survey GLM
 * ({@code --glm}, {@code --family}, {@code --link}, {@code --test-terms}), the design-based
 * chi-squared test ({@code --chisq}, {@code --chisq-statistic}) and t-test ({@code --ttest}); term tests
 * by Wald or the Rao-Scott working LRT ({@code --test-method}, {@code --test-scale}), {@code --anova}
 * between nested models, linear or nonlinear {@code --contrast}, {@code --predict} (with
 * {@code --predict-type}), {@code --predmeans} and the rank tests ({@code --ranktest}, {@code --rank-score}). It builds
 * the configured library estimators and calls them; {@link ModelReport} writes the results.
 */
final class ModelOptions {
    @Option(names = "--glm", paramLabel = "FORMULA",
            description = "Fit a survey GLM (R svyglm), e.g. \"fl ~ sector + sex + age\"; terms a + b, a:b, a*b, 0 + (no "
                    + "intercept), offset(x), offset(log(x)).")
    String glm;

    @Option(names = "--family", converter = Families.class, completionCandidates = Families.class,
            defaultValue = "gaussian", paramLabel = "FAMILY",
            description = "GLM family: gaussian, binomial, quasibinomial, poisson, quasipoisson (default ${DEFAULT-VALUE}).")
    GlmFamily family;

    @Option(names = "--link", converter = Links.class, completionCandidates = Links.class, paramLabel = "LINK",
            description = "GLM link (default: the family's): identity, log, logit, probit, cloglog.")
    GlmLink link;

    @Option(names = "--test-terms", split = ",", paramLabel = "TERM[,TERM]",
            description = "Wald F test that the --glm coefficients of these terms are zero (R regTermTest).")
    List<String> testTerms;

    @Option(names = "--contrast", paramLabel = "COEF=W[,COEF=W]|EXPR",
            description = "A contrast of the --glm coefficients (R svycontrast): linear weights, e.g. stypeH=1,stypeM=-1, "
                    + "or an expression by the delta method, e.g. \"log(stypeH) - log(stypeM)\", \"a/b\" (+ - * / ^, "
                    + "log, exp, sqrt; `(Intercept)` in backquotes).")
    String contrast;

    @Option(names = "--test-method", paramLabel = "METHOD", defaultValue = "wald",
            description = "Statistic of --test-terms and --anova: wald (default), lrt (Rao-Scott working likelihood "
                    + "ratio, saddlepoint p), workingwald (R regTermTest method=).")
    String testMethod;

    @Option(names = "--test-scale", paramLabel = "SCALE", defaultValue = "f",
            description = "Reference scale of --test-terms and --anova: f (residual df, default) or chisq (R df=Inf, "
                    + "anova test=\"Chisq\").")
    String testScale;

    @Option(names = "--anova", paramLabel = "FORMULA",
            description = "Compare --glm with this nested model, e.g. \"fl ~ sector\" (R anova(m1, m2)): a test of the "
                    + "bigger model's extra terms by --test-method.")
    String anova;

    @Option(names = "--predict", paramLabel = "FILE",
            description = "Predictions of --glm with SEs at the rows of this CSV file (R predict.svyglm), or 'data' for "
                    + "the survey's own rows.")
    String predict;

    @Option(names = "--predict-type", paramLabel = "TYPE", defaultValue = "link",
            description = "Scale of --predict: link (default) or response (delta-method SE).")
    String predictType;

    @Option(names = "--predmeans", paramLabel = "GROUP",
            description = "Predictive margins of --glm by this text column, added to the model (R svypredmeans).")
    String predmeans;

    @Option(names = "--ranktest", paramLabel = "Y~GROUP",
            description = "Design-based rank test of Y across the groups (R svyranktest): t for two groups, "
                    + "an F-referred X^2 for more.")
    String ranktest;

    @Option(names = "--rank-score", paramLabel = "SCORE", defaultValue = "wilcoxon",
            description = "Scores of --ranktest: wilcoxon (default), kruskalwallis, vanderwaerden, median.")
    String rankScore;

    @Option(names = "--chisq", split = ",", paramLabel = "ROW,COL",
            description = "Design-based test of association of two categorical columns (R svychisq).")
    List<String> chisq;

    @Option(names = "--chisq-statistic", converter = ChisqStatistics.class, completionCandidates = ChisqStatistics.class,
            defaultValue = "f", paramLabel = "STAT",
            description = "svychisq statistic: f (Rao-Scott second order, default), chisq (first order), wald, adj-wald.")
    ChisqStatistic chisqStatistic;

    @Option(names = "--ttest", paramLabel = "Y~GROUP",
            description = "Design-based t-test of the difference in the mean of Y between two groups (R svyttest).")
    String ttest;

    /** @return whether a model or test is asked for (then the command reports it instead of an estimate) */
    boolean wanted() {
        return glm != null || chisq != null || ttest != null || ranktest != null;
    }

    /** Refuses model options that would be ignored, naming the option. */
    void check(picocli.CommandLine.ParseResult pr) {
        for (String o : List.of("--family", "--link", "--test-terms", "--contrast", "--anova", "--predict",
                "--predict-type", "--predmeans")) {
            if (glm == null && pr.hasMatchedOption(o)) {
                throw PrevalenceException.invalidArgument(o, "%s applies to the survey GLM; it needs --glm FORMULA", o);
            }
        }
        for (String o : List.of("--test-method", "--test-scale")) {
            if (testTerms == null && anova == null && pr.hasMatchedOption(o)) {
                throw PrevalenceException.invalidArgument(o, "%s applies to --test-terms or --anova", o);
            }
        }
        if (ranktest == null && pr.hasMatchedOption("--rank-score")) {
            throw PrevalenceException.invalidArgument("--rank-score", "--rank-score needs --ranktest Y~GROUP");
        }
        if (predict == null && pr.hasMatchedOption("--predict-type")) {
            throw PrevalenceException.invalidArgument("--predict-type", "--predict-type needs --predict FILE");
        }
        if (!List.of("f", "chisq").contains(testScale.toLowerCase(java.util.Locale.ROOT))) {
            throw PrevalenceException.invalidArgument("--test-scale", "--test-scale takes f or chisq, got '%s'", testScale);
        }
        RegressionTermTest.Method.parse(testMethod);
        SurveyPrediction.Type.parse(predictType);
        SurveyRankTest.Score.parse(rankScore);
        if (chisq == null && pr.hasMatchedOption("--chisq-statistic")) {
            throw PrevalenceException.invalidArgument("--chisq-statistic", "--chisq-statistic needs --chisq ROW,COL");
        }
        if (chisq != null && chisq.size() != 2) {
            throw PrevalenceException.invalidArgument("--chisq", "--chisq takes two columns ROW,COL, got %d", chisq.size());
        }
    }

    /** @return every column the models read (formula columns, test columns), for the CSV reader */
    List<String> columns() {
        Set<String> s = new LinkedHashSet<>();
        if (glm != null) {
            s.addAll(Formula.parse(glm).columns());
        }
        if (ttest != null) {
            s.addAll(Formula.parse(ttest).columns());
        }
        if (chisq != null) {
            s.addAll(chisq);
        }
        if (anova != null) {
            s.addAll(Formula.parse(anova).columns());
        }
        if (predmeans != null) {
            s.add(predmeans.trim());
        }
        if (ranktest != null) {
            for (String part : ranktest.split("~")) {
                s.add(part.trim());
            }
        }
        return new ArrayList<>(s);
    }

    /**
     * The fitted model (or null), the contrast (or null) and the tests, in the order of the options.
     * @param model the model
     * @param contrastText the contrast as given
     * @param contrast its estimate
     * @param tests the tests
     */
    record Results(SurveyGlm.Result model, String contrastText, SurveyContrast.Result contrast, List<TestResult> tests,
                   SurveyPrediction.Result predictions, SurveyPredictiveMargins.Result margins) {
    }

    /** @return the contrast weights of COEF=W[,COEF=W] */
    private java.util.Map<String, Double> contrastWeights() {
        java.util.Map<String, Double> w = new java.util.LinkedHashMap<>();
        for (String part : contrast.split(",")) {
            int eq = part.lastIndexOf('=');
            if (eq <= 0) {
                throw PrevalenceException.invalidArgument("--contrast", "--contrast takes COEF=W[,COEF=W], got '%s'", part);
            }
            try {
                w.put(part.substring(0, eq).trim(), Double.parseDouble(part.substring(eq + 1).trim()));
            } catch (NumberFormatException e) {
                throw PrevalenceException.invalidArgument("--contrast", "--contrast: the weight of '%s' is not a number",
                        part.substring(0, eq).trim());
            }
        }
        return w;
    }

    Results run(SurveyDesign d, MissingValues mv, double level, int threads) {
        SurveyGlm.Result model = null;
        List<TestResult> tests = new ArrayList<>();
        if (glm != null) {
            SurveyGlm g = SurveyGlm.withDefaults().with(family).with(mv).withConfidenceLevel(level).withThreads(threads);
            if (link != null) {
                g = g.with(link);
            }
            model = g.fit(d, glm);
            RegressionTermTest rtt = RegressionTermTest.withDefaults().with(RegressionTermTest.Method.parse(testMethod))
                    .withChisq(testScale.equalsIgnoreCase("chisq"));
            if (testTerms != null) {
                tests.add(rtt.test(model, testTerms.toArray(new String[0])));
            }
            if (anova != null) {
                tests.add(rtt.anova(g.fit(d, anova), model));
            }
        }
        SurveyContrast.Result con = contrast == null ? null : contrast.contains("=")
                ? SurveyContrast.withDefaults().estimate(model, contrastWeights())
                : SurveyContrast.withDefaults().estimate(model, contrast);
        SurveyPrediction.Result pred = null;
        if (predict != null) {
            SurveyPrediction sp = SurveyPrediction.withDefaults().with(SurveyPrediction.Type.parse(predictType));
            if (predict.equals("data")) {
                pred = sp.predict(model);
            } else {
                java.nio.file.Path file = java.nio.file.Path.of(predict);
                if (!java.nio.file.Files.isRegularFile(file)) {
                    throw PrevalenceException.invalidArgument("--predict", "--predict: no file '%s'", predict);
                }
                pred = sp.predict(model, SurveyDesign.builder(org.prevalence.core.io.CsvInput.withDefaults().read(file))
                        .equalProbability().build());
            }
        }
        SurveyPredictiveMargins.Result margins = predmeans == null ? null
                : SurveyPredictiveMargins.withDefaults().estimate(model, predmeans.trim());
        if (chisq != null) {
            tests.add(SurveyChisq.withDefaults().with(chisqStatistic).with(mv).test(d, chisq.get(0), chisq.get(1)));
        }
        if (ttest != null) {
            tests.add(SurveyTTest.withDefaults().with(mv).test(d, ttest));
        }
        if (ranktest != null) {
            tests.add(SurveyRankTest.withDefaults().with(SurveyRankTest.Score.parse(rankScore)).test(d, ranktest));
        }
        return new Results(model, contrast, con, tests, pred, margins);
    }

    static final class Families extends EnumConverter<GlmFamily> {
        Families() {
            super(GlmFamily.class);
        }
    }

    static final class Links extends EnumConverter<GlmLink> {
        Links() {
            super(GlmLink.class);
        }
    }

    static final class ChisqStatistics extends EnumConverter<ChisqStatistic> {
        ChisqStatistics() {
            super(ChisqStatistic.class);
        }
    }
}
