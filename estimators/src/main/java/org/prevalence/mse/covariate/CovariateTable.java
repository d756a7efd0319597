package org.prevalence.mse.covariate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.prevalence.core.PrevalenceException;

/**
 * Multiple-systems data with categorical covariates, an optional year and structural zeros: the full
 * contingency table of list histories by covariate levels, as the table that R's {@code mse::model_search}
 * builds with {@code table()}. Cell {@code c} has history {@code c % 2^K} (bit {@code i} set when the case
 * is on list {@code i}) and covariate levels in mixed radix, the first covariate varying fastest.
 *
 * <p>Levels are sorted as R's {@code factor} sorts them: numerically when every level is a number,
 * otherwise by string. The first level is the reference of the treatment contrasts. A year, if named,
 * is one of the covariates whose levels must be numbers.
 *
 * <p>This class is immutable.
 */
public final class CovariateTable {
    private final List<String> lists;
    private final List<String> covariates;
    private final List<List<String>> levels;
    private final int year;
    private final long[] counts;
    private final boolean[] structural;
    private final List<Absence> absences;
    private final int[] radix;
    private final int[] stride;

    private CovariateTable(List<String> lists, List<String> covariates, List<List<String>> levels, int year,
            long[] counts, boolean[] structural, List<Absence> absences) {
        this.lists = lists;
        this.covariates = covariates;
        this.levels = levels;
        this.year = year;
        this.counts = counts;
        this.structural = structural;
        this.absences = absences;
        int c = covariates.size();
        radix = new int[c];
        stride = new int[c];
        int s = 1 << lists.size();
        for (int j = 0; j < c; j++) {
            radix[j] = levels.get(j).size();
            stride[j] = s;
            s *= radix[j];
        }
    }

    /**
     * @param lists the list columns, each coded 0/1
     * @return a builder
     */
    public static Builder builder(List<String> lists) {
        return new Builder(lists);
    }

    /** Declares columns and structural zeros, then reads rows. */
    public static final class Builder {
        private final List<String> lists;
        private List<String> covariates = List.of();
        private String year;
        private final List<Absence> absences = new ArrayList<>();

        private Builder(List<String> lists) {
            this.lists = List.copyOf(lists);
            if (this.lists.size() < 2) {
                throw PrevalenceException.invalidArgument("lists", "Multiple systems estimation needs at least "
                        + "two lists, got %d", this.lists.size());
            }
        }

        /**
         * @param v the categorical covariate columns (not the year)
         * @return this builder
         */
        public Builder covariates(List<String> v) {
            covariates = List.copyOf(v);
            return this;
        }

        /**
         * @param v the numeric year column, or {@code null} for none
         * @return this builder
         */
        public Builder year(String v) {
            year = v;
            return this;
        }

        /**
         * @param v a structural zero
         * @return this builder
         */
        public Builder absent(Absence v) {
            absences.add(Objects.requireNonNull(v));
            return this;
        }

        /**
         * Reads one row per case.
         * @param columns values by column name, all of one length
         * @return the table
         */
        public CovariateTable fromCases(Map<String, String[]> columns) {
            return read(columns, null);
        }

        /**
         * Reads a contingency table (one row per cell, its count in {@code freq}; cells not listed are 0).
         * @param columns values by column name, all of one length
         * @param freq the name of the count column, for example {@code "Freq"}
         * @return the table
         */
        public CovariateTable fromTable(Map<String, String[]> columns, String freq) {
            return read(columns, Objects.requireNonNull(freq));
        }

