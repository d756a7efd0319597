package org.prevalence.survey;

/** What an estimator does when a value it needs is missing (R's {@code na.rm}). */
public enum MissingValues {
    /** Refuse, naming the first row with a missing value (R's {@code na.rm=FALSE}, the default). */
    FAIL,
    /**
     * Drop the rows with a missing value, as a domain: their PSUs still count in the number of
     * PSUs per stratum (R's {@code na.rm=TRUE}); the result reports how many rows were dropped.
     */
    DROP
}
