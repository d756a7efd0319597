package org.prevalence.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.CsvColumns;
import org.prevalence.core.io.CsvReader;
import org.prevalence.datasets.Datasets;
import org.prevalence.core.survey.ReplicateCentre;
import org.prevalence.core.survey.ReplicateMethod;
import org.prevalence.core.survey.ReplicateWeightSpec;
import org.prevalence.survey.Calibration;
import org.prevalence.survey.CalibrationDistance;
import org.prevalence.survey.CalibrationTotals;
import org.prevalence.survey.CiMethod;
import org.prevalence.survey.PopulationCounts;
import org.prevalence.survey.PostStratify;
import org.prevalence.survey.Rake;
import org.prevalence.survey.ReplicateDesign;
import org.prevalence.survey.TrimWeights;
import org.prevalence.survey.LonelyPsu;
import org.prevalence.survey.MissingValues;
import org.prevalence.survey.SurveyDesign;
import org.prevalence.survey.SurveyEstimate;
import org.prevalence.survey.SurveyMean;
import org.prevalence.survey.SurveyProportion;
import org.prevalence.survey.SurveyQuantile;
import org.prevalence.survey.SurveyRatio;
import org.prevalence.survey.SurveyTotal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/** {@code prevalence survey}: design-based estimates from a complex survey sample. */
@Command(name = "survey", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Design-based estimates (means, totals, proportions, ratios, quantiles) from a survey sample.",
        description = {
            "Builds a survey design from the sample (weights or probabilities, strata, 1 or 2 stages of clusters, "
                + "fpc) as R's svydesign does, and estimates with Taylor-linearization standard errors (svymean, "
                + "svytotal, svyratio, svyciprop, svyquantile; domains as svyby).",
            "Examples:",
            "  prevalence survey --dataset apistrat --strata stype --weights pw --fpc fpc --mean api00 --by stype",
            "  prevalence survey sample.csv --cluster psu --weights w --proportion forced --ci logit --format json"})
