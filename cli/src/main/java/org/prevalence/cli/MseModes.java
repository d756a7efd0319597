package org.prevalence.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.mse.BicBootstrap;
import org.prevalence.mse.MseBootstrap;
import org.prevalence.mse.bayes.BayesianModelAveraging;
import org.prevalence.mse.bayes.LatentClassMse;
import org.prevalence.mse.closed.ChaoLowerBound;
import org.prevalence.mse.closed.ClosedModel;
import org.prevalence.mse.closed.ClosedPopulationModels;
import org.prevalence.mse.closed.MethodComparison;

/** The MSE command's other modes: closed models, comparison, bootstrap, Bayesian. */
final class MseModes {
    private MseModes() {
    }

    static int run(MseCommand c, ListOverlapTable t) {
        if (c.bayes != null) {
            return bayes(c, t);
        }
        if (c.compare) {
            MethodComparison.Result r = MethodComparison.withDefaults().with(closed(c)).with(c.logLinear(t.listCount()))
                    .withConfidenceLevel(c.common.level).compare(t);
            List<Map<String, Object>> rows = new ArrayList<>(MseExtras.compare(r));
            StringBuilder text = new StringBuilder("Methods compared on " + c.input.name() + "\n" + r + "\n");
            // the two Bayesian methods, where the table allows them
            List<Map<String, Object>> bayes = new ArrayList<>();
            bayes.add(MseExtras.compareRow("bma-decomposable", () -> {
                BayesianModelAveraging.Result b = BayesianModelAveraging.withDefaults().withConfidenceLevel(c.common.level)
                        .withThreads(c.common.threadCount()).estimate(t);
                return new Object[] {b.getModels().get(0).getModel(), (double) b.getMedian(), b.getCredibleInterval(), b};
            }));
            bayes.add(MseExtras.compareRow("latent-class", () -> {
                LatentClassMse.Result l = LatentClassMse.withDefaults().withSeed(c.common.seed)
                        .withConfidenceLevel(c.common.level).withThreads(c.common.threadCount()).estimate(t);
                return new Object[] {"K=" + l.getClasses() + " classes", l.getEstimate(), l.getCredibleInterval(), l};
            }));
            for (Map<String, Object> b : bayes) {
                rows.add(b);
                text.append(Output.fmt("  %-18s %-22s %12s  (%s to %s)  %s%n", b.get("method"), b.get("model"),
                        MseExtras.cell(b.get("estimate")), MseExtras.cell(b.get("lower")),
                        MseExtras.cell(b.get("upper")), b.get("reason") == null ? b.get("status")
                                : b.get("status") + ": " + b.get("reason")));
            }
            c.write(rows, text.toString(), rows);
            return 0;
        }
        if (c.closedModels) {
            ClosedPopulationModels.ModelTable table = closed(c).table(t);
            List<Map<String, Object>> rows = new ArrayList<>();
            table.getRows().forEach(r -> rows.add(MseExtras.closedRow(r)));
            String text = Output.fmt("Closed-population models (as Rcapture closedp.t): %s, %d occasions, %s cases%n",
                    c.input.name(), table.getOccasions(), Format.count(table.getObserved()))
                    + Output.table(List.of("model", "estimate", "SE", "deviance", "df", "AIC", "BIC", "status"),
                    MseExtras.closedTableRows(rows));
            c.write(rows, text, rows);
            if (c.plot.wanted()) {
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
                c.plot.save(Plots.scatter(c.input.name() + ": closed-population models", "BIC",
                        "estimated population N", names, xs, ys), c.spec);
            }
            return 0;
        }
        if (c.method != null) {
            String m = c.method.toLowerCase(Locale.ROOT);
            Map<String, Object> json;
            if (m.equals("chao-bound")) {
                ChaoLowerBound.Result cb = ChaoLowerBound.withDefaults().withConfidenceLevel(c.common.level).estimate(t);
                json = MseExtras.chaoBound(cb, c.checked(cb));
            } else {
                ClosedPopulationModels cp = closed(c);
                if (c.interval == MseCommand.IntervalMethod.PROFILE_MULTINOMIAL) {
                    cp = cp.with(ClosedPopulationModels.ClosedInterval.PROFILE_MULTINOMIAL);
                }
                ClosedPopulationModels.Result r = cp.estimate(t, ClosedModel.fromShortName(m));
                if (!r.isEstimable()) {
                    throw PrevalenceException.notEstimable("model '" + r.getLabel() + "'", "%s: %s", r.getLabel(),
                            r.getStatusText());
                }
                json = MseExtras.closedSingle(r, t.listNames(), t.observedTotal());
                MseReport.status(json, c.checked(r));
            }
            c.write(json, MseReport.text(c.input.name(), json), List.of(json));
            return 0;
        }
        // --interval bootstrap: BIC bootstrap (Silverman, Chan & Vincent 2024) where BIC selects the model,
        // SparseMSE's stepwise estimatepopulation otherwise
        boolean bic = c.ntop != null || c.selection(t.listCount()) == org.prevalence.mse.ModelSelection.BIC;
        if (bic) {
            if (c.model != null) {
                throw PrevalenceException.invalidArgument("--model",
                        "--interval bootstrap re-selects the model in every replicate: give --select, not --model");
            }
            try (Progress p = Progress.start("BIC bootstrap", c.replicates)) {
                BicBootstrap b = BicBootstrap.withDefaults().withReplicates(c.replicates).withSeed(c.common.seed)
                        .withThreads(c.common.threadCount()).withConfidenceLevel(c.common.level)
                        .withProgress((done, total) -> p.step());
                if (c.ntop != null) {
                    b = b.withNtop(c.ntop);
                }
                if (c.maxOrder != null) {
                    b = b.withMaxOrder(c.maxOrder);
                }
                // the ranking on the data follows --extended-mle and --max-order, as --select bic does
                org.prevalence.mse.LogLinearMse ranking = c.logLinear(t.listCount())
                        .with(org.prevalence.mse.ModelSelection.BIC).withMaxOrder(c.maxOrder == null ? 0 : c.maxOrder);
                BicBootstrap.Result r = b.estimate(t, ranking.rankModels(t));
                Map<String, Object> json = MseExtras.bicBootstrap(r, t, c.checked(r));
                c.write(json, MseReport.text(c.input.name(), json), List.of(json));
                if (c.plot.wanted()) {
                    c.plot.save(Plots.distribution(c.input.name() + ": BIC bootstrap distribution of N (top "
                            + r.getNtop() + " models)", "population N", r.getReplicates(), r.getEstimate(),
                            r.getConfidenceInterval()), c.spec);
                }
            }
            return 0;
        }
        if (c.model != null) {
            throw PrevalenceException.invalidArgument("--model",
                    "--interval bootstrap re-selects the model in every replicate: give --select, not --model");
        }
        try (Progress p = Progress.start("bootstrap", c.replicates)) {
            MseBootstrap.Result r = MseBootstrap.withDefaults().withReplicates(c.replicates).withSeed(c.common.seed)
                    .withThreads(c.common.threadCount()).withPthresh(c.pthresh).withConfidenceLevel(c.common.level)
                    .withProgress((done, total) -> p.step()).estimate(t);
            Map<String, Object> json = MseExtras.bootstrap(r, c.checked(r));
            c.write(json, MseReport.text(c.input.name(), json), List.of(json));
            if (c.plot.wanted()) {
                c.plot.save(Plots.distribution(c.input.name() + ": bootstrap distribution of N",
                        "population N", r.getReplicates(), r.getEstimate(), r.getConfidenceInterval()), c.spec);
            }
        }
        return 0;
    }

