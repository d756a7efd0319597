/**
 * Comparison of record pairs field by field into ordered agreement levels, the input of the
 * Fellegi-Sunter model: names and text exact, Jaro-Winkler at least 0.92, at least 0.88, else;
 * dates exact, one component off, day and month transposed, year only, else; categories exact or
 * else; and missing (either value absent) as a level of its own in every field. Jaro-Winkler similarity
 * comes from Apache Commons Text.
 */
package org.prevalence.linkage.compare;
