package org.prevalence.cli;

import com.fasterxml.jackson.databind.util.RawValue;
import org.prevalence.core.Format;

/**
 * JSON numbers without E-notation: Jackson writes a {@code double} with {@link Double#toString},
 * which gives {@code 2.09E7} and {@code 5.0E-4}; these values write the digits of
 * {@link Format#plain(double)} instead, and {@code null} for a figure that does not exist.
 */
final class JsonNumbers {
    private JsonNumbers() {
    }

    /**
     * @param x a number
     * @return a JSON number in plain digits, or {@code null} (JSON null) if it is NaN or infinite
     */
    static Object of(double x) {
        return Double.isFinite(x) ? new RawValue(Format.plain(x)) : null;
    }
}
