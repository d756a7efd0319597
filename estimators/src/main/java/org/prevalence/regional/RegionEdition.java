package org.prevalence.regional;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.Columns;
import org.prevalence.core.io.CsvColumns;
import org.prevalence.core.io.CsvInput;
import tech.tablesaw.api.Table;

/**
 * A region edition: the ordered list of regions used for regional totals and, optionally, the
 * mapping of countries to those regions. Editions are data: the two built-in editions name the
 * regions only; a user-supplied CSV ({@code region} column, optionally {@code country}) replaces
 * them, see {@link #fromTable}.
 *
 * <ul>
 * <li>{@link #ILO_2005}: the six regions of the ILO 2005 minimum estimate.</li>
 * <li>{@link #ILO_2012}: the six regions of the ILO Global Estimate of Forced Labour 2012 (Asia-Pacific;
 * Africa; Latin America and the Caribbean; Central and South-Eastern Europe (non-EU) and CIS;
 * Developed Economies and European Union; Middle East).</li>
 * <li>{@link #GLOBAL_ESTIMATES}: the five regions of the Global Estimates of Modern Slavery 2017 and
 * 2022 (Africa; Americas; Arab States; Asia and the Pacific; Europe and Central Asia).</li>
 * </ul>
 *
 * <p>Region names are matched ignoring case and surrounding blanks. This class is immutable.
 */
public final class RegionEdition {
    /** The six ILO 2012 regions (ILO SAP-FL 2012, Global Estimate of Forced Labour: Results and Methodology). */
    public static final RegionEdition ILO_2012 = of("ILO 2012", List.of("Asia-Pacific", "Africa",
            "Latin America and the Caribbean", "Central and South-Eastern Europe (non-EU) and CIS",
            "Developed Economies and European Union", "Middle East"));
    /** The six regions of the ILO 2005 minimum estimate (Belser, de Cock and Mehran 2005). */
    public static final RegionEdition ILO_2005 = of("ILO 2005", List.of("Asia and the Pacific",
            "Latin America and the Caribbean", "Sub-Saharan Africa", "Industrialized countries",
            "Middle East and North Africa", "Transition countries"));
    /** The five regions of the Global Estimates of Modern Slavery (ILO, Walk Free, IOM 2017, 2022). */
    public static final RegionEdition GLOBAL_ESTIMATES = of("Global Estimates", List.of("Africa", "Americas",
            "Arab States", "Asia and the Pacific", "Europe and Central Asia"));

    private final String name;
    private final List<String> regions;
    private final Map<String, Integer> index;
    private final Map<String, Integer> countryRegion;

    private RegionEdition(String name, List<String> regions, Map<String, Integer> countryRegion) {
        this.name = name;
        this.regions = List.copyOf(regions);
        Map<String, Integer> ix = new LinkedHashMap<>();
        for (int i = 0; i < regions.size(); i++) {
            if (ix.put(key(regions.get(i)), i) != null) {
                throw PrevalenceException.invalidData("region '" + regions.get(i) + "'",
                        "Region '%s' is listed twice in edition '%s'", regions.get(i), name);
            }
        }
        this.index = Collections.unmodifiableMap(ix);
        this.countryRegion = Collections.unmodifiableMap(countryRegion);
    }

    /**
     * @param name the edition's name
     * @param regions the region names, in reporting order (at least one, no duplicates)
     * @return an edition without a country mapping
     */
    public static RegionEdition of(String name, List<String> regions) {
        Objects.requireNonNull(name, "name");
        if (regions.isEmpty()) {
            throw PrevalenceException.invalidArgument("regions", "An edition needs at least one region");
        }
        return new RegionEdition(name, regions, Map.of());
    }

    /**
     * Reads an edition from a table with a {@code region} column and, optionally, a {@code country}
     * column (one row per country). Regions are ordered by first appearance.
     *
     * @param name the edition's name
     * @param t the table
     * @return the edition
     * @throws PrevalenceException if a cell is missing or a country is given in two regions (the
     *     message names both rows)
     */
    public static RegionEdition fromTable(String name, Table t) {
        return read(name, Cells.of(t));
    }

    /**
     * Reads an edition from a regions file's columns, read without a table ({@code region} and,
     * if the file has it, {@code country}, both as categories; see {@link #reading}): as
     * {@link #fromTable}, with the same checks and the line of the file in every message about a row.
     * @param name the edition's name
     * @param c the columns
     * @return the edition
     */
    public static RegionEdition fromColumns(String name, CsvColumns c) {
        return read(name, Cells.of(c));
    }

    /**
     * @param in the CSV reader
     * @param header the file's header
     * @return {@code in} reading the columns {@link #fromColumns} needs that the header has
     */
    public static CsvInput reading(CsvInput in, List<String> header) {
        return Cells.reading(in, header, List.of(), List.of("region", "country"));
    }

