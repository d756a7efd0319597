package org.prevalence.survey.forcedlabour;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.Columns;
import tech.tablesaw.api.Table;

/**
 * The rows {@link ForcedLabourStock} estimates from, one per person (a respondent, or a family
 * member the respondent reports on): the respondent's id and survey weight, the person's network
 * size, the country of exploitation, the first and last day of the situation, and the 0/1 items
 * (and age) that {@link IclsRule} classifies by. {@link #fromTable} reads them from a table with
 * the columns {@code respondent, weight, network_size, country, start_date, end_date} and the
 * rule's {@linkplain IclsRule#columns() columns}; the arrays are copied in and out.
 *
 * @param respondent the respondent's id for each row
 * @param weight the respondent's survey weight \( w_r \) for each row
 * @param networkSize the network size \( m_i \) for each row
 * @param country the country of exploitation for each row
 * @param startDay the situation's first day for each row ({@link LocalDate#toEpochDay()})
 * @param endDay the situation's last day for each row ({@link LocalDate#toEpochDay()})
 * @param items the item (and age) values by column name, one value per row
 */
public record ReportRows(String[] respondent, double[] weight, double[] networkSize, String[] country,
                         long[] startDay, long[] endDay, Map<String, double[]> items) {
    /** Checks that every array has one value per row, and copies them. */
    public ReportRows {
        int n = respondent.length;
        for (int len : new int[] {weight.length, networkSize.length, country.length, startDay.length, endDay.length}) {
            if (len != n) {
                throw PrevalenceException.invalidArgument("rows", "Every array needs %d values (one per row), got %d",
                        n, len);
            }
        }
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : items.entrySet()) {
            if (e.getValue().length != n) {
                throw PrevalenceException.invalidArgument("item '" + e.getKey() + "'",
                        "Item '%s' needs %d values (one per row), got %d", e.getKey(), n, e.getValue().length);
            }
            copy.put(e.getKey(), e.getValue().clone());
        }
        respondent = respondent.clone();
        weight = weight.clone();
        networkSize = networkSize.clone();
        country = country.clone();
        startDay = startDay.clone();
        endDay = endDay.clone();
        items = Collections.unmodifiableMap(copy);
    }

    /**
     * Reads the rows from a table (column names exact; missing cells are errors naming the row
     * and column).
     * @param t one row per person
     * @param rule the rule whose items and age column to read
     * @return the rows
     */
    public static ReportRows fromTable(Table t, IclsRule rule) {
        Map<String, double[]> items = new LinkedHashMap<>();
        for (String c : rule.columns()) {
            items.put(c, Columns.requiredNumbers(t, c));
        }
        return new ReportRows(Columns.strings(t, "respondent"), Columns.requiredNumbers(t, "weight"),
                Columns.requiredNumbers(t, "network_size"), Columns.strings(t, "country"),
                Columns.epochDays(t, "start_date"), Columns.epochDays(t, "end_date"), items);
    }

    /** @return the number of rows */
    public int size() {
        return respondent.length;
    }

    /**
     * @param name an item (or age) column
     * @return its values
     * @throws PrevalenceException if the rows have no such item
     */
    double[] item(String name) {
        double[] x = items.get(name);
        if (x == null) {
            throw PrevalenceException.invalidArgument("item '" + name + "'",
                    "The rows have no item '%s'; they have %s", name, List.copyOf(items.keySet()));
        }
        return x;
    }

    @Override
    public String[] respondent() {
        return respondent.clone();
    }

    @Override
    public double[] weight() {
        return weight.clone();
    }

    @Override
    public double[] networkSize() {
        return networkSize.clone();
    }

    @Override
    public String[] country() {
        return country.clone();
    }

    @Override
    public long[] startDay() {
        return startDay.clone();
    }

    @Override
    public long[] endDay() {
        return endDay.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ReportRows r)) {
            return false;
        }
        if (!items.keySet().equals(r.items.keySet())) {
            return false;
        }
        for (String k : items.keySet()) {
            if (!Arrays.equals(items.get(k), r.items.get(k))) {
                return false;
            }
        }
        return Arrays.equals(respondent, r.respondent) && Arrays.equals(weight, r.weight)
                && Arrays.equals(networkSize, r.networkSize) && Arrays.equals(country, r.country)
                && Arrays.equals(startDay, r.startDay) && Arrays.equals(endDay, r.endDay);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(respondent), Arrays.hashCode(weight), Arrays.hashCode(country));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ReportRows[%d rows, %d respondents, items %s]", size(),
                Arrays.stream(respondent).distinct().count(), items.keySet());
    }
}
