/**
 * Blocking: which record pairs are compared at all. A {@link org.prevalence.linkage.blocking.BlockingRule}
 * is an equi-join on keys derived from fields ({@code soundex(surname), year(dob)}); the
 * {@link org.prevalence.linkage.blocking.Blocking} is the union of its rules. Each rule's pair count
 * is computed from its block sizes before any pair is made, and a rule that would give more pairs
 * than the cap is refused with an error that names it and its count.
 */
package org.prevalence.linkage.blocking;