final class SurveyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.csv", description = "The sample, one row per unit.")
    Path file;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Use a bundled survey sample instead of a file.")
    String dataset;

    @Option(names = "--weights", paramLabel = "W", description = "Sampling weights column.")
    String weights;

    @Option(names = "--probs", paramLabel = "P", description = "Sampling probabilities column (instead of --weights).")
    String probs;

    @Option(names = "--equal-probability", description = "No weights: every unit has the same weight (state it explicitly).")
    boolean equalProbability;

    @Option(names = "--strata", paramLabel = "S", description = "Strata column.")
    String strata;

    @Option(names = "--cluster", split = ",", paramLabel = "PSU[,SSU]",
            description = "Cluster ids: the PSU column, and the second-stage column for two stages (default: each row is a PSU).")
    List<String> cluster;

    @Option(names = "--fpc", split = ",", paramLabel = "F[,F2]",
            description = "Finite population correction per stage: population sizes or sampling fractions (detected as R does).")
    List<String> fpc;

    @Option(names = "--nest", description = "PSU ids are nested in strata (re-used across strata), as R's nest=TRUE.")
    boolean nest;

    @Option(names = "--mean", split = ",", paramLabel = "Y", description = "Estimate the mean of Y (a factor gives one mean per level).")
    List<String> mean;

    @Option(names = "--total", split = ",", paramLabel = "Y", description = "Estimate the total of Y.")
    List<String> total;

    @Option(names = "--proportion", paramLabel = "Y[=LEVEL]",
            description = "Estimate the proportion of a 0/1 or logical variable (or of one level of a factor), with --ci.")
    String proportion;

    @Option(names = "--ratio", paramLabel = "Y/X", description = "Estimate the ratio of the totals of Y and X.")
    String ratio;

    @Option(names = "--quantile", paramLabel = "Y:P", description = "Estimate the P quantile of Y (Woodruff interval).")
    String quantile;

    @Option(names = "--by", split = ",", paramLabel = "COL[,COL]", description = "Estimate in each domain of these columns (as svyby).")
    List<String> by;

    @Option(names = "--ci", converter = CiMethods.class, completionCandidates = CiMethods.class,
            defaultValue = "logit", paramLabel = "METHOD",
            description = "Proportion interval as svyciprop: logit, likelihood, asin, beta, mean, xlogit (default ${DEFAULT-VALUE}).")
    CiMethod ci;

    @Option(names = "--lonely-psu", converter = LonelyPsus.class, completionCandidates = LonelyPsus.class,
            defaultValue = "fail", paramLabel = "RULE",
            description = "A stratum with one PSU: fail, remove, certainty, adjust, average (default ${DEFAULT-VALUE}).")
    LonelyPsu lonelyPsu;

    @Option(names = "--drop-missing", description = "Drop rows with a missing value in a used variable (and report how many); "
            + "the default is an error naming the row.")
    boolean dropMissing;

    @Option(names = "--variance", defaultValue = "linearization", paramLabel = "METHOD",
            converter = VarianceOption.Converter.class, description = "linearization (default), or replicate weights made from the design: jk1, jkn, brr, "
                    + "fay:RHO (e.g. fay:0.3), bootstrap, subbootstrap (as R as.svrepdesign).")
    VarianceOption variance;

    @Option(names = "--replicates", defaultValue = "50",
            description = "Bootstrap and sub-bootstrap replicates (default ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--mse", description = "Centre the replicates on the full-sample estimate (R's mse=TRUE).")
    boolean mse;

    @Option(names = "--replicate-weights", paramLabel = "PREFIX",
            description = "Use the sample's own replicate-weight columns (names starting with PREFIX), as R svrepdesign.")
    String replicateWeights;

    @Option(names = "--replicate-type", converter = ReplicateTypes.class, completionCandidates = ReplicateTypes.class,
            defaultValue = "other", paramLabel = "TYPE",
            description = "Type of supplied replicate weights: jk1, jkn, brr, fay, bootstrap, subbootstrap, sdr "
                    + "(successive difference, scale 4/R), other.")
    ReplicateMethod replicateType;

    @Option(names = "--scale", description = "Overall scale of supplied replicate weights (default: R's for the type).")
    Double scale;

    @Option(names = "--rscales", split = ",", description = "Per-replicate scales of supplied weights (needed for jkn).")
    double[] rscales;

    @Option(names = "--poststratify", paramLabel = "COL[,COL]=FILE.csv",
            description = "Post-stratify to population counts: FILE has the columns COL.. and Freq, one row per cell.")
    String poststratify;

    @Option(names = "--rake", arity = "1..*", paramLabel = "FILE.csv",
            description = "Rake to margins: one file per margin, each with its variable column(s) and Freq.")
    List<Path> rake;

    @Option(names = "--calibrate", paramLabel = "FILE.csv",
            description = "Calibrate to totals: FILE has columns variable,level,total ((Intercept),,N first).")
    Path calibrate;

    @Option(names = "--distance", converter = CalibrationDistances.class,
            completionCandidates = CalibrationDistances.class,
            defaultValue = "linear", description = "Calibration distance: linear, raking, logit.")
    CalibrationDistance distance;

    @Option(names = "--bounds", split = ",", paramLabel = "LOW,HIGH", description = "Calibration bounds on g-weights, e.g. 0.5,2.")
    double[] bounds;

    @Option(names = "--trim", split = ",", paramLabel = "LOW,HIGH", description = "Trim weights to [LOW, HIGH] (R trimWeights).")
    double[] trim;

    @Option(names = "--margin-count", paramLabel = "COL", defaultValue = "Freq",
            description = "The count column of --poststratify and --rake files (default: ${DEFAULT-VALUE}, as R).")
    String marginCount;

    @Mixin
    InputFormatOptions input;

    @Mixin
    PlotOptions plot;

    @Mixin
    ReportOption report;

    @Mixin
    CommonOptions common;

    @Mixin
    ModelOptions models;

    @Mixin
    PpsOptions pps;

    @Mixin
    ImputationOptions imputations;

    @Mixin
    EngineOptions engine;

    @Mixin
    SparkMasterOption sparkMaster;

    @Override
    public Integer call() {
        checkOptions();
        models.check(spec.commandLine().getParseResult());
        if (imputations.wanted()) {
            return imputations.run(this);
        }
        String pushdown = engine.chosen(this);
        if (pushdown != null) {
            return engine.run(this, pushdown);
        }
        SurveyDesign design = adjust(replicate(design()));
        if (models.wanted()) {
            Output.write(common, spec.commandLine().getOut(), ModelReport.of(design, models.run(design,
                    dropMissing ? MissingValues.DROP : MissingValues.FAIL, common.level, common.threadCount()),
                    design.varianceMethod()).render(common.format));
            return 0;
        }
        List<SurveyEstimate> results = estimate(design);
        write(design, results, design.varianceMethod());
        if (report.wanted()) {
            report.write(spec, () -> org.prevalence.cli.html.SurveyHtml.render(htmlContext(design, results)));
        }
        if (plot.wanted()) {
            List<String> labels = new ArrayList<>();
            double[] est = new double[results.size()];
            double[] lo = new double[results.size()];
            double[] hi = new double[results.size()];
            for (int i = 0; i < results.size(); i++) {
                SurveyEstimate r = results.get(i);
                labels.add(r.getDomain().isEmpty() ? r.getVariable() : SurveyReport.domainText(r.getDomain()));
                est[i] = r.getEstimate();
                lo[i] = r.getConfidenceInterval().lower();
                hi[i] = r.getConfidenceInterval().upper();
            }
            SurveyEstimate first = results.get(0);
            plot.save(Plots.intervals(first.getStatistic() + " of " + first.getVariable()
                    + (by == null ? "" : " by " + String.join(", ", by)), first.getStatistic(), labels, est, lo, hi,
                    null, null, null, null), spec);
        }
        return 0;
    }

    /** @return what the HTML report of {@code --report} is made from */
    org.prevalence.cli.html.SurveyHtml.Context htmlContext(SurveyDesign d, List<SurveyEstimate> results) {
        String adjusted = poststratify != null ? "post-stratified (" + poststratify + ")" : rake != null
                ? "raked to " + rake.size() + " margins" : calibrate != null ? "calibrated (" + distance + " distance)"
                : null;
        return new org.prevalence.cli.html.SurveyHtml.Context(dataset != null ? dataset : String.valueOf(file), d,
                results, common.level, adjusted, ReportOption.commandLine(spec));
    }

    /** Refuses options that are out of range, or that would be silently ignored with the others given. */
    private void checkOptions() {
        picocli.CommandLine.ParseResult pr = spec.commandLine().getParseResult();
        if (!(common.level > 0 && common.level < 1)) {
            throw PrevalenceException.invalidArgument("--level", "--level must lie strictly between 0 and 1 (for "
                    + "example 0.95), got %s", org.prevalence.core.Format.plain(common.level));
        }
        if (common.threads < 0) {
            throw PrevalenceException.invalidArgument("--threads", "--threads must be >= 0 (0 = all cores), got %d",
                    common.threads);
        }
        boolean resampled = replicateWeights == null && variance.isResampled();
        if (pr.hasMatchedOption("--replicates")) {
            if (!resampled) {
                throw PrevalenceException.invalidArgument("--replicates", "--replicates is used only with --variance "
                        + "bootstrap or subbootstrap (the other replicate methods fix the number of replicates); "
                        + "leave it out or choose one of those");
            }
            if (replicates < 2) {
                throw PrevalenceException.invalidArgument("--replicates", "--replicates must be >= 2, got %d",
                        replicates);
            }
        }
        if (pr.hasMatchedOption("--seed") && !resampled) {
            throw PrevalenceException.invalidArgument("--seed", "--seed is used only with --variance bootstrap or "
                    + "subbootstrap (nothing else here is random); leave it out");
        }
        if (mse && replicateWeights == null && variance.isLinearization()) {
            throw PrevalenceException.invalidArgument("--mse", "--mse applies to replicate variance only; give "
                    + "--variance METHOD or --replicate-weights PREFIX, or leave --mse out");
        }
        if (replicateWeights != null && pr.hasMatchedOption("--variance")) {
            throw PrevalenceException.invalidArgument("--variance", "--variance makes replicate weights from the "
                    + "design, --replicate-weights uses the sample's own; give one of them");
        }
        for (String o : List.of("--replicate-type", "--scale", "--rscales")) {
            if (replicateWeights == null && pr.hasMatchedOption(o)) {
                throw PrevalenceException.invalidArgument(o, "%s describes supplied replicate weights; it needs "
                        + "--replicate-weights PREFIX", o);
            }
        }
        if (scale != null && !(scale > 0 && scale < Double.POSITIVE_INFINITY)) {
            throw PrevalenceException.invalidArgument("--scale", "--scale must be a finite number > 0");
        }
        for (String o : List.of("--distance", "--bounds")) {
            if (calibrate == null && pr.hasMatchedOption(o)) {
                throw PrevalenceException.invalidArgument(o, "%s applies to calibration only; it needs "
                        + "--calibrate FILE.csv", o);
            }
        }
        if (proportion == null && pr.hasMatchedOption("--ci")) {
            throw PrevalenceException.invalidArgument("--ci", "--ci chooses the interval of --proportion only; "
                    + "leave it out for the other statistics");
        }
        if (fpc != null && cluster != null && fpc.size() > cluster.size()) {
            throw PrevalenceException.invalidArgument("--fpc", "--fpc gives %d stages but --cluster only %d; give "
                    + "one fpc per stage", fpc.size(), cluster.size());
        }
        if (nest && (strata == null || cluster == null)) {
            throw PrevalenceException.invalidArgument("--nest", "--nest says PSU ids are re-used across strata; it "
                    + "needs --strata and --cluster, leave it out otherwise");
        }
        if (bounds != null && bounds.length == 2 && !(bounds[0] < bounds[1])) {
            throw PrevalenceException.invalidArgument("--bounds", "--bounds takes LOW,HIGH with LOW < HIGH");
        }
        if (trim != null && trim.length == 2 && !(trim[0] < trim[1])) {
            throw PrevalenceException.invalidArgument("--trim", "--trim takes LOW,HIGH with LOW < HIGH");
        }
    }

    SurveyDesign replicate(SurveyDesign d) {
        if (replicateWeights != null) {
            return ReplicateDesign.supplied(d);
        }
        if (variance.isLinearization()) {
            return d;
        }
        ReplicateDesign r = ReplicateDesign.withDefaults().withReplicates(replicates).withSeed(common.seed)
                .with(mse ? ReplicateCentre.FULL_SAMPLE : ReplicateCentre.REPLICATE_MEAN).with(variance.replicate());
        if (variance.replicate() == ReplicateMethod.FAY) {
            r = r.withFayRho(variance.fayRho());
        }
        return r.build(d);
    }

    SurveyDesign adjust(SurveyDesign d) {
        SurveyDesign out = d;
        if (poststratify != null) {
            int eq = poststratify.indexOf('=');
            if (eq < 0) {
                throw PrevalenceException.invalidArgument("--poststratify", "--poststratify takes COL[,COL]=FILE.csv");
            }
            Table pop = input.csv().read(Path.of(poststratify.substring(eq + 1)));
            for (String col : poststratify.substring(0, eq).split(",")) {
                org.prevalence.core.io.Columns.column(pop, col);
            }
            out = PostStratify.withDefaults().apply(out, PopulationCounts.fromTable(pop, marginCount));
        }
        if (rake != null) {
            List<PopulationCounts> margins = new ArrayList<>();
            for (Path f : rake) {
                margins.add(PopulationCounts.fromTable(input.csv().read(f), marginCount));
            }
            out = Rake.withDefaults().apply(out, margins);
        }
        if (calibrate != null) {
            Calibration c = Calibration.withDefaults().with(distance);
            if (bounds != null) {
                if (bounds.length != 2) {
                    throw PrevalenceException.invalidArgument("--bounds", "--bounds takes LOW,HIGH");
                }
                c = c.withBounds(bounds[0], bounds[1]);
            }
            out = c.apply(out, CalibrationTotals.fromTable(input.csv().read(calibrate)));
        }
        if (trim != null) {
            if (trim.length != 2) {
                throw PrevalenceException.invalidArgument("--trim", "--trim takes LOW,HIGH");
            }
            out = TrimWeights.withDefaults().withBounds(trim[0], trim[1]).apply(out);
        }
        return out;
    }

    /**
     * The design from the sample: only the columns the options name, read straight into arrays,
     * when nothing else needs the whole table (margins, calibration totals, replicate-weight
     * columns found by prefix); otherwise the whole table.
     */
    SurveyDesign design() {
        if (file == null || dataset != null || replicateWeights != null || poststratify != null || rake != null
                || calibrate != null || EngineOptions.isParquet(file)) {
            Table t = table();
            return design(SurveyDesign.builder(t), t.columnNames());
        }
        CsvColumns c = columns(false);
        if (c == null) {
            c = columns(true);
        }
        return design(SurveyDesign.builder(c, variables), c.columnNames());
    }

    /**
     * Reads the columns the options name: ids and domains as categories, the rest as numbers.
     * @param factorsAsCategories whether the analysis variables are read as categories
     * @return the columns, or null if an analysis variable read as numbers turned out to be text
     *     (a factor, or numbers with a stray token), which is then read again as a category
     */
    private CsvColumns columns(boolean factorsAsCategories) {
        CsvReader r = input.reader(common.threadCount());
        List<String> numbers = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        if (weights != null) {
            numbers.add(weights);
        }
        if (probs != null) {
            numbers.add(probs);
        }
        if (fpc != null) {
            numbers.addAll(fpc);
        }
        if (strata != null) {
            categories.add(strata);
        }
        if (cluster != null) {
            categories.addAll(cluster);
        }
        if (by != null) {
            categories.addAll(by);
        }
        List<String> means = new ArrayList<>();
        if (mean != null) {
            means.addAll(mean);
        }
        if (total != null) {
            means.addAll(total);
        }
        if (ratio != null) {
            for (String v : ratio.split("/")) {
                if (!v.isEmpty()) {
                    means.add(v);
                }
            }
        }
        if (quantile != null && quantile.lastIndexOf(':') > 0) {
            means.add(quantile.substring(0, quantile.lastIndexOf(':')));
        }
        (factorsAsCategories ? categories : numbers).addAll(means);
        categories.addAll(models.columns()); // model columns: numbers stay numbers, text becomes a factor
        variables = new java.util.LinkedHashSet<>(means);
        variables.addAll(models.columns());
        if (by != null) {
            variables.addAll(by);
        }
        if (proportion != null) {
            int eq = proportion.indexOf('=');
            String y = eq < 0 ? proportion : proportion.substring(0, eq);
            categories.add(y);
            variables.add(y);
        }
        for (String v : numbers) {
            r = r.withColumn(v, CsvReader.Kind.NUMBER);
        }
        for (String v : categories) {
            r = r.withColumn(v, CsvReader.Kind.CATEGORY);
        }
        CsvColumns c = r.read(file);
        for (String v : means) {
            // text (a factor, or numbers with stray text): read again as a category, as the table has it
            if (c.kind(v) == CsvReader.Kind.NUMBER && c.type(v) == CsvColumns.Type.TEXT) {
                return null;
            }
        }
        return c;
    }

    /** The analysis variables of the last {@link #columns} read (design-only columns are not among them). */
    private java.util.Set<String> variables;

    Table table() {
        if ((file == null) == (dataset == null)) {
            throw PrevalenceException.invalidArgument("FILE", "Give either a CSV file or --dataset NAME (one, not both)");
        }
        return dataset != null ? Datasets.surveyTable(dataset) : EngineOptions.isParquet(file)
                ? EngineOptions.readParquet(file, common.threadCount()) : input.csv().read(file);
    }

    SurveyDesign design(SurveyDesign.Builder b, List<String> columnNames) {
        if (replicateWeights == null && weights == null && probs == null && !equalProbability) {
            throw PrevalenceException.invalidArgument("--weights",
                    "Give exactly one of --weights W, --probs P or --equal-probability");
        }
        int given = (weights != null ? 1 : 0) + (probs != null ? 1 : 0) + (equalProbability ? 1 : 0);
        if (given != 1) {
            throw PrevalenceException.invalidArgument("--weights",
                    "Give exactly one of --weights W, --probs P or --equal-probability");
        }
        if (weights != null) {
            b.weights(weights);
        } else if (probs != null) {
            b.probabilities(probs);
        } else {
            b.equalProbability();
        }
        if (strata != null) {
            b.strata(strata);
        }
        if (cluster != null) {
            b.clusters(cluster.toArray(new String[0]));
        }
        if (fpc != null) {
            b.fpc(fpc.toArray(new String[0]));
        }
        if (nest) {
            b.nest();
        }
        b.lonelyPsu(lonelyPsu);
        if (replicateWeights != null) {
            List<String> cols = EngineOptions.replicateColumns(replicateWeights, weights, columnNames);
            ReplicateMethod type = replicateType;
            double s = scale != null ? scale : ReplicateDesign.defaultScale(type, cols.size(), 0.5);
            b.replicateWeights(new ReplicateWeightSpec(cols, type, s, rscales,
                    mse ? ReplicateCentre.FULL_SAMPLE : ReplicateCentre.REPLICATE_MEAN));
        }
        pps.apply(b, spec.commandLine().getParseResult());
        return b.build();
    }

    List<SurveyEstimate> estimate(SurveyDesign d) {
        int statistics = (mean != null ? 1 : 0) + (total != null ? 1 : 0) + (proportion != null ? 1 : 0)
                + (ratio != null ? 1 : 0) + (quantile != null ? 1 : 0);
        if (statistics != 1) {
            throw PrevalenceException.invalidArgument("--mean",
                    "Give exactly one statistic: --mean, --total, --proportion, --ratio or --quantile");
        }
        MissingValues mv = dropMissing ? MissingValues.DROP : MissingValues.FAIL;
        String[] byCols = by == null ? new String[0] : by.toArray(new String[0]);
        List<SurveyEstimate> out = new ArrayList<>();
        if (mean != null) {
            SurveyMean m = SurveyMean.withDefaults().with(mv).withConfidenceLevel(common.level);
            for (String y : mean) {
                out.addAll(isFactor(d, y) ? (byCols.length == 0 ? m.estimateFactor(d, y) : m.estimateFactorBy(d, y, byCols))
                        : byCols.length == 0 ? List.of(m.estimate(d, y)) : m.estimateBy(d, y, byCols));
            }
        } else if (total != null) {
            SurveyTotal m = SurveyTotal.withDefaults().with(mv).withConfidenceLevel(common.level);
            for (String y : total) {
                out.addAll(isFactor(d, y) ? (byCols.length == 0 ? m.estimateFactor(d, y) : m.estimateFactorBy(d, y, byCols))
                        : byCols.length == 0 ? List.of(m.estimate(d, y)) : m.estimateBy(d, y, byCols));
            }
        } else if (proportion != null) {
            SurveyProportion p = SurveyProportion.withDefaults().with(mv).withConfidenceLevel(common.level)
                    .with(ci);
            int eq = proportion.indexOf('=');
            if (eq < 0) {
                out.addAll(byCols.length == 0 ? List.of(p.estimate(d, proportion)) : p.estimateBy(d, proportion, byCols));
            } else {
                String y = proportion.substring(0, eq);
                String level = proportion.substring(eq + 1);
                out.addAll(byCols.length == 0 ? List.of(p.estimate(d, y, level)) : p.estimateLevelBy(d, y, level, byCols));
            }
        } else if (ratio != null) {
            String[] yx = ratio.split("/");
            if (yx.length != 2) {
                throw PrevalenceException.invalidArgument("--ratio", "--ratio takes Y/X, got '%s'", ratio);
            }
            SurveyRatio r = SurveyRatio.withDefaults().with(mv).withConfidenceLevel(common.level);
            out.addAll(byCols.length == 0 ? List.of(r.estimate(d, yx[0], yx[1])) : r.estimateBy(d, yx[0], yx[1], byCols));
        } else {
            int c = quantile.lastIndexOf(':');
            if (c < 0) {
                throw PrevalenceException.invalidArgument("--quantile", "--quantile takes Y:P, for example api00:0.5");
            }
            double prob;
            try {
                prob = Double.parseDouble(quantile.substring(c + 1));
            } catch (NumberFormatException e) {
                throw PrevalenceException.invalidArgument("--quantile", "--quantile: '%s' is not a probability",
                        quantile.substring(c + 1));
            }
            String y = quantile.substring(0, c);
            SurveyQuantile q = SurveyQuantile.withDefaults().with(mv).withConfidenceLevel(common.level);
            out.addAll(byCols.length == 0 ? List.of(q.estimate(d, y, prob)) : q.estimateBy(d, y, prob, byCols));
        }
        return out;
    }

    private static boolean isFactor(SurveyDesign d, String column) {
        try {
            d.numeric(column);
            return false;
        } catch (PrevalenceException e) {
            if (e.what() == PrevalenceException.Kind.INVALID_DATA) {
                throw e; // numbers with a cell that is not a number: not a factor
            }
            try {
                d.factor(column);
                return true;
            } catch (PrevalenceException e2) {
                throw e;
            }
        }
    }

    static final class CiMethods extends EnumConverter<CiMethod> {
        CiMethods() {
            super(CiMethod.class);
        }
    }

    static final class LonelyPsus extends EnumConverter<LonelyPsu> {
        LonelyPsus() {
            super(LonelyPsu.class);
        }
    }

    static final class ReplicateTypes extends EnumConverter<ReplicateMethod> {
        ReplicateTypes() {
            super(ReplicateMethod.class);
        }
    }

    static final class CalibrationDistances extends EnumConverter<CalibrationDistance> {
        CalibrationDistances() {
            super(CalibrationDistance.class);
        }
    }

    static final class ReplicateMethods extends EnumConverter<ReplicateMethod> {
        ReplicateMethods() {
            super(ReplicateMethod.JK1, ReplicateMethod.JKN, ReplicateMethod.BRR, ReplicateMethod.FAY,
                    ReplicateMethod.BOOTSTRAP, ReplicateMethod.SUBBOOTSTRAP);
        }
    }

    void write(SurveyDesign d, List<SurveyEstimate> results, String variance) {
        Output.write(common, spec.commandLine().getOut(),
                SurveyReport.of(d, results, variance, common.level).render(common.format));
    }
}