        private CovariateTable read(Map<String, String[]> columns, String freq) {
            List<String> covs = new ArrayList<>(covariates);
            if (year != null) {
                if (covs.contains(year)) {
                    throw PrevalenceException.invalidArgument(year, "Column '%s' is named both as a covariate "
                            + "and as the year", year);
                }
                covs.add(year);
            }
            List<String> all = new ArrayList<>(lists);
            all.addAll(covs);
            if (freq != null) {
                all.add(freq);
            }
            int rows = -1;
            for (String name : all) {
                if (Collections.frequency(all, name) > 1) {
                    throw PrevalenceException.invalidArgument(name, "Column '%s' is named twice", name);
                }
                String[] col = columns.get(name);
                if (col == null) {
                    throw PrevalenceException.invalidArgument(name, "No column '%s' in the data (columns: %s)",
                            name, String.join(", ", columns.keySet()));
                }
                if (rows >= 0 && col.length != rows) {
                    throw PrevalenceException.invalidData(name, "Column '%s' has %d rows, expected %d", name,
                            col.length, rows);
                }
                rows = col.length;
            }
            int k = lists.size();
            long[] freqs = new long[rows];
            int[] history = new int[rows];
            for (int r = 0; r < rows; r++) {
                freqs[r] = freq == null ? 1 : count(columns.get(freq)[r], r, freq);
                for (int i = 0; i < k; i++) {
                    String v = columns.get(lists.get(i))[r].trim();
                    if (v.equals("1")) {
                        history[r] |= 1 << i;
                    } else if (!v.equals("0")) {
                        throw PrevalenceException.invalidData("row " + (r + 1), "Row %d: list column '%s' must be "
                                + "0 or 1", r + 1, lists.get(i));
                    }
                }
                if (history[r] == 0 && freqs[r] > 0) {
                    throw PrevalenceException.invalidData("row " + (r + 1), "Row %d is on no list; the cases never "
                            + "observed are what the model estimates", r + 1);
                }
            }
            List<List<String>> levels = new ArrayList<>();
            for (String name : covs) {
                String[] col = columns.get(name);
                TreeSet<String> set = new TreeSet<>();
                for (int r = 0; r < rows; r++) {
                    String v = col[r].trim();
                    if (name.equals(year) && !isNumber(v)) {
                        throw PrevalenceException.invalidData("row " + (r + 1), "Row %d: the year column '%s' "
                                + "must be numeric", r + 1, name);
                    }
                    set.add(v);
                }
                List<String> lv = new ArrayList<>(set);
                lv.sort(levelOrder(lv));
                if (lv.size() < 2) {
                    throw PrevalenceException.invalidData(name, "Covariate '%s' has a single level; drop it or "
                            + "give it at least two", name);
                }
                levels.add(List.copyOf(lv));
            }
            int c = covs.size();
            int cells = 1 << k;
            for (List<String> lv : levels) {
                cells = Math.multiplyExact(cells, lv.size());
            }
            long[] counts = new long[cells];
            long[][] levelTotals = new long[c][];
            for (int j = 0; j < c; j++) {
                levelTotals[j] = new long[levels.get(j).size()];
            }
            int[][] levelOf = new int[c][rows];
            for (int j = 0; j < c; j++) {
                Map<String, Integer> index = new LinkedHashMap<>();
                for (int l = 0; l < levels.get(j).size(); l++) {
                    index.put(levels.get(j).get(l), l);
                }
                String[] col = columns.get(covs.get(j));
                for (int r = 0; r < rows; r++) {
                    levelOf[j][r] = index.get(col[r].trim());
                }
            }
            CovariateTable shape = new CovariateTable(lists, List.copyOf(covs), List.copyOf(levels),
                    year == null ? -1 : c - 1, counts, new boolean[cells], List.of());
            boolean[] structural = new boolean[cells];
            List<int[]> abs = new ArrayList<>();
            for (Absence a : absences) {
                int li = lists.indexOf(a.list());
                if (li < 0) {
                    throw PrevalenceException.invalidArgument("absence " + a, "Absence '%s' names list '%s', "
                            + "which is not one of %s", a, a.list(), String.join(", ", lists));
                }
                int vi = covs.indexOf(a.variable());
                if (vi < 0) {
                    throw PrevalenceException.invalidArgument("absence " + a, "Absence '%s' names variable '%s', "
                            + "which is not a covariate or the year", a, a.variable());
                }
                for (String lv : a.levels()) {
                    int l = indexOfLevel(levels.get(vi), lv);
                    if (l < 0) {
                        throw PrevalenceException.invalidArgument("absence " + a, "Absence '%s': '%s' is not a "
                                + "level of %s (levels: %s)", a, lv, a.variable(), String.join(", ",
                                levels.get(vi)));
                    }
                    abs.add(new int[] {li, vi, l});
                }
            }
            for (int cell = 0; cell < cells; cell++) {
                for (int[] a : abs) {
                    if ((cell & (1 << a[0])) != 0 && shape.level(cell, a[1]) == a[2]) {
                        structural[cell] = true;
                    }
                }
            }
            for (int r = 0; r < rows; r++) {
                int cell = history[r];
                for (int j = 0; j < c; j++) {
                    cell += shape.stride[j] * levelOf[j][r];
                    levelTotals[j][levelOf[j][r]] += freqs[r];
                }
                if (structural[cell] && freqs[r] > 0) {
                    throw PrevalenceException.invalidData("row " + (r + 1), "Row %d is a case on a list declared "
                            + "absent in its stratum (%s)", r + 1, absenceOf(cell, shape, abs));
                }
                counts[cell] += freqs[r];
            }
            for (int j = 0; j < c; j++) {
                for (int l = 0; l < levelTotals[j].length; l++) {
                    if (levelTotals[j][l] == 0) {
                        throw PrevalenceException.invalidData(covs.get(j) + "=" + levels.get(j).get(l),
                                "Level '%s' of covariate '%s' has no cases", levels.get(j).get(l), covs.get(j));
                    }
                }
            }
            return new CovariateTable(lists, List.copyOf(covs), List.copyOf(levels), year == null ? -1 : c - 1,
                    counts, structural, List.copyOf(absences));
        }

