package org.prevalence.engine.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.engine.AggregationEngine;
import org.prevalence.core.engine.ColumnType;
import org.prevalence.core.engine.EngineErrors;
import org.prevalence.core.engine.GlmKind;
import org.prevalence.core.engine.GroupedSums;
import org.prevalence.core.engine.IrlsRequest;
import org.prevalence.core.engine.IrlsStep;
import org.prevalence.core.engine.Keys;
import org.prevalence.core.engine.SumRequest;
import org.prevalence.core.engine.Term;

/**
 * The aggregation engine on Apache Spark: every request is one {@code Dataset} aggregation (a
 * {@code groupBy(...).agg(...)} of sums, counts, minima and maxima) over a Parquet or CSV source,
 * collected as a few rows (one per group) and finished in Java exactly as {@link
 * org.prevalence.core.engine.MemoryEngine} does. Nothing is cached: each request reads the columns it
 * needs (Parquet column pruning), so data larger than the driver's memory are fine.
 *
 * <p>Columns: Spark's numeric types are numbers (as doubles; SQL NULL and NaN are missing), booleans
 * logicals, strings text (NULL and the empty string are missing keys); any other type is text, by its
 * string form. Names are matched exactly (the session is case-sensitive).
 *
 * <p>A request's rows are summed in whatever order Spark's partitions give, so figures agree with
 * the in-JVM engine to rounding (the conformance test checks 1e-9 relative), not bit for bit.
 *
 * <p>Open one with {@link #withDefaults()}: {@code SparkEngine.withDefaults().withThreads(2).open(path)}
 * starts {@code local[2]}, or {@link Config#withMaster(String)} names a cluster; {@link #over(Dataset)}
 * wraps a data set of a session the caller owns. This class is not thread-safe (one caller at a time).
 */
public final class SparkEngine implements AggregationEngine {
    private static final double EPS = Math.ulp(1.0);

    private final SparkSession spark;
    private final boolean ownsSession;
    private final Dataset<Row> data;
    private final String source;
    private final Map<String, ColumnType> types;
    private final long rows;

    private SparkEngine(SparkSession spark, boolean ownsSession, Dataset<Row> data, String source) {
        this.spark = spark;
        this.ownsSession = ownsSession;
        this.data = data;
        this.source = source;
        Map<String, ColumnType> t = new LinkedHashMap<>();
        for (StructField f : data.schema().fields()) {
            t.put(f.name(), typeOf(f.dataType()));
        }
        this.types = Collections.unmodifiableMap(t);
        this.rows = spark(() -> data.count());
    }

    private static ColumnType typeOf(DataType t) {
        if (t instanceof NumericType) {
            return ColumnType.NUMBER;
        }
        if (t instanceof BooleanType) {
            return ColumnType.LOGICAL;
        }
        return ColumnType.TEXT;
    }

    /**
     * @return the defaults: {@code local[*]} (every core), shuffle partitions = local threads (a
     *     cluster keeps its own setting)
     */
    public static Config withDefaults() {
        return Config.DEFAULT;
    }

    /**
     * An engine over a data set of the caller's session (which {@link #close()} leaves running).
     * @param data the data
     * @return the engine
     */
    public static SparkEngine over(Dataset<Row> data) {
        Objects.requireNonNull(data, "data");
        return new SparkEngine(data.sparkSession(), false, data, "a Spark Dataset");
    }

    /**
     * How a {@link SparkEngine} is opened: the master and the shuffle partitions. This class is immutable.
     */
    public static final class Config {
        static final Config DEFAULT = new Config(null, 0, 0);

        private final String master;
        private final int threads;
        private final int shufflePartitions;

        private Config(String master, int threads, int shufflePartitions) {
            this.master = master;
            this.threads = threads;
            this.shufflePartitions = shufflePartitions;
        }

