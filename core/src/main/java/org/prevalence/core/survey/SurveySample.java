package org.prevalence.core.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.Columns;
import org.prevalence.core.io.CsvColumns;
import org.prevalence.core.io.CsvReader;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A survey sample and its design specification, validated: sampling weights (or probabilities),
 * strata, cluster ids for one or two stages, finite population corrections per stage, optional
 * replicate-weight columns, and the analysis variables. It is R {@code survey::svydesign(ids,
 * probs, strata, fpc, data, nest, weights)} without the variance machinery, which lives in
 * {@code org.prevalence.survey.SurveyDesign}.
 *
 * <p>Built once by {@link #builder(Table)} (a Tablesaw table: columns are named) or
 * {@link #builder(int)} (primitive arrays: nothing goes through Tablesaw). {@link Builder#build()}
 * resolves every column once, copies it into primitive arrays, codes strata and clusters densely
 * and keeps no reference to the table. It refuses, with a {@link PrevalenceException} naming the
 * row (1-based data row), column or stratum:
 * <ul>
 * <li>missing, zero, negative or infinite weights (probabilities outside (0, 1]);</li>
 * <li>both weights and probabilities; neither (unless the fpc implies them, as in R, or
 *     {@link Builder#equalProbability()} is called);</li>
 * <li>missing stratum or cluster ids;</li>
 * <li>a PSU id appearing in two strata unless {@link Builder#nest()} is called (R's
 *     "Clusters not nested in strata at top level; you may want nest=TRUE.");</li>
 * <li>a design with only one PSU;</li>
 * <li>fpc values that mix population sizes and fractions, a missing fpc, a fraction outside
 *     (0, 1], a population size smaller than the number of sampled units (R's "FPC implies
 *     &gt;100% sampling in some strata"), or an fpc that varies within a stratum (R only warns
 *     there; here it is an error).</li>
 * </ul>
 *
 * <p><b>fpc detection</b> ({@link FpcKind}): as R's {@code as.fpc}, over the fpc values of every
 * stage together: if any is &gt; 1 they are population sizes, otherwise sampling fractions (the
 * population size is then the number of sampled PSUs in the stratum, or SSUs in the PSU, divided by
 * the fraction). A population size of {@code +Inf} means sampling with replacement at that stage.
 * At stage 2 the "strata" are the PSUs: the stage-2 fpc is the number of SSUs in each PSU.
 *
 * <p><b>Weights from fpc</b>: without weights or probabilities, but with an fpc, the weight of a
 * row is the product over stages of population size / sample size, as R.
 *
 * <p>Why this class is over 500 lines: {@link Builder#build()} is a sequence of named validation
 * steps (weight source, strata, clusters and nesting, fpc kind and populations, weights, variables,
 * replicate weights), each a private method of the builder because each reads the builder's options;
 * moving them out would make that state package-wide. Read {@code build()} first: it lists the steps.
 *
 * <p>This class is immutable; getters return copies.
 */
public final class SurveySample {
    private final int rows;
    private final double[] weights;
    private final String weightSource;
    private final boolean hasStrata;
    private final int[] stratum;
    private final List<String> stratumLabels;
    private final int stages;
    private final int[] psu;
    private final List<String> psuLabels;
    private final int[] psuStratum;
    private final int[] ssu;
    private final int[] ssuPsu;
    private final FpcKind fpcKind;
    private final double[] stratumPopulation;
    private final double[] psuPopulation;
    private final Map<String, double[]> numeric;
    private final Map<String, Factor> factors;
    /** Text variables with numbers in them: the first cell that is not a number (row, cell). */
    private final Map<String, NotNumber> notNumeric;
    private final String tableName;
    private final ReplicateWeightSpec replicateSpec;
    private final double[][] replicateWeights;
    private final String description;

    private SurveySample(Builder b, double[] weights, String weightSource, int[] stratum, List<String> stratumLabels,
                         int[] psu, List<String> psuLabels, int[] psuStratum, int[] ssu, int[] ssuPsu,
                         FpcKind fpcKind, double[] stratumPopulation, double[] psuPopulation,
                         Map<String, double[]> numeric, Map<String, Factor> factors, Map<String, NotNumber> notNumeric,
                         double[][] replicateWeights) {
        this.rows = b.rows;
        this.weights = weights;
        this.weightSource = weightSource;
        this.hasStrata = b.strataSet();
        this.stratum = stratum;
        this.stratumLabels = stratumLabels;
        this.stages = ssu == null ? 1 : 2;
        this.psu = psu;
        this.psuLabels = psuLabels;
        this.psuStratum = psuStratum;
        this.ssu = ssu;
        this.ssuPsu = ssuPsu;
        this.fpcKind = fpcKind;
        this.stratumPopulation = stratumPopulation;
        this.psuPopulation = psuPopulation;
        this.numeric = numeric;
        this.factors = factors;
        this.notNumeric = notNumeric;
        this.tableName = b.table != null ? b.table.name() : b.csv != null ? b.csv.name() : "";
        this.replicateSpec = b.replicateSpec;
        this.replicateWeights = replicateWeights;
        this.description = b.describe();
    }

    /**
     * Starts a sample whose columns are taken from a Tablesaw table. Column names match exactly
     * (case-sensitively, as R: {@code n_psu} and {@code N_psu} are two columns). Every column of
     * the table becomes an analysis variable: numeric and boolean columns as numbers (missing =
     * NaN), text and boolean columns as factors; numeric columns are also available as factors.
     * Design columns (weights, probabilities, fpc) are numeric by role: a text cell in them that is
     * not a number is an error naming the row and the column. A text column that holds numbers
     * and some other text (a stray {@code high} or {@code n/a}) is a factor, but asked for as a
     * numeric variable it is refused, naming the first cell that is not a number, instead of
     * turning into one mean per level.
     * @param table the data
     * @return a builder
     */
    public static Builder builder(Table table) {
        if (Objects.requireNonNull(table, "table").rowCount() == 0) {
            throw PrevalenceException.invalidData(table.name(), "the table '%s' has columns but no data rows",
                    table.name());
        }
        return new Builder(table);
    }

    /**
     * Starts a sample whose columns were read by {@link CsvReader}: the same sample as
     * {@link #builder(Table)} on the table {@code CsvInput} reads from the same file, restricted to
     * the columns read. Strata and cluster columns must have been read as
     * {@link CsvReader.Kind#CATEGORY}.
     * @param columns the columns
     * @return a builder
     */
    public static Builder builder(CsvColumns columns) {
        return new Builder(Objects.requireNonNull(columns, "columns"), columns.columnNames());
    }

    /**
     * As {@link #builder(CsvColumns)}, with only some of the columns as analysis variables (the
     * others serve as design columns only, and are not copied again).
     * @param columns the columns
     * @param variables the columns that are analysis variables
     * @return a builder
     */
    public static Builder builder(CsvColumns columns, java.util.Collection<String> variables) {
        return new Builder(Objects.requireNonNull(columns, "columns"), List.copyOf(variables));
    }

    /**
     * Starts a sample given as primitive arrays of length {@code rows} (for large synthetic or
     * programmatic data; nothing goes through Tablesaw). Analysis variables are added with
     * {@link Builder#variable(String, double[])} and {@link Builder#factor(String, int[], List)}.
     * @param rows the number of rows, &gt;= 2
     * @return a builder
     */
    public static Builder builder(int rows) {
        if (rows < 2) {
            throw PrevalenceException.invalidArgument("rows", "a survey sample needs at least 2 rows, got %d", rows);
        }
        return new Builder(rows);
    }

    /** @return the number of rows */
    public int rows() {
        return rows;
    }

    /** @return a copy of the sampling weights (after probabilities or fpc were turned into weights) */
    public double[] weights() {
        return weights.clone();
    }

    /** @return where the weights came from, e.g. {@code "column 'pw'"}, {@code "fpc"}, {@code "equal"} */
    public String weightSource() {
        return weightSource;
    }

    /** @return whether strata were given */
    public boolean hasStrata() {
        return hasStrata;
    }

    /** @return the number of strata (1 if none were given) */
    public int strataCount() {
        return stratumLabels.size();
    }

    /** @return a copy of the 0-based stratum code of every row */
    public int[] stratumCodes() {
        return stratum.clone();
    }

    /** @return the stratum labels in code order (order of first appearance) */
    public List<String> stratumLabels() {
        return stratumLabels;
    }

    /** @return 1 or 2 */
    public int stages() {
        return stages;
    }

    /** @return the number of distinct PSUs (after nesting) */
    public int psuCount() {
        return psuLabels.size();
    }

    /** @return a copy of the 0-based PSU code of every row */
    public int[] psuCodes() {
        return psu.clone();
    }

    /** @return the PSU labels (the id as given; with nest, "stratum/id") in code order */
    public List<String> psuLabels() {
        return psuLabels;
    }

    /** @return a copy of the stratum code of every PSU */
    public int[] psuStratum() {
        return psuStratum.clone();
    }

    /** @return the number of distinct SSUs (stage 2), or 0 for a one-stage design */
    public int ssuCount() {
        return ssuPsu == null ? 0 : ssuPsu.length;
    }

    /** @return a copy of the 0-based SSU code of every row, or {@code null} for one stage */
    public int[] ssuCodes() {
        return ssu == null ? null : ssu.clone();
    }

    /** @return a copy of the PSU code of every SSU, or {@code null} for one stage */
    public int[] ssuPsu() {
        return ssuPsu == null ? null : ssuPsu.clone();
    }

    /** @return how the fpc was read */
    public FpcKind fpcKind() {
        return fpcKind;
    }

    /**
     * @return a copy of the population number of PSUs per stratum ({@code +Inf} without fpc)
     */
    public double[] stratumPopulation() {
        return stratumPopulation.clone();
    }

    /**
     * @return a copy of the population number of SSUs per PSU, or {@code null} when there is no
     *     stage-2 fpc
     */
    public double[] psuPopulation() {
        return psuPopulation == null ? null : psuPopulation.clone();
    }

    /** @return the names of the numeric analysis variables */
    public Set<String> numericNames() {
        return Collections.unmodifiableSet(numeric.keySet());
    }

    /** @return the names of the categorical analysis variables */
    public Set<String> factorNames() {
        return Collections.unmodifiableSet(factors.keySet());
    }

    /** @return whether a numeric variable of exactly that name exists */
    public boolean hasNumeric(String name) {
        return numeric.containsKey(name);
    }

    /** @return whether a numeric or categorical variable of exactly that name exists */
    public boolean hasVariable(String name) {
        return numeric.containsKey(name) || factors.containsKey(name);
    }

    /**
     * @param name a variable name (exact)
     * @return a copy of its values, NaN where missing
     * @throws PrevalenceException if there is no numeric variable of that name, or (kind
     *     INVALID_DATA) if it is a text column with numbers and a cell that is not a number
     */
    public double[] numeric(String name) {
        double[] v = numeric.get(name);
        if (v == null) {
            PrevalenceException e = notNumeric(name);
            if (e != null) {
                throw e;
            }
            throw noVariable(name, "numeric");
        }
        return v.clone();
    }

    /**
     * A categorical view of a variable: a factor column as given, or a numeric column's distinct
     * values sorted numerically (labels without a trailing ".0" for whole numbers).
     * @param name a variable name (exact)
     * @return the codes (a copy) and levels
     */
    public Factor factor(String name) {
        Factor f = factors.get(name);
        if (f != null) {
            return new Factor(f.codes().clone(), f.levels());
        }
        double[] v = numeric.get(name);
        if (v == null) {
            throw noVariable(name, "categorical");
        }
        return factorOf(v);
    }

    /**
     * Why a variable cannot be read as numbers although it holds numbers: a text column with a
     * cell that is not a number (and is not a declared missing-value token).
     * @param name a variable name (exact)
     * @return the error naming that cell's row and the column (kind INVALID_DATA), or null if the
     *     variable is numeric, purely categorical or absent
     */
    public PrevalenceException notNumeric(String name) {
        NotNumber x = notNumeric.get(name);
        return x == null ? null : x.error() != null ? x.error() : Columns.notANumber(tableName, name, x.row(), x.cell());
    }

    /** The first cell of a text variable that is not a number. */
    private record NotNumber(int row, String cell, PrevalenceException error) {
    }

    /**
     * Numeric values as a factor: levels the distinct non-NaN values in {@link Double#compare} order, NaN
     * missing (-1). One pass codes the rows by first appearance (the previous row's value, then a short
     * list or, past 32 values, a hash map of the bit patterns), then the codes are renumbered in level order.
     */
    static Factor factorOf(double[] v) {
        int n = v.length;
        int[] codes = new int[n];
        long[] keys = new long[16];
        int count = 0;
        Map<Long, Integer> map = null;
        long lastKey = 0;
        int lastCode = -1;
        for (int i = 0; i < n; i++) {
            double x = v[i];
            if (Double.isNaN(x)) {
                codes[i] = -1;
                continue;
            }
            long key = Double.doubleToLongBits(x); // equal keys = Double.compare equal (as the sorted set)
            if (lastCode >= 0 && key == lastKey) {
                codes[i] = lastCode;
                continue;
            }
            int c = -1;
            if (map == null) {
                for (int j = 0; j < count; j++) {
                    if (keys[j] == key) {
                        c = j;
                        break;
                    }
                }
            } else {
                Integer found = map.get(key);
                c = found == null ? -1 : found;
            }
            if (c < 0) {
                c = count;
                if (count == keys.length) {
                    keys = java.util.Arrays.copyOf(keys, 2 * count);
                }
                keys[count++] = key;
                if (map == null && count > 32) {
                    map = new java.util.HashMap<>();
                    for (int j = 0; j < count; j++) {
                        map.put(keys[j], j);
                    }
                } else if (map != null) {
                    map.put(key, c);
                }
            }
            codes[i] = c;
            lastKey = key;
            lastCode = c;
        }
        long[] found = java.util.Arrays.copyOf(keys, count);
        Integer[] order = new Integer[count];
        for (int j = 0; j < count; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(Double.longBitsToDouble(found[a]),
                Double.longBitsToDouble(found[b])));
        int[] rank = new int[count];
        List<String> levels = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            rank[order[r]] = r;
            levels.add(label(Double.longBitsToDouble(found[order[r]])));
        }
        for (int i = 0; i < n; i++) {
            if (codes[i] >= 0) {
                codes[i] = rank[codes[i]];
            }
        }
        return new Factor(codes, levels);
    }

    static String label(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x);
    }

    private PrevalenceException noVariable(String name, String kind) {
        Set<String> all = new TreeSet<>(numeric.keySet());
        all.addAll(factors.keySet());
        return PrevalenceException.invalidArgument("column '" + name + "'",
                "no %s variable '%s' in the survey sample; available: %s", kind, name, all);
    }

    /** @return the replicate-weight specification, or {@code null} */
    public ReplicateWeightSpec replicateWeightSpec() {
        return replicateSpec;
    }

    /**
     * @return a copy of the replicate analysis weights, [replicate][row], or {@code null}
     */
    public double[][] replicateWeights() {
        if (replicateWeights == null) {
            return null;
        }
        double[][] c = new double[replicateWeights.length][];
        for (int r = 0; r < c.length; r++) {
            c[r] = replicateWeights[r].clone();
        }
        return c;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SurveySample[%d rows, %d strata, %d PSUs%s, weights %s, fpc %s; %s]",
                rows, strataCount(), psuCount(), stages == 2 ? ", " + ssuCount() + " SSUs" : "",
                weightSource, fpcKind, description);
    }

    /**
     * Builds a {@link SurveySample}. Columns are named (table path) or given as arrays (arrays
     * path); the two may not be mixed for the same role. Not thread-safe.
     */
    public static final class Builder {
        private final Table table;
        private final CsvColumns csv;
        private final List<String> csvVariables;
        private final int rows;
        private String weightsCol;
        private double[] weightsArr;
        private String probsCol;
        private double[] probsArr;
        private boolean equal;
        private String strataCol;
        private int[] strataArr;
        private String[] clusterCols;
        private int[][] clusterArr;
        private String[] fpcCols;
        private double[][] fpcArr;
        private boolean nest;
        private ReplicateWeightSpec replicateSpec;
        private final Map<String, double[]> extraNumeric = new LinkedHashMap<>();
        private final Map<String, Factor> extraFactors = new LinkedHashMap<>();

        private Builder(Table table) {
            this.table = table;
            this.csv = null;
            this.csvVariables = null;
            this.rows = table.rowCount();
        }

        private Builder(CsvColumns csv, List<String> variables) {
            this.table = null;
            this.csv = csv;
            this.csvVariables = variables;
            this.rows = csv.rows();
        }

        private Builder(int rows) {
            this.table = null;
            this.csv = null;
            this.csvVariables = null;
            this.rows = rows;
        }

        boolean strataSet() {
            return strataCol != null || strataArr != null;
        }

        /** Sampling weights from a column. @param column the column @return this builder */
        public Builder weights(String column) {
            weightsCol = Objects.requireNonNull(column, "column");
            return this;
        }

        /** Sampling weights as an array (copied at build). @param w the weights @return this builder */
        public Builder weights(double[] w) {
            weightsArr = checkLength(w, "weights");
            return this;
        }

        /** Sampling probabilities from a column (weight = 1/p). @param column the column @return this builder */
        public Builder probabilities(String column) {
            probsCol = Objects.requireNonNull(column, "column");
            return this;
        }

        /** Sampling probabilities as an array. @param p the probabilities @return this builder */
        public Builder probabilities(double[] p) {
            probsArr = checkLength(p, "probabilities");
            return this;
        }

        /** Every row has weight 1 (must be asked for explicitly). @return this builder */
        public Builder equalProbability() {
            equal = true;
            return this;
        }

        /** Strata from a column (any type). @param column the column @return this builder */
        public Builder strata(String column) {
            strataCol = Objects.requireNonNull(column, "column");
            return this;
        }

        /** Strata as integer ids (any values). @param ids the ids @return this builder */
        public Builder strata(int[] ids) {
            strataArr = checkLength(ids, "strata");
            return this;
        }

        /**
         * Cluster ids: the PSU column, and optionally the SSU column (two stages). Without
         * clusters every row is its own PSU (R's {@code id=~1}).
         * @param columns 1 or 2 columns
         * @return this builder
         */
        public Builder clusters(String... columns) {
            if (columns.length < 1 || columns.length > 2) {
                throw PrevalenceException.invalidArgument("clusters", "1 or 2 cluster columns, got %d", columns.length);
            }
            clusterCols = columns.clone();
            return this;
        }

        /** PSU ids as integers. @param psu the PSU id of every row @return this builder */
        public Builder clusters(int[] psu) {
            clusterArr = new int[][] {checkLength(psu, "clusters")};
            return this;
        }

        /**
         * PSU and SSU ids as integers (SSU ids need only be unique within a PSU).
         * @param psu the PSU ids
         * @param ssu the SSU ids
         * @return this builder
         */
        public Builder clusters(int[] psu, int[] ssu) {
            clusterArr = new int[][] {checkLength(psu, "clusters"), checkLength(ssu, "clusters")};
            return this;
        }

        /**
         * fpc columns, one per stage (population sizes or sampling fractions; see the class doc).
         * @param columns 1 or 2 columns
         * @return this builder
         */
        public Builder fpc(String... columns) {
            if (columns.length < 1 || columns.length > 2) {
                throw PrevalenceException.invalidArgument("fpc", "1 or 2 fpc columns, got %d", columns.length);
            }
            fpcCols = columns.clone();
            return this;
        }

        /**
         * fpc values per row, one array per stage.
         * @param perStage 1 or 2 arrays
         * @return this builder
         */
        public Builder fpc(double[]... perStage) {
            if (perStage.length < 1 || perStage.length > 2) {
                throw PrevalenceException.invalidArgument("fpc", "1 or 2 fpc arrays, got %d", perStage.length);
            }
            fpcArr = new double[perStage.length][];
            for (int s = 0; s < perStage.length; s++) {
                fpcArr[s] = checkLength(perStage[s], "fpc");
            }
            return this;
        }

        /** PSU ids are only unique within strata (R's {@code nest=TRUE}). @return this builder */
        public Builder nest() {
            nest = true;
            return this;
        }

        /** Replicate weights. @param spec the columns and scales @return this builder */
        public Builder replicateWeights(ReplicateWeightSpec spec) {
            replicateSpec = Objects.requireNonNull(spec, "spec");
            return this;
        }

        /**
         * Adds (or replaces) a numeric analysis variable.
         * @param name its name
         * @param values one value per row, NaN = missing (copied at build)
         * @return this builder
         */
        public Builder variable(String name, double[] values) {
            extraNumeric.put(Objects.requireNonNull(name, "name"), checkLength(values, name));
            return this;
        }

        /**
         * Adds (or replaces) a categorical analysis variable.
         * @param name its name
         * @param codes 0-based level codes, -1 = missing (copied at build)
         * @param levels the level labels
         * @return this builder
         */
        public Builder factor(String name, int[] codes, List<String> levels) {
            checkLength(codes, name);
            for (int i = 0; i < codes.length; i++) {
                if (codes[i] < -1 || codes[i] >= levels.size()) {
                    throw PrevalenceException.invalidData(where(i, name),
                            "row %d, variable '%s': code %d is not -1 (missing) or a level 0..%d",
                            i + 1, name, codes[i], levels.size() - 1);
                }
            }
            extraFactors.put(Objects.requireNonNull(name, "name"), new Factor(codes, levels));
            return this;
        }

        private double[] checkLength(double[] a, String what) {
            Objects.requireNonNull(a, what);
            if (a.length != rows) {
                throw PrevalenceException.invalidArgument(what, "%s has %d values for %d rows", what, a.length, rows);
            }
            return a;
        }

        private int[] checkLength(int[] a, String what) {
            Objects.requireNonNull(a, what);
            if (a.length != rows) {
                throw PrevalenceException.invalidArgument(what, "%s has %d values for %d rows", what, a.length, rows);
            }
            return a;
        }

        String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append("ids=").append(clusterCols != null ? String.join("+", clusterCols)
                    : clusterArr != null ? "array" : "1");
            if (strataSet()) {
                sb.append(", strata=").append(strataCol != null ? strataCol : "array");
            }
            if (fpcCols != null || fpcArr != null) {
                sb.append(", fpc=").append(fpcCols != null ? String.join("+", fpcCols) : "array");
            }
            if (nest) {
                sb.append(", nest");
            }
            return sb.toString();
        }

        static String where(int row, String column) {
            return String.format(Locale.ROOT, "row %d, column '%s'", row + 1, column);
        }

        private Column<?> column(String name) {
            if (table == null) {
                throw PrevalenceException.invalidArgument("column '" + name + "'",
                        "column '%s' named, but this sample is built from arrays: pass an array", name);
            }
            return Columns.column(table, name);
        }

        /** A design column (weights, probabilities, fpc): numbers by role, missing = NaN. */
        private double[] numericColumn(String name) {
            if (csv != null) {
                return csv.numbers(name);
            }
            Column<?> c = column(name);
            return Columns.numbers(table.name(), c);
        }

        /** Dense codes of a key column, with missing values rejected. */
        private int[] idCodes(String name, List<String> labels) {
            if (csv != null) {
                return csvIdCodes(name, labels);
            }
            Column<?> c = column(name);
            Map<String, Integer> byString = new LinkedHashMap<>();
            int[] codes = new int[rows];
            for (int i = 0; i < rows; i++) {
                String s = c.isMissing(i) ? "" : c.getUnformattedString(i);
                if (s.isEmpty()) {
                    throw PrevalenceException.invalidData(where(i, name),
                            "row %d, column '%s': missing id; every row needs a %s", i + 1, name, name);
                }
                Integer k = byString.get(s);
                if (k == null) {
                    k = byString.size();
                    byString.put(s, k);
                    labels.add(s);
                }
                codes[i] = k;
            }
            return codes;
        }

        /** Codes of a CATEGORY column read by CsvReader: already dense, in order of first appearance. */
        private int[] csvIdCodes(String name, List<String> labels) {
            if (csv.kind(name) != CsvReader.Kind.CATEGORY) {
                throw PrevalenceException.invalidArgument("column '" + name + "'",
                        "column '%s' holds ids: read it with CsvReader.Kind.CATEGORY", name);
            }
            int[] codes = csv.codes(name);
            for (int i = 0; i < rows; i++) {
                if (codes[i] < 0) {
                    throw PrevalenceException.invalidData(where(i, name),
                            "row %d, column '%s': missing id; every row needs a %s", i + 1, name, name);
                }
            }
            labels.addAll(csv.levels(name));
            return codes;
        }

        private int[] idCodes(int[] ids, List<String> labels) {
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int v : ids) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            int[] codes = new int[rows];
            if ((long) max - min < 4L * rows + 1024) {
                // small range: direct table, codes in order of first appearance (no hashing)
                int[] table = new int[max - min + 1];
                java.util.Arrays.fill(table, -1);
                int next = 0;
                for (int i = 0; i < rows; i++) {
                    int k = ids[i] - min;
                    int c = table[k];
                    if (c < 0) {
                        c = next++;
                        table[k] = c;
                        labels.add(Integer.toString(ids[i]));
                    }
                    codes[i] = c;
                }
                return codes;
            }
            LongIndexer ix = new LongIndexer(Math.min(rows, 1 << 16));
            for (int i = 0; i < rows; i++) {
                codes[i] = ix.code(ids[i]);
            }
            for (int k = 0; k < ix.size(); k++) {
                labels.add(Long.toString(ix.key(k)));
            }
            return codes;
        }

        /**
         * Validates everything and builds the sample.
         * @return the sample
         * @throws PrevalenceException naming the row, column or stratum of the first problem
         */
        public SurveySample build() {
            checkOneWeightSource();
            List<String> stratumLabels = new ArrayList<>();
            int[] stratum = stratumCodes(stratumLabels);
            RawClusters raw = rawClusters();
            Psus psus = psus(stratum, stratumLabels, raw);
            int nPsu = psus.labels().size();
            if (nPsu == 1 && !(nest && strataSet())) {
                throw PrevalenceException.invalidData(raw.psuName(),
                        "the design has only one primary sampling unit; check the cluster column '%s'", raw.psuName());
            }
            int[] ssu = null;
            int[] ssuPsu = null;
            if (raw.ssu() != null) {
                ssu = new int[rows];
                ssuPsu = ssuCodes(psus.codes(), raw.ssu(), ssu);
            }
            int[] nPerStratum = psusPerStratum(psus.psuStratum(), stratumLabels.size());
            int[] mPerPsu = ssuPsu == null ? null : ssusPerPsu(ssuPsu, nPsu);
            Fpc fpc = fpc(stratum, stratumLabels, psus, ssu, nPerStratum, mPerPsu);
            Weights weights = weights(fpc, stratum, psus.codes(), nPerStratum, mPerPsu);
            Map<String, double[]> numeric = new TreeMap<>();
            Map<String, Factor> factors = new TreeMap<>();
            Map<String, NotNumber> notNumeric = new TreeMap<>();
            if (table != null) {
                readTableVariables(numeric, factors, notNumeric);
            } else if (csv != null) {
                readCsvVariables(numeric, factors, notNumeric);
            }
            addExtraVariables(numeric, factors, notNumeric);
            double[][] rep = replicateWeights(numeric);
            return new SurveySample(this, weights.values(), weights.source(), stratum, List.copyOf(stratumLabels),
                    psus.codes(), List.copyOf(psus.labels()), psus.psuStratum(), ssu, ssuPsu, fpc.kind(),
                    fpc.stratumPop(), fpc.psuPop(),
                    Collections.unmodifiableMap(numeric), Collections.unmodifiableMap(factors),
                    Collections.unmodifiableMap(notNumeric), rep);
        }

        /** Cluster ids as given (before nesting in strata), with the name used in messages. */
        private record RawClusters(int[] psu, List<String> psuLabels, int[] ssu, String psuName) { }

        /** Final PSU codes, their labels and the stratum of each PSU. */
        private record Psus(int[] codes, List<String> labels, int[] psuStratum) { }

        /** The finite population correction: its kind, populations per stratum and per PSU, column names. */
        private record Fpc(FpcKind kind, double[] stratumPop, double[] psuPop, String[] names) { }

        /** The row weights and where they came from. */
        private record Weights(double[] values, String source) { }

        /** Refuses more than one of weights, probabilities and equalProbability(). */
        private void checkOneWeightSource() {
            int sources = (weightsCol != null || weightsArr != null ? 1 : 0)
                    + (probsCol != null || probsArr != null ? 1 : 0) + (equal ? 1 : 0);
            if (sources > 1) {
                throw PrevalenceException.invalidArgument("weights",
                        "give only one of weights, probabilities or equalProbability() (R: \"Can't specify both sampling weights and probabilities\")");
            }
        }

        /** Dense stratum codes (one stratum "1" without strata), filling the labels. */
        private int[] stratumCodes(List<String> stratumLabels) {
            if (strataCol != null) {
                return idCodes(strataCol, stratumLabels);
            } else if (strataArr != null) {
                return idCodes(strataArr, stratumLabels);
            }
            stratumLabels.add("1");
            return new int[rows];
        }

        /** Resolves the cluster columns or arrays (each row its own PSU without clusters). */
        private RawClusters rawClusters() {
            List<String> rawPsuLabels = new ArrayList<>();
            if (clusterCols != null) {
                int[] rawPsu = idCodes(clusterCols[0], rawPsuLabels);
                int[] rawSsu = clusterCols.length == 2 ? idCodes(clusterCols[1], new ArrayList<>()) : null;
                return new RawClusters(rawPsu, rawPsuLabels, rawSsu, clusterCols[0]);
            } else if (clusterArr != null) {
                int[] rawPsu = idCodes(clusterArr[0], rawPsuLabels);
                int[] rawSsu = clusterArr.length == 2 ? idCodes(clusterArr[1], new ArrayList<>()) : null;
                return new RawClusters(rawPsu, rawPsuLabels, rawSsu, "clusters");
            }
            int[] rawPsu = new int[rows];
            for (int i = 0; i < rows; i++) {
                rawPsu[i] = i;
                rawPsuLabels.add(Integer.toString(i + 1));
            }
            return new RawClusters(rawPsu, rawPsuLabels, null, "row");
        }

        /** PSU codes: nested in strata if asked, else checked to be nested. */
        private Psus psus(int[] stratum, List<String> stratumLabels, RawClusters raw) {
            int[] rawPsu = raw.psu();
            List<String> rawPsuLabels = raw.psuLabels();
            String psuName = raw.psuName();
            int[] psu = new int[rows];
            List<String> psuLabels = new ArrayList<>();
            LongIndexer ix = nest ? new LongIndexer(Math.min(rows, 1 << 16)) : null;
            int[] st = new int[16];
            int[] first = new int[16];
            int size = 0;
            for (int i = 0; i < rows; i++) {
                // raw PSU codes are dense in order of first appearance: without nest they are the codes
                int before = size;
                int p = nest ? ix.code(((long) stratum[i] << 32) | (rawPsu[i] & 0xffffffffL)) : rawPsu[i];
                if (p == size) {
                    size++;
                }
                if (p == before) {
                    if (p == st.length) {
                        st = Arrays.copyOf(st, p * 2);
                        first = Arrays.copyOf(first, p * 2);
                    }
                    st[p] = stratum[i];
                    first[p] = i;
                    psuLabels.add(nest && strataSet() ? stratumLabels.get(stratum[i]) + "/" + rawPsuLabels.get(rawPsu[i])
                            : rawPsuLabels.get(rawPsu[i]));
                } else if (st[p] != stratum[i]) {
                    throw PrevalenceException.invalidData(where(i, psuName),
                            "row %d: PSU '%s' (column '%s') is in stratum '%s' here but in stratum '%s' at row %d; "
                                    + "clusters are not nested in strata: call nest() if PSU ids are reused across strata",
                            i + 1, rawPsuLabels.get(rawPsu[i]), psuName, stratumLabels.get(stratum[i]),
                            stratumLabels.get(st[p]), first[p] + 1);
                }
                psu[i] = p;
            }
            return new Psus(psu, psuLabels, Arrays.copyOf(st, size));
        }

        /** SSU codes nested in PSUs, written into ssu; returns the PSU of each SSU. */
        private int[] ssuCodes(int[] psu, int[] rawSsu, int[] ssu) {
            LongIndexer ix = new LongIndexer(Math.min(rows, 1 << 16));
            int[] sp = new int[16];
            for (int i = 0; i < rows; i++) {
                int before = ix.size();
                int s = ix.code(((long) psu[i] << 32) | (rawSsu[i] & 0xffffffffL));
                if (s == before) {
                    if (s == sp.length) {
                        sp = Arrays.copyOf(sp, s * 2);
                    }
                    sp[s] = psu[i];
                }
                ssu[i] = s;
            }
            return Arrays.copyOf(sp, ix.size());
        }

        /** Number of sampled PSUs in each stratum. */
        private static int[] psusPerStratum(int[] psuStratum, int nStrata) {
            int[] nPerStratum = new int[nStrata];
            for (int h : psuStratum) {
                nPerStratum[h]++;
            }
            return nPerStratum;
        }

        /** Number of sampled SSUs in each PSU. */
        private static int[] ssusPerPsu(int[] ssuPsu, int nPsu) {
            int[] mPerPsu = new int[nPsu];
            for (int s : ssuPsu) {
                mPerPsu[s]++;
            }
            return mPerPsu;
        }

        /** Reads and checks the fpc, giving populations per stratum (and per PSU for two stages). */
        private Fpc fpc(int[] stratum, List<String> stratumLabels, Psus psus, int[] ssu, int[] nPerStratum,
                        int[] mPerPsu) {
            double[] stratumPop = new double[stratumLabels.size()];
            Arrays.fill(stratumPop, Double.POSITIVE_INFINITY);
            double[][] fpcValues = null;
            String[] fpcNames = null;
            if (fpcCols != null) {
                fpcValues = new double[fpcCols.length][];
                fpcNames = fpcCols;
                for (int s = 0; s < fpcCols.length; s++) {
                    fpcValues[s] = numericColumn(fpcCols[s]);
                }
            } else if (fpcArr != null) {
                fpcValues = fpcArr;
                fpcNames = fpcArr.length == 1 ? new String[] {"fpc"} : new String[] {"fpc", "fpc2"};
            }
            if (fpcValues == null) {
                return new Fpc(FpcKind.NONE, stratumPop, null, null);
            }
            if (fpcValues.length == 2 && ssu == null) {
                throw PrevalenceException.invalidArgument("fpc",
                        "two fpc columns but one stage of clusters: give the SSU column too, or one fpc column");
            }
            FpcKind kind = fpcKind(fpcValues, fpcNames);
            stratumPopulations(kind, fpcValues[0], fpcNames[0], stratum, stratumLabels, nPerStratum, stratumPop);
            double[] psuPop = fpcValues.length == 2
                    ? psuPopulations(kind, fpcValues[1], fpcNames[1], psus, mPerPsu) : null;
            return new Fpc(kind, stratumPop, psuPop, fpcNames);
        }

        /** Refuses missing fpc; population sizes if any value is above 1, else sampling fractions (checked). */
        private FpcKind fpcKind(double[][] fpcValues, String[] fpcNames) {
            boolean anyAboveOne = false;
            for (int s = 0; s < fpcValues.length; s++) {
                double[] f = fpcValues[s];
                for (int i = 0; i < rows; i++) {
                    if (Double.isNaN(f[i])) {
                        throw PrevalenceException.invalidData(where(i, fpcNames[s]),
                                "row %d, column '%s': missing fpc", i + 1, fpcNames[s]);
                    }
                    if (f[i] > 1) {
                        anyAboveOne = true;
                    }
                }
            }
            FpcKind kind = anyAboveOne ? FpcKind.POPULATION_SIZE : FpcKind.SAMPLING_FRACTION;
            for (int s = 0; s < fpcValues.length; s++) {
                double[] f = fpcValues[s];
                for (int i = 0; i < rows; i++) {
                    if (kind == FpcKind.POPULATION_SIZE && !(f[i] >= 1)) {
                        throw PrevalenceException.invalidData(where(i, fpcNames[s]),
                                "row %d, column '%s': fpc %s is below 1 while other fpc values are population sizes "
                                        + "(> 1); give all fpc as population sizes or all as sampling fractions in (0, 1]",
                                i + 1, fpcNames[s], SurveySample.label(f[i]));
                    }
                    if (kind == FpcKind.SAMPLING_FRACTION && !(f[i] > 0)) {
                        throw PrevalenceException.invalidData(where(i, fpcNames[s]),
                                "row %d, column '%s': sampling fraction %s is outside (0, 1]",
                                i + 1, fpcNames[s], SurveySample.label(f[i]));
                    }
                }
            }
            return kind;
        }

        /** Stage 1: the fpc must be constant within a stratum; fills the PSU population of each stratum. */
        private void stratumPopulations(FpcKind kind, double[] f1, String fpcName, int[] stratum,
                                        List<String> stratumLabels, int[] nPerStratum, double[] stratumPop) {
            int nStrata = stratumLabels.size();
            int[] firstRowOfStratum = new int[nStrata];
            Arrays.fill(firstRowOfStratum, -1);
            double[] given = new double[nStrata];
            for (int i = 0; i < rows; i++) {
                int h = stratum[i];
                if (firstRowOfStratum[h] < 0) {
                    firstRowOfStratum[h] = i;
                    given[h] = f1[i];
                } else if (f1[i] != given[h]) {
                    throw PrevalenceException.invalidData(where(i, fpcName),
                            "row %d, column '%s': fpc %s differs from %s at row %d in the same stratum '%s'; "
                                    + "the fpc must be constant within a stratum",
                            i + 1, fpcName, SurveySample.label(f1[i]), SurveySample.label(given[h]),
                            firstRowOfStratum[h] + 1, stratumLabels.get(h));
                }
            }
            for (int h = 0; h < nStrata; h++) {
                double pop = kind == FpcKind.POPULATION_SIZE ? given[h] : nPerStratum[h] / given[h];
                if (pop < nPerStratum[h] * (1 - 1e-12)) {
                    throw PrevalenceException.invalidData("stratum '" + stratumLabels.get(h) + "'",
                            "stratum '%s' (row %d, column '%s'): the fpc implies %s PSUs in the population but %d are "
                                    + "sampled (more than 100%% sampling); check the fpc column",
                            stratumLabels.get(h), firstRowOfStratum[h] + 1, fpcName, SurveySample.label(pop),
                            nPerStratum[h]);
                }
                stratumPop[h] = pop;
            }
        }

        /** Stage 2: the fpc must be constant within a PSU; returns the SSU population of each PSU. */
        private double[] psuPopulations(FpcKind kind, double[] f2, String fpcName, Psus psus, int[] mPerPsu) {
            int[] psu = psus.codes();
            List<String> psuLabels = psus.labels();
            int nPsu = psuLabels.size();
            double[] psuPop = new double[nPsu];
            double[] g = new double[nPsu];
            int[] firstRowOfPsu = new int[nPsu];
            Arrays.fill(firstRowOfPsu, -1);
            for (int i = 0; i < rows; i++) {
                int p = psu[i];
                if (firstRowOfPsu[p] < 0) {
                    firstRowOfPsu[p] = i;
                    g[p] = f2[i];
                } else if (f2[i] != g[p]) {
                    throw PrevalenceException.invalidData(where(i, fpcName),
                            "row %d, column '%s': stage-2 fpc %s differs from %s at row %d in the same PSU '%s'",
                            i + 1, fpcName, SurveySample.label(f2[i]), SurveySample.label(g[p]),
                            firstRowOfPsu[p] + 1, psuLabels.get(p));
                }
            }
            for (int p = 0; p < nPsu; p++) {
                double pop = kind == FpcKind.POPULATION_SIZE ? g[p] : mPerPsu[p] / g[p];
                if (pop < mPerPsu[p] * (1 - 1e-12)) {
                    throw PrevalenceException.invalidData("PSU '" + psuLabels.get(p) + "'",
                            "PSU '%s' (row %d, column '%s'): the stage-2 fpc implies %s SSUs in the population but "
                                    + "%d are sampled (more than 100%% sampling)",
                            psuLabels.get(p), firstRowOfPsu[p] + 1, fpcName, SurveySample.label(pop), mPerPsu[p]);
                }
                psuPop[p] = pop;
            }
            return psuPop;
        }

        /** Row weights from weights, 1/probabilities, equal probability or the fpc, each checked. */
        private Weights weights(Fpc fpc, int[] stratum, int[] psu, int[] nPerStratum, int[] mPerPsu) {
            double[] w = new double[rows];
            if (weightsCol != null || weightsArr != null) {
                String name = weightsCol != null ? weightsCol : "weights";
                double[] src = weightsCol != null ? numericColumn(weightsCol) : weightsArr;
                for (int i = 0; i < rows; i++) {
                    double x = src[i];
                    if (!(x > 0 && x < Double.POSITIVE_INFINITY)) {
                        throw PrevalenceException.invalidData(where(i, name), Double.isNaN(x)
                                ? "row %d, column '%s': missing weight; every row needs a weight > 0"
                                : "row %d, column '%s': weight %s is not a finite number > 0", i + 1, name, x);
                    }
                    w[i] = x;
                }
                return new Weights(w, "column '" + name + "'");
            } else if (probsCol != null || probsArr != null) {
                String name = probsCol != null ? probsCol : "probabilities";
                double[] src = probsCol != null ? numericColumn(probsCol) : probsArr;
                for (int i = 0; i < rows; i++) {
                    double x = src[i];
                    if (!(x > 0 && x <= 1)) {
                        throw PrevalenceException.invalidData(where(i, name), Double.isNaN(x)
                                ? "row %d, column '%s': missing sampling probability"
                                : "row %d, column '%s': sampling probability %s is outside (0, 1]", i + 1, name, x);
                    }
                    w[i] = 1 / x;
                }
                return new Weights(w, "1/column '" + name + "'");
            } else if (equal) {
                Arrays.fill(w, 1.0);
                return new Weights(w, "equal");
            } else if (fpc.kind() != FpcKind.NONE) {
                double[] stratumPop = fpc.stratumPop();
                double[] psuPop = fpc.psuPop();
                for (int i = 0; i < rows; i++) {
                    double x = stratumPop[stratum[i]] / nPerStratum[stratum[i]];
                    if (psuPop != null) {
                        x *= psuPop[psu[i]] / mPerPsu[psu[i]];
                    }
                    if (!(x < Double.POSITIVE_INFINITY)) {
                        throw PrevalenceException.invalidData(where(i, fpc.names()[0]),
                                "row %d: weights cannot be computed from an infinite fpc; give weights", i + 1);
                    }
                    w[i] = x;
                }
                return new Weights(w, "fpc");
            }
            throw PrevalenceException.invalidArgument("weights",
                    "no weights: call weights(column), probabilities(column) or equalProbability()");
        }

        /** Every table column as a variable: booleans as numbers and factors, numbers, text as factors. */
        private void readTableVariables(Map<String, double[]> numeric, Map<String, Factor> factors,
                                        Map<String, NotNumber> notNumeric) {
            for (Column<?> c : table.columns()) {
                if (c instanceof BooleanColumn bc) {
                    double[] v = new double[rows];
                    int[] codes = new int[rows];
                    for (int i = 0; i < rows; i++) {
                        if (bc.isMissing(i)) {
                            v[i] = Double.NaN;
                            codes[i] = -1;
                        } else {
                            v[i] = bc.get(i) ? 1 : 0;
                            codes[i] = (int) v[i];
                        }
                    }
                    numeric.put(c.name(), v);
                    factors.put(c.name(), new Factor(codes, List.of("false", "true")));
                } else if (c instanceof NumericColumn<?> nc) {
                    numeric.put(c.name(), nc.asDoubleArray());
                } else {
                    readTextVariable(c, numeric, factors, notNumeric);
                }
            }
        }

        /** Every column read as a variable, as {@link #readTableVariables} on the same file's table. */
        private void readCsvVariables(Map<String, double[]> numeric, Map<String, Factor> factors,
                                      Map<String, NotNumber> notNumeric) {
            for (String name : csvVariables) {
                switch (csv.type(name)) {
                    case NUMBER -> numeric.put(name, csv.numbers(name));
                    case LOGICAL -> {
                        double[] v = csv.numbers(name);
                        int[] codes = new int[rows];
                        for (int i = 0; i < rows; i++) {
                            codes[i] = Double.isNaN(v[i]) ? -1 : (int) v[i];
                        }
                        numeric.put(name, v);
                        factors.put(name, new Factor(codes, List.of("false", "true")));
                    }
                    default -> {
                        if (csv.kind(name) == CsvReader.Kind.CATEGORY) {
                            List<String> raw = csv.levels(name);
                            List<String> levels = new ArrayList<>(new TreeSet<>(raw));
                            Map<String, Integer> code = new java.util.HashMap<>();
                            for (int k = 0; k < levels.size(); k++) {
                                code.put(levels.get(k), k);
                            }
                            int[] map = new int[raw.size()];
                            for (int k = 0; k < map.length; k++) {
                                map[k] = code.get(raw.get(k));
                            }
                            int[] codes = csv.codes(name);
                            for (int i = 0; i < rows; i++) {
                                codes[i] = codes[i] < 0 ? -1 : map[codes[i]];
                            }
                            factors.put(name, new Factor(codes, levels));
                        }
                        if (csv.holdsNumbers(name)) {
                            PrevalenceException e = csv.notNumbers(name);
                            if (e == null) {
                                numeric.put(name, csv.numbers(name));
                            } else {
                                notNumeric.put(name, new NotNumber(-1, null, e));
                            }
                        }
                    }
                }
            }
        }

        /** A text column as a factor of its sorted levels; also numbers if it holds only numbers. */
        private void readTextVariable(Column<?> c, Map<String, double[]> numeric, Map<String, Factor> factors,
                                      Map<String, NotNumber> notNumeric) {
            TreeSet<String> lv = new TreeSet<>();
            for (int i = 0; i < rows; i++) {
                if (!c.isMissing(i) && !c.getUnformattedString(i).isEmpty()) {
                    lv.add(c.getUnformattedString(i));
                }
            }
            List<String> levels = new ArrayList<>(lv);
            Map<String, Integer> code = new java.util.HashMap<>();
            for (int k = 0; k < levels.size(); k++) {
                code.put(levels.get(k), k);
            }
            int[] codes = new int[rows];
            for (int i = 0; i < rows; i++) {
                codes[i] = c.isMissing(i) || c.getUnformattedString(i).isEmpty() ? -1
                        : code.get(c.getUnformattedString(i));
            }
            factors.put(c.name(), new Factor(codes, levels));
            if (Columns.holdsNumbers(c)) {
                int bad = Columns.firstNonNumber(c);
                if (bad < 0) {
                    numeric.put(c.name(), Columns.numbers(table.name(), c)); // text of plain numbers
                } else {
                    notNumeric.put(c.name(), new NotNumber(bad, c.getString(bad), null));
                }
            }
        }

        /** Variables given as arrays, replacing any table column of the same name. */
        private void addExtraVariables(Map<String, double[]> numeric, Map<String, Factor> factors,
                                       Map<String, NotNumber> notNumeric) {
            for (Map.Entry<String, double[]> e : extraNumeric.entrySet()) {
                numeric.put(e.getKey(), e.getValue().clone());
                factors.remove(e.getKey());
                notNumeric.remove(e.getKey());
            }
            for (Map.Entry<String, Factor> e : extraFactors.entrySet()) {
                factors.put(e.getKey(), new Factor(e.getValue().codes().clone(), e.getValue().levels()));
                numeric.remove(e.getKey());
                notNumeric.remove(e.getKey());
            }
        }

        /** Copies and checks the replicate-weight columns (null without a replicate spec). */
        private double[][] replicateWeights(Map<String, double[]> numeric) {
            if (replicateSpec == null) {
                return null;
            }
            double[][] rep = new double[replicateSpec.columns().size()][];
            for (int r = 0; r < rep.length; r++) {
                String name = replicateSpec.columns().get(r);
                double[] v = numeric.get(name);
                if (v == null) {
                    throw PrevalenceException.invalidArgument("column '" + name + "'",
                            "no numeric replicate-weight column '%s'", name);
                }
                for (int i = 0; i < rows; i++) {
                    if (!(v[i] >= 0 && v[i] < Double.POSITIVE_INFINITY)) {
                        throw PrevalenceException.invalidData(where(i, name),
                                "row %d, column '%s': replicate weight %s is missing, negative or infinite",
                                i + 1, name, v[i]);
                    }
                }
                rep[r] = v.clone();
            }
            return rep;
        }
    }
}
