package org.prevalence.survey.forcedlabour;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.Columns;
import tech.tablesaw.api.Table;

/**
 * The rows {@link ForcedLabourStock} estimates from, one per person (a respondent, or a family
 * member the respondent reports on): the respondent's id and survey weight, the person's network
 * size, the country of exploitation, the first and last day of the situation, and the 0/1 items
 * (and age) that {@link IclsRule} classifies by. {@link #fromTable} reads them from a table with
 * the columns {@code respondent, weight, network_size, country, start_date, end_date} and the
 * rule's {@linkplain IclsRule#columns() columns}; {@link #of} takes arrays (copied).
 *
 * <p>This class is immutable.
 */
public final class ReportRows {
    final String[] respondent;
    final double[] weight;
    final double[] networkSize;
    final String[] country;
    final long[] startDay;
    final long[] endDay;
    final Map<String, double[]> items;

    private ReportRows(String[] respondent, double[] weight, double[] networkSize, String[] country, long[] startDay,
                       long[] endDay, Map<String, double[]> items) {
        this.respondent = respondent;
        this.weight = weight;
        this.networkSize = networkSize;
        this.country = country;
        this.startDay = startDay;
        this.endDay = endDay;
        this.items = items;
    }

    /**
     * @param respondent the respondent's id for each row
     * @param weight the respondent's survey weight \( w_r \) for each row
     * @param networkSize the network size \( m_i \) for each row
     * @param country the country of exploitation for each row
     * @param startDay the situation's first day for each row ({@link LocalDate#toEpochDay()})
     * @param endDay the situation's last day for each row ({@link LocalDate#toEpochDay()})
     * @param items the item (and age) values by column name, one value per row
     * @return the rows (every array copied)
     * @throws PrevalenceException if an array does not have one value per row
     */
    public static ReportRows of(String[] respondent, double[] weight, double[] networkSize, String[] country,
                                long[] startDay, long[] endDay, Map<String, double[]> items) {
        int n = respondent.length;
        int[] lengths = {weight.length, networkSize.length, country.length, startDay.length, endDay.length};
        for (int len : lengths) {
            checkLength("rows", n, len);
        }
        Map<String, double[]> copy = new LinkedHashMap<>();
        items.forEach((k, v) -> copy.put(k, checkLength("item '" + k + "'", n, v.length) ? v.clone() : null));
        return new ReportRows(respondent.clone(), weight.clone(), networkSize.clone(), country.clone(),
                startDay.clone(), endDay.clone(), Collections.unmodifiableMap(copy));
    }

    private static boolean checkLength(String where, int n, int len) {
        if (len != n) {
            throw PrevalenceException.invalidArgument(where, "%s needs %d values (one per row), got %d", where, n, len);
        }
        return true;
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
                Columns.epochDays(t, "start_date"), Columns.epochDays(t, "end_date"), Collections.unmodifiableMap(items));
    }

    /** @return the number of rows */
    public int size() {
        return respondent.length;
    }

    /** @return the item (and age) columns held, in order */
    public List<String> itemNames() {
        return List.copyOf(items.keySet());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ReportRows[%d rows, %d respondents, items %s]", size(),
                Arrays.stream(respondent).distinct().count(), items.keySet());
    }
}
