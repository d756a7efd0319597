package org.prevalence.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.knowm.xchart.internal.chartpart.Chart;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.core.lists.StratifiedListTable;
import org.prevalence.mse.BicBootstrap;
import org.prevalence.mse.LogLinearMse;
import org.prevalence.mse.MseBootstrap;
import org.prevalence.mse.PopulationChecks;
import org.prevalence.mse.PopulationEstimate;
import org.prevalence.mse.bayes.BayesianModelAveraging;
import org.prevalence.mse.bayes.LatentClassMse;
import org.prevalence.mse.closed.ChaoLowerBound;
import org.prevalence.mse.closed.ClosedModel;
import org.prevalence.mse.closed.ClosedPopulationModels;
import org.prevalence.mse.closed.MethodComparison;

/**
 * The modes of {@code prevalence mse}: each takes the configured library objects that {@link MseCommand}
 * built from its options, calls the library on the table, and returns the report (and the chart that
 * {@code --plot} draws). No mode reads an option or prints.
 */
final class MseModes {
    private MseModes() {
    }

    /**
     * A mode's output.
     *
     * @param report the document in every format
     * @param chart the mode's chart, drawn only with {@code --plot}; {@code null} if the mode has none
     */
    record Outcome(Report report, Supplier<Chart<?, ?>> chart, Object result) {
        /** An outcome whose typed result the HTML report does not use. */
        Outcome(Report report, Supplier<Chart<?, ?>> chart) {
            this(report, chart, null);
        }
    }

    /** @return the result with the {@code --max-estimate} bound applied ({@link PopulationChecks#withMaxEstimate}) */
    private static PopulationEstimate checked(PopulationEstimate r, Double maxEstimate) {
        return maxEstimate == null ? r : PopulationChecks.withMaxEstimate(r, maxEstimate);
    }

    private static Supplier<Chart<?, ?>> overlaps(String input, ListOverlapTable t) {
        return () -> Plots.overlapBars(t, input + ": observed histories");
    }

    static Outcome logLinear(String input, LogLinearMse e, ListOverlapTable t) {
        LogLinearMse.Result r = e.estimate(t);
        return new Outcome(Reports.logLinear(input, r), overlaps(input, t), r);
    }

    static Outcome stratified(String input, LogLinearMse e, StratifiedListTable t) {
        LogLinearMse.StratifiedResult r = e.estimate(t);
        return new Outcome(Reports.stratified(input, t, r), null, r);
    }

    static Outcome twoList(String input, PopulationEstimate r, Double maxEstimate, ListOverlapTable t) {
        return new Outcome(Reports.twoList(input, r, checked(r, maxEstimate)), overlaps(input, t), checked(r, maxEstimate));
    }

    static Outcome chaoBound(String input, ChaoLowerBound e, Double maxEstimate, ListOverlapTable t) {
        ChaoLowerBound.Result r = e.estimate(t);
        return new Outcome(Reports.chaoBound(input, r, checked(r, maxEstimate)), null, checked(r, maxEstimate));
    }

    /** One closed-population model; one that gives no estimate is an error naming the model. */
    static Outcome closedModel(String input, ClosedPopulationModels e, ClosedModel model, Double maxEstimate,
                               ListOverlapTable t) {
        ClosedPopulationModels.Result r = e.estimate(t, model);
        if (!r.isEstimable()) {
            throw PrevalenceException.notEstimable("model '" + r.getLabel() + "'", "%s: %s", r.getLabel(),
                    r.getStatusText());
        }
        return new Outcome(Reports.closedSingle(input, r, checked(r, maxEstimate)), null, checked(r, maxEstimate));
    }

    /** Every closed-population model; the chart plots each fitted model's estimate against its BIC. */
    static Outcome closedTable(String input, ClosedPopulationModels e, boolean captureOrderGiven, ListOverlapTable t) {
        ClosedPopulationModels.ModelTable table = e.table(t);
        return new Outcome(Reports.closedTable(input, table, captureOrderGiven), () -> {
            List<double[]> xs = new ArrayList<>();
            List<double[]> ys = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (ClosedPopulationModels.Result r : table.getRows()) {
                if (r.isEstimable() && r.isFitted() && Double.isFinite(r.getBic())) {
                    names.add(r.getLabel());
                    xs.add(new double[] {r.getBic()});
                    ys.add(new double[] {r.getEstimate()});
                }
            }
            return Plots.scatter(input + ": closed-population models", "BIC", "estimated population N", names, xs, ys);
        }, table);
    }

    /** Every method side by side, then the two Bayesian methods where the table allows them. */
    static Outcome compare(String input, MethodComparison comparison, BayesianModelAveraging bma, LatentClassMse lc,
                           ListOverlapTable t) {
        MethodComparison.Result r = comparison.compare(t);
        List<Reports.BayesRow> bayes = List.of(
                Reports.BayesRow.of("bma-decomposable", () -> Reports.BayesRow.bma(bma.estimate(t))),
                Reports.BayesRow.of("latent-class", () -> Reports.BayesRow.latentClass(lc.estimate(t))));
        return new Outcome(Reports.compare(input, r, bayes), null, r);
    }

    /** SparseMSE's stepwise bootstrap ({@code replicates} for the progress line); the chart is the replicates' distribution. */
    static Outcome bootstrap(String input, MseBootstrap e, int replicates, Double maxEstimate,
                             ListOverlapTable t) {
        MseBootstrap.Result r;
        try (Progress p = Progress.start("bootstrap", replicates)) {
            r = e.withProgress((done, total) -> p.step()).estimate(t);
        }
        return new Outcome(Reports.bootstrap(input, r, checked(r, maxEstimate)),
                () -> Plots.distribution(input + ": bootstrap distribution of N", "population N", r.getReplicates(),
                        r.getEstimate(), r.getConfidenceInterval()), r);
    }

    /** The BIC bootstrap among the top models of {@code ranking}; the chart is the replicates' distribution. */
    static Outcome bicBootstrap(String input, BicBootstrap e, int replicates, LogLinearMse ranking,
                                Double maxEstimate, ListOverlapTable t) {
        BicBootstrap.Result r;
        try (Progress p = Progress.start("BIC bootstrap", replicates)) {
            r = e.withProgress((done, total) -> p.step()).estimate(t, ranking.rankModels(t));
        }
        return new Outcome(Reports.bicBootstrap(input, r, checked(r, maxEstimate)),
                () -> Plots.distribution(input + ": BIC bootstrap distribution of N (top " + r.getNtop() + " models)",
                        "population N", r.getReplicates(), r.getEstimate(), r.getConfidenceInterval()), r);
    }

    /** Bayesian model averaging; the chart is the posterior of N. */
    static Outcome bma(String input, BayesianModelAveraging e, ListOverlapTable t) {
        BayesianModelAveraging.Result r = e.estimate(t);
        return new Outcome(Reports.bma(r), () -> Plots.posterior(input + ": posterior of N (model averaging)",
                r.getPosteriorMass(), r.getObserved(), r.getMedian(), r.getCredibleInterval()), r);
    }

    /** The latent-class model; the chart is the pooled posterior draws of N. */
    static Outcome latentClass(String input, LatentClassMse e, ListOverlapTable t) {
        LatentClassMse.Result r = e.estimate(t);
        return new Outcome(Reports.latentClass(r), () -> {
            long[] d = r.getPooledDraws();
            double[] v = new double[d.length];
            for (int i = 0; i < d.length; i++) {
                v[i] = d[i];
            }
            return Plots.distribution(input + ": posterior draws of N (latent classes)", "population N", v,
                    r.getEstimate(), r.getCredibleInterval());
        }, r);
    }
}
