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
import org.prevalence.regional.NoOverlap;
import org.prevalence.regional.OutsideComponent;
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

    static RegionEdition edition(Path regions, RegionEdition fallback, CsvInput csv) {
        return regions == null ? fallback
                : RegionEdition.fromTable(regions.getFileName().toString(), csv.read(regions));
    }

    static Map<String, Object> row(RegionalEstimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", e.getName());
        m.put("estimate", e.getEstimate());
        m.put("per_1000", e.getPer1000());
        m.put("se", e.getStandardError());
        m.put("lower68", e.getLower68());
        m.put("upper68", e.getUpper68());
        m.put("lower95", e.getLower95());
        m.put("upper95", e.getUpper95());
        m.put("delta_se", Double.isFinite(e.getDeltaStandardError()) ? e.getDeltaStandardError() : null);
        m.put("population", e.getPopulation());
        return m;
    }

    static List<String> cells(RegionalEstimate e, String name) {
        return List.of(name, Format.count(Math.round(e.getEstimate())), Output.fmt("%.2f", e.getPer1000()),
                Format.count(Math.round(e.getStandardError())),
                Format.count(Math.round(e.getLower68())) + " to " + Format.count(Math.round(e.getUpper68())),
                Format.count(Math.round(e.getLower95())) + " to " + Format.count(Math.round(e.getUpper95())));
    }

    static void write(CommandSpec spec, CommonOptions common, List<RegionalEstimate> regions, RegionalEstimate world,
                      String extraKey, List<Map<String, Object>> extra, String heading, PlotOptions plot) {
        List<Map<String, Object>> rj = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> csv = new ArrayList<>();
        List<RegionalEstimate> all = new ArrayList<>(regions);
        all.add(world);
        for (int i = 0; i < all.size(); i++) {
            RegionalEstimate e = all.get(i);
            boolean isWorld = i == all.size() - 1;
            if (!isWorld) {
                rj.add(row(e));
            }
            rows.add(cells(e, isWorld ? "World" : e.getName()));
            csv.add(List.of(isWorld ? "World" : e.getName(), Output.raw(e.getEstimate()), Output.raw(e.getPer1000()),
                    Output.raw(e.getStandardError()), Output.raw(e.getLower68()), Output.raw(e.getUpper68()),
                    Output.raw(e.getLower95()), Output.raw(e.getUpper95()), Output.raw(e.getPopulation())));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("regions", rj);
        json.put("world", row(world));
        json.put(extraKey, extra);
        String text = switch (common.format) {
            case json -> Output.json(json);
            case csv -> Output.csv(List.of("region", "estimate", "per_1000", "se", "lower68", "upper68", "lower95",
                    "upper95", "population"), csv);
            case table -> heading + Output.table(List.of("region", "estimate", "per 1,000", "SE", "68% interval",
                    "95% interval"), rows);
        };
        Output.write(common, spec.commandLine().getOut(), text);
        if (plot.wanted()) {
            List<String> labels = new ArrayList<>();
            double[][] v = new double[5][all.size()];
            for (int i = 0; i < all.size(); i++) {
                RegionalEstimate e = all.get(i);
                labels.add(i == all.size() - 1 ? "World" : e.getName());
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

        @Option(names = "--regions", paramLabel = "FILE.csv",
                description = "Region edition (default: the ILO 2012 six regions).")
        Path regions;

        @Option(names = "--sources", split = ",", paramLabel = "A,B", description = "Source columns (default team_a,team_b).")
        List<String> sources;

        @Option(names = "--estimator", defaultValue = "chapman", description = "chapman or lincoln-petersen (default ${DEFAULT-VALUE}).")
        String estimator;

        @Option(names = "--no-overlap", defaultValue = "fail", description = "A stratum with no overlap: fail, pool "
                + "(with --pool) or exclude (reported) (default ${DEFAULT-VALUE}).")
        String noOverlap;

        @Option(names = "--pool", paramLabel = "STRATUM=NEIGHBOUR", description = "Pool a stratum 'region|form' with a "
                + "named neighbour stratum.")
        List<String> pool;

        @Option(names = "--bootstrap", defaultValue = "population", description = "population (Buckland & Garthwaite "
                + "1991, default) or cases.")
        String bootstrap;

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
            CaseFile file = CaseFile.withDefaults().withEdition(edition(regions, RegionEdition.ILO_2012, input.csv()));
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
                    .with(SurveyCommand.enumOf(NoOverlap.class, noOverlap, "--no-overlap"))
                    .with(SurveyCommand.enumOf(BootstrapScheme.class, bootstrap, "--bootstrap"))
                    .withReplicates(replicates).withSeed(common.seed).withThreads(common.threadCount());
            if (pool != null) {
                for (String s : pool) {
                    String[] kv = s.split("=", 2);
                    if (kv.length != 2) {
                        throw PrevalenceException.invalidArgument("--pool", "--pool takes STRATUM=NEIGHBOUR, got '%s'", s);
                    }
                    p = p.withNeighbour(kv[0], kv[1]);
                }
            }
            CsvInput csv = input.csv();
            ReportedCasePipeline.Result r = p.estimate(file, csv.read(cases), csv.read(population),
                    ReferenceWindow.parse(window));
            List<Map<String, Object>> strata = new ArrayList<>();
            for (ReportedCasePipeline.StratumResult s : r.getStrata()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("region", s.getRegion());
                m.put("form", s.getForm());
                m.put("handling", s.getHandling());
                m.put("observed_cases", s.getObservedCases());
                m.put("overlap", s.getOverlap());
                m.put("estimated_cases", s.isEstimable() ? s.getEstimatedCases() : null);
                m.put("victims", s.getVictims() == null ? null : s.getVictims().getEstimate());
                Map<String, Object> stock = s.getStock() == null ? null : row(s.getStock());
                m.put("stock", stock);
                strata.add(m);
            }
            String heading = Output.fmt("Reported-case pipeline (%s): %s, window %s, %s bootstrap of %s replicates "
                    + "(seed %d, %d failed)%n", r.getEstimator(), cases.getFileName(), r.getWindow(),
                    r.getScheme().name().toLowerCase(Locale.ROOT), Format.count(r.getReplicates()), r.getSeed(),
                    r.getFailedReplicates());
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

        @Option(names = "--regions", paramLabel = "FILE.csv", description = "Region edition (default: the five "
                + "Global Estimates regions).")
        Path regions;

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
            SurveyPipeline p = SurveyPipeline.withDefaults().withDraws(draws).withSeed(common.seed)
                    .withThreads(common.threadCount());
            if (add != null) {
                for (String a : add) {
                    p = p.with(component(a));
                }
            }
            CsvInput csv = input.csv();
            SurveyPipeline.Result r = p.estimate(edition(regions, RegionEdition.GLOBAL_ESTIMATES, csv),
                    csv.read(national), covariates == null ? null : csv.read(covariates));
            List<Map<String, Object>> countries = new ArrayList<>();
            for (SurveyPipeline.CountryResult c : r.getCountries()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("country", c.getCountry());
                m.put("region", c.getRegion());
                m.put("prevalence", c.getPrevalence());
                m.put("se", c.getStandardError());
                m.put("imputed", c.isImputed());
                countries.add(m);
            }
            String heading = Output.fmt("Survey pipeline: %s, %d countries (%d imputed), %s Monte Carlo draws (seed %d)%n",
                    national.getFileName(), r.getCountries().size(),
                    r.getCountries().stream().filter(SurveyPipeline.CountryResult::isImputed).count(),
                    Format.count(r.getDraws()), r.getSeed());
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
}
