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
 * National inputs of the survey pipeline, one row per country: {@code country, region,
 * population, prevalence, se}, where {@code prevalence} (a proportion in [0, 1]) and {@code se}
 * (its standard error, from the survey module) are empty for countries without a survey.
 * Errors name the row: unknown region, a country twice, a population that is not positive, a
 * prevalence outside [0, 1], a prevalence without a standard error or the reverse.
 *
 * <p>This class is immutable.
 */
public final class NationalData {
    final RegionEdition edition;
    final String[] country;
    final int[] region;
    final double[] population;
    final double[] prevalence; // NaN = no survey
    final double[] se;

    private NationalData(RegionEdition edition, String[] country, int[] region, double[] population,
                         double[] prevalence, double[] se) {
        this.edition = edition;
        this.country = country;
        this.region = region;
        this.population = population;
        this.prevalence = prevalence;
        this.se = se;
    }

    /**
     * @param edition the region edition (for example {@link RegionEdition#GLOBAL_ESTIMATES})
     * @param t the table (not kept)
     * @return the validated national rows
     */
    public static NationalData fromTable(RegionEdition edition, Table t) {
        return read(edition, Cells.of(t));
    }

    /**
     * Reads a national file's columns, read without a table (see {@link #reading}): as
     * {@link #fromTable}, with the same checks and the line of the file in every message about a row.
     * @param edition the region edition
     * @param c the columns
     * @return the validated national rows
     */
    public static NationalData fromColumns(RegionEdition edition, CsvColumns c) {
        return read(edition, Cells.of(c));
    }

    /**
     * @param in the CSV reader
     * @param header the file's header
     * @return {@code in} reading the columns {@link #fromColumns} needs that the header has
     */
    public static CsvInput reading(CsvInput in, List<String> header) {
        return Cells.reading(in, header, List.of("population", "prevalence", "se"), List.of("country", "region"));
    }

    private static NationalData read(RegionEdition edition, Cells t) {
        int n = t.rows();
        if (n == 0) {
            throw PrevalenceException.invalidData(t.name(), "The national table '%s' has no rows", t.name());
        }
        String[] c = t.strings("country");
        String[] reg = t.strings("region");
        double[] pop = t.requiredNumbers("population");
        double[] p = t.numbers("prevalence");
        double[] s = t.numbers("se");
        int[] ri = new int[n];
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 0; r < n; r++) {
            ri[r] = edition.resolve(reg[r], "region", t, r);
            Integer prev = seen.putIfAbsent(RegionEdition.key(c[r]), r);
            if (prev != null) {
                throw PrevalenceException.invalidData(Columns.where(r, "country"),
                        "%s: country '%s' is also on row %d%s; give each country once", t.row(r), c[r], prev + 1,
                        ri[prev] != ri[r] ? " in another region ('" + reg[prev] + "'), but a country must be in "
                                + "exactly one region" : "");
            }
            if (!(pop[r] > 0) || Double.isInfinite(pop[r])) {
                throw PrevalenceException.invalidData(Columns.where(r, "population"),
                        "%s, column 'population': a population must be > 0, got %s", t.row(r), pop[r]);
            }
            if (Double.isNaN(p[r]) != Double.isNaN(s[r])) {
                throw PrevalenceException.invalidData(Columns.where(r, Double.isNaN(p[r]) ? "prevalence" : "se"),
                        "%s: give both prevalence and se (a surveyed country) or neither (imputed), got "
                                + "prevalence=%s, se=%s", t.row(r), p[r], s[r]);
            }
            if (!Double.isNaN(p[r]) && !(p[r] >= 0 && p[r] <= 1)) {
                throw PrevalenceException.invalidData(Columns.where(r, "prevalence"),
                        "%s, column 'prevalence': a prevalence is a proportion in [0, 1], got %s (divide a "
                                + "per-1,000 rate by 1,000)", t.row(r), p[r]);
            }
            if (!Double.isNaN(s[r]) && !(s[r] >= 0 && s[r] < Double.POSITIVE_INFINITY)) {
                throw PrevalenceException.invalidData(Columns.where(r, "se"),
                        "%s, column 'se': a standard error must be >= 0, got %s", t.row(r), s[r]);
            }
        }
        return new NationalData(edition, c, ri, pop, p, s);
    }

    /** @return the number of countries */
    public int size() {
        return country.length;
    }

    /** @return the number of countries with a survey */
    public int surveyed() {
        int k = 0;
        for (double p : prevalence) {
            k += Double.isNaN(p) ? 0 : 1;
        }
        return k;
    }

    /** @return the edition */
    public RegionEdition edition() {
        return edition;
    }

    @Override
    public String toString() {
        double pop = 0;
        for (double p : population) {
            pop += p;
        }
        return String.format(Locale.ROOT, "NationalData[%d countries, %d surveyed, population %s, edition %s]",
                size(), surveyed(), Format.number(pop), edition.name());
    }
}
