package org.prevalence.core;

import java.util.Locale;

/**
 * How far a reported figure can be trusted. Every result that can be shown to a user carries one,
 * so that a figure that was not estimated, or that the data cannot inform, is never shown as a plain
 * number with "ok" beside it.
 */
public enum Status {
    /** Estimated, and no diagnostic raised a concern. */
    OK,
    /** Estimated, with at least one named {@link Warning} that the reader must see beside the figure. */
    WARNING,
    /**
     * A Bayesian result whose posterior (of N, or of the dependence that determines N) is driven by
     * the prior rather than the data, for example because some list overlaps no other list.
     */
    PRIOR_DRIVEN,
    /**
     * A fit that reached a degenerate point (for example N equal to the observed count with a
     * vanishing standard error, or a zero-width interval): the figure is not an estimate of uncertainty.
     */
    DEGENERATE,
    /** The data cannot bound the quantity (for example lists that never overlap): no finite estimate exists. */
    UNBOUNDED,
    /** Nothing was estimated (no data in the part, excluded by a rule, the estimate does not exist). */
    NOT_ESTIMATED;

    /** @return {@code true} for the statuses that come with a finite figure ({@link #OK}, {@link #WARNING}) */
    public boolean hasFigure() {
        return this == OK || this == WARNING;
    }

    /** @return the status as a label for output: lower case, words joined by '-' ({@code "not-estimated"}) */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