    private static RegionEdition read(String name, Cells t) {
        String[] region = t.strings("region");
        List<String> regions = new ArrayList<>();
        Map<String, Integer> ix = new LinkedHashMap<>();
        for (String r : region) {
            if (!ix.containsKey(key(r))) {
                ix.put(key(r), regions.size());
                regions.add(r);
            }
        }
        Map<String, Integer> countries = new LinkedHashMap<>();
        if (t.has("country")) {
            String[] country = t.strings("country");
            Map<String, Integer> firstRow = new LinkedHashMap<>();
            for (int r = 0; r < country.length; r++) {
                String c = key(country[r]);
                Integer reg = ix.get(key(region[r]));
                Integer prev = countries.putIfAbsent(c, reg);
                if (prev != null && !prev.equals(reg)) {
                    throw PrevalenceException.invalidData(Columns.where(r, "region"),
                            "%s: country '%s' is in region '%s', but row %d puts it in '%s'; "
                                    + "a country must be in exactly one region", t.row(r), country[r], region[r],
                            firstRow.get(c) + 1, regions.get(prev));
                }
                firstRow.putIfAbsent(c, r);
            }
        }
        return new RegionEdition(name, regions, countries);
    }

    /** @return the built-in editions: {@link #ILO_2012}, {@link #GLOBAL_ESTIMATES}, {@link #ILO_2005} */
    public static List<RegionEdition> builtIn() {
        return List.of(ILO_2012, GLOBAL_ESTIMATES, ILO_2005);
    }

    /**
     * @param name a built-in edition's name, ignoring case, blanks, '-' and '_'
     *     ({@code "ILO 2012"}, {@code "ilo2012"}, {@code "global-estimates"}, {@code "ilo2005"})
     * @return the edition, or {@code null} if no built-in edition has that name
     */
    public static RegionEdition named(String name) {
        String k = name.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        for (RegionEdition e : builtIn()) {
            if (e.name.toLowerCase(Locale.ROOT).replace(" ", "").equals(k)) {
                return e;
            }
        }
        return null;
    }

    /**
     * The built-in edition whose regions include every given region name: the rule a caller uses
     * when no edition is named (the synthetic world's files name ILO 2012 regions). The preferred
     * edition wins if it has them all; otherwise the only built-in edition that has them all.
     *
     * @param regionNames the region names used by the data (case-insensitive)
     * @param preferred the edition to use when it fits (a caller's default)
     * @return the edition
     * @throws PrevalenceException if no built-in edition has them all, or more than one and not the preferred one
     */
    public static RegionEdition matching(java.util.Collection<String> regionNames, RegionEdition preferred) {
        if (regionNames.stream().allMatch(r -> preferred.indexOf(r) >= 0)) {
            return preferred;
        }
        List<RegionEdition> fit = new ArrayList<>();
        for (RegionEdition e : builtIn()) {
            if (regionNames.stream().allMatch(r -> e.indexOf(r) >= 0)) {
                fit.add(e);
            }
        }
        if (fit.size() == 1) {
            return fit.get(0);
        }
        List<String> names = new ArrayList<>();
        builtIn().forEach(e -> names.add(e.name));
        throw PrevalenceException.invalidArgument("column 'region'", fit.isEmpty()
                ? "The region names of the data are not all in one built-in edition (" + String.join(", ", names)
                        + "); name the edition or give a regions file"
                : "The region names of the data fit more than one built-in edition (" + String.join(", ",
                        fit.stream().map(RegionEdition::name).toList()) + "); name the edition");
    }

    static String key(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }

    /** @return the edition's name */
    public String name() {
        return name;
    }

    /** @return the regions in reporting order */
    public List<String> regions() {
        return regions;
    }

    /** @return whether the edition maps countries to regions */
    public boolean hasCountries() {
        return !countryRegion.isEmpty();
    }

    /**
     * @param region a region name (case-insensitive)
     * @return its 0-based index, or -1 if the edition has no such region
     */
    public int indexOf(String region) {
        Integer i = index.get(key(region));
        return i == null ? -1 : i;
    }

    /**
     * @param country a country name (case-insensitive)
     * @return the index of its region, or -1 if the edition does not map it
     */
    public int regionOfCountry(String country) {
        Integer i = countryRegion.get(key(country));
        return i == null ? -1 : i;
    }

    /** Resolves a region cell, or throws naming the row and listing the regions. */
    int resolve(String region, String column, Cells t, int row) {
        int i = indexOf(region);
        if (i < 0) {
            throw PrevalenceException.invalidData(Columns.where(row, column),
                    "%s, column '%s': unknown region '%s'; edition '%s' has the regions %s "
                            + "(fix the name or supply a regions file)", t.row(row), column, region, name, regions);
        }
        return i;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RegionEdition[%s: %s%s]", name, String.join("; ", regions),
                countryRegion.isEmpty() ? "" : "; " + countryRegion.size() + " countries");
    }
}
