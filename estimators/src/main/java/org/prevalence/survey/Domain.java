package org.prevalence.survey;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.survey.Factor;

/**
 * A subpopulation (domain) of a survey sample: a flag per row and a description. Domain estimates
 * keep the full design and treat the variable as zero outside the domain, so they equal R's
 * estimates on {@code subset(design, ...)} (not on a design built from the subset rows).
 *
 * <p>This class is immutable.
 */
public final class Domain {
    private final boolean[] rows;
    private final Map<String, String> description;

    private Domain(boolean[] rows, Map<String, String> description) {
        this.rows = rows;
        this.description = description;
    }

    /**
     * A domain given by row flags, e.g. {@code Domain.where("api00>850", flags)}.
     * @param label the description (reported as the domain)
     * @param inDomain one flag per row (copied)
     * @return the domain
     */
    public static Domain where(String label, boolean[] inDomain) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(Objects.requireNonNull(label, "label"), "TRUE");
        return new Domain(inDomain.clone(), java.util.Collections.unmodifiableMap(m));
    }

    /**
     * The rows whose categorical variable {@code column} equals {@code level}.
     * @param design the design
     * @param column a categorical (or numeric) variable
     * @param level one of its levels
     * @return the domain {@code column=level}
     */
    public static Domain of(SurveyDesign design, String column, String level) {
        Factor f = design.factor(column);
        int k = f.levels().indexOf(level);
        if (k < 0) {
            throw PrevalenceException.invalidArgument("column '" + column + "'",
                    "'%s' is not a level of '%s'; levels: %s", level, column, f.levels());
        }
        boolean[] r = new boolean[f.rows()];
        int[] c = f.codes();
        for (int i = 0; i < r.length; i++) {
            r[i] = c[i] == k;
        }
        return new Domain(r, Map.of(column, level));
    }

    /** @return a copy of the row flags */
    public boolean[] rows() {
        return rows.clone();
    }

    boolean[] rowsRef() {
        return rows;
    }

    /** @return column -> value (or label -> "TRUE") */
    public Map<String, String> description() {
        return description;
    }

    @Override
    public String toString() {
        int n = 0;
        for (boolean b : rows) {
            n += b ? 1 : 0;
        }
        return "Domain" + description + "[" + n + " rows]";
    }

    /** The domains of one estimation call, as dense codes per row (-1 = in no domain). */
    static final class Codes {
        final int[] code;
        final int count;
        final List<Map<String, String>> labels;

        Codes(int[] code, int count, List<Map<String, String>> labels) {
            this.code = code;
            this.count = count;
            this.labels = labels;
        }

        /** The whole sample: code null means every row is in domain 0. */
        static Codes whole() {
            return new Codes(null, 1, java.util.Collections.singletonList(Map.of()));
        }

        static Codes of(Domain dom, SurveyDesign d) {
            if (dom.rows.length != d.rows()) {
                throw PrevalenceException.invalidArgument("domain", "domain has %d row flags for %d rows",
                        dom.rows.length, d.rows());
            }
            int[] c = new int[d.rows()];
            for (int i = 0; i < c.length; i++) {
                c[i] = dom.rows[i] ? 0 : -1;
            }
            return new Codes(c, 1, List.of(dom.description));
        }

        /** Domains = combinations of the levels of the by-variables present in the data (sorted). */
        static Codes by(SurveyDesign d, String... columns) {
            if (columns.length == 0) {
                throw PrevalenceException.invalidArgument("by", "give at least one by-variable");
            }
            if (columns.length == 1) {
                Codes one = oneFactor(d.factor(columns[0]), columns[0]);
                if (one != null) {
                    return one;
                }
            }
            Factor[] fs = new Factor[columns.length];
            long[] key = new long[d.rows()];
            long radix = 1;
            // as svyby: the first by-variable varies fastest
            for (int j = 0; j < columns.length; j++) {
                fs[j] = d.factor(columns[j]);
                int[] c = fs[j].codes();
                for (int i = 0; i < d.rows(); i++) {
                    if (c[i] < 0) {
                        throw missingDomain(i, columns[j]);
                    }
                    key[i] += c[i] * radix;
                }
                radix *= fs[j].levelCount();
            }
            int[] code = new int[d.rows()];
            long[] distinct = radix <= 4L * d.rows() + 1024 ? denseCodes(key, (int) radix, code) : sortedCodes(key, code);
            List<Map<String, String>> labels = new java.util.ArrayList<>();
            for (long k : distinct) {
                Map<String, String> m = new LinkedHashMap<>();
                long rem = k;
                for (int j = 0; j < columns.length; j++) {
                    int levels = fs[j].levelCount();
                    m.put(columns[j], fs[j].levels().get((int) (rem % levels)));
                    rem /= levels;
                }
                labels.add(java.util.Collections.unmodifiableMap(m));
            }
            return new Codes(code, distinct.length, labels);
        }

        private static PrevalenceException missingDomain(int row, String column) {
            return PrevalenceException.invalidData(
                    String.format(java.util.Locale.ROOT, "row %d, column '%s'", row + 1, column),
                    "row %d, column '%s': missing value in a by-variable; every row needs a domain", row + 1, column);
        }

        /** One by-variable: its codes are the domains when every level occurs (else null). */
        private static Codes oneFactor(Factor f, String column) {
            int[] c = f.codes();
            boolean[] present = new boolean[f.levelCount()];
            for (int i = 0; i < c.length; i++) {
                if (c[i] < 0) {
                    throw missingDomain(i, column);
                }
                present[c[i]] = true;
            }
            for (boolean b : present) {
                if (!b) {
                    return null;
                }
            }
            List<Map<String, String>> labels = new java.util.ArrayList<>();
            for (String lv : f.levels()) {
                labels.add(Map.of(column, lv));
            }
            return new Codes(c, f.levelCount(), labels);
        }

        /** Keys below a small radix: a lookup table. @return the distinct keys, sorted; code filled */
        private static long[] denseCodes(long[] key, int radix, int[] code) {
            int[] map = new int[radix];
            for (long k : key) {
                map[(int) k] = 1;
            }
            int m = 0;
            for (int k = 0; k < map.length; k++) {
                map[k] = map[k] == 1 ? m++ : -1;
            }
            long[] distinct = new long[m];
            for (int k = 0; k < map.length; k++) {
                if (map[k] >= 0) {
                    distinct[map[k]] = k;
                }
            }
            for (int i = 0; i < key.length; i++) {
                code[i] = map[(int) key[i]];
            }
            return distinct;
        }

        /** Keys of a large radix: sorted distinct keys and a binary search. @return the distinct keys; code filled */
        private static long[] sortedCodes(long[] key, int[] code) {
            long[] distinct = Arrays.stream(key).distinct().sorted().toArray();
            for (int i = 0; i < key.length; i++) {
                code[i] = Arrays.binarySearch(distinct, key[i]);
            }
            return distinct;
        }

        int of(int row) {
            return code == null ? 0 : code[row];
        }
    }
}
