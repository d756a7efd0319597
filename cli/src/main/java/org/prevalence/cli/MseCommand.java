package org.prevalence.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.core.lists.StratifiedListTable;
import org.prevalence.mse.Chapman;
import org.prevalence.mse.EmptyOverlaps;
import org.prevalence.mse.LincolnPetersen;
import org.prevalence.mse.LogLinearMse;
import org.prevalence.mse.ModelSelection;
import org.prevalence.mse.MseInterval;
import org.prevalence.mse.PopulationChecks;
import org.prevalence.mse.PopulationEstimate;
import org.prevalence.mse.bayes.BayesianModelAveraging;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prevalence mse}: multiple systems estimation on a list-overlap table. */
@Command(name = "mse", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Multiple systems estimation (capture-recapture) from lists of known cases.",
        description = {
            "Estimates the total population (observed plus unobserved) from a list-overlap table with Poisson "
                + "log-linear models (as SparseMSE and MultipleSystemsEstimation), or with a two-list estimator.",
            "Default model choice with no --model: BIC over all hierarchical models for 2 to 5 lists "
                + "(max order 1/2/3/3 for 2/3/4/5 lists), SparseMSE stepwise selection for 6 or more lists.",
            "Examples:",
            "  prevalence mse --dataset uk2013_5lists --select stepwise",
            "  prevalence mse cases.csv --lists LA,NG,PF --model \"[12,3]\" --interval profile --format json"})
