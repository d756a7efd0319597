package org.prevalence.regional;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.Columns;
import org.prevalence.core.io.CsvColumns;
import org.prevalence.core.io.CsvInput;
import tech.tablesaw.api.Table;

/**
 * Populations of the regions of an edition, the denominators of per-1,000 rates. Read from a
 * table {@code region,population} (one row per region) or {@code country,population} (one row per
 * country, summed to regions through the edition's country mapping).
 *
 * <p>This class is immutable.
 */
public final class Populations {
    private final RegionEdition edition;
    private final double[] population;
    private final String[] rows; // per region: the data rows it was read from ("row 3", "rows 3, 7"), or null

    private Populations(RegionEdition edition, double[] population, String[] rows) {
        this.edition = edition;
        this.population = population;
        this.rows = rows;
    }

    /**
     * @param edition the edition
     * @param byRegion population of each region (regions missing from the map have none)
     * @return the populations
     */
    public static Populations of(RegionEdition edition, Map<String, Double> byRegion) {
        double[] p = new double[edition.regions().size()];
        java.util.Arrays.fill(p, Double.NaN);
        byRegion.forEach((r, v) -> {
            int i = edition.indexOf(r);
            if (i < 0) {
                throw PrevalenceException.invalidArgument("region '" + r + "'",
                        "Unknown region '%s'; edition '%s' has %s", r, edition.name(), edition.regions());
            }
            p[i] = org.prevalence.core.Checks.positive("population of " + r, v);
        });
        return new Populations(edition, p, new String[p.length]);
    }

    /**
     * Reads a population table: columns {@code region,population}, or {@code country,population}
     * when the edition maps countries (a {@code region} column, if present too, must agree).
     *
     * @param edition the edition
     * @param t the table
     * @return the regional populations
     * @throws PrevalenceException naming the row: unknown region or country, a population that is
     *     not positive, a region or country given twice
     */
    public static Populations fromTable(RegionEdition edition, Table t) {
        return read(edition, Cells.of(t));
    }

    /**
     * Reads a population file's columns, read without a table (see {@link #reading}): as
     * {@link #fromTable}, with the same checks and the line of the file in every message about a row.
     *
     * @param edition the edition
     * @param c the columns
     * @return the regional populations
     */
    public static Populations fromColumns(RegionEdition edition, CsvColumns c) {
        return read(edition, Cells.of(c));
    }

    /**
     * @param in the CSV reader
     * @param header the file's header
     * @return {@code in} reading the columns {@link #fromColumns} needs that the header has
     */
    public static CsvInput reading(CsvInput in, List<String> header) {
        return Cells.reading(in, header, List.of("population"), List.of("country", "region"));
    }

    private static Populations read(RegionEdition edition, Cells t) {
        double[] pop = t.requiredNumbers("population");
        double[] p = new double[edition.regions().size()];
        java.util.Arrays.fill(p, Double.NaN);
        boolean byCountry = t.has("country");
        Map<String, Integer> rows = new HashMap<>();
        StringBuilder[] from = new StringBuilder[p.length];
        if (byCountry) {
            String[] c = t.strings("country");
            String[] reg = t.has("region") ? t.strings("region") : null;
            for (int r = 0; r < c.length; r++) {
                check(pop[r], t, r);
                int ix = edition.regionOfCountry(c[r]);
                if (reg != null) {
                    int given = edition.resolve(reg[r], "region", t, r);
                    if (ix >= 0 && ix != given) {
                        throw PrevalenceException.invalidData(Columns.where(r, "region"),
                                "%s: country '%s' is in region '%s' in the regions file, but this row says '%s'; "
                                        + "a country must be in exactly one region", t.row(r), c[r],
                                edition.regions().get(ix), reg[r]);
                    }
                    ix = given;
                } else if (ix < 0) {
                    throw PrevalenceException.invalidData(Columns.where(r, "country"),
                            "%s, column 'country': country '%s' is not mapped to a region; supply a regions "
                                    + "file with it, or a region column", t.row(r), c[r]);
                }
                Integer prev = rows.putIfAbsent(RegionEdition.key(c[r]), r);
                if (prev != null) {
                    throw PrevalenceException.invalidData(Columns.where(r, "country"),
                            "%s: country '%s' is also on row %d; give each country's population once",
                            t.row(r), c[r], prev + 1);
                }
                p[ix] = Double.isNaN(p[ix]) ? pop[r] : p[ix] + pop[r];
                from[ix] = from[ix] == null ? new StringBuilder("row " + (r + 1)) : from[ix].append(", ").append(r + 1);
            }
        } else {
            String[] reg = t.strings("region");
            for (int r = 0; r < reg.length; r++) {
                check(pop[r], t, r);
                int ix = edition.resolve(reg[r], "region", t, r);
                Integer prev = rows.putIfAbsent(RegionEdition.key(reg[r]), r);
                if (prev != null) {
                    throw PrevalenceException.invalidData(Columns.where(r, "region"),
                            "%s: region '%s' is also on row %d; give each region's population once",
                            t.row(r), reg[r], prev + 1);
                }
                p[ix] = pop[r];
                from[ix] = new StringBuilder("row " + (r + 1));
            }
        }
        String[] src = new String[p.length];
        for (int i = 0; i < p.length; i++) {
            src[i] = from[i] == null ? null : from[i].toString().replaceFirst("^row (\\d+), ", "rows $1, ");
        }
        return new Populations(edition, p, src);
    }

    private static void check(double v, Cells t, int r) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw PrevalenceException.invalidData(Columns.where(r, "population"),
                    "%s, column 'population': a population must be > 0, got %s", t.row(r), v);
        }
    }

    /** @return the edition */
    public RegionEdition edition() {
        return edition;
    }

    /**
     * @param region a region index of the edition
     * @return its population, or NaN if none was given
     */
    public double of(int region) {
        return population[region];
    }

    /**
     * @param region a region index
     * @param why what needs it, for the message
     * @return its population
     * @throws PrevalenceException if the region has no population
     */
    double require(int region, String why) {
        double p = population[region];
        if (Double.isNaN(p)) {
            String name = edition.regions().get(region);
            throw PrevalenceException.invalidData("region '" + name + "'",
                    "Region '%s' has %s but no population; add a row for it to the population file",
                    name, why);
        }
        return p;
    }

    /**
     * @param region a region index
     * @return the data rows of the population table its population was read from ({@code "row 3"},
     *     {@code "rows 3, 7, 9"}), or {@code null} if it was not read from a table
     */
    String rowsOf(int region) {
        return rows[region];
    }

    /** @return the sum of the populations given (the world population) */
    public double total() {
        double s = 0;
        for (double p : population) {
            if (!Double.isNaN(p)) {
                s += p;
            }
        }
        return s;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Populations[").append(edition.name());
        for (int i = 0; i < population.length; i++) {
            if (!Double.isNaN(population[i])) {
                sb.append(String.format(Locale.ROOT, "; %s %s", edition.regions().get(i), Format.number(population[i])));
            }
        }
        return sb.append(']').toString();
    }
}
