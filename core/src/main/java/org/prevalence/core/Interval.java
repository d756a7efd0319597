package org.prevalence.core;

import java.util.Locale;
import java.util.Objects;

/**
 * A confidence (or credible) interval: lower and upper limits, the nominal level, the method that
 * produced it, and the degrees of freedom of its t reference distribution where the method has one.
 * {@link #label()} is the method's printed name (for example {@code "lognormal"}, {@code "bca"},
 * {@code "credible (bma)"}, {@code "logit, t(14)"}).
 *
 * @param lower            the lower limit
 * @param upper            the upper limit, {@code >= lower}
 * @param level            the nominal level in (0, 1)
 * @param method           the method
 * @param degreesOfFreedom the t reference distribution's degrees of freedom for methods that
 *                         {@linkplain IntervalMethod#usesDegreesOfFreedom() use one}, otherwise 0
 */
public record Interval(double lower, double upper, double level, IntervalMethod method, int degreesOfFreedom) {
    /** Validates the limits, the level and the method. */
    public Interval {
        Checks.level("level", level);
        Objects.requireNonNull(method, "method");
        if (!method.usesDegreesOfFreedom()) {
            degreesOfFreedom = 0;
        }
        if (!(lower <= upper)) {
            throw PrevalenceException.invalidArgument("interval",
                    "interval limits must satisfy lower <= upper, got (%s, %s)", lower, upper);
        }
    }

    /**
     * An interval whose method has no degrees of freedom.
     *
     * @param lower  the lower limit
     * @param upper  the upper limit, {@code >= lower}
     * @param level  the nominal level in (0, 1)
     * @param method the method
     */
    public Interval(double lower, double upper, double level, IntervalMethod method) {
        this(lower, upper, level, method, 0);
    }

    /** @return the method's printed name, with the degrees of freedom where it has them */
    public String label() {
        return method.label(degreesOfFreedom);
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
                Format.percent(level), label(), Format.number(lower), Format.number(upper));
    }
}
