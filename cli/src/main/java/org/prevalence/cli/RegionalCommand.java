package org.prevalence.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;
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
    static RegionEdition edition(String regions, Table data, RegionEdition fallback, CsvInput csv) {
        if (regions != null) {
            RegionEdition e = RegionEdition.named(regions);
            if (e != null) {
                return e;
            }
            Path f = Path.of(regions);
            return RegionEdition.fromTable(f.getFileName().toString(), csv.read(f));
        }
        if (data == null || !org.prevalence.core.io.Columns.has(data, "region")) {
            return fallback;
        }
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        tech.tablesaw.columns.Column<?> c = org.prevalence.core.io.Columns.column(data, "region");
        for (int i = 0; i < c.size(); i++) {
            if (!c.isMissing(i)) {
                names.add(c.getString(i));
            }
        }
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

    static Map<String, Object> row(RegionalEstimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean ok = e.isEstimated();
        m.put("region", e.getName());
        m.put("estimate", ok ? JsonNumbers.of(e.getEstimate()) : null);
        m.put("per_1000", ok ? JsonNumbers.of(e.getPer1000()) : null);
        m.put("se", ok ? JsonNumbers.of(e.getStandardError()) : null);
        m.put("lower68", ok ? JsonNumbers.of(e.getLower68()) : null);
        m.put("upper68", ok ? JsonNumbers.of(e.getUpper68()) : null);
        m.put("lower95", ok ? JsonNumbers.of(e.getLower95()) : null);
        m.put("upper95", ok ? JsonNumbers.of(e.getUpper95()) : null);
        m.put("delta_se", ok ? JsonNumbers.of(e.getDeltaStandardError()) : null);
        m.put("population", JsonNumbers.of(e.getPopulation()));
        m.put("status", e.getStatus().label());
        m.put("reason", e.getReason());
        m.put("leaves_out", e.getLeavesOut());
        return m;
    }

    /**
     * The decimals of the per-1,000 column, the same in every row: 2, or enough to show the smallest
     * positive rate with two significant digits (so that a small rate never reads as 0.00).
     */
    static int rateDecimals(List<RegionalEstimate> rows) {
        int d = 2;
        for (RegionalEstimate e : rows) {
            double v = e.isEstimated() ? e.getPer1000() : Double.NaN;
            if (v > 0 && v < 0.01) {
                d = Math.max(d, (int) Math.ceil(-Math.log10(v)) + 1);
            }
        }
        return Math.min(d, 12);
    }

    static List<String> cells(RegionalEstimate e, String name, int rateDecimals) {
        if (!e.isEstimated()) {
            return List.of(name, "-", "-", "-", "not estimated", "not estimated", "not-estimated: " + e.getReason());
        }
        return List.of(name, Format.count(Math.round(e.getEstimate())),
                Double.isFinite(e.getPer1000()) ? Output.fmt("%." + rateDecimals + "f", e.getPer1000()) : "-",
                Format.count(Math.round(e.getStandardError())),
                Format.count(Math.round(e.getLower68())) + " to " + Format.count(Math.round(e.getUpper68())),
                Format.count(Math.round(e.getLower95())) + " to " + Format.count(Math.round(e.getUpper95())),
                e.getStatus().label() + (e.getLeavesOut().isEmpty() ? "" : ": leaves out "
                        + Format.count(e.getLeavesOut().size(), "part", "parts") + " (below)"));
    }

    /** A CSV number: plain digits (never E-notation), NA when not estimated. */
    static String csvNumber(double x) {
        return Double.isNaN(x) ? "NA" : Format.plain(x);
    }

    static void write(CommandSpec spec, CommonOptions common, List<RegionalEstimate> regions, RegionalEstimate world,
                      String extraKey, List<Map<String, Object>> extra, String heading, PlotOptions plot) {
        List<Map<String, Object>> rj = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> csv = new ArrayList<>();
        StringBuilder notes = new StringBuilder();
        List<RegionalEstimate> all = new ArrayList<>(regions);
        all.add(world);
        int rateDecimals = rateDecimals(all);
        for (int i = 0; i < all.size(); i++) {
            RegionalEstimate e = all.get(i);
            boolean isWorld = i == all.size() - 1;
            String name = isWorld ? "World" : e.getName();
            if (!isWorld) {
                rj.add(row(e));
            }
            rows.add(cells(e, name, rateDecimals));
            if (!e.getLeavesOut().isEmpty()) {
                notes.append(name).append(" leaves out: ").append(String.join("; ", e.getLeavesOut()))
                        .append(System.lineSeparator());
            }
            csv.add(List.of(name, csvNumber(e.getEstimate()), csvNumber(e.getPer1000()),
                    csvNumber(e.getStandardError()), csvNumber(e.getLower68()), csvNumber(e.getUpper68()),
                    csvNumber(e.getLower95()), csvNumber(e.getUpper95()), csvNumber(e.getPopulation()),
                    e.getStatus().label(), e.getReason() == null ? "" : e.getReason(),
                    String.join("; ", e.getLeavesOut())));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("regions", rj);
        json.put("world", row(world));
        json.put(extraKey, extra);
        String text = switch (common.format) {
            case json -> Output.json(json);
            case csv -> Output.csv(List.of("region", "estimate", "per_1000", "se", "lower68", "upper68", "lower95",
                    "upper95", "population", "status", "reason", "leaves_out"), csv);
            case table -> heading + Output.table(List.of("region", "estimate", "per 1,000", "SE", "68% interval",
                    "95% interval", "status"), rows) + notes;
        };
        Output.write(common, spec.commandLine().getOut(), text);
        if (plot.wanted()) {
            List<RegionalEstimate> shown = all.stream().filter(RegionalEstimate::isEstimated).toList();
            List<String> labels = new ArrayList<>();
            double[][] v = new double[5][shown.size()];
            for (int i = 0; i < shown.size(); i++) {
                RegionalEstimate e = shown.get(i);
                labels.add(e == world ? "World" : e.getName());
                v[0][i] = e.getEstimate();
                v[1][i] = e.getLower95();
                v[2][i] = e.getUpper95();
                v[3][i] = e.getLower68();
                v[4][i] = e.getUpper68();
            }
            plot.save(Plots.intervals("People in forced labour by region", "people on an average day", labels,
                    v[0], v[1], v[2], v[3], v[4], null, null), spec);
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

        @Option(names = "--estimator", defaultValue = "chapman", description = "chapman or lincoln-petersen (default ${DEFAULT-VALUE}).")
        String estimator;

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
        CommonOptions common;

        @Override
        public Integer call() {
            checkCommon(spec, common);
            if (replicates < 2) {
                throw PrevalenceException.invalidArgument("--replicates", "--replicates must be >= 2, got %d", replicates);
            }
            CsvInput csv = input.csv();
            Table caseTable = csv.read(cases);
            CaseFile file = CaseFile.withDefaults().withEdition(edition(regions, columns == null ? caseTable : null,
                    RegionEdition.ILO_2012, csv));
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
            ReportedCasePipeline p = ReportedCasePipeline.withDefaults().with(TwoSourceEstimator.parse(estimator))
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
            Table populationTable = csv.read(population);
            ReferenceWindow w = ReferenceWindow.parse(window);
            ReportedCasePipeline.Result r = p.estimate(file.read(caseTable),
                    Populations.fromTable(file.edition(), populationTable), w);
            List<Map<String, Object>> strata = new ArrayList<>();
            for (ReportedCasePipeline.StratumResult s : r.getStrata()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("region", s.getRegion());
                m.put("form", s.getForm());
                m.put("handling", s.getHandling());
                m.put("observed_cases", s.getObservedCases());
                m.put("overlap", s.getOverlap());
                m.put("estimated_cases", JsonNumbers.of(s.getEstimatedCases()));
                m.put("victims", s.getVictims().isEstimated() ? JsonNumbers.of(s.getVictims().getEstimate()) : null);
                m.put("stock", s.getStock().isEstimated() ? row(s.getStock()) : null);
                m.put("status", s.getStatus().label());
                m.put("reason", s.getReason());
                strata.add(m);
            }
            String heading = Output.fmt("Reported-case pipeline (%s): %s, window %s, regions %s, %s bootstrap of %s "
                    + "(seed %d, %s failed)%n", r.getEstimator(), cases.getFileName(), r.getWindow(),
                    file.edition().name(), r.getScheme().name().toLowerCase(Locale.ROOT),
                    Format.count(r.getReplicates(), "replicate", "replicates"), r.getSeed(),
                    Format.count(r.getFailedReplicates()));
            write(spec, common, r.getRegions(), r.getWorld(), "strata", strata, heading, plot);
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
            CsvInput csv = input.csv();
            Table nationalTable = csv.read(national);
            RegionEdition ed = edition(regions, nationalTable, RegionEdition.GLOBAL_ESTIMATES, csv);
            Table covariatesTable = covariates == null ? null : csv.read(covariates);
            SurveyPipeline.Result r = p.estimate(NationalData.fromTable(ed, nationalTable),
                    covariatesTable == null ? Covariates.none() : Covariates.fromTable(covariatesTable, null));
            List<Map<String, Object>> countries = new ArrayList<>();
            for (SurveyPipeline.CountryResult c : r.getCountries()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("country", c.getCountry());
                m.put("region", c.getRegion());
                m.put("prevalence", JsonNumbers.of(c.getPrevalence()));
                m.put("se", JsonNumbers.of(c.getStandardError()));
                m.put("imputed", c.isImputed());
                countries.add(m);
            }
            String heading = Output.fmt("Survey pipeline: %s, regions %s, %s (%s imputed), Monte Carlo of %s (seed %d)%n",
                    national.getFileName(), ed.name(), Format.count(r.getCountries().size(), "country", "countries"),
                    Format.count(r.getCountries().stream().filter(SurveyPipeline.CountryResult::isImputed).count()),
                    Format.count(r.getDraws(), "draw", "draws"), r.getSeed());
            write(spec, common, r.getRegions(), r.getWorld(), "countries", countries, heading, plot);
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
