package org.prevalence.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.prevalence.core.PrevalenceException;

/**
 * Checks the replicate-weight columns that {@code --replicate-weights PREFIX} found: when their names are the
 * prefix and a number (the ACS's {@code PWGTP1..PWGTP80}), the numbers must run without a gap from their
 * smallest, so that a replicate missing from the file is named instead of silently changing the number of
 * replicates (and the SDR scale 4/R).
 */
final class ReplicateColumns {
    private ReplicateColumns() {
    }

    /**
     * @param prefix the prefix given
     * @param columns the columns starting with it, in file order
     * @throws PrevalenceException naming the first missing replicate column
     */
    static void checkNumbered(String prefix, List<String> columns) {
        TreeSet<Integer> numbers = new TreeSet<>();
        for (String c : columns) {
            String tail = c.substring(prefix.length());
            if (tail.isEmpty() || !tail.chars().allMatch(Character::isDigit) || tail.length() > 9) {
                return; // not a numbered set: nothing to check
            }
            numbers.add(Integer.parseInt(tail));
        }
        if (numbers.size() < 2) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (int k = numbers.first(); k <= numbers.last(); k++) {
            if (!numbers.contains(k)) {
                missing.add(prefix + k);
            }
        }
        if (!missing.isEmpty()) {
            throw PrevalenceException.invalidData("column '" + missing.get(0) + "'", "replicate weights %s%d..%s%d: "
                    + "column%s %s missing; every replicate needs its weight column", prefix, numbers.first(), prefix,
                    numbers.last(), missing.size() > 1 ? "s" : "", String.join(", ", missing) + (missing.size() > 1 ? " are" : " is"));
        }
    }
}
