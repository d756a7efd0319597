package org.prevalence.core.engine;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.prevalence.core.bootstrap.Bootstrap;

/**
 * The seeded data every engine is checked on (test-jar): {@value #ROWS} rows of a stratified
 * cluster sample with replicate weights, missing values and every column type. Columns:
 * {@code stratum} (text S1..S6), {@code psu} (whole numbers, unique), {@code w} (weight),
 * {@code rep1..rep8} (replicate weights, some 0), {@code y} (numbers, NaN in about 1% of rows),
 * {@code x} (positive numbers), {@code employed} (0/1), {@code region} (text, empty = missing in
 * about 2%), {@code flag} (logical), {@code half} (0.5 or 1.5, a non-whole numeric key).
 * Test-only: generated, no personal data.
 */
public final class ConformanceData {
    /** Rows. */
    public static final int ROWS = 3000;
    /** Replicate-weight columns rep1..rep{@value}. */
    public static final int REPLICATES = 8;

    final String[] stratum = new String[ROWS];
    final double[] psu = new double[ROWS];
    final double[] w = new double[ROWS];
    final double[][] rep = new double[REPLICATES][ROWS];
    final double[] y = new double[ROWS];
    final double[] x = new double[ROWS];
    final double[] employed = new double[ROWS];
    final String[] region = new String[ROWS];
    final double[] flag = new double[ROWS];
    final double[] half = new double[ROWS];
    final double[] fpc = new double[ROWS];

    /** @param seed the seed */
    public ConformanceData(long seed) {
        UniformRandomProvider g = Bootstrap.generator(seed, 0);
        String[] regions = {"North", "South", "East", "West"};
        for (int i = 0; i < ROWS; i++) {
            int h = g.nextInt(6);
            stratum[i] = "S" + (h + 1);
            psu[i] = h * 10 + g.nextInt(8) + 1;
            w[i] = 20 + 80 * g.nextDouble();
            for (int r = 0; r < REPLICATES; r++) {
                double f = g.nextDouble() < 0.1 ? 0 : 0.5 + g.nextDouble();
                rep[r][i] = w[i] * f;
            }
            x[i] = 1 + 9 * g.nextDouble();
            y[i] = g.nextDouble() < 0.01 ? Double.NaN : 3 * x[i] + 10 * (g.nextDouble() - 0.5);
            employed[i] = g.nextDouble() < 0.3 + 0.05 * h ? 1 : 0;
            region[i] = g.nextDouble() < 0.02 ? "" : regions[g.nextInt(4)];
            flag[i] = g.nextBoolean() ? 1 : 0;
            half[i] = g.nextBoolean() ? 0.5 : 1.5;
            fpc[i] = 12 + 3 * h;
        }
    }

    /** @return the replicate-weight column names */
    public static List<String> replicateColumns() {
        List<String> c = new ArrayList<>();
        for (int r = 1; r <= REPLICATES; r++) {
            c.add("rep" + r);
        }
        return c;
    }

    /** @return the in-JVM engine over these data (the reference) */
    public MemoryEngine memoryEngine() {
        MemoryEngine.Builder b = MemoryEngine.builder(ROWS);
        b.text("stratum", codes(stratum), levels(stratum)).numeric("psu", psu).numeric("w", w);
        for (int r = 0; r < REPLICATES; r++) {
            b.numeric("rep" + (r + 1), rep[r]);
        }
        return b.numeric("y", y).numeric("x", x).numeric("employed", employed)
                .text("region", codes(region), levels(region)).logical("flag", flag).numeric("half", half)
                .numeric("fpc", fpc).build();
    }

    private static List<String> levels(String[] s) {
        return new ArrayList<>(new java.util.TreeSet<>(java.util.Arrays.asList(s)));
    }

    private static int[] codes(String[] s) {
        List<String> lv = levels(s);
        int[] c = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            c[i] = lv.indexOf(s[i]);
        }
        return c;
    }

    /** @return the data as a Tablesaw table (the in-JVM estimators' input), named "conformance" */
    public tech.tablesaw.api.Table table() {
        tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("conformance");
        t.addColumns(tech.tablesaw.api.StringColumn.create("stratum", stratum),
                tech.tablesaw.api.DoubleColumn.create("psu", psu), tech.tablesaw.api.DoubleColumn.create("w", w));
        for (int r = 0; r < REPLICATES; r++) {
            t.addColumns(tech.tablesaw.api.DoubleColumn.create("rep" + (r + 1), rep[r]));
        }
        tech.tablesaw.api.BooleanColumn f = tech.tablesaw.api.BooleanColumn.create("flag", ROWS);
        for (int i = 0; i < ROWS; i++) {
            f.set(i, flag[i] == 1);
        }
        t.addColumns(tech.tablesaw.api.DoubleColumn.create("y", y), tech.tablesaw.api.DoubleColumn.create("x", x),
                tech.tablesaw.api.DoubleColumn.create("employed", employed),
                tech.tablesaw.api.StringColumn.create("region", region), f,
                tech.tablesaw.api.DoubleColumn.create("half", half), tech.tablesaw.api.DoubleColumn.create("fpc", fpc));
        return t;
    }

    /**
     * Writes the data as Parquet the way every engine test does: as CSV ({@link #writeCsv}) in
     * {@code dir}, then converted by the given reader (DuckDB's, at test time).
     * @param dir a temporary directory
     * @param csvToParquet converts a CSV file (first argument) to a Parquet file (second)
     * @return the Parquet file, {@code dir/data.parquet}
     * @throws IOException if the CSV file cannot be written
     */
    public Path writeParquet(Path dir, java.util.function.BiConsumer<Path, Path> csvToParquet) throws IOException {
        Path csv = dir.resolve("data.csv");
        writeCsv(csv);
        Path parquet = dir.resolve("data.parquet");
        csvToParquet.accept(csv, parquet);
        return parquet;
    }

    /**
     * Writes the data as CSV (header; numbers by {@link Double#toString(double)}, so they are read
     * back exactly; NaN and missing text as empty cells; the logical as {@code true}/{@code false}).
     * @param file the file
     * @throws IOException if it cannot be written
     */
    public void writeCsv(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder h = new StringBuilder("stratum,psu,w");
            for (String c : replicateColumns()) {
                h.append(',').append(c);
            }
            out.write(h.append(",y,x,employed,region,flag,half,fpc\n").toString());
            for (int i = 0; i < ROWS; i++) {
                StringBuilder s = new StringBuilder();
                s.append(stratum[i]).append(',').append((long) psu[i]).append(',').append(w[i]);
                for (int r = 0; r < REPLICATES; r++) {
                    s.append(',').append(rep[r][i]);
                }
                s.append(',').append(Double.isNaN(y[i]) ? "" : Double.toString(y[i])).append(',').append(x[i])
                        .append(',').append((long) employed[i]).append(',').append(region[i]).append(',')
                        .append(flag[i] == 1).append(',').append(half[i]).append(',').append((long) fpc[i]).append('\n');
                out.write(s.toString());
            }
        }
    }
}