        /**
         * @param url a Spark master URL ({@code local[N]}, {@code spark://HOST:PORT}, {@code k8s://...},
         *     {@code yarn}), or null for {@code local[threads]}; a cluster master that does not accept a
         *     connection within seconds is an error when the engine is opened
         * @return a copy with that master
         * @throws PrevalenceException (where {@code --master}) for a URL that is not a master URL
         */
        public Config withMaster(String url) {
            if (url != null) {
                SparkMaster.parse(url);
            }
            return new Config(url, threads, shufflePartitions);
        }

        /**
         * @param n threads of the local master ({@code local[n]}), 0 = every core
         * @return a copy with that number
         */
        public Config withThreads(int n) {
            SparkMaster.local(n);
            return new Config(master, n, shufflePartitions);
        }

        /**
         * @param n {@code spark.sql.shuffle.partitions}, 0 = the local threads (on a cluster: Spark's setting)
         * @return a copy with that number
         */
        public Config withShufflePartitions(int n) {
            if (n < 0) {
                throw PrevalenceException.invalidArgument("shuffle partitions",
                        "shuffle partitions must be >= 0 (0 = the threads), got %d", n);
            }
            return new Config(master, threads, n);
        }

        /**
         * Opens an engine over a Parquet file (or directory of Parquet files) or a CSV file (header
         * line, types inferred; {@code .csv} or {@code .csv.gz}).
         * @param file the file
         * @return the engine, with its own session (stopped by {@link SparkEngine#close()} unless a
         *     session was already running)
         * @throws PrevalenceException if the file does not exist, its format is not known, or the master
         *     cannot be reached
         */
        public SparkEngine open(Path file) {
            Objects.requireNonNull(file, "file");
            if (!Files.exists(file)) {
                throw PrevalenceException.invalidArgument("file '" + file + "'", "no file '%s'", file);
            }
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean parquet = Files.isDirectory(file) || name.endsWith(".parquet") || name.endsWith(".parq");
            boolean csv = name.endsWith(".csv") || name.endsWith(".csv.gz");
            if (!parquet && !csv) {
                throw PrevalenceException.invalidArgument("file '" + file + "'",
                        "file '%s': the Spark engine reads Parquet (.parquet) and CSV (.csv, .csv.gz) files", file);
            }
            return open(file.toAbsolutePath().toUri().toString(), parquet);
        }

        /**
         * Opens an engine over a location Spark reads (e.g. {@code hdfs://...} or {@code s3a://...}).
         * @param location the location
         * @param parquet Parquet if true, else CSV with a header line
         * @return the engine
         */
        public SparkEngine open(String location, boolean parquet) {
            Objects.requireNonNull(location, "location");
            SparkMaster m = master == null ? SparkMaster.local(threads) : SparkMaster.parse(master);
            int partitions = shufflePartitions > 0 ? shufflePartitions
                    : m.isLocal() ? Math.max(1, threads == 0 ? Runtime.getRuntime().availableProcessors() : threads) : 0;
            boolean existed = SparkSession.getDefaultSession().isDefined();
            SparkSession s = SparkSessions.open(m, partitions);
            try {
                Dataset<Row> d = spark(() -> parquet ? s.read().parquet(location)
                        : s.read().option("header", "true").option("inferSchema", "true").option("mode", "FAILFAST")
                        .csv(location), location);
                return new SparkEngine(s, !existed, d, location);
            } catch (RuntimeException e) {
                if (!existed) {
                    s.stop();
                }
                throw e;
            }
        }

        @Override
        public String toString() {
            return "SparkEngine.Config[master " + (master == null ? SparkMaster.local(threads) : master)
                    + ", shuffle partitions " + (shufflePartitions == 0 ? "default" : shufflePartitions) + "]";
        }
    }

    /** @return {@code "spark"} */
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public Map<String, ColumnType> columns() {
        return types;
    }

    /** @return the session the engine runs on */
    public SparkSession session() {
        return spark;
    }

    @Override
    public void close() {
        if (ownsSession) {
            spark.stop();
        }
    }

    // ---- columns as Spark expressions

