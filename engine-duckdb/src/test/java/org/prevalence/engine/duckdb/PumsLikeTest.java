package org.prevalence.engine.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.core.engine.ColumnType;
import org.prevalence.core.engine.GroupedSums;
import org.prevalence.core.engine.SumRequest;
import org.prevalence.core.engine.Term;

/** The PUMS-like generator: its Hadamard matrix, its columns, and determinism. */
class PumsLikeTest {
    @Test
    void hadamardRowsAreOrthogonal() {
        // closed form: H H' = 80 I for a Hadamard matrix of order 80
        int[][] h = PumsLike.hadamard80();
        for (int i = 0; i < 80; i++) {
            for (int j = 0; j < 80; j++) {
                int s = 0;
                for (int r = 0; r < 80; r++) {
                    assertTrue(h[i][r] == 1 || h[i][r] == -1);
                    s += h[i][r] * h[j][r];
                }
                assertEquals(i == j ? 80 : 0, s, "row " + i + " . row " + j);
            }
        }
    }

    @Test
    void writesTheSameFileForASeed(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.parquet");
        Path b = dir.resolve("b.csv");
        PumsLike.of(2000, 7).write(a, 1);
        PumsLike.of(2000, 7).write(b, 1);
        try (DuckDbEngine.Engine ea = DuckDbEngine.withDefaults().withThreads(1).open(a);
             DuckDbEngine.Engine eb = DuckDbEngine.withDefaults().withThreads(1).open(b)) {
            assertEquals(2000, ea.rows());
            assertEquals(2000, eb.rows());
            assertEquals(ColumnType.NUMBER, ea.columns().get("PWGTP80"));
            assertEquals(ColumnType.TEXT, ea.columns().get("AGEGRP"));
            assertEquals(3 + 80 + 6, ea.columns().size());
            SumRequest r = SumRequest.of(List.of("STRATUM"), List.of("PWGTP", "PWGTP1", "PWGTP80"),
                    List.of(Term.one(), Term.of("employed")));
            GroupedSums sa = ea.sums(r);
            GroupedSums sb = eb.sums(r);
            assertEquals(2, sa.groups().size());
            for (GroupedSums.Group g : sa.groups()) {
                double[] x = g.sums();
                double[] y = sb.group(g.keys()).sums();
                for (int k = 0; k < x.length; k++) {
                    assertEquals(x[k], y[k], 1e-9 * Math.abs(x[k]), "CSV and Parquet hold the same data");
                }
            }
        }
        assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().endsWith(".duckdb")), "temp db removed");
    }
}
