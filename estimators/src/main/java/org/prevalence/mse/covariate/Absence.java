package org.prevalence.mse.covariate;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.prevalence.core.PrevalenceException;

/**
 * A structural zero: list {@code list} did not operate in the given levels of one covariate (or years),
 * so the cells with that list = 1 at those levels cannot hold a case. They are left out of the
 * likelihood and out of the population sum.
 *
 * @param list the list that did not operate
 * @param variable the covariate (or year) naming where
 * @param levels the levels of {@code variable} in which it did not operate
 */
public record Absence(String list, String variable, List<String> levels) {
    /** Checks and copies. */
    public Absence {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(variable, "variable");
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw PrevalenceException.invalidArgument("absence", "Absence of list %s names no level of %s",
                    list, variable);
        }
    }

    /**
     * Parses {@code LIST:VARIABLE=LEVEL[,LEVEL...]}, for example {@code R3:year=2015,2016}.
     * @param text the declaration
     * @return the absence
     */
    public static Absence parse(String text) {
        int colon = text.indexOf(':');
        int eq = text.indexOf('=');
        if (colon <= 0 || eq <= colon + 1 || eq == text.length() - 1) {
            throw PrevalenceException.invalidArgument("absence",
                    "Absence '%s' is not of the form LIST:VARIABLE=LEVEL[,LEVEL...]", text);
        }
        return new Absence(text.substring(0, colon).trim(), text.substring(colon + 1, eq).trim(),
                Arrays.stream(text.substring(eq + 1).split(",")).map(String::trim).toList());
    }

    @Override
    public String toString() {
        return list + ":" + variable + "=" + String.join(",", levels);
    }
}