    private Column column(String name) {
        return data.col("`" + name.replace("`", "``") + "`");
    }

    private static Column col(String internal) {
        return functions.col(internal);
    }

    private void requireNumeric(String name, String role) {
        if (EngineErrors.requireColumn(name, types) == ColumnType.TEXT) {
            throw EngineErrors.notNumeric(name, role);
        }
    }

    /** A numeric column as double, NULL as NaN (so sums see a missing value as the in-JVM engine does). */
    private Column number(String name) {
        return functions.coalesce(column(name).cast(DataTypes.DoubleType), functions.lit(Double.NaN));
    }

    private Column missing(String name) {
        Column c = column(name);
        return types.get(name) == ColumnType.TEXT ? c.isNull() : c.isNull().or(functions.isnan(c.cast(DataTypes.DoubleType)));
    }

    /** A group key: text (empty = NULL), a double (NaN = NULL) or a boolean; NULL is a missing key. */
    private Column key(String name, int index) {
        Column c = column(name);
        Column k;
        switch (types.get(name)) {
            case TEXT:
                Column s = c.cast(DataTypes.StringType);
                k = functions.when(s.equalTo(""), functions.lit(null).cast(DataTypes.StringType)).otherwise(s);
                break;
            case LOGICAL:
                k = c;
                break;
            default:
                Column d = c.cast(DataTypes.DoubleType);
                k = functions.when(functions.isnan(d), functions.lit(null).cast(DataTypes.DoubleType)).otherwise(d);
        }
        return k.as("_k" + index);
    }

    private static String label(Row r, int i) {
        Object v = r.get(i);
        if (v instanceof Double d) {
            return Keys.label(d);
        }
        return v.toString();
    }

    private static Column all(List<Column> conditions) {
        Column c = functions.lit(true);
        for (Column x : conditions) {
            c = c.and(x);
        }
        return c;
    }

    private static Column count(Column condition) {
        return functions.sum(functions.when(condition, 1L).otherwise(0L));
    }

    private static double dbl(Row r, int i) {
        return r.isNullAt(i) ? 0 : r.getDouble(i);
    }

    private static double nan(Row r, int i) {
        return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
    }

    // ---- sums

