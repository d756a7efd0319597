/**
 * The survey data model: {@link org.prevalence.core.survey.SurveySample}, a validated sample with
 * its design specification (weights or probabilities, strata, cluster ids for one or two stages,
 * fpc per stage read as population sizes or sampling fractions, optional replicate weights
 * described by a {@link org.prevalence.core.survey.ReplicateWeightSpec}), held in primitive arrays,
 * and {@link org.prevalence.core.survey.ReplicateMethod}, the one vocabulary of replicate weights
 * (how they are made from a design, and what kind come with a sample).
 * Estimation lives in {@code org.prevalence.survey} (estimators module).
 */
package org.prevalence.core.survey;
