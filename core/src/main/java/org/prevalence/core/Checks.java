package org.prevalence.core;

/**
 * Argument checks that return the value they check, so that a configuration method fits on one
 * line. Every check is NaN-safe: it is written as "if the value is good, return it", so NaN fails.
 */
public final class Checks {
    private Checks() {
    }

    /**
     * @param name the argument's name, for the message
     * @param v a confidence level
     * @return {@code v} if it lies in the open interval (0, 1)
     * @throws PrevalenceException if it does not
     */
    public static double level(String name, double v) {
        if (v > 0 && v < 1) {
            return v;
        }
        throw PrevalenceException.invalidArgument(name, "%s must lie strictly between 0 and 1, got %s", name, v);
    }

    /**
     * @param name the argument's name
     * @param v a value
     * @return {@code v} if it is finite and strictly positive
     * @throws PrevalenceException otherwise
     */
    public static double positive(String name, double v) {
        if (v > 0 && v < Double.POSITIVE_INFINITY) {
            return v;
        }
        throw PrevalenceException.invalidArgument(name, "%s must be finite and > 0, got %s", name, v);
    }

    /**
     * @param name the argument's name
     * @param v a value
     * @return {@code v} if it is finite and {@code >= 0}
     * @throws PrevalenceException otherwise
     */
    public static double nonNegative(String name, double v) {
        if (v >= 0 && v < Double.POSITIVE_INFINITY) {
            return v;
        }
        throw PrevalenceException.invalidArgument(name, "%s must be finite and >= 0, got %s", name, v);
    }

    /**
     * @param name the argument's name
     * @param v a value
     * @return {@code v} if it is finite
     * @throws PrevalenceException otherwise
     */
    public static double finite(String name, double v) {
        if (Double.isFinite(v)) {
            return v;
        }
        throw PrevalenceException.invalidArgument(name, "%s must be finite, got %s", name, v);
    }

    /**
     * @param name the argument's name
     * @param v a value
     * @param min the smallest allowed value
     * @return {@code v} if {@code v >= min}
     * @throws PrevalenceException otherwise
     */
    public static int atLeast(String name, int v, int min) {
        if (v >= min) {
            return v;
        }
        throw PrevalenceException.invalidArgument(name, "%s must be >= %d, got %d", name, min, v);
    }

    /**
     * @param name the argument's name
     * @param v a value
     * @param min the smallest allowed value
     * @return {@code v} if {@code v >= min}
     * @throws PrevalenceException otherwise
     */
    public static long atLeast(String name, long v, long min) {
        if (v >= min) {
            return v;
        }
        throw PrevalenceException.invalidArgument(name, "%s must be >= %d, got %d", name, min, v);
    }
}
