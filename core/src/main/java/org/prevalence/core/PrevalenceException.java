package org.prevalence.core;

import java.util.Locale;
import java.util.Objects;

/**
 * The one exception Prevalence throws for anything a user can fix: bad input data, an invalid
 * argument, an estimate that cannot be made, or a numerical procedure that did not converge.
 *
 * <p>Every instance says {@linkplain #what() what kind} of problem it is and {@linkplain #where()
 * where} it is (a row, a column, a stratum, a model term), so a caller can report it without
 * parsing the message. Rows are 1-based data rows (the header and comment lines are not counted),
 * CSV input included.
 *
 * <p>This class is immutable.
 */
public final class PrevalenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The kind of problem. */
    public enum Kind {
        /** An argument of a method is outside its domain (a level outside (0, 1), a negative count). */
        INVALID_ARGUMENT,
        /** The input data are malformed (a missing value, a negative weight, a bad CSV cell). */
        INVALID_DATA,
        /** The data are valid but the requested estimate does not exist or is not identifiable. */
        NOT_ESTIMABLE,
        /** An iterative procedure stopped before its convergence criterion was met. */
        NOT_CONVERGED
    }

    /**
     * A fix the user can make, written twice: as the Java call a library user makes and as the
     * equivalent command-line option. The exception's {@link #getMessage()} ends with the Java
     * form, {@link #cliMessage()} with the command-line form.
     *
     * @param api the fix in Java terms, for example {@code "use with(LonelyPsu.ADJUST)"}
     * @param cli the fix as a command-line option, for example {@code "use --lonely-psu adjust"}
     */
    public record Remedy(String api, String cli) {
        /** Checks the fields. */
        public Remedy {
            Objects.requireNonNull(api, "api");
            Objects.requireNonNull(cli, "cli");
        }
    }

    private final Kind what;
    private final String where;
    private final String problem;
    private final Remedy remedy;

    /**
     * @param what  the kind of problem
     * @param where where it is, for example {@code "column 'pw', row 17"}; may be empty
     * @param message the whole message, naming the problem and, where possible, the fix
     */
    public PrevalenceException(Kind what, String where, String message) {
        this(what, where, message, (Remedy) null);
    }

    /**
     * @param what  the kind of problem
     * @param where where it is; may be empty
     * @param problem what is wrong, without the fix
     * @param remedy the fix in Java and in CLI terms, or {@code null}
     */
    public PrevalenceException(Kind what, String where, String problem, Remedy remedy) {
        super(remedy == null ? problem : problem + "; " + remedy.api());
        this.what = Objects.requireNonNull(what, "what");
        this.where = where == null ? "" : where;
        this.problem = problem;
        this.remedy = remedy;
    }

    /**
     * @param what  the kind of problem
     * @param where where it is; may be empty
     * @param message the whole message
     * @param cause the underlying cause
     */
    public PrevalenceException(Kind what, String where, String message, Throwable cause) {
        super(message, cause);
        this.what = Objects.requireNonNull(what, "what");
        this.where = where == null ? "" : where;
        this.problem = message;
        this.remedy = null;
    }

    /** Formats a message with {@link Locale#ROOT}. */
    static String format(String template, Object... args) {
        return String.format(Locale.ROOT, template, args);
    }

    /**
     * An invalid-argument exception.
     * @param where where it is
     * @param template a {@link String#format} template, formatted with {@link Locale#ROOT}
     * @param args its arguments
     * @return the exception (to be thrown by the caller)
     */
    public static PrevalenceException invalidArgument(String where, String template, Object... args) {
        return new PrevalenceException(Kind.INVALID_ARGUMENT, where, format(template, args));
    }

    /**
     * An invalid-data exception.
     * @param where where it is
     * @param template a {@link String#format} template, formatted with {@link Locale#ROOT}
     * @param args its arguments
     * @return the exception (to be thrown by the caller)
     */
    public static PrevalenceException invalidData(String where, String template, Object... args) {
        return new PrevalenceException(Kind.INVALID_DATA, where, format(template, args));
    }

    /**
     * A not-estimable exception.
     * @param where where it is (for example {@code "term 'A:B'"})
     * @param template a {@link String#format} template, formatted with {@link Locale#ROOT}
     * @param args its arguments
     * @return the exception (to be thrown by the caller)
     */
    public static PrevalenceException notEstimable(String where, String template, Object... args) {
        return new PrevalenceException(Kind.NOT_ESTIMABLE, where, format(template, args));
    }

    /**
     * A not-converged exception.
     * @param where where it is
     * @param template a {@link String#format} template, formatted with {@link Locale#ROOT}
     * @param args its arguments
     * @return the exception (to be thrown by the caller)
     */
    public static PrevalenceException notConverged(String where, String template, Object... args) {
        return new PrevalenceException(Kind.NOT_CONVERGED, where, format(template, args));
    }

    /** @return the kind of problem */
    public Kind what() {
        return what;
    }

    /** @return where the problem is (row, column, stratum, term), or an empty string */
    public String where() {
        return where;
    }

    /** @return the fix in Java and CLI terms, or {@code null} if the message names none */
    public Remedy remedy() {
        return remedy;
    }

    /**
     * @param remedy the fix in Java and CLI terms
     * @return a copy of this exception (same kind, place, problem and cause) with that remedy
     */
    public PrevalenceException withRemedy(Remedy remedy) {
        PrevalenceException e = new PrevalenceException(what, where, problem, Objects.requireNonNull(remedy, "remedy"));
        if (getCause() != null) {
            e.initCause(getCause());
        }
        return e;
    }

    /** @return the problem, then the remedy's command-line form (in place of the Java form of {@link #getMessage()}) */
    public String cliMessage() {
        return remedy == null ? problem : problem + "; " + remedy.cli();
    }
}