    @Override
    public GroupedSums sums(SumRequest request) {
        Objects.requireNonNull(request, "request");
        for (String g : request.groups()) {
            EngineErrors.requireColumn(g, types);
        }
        for (String w : request.weights()) {
            requireNumeric(w, "weight");
        }
        for (Term t : request.terms()) {
            for (String c : t.columns()) {
                requireNumeric(c, "term");
            }
        }
        for (String c : request.missingColumns()) {
            requireNumeric(c, "term");
        }
        int ng = request.groups().size();
        int nw = request.weights().size();
        int nt = request.terms().size();
        List<Column> keys = new ArrayList<>();
        for (int g = 0; g < ng; g++) {
            keys.add(key(request.groups().get(g), g));
        }
        List<Column> present = new ArrayList<>();
        for (String c : request.missingColumns()) {
            present.add(functions.not(missing(c)));
        }
        Column complete = all(present);
        List<Column> terms = new ArrayList<>();
        for (Term t : request.terms()) {
            Column p = null;
            for (String c : t.columns()) {
                p = p == null ? number(c) : p.multiply(number(c));
            }
            terms.add(p); // null = the constant 1
        }
        List<Column> aggs = new ArrayList<>();
        aggs.add(count(complete));
        aggs.add(count(functions.not(complete)));
        if (nw == 0) {
            for (Column t : terms) {
                aggs.add(functions.sum(functions.when(complete, t == null ? functions.lit(1.0) : t)));
            }
        } else {
            for (String w : request.weights()) {
                Column wr = number(w);
                for (Column t : terms) {
                    aggs.add(functions.sum(functions.when(complete, t == null ? wr : wr.multiply(t))));
                }
            }
            for (String w : request.weights()) {
                Column c = column(w).cast(DataTypes.DoubleType);
                Column valid = functions.when(functions.not(missing(w)), c);
                aggs.add(functions.min(valid));
                aggs.add(functions.max(valid));
                aggs.add(count(missing(w)));
            }
        }
        List<Row> out = aggregate(data, keys, aggs);
        int cells = nw == 0 ? nt : nw * nt;
        List<GroupedSums.Group> groups = new ArrayList<>();
        double[] min = new double[nw];
        double[] max = new double[nw];
        long[] miss = new long[nw];
        java.util.Arrays.fill(min, Double.NaN);
        java.util.Arrays.fill(max, Double.NaN);
        for (Row r : out) {
            int a = ng;
            long n = r.isNullAt(a) ? 0 : r.getLong(a);
            long m = r.isNullAt(a + 1) ? 0 : r.getLong(a + 1);
            a += 2;
            double[] s = new double[cells];
            for (int k = 0; k < cells; k++) {
                s[k] = dbl(r, a + k);
            }
            a += cells;
            for (int w = 0; w < nw; w++) {
                double lo = nan(r, a + 3 * w);
                double hi = nan(r, a + 3 * w + 1);
                min[w] = Double.isNaN(min[w]) ? lo : Double.isNaN(lo) ? min[w] : Math.min(min[w], lo);
                max[w] = Double.isNaN(max[w]) ? hi : Double.isNaN(hi) ? max[w] : Math.max(max[w], hi);
                miss[w] += r.getLong(a + 3 * w + 2);
            }
            List<String> labels = labels(r, ng);
            if (labels != null) {
                groups.add(new GroupedSums.Group(labels, n, m, s));
            }
        }
        List<GroupedSums.WeightCheck> checks = new ArrayList<>();
        for (int w = 0; w < nw; w++) {
            checks.add(new GroupedSums.WeightCheck(request.weights().get(w), min[w], max[w], miss[w]));
        }
        return new GroupedSums(request, groups, checks);
    }

    /** @return the key labels of a result row, or null when a key is missing */
    private static List<String> labels(Row r, int ng) {
        List<String> labels = new ArrayList<>(ng);
        for (int g = 0; g < ng; g++) {
            if (r.isNullAt(g)) {
                return null;
            }
            labels.add(label(r, g));
        }
        return labels;
    }

    /** One {@code groupBy(keys).agg(aggs)}; rows with a missing key form groups of their own (for the totals). */
    private List<Row> aggregate(Dataset<Row> from, List<Column> keys, List<Column> aggs) {
        Column first = aggs.get(0);
        Column[] rest = aggs.subList(1, aggs.size()).toArray(new Column[0]);
        return spark(() -> from.groupBy(keys.toArray(new Column[0])).agg(first, rest).collectAsList());
    }

    // ---- IRLS

