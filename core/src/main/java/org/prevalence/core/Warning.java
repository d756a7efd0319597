package org.prevalence.core;

import java.util.Objects;

/**
 * A structured warning attached to a result: a kind that code can test, and a message for people.
 * Messages never contain a cell of a personal field (names, dates of birth); they name rows,
 * columns, lists or model terms.
 *
 * @param kind    what kind of concern it is
 * @param message the explanation, one sentence or two, naming what to change where there is a remedy
 * @param brief   a short form for a table cell, or {@code null} to use the message's first sentence
 *                (see {@link #summary()})
 */
public record Warning(Kind kind, String message, String brief) {
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
     * A warning whose short form is its message's first sentence.
     *
     * @param kind the kind
     * @param message the message
     */
    public Warning(Kind kind, String message) {
        this(kind, message, null);
    }

    /**
     * @param kind the kind
     * @param message the message
     * @param brief the short form for a table cell
     * @return a warning with an explicit short form
     */
    public static Warning of(Kind kind, String message, String brief) {
        return new Warning(kind, message, Objects.requireNonNull(brief, "brief"));
    }

    /**
     * The short form for a table cell (reports that have room keep the whole {@link #message()}): the
     * {@code brief} given, else the message up to the end of its first sentence followed by {@code " ..."}
     * when more follows, else, for a one-sentence message longer than 90 characters, the part before its
     * first parenthesis, else the message.
     *
     * @return the short form
     */
    public String summary() {
        if (brief != null) {
            return brief;
        }
        int dot = message.indexOf(". ");
        if (dot >= 0) {
            return message.substring(0, dot + 1) + " ...";
        }
        int paren = message.indexOf(" (");
        return paren > 90 ? message.substring(0, paren) : message;
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
