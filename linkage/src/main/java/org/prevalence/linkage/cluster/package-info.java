/**
 * Clustering of linked pairs into persons, within and across lists: connected components of the
 * pairs above a threshold (which chains: A-B and B-C merge A with C however unlike they are), and
 * average linkage on match probabilities, which does not chain: two clusters merge only while the
 * mean probability over all their record pairs is at least the threshold.
 */
package org.prevalence.linkage.cluster;
