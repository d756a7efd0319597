/**
 * Standardisation of field values before blocking and comparison, each step a documented, tested
 * function: {@link org.prevalence.linkage.standardise.Text#fold} (Unicode NFKD, accents and other
 * combining marks removed, letters that NFKD does not decompose transliterated, case folded,
 * punctuation to spaces), {@link org.prevalence.linkage.standardise.PartialDate} (full, year-month
 * and year-only dates), {@link org.prevalence.linkage.standardise.Phonetic} keys (Double Metaphone,
 * Soundex and Beider-Morse from Apache Commons Codec), and
 * {@link org.prevalence.linkage.standardise.Standardiser}, which applies them to every record and
 * reports an unparsable date by file, row and field.
 */
package org.prevalence.linkage.standardise;
