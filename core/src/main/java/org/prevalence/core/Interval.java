package org.prevalence.core;

import java.util.Locale;
import java.util.Objects;

/**
 * A confidence (or credible) interval: lower and upper limits, the nominal level, and the name of
 * the method that produced it (for example {@code "lognormal"}, {@code "profile"}, {@code "bca"},
 * {@code "logit"}).
 *
 * @param lower  the lower limit
 * @param upper  the upper limit, {@code >= lower}
 * @param level  the nominal level in (0, 1)
 * @param method the method's name
 */
public record Interval(double lower, double upper, double level, String method) {
    /** Validates the limits, the level and the method name. */
    public Interval {
        Checks.level("level", level);
        Objects.requireNonNull(method, "method");
        if (!(lower <= upper)) {
            throw PrevalenceException.invalidArgument("interval",
                    "interval limits must satisfy lower <= upper, got (%s, %s)", lower, upper);
        }
    }

    /** @return {@code true} if {@code lower <= x <= upper} */
    public boolean contains(double x) {
        return lower <= x && x <= upper;
    }

    /** @return {@code upper - lower} */
    public double width() {
        return upper - lower;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s%% %s (%s, %s)",
                Format.percent(level), method, Format.number(lower), Format.number(upper));
    }
}
