/**
 * The Fellegi-Sunter model of record pairs: for each field and agreement level the probability
 * {@code m} of that level among matches and {@code u} among non-matches; u from random pairs, m by
 * EM on the agreement-pattern counts of each blocking rule, the prior match probability by EM
 * over all candidate pairs; match weights and probabilities, and a parameters table a reviewer
 * can read.
 */
package org.prevalence.linkage.model;
