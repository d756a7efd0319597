package org.prevalence.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Warmup;
import org.prevalence.core.io.CsvColumns;
import org.prevalence.core.io.CsvInput;
import org.prevalence.core.io.CsvReader;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Question: how fast is a survey sample CSV read, in MB/s (file size / time per read), by the
 * column reader ({@code CsvReader}, the five columns a design needs, 1 or 2 threads) against
 * Tablesaw's own CSV reader and the previous whole-table reader ({@code CsvInput})?
 *
 * <p>The file (a stratified two-stage sample: 50 strata, 2,000 PSUs per 1,000,000 rows, columns
 * stratum, psu, ssu, w, y, x, region) is written once, seeded, under the system temporary
 * directory unless {@code -Dprevalence.csv=FILE} names one.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CsvThroughputBenchmark -p rows=1000000}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class CsvThroughputBenchmark {
    @Param({"1000000"})
    public int rows;

    Path file; // non-final on purpose
    CsvReader oneThread;
    CsvReader twoThreads;

    @Setup(Level.Trial)
    public void setUp() {
        String named = System.getProperty("prevalence.csv");
        file = named != null ? Path.of(named)
                : Path.of(System.getProperty("java.io.tmpdir"), "prevalence-survey-" + rows + ".csv");
        if (!Files.exists(file)) {
            write(file, rows, 20261203L);
        }
        CsvReader r = CsvReader.withDefaults().withColumn("stratum", CsvReader.Kind.CATEGORY)
                .withColumn("psu", CsvReader.Kind.CATEGORY).withColumn("ssu", CsvReader.Kind.CATEGORY)
                .withColumn("w", CsvReader.Kind.NUMBER).withColumn("y", CsvReader.Kind.NUMBER);
        oneThread = r.withThreads(1);
        twoThreads = r.withThreads(2);
        try {
            System.out.printf(Locale.ROOT, "%n# file %s, %.1f MB%n", file, Files.size(file) / 1e6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the seeded sample (the same layout as benchmarks/scripts/make_survey_csv.py). */
    static void write(Path f, int rows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int psus = Math.max(100, (int) ((long) rows * 2000 / 1_000_000));
        int perPsu = rows / psus;
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("stratum,psu,ssu,w,y,x,region\n");
            int written = 0;
            for (int p = 0; p < psus; p++) {
                int stratum = p % 50 + 1;
                double wPsu = 50 + rng.nextDouble() * 400;
                int k = p < psus - 1 ? perPsu : rows - written;
                for (int i = 0; i < k; i++) {
                    w.write(String.format(Locale.ROOT, "%d,%d,%d,%.4f,%.6f,%.5f,R%d%n", stratum, p + 1, i % 5 + 1,
                            wPsu * (1 + rng.nextDouble()), stratum + 3 * gauss(rng), rng.nextDouble(), stratum % 6));
                }
                written += k;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Benchmark
    public CsvColumns columnReaderOneThread() {
        return oneThread.read(file);
    }

    @Benchmark
    public CsvColumns columnReaderTwoThreads() {
        return twoThreads.read(file);
    }

    @Benchmark
    public Table tablesaw() throws IOException {
        return Table.read().csv(CsvReadOptions.builder(file.toFile()).build());
    }

    @Benchmark
    public Table wholeTableCsvInput() {
        return CsvInput.withDefaults().read(file);
    }
}
