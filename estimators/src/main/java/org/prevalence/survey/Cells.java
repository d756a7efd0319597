package org.prevalence.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.survey.Factor;

/**
 * The cells of crossed categorical variables present in a sample (package-private helper of the
 * calibration classes): a dense code per row, in sorted level order, with each cell's labels.
 */
final class Cells {
    final List<String> columns;
    final int[] code;
    final int count;
    final List<List<String>> labels;
    final int[] firstRow;
    final int[][] levelOf;

    private Cells(List<String> columns, int[] code, int count, List<List<String>> labels, int[] firstRow, int[][] levelOf) {
        this.columns = columns;
        this.code = code;
        this.count = count;
        this.labels = labels;
        this.firstRow = firstRow;
        this.levelOf = levelOf;
    }

    static Cells of(SurveyDesign d, List<String> columns) {
        int n = d.n;
        Factor[] fs = new Factor[columns.size()];
        long[] key = new long[n];
        long radix = 1;
        for (int j = columns.size() - 1; j >= 0; j--) {
            fs[j] = d.factor(columns.get(j));
            int[] c = fs[j].codes();
            for (int i = 0; i < n; i++) {
                if (c[i] < 0) {
                    throw PrevalenceException.invalidData(String.format(Locale.ROOT, "row %d, column '%s'", i + 1, columns.get(j)),
                            "row %d, column '%s': missing value in a calibration variable; every row needs a level",
                            i + 1, columns.get(j));
                }
                key[i] += c[i] * radix;
            }
            radix *= fs[j].levelCount();
        }
        long[] distinct = Arrays.stream(key).distinct().sorted().toArray();
        int[] code = new int[n];
        int[] first = new int[distinct.length];
        Arrays.fill(first, -1);
        for (int i = 0; i < n; i++) {
            int k = Arrays.binarySearch(distinct, key[i]);
            code[i] = k;
            if (first[k] < 0) {
                first[k] = i;
            }
        }
        List<List<String>> labels = new ArrayList<>();
        int[][] levelOf = new int[distinct.length][columns.size()];
        for (int k = 0; k < distinct.length; k++) {
            List<String> lab = new ArrayList<>();
            for (int j = 0; j < columns.size(); j++) {
                int lv = fs[j].codes()[first[k]];
                levelOf[k][j] = lv;
                lab.add(fs[j].levels().get(lv));
            }
            labels.add(List.copyOf(lab));
        }
        return new Cells(List.copyOf(columns), code, distinct.length, List.copyOf(labels), first, levelOf);
    }

    String describe(int k) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < columns.size(); j++) {
            if (j > 0) {
                sb.append(", ");
            }
            sb.append(columns.get(j)).append('=').append(labels.get(k).get(j));
        }
        return sb.toString();
    }

    /**
     * The population count of every sample cell.
     * @throws PrevalenceException if a sample cell has no (or a zero) population count, or a population
     *     cell with a positive count has no sample row
     */
    double[] population(PopulationCounts pop) {
        if (!lower(pop.columns()).equals(lower(columns))) {
            throw PrevalenceException.invalidArgument("population",
                    "population counts are for %s but the cells are %s", pop.columns(), columns);
        }
        double[] out = new double[count];
        Set<List<String>> matched = new HashSet<>();
        for (int k = 0; k < count; k++) {
            List<String> key = labels.get(k);
            Double v = pop.counts().get(key);
            if (v == null || v == 0) {
                throw PrevalenceException.invalidData("cell " + describe(k),
                        "the population counts for %s have %s for the cell %s, which is in the sample (row %d); add it "
                                + "to the population table (R: \"Strata in sample absent from population\")",
                        columns, v == null ? "no row" : "a zero count", describe(k), firstRow[k] + 1);
            }
            out[k] = v;
            matched.add(key);
        }
        for (var e : pop.counts().entrySet()) {
            if (e.getValue() > 0 && !matched.contains(e.getKey())) {
                throw PrevalenceException.invalidData("population cell " + e.getKey(),
                        "population cell %s=%s (count %s) has no row in the sample; merge it with another cell or drop it "
                                + "(R: \"Some strata absent from sample: use partial=TRUE to ignore them\")",
                        columns, e.getKey(), Format.number(e.getValue()));
            }
        }
        return out;
    }

    private static List<String> lower(List<String> l) {
        List<String> o = new ArrayList<>();
        for (String s : l) {
            o.add(s.toLowerCase(Locale.ROOT));
        }
        return o;
    }
}