    private static ClosedPopulationModels closed(MseCommand c) {
        ClosedPopulationModels cp = ClosedPopulationModels.withDefaults().withConfidenceLevel(c.common.level);
        if (c.captureOrder != null) {
            if (!c.captureOrder.equalsIgnoreCase("lists")) {
                throw PrevalenceException.invalidArgument("--capture-order",
                        "--capture-order takes 'lists' (the column order is the capture order), got '%s'", c.captureOrder);
            }
            cp = cp.with(ClosedPopulationModels.CaptureOrder.LIST_ORDER);
        }
        return cp;
    }

    private static int bayes(MseCommand c, ListOverlapTable t) {
        Map<String, Object> json;
        String text;
        if (c.bayes == MseCommand.BayesMethod.BMA) {
            BayesianModelAveraging m = BayesianModelAveraging.withDefaults().withConfidenceLevel(c.common.level)
                    .withThreads(c.common.threadCount())
                    .with(c.prior);
            if (c.delta != null) {
                m = m.withDelta(c.delta);
            }
            if (c.gridMax != null) {
                m = m.withGridMax(c.gridMax);
            }
            if (c.strict) {
                m = m.with(BayesianModelAveraging.OverlapCheck.STRICT);
            }
            BayesianModelAveraging.Result r = m.estimate(t);
            json = MseExtras.bma(r);
            text = r.toString() + "\n";
            if (c.plot.wanted()) {
                c.plot.save(Plots.posterior(c.input.name() + ": posterior of N (model averaging)",
                        r.getPosteriorMass(), r.getObserved(), r.getMedian(), r.getCredibleInterval()), c.spec);
            }
        } else {
            LatentClassMse.Result r = LatentClassMse.withDefaults().withClasses(c.classes).withChains(c.chains)
                    .withBurnIn(c.burnin).withSamples(c.samples).withThinning(c.thin).withSeed(c.common.seed)
                    .withConfidenceLevel(c.common.level).withThreads(c.common.threadCount()).estimate(t);
            json = MseExtras.latentClass(r);
            text = r.toString() + "\n";
            if (c.plot.wanted()) {
                long[] d = r.getPooledDraws();
                double[] v = new double[d.length];
                for (int i = 0; i < d.length; i++) {
                    v[i] = d[i];
                }
                c.plot.save(Plots.distribution(c.input.name() + ": posterior draws of N (latent classes)",
                        "population N", v, r.getEstimate(), r.getCredibleInterval()), c.spec);
            }
        }
        c.write(json, text, List.of(json));
        return 0;
    }
}
