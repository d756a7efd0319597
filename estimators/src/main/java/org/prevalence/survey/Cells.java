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
        int n = d.rows();
        int m = columns.size();
        int[][] codes = new int[m][];
        List<List<String>> levels = new ArrayList<>();
        long[] key = new long[n];
        long radix = 1;
        for (int j = m - 1; j >= 0; j--) {
            String name = columns.get(j);
            List<String> lv = new ArrayList<>();
            codes[j] = codes(d, name, lv);
            levels.add(0, lv);
            int[] c = codes[j];
            for (int i = 0; i < n; i++) {
                if (c[i] < 0) {
                    throw PrevalenceException.invalidData(String.format(Locale.ROOT, "row %d, column '%s'", i + 1, name),
                            "row %d, column '%s': missing value in a calibration variable; every row needs a level",
                            i + 1, name);
                }
                key[i] += c[i] * radix;
            }
            radix *= Math.max(1, lv.size());
        }
        int[] code = new int[n];
        int count;
        if (radix <= 4L * n + 1024) {
            int[] map = new int[(int) radix];
            for (int i = 0; i < n; i++) {
                map[(int) key[i]] = 1;
            }
            count = 0;
            for (int k = 0; k < map.length; k++) {
                map[k] = map[k] == 1 ? count++ : -1;
            }
            for (int i = 0; i < n; i++) {
                code[i] = map[(int) key[i]];
            }
        } else {
            long[] sorted = key.clone();
            Arrays.sort(sorted);
            int u = 0;
            for (int i = 0; i < n; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[u++] = sorted[i];
                }
            }
            long[] distinct = Arrays.copyOf(sorted, u);
            for (int i = 0; i < n; i++) {
                code[i] = Arrays.binarySearch(distinct, key[i]);
            }
            count = u;
        }
        int[] first = new int[count];
        Arrays.fill(first, -1);
        int found = 0;
        for (int i = 0; i < n && found < count; i++) {
            if (first[code[i]] < 0) {
                first[code[i]] = i;
                found++;
            }
        }
        List<List<String>> labels = new ArrayList<>();
        int[][] levelOf = new int[count][m];
        for (int k = 0; k < count; k++) {
            List<String> lab = new ArrayList<>();
            for (int j = 0; j < m; j++) {
                int lv = codes[j][first[k]];
                levelOf[k][j] = lv;
                lab.add(levels.get(j).get(lv));
            }
            labels.add(List.copyOf(lab));
        }
        return new Cells(List.copyOf(columns), code, count, List.copyOf(labels), first, levelOf);
    }

    /**
     * Level codes of a categorical variable, or of a numeric one by its sorted distinct values (as
     * R's factor(); labels of whole numbers without ".0"), without boxing.
     */
    static int[] codes(SurveyDesign d, String name, List<String> levelsOut) {
        if (d.hasFactor(name) || !d.hasNumeric(name)) {
            Factor f = d.factor(name);
            levelsOut.addAll(f.levels());
            return f.codes();
        }
        double[] v = d.numericRef(name);
        int cap = 64;
        long[] keys = new long[cap];
        int[] ids = new int[cap];
        boolean[] used = new boolean[cap];
        double[] values = new double[16];
        int size = 0;
        int[] code = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            if (Double.isNaN(x)) {
                code[i] = -1;
                continue;
            }
            long bits = Double.doubleToLongBits(x == 0 ? 0.0 : x);
            int h = (int) ((bits * 0x9E3779B97F4A7C15L) >>> 40) & (cap - 1);
            while (used[h] && keys[h] != bits) {
                h = (h + 1) & (cap - 1);
            }
            if (!used[h]) {
                used[h] = true;
                keys[h] = bits;
                ids[h] = size;
                if (size == values.length) {
                    values = Arrays.copyOf(values, size * 2);
                }
                values[size++] = x == 0 ? 0.0 : x;
                if (size * 2 > cap) {
                    long[] ok = keys;
                    int[] oi = ids;
                    boolean[] ou = used;
                    cap *= 2;
                    keys = new long[cap];
                    ids = new int[cap];
                    used = new boolean[cap];
                    for (int j = 0; j < ok.length; j++) {
                        if (ou[j]) {
                            int g = (int) ((ok[j] * 0x9E3779B97F4A7C15L) >>> 40) & (cap - 1);
                            while (used[g]) {
                                g = (g + 1) & (cap - 1);
                            }
                            used[g] = true;
                            keys[g] = ok[j];
                            ids[g] = oi[j];
                        }
                    }
                    h = -1;
                }
            }
            code[i] = h >= 0 ? ids[h] : size - 1;
        }
        Integer[] order = new Integer[size];
        for (int k = 0; k < size; k++) {
            order[k] = k;
        }
        final double[] vals = values;
        Arrays.sort(order, (a, b) -> Double.compare(vals[a], vals[b]));
        int[] rank = new int[size];
        for (int k = 0; k < size; k++) {
            rank[order[k]] = k;
            double x = vals[order[k]];
            levelsOut.add(x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x));
        }
        for (int i = 0; i < code.length; i++) {
            if (code[i] >= 0) {
                code[i] = rank[code[i]];
            }
        }
        return code;
    }

    /**
     * The cells of a subset of the columns, derived from these (joint) cells without another pass
     * over the variables.
     * @param sub some of the columns
     * @return the coarser cells
     */
    Cells sub(List<String> sub) {
        int m = sub.size();
        int[] pos = new int[m];
        for (int j = 0; j < m; j++) {
            pos[j] = -1;
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).equalsIgnoreCase(sub.get(j))) {
                    pos[j] = c;
                }
            }
            if (pos[j] < 0) {
                throw new IllegalArgumentException(sub.get(j));
            }
        }
        Integer[] order = new Integer[count];
        for (int k = 0; k < count; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> {
            for (int j = 0; j < m; j++) {
                int x = Integer.compare(levelOf[a][pos[j]], levelOf[b][pos[j]]);
                if (x != 0) {
                    return x;
                }
            }
            return 0;
        });
        int[] of = new int[count];
        List<List<String>> lab = new ArrayList<>();
        List<int[]> lv = new ArrayList<>();
        List<Integer> first = new ArrayList<>();
        int[] prev = null;
        for (int t = 0; t < count; t++) {
            int k = order[t];
            int[] key = new int[m];
            for (int j = 0; j < m; j++) {
                key[j] = levelOf[k][pos[j]];
            }
            if (prev == null || !Arrays.equals(prev, key)) {
                List<String> l = new ArrayList<>();
                for (int j = 0; j < m; j++) {
                    l.add(labels.get(k).get(pos[j]));
                }
                lab.add(List.copyOf(l));
                lv.add(key);
                first.add(firstRow[k]);
                prev = key;
            } else {
                first.set(first.size() - 1, Math.min(first.get(first.size() - 1), firstRow[k]));
            }
            of[k] = lab.size() - 1;
        }
        int[] rowCode = new int[code.length];
        for (int i = 0; i < code.length; i++) {
            rowCode[i] = of[code[i]];
        }
        int[] f = new int[first.size()];
        for (int k = 0; k < f.length; k++) {
            f[k] = first.get(k);
        }
        return new Cells(List.copyOf(sub), rowCode, lab.size(), List.copyOf(lab), f, lv.toArray(new int[0][]));
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