        private String absenceOf(int cell, CovariateTable shape, List<int[]> abs) {
            for (int[] a : abs) {
                if ((cell & (1 << a[0])) != 0 && shape.level(cell, a[1]) == a[2]) {
                    return "list " + lists.get(a[0]) + " absent in " + shape.covariates.get(a[1]) + "="
                            + shape.levels.get(a[1]).get(a[2]);
                }
            }
            return "";
        }

        private static long count(String s, int r, String freq) {
            try {
                double v = Double.parseDouble(s.trim());
                if (v >= 0 && v == Math.rint(v) && v < 1e15) {
                    return (long) v;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
            throw PrevalenceException.invalidData("row " + (r + 1), "Row %d: count column '%s' must be a whole "
                    + "number >= 0", r + 1, freq);
        }
    }

    static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Comparator<String> levelOrder(List<String> lv) {
        boolean numeric = lv.stream().allMatch(CovariateTable::isNumber);
        return numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
    }

    private static int indexOfLevel(List<String> lv, String s) {
        int i = lv.indexOf(s);
        if (i < 0 && isNumber(s)) {
            for (int l = 0; l < lv.size(); l++) {
                if (isNumber(lv.get(l)) && Double.parseDouble(lv.get(l)) == Double.parseDouble(s)) {
                    return l;
                }
            }
        }
        return i;
    }

    /** @return the list names */
    public List<String> lists() {
        return lists;
    }

    /** @return the covariate names, the year (if any) last */
    public List<String> covariates() {
        return covariates;
    }

    /** @return the lists then the covariates: the variables of the model */
    public List<String> variables() {
        List<String> v = new ArrayList<>(lists);
        v.addAll(covariates);
        return Collections.unmodifiableList(v);
    }

    /**
     * @param covariate a covariate index
     * @return its levels, in factor order
     */
    public List<String> levels(int covariate) {
        return levels.get(covariate);
    }

    /** @return the year's covariate index, or -1 without a year */
    public int yearIndex() {
        return year;
    }

    /** @return the structural zeros declared */
    public List<Absence> absences() {
        return absences;
    }

    /** @return the number of cells of the full table */
    public int cells() {
        return counts.length;
    }

    /** @return the number of cases (observed on at least one list) */
    public long observed() {
        long s = 0;
        for (long v : counts) {
            s += v;
        }
        return s;
    }

    /**
     * @param cell a cell
     * @return its count
     */
    public long count(int cell) {
        return counts[cell];
    }

    /**
     * @param cell a cell
     * @return its list history (bit i: on list i)
     */
    public int history(int cell) {
        return cell & ((1 << lists.size()) - 1);
    }

    /**
     * @param cell a cell
     * @param covariate a covariate index
     * @return the cell's level index of that covariate
     */
    public int level(int cell, int covariate) {
        return (cell / stride[covariate]) % radix[covariate];
    }

    /**
     * @param cell a cell
     * @return true if a declared absence makes it a structural zero
     */
    public boolean isStructuralZero(int cell) {
        return structural[cell];
    }

    long[] countsArray() {
        return counts;
    }

    /**
     * @return a copy with these counts (the same shape and structural zeros), for the bootstrap
     * @param newCounts counts by cell
     */
    CovariateTable withCounts(long[] newCounts) {
        return new CovariateTable(lists, covariates, levels, year, newCounts, structural, absences);
    }

    /**
     * The table without one list: its cases found on no other list become unobserved, as
     * {@code modslavmse::omitlists}. Absences of that list go with it.
     * @param list the list to omit
     * @return the table on the other lists
     */
    public CovariateTable omitList(String list) {
        int i = listIndex(list);
        if (lists.size() < 3) {
            throw PrevalenceException.invalidArgument(list, "Omitting list '%s' would leave a single list", list);
        }
        List<String> names = new ArrayList<>(lists);
        names.remove(i);
        List<Absence> abs = new ArrayList<>();
        for (Absence a : absences) {
            if (!a.list().equals(list)) {
                abs.add(a);
            }
        }
        return remap(names, abs, h -> (h & ((1 << i) - 1)) | ((h >> (i + 1)) << i));
    }

    /**
     * The table with two lists merged into one (a case is on the merged list if it is on either), named
     * {@code a_b} at the place of {@code a}, as {@code modslavmse::mergelists}. The merged list is absent
     * where both were.
     * @param a a list
     * @param b another list
     * @return the table with one list fewer
     */
    public CovariateTable mergeLists(String a, String b) {
        int ia = listIndex(a);
        int ib = listIndex(b);
        if (ia == ib) {
            throw PrevalenceException.invalidArgument(a, "Cannot merge list '%s' with itself", a);
        }
        int lo = Math.min(ia, ib);
        int hi = Math.max(ia, ib);
        List<String> names = new ArrayList<>(lists);
        names.set(lo, lists.get(lo) + "_" + lists.get(hi));
        names.remove(hi);
        String merged = names.get(lo);
        List<Absence> abs = new ArrayList<>();
        for (Absence x : absences) {
            if (!x.list().equals(a) && !x.list().equals(b)) {
                abs.add(x);
            }
        }
        for (Absence x : absences) {
            if (x.list().equals(lists.get(lo))) {
                for (Absence y : absences) {
                    if (y.list().equals(lists.get(hi)) && y.variable().equals(x.variable())) {
                        List<String> both = new ArrayList<>(x.levels());
                        both.retainAll(y.levels());
                        if (!both.isEmpty()) {
                            abs.add(new Absence(merged, x.variable(), both));
                        }
                    }
                }
            }
        }
        return remap(names, abs, h -> {
            int on = ((h >> lo) | (h >> hi)) & 1;
            int rest = h & ~(1 << lo) & ~(1 << hi);
            int low = rest & ((1 << hi) - 1);
            int high = (rest >> (hi + 1)) << hi;
            return low | high | (on << lo);
        });
    }

    private int listIndex(String list) {
        int i = lists.indexOf(list);
        if (i < 0) {
            throw PrevalenceException.invalidArgument(list, "'%s' is not one of the lists %s", list,
                    String.join(", ", lists));
        }
        return i;
    }

    private CovariateTable remap(List<String> names, List<Absence> abs, java.util.function.IntUnaryOperator map) {
        int k = lists.size();
        int k2 = names.size();
        int cells2 = counts.length >> (k - k2);
        long[] c2 = new long[cells2];
        for (int c = 0; c < counts.length; c++) {
            int h = map.applyAsInt(c & ((1 << k) - 1));
            if (h != 0) {
                c2[h + ((c >> k) << k2)] += counts[c];
            }
        }
        boolean[] s2 = new boolean[cells2];
        CovariateTable shape = new CovariateTable(List.copyOf(names), covariates, levels, year, c2, s2, List.copyOf(abs));
        for (int c = 0; c < cells2; c++) {
            for (Absence a : abs) {
                int li = names.indexOf(a.list());
                int vi = covariates.indexOf(a.variable());
                if ((c & (1 << li)) != 0 && a.levels().contains(levels.get(vi).get(shape.level(c, vi)))) {
                    s2[c] = true;
                }
            }
        }
        return shape;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT, "CovariateTable: %d cases on lists %s", observed(),
                String.join(", ", lists)));
        for (int j = 0; j < covariates.size(); j++) {
            sb.append(j == year ? "; year " : "; ").append(covariates.get(j)).append(" ").append(levels.get(j));
        }
        if (!absences.isEmpty()) {
            sb.append("; absent ").append(absences);
        }
        return sb.toString();
    }
}
