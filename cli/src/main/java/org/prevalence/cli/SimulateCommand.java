package org.prevalence.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.prevalence.core.PrevalenceException;
import org.prevalence.network.sim.HiddenPopulationSimulator;
import org.prevalence.network.sim.Triangulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prevalence simulate}: simulated data sets with known truths. */
@Command(name = "simulate", mixinStandardHelpOptions = true, header = "Simulated data with known truths.",
        description = "Simulates data whose truth is known, to see which method breaks when. "
                + "'simulate hidden DIR' writes a hidden-population world; 'prevalence compare DIR' estimates it.",
        subcommands = SimulateCommand.Hidden.class)
final class SimulateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code prevalence simulate hidden DIR}. */
    @Command(name = "hidden", mixinStandardHelpOptions = true, sortOptions = false,
            header = "A population with a hidden group: household NSUM survey, RDS sample, case lists, truth.",
            description = {
                "Simulates a population network with a hidden group of known size and forced-labour prevalence "
                    + "(HiddenPopulationSimulator) and writes to DIR: household.csv (weight, known-population "
                    + "reports k1..kK, q_hidden, q_fl, hidden, fl), known.csv (known.popn, size), rds.csv (id, "
                    + "recruiter, degree, fl, visibility, list1), lists.csv (one row per victim on a list, 0/1 per "
                    + "list) and truth.json (the truths, N and the parameters). Defaults make every method's "
                    + "assumptions hold; --homophily, --barrier, --visibility and --degree-error break them.",
                "Example:",
                "  prevalence simulate hidden world --seed 1 --homophily 0.6 --barrier 0.4",
                "  prevalence compare world --plot world/compare.png"},
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:success", "1:internal error", "2:bad options"})
    static final class Hidden implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The folder to write (created if missing).")
        Path dir;

        @Option(names = "--population", defaultValue = "20000", paramLabel = "N",
                description = "Population size (default: ${DEFAULT-VALUE}).")
        int population;

        @Option(names = "--hidden", defaultValue = "1000", paramLabel = "NH",
                description = "Hidden group's size (default: ${DEFAULT-VALUE}).")
        int hidden;

        @Option(names = "--prevalence", defaultValue = "0.3", paramLabel = "P",
                description = "Forced-labour prevalence among the hidden (default: ${DEFAULT-VALUE}).")
        double prevalence;

        @Option(names = "--mean-degree", defaultValue = "20", paramLabel = "D",
                description = "Mean network degree (default: ${DEFAULT-VALUE}).")
        double meanDegree;

        @Option(names = "--hidden-tie-share", defaultValue = "0.5", paramLabel = "S",
                description = "Share of a hidden member's ties to other hidden members (default: ${DEFAULT-VALUE}).")
        double tieShare;

        @Option(names = "--homophily", defaultValue = "0", paramLabel = "H",
                description = "Homophily by forced-labour status within the hidden group, in [0, 1) "
                        + "(default: ${DEFAULT-VALUE}).")
        double homophily;

        @Option(names = "--barrier", defaultValue = "0", paramLabel = "B",
                description = "Share of the hidden members' ties to others removed, in [0, 1) "
                        + "(default: ${DEFAULT-VALUE}).")
        double barrier;

        @Option(names = "--visibility", defaultValue = "1", paramLabel = "TAU",
                description = "Probability an outsider knows a hidden alter's membership, in (0, 1] "
                        + "(default: ${DEFAULT-VALUE}).")
        double visibility;

        @Option(names = "--degree-error", defaultValue = "0", paramLabel = "SIGMA",
                description = "SD of the log error of the RDS reported degree (default: ${DEFAULT-VALUE}).")
        double degreeError;

        @Option(names = "--household", defaultValue = "2000", paramLabel = "n",
                description = "Household survey size (default: ${DEFAULT-VALUE}).")
        int household;

        @Option(names = "--rds", defaultValue = "300", paramLabel = "n",
                description = "RDS sample size (default: ${DEFAULT-VALUE}).")
        int rds;

        @Option(names = "--rds-seeds", defaultValue = "10", paramLabel = "K",
                description = "RDS seeds (default: ${DEFAULT-VALUE}).")
        int seeds;

        @Option(names = "--coupons", defaultValue = "3", paramLabel = "C",
                description = "Coupons per RDS respondent (default: ${DEFAULT-VALUE}).")
        int coupons;

        @Option(names = "--lists", defaultValue = "0.3,0.25,0.2", split = ",", paramLabel = "C1,C2,...",
                description = "Capture probability of each case list, two or more (default: ${DEFAULT-VALUE}).")
        double[] lists;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            HiddenPopulationSimulator sim = HiddenPopulationSimulator.withDefaults().withSizes(population, hidden)
                    .withPrevalence(prevalence).withMeanDegree(meanDegree).withHiddenTieShare(tieShare)
                    .withHomophily(homophily).withBarrier(barrier).withVisibility(visibility)
                    .withDegreeError(degreeError).withSamples(household, rds, seeds, coupons).withListCapture(lists)
                    .withSeed(common.seed);
            HiddenPopulationSimulator.World w = sim.simulate();
            try {
                Files.createDirectories(dir);
                write(dir, w, sim);
            } catch (IOException e) {
                throw PrevalenceException.invalidArgument("DIR", "cannot write to the folder: %s", e.getMessage());
            }
            spec.commandLine().getOut().println(Output.fmt("Simulated a population of %d with a hidden group of %d "
                    + "(%d in forced labour, prevalence %s); household survey %d, RDS sample %d (%d seeds), %d lists; "
                    + "written to %s", w.populationSize(), w.hiddenSize(), w.forcedLabour(),
                    Output.plain(w.prevalence()), w.householdSize(), w.rdsSize(), w.rdsSeeds(), w.lists(), dir));
            return 0;
        }
    }

    static void write(Path dir, HiddenPopulationSimulator.World w, HiddenPopulationSimulator sim) throws IOException {
        int[] ks = w.knownSizes();
        List<String> lines = new ArrayList<>();
        StringBuilder h = new StringBuilder("id,weight");
        for (int k = 0; k < ks.length; k++) {
            h.append(",k").append(k + 1);
        }
        lines.add(h.append(",q_hidden,q_fl,hidden,fl").toString());
        String weight = Output.raw(w.populationSize() / (double) w.householdSize());
        for (int r = 0; r < w.householdSize(); r++) {
            StringBuilder b = new StringBuilder().append(r + 1).append(',').append(weight);
            for (int v : w.householdRow(r)) {
                b.append(',').append(v);
            }
            lines.add(b.toString());
        }
        Files.write(dir.resolve("household.csv"), lines, StandardCharsets.UTF_8);
        lines = new ArrayList<>();
        lines.add("known.popn,size");
        for (int k = 0; k < ks.length; k++) {
            lines.add("k" + (k + 1) + "," + ks[k]);
        }
        Files.write(dir.resolve("known.csv"), lines, StandardCharsets.UTF_8);
        lines = new ArrayList<>();
        lines.add("id,recruiter,degree,fl,visibility,list1");
        for (int r = 0; r < w.rdsSize(); r++) {
            lines.add((r + 1) + "," + (w.rdsRecruiter(r) < 0 ? "seed" : Integer.toString(w.rdsRecruiter(r) + 1)) + ","
                    + Output.raw(w.rdsDegree(r)) + "," + (w.rdsForcedLabour(r) ? 1 : 0) + "," + w.rdsVisibility(r)
                    + "," + (w.rdsOnList(r, 0) ? 1 : 0));
        }
        Files.write(dir.resolve("rds.csv"), lines, StandardCharsets.UTF_8);
        lines = new ArrayList<>();
        StringBuilder lh = new StringBuilder("case");
        for (int l = 0; l < w.lists(); l++) {
            lh.append(",list").append(l + 1);
        }
        lines.add(lh.toString());
        int[][] cases = w.listCases();
        for (int c = 0; c < cases.length; c++) {
            StringBuilder b = new StringBuilder().append(c + 1);
            for (int v : cases[c]) {
                b.append(',').append(v);
            }
            lines.add(b.toString());
        }
        Files.write(dir.resolve("lists.csv"), lines, StandardCharsets.UTF_8);
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("population_size", w.populationSize());
        Map<String, Double> t = Triangulation.truth(w);
        truth.put("hidden_size", w.hiddenSize());
        truth.put("forced_labour", w.forcedLabour());
        truth.put("prevalence", t.get(Triangulation.PREVALENCE));
        truth.put("mean_degree", w.meanDegrees()[0]);
        truth.put("hidden_mean_degree", w.meanDegrees()[1]);
        truth.put("parameters", sim.parameters());
        try {
            Files.writeString(dir.resolve("truth.json"), Output.json(truth) + System.lineSeparator(),
                    StandardCharsets.UTF_8);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
