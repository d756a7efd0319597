package org.prevalence.network.nsum;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.Columns;
import tech.tablesaw.api.Table;

/**
 * The populations of known size a network scale-up survey asks about: the survey column holding each
 * respondent's reported number of acquaintances in the group, and the group's size in the population.
 * A size must be positive and finite (a group of size 0 has no members to know). This class is immutable.
 */
public final class KnownPopulations {
    private final List<String> names;
    private final double[] sizes;

    private KnownPopulations(List<String> names, double[] sizes) {
        this.names = names;
        this.sizes = sizes;
    }

    /**
     * @param sizes each known population's survey column and size, in order
     * @return the known populations
     * @throws PrevalenceException if there are none, or a size is not positive and finite
     */
    public static KnownPopulations of(Map<String, Double> sizes) {
        Objects.requireNonNull(sizes, "sizes");
        List<String> n = new ArrayList<>(sizes.keySet());
        double[] s = new double[n.size()];
        for (int k = 0; k < s.length; k++) {
            s[k] = check(n.get(k), sizes.get(n.get(k)), "known population '" + n.get(k) + "'");
        }
        return build(n, s);
    }

    /**
     * Reads a table of known populations, one row each.
     * @param t the table
     * @param nameColumn the column naming each population (its survey column)
     * @param sizeColumn the column of sizes
     * @return the known populations
     * @throws PrevalenceException for a missing column, a repeated name, or a size that is not positive,
     *     naming the row
     */
    public static KnownPopulations fromTable(Table t, String nameColumn, String sizeColumn) {
        String[] n = Columns.strings(t, nameColumn);
        double[] s = Columns.numbers(t, sizeColumn);
        for (int r = 0; r < s.length; r++) {
            check(n[r], s[r], Columns.where(r, sizeColumn));
        }
        return build(List.of(n), s);
    }

    private static KnownPopulations build(List<String> n, double[] s) {
        if (n.isEmpty()) {
            throw PrevalenceException.invalidArgument("known populations",
                    "the network scale-up method needs at least one population of known size");
        }
        Set<String> seen = new HashSet<>();
        for (String x : n) {
            if (!seen.add(x)) {
                throw PrevalenceException.invalidData("known population '" + x + "'",
                        "known population '%s' is listed twice", x);
            }
        }
        return new KnownPopulations(List.copyOf(n), s.clone());
    }

    private static double check(String name, Double size, String where) {
        if (size == null || !(size > 0) || Double.isInfinite(size)) {
            throw PrevalenceException.invalidData(where,
                    "known population '%s' has size %s; a known population's size must be positive", name,
                    size == null ? "NA" : Format.plain(size));
        }
        return size;
    }

    /** @return the survey columns, in order */
    public List<String> names() {
        return names;
    }

    /** @return the sizes, in order (a copy) */
    public double[] sizes() {
        return sizes.clone();
    }

    /** @return the number of known populations */
    public int size() {
        return names.size();
    }

    /** @return the sum of the sizes */
    public double total() {
        double s = 0;
        for (double x : sizes) {
            s += x;
        }
        return s;
    }

    /**
     * @param k a known population
     * @return the others
     */
    public KnownPopulations without(int k) {
        if (size() < 2) {
            throw PrevalenceException.invalidArgument("known populations",
                    "holding out a known population needs at least two");
        }
        List<String> n = new ArrayList<>(names);
        n.remove(k);
        double[] s = new double[sizes.length - 1];
        for (int j = 0, i = 0; j < sizes.length; j++) {
            if (j != k) {
                s[i++] = sizes[j];
            }
        }
        return new KnownPopulations(List.copyOf(n), s);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "KnownPopulations[%d, total %s]", size(), Format.number(total()));
    }
}
