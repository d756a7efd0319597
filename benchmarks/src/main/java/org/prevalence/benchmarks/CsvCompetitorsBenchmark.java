package org.prevalence.benchmarks;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.prevalence.core.io.CsvColumns;
import org.prevalence.core.io.CsvReader;

/**
 * Question: is the column reader ({@code CsvReader}) faster than the maintained alternatives, on
 * the same file and for the same work: the five columns a survey design needs (stratum, psu, ssu as
 * categories; w, y as doubles) parsed into columns?
 *
 * <ul>
 *   <li>{@code columnReader}: {@code CsvReader} at 1 or 2 threads;</li>
 *   <li>{@code fastCsv}: FastCSV 3.4.0 (MIT) records, categories dictionary-encoded by a
 *       {@code HashMap}, numbers by {@code Double.parseDouble} (FastCSV reads on one thread);</li>
 *   <li>{@code duckDb}: DuckDB 2.0.0.1 embedded, {@code CREATE TABLE AS SELECT stratum, psu, ssu, w, y
 *       FROM read_csv(file)} into its own columnar storage, at 1 or 2 threads ({@code SET threads}),
 *       extension auto-install and auto-load off. That is the bar: DuckDB's parse into
 *       columns, without the cost of fetching them row by row through JDBC.</li>
 * </ul>
 *
 * <p>The file is {@code CsvThroughputBenchmark}'s seeded sample (7 columns, 50 strata, 2,000 PSUs
 * per 1,000,000 rows, 39 MB at 1 M rows), or the file {@code -Dprevalence.csv=FILE} names.
 *
 * <p>Measured 2026-12-03 (2 cores, load 1.0-1.4, {@code -f 1 -wi 3 -i 5}, 1 M rows, 39.0 MB), ms/op:
 * column reader 263.8 &plusmn; 43.8 (1 thread), 186.5 &plusmn; 44.0 (2 threads); DuckDB 327.7 &plusmn; 101.0
 * (1), 237.2 &plusmn; 28.9 (2); FastCSV 379.7 &plusmn; 58.9 (one thread either way). DuckDB types
 * stratum, psu and ssu as integers by its own detection, which is cheaper than our dictionary
 * encoding, so the comparison leans its way.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CsvCompetitorsBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class CsvCompetitorsBenchmark {
    @Param({"1000000"})
    public int rows;

    @Param({"1", "2"})
    public int threads;

    Path file; // non-final on purpose
    CsvReader reader;
    Connection duck;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        String named = System.getProperty("prevalence.csv");
        file = named != null ? Path.of(named)
                : Path.of(System.getProperty("java.io.tmpdir"), "prevalence-survey-" + rows + ".csv");
        if (!Files.exists(file)) {
            CsvThroughputBenchmark.write(file, rows, 20261203L);
        }
        reader = CsvReader.withDefaults().withColumn("stratum", CsvReader.Kind.CATEGORY)
                .withColumn("psu", CsvReader.Kind.CATEGORY).withColumn("ssu", CsvReader.Kind.CATEGORY)
                .withColumn("w", CsvReader.Kind.NUMBER).withColumn("y", CsvReader.Kind.NUMBER)
                .withThreads(threads);
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = duck.createStatement()) {
            s.execute("SET autoinstall_known_extensions = false");
            s.execute("SET autoload_known_extensions = false");
            s.execute("SET threads = " + threads);
        }
        try {
            System.out.printf(Locale.ROOT, "%n# file %s, %.1f MB, %d thread(s)%n", file, Files.size(file) / 1e6,
                    threads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        duck.close();
    }

    @Benchmark
    public CsvColumns columnReader() {
        return reader.read(file);
    }

    /** FastCSV has no parallel path: measured at {@code threads=1} only (the 2-thread row repeats it). */
    @Benchmark
    public double[] fastCsv() throws IOException {
        double[] w = new double[rows];
        double[] y = new double[rows];
        int[][] codes = new int[3][rows];
        @SuppressWarnings("unchecked")
        Map<String, Integer>[] dict = new Map[] {new HashMap<>(), new HashMap<>(), new HashMap<>()};
        int[] at = new int[5];
        try (de.siegmar.fastcsv.reader.CsvReader<CsvRecord> csv =
                de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(file)) {
            int n = 0;
            boolean header = true;
            for (CsvRecord r : csv) {
                if (header) {
                    String[] names = {"stratum", "psu", "ssu", "w", "y"};
                    for (int k = 0; k < 5; k++) {
                        at[k] = r.getFields().indexOf(names[k]);
                    }
                    header = false;
                    continue;
                }
                for (int k = 0; k < 3; k++) {
                    Map<String, Integer> d = dict[k];
                    codes[k][n] = d.computeIfAbsent(r.getField(at[k]), key -> d.size());
                }
                w[n] = Double.parseDouble(r.getField(at[3]));
                y[n] = Double.parseDouble(r.getField(at[4]));
                n++;
            }
        }
        return y;
    }

    @Benchmark
    public long duckDb() throws SQLException {
        try (Statement s = duck.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE sample AS SELECT stratum, psu, ssu, w, y FROM read_csv('"
                    + file.toString().replace("'", "''") + "')");
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM sample")) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
