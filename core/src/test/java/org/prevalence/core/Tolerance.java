package org.prevalence.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;

/** Test helpers: relative and absolute comparisons with stated tolerances (test-jar, shared by modules). */
public final class Tolerance {
    private Tolerance() {
    }

    /**
     * Asserts {@code |actual - expected| <= relErr * |expected|}; exact when {@code expected} is 0,
     * infinite or NaN.
     */
    public static void assertRelative(double expected, double actual, double relErr, String what) {
        if (expected == 0 || Double.isNaN(expected) || Double.isInfinite(expected)) {
            assertEquals(expected, actual, 0.0, what);
            return;
        }
        double rel = Math.abs(actual - expected) / Math.abs(expected);
        if (!(rel <= relErr)) {
            fail(String.format(Locale.ROOT, "%s: expected %.12g, got %.12g (relative error %.3g > %.3g)",
                    what, expected, actual, rel, relErr));
        }
    }

    /** Asserts {@code |actual - expected| <= absErr}. */
    public static void assertAbsolute(double expected, double actual, double absErr, String what) {
        double d = Math.abs(actual - expected);
        if (!(d <= absErr)) {
            fail(String.format(Locale.ROOT, "%s: expected %.12g, got %.12g (difference %.3g > %.3g)",
                    what, expected, actual, d, absErr));
        }
    }
}
