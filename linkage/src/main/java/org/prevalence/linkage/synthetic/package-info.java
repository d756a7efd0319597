/**
 * A seeded generator of case lists with known truth, for testing linkage: a population of people,
 * heterogeneous capture on K lists, and realistic corruption of each record (typos, nicknames,
 * transliteration variants, dropped accents, swapped name order, missing, partial, transposed and
 * mistyped dates, moved cities) and duplicates within a list.
 */
package org.prevalence.linkage.synthetic;