final class MseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ListInput input;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "A fixed model: main, all-pairs, a generating class such as \"[12,23,4]\" (1-based list "
                    + "indices) or terms by list name such as \"LA:NG,NG:GP\".")
    String model;

    @Option(names = "--select", paramLabel = "stepwise|aic|bic", converter = Selections.class,
            completionCandidates = Selections.class,
            description = "Model selection: stepwise (SparseMSE), aic or bic (all hierarchical models up to --max-order).")
    ModelSelection select;

    @Option(names = "--pthresh", defaultValue = "0.02",
            description = "Stepwise: add a two-list term while its p-value is below this (default ${DEFAULT-VALUE}).")
    double pthresh;

    @Option(names = "--max-order", paramLabel = "N", description = "AIC/BIC (and the BIC bootstrap): highest "
            + "interaction order searched, 1 to the number of lists - 1 (default 1/2/3/3 for 2/3/4/5 lists, 2 beyond). "
            + "Refused with --model or --select stepwise, which search no orders.")
    Integer maxOrder;

    @Option(names = "--interval", defaultValue = "lognormal", paramLabel = "METHOD", converter = IntervalMethods.class,
            completionCandidates = IntervalMethods.class,
            description = "lognormal (SparseMSE's Wald interval on the dark figure), profile (Poisson profile "
                    + "likelihood), profile-multinomial (Cormack 1992, as Rcapture closedpCI.t), bootstrap or none "
                    + "(default ${DEFAULT-VALUE}). bootstrap re-runs the model selection in every replicate and gives "
                    + "a BCa interval with its adjusted percentiles (as R boot.ci): with --select bic, with --ntop, or "
                    + "with neither --select nor --model on 2 to 5 lists it bootstraps BIC selection among the top "
                    + "--ntop models (Silverman, Chan & Vincent 2024); with --select stepwise, or on 6 or more lists, "
                    + "SparseMSE's stepwise selection (estimatepopulation). --replicates, --seed. A limit among the "
                    + "10 most extreme replicates is flagged (monte-carlo warning).")
    IntervalMethod interval;

    @Option(names = "--extended-mle",
            description = "--select aic, --select bic and --model: allow models with an empty overlap, fitted by "
                    + "SparseMSE's extended MLE (the term's parameter is -Inf, AIC/BIC count it; the result lists the "
                    + "term). Without it such models are left out of AIC/BIC selection and a --model with one is "
                    + "refused. Stepwise selection always uses the extended MLE, as SparseMSE, so the option is "
                    + "refused with --select stepwise.")
    boolean extendedMle;

    @Option(names = "--max-estimate", paramLabel = "N",
            description = "A plausibility bound on the population: an estimate above N is reported with status "
                    + "'warning' and an 'implausible' warning (the figure is kept so you see how far above it is).")
    Double maxEstimate;

    @Option(names = "--method", paramLabel = "METHOD",
            description = "Two lists: lincoln-petersen or chapman. Closed-population models (as Rcapture): m0, mt, "
                    + "mh-chao, mh-poisson, mh-darroch, mh-gamma, mth-chao, mth-poisson, mth-darroch, mth-gamma, mb, "
                    + "mbh; chao-bound (Chao 1987 lower bound).")
    String method;

    @Option(names = "--closed-models", description = "Print the table of closed-population models (as Rcapture closedp.t).")
    boolean closedModels;

    @Option(names = "--capture-order", paramLabel = "lists",
            description = "The lists' column order is the capture order (needed by Mb and Mbh).")
    String captureOrder;

    @Option(names = "--compare", description = "Every available method side by side on one table: independence, "
            + "stepwise, AIC and BIC (with the next-best models), each closed model, the Chao bound.")
    boolean compare;

    @Option(names = "--replicates", defaultValue = "1000",
            description = "Bootstrap replicates for --interval bootstrap (default ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--ntop", description = "BIC bootstrap (--interval bootstrap only): re-select among the top N "
            + "models by BIC in every replicate, N >= 1 (default: all for 2-3 lists, 20 for 4, 100 for 5-6).")
    Integer ntop;

    @Option(names = "--bayes", paramLabel = "bma|latent-class", converter = BayesMethods.class,
            completionCandidates = BayesMethods.class,
            description = "Bayesian MSE: bma (model averaging over decomposable graphs, as dga) or latent-class "
                    + "(Manrique-Vallier 2016, as LCMCR).")
    BayesMethod bayes;

    @Option(names = "--delta", description = "bma: hyper-Dirichlet prior parameter (default 2^-K).")
    Double delta;

    @Option(names = "--prior", converter = PriorsOnN.class, completionCandidates = PriorsOnN.class,
            defaultValue = "one-over-n", description = "bma: prior on N, one-over-n or uniform "
            + "(default ${DEFAULT-VALUE}).")
    BayesianModelAveraging.PriorOnN prior;

    @Option(names = "--grid-max", description = "bma: largest N - observed on the grid (default: chosen automatically).")
    Integer gridMax;

    @Option(names = "--strict", description = "bma: lists or pairs of lists that never overlap are an error, not a warning.")
    boolean strict;

    @Option(names = "--classes", defaultValue = "10", description = "latent-class: classes K (default ${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--chains", defaultValue = "4", description = "latent-class: chains (default ${DEFAULT-VALUE}).")
    int chains;

    @Option(names = "--burnin", defaultValue = "10000", description = "latent-class: burn-in iterations (default ${DEFAULT-VALUE}).")
    int burnin;

    @Option(names = "--samples", defaultValue = "2000", description = "latent-class: kept draws per chain (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--thin", defaultValue = "50", description = "latent-class: thinning (default ${DEFAULT-VALUE}).")
    int thin;

    @Mixin
    PlotOptions plot;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        MseOptions.check(this);
        MseOptions.checkBayesOptions(this, spec.commandLine().getParseResult());
        if (input.stratum != null) {
            return stratified(input.readStratified());
        }
        ListOverlapTable table = input.read();
        MseOptions.checkForTable(this, table);
        if (closedModels || compare || bayes != null) {
            return MseModes.run(this, table);
        }
        Map<String, Object> json;
        String text;
        if (method != null && !List.of("chapman", "lincoln-petersen").contains(method.toLowerCase(Locale.ROOT))) {
            return MseModes.run(this, table);
        }
        if (interval == IntervalMethod.BOOTSTRAP) {
            return MseModes.run(this, table);
        }
        if (method != null) {
            String m = method.toLowerCase(Locale.ROOT);
            if (m.equals("chapman")) {
                json = twoList(checked(Chapman.withDefaults().withConfidenceLevel(common.level).estimate(table)));
            } else if (m.equals("lincoln-petersen")) {
                json = twoList(checked(LincolnPetersen.withDefaults().withConfidenceLevel(common.level)
                        .estimate(table)));
            } else {
                throw PrevalenceException.invalidArgument("--method",
                        "Unknown --method '%s'; use lincoln-petersen or chapman", method);
            }
            text = MseReport.text(input.name(), json);
        } else {
            LogLinearMse.Result r = logLinear(table.listCount()).estimate(table);
            json = MseReport.json(r);
            text = MseReport.text(input.name(), json);
        }
        write(json, text, List.of(json));
        if (plot.wanted()) {
            plot.save(Plots.overlapBars(table, input.name() + ": observed histories"), spec);
        }
        return 0;
    }

    /** @return the result with the --max-estimate rule applied ({@link PopulationChecks#withMaxEstimate}) */
    PopulationEstimate checked(PopulationEstimate r) {
        return maxEstimate == null ? r : PopulationChecks.withMaxEstimate(r, maxEstimate);
    }

    /**
     * @param lists the table's number of lists
     * @return the log-linear selection on such a table: FIXED with --model, else --select, else the library's
     *     default ({@link ModelSelection#AUTO}) resolved by the library
     */
    ModelSelection selection(int lists) {
        return (model != null ? ModelSelection.FIXED : select != null ? select : ModelSelection.AUTO).resolve(lists);
    }

    /** @return whether the log-linear fit selects by stepwise (explicitly, or by default on 6 or more lists) */
    boolean stepwiseSelection(int lists) {
        return selection(lists) == ModelSelection.STEPWISE;
    }

    LogLinearMse logLinear(int lists) {
        LogLinearMse e = LogLinearMse.withDefaults().withConfidenceLevel(common.level).withPthresh(pthresh)
                .withThreads(common.threadCount());
        if (maxEstimate != null) {
            e = e.withMaxEstimate(maxEstimate);
        }
        if (model != null && select != null) {
            throw PrevalenceException.invalidArgument("--model", "Give either --model or --select, not both");
        }
        if (model != null) {
            e = e.withModel(model);
        } else if (select != null) {
            e = e.with(select);
        }
        if (maxOrder != null) {
            e = e.withMaxOrder(maxOrder);
        }
        e = e.with(interval.logLinear);
        // aic, bic, --model: empty overlaps only with --extended-mle; stepwise: SparseMSE's extended MLE always
        e = e.with(extendedMle || stepwiseSelection(lists) ? EmptyOverlaps.EXTENDED_MLE : EmptyOverlaps.ERROR);
        return e;
    }

    private static Map<String, Object> twoList(PopulationEstimate r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", r.getMethod());
        m.put("lists", r.getLists());
        m.put("observed", r.getObserved());
        m.put("estimate", r.getEstimate());
        m.put("unobserved", r.getUnobserved());
        m.put("se", r.getStandardError());
        m.put("interval", MseReport.interval(r.getConfidenceInterval()));
        MseReport.status(m, r);
        return m;
    }

    private int stratified(StratifiedListTable t) {
        LogLinearMse.StratifiedResult r = logLinear(t.listNames().size()).estimate(t);
        List<Map<String, Object>> strata = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        sb.append(Output.fmt("Multiple systems estimation by stratum: %s (%d strata, lists %s)%n%n", input.name(),
                t.strata().size(), String.join(", ", t.listNames())));
        List<List<String>> rows = new ArrayList<>();
        for (String s : t.strataNames()) {
            LogLinearMse.Result sr = r.getStrata().get(s);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stratum", s);
            if (sr != null) {
                m.putAll(MseReport.json(sr));
                Interval iv = sr.getConfidenceInterval();
                rows.add(List.of(s, Output.count(sr.getObserved()), Output.num(sr.getEstimate()),
                        iv == null ? "-" : Output.num(iv.lower()), iv == null ? "-" : Output.num(iv.upper()),
                        sr.getModelName() + (sr.getStatus() == org.prevalence.core.Status.OK ? ""
                                : " (" + sr.getStatus().label() + ": " + sr.getWarnings().get(0).message() + ")")));
            } else {
                m.put("estimate", null);
                m.put("status", org.prevalence.core.Status.NOT_ESTIMATED.label());
                m.put("reason", r.getNotEstimable().get(s));
                rows.add(List.of(s, Output.count(t.stratum(s).observedTotal()), "-", "-", "-",
                        "not estimated: " + r.getNotEstimable().get(s)));
            }
            strata.add(m);
        }
        rows.add(List.of("total (estimable strata)", Output.count(r.getObserved()), Output.num(r.getEstimate()), "", "",
                ""));
        sb.append(Output.table(List.of("stratum", "observed", "estimate", "lower", "upper", "model"), rows));
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("observed", r.getObserved());
        total.put("estimate", r.getEstimate());
        total.put("unobserved", r.getUnobserved());
        total.put("strata_estimated", r.getStrata().size());
        total.put("strata_not_estimable", new ArrayList<>(r.getNotEstimable().keySet()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("strata", strata);
        json.put("total", total);
        write(json, sb.toString(), strata);
        return 0;
    }

    void write(Object json, String text, List<Map<String, Object>> csvRows) {
        String out = switch (common.format) {
            case json -> Output.json(json);
            case table -> text;
            case csv -> MseReport.csv(csvRows);
        };
        Output.write(common, spec.commandLine().getOut(), out);
    }

    static String fmtLevel(double level) {
        return Format.percent(level) + "%";
    }

    static final class PriorsOnN extends EnumConverter<BayesianModelAveraging.PriorOnN> {
        PriorsOnN() {
            super(BayesianModelAveraging.PriorOnN.class);
        }
    }

    /**
     * {@code --interval}: the log-linear model's intervals ({@link MseInterval}) under their CLI names, and
     * {@code bootstrap} (the point estimate's fit keeps the log-normal interval; MseModes runs the bootstrap).
     */
    enum IntervalMethod {
        LOGNORMAL(MseInterval.LOG_NORMAL),
        PROFILE(MseInterval.PROFILE_POISSON),
        PROFILE_MULTINOMIAL(MseInterval.PROFILE_MULTINOMIAL),
        BOOTSTRAP(MseInterval.LOG_NORMAL),
        NONE(MseInterval.NONE);

        final MseInterval logLinear;

        IntervalMethod(MseInterval logLinear) {
            this.logLinear = logLinear;
        }
    }

    /** {@code --bayes}: the two Bayesian estimators. */
    enum BayesMethod {
        BMA,
        LATENT_CLASS
    }

    static final class IntervalMethods extends EnumConverter<IntervalMethod> {
        IntervalMethods() {
            super(IntervalMethod.class);
        }
    }

    /** {@code --select}: the library's selections a user chooses (FIXED is --model, AUTO is no --select). */
    static final class Selections extends EnumConverter<ModelSelection> {
        Selections() {
            super(ModelSelection.STEPWISE, ModelSelection.AIC, ModelSelection.BIC);
        }
    }

    static final class BayesMethods extends EnumConverter<BayesMethod> {
        BayesMethods() {
            super(BayesMethod.class);
        }
    }
}