    @Override
    public IrlsStep irls(IrlsRequest request) {
        Objects.requireNonNull(request, "request");
        for (String c : request.covariates()) {
            requireNumeric(c, "covariate");
        }
        requireNumeric(request.response(), "response");
        if (request.offset() != null) {
            requireNumeric(request.offset(), "offset");
        }
        if (request.weight() != null) {
            requireNumeric(request.weight(), "weight");
        }
        for (String g : request.scoreGroups()) {
            EngineErrors.requireColumn(g, types);
        }
        int p = request.parameters();
        int c0 = request.intercept() ? 1 : 0;
        GlmKind kind = request.kind();
        double[] beta = request.beta();
        int ng = request.scoreGroups().size();
        // staged projections, so that eta, mu and the working weights are computed once per row (a
        // single expression tree would repeat eta in every sum)
        List<Column> stage = new ArrayList<>();
        List<Column> keyCols = new ArrayList<>();
        for (int g = 0; g < ng; g++) {
            stage.add(key(request.scoreGroups().get(g), g));
            keyCols.add(col("_k" + g));
        }
        List<Column> present = new ArrayList<>();
        for (String c : request.modelColumns()) {
            present.add(functions.not(missing(c)));
        }
        stage.add(all(present).as("_c"));
        for (int j = 0; j < request.covariates().size(); j++) {
            stage.add(number(request.covariates().get(j)).as("_x" + (c0 + j)));
        }
        stage.add(number(request.response()).as("_y"));
        stage.add((request.offset() == null ? functions.lit(0.0) : number(request.offset())).as("_o"));
        stage.add((request.weight() == null ? functions.lit(1.0) : number(request.weight())).as("_w"));
        Dataset<Row> d0 = data.select(stage.toArray(new Column[0]));
        Column[] x = new Column[p];
        if (c0 == 1) {
            x[0] = functions.lit(1.0);
        }
        for (int j = c0; j < p; j++) {
            x[j] = col("_x" + j);
        }
        Column y = col("_y");
        Column o = col("_o");
        Column wi = col("_w");
        Dataset<Row> d1;
        if (beta == null) {
            d1 = d0.withColumn("_mu", start(kind, y)).withColumn("_eta", link(kind, col("_mu")));
        } else {
            Column eta = o;
            for (int j = 0; j < p; j++) {
                eta = eta.plus(x[j].multiply(beta[j]));
            }
            d1 = d0.withColumn("_eta", eta).withColumn("_mu", mean(kind, col("_eta")));
        }
        Column eta = col("_eta");
        Column mu = col("_mu");
        // the same expressions, in the same order of operations, as MemoryEngine.irls
        Dataset<Row> d2 = d1.withColumn("_d", derivative(kind, eta, mu)).withColumn("_v", variance(kind, mu));
        Column dd = col("_d");
        Column v = col("_v");
        Column wt = wi.multiply(dd).multiply(dd).divide(v);
        Column r = beta == null ? col("_wt").multiply(eta.minus(o).plus(y.minus(mu).divide(dd)))
                : wi.multiply(dd).multiply(y.minus(mu)).divide(v);
        Dataset<Row> d3 = d2.withColumn("_wt", wt).withColumn("_r", r)
                .withColumn("_dev", wi.multiply(unitDeviance(kind, y, mu)));
        Column complete = col("_c");
        List<Column> aggs = new ArrayList<>();
        aggs.add(count(complete));
        aggs.add(count(functions.not(complete)));
        for (int j = 0; j < p; j++) {
            Column wx = col("_wt").multiply(x[j]);
            for (int l = j; l < p; l++) {
                aggs.add(functions.sum(functions.when(complete, wx.multiply(x[l]))));
            }
        }
        for (int j = 0; j < p; j++) {
            aggs.add(functions.sum(functions.when(complete, col("_r").multiply(x[j]))));
        }
        aggs.add(functions.sum(functions.when(complete, col("_dev"))));
        List<Row> out = aggregate(d3, keyCols, aggs);
        double[][] a = new double[p][p];
        double[] u = new double[p];
        double deviance = 0;
        long used = 0;
        long missingRows = 0;
        Map<List<String>, double[]> scores = new LinkedHashMap<>();
        for (Row row : out) {
            int i = ng;
            long n = row.isNullAt(i) ? 0 : row.getLong(i);
            used += n;
            missingRows += row.isNullAt(i + 1) ? 0 : row.getLong(i + 1);
            i += 2;
            for (int j = 0; j < p; j++) {
                for (int l = j; l < p; l++) {
                    a[j][l] += dbl(row, i++);
                }
            }
            double[] s = new double[p];
            for (int j = 0; j < p; j++) {
                s[j] = dbl(row, i++);
                u[j] += s[j];
            }
            deviance += dbl(row, i);
            List<String> labels = ng == 0 ? null : labels(row, ng);
            if (labels != null && n > 0) {
                scores.put(labels, s);
            }
        }
        for (int j = 0; j < p; j++) {
            for (int l = 0; l < j; l++) {
                a[j][l] = a[l][j];
            }
        }
        return new IrlsStep(a, u, deviance, used, missingRows, scores);
    }

