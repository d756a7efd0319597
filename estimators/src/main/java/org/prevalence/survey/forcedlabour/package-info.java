/**
 * Unit-level forced-labour survey items: the ICLS 2018 rule ({@link org.prevalence.survey.forcedlabour.IclsRule}),
 * Sirken's multiplicity weights and the stock by country of exploitation
 * ({@link org.prevalence.survey.forcedlabour.ForcedLabourStock}, its standard error from the survey
 * package's {@link org.prevalence.survey.SurveyTotal}), whose national prevalences and standard
 * errors feed {@link org.prevalence.regional.SurveyPipeline}.
 *
 * <p>Start with {@link org.prevalence.survey.forcedlabour.ReportRows}: the data model both classes
 * take, read from a table by {@code ReportRows.fromTable(table, rule)}.
 */
package org.prevalence.survey.forcedlabour;
