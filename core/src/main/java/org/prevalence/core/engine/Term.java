package org.prevalence.core.engine;

import java.util.List;
import java.util.Objects;
import org.prevalence.core.PrevalenceException;

/**
 * One summand of a {@link SumRequest}: the product of zero or more numeric columns (the empty
 * product is 1, so {@code Term.one()} with a weight gives \( \sum w \)). A row is missing for the
 * term when any of its columns is missing (NULL or NaN).
 *
 * @param columns the numeric columns multiplied together (may be empty)
 */
public record Term(List<String> columns) {
    /** Validates and copies the columns. */
    public Term {
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        for (String c : columns) {
            if (c == null || c.isEmpty()) {
                throw PrevalenceException.invalidArgument("term", "a term column name is empty");
            }
        }
    }

    /** @return the constant 1 */
    public static Term one() {
        return new Term(List.of());
    }

    /**
     * @param column a numeric column
     * @return its values
     */
    public static Term of(String column) {
        return new Term(List.of(column));
    }

    /**
     * @param a a numeric column
     * @param b another (or the same, for a square)
     * @return their product
     */
    public static Term product(String a, String b) {
        return new Term(List.of(a, b));
    }

    /** @return e.g. {@code "1"}, {@code "y"}, {@code "y*x"} */
    @Override
    public String toString() {
        return columns.isEmpty() ? "1" : String.join("*", columns);
    }
}
