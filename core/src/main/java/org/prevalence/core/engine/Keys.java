package org.prevalence.core.engine;

/**
 * How group keys are written as text, the same in every engine: whole numbers without a decimal
 * point ({@code 3}, not {@code 3.0}), other numbers by {@link Double#toString(double)}, booleans
 * {@code false}/{@code true}, text as it is (empty text is a missing key).
 */
public final class Keys {
    private Keys() {
    }

    /**
     * @param x a number (not NaN)
     * @return its key text
     */
    public static String label(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x);
    }
}