    // GlmKind's functions as column expressions (R's make.link and family objects)

    private static Column start(GlmKind kind, Column y) {
        switch (kind) {
            case BINOMIAL_LOGIT:
                return y.plus(0.5).divide(2);
            case POISSON_LOG:
                return y.plus(0.1);
            default:
                return y;
        }
    }

    private static Column link(GlmKind kind, Column mu) {
        switch (kind) {
            case BINOMIAL_LOGIT:
                return functions.log(mu.divide(functions.lit(1.0).minus(mu)));
            case POISSON_LOG:
                return functions.log(mu);
            default:
                return mu;
        }
    }

    private static Column mean(GlmKind kind, Column eta) {
        switch (kind) {
            case BINOMIAL_LOGIT:
                return functions.when(eta.lt(-30), EPS).when(eta.gt(30), 1 - EPS)
                        .otherwise(functions.lit(1.0).divide(functions.lit(1.0).plus(functions.exp(functions.negate(eta)))));
            case POISSON_LOG:
                return functions.greatest(functions.exp(eta), functions.lit(EPS));
            default:
                return eta;
        }
    }

    private static Column derivative(GlmKind kind, Column eta, Column mu) {
        switch (kind) {
            case BINOMIAL_LOGIT:
                return functions.when(eta.geq(-30).and(eta.leq(30)),
                        functions.greatest(mu.multiply(functions.lit(1.0).minus(mu)), functions.lit(EPS))).otherwise(EPS);
            case POISSON_LOG:
                return functions.greatest(functions.exp(eta), functions.lit(EPS));
            default:
                return functions.lit(1.0);
        }
    }

    private static Column variance(GlmKind kind, Column mu) {
        switch (kind) {
            case BINOMIAL_LOGIT:
                return mu.multiply(functions.lit(1.0).minus(mu));
            case POISSON_LOG:
                return mu;
            default:
                return functions.lit(1.0);
        }
    }

    private static Column ylogy(Column y, Column mu) {
        return functions.when(y.equalTo(0), 0.0).otherwise(y.multiply(functions.log(y.divide(mu))));
    }

    private static Column unitDeviance(GlmKind kind, Column y, Column mu) {
        switch (kind) {
            case BINOMIAL_LOGIT:
                Column one = functions.lit(1.0);
                return functions.lit(2.0).multiply(ylogy(y, mu).plus(ylogy(one.minus(y), one.minus(mu))));
            case POISSON_LOG:
                return functions.lit(2.0).multiply(ylogy(y, mu).minus(y.minus(mu)));
            default:
                Column e = y.minus(mu);
                return e.multiply(e);
        }
    }

    // ---- Spark errors as PrevalenceExceptions

    private <T> T spark(Supplier<T> job) {
        return spark(job, source);
    }

    /**
     * Runs a Spark job; a Spark failure becomes a {@link PrevalenceException} naming the source and
     * Spark's error condition, not Spark's message (which may quote a row of the data).
     */
    static <T> T spark(Supplier<T> job, String source) {
        try {
            return job.get();
        } catch (PrevalenceException e) {
            throw e;
        } catch (RuntimeException e) {
            String condition = condition(e);
            if ("PATH_NOT_FOUND".equals(condition)) {
                throw new PrevalenceException(PrevalenceException.Kind.INVALID_ARGUMENT, "file '" + source + "'",
                        String.format(Locale.ROOT, "no file '%s'", source), e);
            }
            throw new PrevalenceException(PrevalenceException.Kind.INVALID_DATA, "file '" + source + "'",
                    String.format(Locale.ROOT, "Spark could not read '%s' (%s)", source,
                            condition == null ? e.getClass().getSimpleName() : condition), e);
        }
    }

    private static String condition(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SparkThrowable st && st.getCondition() != null) {
                return st.getCondition();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SparkEngine[%s, %d rows, %d columns, master %s]", source, rows,
                types.size(), spark.sparkContext().master());
    }

}
