/**
 * Design-based estimation from complex survey samples, matching R's {@code survey} package
 * (Lumley): a {@link org.prevalence.survey.SurveyDesign} built once (strata, one- or two-stage
 * clusters, weights, fpc, lonely-PSU rules), estimators as functions of it
 * ({@link org.prevalence.survey.SurveyMean}, {@link org.prevalence.survey.SurveyTotal},
 * {@link org.prevalence.survey.SurveyRatio}, {@link org.prevalence.survey.SurveyProportion},
 * {@link org.prevalence.survey.SurveyQuantile}, each with domains), and the variance kept apart in
 * the one variance engine the design holds: {@link org.prevalence.survey.LinearizationVariance}
 * (Taylor linearization) or {@link org.prevalence.survey.ReplicateVariance} (replicate weights made by
 * {@link org.prevalence.survey.ReplicateDesign}, or supplied with the sample). Every estimator hands
 * the engine its linearized pass and never branches on the kind of design. Calibration
 * ({@link org.prevalence.survey.PostStratify}, {@link org.prevalence.survey.Rake},
 * {@link org.prevalence.survey.Calibration}, {@link org.prevalence.survey.TrimWeights}) returns a new
 * design with adjusted weights. A PPS-without-replacement rule ({@link org.prevalence.survey.Pps}: Brewer, Overton,
 * Hartley-Rao, exact joint probabilities) replaces the stage-1 quadratic form of the linearization engine.
 * {@link org.prevalence.survey.MultipleImputation} combines an estimate over completed data sets (Rubin's rules).
 * Start reading at {@code SurveyDesign}, then {@code SurveyMean} and the
 * package-private kernel {@code Linear}.
 *
 * <pre>{@code
 * SurveyDesign design = SurveyDesign.builder(apistrat)
 *         .strata("stype").weights("pw").fpc("fpc").lonelyPsu(LonelyPsu.FAIL).build();
 * SurveyMean.Result m = SurveyMean.withDefaults().estimate(design, "api00");
 * List<SurveyMean.Result> byType = SurveyMean.withDefaults().estimateBy(design, "api00", "stype");
 * SurveyProportion.Result p = SurveyProportion.withDefaults().with(CiMethod.BETA)
 *         .estimate(design, "sch.wide", "Yes");
 * }</pre>
 */
package org.prevalence.survey;
