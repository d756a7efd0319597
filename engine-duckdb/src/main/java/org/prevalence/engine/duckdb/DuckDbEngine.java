package org.prevalence.engine.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The aggregation engine over one Parquet or CSV file in an embedded DuckDB (in-memory database,
 * the file read in place, never loaded whole): every request is one SQL {@code GROUP BY} query
 * whose sums are finished in Java exactly as {@link org.prevalence.core.engine.MemoryEngine} does.
 *
 * <p>Configuration ({@code withDefaults()}: memory limit 1 GB, threads 0 = all cores, temporary
 * directory under {@code java.io.tmpdir}): {@link #withMemoryLimit(String)},
 * {@link #withThreads(int)}, {@link #withTempDirectory(Path)}. {@link #open(Path)} sets
 * {@code autoinstall_known_extensions} and {@code autoload_known_extensions} off (nothing is ever
 * downloaded; the Parquet reader is built into the driver), then {@code memory_limit},
 * {@code threads}, {@code temp_directory} and {@code preserve_insertion_order=false}.
 *
 * <p>Types: DuckDB's integers, decimals and floating-point types are numbers
 * ({@link ColumnType#NUMBER}; NaN counts as missing, as NULL does), {@code BOOLEAN} is logical,
 * everything else text (empty text is a missing key). A CSV file's types are DuckDB's detection
 * ({@code read_csv} with a header); a cell that does not fit its column's detected type is an
 * error naming the line and column, never the cell.
 *
 * <p>Sums are DuckDB's {@code sum} over {@code DOUBLE} (in parallel, so the last bits may differ
 * from the in-JVM row-order sums; the conformance test holds them to 1e-9 relative).
 *
 * <p>The configured object is immutable; an opened {@link Engine} holds one JDBC connection and is
 * not thread-safe.
 */
public final class DuckDbEngine {
    private static final DuckDbEngine DEFAULT = new DuckDbEngine("1GB", 0, null);
    private static final Pattern MEMORY = Pattern.compile("(?i)\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)");

    private final String memoryLimit;
    private final int threads;
    private final Path tempDirectory;

    private DuckDbEngine(String memoryLimit, int threads, Path tempDirectory) {
        this.memoryLimit = memoryLimit;
        this.threads = threads;
        this.tempDirectory = tempDirectory;
    }

    /**
     * Defaults: memory limit {@code 1GB}, all cores, a temporary directory
     * {@code prevalence-duckdb-PID} under {@code java.io.tmpdir}.
     * @return the default configuration
     */
    public static DuckDbEngine withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v DuckDB's memory limit, e.g. {@code 512MB}, {@code 2GB}
     * @return a new configuration
     */
    public DuckDbEngine withMemoryLimit(String v) {
        if (v == null || !MEMORY.matcher(v.trim()).matches()) {
            throw PrevalenceException.invalidArgument("--engine-memory", "a memory limit is a number and a unit "
                    + "(B, KB, MB, GB, TB), e.g. 512MB; got '%s'", v);
        }
        return new DuckDbEngine(v.trim(), threads, tempDirectory);
    }

    /**
     * @param v threads, 0 = all cores
     * @return a new configuration
     */
    public DuckDbEngine withThreads(int v) {
        if (v < 0) {
            throw PrevalenceException.invalidArgument("--threads", "threads must be >= 0 (0 = all cores), got %d", v);
        }
        return new DuckDbEngine(memoryLimit, v, tempDirectory);
    }

    /**
     * @param v where DuckDB spills what does not fit its memory limit
     * @return a new configuration
     */
    public DuckDbEngine withTempDirectory(Path v) {
        return new DuckDbEngine(memoryLimit, threads, Objects.requireNonNull(v, "tempDirectory"));
    }

    /**
     * Opens the engine over a file.
     * @param file a {@code .parquet} file (or a glob DuckDB accepts), otherwise read as CSV with a header
     * @return the engine (close it)
     * @throws PrevalenceException if the file is absent or cannot be read
     */
    public Engine open(Path file) {
        Objects.requireNonNull(file, "file");
        if (!file.toString().contains("*") && !Files.isRegularFile(file)) {
            throw PrevalenceException.invalidArgument("FILE", "no such file: %s", file);
        }
        boolean parquet = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
        int t = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        Path tmp = tempDirectory != null ? tempDirectory
                : Path.of(System.getProperty("java.io.tmpdir"), "prevalence-duckdb-" + ProcessHandle.current().pid());
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = c.createStatement()) {
                s.execute("SET autoinstall_known_extensions=false");
                s.execute("SET autoload_known_extensions=false");
                s.execute("SET memory_limit=" + literal(memoryLimit));
                s.execute("SET threads=" + t);
                s.execute("SET temp_directory=" + literal(tmp.toString()));
                s.execute("SET preserve_insertion_order=false");
                String src = parquet ? "read_parquet(" + literal(file.toString()) + ")"
                        : "read_csv(" + literal(file.toString()) + ", header=true)";
                s.execute("CREATE VIEW data AS SELECT * FROM " + src);
            }
            return new Engine(c, file, parquet);
        } catch (SQLException e) {
            closeQuietly(c);
            throw readError(file, e);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing after a failure: the first error is the one reported
            }
        }
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static String ident(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static final Pattern LINE = Pattern.compile("(?i)line:?\\s*(\\d+)");
    private static final Pattern COLUMN = Pattern.compile("(?i)column \"?([^\"\\s.]+)\"?");

    /**
     * A DuckDB error as a PrevalenceException naming the file, line and column where DuckDB gives
     * them, and never the cell (DuckDB's CSV errors quote the original line: personal data).
     */
    static PrevalenceException readError(Path file, SQLException e) {
        String m = String.valueOf(e.getMessage());
        Matcher line = LINE.matcher(m);
        Matcher col = COLUMN.matcher(m);
        String where = "file '" + file.getFileName() + "'";
        String kind = m.contains("Conversion Error") || m.contains("CSV Error") ? "a value does not fit its column's type"
                : m.contains("IO Error") || m.contains("No files found") ? "the file cannot be read"
                : m.contains("Invalid Input Error") ? "the file is not valid " + (m.contains("arquet") ? "Parquet" : "input")
                : "DuckDB could not read it";
        StringBuilder s = new StringBuilder(where).append(": ").append(kind);
        if (line.find()) {
            s.append(", line ").append(line.group(1));
        }
        if (col.find()) {
            s.append(", column '").append(col.group(1)).append('\'');
        }
        String first = m.split("\n", 2)[0];
        if (!first.contains("Original Line") && !m.contains("Conversion Error") && !m.contains("CSV Error")) {
            s.append(" (").append(first.length() > 200 ? first.substring(0, 200) + "..." : first).append(')');
        }
        return PrevalenceException.invalidData(where, "%s", s.toString());
    }

    /** An opened DuckDB engine over one file. Not thread-safe; close it. */
    public static final class Engine implements AggregationEngine {
        private final Connection connection;
        private final Path file;
        private final Map<String, ColumnType> types;
        private final Map<String, Boolean> floating;
        private final long rows;

        private Engine(Connection c, Path file, boolean parquet) throws SQLException {
            this.connection = c;
            this.file = file;
            Map<String, ColumnType> t = new LinkedHashMap<>();
            Map<String, Boolean> f = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("DESCRIBE data")) {
                while (r.next()) {
                    String name = r.getString(1);
                    String type = r.getString(2).toUpperCase(Locale.ROOT);
                    t.put(name, typeOf(type));
                    f.put(name, type.equals("DOUBLE") || type.equals("FLOAT") || type.equals("REAL"));
                }
            }
            this.types = Collections.unmodifiableMap(t);
            this.floating = f;
            long n;
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM data")) {
                r.next();
                n = r.getLong(1);
            }
            this.rows = n;
        }

        private static ColumnType typeOf(String type) {
            if (type.equals("BOOLEAN")) {
                return ColumnType.LOGICAL;
            }
            if (type.matches("(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|U?HUGEINT|DOUBLE|FLOAT|REAL|DECIMAL.*|NUMERIC.*)")) {
                return ColumnType.NUMBER;
            }
            return ColumnType.TEXT;
        }

        /** @return {@code "duckdb"} */
        @Override
        public String name() {
            return "duckdb";
        }

        @Override
        public long rows() {
            return rows;
        }

        @Override
        public Map<String, ColumnType> columns() {
            return types;
        }

        /** @return the JDBC connection (for this package's conversions) */
        Connection connection() {
            return connection;
        }

        /** @return the file read */
        public Path file() {
            return file;
        }

        @Override
        public void close() {
            closeQuietly(connection);
        }

        /** A numeric column as a DOUBLE expression, NaN turned into NULL. */
        private String number(String name, String role) {
            ColumnType t = EngineErrors.requireColumn(name, types);
            if (t == ColumnType.TEXT) {
                throw EngineErrors.notNumeric(name, role);
            }
            String e = "CAST(" + ident(name) + " AS DOUBLE)";
            return floating.get(name) ? "(CASE WHEN isnan(" + ident(name) + ") THEN NULL ELSE " + e + " END)" : e;
        }

        /** @return the inner alias of a numeric column, registering it (checked numeric) */
        private String column(Map<String, String> v, String name, String role) {
            number(name, role);
            return v.computeIfAbsent(name, k -> "v" + v.size());
        }

        /** A key column: text with empty = NULL, numbers with NaN = NULL. */
        private String key(String name) {
            ColumnType t = EngineErrors.requireColumn(name, types);
            if (t == ColumnType.TEXT) {
                return "NULLIF(CAST(" + ident(name) + " AS VARCHAR), '')";
            }
            if (floating.get(name)) {
                return "(CASE WHEN isnan(" + ident(name) + ") THEN NULL ELSE " + ident(name) + " END)";
            }
            return ident(name);
        }

        private String label(String column, Object v) {
            if (v == null) {
                return null;
            }
            ColumnType t = types.get(column);
            if (t == ColumnType.LOGICAL) {
                return String.valueOf(v);
            }
            if (t == ColumnType.NUMBER) {
                return Keys.label(((Number) v).doubleValue());
            }
            return v.toString();
        }

        @Override
        public GroupedSums sums(SumRequest request) {
            Objects.requireNonNull(request, "request");
            List<String> g = request.groups();
            List<String> keys = new ArrayList<>();
            for (String c : g) {
                keys.add(key(c));
            }
            // every numeric column once in the inner projection (NaN as NULL), referenced as v0, v1, ...
            Map<String, String> v = new LinkedHashMap<>();
            List<String> w = new ArrayList<>();
            for (String c : request.weights()) {
                w.add(column(v, c, "weight"));
            }
            int nt = request.terms().size();
            List<String> terms = new ArrayList<>();
            for (Term t : request.terms()) {
                List<String> f = new ArrayList<>();
                for (String c : t.columns()) {
                    f.add(column(v, c, "term"));
                }
                terms.add(f.isEmpty() ? "1.0" : String.join(" * ", f));
            }
            List<String> miss = new ArrayList<>();
            for (String c : request.missingColumns()) {
                miss.add(column(v, c, "term") + " IS NULL");
            }
            String incomplete = miss.isEmpty() ? "false" : String.join(" OR ", miss);
            StringBuilder inner = new StringBuilder("SELECT ");
            for (int k = 0; k < keys.size(); k++) {
                inner.append(keys.get(k)).append(" AS k").append(k).append(", ");
            }
            for (Map.Entry<String, String> e : v.entrySet()) {
                inner.append(number(e.getKey(), "term")).append(" AS ").append(e.getValue()).append(", ");
            }
            inner.append("true AS one FROM data");
            String from = "(SELECT *, (" + incomplete + ") AS miss FROM (" + inner + ") AS i)";
            StringBuilder q = new StringBuilder("SELECT ");
            for (int k = 0; k < keys.size(); k++) {
                q.append("k").append(k).append(", ");
            }
            q.append("count(*) FILTER (WHERE NOT miss), count(*) FILTER (WHERE miss)");
            int cells = w.isEmpty() ? nt : w.size() * nt;
            if (w.isEmpty()) {
                for (int j = 0; j < nt; j++) {
                    q.append(", sum(").append(terms.get(j)).append(") FILTER (WHERE NOT miss)");
                }
            } else {
                for (int r = 0; r < w.size(); r++) {
                    for (int j = 0; j < nt; j++) {
                        q.append(", sum(").append(w.get(r)).append(" * ").append(terms.get(j))
                                .append(") FILTER (WHERE NOT miss)");
                    }
                }
            }
            for (int r = 0; r < w.size(); r++) {
                q.append(", min(").append(w.get(r)).append("), max(").append(w.get(r)).append("), count(*) - count(")
                        .append(w.get(r)).append(')');
            }
            q.append(" FROM ").append(from).append(" AS d");
            if (!keys.isEmpty()) {
                q.append(" GROUP BY ");
                for (int k = 0; k < keys.size(); k++) {
                    q.append(k == 0 ? "" : ", ").append('k').append(k);
                }
            }
            List<GroupedSums.Group> groups = new ArrayList<>();
            double[] min = new double[w.size()];
            double[] max = new double[w.size()];
            long[] wmiss = new long[w.size()];
            java.util.Arrays.fill(min, Double.NaN);
            java.util.Arrays.fill(max, Double.NaN);
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(q.toString())) {
                while (rs.next()) {
                    int col = 1;
                    List<String> kv = new ArrayList<>();
                    boolean nullKey = false;
                    for (int k = 0; k < keys.size(); k++) {
                        String l = label(g.get(k), rs.getObject(col++));
                        nullKey |= l == null;
                        kv.add(l);
                    }
                    long complete = rs.getLong(col++);
                    long missing = rs.getLong(col++);
                    double[] sums = new double[cells];
                    for (int c = 0; c < cells; c++) {
                        sums[c] = rs.getDouble(col++); // NULL (no complete row) reads as 0
                    }
                    for (int r = 0; r < w.size(); r++) {
                        double lo = rs.getDouble(col++);
                        boolean none = rs.wasNull();
                        double hi = rs.getDouble(col++);
                        wmiss[r] += rs.getLong(col++);
                        if (!none) {
                            min[r] = Double.isNaN(min[r]) ? lo : Math.min(min[r], lo);
                            max[r] = Double.isNaN(max[r]) ? hi : Math.max(max[r], hi);
                        }
                    }
                    if (!nullKey && (complete > 0 || missing > 0)) {
                        groups.add(new GroupedSums.Group(kv, complete, missing, sums));
                    }
                }
            } catch (SQLException e) {
                throw readError(file, e);
            }
            List<GroupedSums.WeightCheck> checks = new ArrayList<>();
            for (int r = 0; r < w.size(); r++) {
                checks.add(new GroupedSums.WeightCheck(request.weights().get(r), min[r], max[r], wmiss[r]));
            }
            return new GroupedSums(request, groups, checks);
        }

        private static String dbl(double x) {
            return "CAST(" + literal(Double.toString(x)) + " AS DOUBLE)";
        }

        @Override
        public IrlsStep irls(IrlsRequest request) {
            Objects.requireNonNull(request, "request");
            int p = request.parameters();
            int c0 = request.intercept() ? 1 : 0;
            List<String> x = new ArrayList<>();
            if (c0 == 1) {
                x.add("1.0");
            }
            for (String c : request.covariates()) {
                x.add(number(c, "covariate"));
            }
            String y = number(request.response(), "response");
            String off = request.offset() == null ? "0.0" : number(request.offset(), "offset");
            String wt = request.weight() == null ? "1.0" : number(request.weight(), "weight");
            List<String> keys = new ArrayList<>();
            for (String c : request.scoreGroups()) {
                keys.add(key(c));
            }
            double[] beta = request.beta();
            GlmKind kind = request.kind();
            // level 1: the model columns, complete rows flagged
            StringBuilder l1 = new StringBuilder("SELECT ");
            for (int j = 0; j < p; j++) {
                l1.append(x.get(j)).append(" AS x").append(j).append(", ");
            }
            for (int k = 0; k < keys.size(); k++) {
                l1.append(keys.get(k)).append(" AS k").append(k).append(", ");
            }
            l1.append(y).append(" AS y, ").append(off).append(" AS o, ").append(wt).append(" AS w FROM data");
            StringBuilder ok = new StringBuilder("y IS NOT NULL AND o IS NOT NULL AND w IS NOT NULL");
            for (int j = c0; j < p; j++) {
                ok.append(" AND x").append(j).append(" IS NOT NULL");
            }
            // level 2: eta and mu
            String eta;
            String mu;
            if (beta == null) {
                mu = start(kind, "y");
                eta = link(kind, "(" + mu + ")");
            } else {
                StringBuilder e = new StringBuilder("o");
                for (int j = 0; j < p; j++) {
                    e.append(" + ").append(dbl(beta[j])).append(" * x").append(j);
                }
                eta = e.toString();
                mu = mean(kind, "(" + eta + ")");
            }
            StringBuilder l2 = new StringBuilder("SELECT *, ").append(eta).append(" AS eta, ").append(mu)
                    .append(" AS mu FROM (").append(l1).append(") AS a WHERE ").append(ok);
            // level 3: derivative and variance
            String l3 = "SELECT *, " + derivative(kind) + " AS d, " + variance(kind) + " AS v FROM (" + l2 + ") AS b";
            // level 4: working weight, the score/z term, the deviance term
            String r = beta == null ? "(w * d * d / v) * (eta - o + (y - mu) / d)" : "w * d * (y - mu) / v";
            String l4 = "SELECT *, w * d * d / v AS ww, " + r + " AS r, w * " + deviance(kind) + " AS dev FROM ("
                    + l3 + ") AS c";
            StringBuilder q = new StringBuilder("SELECT count(*), sum(dev)");
            for (int j = 0; j < p; j++) {
                for (int l = j; l < p; l++) {
                    q.append(", sum(ww * x").append(j).append(" * x").append(l).append(')');
                }
            }
            for (int j = 0; j < p; j++) {
                q.append(", sum(r * x").append(j).append(')');
            }
            String from = " FROM (" + l4 + ") AS e";
            double[][] a = new double[p][p];
            double[] u = new double[p];
            double dev;
            long used;
            Map<List<String>, double[]> scores = new LinkedHashMap<>();
            try (Statement s = connection.createStatement()) {
                try (ResultSet rs = s.executeQuery(q + from)) {
                    rs.next();
                    used = rs.getLong(1);
                    dev = rs.getDouble(2);
                    int col = 3;
                    for (int j = 0; j < p; j++) {
                        for (int l = j; l < p; l++) {
                            a[j][l] = rs.getDouble(col++);
                            a[l][j] = a[j][l];
                        }
                    }
                    for (int j = 0; j < p; j++) {
                        u[j] = rs.getDouble(col++);
                    }
                }
                if (!keys.isEmpty()) {
                    StringBuilder gq = new StringBuilder("SELECT ");
                    for (int k = 0; k < keys.size(); k++) {
                        gq.append('k').append(k).append(", ");
                    }
                    for (int j = 0; j < p; j++) {
                        gq.append(j == 0 ? "" : ", ").append("sum(r * x").append(j).append(')');
                    }
                    gq.append(from).append(" GROUP BY ");
                    for (int k = 0; k < keys.size(); k++) {
                        gq.append(k == 0 ? "" : ", ").append('k').append(k);
                    }
                    try (ResultSet rs = s.executeQuery(gq.toString())) {
                        while (rs.next()) {
                            List<String> kv = new ArrayList<>();
                            boolean nullKey = false;
                            for (int k = 0; k < keys.size(); k++) {
                                String l = label(request.scoreGroups().get(k), rs.getObject(k + 1));
                                nullKey |= l == null;
                                kv.add(l);
                            }
                            double[] sc = new double[p];
                            for (int j = 0; j < p; j++) {
                                sc[j] = rs.getDouble(keys.size() + 1 + j);
                            }
                            if (!nullKey) {
                                scores.put(kv, sc);
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                throw readError(file, e);
            }
            return new IrlsStep(a, u, dev, used, rows - used, scores);
        }

        private static final String EPS = dbl(Math.ulp(1.0));

        private static String start(GlmKind k, String y) {
            switch (k) {
                case BINOMIAL_LOGIT:
                    return "(" + y + " + 0.5) / 2";
                case POISSON_LOG:
                    return y + " + 0.1";
                default:
                    return y;
            }
        }

        private static String link(GlmKind k, String mu) {
            switch (k) {
                case BINOMIAL_LOGIT:
                    return "ln(" + mu + " / (1 - " + mu + "))";
                case POISSON_LOG:
                    return "ln(" + mu + ")";
                default:
                    return mu;
            }
        }

        private static String mean(GlmKind k, String eta) {
            switch (k) {
                case BINOMIAL_LOGIT:
                    return "(CASE WHEN " + eta + " < -30 THEN " + EPS + " WHEN " + eta + " > 30 THEN 1 - " + EPS
                            + " ELSE 1 / (1 + exp(-" + eta + ")) END)";
                case POISSON_LOG:
                    return "greatest(exp(" + eta + "), " + EPS + ")";
                default:
                    return eta;
            }
        }

        private static String derivative(GlmKind k) {
            switch (k) {
                case BINOMIAL_LOGIT:
                    return "(CASE WHEN eta >= -30 AND eta <= 30 THEN greatest(mu * (1 - mu), " + EPS + ") ELSE " + EPS
                            + " END)";
                case POISSON_LOG:
                    return "greatest(exp(eta), " + EPS + ")";
                default:
                    return "1.0";
            }
        }

        private static String variance(GlmKind k) {
            switch (k) {
                case BINOMIAL_LOGIT:
                    return "mu * (1 - mu)";
                case POISSON_LOG:
                    return "mu";
                default:
                    return "1.0";
            }
        }

        private static String ylogy(String y, String mu) {
            return "(CASE WHEN " + y + " = 0 THEN 0.0 ELSE " + y + " * ln(" + y + " / " + mu + ") END)";
        }

        private static String deviance(GlmKind k) {
            switch (k) {
                case BINOMIAL_LOGIT:
                    return "2 * (" + ylogy("y", "mu") + " + " + ylogy("(1 - y)", "(1 - mu)") + ")";
                case POISSON_LOG:
                    return "2 * (" + ylogy("y", "mu") + " - (y - mu))";
                default:
                    return "(y - mu) * (y - mu)";
            }
        }

        @Override
        public String toString() {
            return "DuckDbEngine[" + file.getFileName() + ", " + rows + " rows, " + types.size() + " columns]";
        }
    }
}
