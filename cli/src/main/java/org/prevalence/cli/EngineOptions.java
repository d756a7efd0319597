package org.prevalence.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.engine.AggregationEngine;
import org.prevalence.core.engine.AggregationEngineProvider;
import org.prevalence.core.engine.ColumnType;
import org.prevalence.core.survey.ReplicateCentre;
import org.prevalence.core.survey.ReplicateWeightSpec;
import org.prevalence.engine.duckdb.DuckDbEngine;
import org.prevalence.engine.duckdb.DuckDbFiles;
import org.prevalence.survey.CalibrationTotals;
import org.prevalence.survey.EngineSurvey;
import org.prevalence.survey.MissingValues;
import org.prevalence.survey.ReplicateDesign;
import org.prevalence.survey.SurveyEstimate;
import org.prevalence.survey.model.EngineGlm;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/**
 * {@code survey --engine memory|duckdb|spark} (a picocli mixin): where the sample is aggregated. The
 * in-JVM path ({@code memory}) reads the whole file (CSV, or Parquet through DuckDB) and runs the
 * estimators on a {@code SurveyDesign}; {@code duckdb} leaves the file where it is and pushes the
 * sums down ({@link EngineSurvey}, and {@link EngineGlm} for {@code --glm}); {@code spark} is the opt-in {@code engine-spark} module, found
 * through {@link AggregationEngineProvider} on the class path. Without {@code --engine}: DuckDB
 * for files of {@value #AUTO_BYTES} bytes or more when every option given is one the engine
 * computes and no model is asked for, memory otherwise.
 */
