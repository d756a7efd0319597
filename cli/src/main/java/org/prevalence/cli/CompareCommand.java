package org.prevalence.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;
import org.prevalence.network.nsum.KnownPopulations;
import org.prevalence.network.rds.RdsBootstrap;
import org.prevalence.network.rds.RdsSample;
import org.prevalence.network.rds.RdsTable;
import org.prevalence.network.sim.Triangulation;
import org.prevalence.survey.SurveyDesign;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/** {@code prevalence compare DIR}: every hidden-population estimator on one folder of data, beside the truth. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Every hidden-population estimator on one data folder, each interval beside the truth.",
        description = {
            "Reads the folder 'prevalence simulate hidden' writes (household.csv, known.csv, rds.csv, lists.csv and, "
                + "when present, truth.json) and runs every applicable estimator: the household survey (direct), "
                + "RDS-II (Salganik bootstrap), Gile's SS (Gile bootstrap, N = the NSUM size), NSUM and the "
                + "generalized NSUM (linearization), the multiplier (list 1 over its RDS-II share) and log-linear "
                + "MSE on the case lists. Prints each estimate and interval beside the truth; --plot draws them "
                + "as estimate / truth (or the sizes when there is no truth).",
            "Example:",
            "  prevalence compare world --format json --plot world/compare.svg --plot-format svg"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:success", "1:internal error", "2:bad input or options (the message names the file and row)"})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The data folder.")
    Path dir;

    @Option(names = "--population", paramLabel = "N",
            description = "The population size (default: truth.json's population_size).")
    Double population;

    @Option(names = "--replicates", defaultValue = "1000", paramLabel = "B",
            description = "Bootstrap replicates of the RDS estimators (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--member-draw", paramLabel = "degree|uniform", defaultValue = "degree",
            converter = RdsCommand.MemberDraws.class, completionCandidates = RdsCommand.MemberDraws.class,
            description = "How Salganik's bootstrap (RDS-II and the multiplier's share) draws each chain member "
                    + "within its group: degree (proportional to degree, as R's RDS) or uniform (Salganik 2006); "
                    + "Gile's SS bootstrap does not use it (default: ${DEFAULT-VALUE}).")
    RdsBootstrap.MemberDraw memberDraw;

    @Mixin
    InputFormatOptions input;

    @Mixin
    PlotOptions plot;

    @Mixin
    CommonOptions common;

    private Path file(String name) {
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw PrevalenceException.invalidArgument("DIR", "the folder has no %s (write it with 'prevalence "
                    + "simulate hidden DIR')", name);
        }
        return p;
    }

    @Override
    public Integer call() throws IOException {
        if (replicates < 2) {
            throw PrevalenceException.invalidArgument("--replicates", "--replicates must be at least 2, got %d",
                    replicates);
        }
        Path householdFile = file("household.csv");
        Map<String, Double> truth = new LinkedHashMap<>();
        Path tj = dir.resolve("truth.json");
        Double bigN = population;
        if (Files.isRegularFile(tj)) {
            JsonNode t = new ObjectMapper().readTree(tj.toFile());
            truth.put(Triangulation.SIZE, t.path("hidden_size").asDouble(Double.NaN));
            truth.put(Triangulation.PREVALENCE, t.path("prevalence").asDouble(Double.NaN));
            truth.put(Triangulation.VICTIMS, t.path("forced_labour").asDouble(Double.NaN));
            if (bigN == null && t.has("population_size")) {
                bigN = t.get("population_size").asDouble();
            }
        }
        if (bigN == null) {
            throw PrevalenceException.invalidArgument("--population", "give --population N (there is no truth.json "
                    + "with population_size)");
        }
        Table hh = input.csv().read(householdFile);
        SurveyDesign design = SurveyDesign.builder(hh).weights("weight").build();
        KnownPopulations kp = KnownPopulations.fromTable(input.csv().read(file("known.csv")), "known.popn", "size");
        Table rt = input.csv().read(file("rds.csv"));
        RdsSample rds = RdsTable.sample(rt, "id", "recruiter", "degree");
        Table lt = input.csv().read(file("lists.csv"));
        List<String> listNames = new ArrayList<>();
        for (String c : lt.columnNames()) {
            if (!c.equals("case")) {
                listNames.add(c);
            }
        }
        int[][] cases = new int[lt.rowCount()][listNames.size()];
        for (int l = 0; l < listNames.size(); l++) {
            double[] v = RdsTable.outcome(lt, listNames.get(l), null);
            for (int r = 0; r < v.length; r++) {
                cases[r][l] = v[r] > 0 ? 1 : 0;
            }
        }
        Triangulation.Data data = new Triangulation.Data(bigN, kp, design, rds, RdsTable.outcome(rt, "fl", null),
                RdsTable.outcome(rt, "visibility", null), RdsTable.outcome(rt, "list1", null), listNames, cases);
        List<Triangulation.Row> rows = Triangulation.withDefaults().with(memberDraw).withReplicates(replicates)
                .withSeed(common.seed)
                .withThreads(common.threadCount()).withConfidenceLevel(common.level).run(data, truth);
        Report report = report(rows).with("member_draw", RdsCommand.MemberDraws.cli(memberDraw),
                memberDraw == RdsBootstrap.MemberDraw.UNIFORM
                        ? Output.fmt("Salganik's bootstrap drew chain members uniformly within their group "
                                + "(Salganik 2006).%n") : "");
        Output.write(common, spec.commandLine().getOut(), report.render(common.format));
        if (plot.wanted()) {
            plot.save(chart(rows), spec);
        }
        return 0;
    }

    static Report report(List<Triangulation.Row> rows) {
        ResultTable t = new ResultTable("quantity", "method", "estimate", "lower", "upper", "truth", "covers");
        List<Map<String, Object>> json = new ArrayList<>();
        for (Triangulation.Row r : rows) {
            boolean known = !Double.isNaN(r.truth());
            t.add(r.quantity(), r.method(), JsonNumbers.of(r.estimate()),
                    r.interval() == null ? null : JsonNumbers.of(r.interval().lower()),
                    r.interval() == null ? null : JsonNumbers.of(r.interval().upper()),
                    known ? JsonNumbers.of(r.truth()) : null, known ? (Object) r.covers() : null);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("quantity", r.quantity());
            m.put("method", r.method());
            m.put("estimate", JsonNumbers.of(r.estimate()));
            Map<String, Object> iv = null;
            if (r.interval() != null) {
                iv = new LinkedHashMap<>();
                iv.put("lower", JsonNumbers.of(r.interval().lower()));
                iv.put("upper", JsonNumbers.of(r.interval().upper()));
                iv.put("level", JsonNumbers.of(r.interval().level()));
                iv.put("method", r.interval().label());
            }
            m.put("interval", iv);
            m.put("truth", known ? JsonNumbers.of(r.truth()) : null);
            m.put("covers", known ? r.covers() : null);
            json.add(m);
        }
        String text = t.text(List.of("quantity", "method", "estimate", "lower", "upper", "truth", "covers"),
                c -> c == null ? "" : c instanceof Number n ? Format.number(n.doubleValue()) : String.valueOf(c));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("estimates", json);
        return new Report(text, root, t);
    }

    static org.knowm.xchart.XYChart chart(List<Triangulation.Row> rows) {
        boolean truth = rows.stream().allMatch(r -> !Double.isNaN(r.truth()));
        List<Triangulation.Row> use = truth ? rows
                : rows.stream().filter(r -> r.quantity().equals(Triangulation.SIZE)).toList();
        int n = use.size();
        List<String> labels = new ArrayList<>();
        double[] est = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] ref = new double[n];
        for (int i = 0; i < n; i++) {
            Triangulation.Row r = use.get(i);
            double s = truth ? r.truth() : 1;
            labels.add(r.method() + ": " + r.quantity());
            est[i] = r.estimate() / s;
            lo[i] = r.interval() == null ? Double.NaN : r.interval().lower() / s;
            hi[i] = r.interval() == null ? Double.NaN : r.interval().upper() / s;
            ref[i] = truth ? 1 : Double.NaN;
        }
        return Plots.intervals(truth ? "Estimates against the truth" : "Hidden population size",
                truth ? "estimate / truth" : "size", labels, est, lo, hi, null, null, truth ? ref : null,
                truth ? "truth" : null);
    }
}
