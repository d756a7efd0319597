package org.prevalence.network.nsum;

/** What to do with a respondent's missing report of acquaintances in a known population. */
public enum MissingReports {
    /** A missing report is an error naming the row and the column (the default). */
    FAIL,
    /**
     * A missing report counts as 0 in the respondent's total, as R's
     * {@code networkreporting::kp.individual.estimator_(dropmiss = FALSE)} ({@code rowSums(na.rm = TRUE)}).
     */
    AS_ZERO
}
