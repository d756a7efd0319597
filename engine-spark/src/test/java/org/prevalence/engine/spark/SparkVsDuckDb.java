package org.prevalence.engine.spark;

import java.nio.file.*;
import java.sql.*;
import java.util.*;
import org.prevalence.core.engine.*;
import org.prevalence.core.survey.*;
import org.prevalence.engine.duckdb.PumsLike;

import org.prevalence.survey.*;
/**
 * The README measurement, run by hand (not a test): raw DuckDB SQL (2 threads) against Spark local[2] through
 * EngineSurvey, SDR totals of employed by REGION, in one JVM. Arguments: rows, Parquet file (written by PumsLike,
 * seed 1, when absent), repetitions.
 */
public final class SparkVsDuckDb {
  private SparkVsDuckDb() {
  }

  public static void main(String[] a) throws Exception {
    long rows = Long.parseLong(a[0]);
    Path file = Path.of(a[1]);
    if (!Files.exists(file)) {
      long t = System.nanoTime();
      PumsLike.of(rows, 1).write(file, 2);
      System.out.printf("generated %d rows in %.1f s, %d MB%n", rows, (System.nanoTime() - t) / 1e9, Files.size(file) >> 20);
    }
    List<String> reps = new ArrayList<>();
    for (int r = 1; r <= 80; r++) reps.add("PWGTP" + r);
    StringBuilder q = new StringBuilder("SELECT REGION, sum(PWGTP * employed)");
    for (String r : reps) q.append(", sum(").append(r).append(" * employed)");
    q.append(" FROM read_parquet('").append(file).append("') GROUP BY REGION ORDER BY REGION");
    Properties p = new Properties();
    p.setProperty("autoinstall_known_extensions", "false");
    p.setProperty("threads", "2");
    for (int rep = 0; rep < Integer.parseInt(a.length > 2 ? a[2] : "2"); rep++) {
      long t = System.nanoTime();
      StringBuilder out = new StringBuilder();
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:", p); Statement s = c.createStatement();
           ResultSet rs = s.executeQuery(q.toString())) {
        while (rs.next()) {
          double full = rs.getDouble(2); double ss = 0;
          for (int r = 0; r < 80; r++) { double d = rs.getDouble(3 + r) - full; ss += d * d; }
          out.append(String.format(Locale.ROOT, " %s %.6f (SE %.6f)", rs.getString(1), full, Math.sqrt(4.0 / 80 * ss)));
        }
      }
      System.out.printf("duckdb raw SQL: %.2f s%s%n", (System.nanoTime() - t) / 1e9, out);
    }
    long t0 = System.nanoTime();
    try (SparkEngine e = SparkEngine.withDefaults().withThreads(2).open(file)) {
      System.out.printf("spark local[2] session + open: %.2f s%n", (System.nanoTime() - t0) / 1e9);
      EngineSurvey s = EngineSurvey.withDefaults().withWeights("PWGTP")
          .withReplicateWeights(new ReplicateWeightSpec(reps, ReplicateMethod.SDR, 4.0 / 80, null, ReplicateCentre.FULL_SAMPLE));
      for (int rep = 0; rep < Integer.parseInt(a.length > 2 ? a[2] : "2"); rep++) {
        long t = System.nanoTime();
        EngineSurvey.Result r = s.total(e, "employed", "REGION");
        StringBuilder out = new StringBuilder();
        for (SurveyEstimate x : r.getEstimates()) out.append(String.format(Locale.ROOT, " %.6f (SE %.6f)", x.getEstimate(), x.getStandardError()));
        System.out.printf("spark EngineSurvey total by REGION, SDR: %.2f s%s%n", (System.nanoTime() - t) / 1e9, out);
      }
    }
  }
}
