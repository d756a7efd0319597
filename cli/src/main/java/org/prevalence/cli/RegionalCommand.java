package org.prevalence.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.CsvColumns;
import org.prevalence.core.io.CsvInput;
import org.prevalence.regional.BootstrapScheme;
import org.prevalence.regional.CaseFile;
import org.prevalence.regional.Covariates;
import org.prevalence.regional.NationalData;
import org.prevalence.regional.NoOverlap;
import org.prevalence.regional.OutsideComponent;
import org.prevalence.regional.Populations;
import org.prevalence.regional.ReferenceWindow;
import org.prevalence.regional.RegionEdition;
import org.prevalence.regional.RegionalEstimate;
import org.prevalence.regional.ReportedCasePipeline;
import org.prevalence.regional.SurveyPipeline;
import org.prevalence.regional.TwoSourceEstimator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/** {@code prevalence regional}: regional and world totals from reported cases or national surveys. */
@Command(name = "regional", mixinStandardHelpOptions = true,
        header = "Regional and world estimates: the reported-case pipeline (ILO 2005/2012) or the survey pipeline "
                + "(Global Estimates 2017/2022).",
        subcommands = {RegionalCommand.Cases.class, RegionalCommand.Surveys.class})
final class RegionalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The region edition of {@code --regions}: a built-in edition's name ({@code ilo2012},
     * {@code global-estimates}, {@code ilo2005}) or a regions CSV file; without it, {@code fallback} if
     * it has every region named in {@code data}'s {@code region} column, else the one built-in edition
     * that has them all (the synthetic world's files name ILO 2012 regions).
     */
    static RegionEdition edition(String regions, CsvColumns data, RegionEdition fallback, CsvInput csv) {
        if (regions != null) {
            RegionEdition e = RegionEdition.named(regions);
            if (e != null) {
                return e;
            }
            Path f = Path.of(regions);
            return RegionEdition.fromColumns(f.getFileName().toString(),
                    RegionEdition.reading(csv, csv.header(f)).columns(f));
        }
        if (data == null || !data.has("region")) {
            return fallback;
        }
        // the levels are the distinct non-missing cells, in order of first appearance
        java.util.Set<String> names = new java.util.LinkedHashSet<>(data.levels("region"));
        try {
            return names.isEmpty() ? fallback : RegionEdition.matching(names, fallback);
        } catch (PrevalenceException e) {
            throw e.withRemedy(new PrevalenceException.Remedy("pass the edition to the pipeline",
                    "use --regions ilo2012, global-estimates, ilo2005 or a regions FILE.csv"));
        }
    }

    /** Refuses the common options this command would ignore or misread. */
    static void checkCommon(CommandSpec spec, CommonOptions common) {
        if (common.threads < 0) {
            throw PrevalenceException.invalidArgument("--threads", "--threads must be >= 0 (0 = all cores), got %d",
                    common.threads);
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--level")) {
            throw PrevalenceException.invalidArgument("--level", "regional reports 68%% and 95%% intervals; "
                    + "--level is not used here, leave it out");
        }
    }

    /** @return the bundled published table of a region edition (ILO 2012, ILO 2005), or {@code null} */
    static Table publishedTable(String edition) {
        String name = switch (edition) {
            case "ILO 2012" -> "ilo2012_regional_forced_labour";
            case "ILO 2005" -> "ilo2005_regional_forced_labour";
            default -> null;
        };
        return name == null ? null : org.prevalence.datasets.world.PublishedTables.table(name);
    }

    /** @return the reported-case pipeline's method in one sentence */
    static String caseMethod(ReportedCasePipeline.Result r) {
        return "Reported-case pipeline (" + r.getEstimator() + " per region and form), window " + r.getWindow() + ", "
                + r.getScheme().name().toLowerCase(java.util.Locale.ROOT) + " bootstrap of "
                + org.prevalence.core.Format.count(r.getReplicates()) + " replicates (seed " + r.getSeed() + ")";
    }

    /** Writes the report in the chosen format, and the regions' chart with {@code --plot}. */
    static void write(CommandSpec spec, CommonOptions common, Report report, List<RegionalEstimate> regions,
                      RegionalEstimate world, PlotOptions plot) {
        Output.write(common, spec.commandLine().getOut(), report.render(common.format));
        if (plot.wanted()) {
            plot.save(RegionalReport.chart(regions, world), spec);
        }
    }

    /** {@code prevalence regional cases}. */
    @Command(name = "cases", mixinStandardHelpOptions = true, sortOptions = false,
            header = "The ILO 2005/2012 reported-case pipeline: two-source capture-recapture per region and form, "
                    + "victims per case, flow to stock, regional and world totals with a stratified bootstrap.",
            description = "Case file columns (renamable): case_id,team_a,team_b,country,region,form,victims,"
                    + "start_date,end_date (ISO dates). Population file: region,population (or country,population "
                    + "with --regions).")
    static final class Cases implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CASES.csv", description = "One row per validated reported case.")
        Path cases;

        @Option(names = "--population", required = true, paramLabel = "FILE.csv", description = "Populations.")
        Path population;

        @Option(names = "--window", required = true, paramLabel = "START:END",
                description = "Reference window, e.g. 2002-01-01:2011-12-31.")
        String window;

        @Option(names = "--regions", paramLabel = "EDITION|FILE.csv",
                description = "Region edition: ilo2012, global-estimates, ilo2005, or a regions file (default: ILO 2012 "
                        + "if it has every region of the case file, else the built-in edition that has them all).")
        String regions;

        @Option(names = "--sources", split = ",", paramLabel = "A,B", description = "Source columns (default team_a,team_b).")
        List<String> sources;

        @Option(names = "--estimator", defaultValue = "chapman", converter = Estimators.class,
                completionCandidates = Estimators.class,
                description = "chapman or lincoln-petersen (default ${DEFAULT-VALUE}).")
        TwoSourceEstimator estimator;

        @Option(names = "--no-overlap", converter = NoOverlaps.class, completionCandidates = NoOverlaps.class,
                defaultValue = "fail", description = "A stratum with no overlap: fail, pool "
                + "(with --pool) or exclude (reported) (default ${DEFAULT-VALUE}).")
        NoOverlap noOverlap;

        @Option(names = "--pool", paramLabel = "STRATUM=NEIGHBOUR", description = "Pool a stratum 'region|form' with a "
                + "named neighbour stratum.")
        List<String> pool;

        @Option(names = "--bootstrap", converter = BootstrapSchemes.class,
                completionCandidates = BootstrapSchemes.class, defaultValue = "population",
                description = "population (Buckland & Garthwaite "
                + "1991, default) or cases.")
        BootstrapScheme bootstrap;

        @Option(names = "--replicates", defaultValue = "2000", description = "Bootstrap replicates (default ${DEFAULT-VALUE}).")
        int replicates;

        @Option(names = "--column", paramLabel = "ROLE=NAME", description = "Rename a case-file column, e.g. victims=n_victims.")
        List<String> columns;

        @Mixin
        InputFormatOptions input;

        @Mixin
        PlotOptions plot;

        @Mixin
        ReportOption report;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            checkCommon(spec, common);
            if (replicates < 2) {
                throw PrevalenceException.invalidArgument("--replicates", "--replicates must be >= 2, got %d", replicates);
            }
            CsvInput csv = input.csv().withThreads(common.threadCount()); // read by CsvReader, no table
            CaseFile file = CaseFile.withDefaults();
            if (sources != null) {
                file = file.withSources(sources);
            }
            if (columns != null) {
                for (String c : columns) {
                    String[] kv = c.split("=", 2);
                    if (kv.length != 2) {
                        throw PrevalenceException.invalidArgument("--column", "--column takes ROLE=NAME, got '%s'", c);
                    }
                    file = file.withColumn(kv[0], kv[1]);
                }
            }
            // only the columns the case file's roles name, as numbers or dictionary-coded text
            CsvColumns caseColumns = file.reading(csv, csv.header(cases)).columns(cases);
            file = file.withEdition(edition(regions, columns == null ? caseColumns : null, RegionEdition.ILO_2012, csv));
            ReportedCasePipeline p = ReportedCasePipeline.withDefaults().with(estimator)
                    .with(noOverlap)
                    .with(bootstrap)
                    .withReplicates(replicates).withSeed(common.seed).withThreads(common.threadCount());
            if (pool != null && noOverlap != NoOverlap.POOL) {
                throw PrevalenceException.invalidArgument("--pool", "--pool names neighbours for --no-overlap pool; "
                        + "give --no-overlap pool, or leave --pool out");
            }
            if (pool != null) {
                for (String s : pool) {
                    String[] kv = s.split("=", 2);
                    if (kv.length != 2) {
                        throw PrevalenceException.invalidArgument("--pool", "--pool takes STRATUM=NEIGHBOUR, got '%s'", s);
                    }
                    p = p.withNeighbour(kv[0], kv[1]);
                }
            }
            CsvColumns populationColumns = Populations.reading(csv, csv.header(population)).columns(population);
            ReferenceWindow w = ReferenceWindow.parse(window);
            ReportedCasePipeline.Result r = p.estimate(file.read(caseColumns),
                    Populations.fromColumns(file.edition(), populationColumns), w);
            write(spec, common, RegionalReport.cases(r, cases.getFileName().toString(), file.edition().name()),
                    r.getRegions(), r.getWorld(), plot);
            if (report.wanted()) {
                Table published = publishedTable(file.edition().name());
                report.write(spec, () -> org.prevalence.cli.html.RegionalHtml.render(
                        new org.prevalence.cli.html.RegionalHtml.Context("Reported-case pipeline: "
                                + cases.getFileName(), r.getRegions(), r.getWorld(), r.getStrata(), published, null,
                                caseMethod(r), ReportOption.commandLine(spec))));
            }
            return 0;
        }
    }

    /** {@code prevalence regional surveys}. */
    @Command(name = "surveys", mixinStandardHelpOptions = true, sortOptions = false,
            header = "The Global Estimates survey pipeline: national prevalence from surveys, imputation for countries "
                    + "without one, Monte Carlo regional and world totals.",
            description = "NATIONAL.csv columns: country,region,population,prevalence,se (prevalence and se empty where "
                    + "no survey; prevalence as a proportion of the population).")
    static final class Surveys implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NATIONAL.csv", description = "One row per country.")
        Path national;

        @Option(names = "--covariates", paramLabel = "FILE.csv", description = "country and numeric covariates of "
                + "the imputation model (default: region effects only).")
        Path covariates;

        @Option(names = "--regions", paramLabel = "EDITION|FILE.csv", description = "Region edition: ilo2012, "
                + "global-estimates, ilo2005, or a regions file (default: Global Estimates if it has every region of "
                + "NATIONAL.csv, else the built-in edition that has them all: ILO 2012 for the synthetic world).")
        String regions;

        @Option(names = "--add", paramLabel = "NAME:REGION=EST:LOW95:HIGH95", description = "A component from outside "
                + "the surveys (e.g. state-imposed forced labour) with its 95% interval.")
        List<String> add;

        @Option(names = "--draws", defaultValue = "10000", description = "Monte Carlo draws (default ${DEFAULT-VALUE}).")
        int draws;

        @Mixin
        InputFormatOptions input;

        @Mixin
        PlotOptions plot;

        @Mixin
        ReportOption report;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            checkCommon(spec, common);
            if (draws < 2) {
                throw PrevalenceException.invalidArgument("--draws", "--draws must be >= 2, got %d", draws);
            }
            SurveyPipeline p = SurveyPipeline.withDefaults().withDraws(draws).withSeed(common.seed)
                    .withThreads(common.threadCount());
            if (add != null) {
                for (String a : add) {
                    p = p.with(component(a));
                }
            }
            CsvInput csv = input.csv().withThreads(common.threadCount()); // read by CsvReader, no table
            CsvColumns nationalColumns = NationalData.reading(csv, csv.header(national)).columns(national);
            RegionEdition ed = edition(regions, nationalColumns, RegionEdition.GLOBAL_ESTIMATES, csv);
            // every covariate column holding numbers is a covariate: read every column, each as a category
            CsvColumns covariateColumns = covariates == null ? null : csv.columns(covariates);
            SurveyPipeline.Result r = p.estimate(NationalData.fromColumns(ed, nationalColumns),
                    covariateColumns == null ? Covariates.none() : Covariates.fromColumns(covariateColumns, null));
            write(spec, common, RegionalReport.surveys(r, national.getFileName().toString(), ed.name()), r.getRegions(),
                    r.getWorld(), plot);
            if (report.wanted()) {
                report.write(spec, () -> org.prevalence.cli.html.RegionalHtml.render(
                        new org.prevalence.cli.html.RegionalHtml.Context("Survey pipeline: " + national.getFileName(),
                                r.getRegions(), r.getWorld(), List.of(), publishedTable(ed.name()), null,
                                "Survey pipeline, regions " + ed.name() + ", Monte Carlo of " + r.getDraws()
                                        + " draws (seed " + r.getSeed() + ")", ReportOption.commandLine(spec))));
            }
            return 0;
        }

        private static OutsideComponent component(String a) {
            try {
                String[] nv = a.split("=", 2);
                String[] nr = nv[0].split(":", 2);
                String[] v = nv[1].split(":");
                return new OutsideComponent(nr[0], nr.length > 1 ? nr[1] : null, Double.parseDouble(v[0]),
                        Double.parseDouble(v[1]), Double.parseDouble(v[2]));
            } catch (RuntimeException e) {
                if (e instanceof PrevalenceException pe) {
                    throw pe;
                }
                throw PrevalenceException.invalidArgument("--add",
                        "--add takes NAME:REGION=ESTIMATE:LOWER95:UPPER95, got '%s'", a);
            }
        }
    }

    static final class Estimators extends EnumConverter<TwoSourceEstimator> {
        Estimators() {
            super(TwoSourceEstimator.class);
        }
    }

    static final class NoOverlaps extends EnumConverter<NoOverlap> {
        NoOverlaps() {
            super(NoOverlap.class);
        }
    }

    static final class BootstrapSchemes extends EnumConverter<BootstrapScheme> {
        BootstrapSchemes() {
            super(BootstrapScheme.class);
        }
    }
}
