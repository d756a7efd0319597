/**
 * Survey models and tests on a {@link org.prevalence.survey.SurveyDesign}: {@link
 * org.prevalence.survey.model.SurveyGlm} (R's {@code svyglm}) with its {@link
 * org.prevalence.survey.model.Formula}, families and links, and the design-based tests of
 * {@link org.prevalence.survey.model.SurveyTests}. Variances come from the design's own engines through
 * {@link org.prevalence.survey.InfluenceVariance}.
 */
package org.prevalence.survey.model;
