package org.prevalence.core.engine;

import java.util.Map;
import org.prevalence.core.PrevalenceException;

/**
 * The errors every engine raises in the same words, so a user sees the same message whichever
 * engine ran (and the conformance test can check them).
 */
public final class EngineErrors {
    private EngineErrors() {
    }

    /**
     * @param name a column name
     * @param types the data's columns
     * @return the column's type
     * @throws PrevalenceException (INVALID_ARGUMENT, where = {@code column 'name'}) if it is absent
     */
    public static ColumnType requireColumn(String name, Map<String, ColumnType> types) {
        ColumnType t = types.get(name);
        if (t == null) {
            throw PrevalenceException.invalidArgument("column '" + name + "'",
                    "no column '%s' in the data; the columns are %s", name, types.keySet());
        }
        return t;
    }

    /**
     * @param name a column name
     * @param role what it was to be used as: weight, term, covariate, response, offset
     * @return the error (INVALID_DATA, where = {@code column 'name'}): a text column used as numbers
     */
    public static PrevalenceException notNumeric(String name, String role) {
        return PrevalenceException.invalidData("column '" + name + "'",
                "column '%s' holds text, but it is used as a %s and must be numeric", name, role);
    }
}
