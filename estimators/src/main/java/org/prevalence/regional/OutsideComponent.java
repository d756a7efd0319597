package org.prevalence.regional;

import java.util.Objects;
import org.prevalence.core.Checks;
import org.prevalence.core.PrevalenceException;

/**
 * A component of the total estimated outside the surveys (for example state-imposed forced labour,
 * from other sources), added to a region or to the world with its own 95 % interval. In the Monte
 * Carlo it is drawn from a normal distribution with mean {@code estimate} and standard deviation
 * {@code (upper95 - lower95) / (2 * 1.959964)}, truncated at 0.
 *
 * @param name     what it is, for example {@code "state-imposed forced labour"}
 * @param region   the region it belongs to, or null for a world-level component
 * @param estimate the number of persons, {@code >= 0}
 * @param lower95  the lower 95 % limit, {@code <= estimate}
 * @param upper95  the upper 95 % limit, {@code >= estimate}
 */
public record OutsideComponent(String name, String region, double estimate, double lower95, double upper95) {
    /** Checks the limits. */
    public OutsideComponent {
        Objects.requireNonNull(name, "name");
        Checks.nonNegative("estimate", estimate);
        if (!(lower95 <= estimate && estimate <= upper95)) {
            throw PrevalenceException.invalidArgument("component '" + name + "'",
                    "Component '%s': need lower95 <= estimate <= upper95, got %s, %s, %s", name, lower95, estimate,
                    upper95);
        }
    }

    /** @return the standard deviation implied by the 95 % interval */
    public double standardDeviation() {
        return (upper95 - lower95) / (2 * 1.959963984540054);
    }
}
