package org.prevalence.core.survey;

import java.util.List;
import java.util.Objects;

/**
 * A categorical variable as dense codes: {@code codes[i]} is the 0-based level of row {@code i},
 * or -1 where the value is missing; {@code levels} are the level labels in code order (sorted, as
 * R's {@code factor()}).
 *
 * @param codes  one code per row (-1 = missing)
 * @param levels the level labels
 */
public record Factor(int[] codes, List<String> levels) {
    /** Checks the codes against the levels. */
    public Factor {
        Objects.requireNonNull(codes, "codes");
        levels = List.copyOf(levels);
    }

    /**
     * A numeric column as a factor: its distinct non-missing values sorted numerically, labelled
     * without a trailing ".0" for whole numbers; NaN is missing (-1).
     * @param values the values
     * @return the factor
     */
    public static Factor ofValues(double[] values) {
        return SurveySample.factorOf(values);
    }

    /** @return the number of levels */
    public int levelCount() {
        return levels.size();
    }

    /** @return the number of rows */
    public int rows() {
        return codes.length;
    }
}
