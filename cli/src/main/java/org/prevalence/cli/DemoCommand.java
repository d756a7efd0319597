package org.prevalence.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.bootstrap.Bootstrap;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.datasets.Datasets;
import org.prevalence.datasets.world.PublishedTables;
import org.prevalence.datasets.world.SyntheticWorld;
import org.prevalence.mse.LogLinearMse;
import org.prevalence.mse.ModelSelection;
import org.prevalence.mse.MseBootstrap;
import org.prevalence.regional.CaseFile;
import org.prevalence.regional.Populations;
import org.prevalence.regional.RegionEdition;
import org.prevalence.regional.RegionalEstimate;
import org.prevalence.regional.ReferenceWindow;
import org.prevalence.regional.ReportedCasePipeline;
import org.prevalence.survey.CiMethod;
import org.prevalence.survey.SurveyDesign;
import org.prevalence.survey.SurveyMean;
import org.prevalence.survey.SurveyProportion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/** {@code prevalence demo}: the main job on bundled data, needing no argument and no network. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run the three estimation pipelines on bundled data and print a short report.",
        description = {
            "1. Lists of known cases: the UK 2013 5-list table (2,744 potential victims): the stepwise log-linear "
                + "model with its log-normal and bootstrap (BCa) intervals, and the BIC-selected model.",
            "2. A household survey: R survey's stratified API sample: a mean with its design effect and a "
                + "proportion by domain.",
            "3. Regional figures: the ILO 2012 reported-case method on a synthetic world with a known truth, "
                + "beside the published ILO 2012 regional table.",
            "Plots are written to the --dir folder (default ./prevalence-demo)."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", defaultValue = "prevalence-demo", description = "Folder for the plots (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--seed", defaultValue = "" + Bootstrap.DEFAULT_SEED, description = "Seed of the bootstraps and the synthetic world (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "0", description = "Threads (0 = all cores). Results do not depend on it.")
    int threads;

    @Option(names = "--plot-format", defaultValue = "png", description = "png or svg (default ${DEFAULT-VALUE}).")
    Plots.PlotFormat plotFormat;

    @Option(names = "--verbose", description = "On error, print the stack trace.")
    boolean verbose;

    private final List<Path> plots = new ArrayList<>();

    /** The HTML report's three parts, made from the same results as the printed report. */
    private final List<String> html = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        int nThreads = threads; // 0 = all cores, as every withThreads of the library reads it
        OutputFiles.folder(dir, "--dir");
        StringBuilder sb = new StringBuilder();
        sb.append("Prevalence demo: bundled data only, seed ").append(seed).append("\n\n");
        lists(sb, nThreads);
        survey(sb);
        regional(sb, nThreads);
        Path report = OutputFiles.write(dir.resolve("report.html"), "--dir", out -> out.write(page()));
        sb.append("Report (HTML, all three parts) written to ").append(report.toAbsolutePath().normalize())
                .append('\n');
        sb.append("Plots written to ").append(dir.toAbsolutePath().normalize()).append(":\n");
        for (Path p : plots) {
            sb.append("  ").append(p.getFileName()).append('\n');
        }
        spec.commandLine().getOut().print(sb);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** @return the demo's HTML report: the three parts on one self-contained page */
    private byte[] page() {
        org.prevalence.cli.html.Html h = new org.prevalence.cli.html.Html("Prevalence demo");
        html.forEach(h::raw);
        return h.page("Bundled data only, seed " + seed + ": UK 2013 lists of known cases, the apistrat survey "
                + "sample and a synthetic world").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private void lists(StringBuilder sb, int nThreads) {
        ListOverlapTable uk = Datasets.listTable("uk2013_5lists");
        sb.append("1. Lists of known cases: UK 2013, 5 lists (Silverman 2014, Home Office)\n");
        sb.append(Output.fmt("   %s potential victims seen on lists %s%n", Format.count(uk.observedTotal()),
                String.join(", ", uk.listNames())));
        LogLinearMse.Result step = LogLinearMse.withDefaults().with(ModelSelection.STEPWISE).withThreads(nThreads)
                .estimate(uk);
        MseBootstrap.Result boot;
        try (Progress p = Progress.start("bootstrap", 1000)) {
            boot = MseBootstrap.withDefaults().withReplicates(1000).withSeed(seed).withThreads(nThreads)
                    .withProgress((d, t) -> p.step()).estimate(uk);
        }
        LogLinearMse.Result bic = LogLinearMse.withDefaults().with(ModelSelection.BIC).withThreads(nThreads)
                .estimate(uk);
        html.add(org.prevalence.cli.html.MseHtml.body(new org.prevalence.cli.html.MseHtml.Context("uk2013_5lists", uk,
                boot, LogLinearMse.withDefaults().with(ModelSelection.STEPWISE).withThreads(nThreads),
                LogLinearMse.withDefaults().withThreads(nThreads).with(ModelSelection.AUTO.emptyOverlaps(false)),
                org.prevalence.mse.closed.ClosedPopulationModels.withDefaults(), 0.95, seed, nThreads,
                "prevalence demo (the stepwise bootstrap of 1,000 replicates)")));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("stepwise (SparseMSE)", step.getModelName(), Output.num(step.getEstimate()),
                range(step.getConfidenceInterval())));
        rows.add(List.of("stepwise, bootstrap", "re-selected in each of " + Format.count(boot.getRequested()),
                Output.num(boot.getEstimate()), range(boot.getConfidenceInterval())));
        rows.add(List.of("BIC over hierarchical models", bic.getModelName(), Output.num(bic.getEstimate()),
                range(bic.getConfidenceInterval())));
        sb.append(indent(Output.table(List.of("method", "model", "estimate N", "95% interval"), rows)));
        sb.append("   Published central estimate: 11,313 (Bales, Hesketh & Silverman 2015); the model choice matters:\n"
                + "   see 'prevalence mse --dataset uk2013_5lists --compare'.\n\n");
        plots.add(Plots.save(Plots.overlapBars(uk, "UK 2013: cases by the lists that saw them"),
                dir.resolve("uk2013-histories"), plotFormat));
        plots.add(Plots.save(Plots.distribution("UK 2013: bootstrap distribution of N (stepwise re-selection)",
                "population N", boot.getReplicates(), boot.getEstimate(), boot.getConfidenceInterval()),
                dir.resolve("uk2013-bootstrap"), plotFormat));
    }

    private void survey(StringBuilder sb) {
        Table apistrat = Datasets.surveyTable("apistrat");
        SurveyDesign d = SurveyDesign.builder(apistrat).strata("stype").weights("pw").fpc("fpc").build();
        SurveyMean.Result m = SurveyMean.withDefaults().estimate(d, "api00");
        List<SurveyProportion.Result> p = SurveyProportion.withDefaults().with(CiMethod.LOGIT)
                .estimateLevelBy(d, "sch.wide", "Yes", "stype");
        sb.append("2. A household-style survey: apistrat (R survey's API sample; strata stype, weights pw, fpc)\n");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("mean api00", "all", Output.num(m.getEstimate()), Output.num(m.getStandardError()),
                range(m.getConfidenceInterval()), Output.num(m.getDeff())));
        List<String> labels = new ArrayList<>();
        double[] est = new double[p.size()];
        double[] lo = new double[p.size()];
        double[] hi = new double[p.size()];
        for (int i = 0; i < p.size(); i++) {
            SurveyProportion.Result r = p.get(i);
            String dom = r.getDomain().toString().replace("{", "").replace("}", "");
            rows.add(List.of("share meeting target", dom, Output.num(r.getEstimate()),
                    Output.num(r.getStandardError()), range(r.getConfidenceInterval()), Output.num(r.getDeff())));
            labels.add(dom);
            est[i] = r.getEstimate();
            lo[i] = r.getConfidenceInterval().lower();
            hi[i] = r.getConfidenceInterval().upper();
        }
        sb.append(indent(Output.table(List.of("statistic", "domain", "estimate", "SE", "95% interval", "deff"), rows)));
        List<org.prevalence.survey.SurveyEstimate> all = new ArrayList<>();
        all.add(m);
        all.addAll(p);
        html.add(org.prevalence.cli.html.SurveyHtml.body(new org.prevalence.cli.html.SurveyHtml.Context("apistrat", d,
                all, 0.95, null, "prevalence demo (strata stype, weights pw, fpc fpc; mean api00; sch.wide=Yes by "
                + "stype, logit interval)")));
        sb.append("   Intervals: mean normal; proportions svyciprop logit with the design's degrees of freedom.\n\n");
        plots.add(Plots.save(Plots.intervals("apistrat: share of schools meeting their growth target, by type",
                "proportion", labels, est, lo, hi, null, null, null, null), dir.resolve("apistrat-domains"), plotFormat));
    }

    private void regional(StringBuilder sb, int nThreads) {
        SyntheticWorld.World w = SyntheticWorld.withDefaults().withSeed(seed).generate();
        ReferenceWindow window = ReferenceWindow.parse("2002-01-01:2011-12-31");
        ReportedCasePipeline.Result r = ReportedCasePipeline.withDefaults().withReplicates(2000).withSeed(seed)
                .withThreads(nThreads).estimate(CaseFile.withDefaults().read(w.casesTable()),
                        Populations.fromTable(CaseFile.withDefaults().edition(), w.regionPopulationTable()), window);
        Table published = PublishedTables.table("ilo2012_regional_forced_labour");
        sb.append(Output.fmt("3. Regional figures: the ILO 2012 reported-case method on a synthetic world (seed %d, %s "
                + "reported cases,%n   two research teams, Chapman per region and form, stratified bootstrap of %s "
                + "replicates)%n", seed, Format.count(w.observedCases()), Format.count(r.getReplicates())));
        List<List<String>> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<RegionalEstimate> regions = new ArrayList<>(r.getRegions());
        regions.add(r.getWorld());
        double[] est = new double[regions.size()];
        double[] lo95 = new double[regions.size()];
        double[] hi95 = new double[regions.size()];
        double[] lo68 = new double[regions.size()];
        double[] hi68 = new double[regions.size()];
        double[] truth = new double[regions.size()];
        for (int i = 0; i < regions.size(); i++) {
            RegionalEstimate e = regions.get(i);
            boolean world = i == regions.size() - 1;
            double t = w.trueCaseStock(world ? null : e.getName());
            String pub = publishedFigure(published, world ? "World" : e.getName());
            rows.add(List.of(world ? "World" : e.getName(), people(e.getEstimate()),
                    people(e.getLower95()) + " to " + people(e.getUpper95()), Output.fmt("%.2f", e.getPer1000()), people(t),
                    e.getInterval95().contains(t) ? "yes" : "no", pub));
            labels.add(world ? "World" : e.getName());
            // plotted per 1,000 inhabitants (a change of unit: every figure divided by the population / 1,000)
            double unit = 1000 / e.getPopulation();
            est[i] = e.getPer1000();
            lo95[i] = e.getLower95() * unit;
            hi95[i] = e.getUpper95() * unit;
            lo68[i] = e.getLower68() * unit;
            hi68[i] = e.getUpper68() * unit;
            truth[i] = t * unit;
        }
        double[] truthCounts = new double[regions.size()];
        for (int i = 0; i < regions.size(); i++) {
            truthCounts[i] = w.trueCaseStock(i == regions.size() - 1 ? null : regions.get(i).getName());
        }
        html.add(org.prevalence.cli.html.RegionalHtml.body(new org.prevalence.cli.html.RegionalHtml.Context(
                "Regional figures: the ILO 2012 reported-case method on a synthetic world", r.getRegions(), r.getWorld(),
                r.getStrata(), published, truthCounts, RegionalCommand.caseMethod(r) + "; synthetic world seed " + seed,
                "prevalence demo")));
        sb.append(indent(Output.table(List.of("region", "estimate", "95% interval", "per 1,000", "truth", "covered",
                "ILO 2012 published"), rows)));
        sb.append("   'truth' is the synthetic world's stock of people in the reported-case universe on an average day;\n"
                + "   the published column is the ILO 2012 table the world was built to reproduce (millions).\n\n");
        plots.add(Plots.save(Plots.intervals("Synthetic world: forced labour per 1,000 people, ILO 2012 regions",
                "people in forced labour per 1,000 inhabitants", labels, est, lo95, hi95, lo68, hi68, truth, "truth"),
                dir.resolve("regional-world"), plotFormat));
    }

    private static String publishedFigure(Table t, String region) {
        String[] regions = org.prevalence.core.io.Columns.strings(t, "region");
        double[] millions = org.prevalence.core.io.Columns.numbers(t, "forced_labour_millions");
        double[] per1000 = org.prevalence.core.io.Columns.numbers(t, "per_1000_inhabitants");
        for (int i = 0; i < regions.length; i++) {
            if (regions[i].equalsIgnoreCase(region)) {
                return Output.fmt("%.1f M, %.1f per 1,000", millions[i], per1000[i]);
            }
        }
        return "-";
    }

    private static String people(double x) {
        return Format.count(Math.round(x));
    }

    private static String range(Interval iv) {
        return iv == null ? "-" : Output.num(iv.lower()) + " to " + Output.num(iv.upper())
                + " (" + iv.label().toLowerCase(Locale.ROOT) + ")";
    }

    private static String indent(String s) {
        return s.lines().map(l -> "   " + l).reduce("", (a, b) -> a + b + "\n");
    }

    /** @return the regions of the ILO 2012 edition, for tests */
    static List<String> iloRegions() {
        return RegionEdition.ILO_2012.regions();
    }
}
