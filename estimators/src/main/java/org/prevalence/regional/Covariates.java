package org.prevalence.regional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.Columns;
import org.prevalence.core.io.CsvColumns;
import tech.tablesaw.api.Table;

/**
 * Country covariates for the imputation model: a table with a {@code country} column and numeric
 * covariate columns (for example log GDP per head, a conflict indicator, a vulnerability index).
 *
 * <p>This class is immutable.
 */
public final class Covariates {
    private static final Set<String> NOT_COVARIATES = Set.of("country", "region", "population", "prevalence", "se");
    final List<String> names;
    private final Map<String, double[]> byCountry;

    private Covariates(List<String> names, Map<String, double[]> byCountry) {
        this.names = List.copyOf(names);
        this.byCountry = byCountry;
    }

    /** @return no covariates: the model has region effects only */
    public static Covariates none() {
        return new Covariates(List.of(), Map.of());
    }

    /**
     * @param t the table: {@code country} and covariate columns
     * @param columns the covariate columns, or null for every column holding numbers other than
     *     {@code country, region, population, prevalence, se}; a column of numbers with a stray
     *     text cell is a covariate, and that cell an error naming its row (never silently dropped)
     * @return the covariates
     * @throws PrevalenceException naming the row if a country is given twice or a value is missing
     */
    public static Covariates fromTable(Table t, List<String> columns) {
        return read(Cells.of(t), columns);
    }

    /**
     * Reads a covariate file's columns, read without a table: as {@link #fromTable}, with the same
     * checks and the line of the file in every message about a row. With {@code columns} null,
     * every column read other than {@code country, region, population, prevalence, se} that holds
     * numbers is a covariate (read every column as a category for the rule of {@link #fromTable}).
     * @param c the columns ({@code country} read as a category)
     * @param columns the covariate columns, or null as in {@link #fromTable}
     * @return the covariates
     */
    public static Covariates fromColumns(CsvColumns c, List<String> columns) {
        return read(Cells.of(c), columns);
    }

    private static Covariates read(Cells t, List<String> columns) {
        List<String> cols = new ArrayList<>();
        if (columns == null) {
            for (String c : t.columnNames()) {
                // a column holding numbers is a covariate even with a stray text cell: that cell is then an error
                if (!NOT_COVARIATES.contains(c.toLowerCase(Locale.ROOT)) && t.holdsNumbers(c)) {
                    cols.add(c);
                }
            }
        } else {
            cols.addAll(columns);
        }
        String[] country = t.strings("country");
        double[][] x = new double[cols.size()][];
        for (int j = 0; j < cols.size(); j++) {
            x[j] = t.numbers(cols.get(j));
        }
        Map<String, double[]> m = new HashMap<>();
        Map<String, Integer> rows = new HashMap<>();
        for (int r = 0; r < country.length; r++) {
            double[] row = new double[cols.size()];
            for (int j = 0; j < row.length; j++) {
                row[j] = x[j][r];
            }
            Integer prev = rows.putIfAbsent(RegionEdition.key(country[r]), r);
            if (prev != null) {
                throw PrevalenceException.invalidData(Columns.where(r, "country"),
                        "%s: country '%s' is also on row %d of the covariates; give each country once",
                        t.row(r), country[r], prev + 1);
            }
            m.put(RegionEdition.key(country[r]), row);
        }
        return new Covariates(cols, m);
    }

    /** @return the covariate names */
    public List<String> names() {
        return names;
    }

    /** The covariate row of a country; throws naming the country and the first missing covariate. */
    double[] of(String country) {
        double[] x = byCountry.get(RegionEdition.key(country));
        if (x == null && !names.isEmpty()) {
            throw PrevalenceException.invalidData("country '" + country + "'",
                    "Country '%s' has no row in the covariates; add it (the model needs %s)", country, names);
        }
        if (x == null) {
            return new double[0];
        }
        for (int j = 0; j < x.length; j++) {
            if (Double.isNaN(x[j])) {
                throw PrevalenceException.invalidData("country '" + country + "', column '" + names.get(j) + "'",
                        "Country '%s': covariate '%s' is missing", country, names.get(j));
            }
        }
        return x;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Covariates[%s; %d countries]", names, byCountry.size());
    }
}
