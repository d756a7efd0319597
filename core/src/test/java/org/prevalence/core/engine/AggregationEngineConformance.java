package org.prevalence.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;

/**
 * The conformance test every {@link AggregationEngine} passes (core test-jar): on the seeded
 * {@link ConformanceData}, every sum, count and IRLS figure equals that of {@link MemoryEngine}
 * (the reference: plain row-order sums over the arrays) to {@value #REL} relative, and the errors
 * name the column. A subclass writes the data in its engine's format and opens the engine:
 * <pre>
 * class DuckDbConformanceTest extends AggregationEngineConformance {
 *     protected AggregationEngine open(ConformanceData data, Path dir) throws Exception {
 *         Path csv = dir.resolve("data.csv");
 *         data.writeCsv(csv);
 *         return DuckDbEngine.open(csv, ...);
 *     }
 * }</pre>
 * The engine under test must read {@code psu}, {@code w}, {@code rep*}, {@code y}, {@code x},
 * {@code employed}, {@code half} as numbers, {@code stratum} and {@code region} as text (empty
 * = missing) and {@code flag} as a logical.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AggregationEngineConformance {
    /** The agreement required of every figure, relative (exact for zeros). */
    public static final double REL = 1e-9;
    /** The data's seed. */
    public static final long SEED = 20261203L;

    private ConformanceData data;
    private MemoryEngine reference;
    private AggregationEngine engine;

    /**
     * Writes the data where the engine reads them and opens the engine.
     * @param data the data
     * @param dir a temporary directory for files
     * @return the engine under test
     * @throws Exception if the data cannot be written or the engine opened
     */
    protected abstract AggregationEngine open(ConformanceData data, Path dir) throws Exception;

    @BeforeAll
    void openEngines(@TempDir Path dir) throws Exception {
        data = new ConformanceData(SEED);
        reference = data.memoryEngine();
        engine = open(data, dir);
    }

    @AfterAll
    void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    /** @return the engine under test (for subclasses' own tests) */
    protected AggregationEngine engine() {
        return engine;
    }

    private void assertSame(SumRequest req) {
        GroupedSums want = reference.sums(req);
        GroupedSums got = engine.sums(req);
        List<List<String>> wantKeys = new ArrayList<>();
        want.groups().forEach(g -> wantKeys.add(g.keys()));
        List<List<String>> gotKeys = new ArrayList<>();
        got.groups().forEach(g -> gotKeys.add(g.keys()));
        assertEquals(wantKeys, gotKeys, "group keys of " + req);
        for (GroupedSums.Group g : want.groups()) {
            GroupedSums.Group o = got.group(g.keys());
            assertEquals(g.rows(), o.rows(), "rows of " + g.keys());
            assertEquals(g.missing(), o.missing(), "missing of " + g.keys());
            double[] a = g.sums();
            double[] b = o.sums();
            assertEquals(a.length, b.length);
            for (int k = 0; k < a.length; k++) {
                Tolerance.assertRelative(a[k], b[k], REL, "sum " + k + " of group " + g.keys() + " in " + req);
            }
        }
        for (int r = 0; r < want.weightChecks().size(); r++) {
            GroupedSums.WeightCheck a = want.weightChecks().get(r);
            GroupedSums.WeightCheck b = got.weightChecks().get(r);
            assertEquals(a.column(), b.column());
            assertEquals(a.min(), b.min(), 0.0, "min of " + a.column());
            assertEquals(a.max(), b.max(), 0.0, "max of " + a.column());
            assertEquals(a.missing(), b.missing(), "missing of " + a.column());
        }
    }

    @Test
    void columnsAndRows() {
        assertEquals(ConformanceData.ROWS, engine.rows());
        Map<String, ColumnType> c = engine.columns();
        assertEquals(reference.columns(), c, "column names and types");
        assertNotNull(engine.name());
    }

    @Test
    void wholeSampleWeightedSums() {
        assertSame(SumRequest.of(List.of(), List.of("w"), List.of(Term.one(), Term.of("y"), Term.of("x"),
                Term.product("y", "y"), Term.product("y", "x"))));
    }

    @Test
    void domainSumsForEveryReplicate() {
        List<String> weights = new ArrayList<>(List.of("w"));
        weights.addAll(ConformanceData.replicateColumns());
        assertSame(SumRequest.of(List.of("region"), weights, List.of(Term.one(), Term.of("y"), Term.of("employed"))));
        assertSame(SumRequest.of(List.of("region", "flag"), weights, List.of(Term.of("x"))));
    }

    @Test
    void psuSumsForLinearization() {
        assertSame(SumRequest.of(List.of("region", "stratum", "psu"), List.of("w"),
                List.of(Term.one(), Term.of("y"), Term.of("x"), Term.product("y", "y"))));
    }

    @Test
    void numericLogicalAndNonWholeKeys() {
        assertSame(SumRequest.of(List.of("employed", "half", "flag"), List.of("w"), List.of(Term.of("x"))));
    }

    @Test
    void unweightedSumsAndCounts() {
        assertSame(SumRequest.of(List.of("stratum"), List.of(), List.of(Term.of("y"), Term.one())));
        assertSame(SumRequest.counts(List.of("stratum", "region")));
        GroupedSums c = engine.counts(SumRequest.counts(List.of("flag")));
        long n = 0;
        for (GroupedSums.Group g : c.groups()) {
            n += g.rows();
        }
        assertEquals(ConformanceData.ROWS, n, "counts add up to the rows");
    }

    @Test
    void missingColumnsChosenByCaller() {
        assertSame(new SumRequest(List.of("stratum"), List.of("w"), List.of(Term.of("x")), List.of("y")));
    }

    private void assertSame(IrlsRequest req) {
        IrlsStep a = reference.irls(req);
        IrlsStep b = engine.irls(req);
        assertEquals(a.rows(), b.rows(), "rows");
        assertEquals(a.missing(), b.missing(), "missing");
        Tolerance.assertRelative(a.deviance(), b.deviance(), REL, "deviance");
        double[][] x = a.xtwx();
        double[][] y = b.xtwx();
        for (int j = 0; j < x.length; j++) {
            for (int k = 0; k < x.length; k++) {
                Tolerance.assertRelative(x[j][k], y[j][k], REL, "X'WX[" + j + "][" + k + "] of " + req.kind());
            }
        }
        double[] u = a.score();
        double[] v = b.score();
        double scale = 0;
        for (double s : a.xtwz(req.beta())) {
            scale = Math.max(scale, Math.abs(s));
        }
        for (int j = 0; j < u.length; j++) {
            // a score near its root is a difference of large terms: compared against the size of X'Wz
            Tolerance.assertAbsolute(u[j], v[j], REL * Math.max(scale, Math.abs(u[j])), "U[" + j + "] of " + req.kind());
        }
        assertEquals(a.groupScores().keySet(), b.groupScores().keySet(), "score groups");
        for (Map.Entry<List<String>, double[]> e : a.groupScores().entrySet()) {
            double[] s = b.groupScores().get(e.getKey());
            for (int j = 0; j < s.length; j++) {
                Tolerance.assertAbsolute(e.getValue()[j], s[j], REL * Math.max(scale, Math.abs(e.getValue()[j])),
                        "score of " + e.getKey());
            }
        }
    }

    @Test
    void irlsStepsOfEveryFamily() {
        List<String> psu = List.of("stratum", "psu");
        assertSame(new IrlsRequest(List.of("x"), true, "y", null, "w", GlmKind.GAUSSIAN_IDENTITY, null, psu));
        assertSame(new IrlsRequest(List.of("x"), true, "y", null, "w", GlmKind.GAUSSIAN_IDENTITY,
                new double[] {0.5, 2.9}, psu));
        assertSame(new IrlsRequest(List.of("x", "flag"), true, "employed", null, "w", GlmKind.BINOMIAL_LOGIT, null,
                psu));
        assertSame(new IrlsRequest(List.of("x", "flag"), true, "employed", null, "w", GlmKind.BINOMIAL_LOGIT,
                new double[] {-1, 0.1, 0.2}, psu));
        assertSame(new IrlsRequest(List.of("x"), true, "employed", "half", "rep3", GlmKind.POISSON_LOG,
                new double[] {-1.5, 0.05}, List.of()));
        assertSame(new IrlsRequest(List.of("x"), false, "employed", null, null, GlmKind.POISSON_LOG, null, List.of()));
    }

    @Test
    void absentColumnIsNamed() {
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> engine.sums(SumRequest.of(List.of(), List.of("w"), List.of(Term.of("no_such")))));
        assertTrue(e.getMessage().contains("'no_such'"), e.getMessage());
        assertEquals(PrevalenceException.Kind.INVALID_ARGUMENT, e.what());
        e = assertThrows(PrevalenceException.class,
                () -> engine.sums(SumRequest.of(List.of("no_group"), List.of("w"), List.of(Term.one()))));
        assertTrue(e.getMessage().contains("'no_group'"), e.getMessage());
    }

    @Test
    void textColumnAsNumberIsNamed() {
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> engine.sums(SumRequest.of(List.of(), List.of("region"), List.of(Term.one()))));
        assertTrue(e.getMessage().contains("'region'") && e.getMessage().contains("weight"), e.getMessage());
        assertEquals(PrevalenceException.Kind.INVALID_DATA, e.what());
        e = assertThrows(PrevalenceException.class,
                () -> engine.sums(SumRequest.of(List.of(), List.of("w"), List.of(Term.of("stratum")))));
        assertTrue(e.getMessage().contains("'stratum'"), e.getMessage());
        e = assertThrows(PrevalenceException.class, () -> engine.irls(new IrlsRequest(List.of("region"), true, "y",
                null, "w", GlmKind.GAUSSIAN_IDENTITY, null, List.of())));
        assertTrue(e.getMessage().contains("'region'"), e.getMessage());
    }
}
