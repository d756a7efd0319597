package org.prevalence.engine.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.bootstrap.Bootstrap;

/**
 * A seeded, ACS-PUMS-shaped person file (synthetic; no real person in it) for benchmarks and
 * examples: strata ({@code STRATUM}, whole numbers), PSUs ({@code PSU}, unique whole numbers,
 * 15-35 persons each), the person weight {@code PWGTP}, 80 successive-difference replicate
 * weights {@code PWGTP1..PWGTP80}, a 0/1 {@code employed}, and {@code AGEP}, {@code SEX} (1/2),
 * {@code AGEGRP}, {@code REGION} (text) and {@code WAGP} (wages, 0 when not employed).
 *
 * <p><b>Replicates.</b> As the ACS (Fay and Train 1995; U.S. Census Bureau, ACS Design and
 * Methodology ch. 12): the PSUs in sort order (stratum, PSU) are assigned two rows
 * \( a_k = 1 + (k \bmod 79) \), \( b_k = 1 + ((k+1) \bmod 79) \) of an 80 x 80 Hadamard matrix
 * \( H \) (Paley's construction for q = 79), and every person of PSU \( k \) has replicate factor
 * \( f_{kr} = 1 + 2^{-3/2}(H_{a_k r} - H_{b_k r}) \in \{1 - 2^{-1/2}, 1, 1 + 2^{-1/2}\} \), so that
 * \( \frac{4}{80}\sum_r (\hat Y_r - \hat Y)^2 \) is the successive-difference variance of the PSU
 * totals.
 *
 * <p><b>Model.</b> Stratum \( h \) has base weight \( 50 + 10 (h \bmod 7) \) (persons' weights
 * vary by +/-20%, rounded to whole numbers), a stratum effect and a normal PSU effect (sd 0.5) on
 * the logit of being employed, so that clustering matters. PSU \( k \) draws from
 * {@code Bootstrap.generator(seed, k)}: the file is the same for a seed on every run.
 *
 * <p>This class is immutable.
 */
public final class PumsLike {
    /** Replicate weights, as the ACS. */
    public static final int REPLICATES = 80;
    private static final String[] REGIONS = {"Northeast", "Midwest", "South", "West"};
    private static final int[][] H = hadamard80();

    private final long rows;
    private final long seed;

    private PumsLike(long rows, long seed) {
        this.rows = rows;
        this.seed = seed;
    }

    /**
     * @param rows persons, &gt;= 100
     * @param seed the seed
     * @return the generator
     */
    public static PumsLike of(long rows, long seed) {
        if (rows < 100) {
            throw PrevalenceException.invalidArgument("--rows", "--rows must be >= 100, got %d", rows);
        }
        return new PumsLike(rows, seed);
    }

    /**
     * The 80 x 80 Hadamard matrix of Paley's first construction (q = 79, a prime = 3 mod 4):
     * \( H = I + S \), \( S = \begin{pmatrix} 0 &amp; 1^\top \\ -1 &amp; Q \end{pmatrix} \), \( Q_{ij} =
     * \chi(j - i) \) the quadratic character mod 79.
     * @return H, entries +/-1
     */
    static int[][] hadamard80() {
        int q = 79;
        boolean[] square = new boolean[q];
        for (int x = 1; x < q; x++) {
            square[(x * x) % q] = true;
        }
        int[][] h = new int[q + 1][q + 1];
        for (int i = 0; i <= q; i++) {
            for (int j = 0; j <= q; j++) {
                int s;
                if (i == 0) {
                    s = j == 0 ? 0 : 1;
                } else if (j == 0) {
                    s = -1;
                } else if (i == j) {
                    s = 0;
                } else {
                    s = square[Math.floorMod(j - i, q)] ? 1 : -1;
                }
                h[i][j] = (i == j ? 1 : 0) + s;
            }
        }
        return h;
    }

    /** @return the number of strata: rows / 10000, between 2 and 100 */
    public int strata() {
        return (int) Math.max(2, Math.min(100, rows / 10_000));
    }

