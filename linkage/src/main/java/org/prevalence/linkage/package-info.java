/**
 * Record linkage of case records within and across lists, the step before multiple systems
 * estimation: {@link org.prevalence.linkage.Linkage} reads {@code CaseRecords}, standardises,
 * blocks, compares, fits a Fellegi-Sunter model, clusters the records into persons and gives the
 * list-overlap table of the clusters. Subpackages hold each step.
 */
package org.prevalence.linkage;
