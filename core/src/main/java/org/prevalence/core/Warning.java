package org.prevalence.core;

import java.util.Objects;

/**
 * A structured warning attached to a result: a kind that code can test, and a message for people.
 * Messages never contain a cell of a personal field (names, dates of birth); they name rows,
 * columns, lists or model terms.
 *
 * @param kind    what kind of concern it is
 * @param message the explanation, one sentence or two, naming what to change where there is a remedy
 */
public record Warning(Kind kind, String message) {
    /** The kinds of concern. */
    public enum Kind {
        /** Monte Carlo error is large (a bootstrap limit among the most extreme replicates, a small effective sample size). */
        MONTE_CARLO,
        /** A Markov chain, an iteration or a search did not converge. */
        NOT_CONVERGED,
        /** The result is driven by the prior, not the data. */
        PRIOR_DRIVEN,
        /** A posterior or a search space is truncated at a bound (a grid maximum, a cap). */
        TRUNCATED,
        /** The fit sits on the boundary of the parameter space (an extended MLE, an empty overlap). */
        BOUNDARY,
        /** A degenerate fit or interval (N equal to the observed count, zero width, zero standard error). */
        DEGENERATE,
        /** The lists, or some of them, do not overlap, so nothing links them. */
        NO_OVERLAP,
        /** A figure is outside what is plausible (a rate per 1,000 above 1,000, N above a set bound). */
        IMPLAUSIBLE,
        /** Some parts (regions, strata, rows) were left out of a total; the message names them. */
        INCOMPLETE,
        /** Data that were read but not used, or used in a way the reader must know about. */
        DATA
    }

    /** Checks the fields. */
    public Warning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /**
     * @param kind the kind
     * @param message the message
     * @return a warning
     */
    public static Warning of(Kind kind, String message) {
        return new Warning(kind, message);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ": " + message;
    }
}
