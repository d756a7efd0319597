/**
 * Survey models and tests on a {@link org.prevalence.survey.SurveyDesign}: {@link
 * org.prevalence.survey.model.SurveyGlm} (R's {@code svyglm}) with its {@link
 * org.prevalence.survey.model.Formula}, families and links, and the tests {@link
 * org.prevalence.survey.model.RegressionTermTest} ({@code regTermTest}), {@link
 * org.prevalence.survey.model.SurveyChisq} ({@code svychisq}) and {@link
 * org.prevalence.survey.model.SurveyTTest} ({@code svyttest}), each giving a {@link
 * org.prevalence.survey.model.TestResult}; linear contrasts of the coefficients, {@link
 * org.prevalence.survey.model.SurveyContrast} ({@code svycontrast}, also nonlinear by the delta method through
 * {@link org.prevalence.survey.model.ContrastExpression}); predictions {@link
 * org.prevalence.survey.model.SurveyPrediction} ({@code predict.svyglm}), predictive margins {@link
 * org.prevalence.survey.model.SurveyPredictiveMargins} ({@code svypredmeans}) and rank tests {@link
 * org.prevalence.survey.model.SurveyRankTest} ({@code svyranktest}). Variances come from the design's own engines through
 * {@link org.prevalence.survey.InfluenceVariance}.
 */
package org.prevalence.survey.model;
