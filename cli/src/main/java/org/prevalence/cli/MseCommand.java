package org.prevalence.cli;

import java.util.concurrent.Callable;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.core.lists.StratifiedListTable;
import org.prevalence.mse.BicBootstrap;
import org.prevalence.mse.Chapman;
import org.prevalence.mse.LincolnPetersen;
import org.prevalence.mse.LogLinearMse;
import org.prevalence.mse.ModelSelection;
import org.prevalence.mse.MseBootstrap;
import org.prevalence.mse.MseInterval;
import org.prevalence.mse.bayes.BayesianModelAveraging;
import org.prevalence.mse.bayes.LatentClassMse;
import org.prevalence.mse.closed.ChaoLowerBound;
import org.prevalence.mse.closed.ClosedModel;
import org.prevalence.mse.closed.ClosedPopulationModels;
import org.prevalence.mse.closed.MethodComparison;
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

    @Option(names = "--method", paramLabel = "METHOD", converter = Methods.class, completionCandidates = Methods.class,
            description = "Two lists: lincoln-petersen or chapman. Closed-population models (as Rcapture): m0, mt, "
                    + "mh-chao, mh-poisson, mh-darroch, mh-gamma, mth-chao, mth-poisson, mth-darroch, mth-gamma, mb, "
                    + "mbh; chao-bound (Chao 1987 lower bound).")
    Method method;

    @Option(names = "--closed-models", description = "Print the table of closed-population models (as Rcapture closedp.t).")
    boolean closedModels;

    @Option(names = "--capture-order", paramLabel = "lists", converter = CaptureOrders.class,
            completionCandidates = CaptureOrders.class,
            description = "lists: the lists' column order is the capture order (needed by Mb and Mbh); none (the "
                    + "default): the lists have no order.")
    ClosedPopulationModels.CaptureOrder captureOrder = ClosedPopulationModels.CaptureOrder.NOT_GIVEN;

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

    @Option(names = "--sensitivity", description = "Also re-estimate with each list omitted and with each pair of "
            + "lists merged into one (as modslavmse omitlists and mergelists), with the same model selection (a "
            + "--model falls back to the default selection); JSON key sensitivity. 3 lists or more. With "
            + "--covariates, the covariate search is rerun on each changed table (JSON sensitivity[{change, model, "
            + "observed, estimate, status}]). Not with --closed-models, --compare, --stratum or --records.")
    boolean sensitivity;

    @Mixin
    CovariateOptions covariates;

    @Mixin
    RecordsOptions records;

    @Mixin
    PlotOptions plot;

    @Mixin
    ReportOption report;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        if (sensitivity && (closedModels || compare || input.stratum != null || records.given())) {
            throw PrevalenceException.invalidArgument("--sensitivity", "--sensitivity re-estimates one list-overlap "
                    + "table's log-linear model (or, with --covariates, the covariate search); it does not work with "
                    + "--closed-models, --compare, --stratum or --records");
        }
        if (covariates.active() && records.given()) {
            throw PrevalenceException.invalidArgument("--covariates", "--covariates reads one CSV of cases or "
                    + "histories; it cannot be combined with --records");
        }
        if (covariates.active()) {
            MseModes.Outcome o = CovariateMode.run(this);
            print(o);
            if (report.wanted()) {
                CovariateMode.Run c = (CovariateMode.Run) o.result();
                report.write(spec, () -> org.prevalence.cli.html.CovariateHtml.render(
                        new org.prevalence.cli.html.CovariateHtml.Context(input.name(), c.result(), c.domains(),
                                c.interval(), covariates.yearDegree, covariates.min, covariates.max, common.level,
                                common.seed, ReportOption.commandLine(spec))));
            }
            return 0;
        }
        MseOptions.check(this);
        MseOptions.checkBayesOptions(this, spec.commandLine().getParseResult());
        records.checkUnused(spec.commandLine().getParseResult());
        if (records.given()) {
            MseModes.Outcome o = records.run(this);
            print(o);
            if (report.wanted()) {
                report.write(spec, () -> org.prevalence.cli.html.LinkageHtml.render(new org.prevalence.cli.html
                        .LinkageHtml.Context((org.prevalence.cli.html.LinkageHtml.Run) o.result(), common.level,
                        common.seed, ReportOption.commandLine(spec))));
            }
            return 0;
        }
        if (input.stratum != null) {
            StratifiedListTable t = input.readStratified(common.threadCount());
            MseModes.Outcome o = MseModes.stratified(input.name(), logLinear(t.listNames().size()), t);
            print(o);
            if (report.wanted()) {
                report.write(spec, () -> org.prevalence.cli.html.StratifiedHtml.render(
                        new org.prevalence.cli.html.StratifiedHtml.Context(input.name(), input.stratum, t,
                                (LogLinearMse.StratifiedResult) o.result(), common.level, ReportOption.commandLine(spec))));
            }
            return 0;
        }
        ListOverlapTable table = input.read(common.threadCount());
        MseOptions.checkForTable(this, table);
        MseModes.Outcome o = sensitivity ? withSensitivity(run(table), table) : run(table);
        print(o);
        if (report.wanted()) {
            report.write(spec, () -> org.prevalence.cli.html.MseHtml.render(htmlContext(table, o)));
        }
        return 0;
    }

    /** @return what the HTML report of {@code --report} is made from: the outcome's typed result and the estimators */
    org.prevalence.cli.html.MseHtml.Context htmlContext(ListOverlapTable t, MseModes.Outcome o) {
        return new org.prevalence.cli.html.MseHtml.Context(input.name(), t, o.result(), logLinear(t.listCount()),
                logLinear(t.listCount()).with(ModelSelection.AUTO.emptyOverlaps(extendedMle)), closed(), common.level, common.seed, common.threadCount(), ReportOption.commandLine(spec));
    }

    /** @return the outcome with the JSON key {@code sensitivity} and its text table added */
    private MseModes.Outcome withSensitivity(MseModes.Outcome o, ListOverlapTable t) {
        org.prevalence.mse.ListSensitivity.Result s = org.prevalence.mse.ListSensitivity.withDefaults()
                .with(logLinear(t.listCount())).sensitivity(t);
        return new MseModes.Outcome(o.report().with("sensitivity", SensitivityReport.json(s), SensitivityReport.text(s)),
                o.chart(), o.result());
    }

    /** Picks the mode the options ask for, builds its library objects and runs it. */
    private MseModes.Outcome run(ListOverlapTable t) {
        String name = input.name();
        if (bayes == BayesMethod.BMA) {
            return MseModes.bma(name, bma(), t);
        }
        if (bayes == BayesMethod.LATENT_CLASS) {
            return MseModes.latentClass(name, latentClass(), t);
        }
        if (compare) {
            MethodComparison comparison = MethodComparison.withDefaults().with(closed()).with(logLinear(t.listCount()))
                    .withConfidenceLevel(common.level);
            return MseModes.compare(name, comparison, BayesianModelAveraging.withDefaults()
                    .withConfidenceLevel(common.level).withThreads(common.threadCount()), latentClassDefaults(), t);
        }
        if (closedModels) {
            return MseModes.closedTable(name, closed(), captureOrder == ClosedPopulationModels.CaptureOrder.LIST_ORDER,
                    t);
        }
        if (method != null) {
            return method(name, t);
        }
        if (interval == IntervalMethod.BOOTSTRAP) {
            return bootstrap(name, t);
        }
        return MseModes.logLinear(name, logLinear(t.listCount()), t);
    }

    /** {@code --method}: a two-list estimator, a closed-population model or the Chao bound. */
    private MseModes.Outcome method(String name, ListOverlapTable t) {
        if (interval == IntervalMethod.BOOTSTRAP && method.closed == null) {
            throw PrevalenceException.invalidArgument("--interval", "--interval bootstrap re-selects a log-linear "
                    + "model in every replicate; it does nothing with --method %s", EnumConverter.spelling(method));
        }
        return switch (method) {
            case CHAPMAN -> MseModes.twoList(name, Chapman.withDefaults().withConfidenceLevel(common.level).estimate(t),
                    maxEstimate, t);
            case LINCOLN_PETERSEN -> MseModes.twoList(name, LincolnPetersen.withDefaults()
                    .withConfidenceLevel(common.level).estimate(t), maxEstimate, t);
            case CHAO_BOUND -> MseModes.chaoBound(name, ChaoLowerBound.withDefaults().withConfidenceLevel(common.level),
                    maxEstimate, t);
            default -> MseModes.closedModel(name, interval == IntervalMethod.PROFILE_MULTINOMIAL
                    ? closed().with(ClosedPopulationModels.ClosedInterval.PROFILE_MULTINOMIAL) : closed(),
                    method.closed, maxEstimate, t);
        };
    }

    /**
     * {@code --interval bootstrap}: the BIC bootstrap (Silverman, Chan and Vincent 2024) where BIC selects the
     * model, SparseMSE's stepwise estimatepopulation otherwise.
     */
    private MseModes.Outcome bootstrap(String name, ListOverlapTable t) {
        if (model != null) {
            throw PrevalenceException.invalidArgument("--model",
                    "--interval bootstrap re-selects the model in every replicate: give --select, not --model");
        }
        if (ntop != null || selection(t.listCount()) == ModelSelection.BIC) {
            BicBootstrap b = BicBootstrap.withDefaults().withReplicates(replicates).withSeed(common.seed)
                    .withThreads(common.threadCount()).withConfidenceLevel(common.level);
            if (ntop != null) {
                b = b.withNtop(ntop);
            }
            if (maxOrder != null) {
                b = b.withMaxOrder(maxOrder);
            }
            // the ranking on the data follows --extended-mle and --max-order, as --select bic does
            LogLinearMse ranking = logLinear(t.listCount()).with(ModelSelection.BIC)
                    .withMaxOrder(maxOrder == null ? 0 : maxOrder);
            return MseModes.bicBootstrap(name, b, replicates, ranking, maxEstimate, t);
        }
        return MseModes.bootstrap(name, MseBootstrap.withDefaults().withReplicates(replicates).withSeed(common.seed)
                .withThreads(common.threadCount()).withPthresh(pthresh).withConfidenceLevel(common.level),
                replicates, maxEstimate, t);
    }

    /** Writes the report in the chosen format, and its chart with {@code --plot}. */
    private void print(MseModes.Outcome o) {
        Output.write(common, spec.commandLine().getOut(), o.report().render(common.format));
        if (plot.wanted() && o.chart() != null) {
            plot.save(o.chart().get(), spec);
        }
    }

    /**
     * @param lists the table's number of lists
     * @return the log-linear selection on such a table: FIXED with --model, else --select, else the library's
     *     default ({@link ModelSelection#AUTO}) resolved by the library
     */
    ModelSelection selection(int lists) {
        return (model != null ? ModelSelection.FIXED : select != null ? select : ModelSelection.AUTO).resolve(lists);
    }

    LogLinearMse logLinear(int lists) {
        LogLinearMse e = LogLinearMse.withDefaults().withConfidenceLevel(common.level).withPthresh(pthresh)
                .withThreads(common.threadCount());
        if (maxEstimate != null) {
            e = e.withMaxEstimate(maxEstimate);
        }
        if (model != null) {
            e = e.withModel(model);
        } else if (select != null) {
            e = e.with(select);
        }
        if (maxOrder != null) {
            e = e.withMaxOrder(maxOrder);
        }
        // the library's rule for empty overlaps: with --extended-mle, and always in stepwise selection
        return e.with(interval.logLinear).with(selection(lists).emptyOverlaps(extendedMle));
    }

    private ClosedPopulationModels closed() {
        return ClosedPopulationModels.withDefaults().withConfidenceLevel(common.level).with(captureOrder);
    }

    private BayesianModelAveraging bma() {
        BayesianModelAveraging m = BayesianModelAveraging.withDefaults().withConfidenceLevel(common.level)
                .withThreads(common.threadCount()).with(prior);
        if (delta != null) {
            m = m.withDelta(delta);
        }
        if (gridMax != null) {
            m = m.withGridMax(gridMax);
        }
        return strict ? m.with(BayesianModelAveraging.OverlapCheck.STRICT) : m;
    }

    private LatentClassMse latentClassDefaults() {
        return LatentClassMse.withDefaults().withSeed(common.seed).withConfidenceLevel(common.level)
                .withThreads(common.threadCount());
    }

    private LatentClassMse latentClass() {
        return LatentClassMse.withDefaults().withClasses(classes).withChains(chains).withBurnIn(burnin)
                .withSamples(samples).withThinning(thin).withSeed(common.seed).withConfidenceLevel(common.level)
                .withThreads(common.threadCount());
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

    /**
     * {@code --method}: the two-list estimators ({@link Chapman}, {@link LincolnPetersen}), the library's
     * closed-population models ({@link ClosedModel}, under their short names) and {@link ChaoLowerBound}.
     */
    enum Method {
        LINCOLN_PETERSEN(null),
        CHAPMAN(null),
        M0(ClosedModel.M0),
        MT(ClosedModel.MT),
        MH_CHAO(ClosedModel.MH_CHAO),
        MH_POISSON(ClosedModel.MH_POISSON),
        MH_DARROCH(ClosedModel.MH_DARROCH),
        MH_GAMMA(ClosedModel.MH_GAMMA),
        MTH_CHAO(ClosedModel.MTH_CHAO),
        MTH_POISSON(ClosedModel.MTH_POISSON),
        MTH_DARROCH(ClosedModel.MTH_DARROCH),
        MTH_GAMMA(ClosedModel.MTH_GAMMA),
        MB(ClosedModel.MB),
        MBH(ClosedModel.MBH),
        CHAO_BOUND(null);

        /** the closed-population model, or {@code null} for the other estimators */
        final ClosedModel closed;

        Method(ClosedModel closed) {
            this.closed = closed;
        }
    }

    /** {@code --method}: spelt as {@link ClosedModel#shortName()} for the closed models. */
    static final class Methods extends EnumConverter<Method> {
        Methods() {
            super(Method.class);
        }

        @Override
        String name(Method m) {
            return m.closed == null ? spelling(m) : m.closed.shortName();
        }
    }

    /** {@code --capture-order}: {@code lists} is the library's LIST_ORDER, {@code none} its NOT_GIVEN. */
    static final class CaptureOrders extends EnumConverter<ClosedPopulationModels.CaptureOrder> {
        CaptureOrders() {
            super(ClosedPopulationModels.CaptureOrder.LIST_ORDER, ClosedPopulationModels.CaptureOrder.NOT_GIVEN);
        }

        @Override
        String name(ClosedPopulationModels.CaptureOrder o) {
            return o == ClosedPopulationModels.CaptureOrder.LIST_ORDER ? "lists" : "none";
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
