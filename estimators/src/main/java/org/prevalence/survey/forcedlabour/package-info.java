/**
 * Unit-level forced-labour survey items: the ICLS 2018 rule ({@link org.prevalence.survey.forcedlabour.IclsRule}),
 * Sirken's multiplicity weights and the stock by country of exploitation
 * ({@link org.prevalence.survey.forcedlabour.ForcedLabourStock}), whose national prevalences and standard
 * errors feed {@link org.prevalence.regional.SurveyPipeline}.
 */
package org.prevalence.survey.forcedlabour;
