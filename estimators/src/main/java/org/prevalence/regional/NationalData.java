package org.prevalence.regional;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.Columns;
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
        int n = t.rowCount();
        if (n == 0) {
            throw PrevalenceException.invalidData(t.name(), "The national table '%s' has no rows", t.name());
        }
        String[] c = Columns.strings(t, "country");
        String[] reg = Columns.strings(t, "region");
        double[] pop = Columns.requiredNumbers(t, "population");
        double[] p = Columns.numbers(t, "prevalence");
        double[] s = Columns.numbers(t, "se");
        int[] ri = new int[n];
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 0; r < n; r++) {
            ri[r] = edition.resolve(reg[r], "region", r);
            Integer prev = seen.putIfAbsent(RegionEdition.key(c[r]), r);
            if (prev != null) {
                throw PrevalenceException.invalidData(Columns.where(r, "country"),
                        "Row %d: country '%s' is also on row %d%s; give each country once", r + 1, c[r], prev + 1,
                        ri[prev] != ri[r] ? " in another region ('" + reg[prev] + "'), but a country must be in "
                                + "exactly one region" : "");
            }
            if (!(pop[r] > 0) || Double.isInfinite(pop[r])) {
                throw PrevalenceException.invalidData(Columns.where(r, "population"),
                        "Row %d, column 'population': a population must be > 0, got %s", r + 1, pop[r]);
            }
            if (Double.isNaN(p[r]) != Double.isNaN(s[r])) {
                throw PrevalenceException.invalidData(Columns.where(r, Double.isNaN(p[r]) ? "prevalence" : "se"),
                        "Row %d: give both prevalence and se (a surveyed country) or neither (imputed), got "
                                + "prevalence=%s, se=%s", r + 1, p[r], s[r]);
            }
            if (!Double.isNaN(p[r]) && !(p[r] >= 0 && p[r] <= 1)) {
                throw PrevalenceException.invalidData(Columns.where(r, "prevalence"),
                        "Row %d, column 'prevalence': a prevalence is a proportion in [0, 1], got %s (divide a "
                                + "per-1,000 rate by 1,000)", r + 1, p[r]);
            }
            if (!Double.isNaN(s[r]) && !(s[r] >= 0 && s[r] < Double.POSITIVE_INFINITY)) {
                throw PrevalenceException.invalidData(Columns.where(r, "se"),
                        "Row %d, column 'se': a standard error must be >= 0, got %s", r + 1, s[r]);
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