final class EngineOptions {
    /** Files from this size (256 MiB) go to DuckDB when {@code --engine} is not given. */
    static final long AUTO_BYTES = 256L << 20;

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "Where the sample is aggregated: memory (the whole file in the JVM), duckdb (embedded DuckDB "
                    + "over the Parquet or CSV file, out of core) or spark (the engine-spark module). Default: duckdb "
                    + "for files of 256 MiB or more when the statistic is one it computes, memory otherwise.")
    String engine;

    @Option(names = "--engine-memory", paramLabel = "SIZE", defaultValue = "1GB",
            description = "Memory limit of the duckdb engine, e.g. 512MB, 4GB (default ${DEFAULT-VALUE}); it spills "
                    + "to a temporary folder beyond it.")
    String engineMemory;

    /** @return whether the file is Parquet (by its name) */
    static boolean isParquet(Path file) {
        return file != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    /**
     * @param file a Parquet file
     * @param threads DuckDB threads
     * @return its columns as a table (the in-JVM path)
     */
    static Table readParquet(Path file, int threads) {
        return DuckDbFiles.readTable(file, null, threads);
    }

    /**
     * The engine to run, or null for the in-JVM path.
     * @param c the command
     * @return {@code duckdb}, {@code spark} or null
     */
    String chosen(SurveyCommand c) {
        if (engine != null) {
            String e = engine.strip().toLowerCase(Locale.ROOT);
            if (!List.of("memory", "duckdb", "spark").contains(e)) {
                throw PrevalenceException.invalidArgument("--engine", "--engine is memory, duckdb or spark, got '%s'",
                        engine);
            }
            if (e.equals("memory")) {
                return null;
            }
            if (c.file == null) {
                throw PrevalenceException.invalidArgument("--engine", "--engine %s reads a file (FILE.parquet or "
                        + "FILE.csv); a bundled --dataset is in memory already", e);
            }
            String unsupported = unsupported(c);
            if (unsupported != null) {
                throw PrevalenceException.invalidArgument(unsupported.split(" ")[0], "%s is not computed on the %s "
                        + "engine; use --engine memory", unsupported, e);
            }
            return e;
        }
        if (c.file == null || c.models.wanted() || c.poststratify != null || c.calibrate != null
                || unsupported(c) != null) {
            return null; // a model goes to an engine only when asked: its formula may need the rows (factors)
        }
        try {
            return Files.size(c.file) >= AUTO_BYTES ? "duckdb" : null;
        } catch (IOException e) {
            return null; // the in-JVM path reports the unreadable file
        }
    }

    /** @return the first option given that an engine does not compute (with its reason), or null */
    private static String unsupported(SurveyCommand c) {
        picocli.CommandLine.ParseResult pr = c.spec.commandLine().getParseResult();
        if (c.quantile != null) {
            return "--quantile (quantiles need the sorted values)";
        }
        if (c.models.chisq != null || c.models.ttest != null || c.models.ranktest != null) {
            return "a test (--chisq, --ttest, --ranktest)";
        }
        for (String o : List.of("--test-terms", "--contrast", "--anova", "--predict", "--predmeans")) {
            if (pr.hasMatchedOption(o)) {
                return o + " (a model's tests and predictions need the rows)";
            }
        }
        if (c.replicateWeights != null && (c.poststratify != null || c.calibrate != null)) {
            return "--poststratify/--calibrate (calibration with replicate weights needs each replicate's cell sums)";
        }
        for (String o : List.of("--rake", "--trim", "--report", "--plot", "--probs",
                "--equal-probability", "--na", "--decimal", "--delimiter")) {
            if (pr.hasMatchedOption(o)) {
                return o;
            }
        }
        if (!c.variance.isLinearization()) {
            return "--variance (replicates made from the design; give --replicate-weights)";
        }
        if (c.cluster != null && c.cluster.size() > 1) {
            return "--cluster (a two-stage design)";
        }
        if (c.fpc != null && c.fpc.size() > 1) {
            return "--fpc (a two-stage design)";
        }
        if (c.cluster == null && c.replicateWeights == null) {
            return "--cluster (linearization without clusters; give --cluster PSU or --replicate-weights)";
        }
        if (c.proportion != null && c.proportion.indexOf('=') >= 0) {
            return "--proportion (Y=LEVEL of a text variable; give a 0/1 or logical column)";
        }
        if (pr.hasMatchedOption("--ci") && c.ci == org.prevalence.survey.CiMethod.LIKELIHOOD) {
            return "--ci (the likelihood interval)";
        }
        return null;
    }

    /**
     * Runs the command's statistic on an engine and writes the report.
     * @param c the command
     * @param name the engine ({@code duckdb} or {@code spark})
     * @return the exit code
     */
    int run(SurveyCommand c, String name) {
        try (AggregationEngine e = open(c, name)) {
            EngineSurvey s = configure(c, e);
            if (c.models.glm != null) {
                EngineGlm g = EngineGlm.withDefaults().with(c.models.family);
                if (c.models.link != null) {
                    g = g.with(c.models.link);
                }
                EngineGlm.Result m = g.fit(e, s, c.models.glm);
                Output.write(c.common, c.spec.commandLine().getOut(), ModelReport.of(m.getDesign(),
                        new ModelOptions.Results(m.getModel(), null, null, List.of(), null, null))
                        .render(c.common.format));
                return 0;
            }
            EngineSurvey.Result r = estimate(c, s, e);
            Output.write(c.common, c.spec.commandLine().getOut(), SurveyReport.of(r, c.common.level)
                    .render(c.common.format));
        }
        return 0;
    }

    private AggregationEngine open(SurveyCommand c, String name) {
        if (name.equals("duckdb")) {
            return DuckDbEngine.withDefaults().withMemoryLimit(engineMemory).withThreads(c.common.threadCount())
                    .open(c.file);
        }
        for (AggregationEngineProvider p : ServiceLoader.load(AggregationEngineProvider.class)) {
            if (p.name().equals(name)) {
                return p.open(c.file, Map.of("threads", Integer.toString(c.common.threadCount()),
                        "memory", engineMemory));
            }
        }
        throw PrevalenceException.invalidArgument("--engine", "--engine %s: the %s engine is not on the class path; "
                + "build the engine-%s module (mvn -Pspark) and run with it, or use --engine duckdb", name, name, name);
    }

    private static EngineSurvey configure(SurveyCommand c, AggregationEngine e) {
        if (c.weights == null) {
            throw PrevalenceException.invalidArgument("--weights", "the %s engine needs --weights W", e.name());
        }
        EngineSurvey s = EngineSurvey.withDefaults().withWeights(c.weights).withStrata(c.strata)
                .withCluster(c.cluster == null ? null : c.cluster.get(0)).withFpc(c.fpc == null ? null : c.fpc.get(0))
                .withNest(c.nest).with(c.lonelyPsu).with(c.dropMissing ? MissingValues.DROP : MissingValues.FAIL)
                .withConfidenceLevel(c.common.level);
        if (c.proportion != null) {
            s = s.with(c.ci);
        }
        if (c.poststratify != null || c.calibrate != null) {
            // the margins' and totals' variables are the cells; c.adjust calibrates the design of those cells
            List<String> cells = new ArrayList<>();
            if (c.poststratify != null) {
                int eq = c.poststratify.indexOf('=');
                if (eq < 0) {
                    throw PrevalenceException.invalidArgument("--poststratify", "--poststratify takes COL[,COL]=FILE.csv");
                }
                cells.addAll(List.of(c.poststratify.substring(0, eq).split(",")));
            }
            if (c.calibrate != null) {
                cells.addAll(CalibrationTotals.fromTable(c.input.csv().read(c.calibrate)).variables());
            }
            s = s.withCalibration(cells, c::adjust);
        }
        if (c.replicateWeights != null) {
            List<String> cols = replicateColumns(c.replicateWeights, c.weights, new ArrayList<>(e.columns().keySet()));
            for (String col : cols) {
                if (e.columns().get(col) == ColumnType.TEXT) {
                    throw PrevalenceException.invalidData("column '" + col + "'", "replicate-weight column '%s' holds "
                            + "text; replicate weights must be numeric", col);
                }
            }
            double sc = c.scale != null ? c.scale : ReplicateDesign.defaultScale(c.replicateType, cols.size(), 0.5);
            s = s.withReplicateWeights(new ReplicateWeightSpec(cols, c.replicateType, sc, c.rscales,
                    c.mse ? ReplicateCentre.FULL_SAMPLE : ReplicateCentre.REPLICATE_MEAN));
        }
        return s;
    }

    /**
     * The replicate-weight columns of {@code --replicate-weights PREFIX}, the same for every engine: the columns
     * whose names start with PREFIX, in file order, except the sampling-weight column itself (so {@code --weights
     * PWGTP --replicate-weights PWGTP} takes PWGTP1..PWGTP80). When every such name is PREFIX and a number, the
     * numbers must be 1..R, each once.
     * @param prefix the prefix
     * @param weights the sampling-weight column (or null)
     * @param columns the file's columns
     * @return the replicate columns
     */
    static List<String> replicateColumns(String prefix, String weights, List<String> columns) {
        List<String> cols = new ArrayList<>();
        for (String c : columns) {
            if (c.startsWith(prefix) && !c.equals(weights)) {
                cols.add(c);
            }
        }
        if (cols.isEmpty()) {
            throw PrevalenceException.invalidData("--replicate-weights",
                    "No column name starts with '%s'; the columns are %s", prefix, columns);
        }
        TreeSet<Integer> numbers = new TreeSet<>();
        boolean numbered = true;
        for (String c : cols) {
            String rest = c.substring(prefix.length());
            if (!rest.matches("[0-9]{1,6}")) {
                numbered = false;
                break;
            }
            numbers.add(Integer.parseInt(rest));
        }
        if (numbered && (numbers.size() != cols.size() || numbers.first() != 1 || numbers.last() != cols.size())) {
            for (int k = 1; k <= cols.size(); k++) {
                if (!numbers.contains(k)) {
                    throw PrevalenceException.invalidData("--replicate-weights", "the replicate-weight columns %s1..%s%d "
                            + "do not match the %d columns found: '%s%d' is missing", prefix, prefix, cols.size(),
                            cols.size(), prefix, k);
                }
            }
            throw PrevalenceException.invalidData("--replicate-weights", "the replicate-weight columns of '%s' repeat a "
                    + "number: %s", prefix, cols);
        }
        return cols;
    }

    private static EngineSurvey.Result estimate(SurveyCommand c, EngineSurvey s, AggregationEngine e) {
        int statistics = (c.mean != null ? 1 : 0) + (c.total != null ? 1 : 0) + (c.proportion != null ? 1 : 0)
                + (c.ratio != null ? 1 : 0);
        if (statistics != 1) {
            throw PrevalenceException.invalidArgument("--mean",
                    "Give exactly one statistic: --mean, --total, --proportion or --ratio");
        }
        String[] by = c.by == null ? new String[0] : c.by.toArray(new String[0]);
        if (c.ratio != null) {
            String[] yx = c.ratio.split("/");
            if (yx.length != 2) {
                throw PrevalenceException.invalidArgument("--ratio", "--ratio takes Y/X, got '%s'", c.ratio);
            }
            return s.ratio(e, yx[0], yx[1], by);
        }
        if (c.proportion != null) {
            return s.proportion(e, c.proportion, by);
        }
        List<String> vars = c.mean != null ? c.mean : c.total;
        List<SurveyEstimate> all = new ArrayList<>();
        EngineSurvey.Result last = null;
        for (String y : vars) {
            last = c.mean != null ? s.mean(e, y, by) : s.total(e, y, by);
            all.addAll(last.getEstimates());
        }
        return last.withEstimates(all);
    }
}
