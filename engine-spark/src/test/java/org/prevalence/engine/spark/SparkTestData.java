package org.prevalence.engine.spark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;

/** Test files written by DuckDB (an independent Parquet writer), extensions never downloaded. */
final class SparkTestData {
    private SparkTestData() {
    }

    /**
     * @param name a directory name under target/
     * @param given the directory the conformance class gives (used when it is set)
     * @return an empty directory for test files
     */
    static Path directory(String name, Path given) throws java.io.IOException {
        if (given != null) {
            return given;
        }
        Path d = Path.of("target", name);
        if (java.nio.file.Files.exists(d)) {
            try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(d)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return java.nio.file.Files.createDirectories(d);
    }

    /** Copies a CSV file into a Parquet file with DuckDB's type detection. */
    static void csvToParquet(Path csv, Path parquet) throws Exception {
        sql("COPY (SELECT * FROM read_csv('" + csv + "', header = true)) TO '" + parquet + "' (FORMAT parquet)");
    }

    /** Runs statements on an in-memory DuckDB. */
    static void sql(String... statements) throws Exception {
        Properties p = new Properties();
        p.setProperty("autoinstall_known_extensions", "false");
        p.setProperty("autoload_known_extensions", "false");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:", p); Statement s = c.createStatement()) {
            for (String q : statements) {
                s.execute(q);
            }
        }
    }
}
