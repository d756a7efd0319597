import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The raw-SQL baseline of the engine benchmark (README "Beyond one heap"): per-domain totals of employed
 * with their SDR standard errors computed by one DuckDB query, extensions off, the same settings as
 * the duckdb engine. Run: java -cp duckdb_jdbc.jar RawSdrSql.java FILE.parquet THREADS MEMORY
 */
public class RawSdrSql {
    public static void main(String[] a) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET autoinstall_known_extensions=false");
            s.execute("SET autoload_known_extensions=false");
            s.execute("SET threads=" + a[1]);
            s.execute("SET memory_limit='" + a[2] + "'");
            StringBuilder q = new StringBuilder("WITH t AS (SELECT REGION, sum(PWGTP * employed) AS y0");
            for (int r = 1; r <= 80; r++) {
                q.append(", sum(PWGTP").append(r).append(" * employed) AS y").append(r);
            }
            q.append(" FROM read_parquet('").append(a[0]).append("') GROUP BY REGION) SELECT REGION, y0, sqrt(4.0/80 * (");
            for (int r = 1; r <= 80; r++) {
                q.append(r == 1 ? "" : " + ").append("(y").append(r).append(" - y0)^2");
            }
            q.append(")) AS se FROM t ORDER BY REGION");
            try (ResultSet rs = s.executeQuery(q.toString())) {
                while (rs.next()) {
                    System.out.printf("%s %.10g %.10g%n", rs.getString(1), rs.getDouble(2), rs.getDouble(3));
                }
            }
        }
        System.out.printf("raw SQL query: %.2f s%n", (System.nanoTime() - t0) / 1e9);
    }
}
