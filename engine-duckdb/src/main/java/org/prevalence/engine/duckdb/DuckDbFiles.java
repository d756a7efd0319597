package org.prevalence.engine.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.engine.ColumnType;
import org.prevalence.core.engine.EngineErrors;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * File conversions through an embedded DuckDB (extensions off): CSV to Parquet, and a Parquet or
 * CSV file's columns into a Tablesaw table for the in-JVM path.
 */
public final class DuckDbFiles {
    private DuckDbFiles() {
    }

    /**
     * Writes a CSV file (with a header; DuckDB's type detection) as a Parquet file.
     * @param csv the CSV file
     * @param parquet the Parquet file written
     */
    public static void csvToParquet(Path csv, Path parquet) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM read_csv(" + DuckDbEngine.literal(csv.toString()) + ", header=true)) TO "
                    + DuckDbEngine.literal(parquet.toString()) + " (FORMAT parquet)");
        } catch (SQLException e) {
            throw DuckDbEngine.readError(csv, e);
        }
    }

    /**
     * Runs one SQL statement on a fresh connection (extensions off), e.g. a {@code COPY ... TO}.
     * @param sql the statement
     * @param threads DuckDB threads (0 = all cores)
     * @param memoryLimit DuckDB's memory limit, e.g. {@code 1GB}
     * @param where for the error message
     */
    public static void execute(String sql, int threads, String memoryLimit, Path where) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SET threads=" + (threads == 0 ? Runtime.getRuntime().availableProcessors() : threads));
            s.execute("SET memory_limit=" + DuckDbEngine.literal(memoryLimit));
            s.execute("SET preserve_insertion_order=false");
            s.execute(sql);
        } catch (SQLException e) {
            throw DuckDbEngine.readError(where, e);
        }
    }

    static Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = c.createStatement()) {
            s.execute("SET autoinstall_known_extensions=false");
            s.execute("SET autoload_known_extensions=false");
        }
        return c;
    }

    /**
     * Reads columns of a Parquet or CSV file into a Tablesaw table: numbers as doubles (NULL and NaN
     * missing), booleans as booleans, the rest as text (NULL as empty).
     * @param file the file
     * @param columns the columns wanted (null for every column)
     * @param threads DuckDB threads (0 = all cores)
     * @return the table, named after the file
     */
    public static Table readTable(Path file, Collection<String> columns, int threads) {
        try (DuckDbEngine.Engine e = DuckDbEngine.withDefaults().withThreads(threads).open(file)) {
            Map<String, ColumnType> types = e.columns();
            List<String> names = new ArrayList<>();
            if (columns == null) {
                names.addAll(types.keySet());
            } else {
                for (String c : columns) {
                    EngineErrors.requireColumn(c, types);
                    if (!names.contains(c)) {
                        names.add(c);
                    }
                }
            }
            int n = Math.toIntExact(e.rows());
            Table t = Table.create(file.getFileName().toString());
            Object[] cols = new Object[names.size()];
            StringBuilder q = new StringBuilder("SELECT ");
            for (int k = 0; k < names.size(); k++) {
                String name = names.get(k);
                q.append(k == 0 ? "" : ", ").append(DuckDbEngine.ident(name));
                ColumnType ty = types.get(name);
                cols[k] = ty == ColumnType.NUMBER ? new double[n] : ty == ColumnType.LOGICAL ? new Boolean[n] : new String[n];
            }
            q.append(" FROM data");
            try (Statement s = e.connection().createStatement(); ResultSet rs = s.executeQuery(q.toString())) {
                int i = 0;
                while (rs.next()) {
                    for (int k = 0; k < cols.length; k++) {
                        if (cols[k] instanceof double[] d) {
                            double v = rs.getDouble(k + 1);
                            d[i] = rs.wasNull() ? Double.NaN : v;
                        } else if (cols[k] instanceof Boolean[] b) {
                            boolean v = rs.getBoolean(k + 1);
                            b[i] = rs.wasNull() ? null : v;
                        } else {
                            String v = rs.getString(k + 1);
                            ((String[]) cols[k])[i] = v == null ? "" : v;
                        }
                    }
                    i++;
                }
            } catch (SQLException ex) {
                throw DuckDbEngine.readError(file, ex);
            }
            for (int k = 0; k < cols.length; k++) {
                String name = names.get(k);
                if (cols[k] instanceof double[] d) {
                    t.addColumns(DoubleColumn.create(name, d));
                } else if (cols[k] instanceof Boolean[] b) {
                    BooleanColumn bc = BooleanColumn.create(name, n);
                    for (int i = 0; i < n; i++) {
                        if (b[i] != null) {
                            bc.set(i, b[i]);
                        }
                    }
                    t.addColumns(bc);
                } else {
                    t.addColumns(StringColumn.create(name, (String[]) cols[k]));
                }
            }
            return t;
        } catch (ArithmeticException ex) {
            throw PrevalenceException.invalidArgument("--engine", "the file has more rows than the in-JVM engine can "
                    + "hold (2^31 - 1); use --engine duckdb");
        }
    }
}