    /**
     * Writes the file through DuckDB (a temporary database in the folder, deleted after).
     * @param file the file: Parquet when its name ends in {@code .parquet}, CSV (with a header) otherwise
     * @param threads DuckDB threads for the final copy (0 = all cores)
     */
    public void write(Path file, int threads) {
        boolean parquet = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
        Path db = file.resolveSibling(".pums-" + ProcessHandle.current().pid() + ".duckdb");
        try {
            Files.deleteIfExists(file);
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db)) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET autoinstall_known_extensions=false");
                    s.execute("SET autoload_known_extensions=false");
                    s.execute("SET threads=" + (threads == 0 ? Runtime.getRuntime().availableProcessors() : threads));
                    s.execute("SET memory_limit='1GB'");
                    s.execute("SET preserve_insertion_order=true");
                    StringBuilder ddl = new StringBuilder("CREATE TABLE pums (STRATUM INTEGER, PSU INTEGER, "
                            + "PWGTP DOUBLE");
                    for (int r = 1; r <= REPLICATES; r++) {
                        ddl.append(", PWGTP").append(r).append(" DOUBLE");
                    }
                    ddl.append(", employed INTEGER, AGEP INTEGER, SEX INTEGER, AGEGRP VARCHAR, REGION VARCHAR, "
                            + "WAGP DOUBLE)");
                    s.execute(ddl.toString());
                }
                fill(((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "pums"));
                try (Statement s = c.createStatement()) {
                    s.execute("COPY pums TO " + DuckDbEngine.literal(file.toString())
                            + (parquet ? " (FORMAT parquet)" : " (FORMAT csv, HEADER true)"));
                }
            }
        } catch (SQLException | java.io.IOException e) {
            throw PrevalenceException.invalidArgument("DIR", "cannot write %s: %s", file, e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(db);
                Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".wal"));
            } catch (java.io.IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }

    private void fill(DuckDBAppender a) throws SQLException {
        int strata = strata();
        double c = Math.pow(2, -1.5);
        long written = 0;
        int k = 0;
        double[] f = new double[REPLICATES];
        try (a) {
            for (int h = 0; h < strata; h++) {
                long target = rows * (h + 1) / strata;
                double base = 50 + 10 * (h % 7);
                double stratumEffect = -0.6 + 1.2 * h / Math.max(1, strata - 1);
                while (written < target) {
                    UniformRandomProvider g = Bootstrap.generator(seed, k);
                    ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(g);
                    int m = (int) Math.min(15 + g.nextInt(21), target - written);
                    int ra = 1 + k % 79;
                    int rb = 1 + (k + 1) % 79;
                    for (int r = 0; r < REPLICATES; r++) {
                        f[r] = 1 + c * (H[ra][r] - H[rb][r]); // Fay and Train (1995) SDR factor
                    }
                    double psuEffect = 0.5 * z.sample();
                    for (int i = 0; i < m; i++) {
                        int age = 16 + g.nextInt(75);
                        double w = Math.rint(base * (0.8 + 0.4 * g.nextDouble()));
                        double eta = 0.3 + stratumEffect + psuEffect + (age < 25 ? -0.8 : age >= 65 ? -1.6 : 0.4);
                        int employed = g.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
                        a.beginRow();
                        a.append(h + 1).append(k + 1).append(w);
                        for (int r = 0; r < REPLICATES; r++) {
                            a.append(w * f[r]);
                        }
                        a.append(employed).append(age).append(1 + g.nextInt(2))
                                .append(age < 25 ? "16-24" : age < 45 ? "25-44" : age < 65 ? "45-64" : "65+")
                                .append(REGIONS[h % 4])
                                .append(employed == 1 ? Math.rint(Math.exp(10 + 0.6 * z.sample())) : 0.0);
                        a.endRow();
                    }
                    written += m;
                    k++;
                }
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PumsLike[%d rows, %d strata, %d replicate weights, seed %d]", rows,
                strata(), REPLICATES, seed);
    }
}
