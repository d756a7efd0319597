package org.prevalence.regional;

import java.util.ArrayList;
import java.util.List;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.bootstrap.Bootstrap;
import org.prevalence.core.bootstrap.IntervalType;

/**
 * The rows of a finished {@link CaseRun}: what each total leaves out, then the strata, regions,
 * forms and world of the {@link ReportedCasePipeline.Result}, each with its bootstrap standard
 * error and intervals and its delta-method standard error ({@link CaseSteps#deltaVariance}).
 */
final class CaseRows {
    private final CaseRun run;
    // what each total leaves out (leftOut)
    private String[] stockOut;
    private String[] victimsOut;

    CaseRows(CaseRun run) {
        this.run = run;
    }

    /** What each total leaves out: excluded strata, and (for the stock) strata with no case day in the window. */
    CaseRows leftOut() {
        stockOut = new String[run.nStrata];
        victimsOut = new String[run.nStrata];
        for (int s = 0; s < run.nStrata; s++) {
            if (run.excluded[s]) {
                victimsOut[s] = "excluded: not estimable by capture-recapture, " + CaseRun.describe(run.counts[s], run.data.sources);
                stockOut[s] = victimsOut[s];
            } else if (run.inWindow[s] == 0) {
                stockOut[s] = "no case of the stratum has a day inside the window " + run.window;
            }
        }
        return this;
    }

    /** Assembles the strata, regions, forms and world rows. */
    ReportedCasePipeline.Result result() {
        // delta-method variances of sums over sets of strata
        double[] factor = new double[run.nGroups];
        for (int g = 0; g < run.nGroups; g++) {
            factor[g] = run.groupN[g] / run.groupObs[g];
        }
        List<ReportedCasePipeline.StratumResult> strataOut = new ArrayList<>();
        for (int s = 0; s < run.nStrata; s++) {
            strataOut.add(stratumResult(s, factor));
        }
        List<RegionalEstimate> regions = new ArrayList<>();
        List<RegionalEstimate> regionVictims = new ArrayList<>();
        List<String> worldStockOut = new ArrayList<>();
        List<String> worldVictimsOut = new ArrayList<>();
        for (int r = 0; r < run.nRegions; r++) {
            addRegion(r, regions, regionVictims, worldStockOut, worldVictimsOut);
        }
        double worldPop = run.populations.total();
        List<RegionalEstimate> forms = formRows(worldPop);
        boolean[] all = new boolean[run.nStrata];
        java.util.Arrays.fill(all, true);
        RegionalEstimate world = row("World", worldPop, run.boot.get(run.oWorld),
                delta(all, run.groupOf, run.groupN, run.groupVar, run.groupObs, run.sumY, run.sumY2)).leavingOut(worldStockOut);
        RegionalEstimate worldVictims = row("World", worldPop, run.boot.get(run.oWorld + 1),
                delta(all, run.groupOf, run.groupN, run.groupVar, run.groupObs, run.sumV, run.sumV2)).leavingOut(worldVictimsOut);
        int failed = run.boot.get(run.oWorld).getFailed();
        return new ReportedCasePipeline.Result(run.settings.estimator().name(), run.settings.scheme(), run.window, run.settings.replicates(), run.settings.seed(), failed, run.zeroDays, run.nCases,
                strataOut, regions, regionVictims, forms, world, worldVictims);
    }

    /** One stratum's row: how it was handled, its cases, victims and stock. */
    private ReportedCasePipeline.StratumResult stratumResult(int s, double[] factor) {
        int r = run.strataRF[s][0];
        int f = run.strataRF[s][1];
        String handling;
        if (run.excluded[s]) {
            handling = "excluded";
        } else if (run.groups.get(run.groupOf[s]).size() > 1) {
            List<String> others = new ArrayList<>();
            for (int t : run.groups.get(run.groupOf[s])) {
                if (t != s) {
                    others.add(run.label[t]);
                }
            }
            handling = (run.estimable[s] ? "pooled (neighbour of " : "pooled with ") + String.join("; ", others)
                    + (run.estimable[s] ? ")" : "");
        } else {
            handling = "estimated";
        }
        double pop = run.populations.of(r);
        RegionalEstimate stock = RegionalEstimate.notEstimated(run.label[s], pop, String.valueOf(stockOut[s]));
        RegionalEstimate victims = RegionalEstimate.notEstimated(run.label[s], pop, String.valueOf(victimsOut[s]));
        double cases = Double.NaN;
        double casesSe = Double.NaN;
        if (!run.excluded[s]) {
            int g = run.groupOf[s];
            boolean[] only = new boolean[run.nStrata];
            only[s] = true;
            cases = factor[g] * run.n[s];
            casesSe = Math.sqrt(run.groupVar[g]) * run.n[s] / run.groupObs[g];
            if (stockOut[s] == null) {
                stock = row(run.label[s], pop, run.boot.get(s), delta(only, run.groupOf, run.groupN, run.groupVar, run.groupObs, run.sumY,
                        run.sumY2));
            }
            victims = row(run.label[s], pop, run.boot.get(run.oStrataV + s), delta(only, run.groupOf, run.groupN,
                    run.groupVar, run.groupObs, run.sumV, run.sumV2));
        }
        return new ReportedCasePipeline.StratumResult(run.data.edition.regions().get(r), run.data.forms.get(f), handling, run.estimable[s],
                run.counts[s].clone(), run.n[s], run.sumV[s], run.sumV[s] == 0 ? 0 : run.sumVD[s] / run.sumV[s], cases, casesSe,
                victims, stock);
    }

    /** Region r's stock and victims rows, and what the world totals leave out of it. */
    private void addRegion(int r, List<RegionalEstimate> regions, List<RegionalEstimate> regionVictims,
                           List<String> worldStockOut, List<String> worldVictimsOut) {
        List<Integer> members = new ArrayList<>();
        for (int s = 0; s < run.nStrata; s++) {
            if (run.strataRF[s][0] == r) {
                members.add(s);
            }
        }
        String name = run.data.edition.regions().get(r);
        double pop = run.populations.of(r);
        if (members.isEmpty()) {
            String why = Double.isNaN(pop) ? "no population and no reported case" : "no reported case in the region";
            regions.add(RegionalEstimate.notEstimated(name, pop, why));
            regionVictims.add(RegionalEstimate.notEstimated(name, pop, why));
            worldStockOut.add("region '" + name + "' (" + why + ")");
            worldVictimsOut.add("region '" + name + "' (" + why + ")");
            return;
        }
        boolean[] set = new boolean[run.nStrata];
        members.forEach(s -> set[s] = true);
        RegionalEstimate stock = total(name, pop, run.boot.get(run.oRegion + r),
                delta(set, run.groupOf, run.groupN, run.groupVar, run.groupObs, run.sumY, run.sumY2), members, stockOut, run.label);
        checkRate(stock, run.populations, r);
        regions.add(stock);
        regionVictims.add(total(name, pop, run.boot.get(run.oRegionV + r),
                delta(set, run.groupOf, run.groupN, run.groupVar, run.groupObs, run.sumV, run.sumV2), members, victimsOut, run.label));
        for (int s : members) {
            if (stockOut[s] != null) {
                worldStockOut.add(part(run.label[s], stockOut[s]));
            }
            if (victimsOut[s] != null) {
                worldVictimsOut.add(part(run.label[s], victimsOut[s]));
            }
        }
    }

    /** The stock row of each form with a stratum. */
    private List<RegionalEstimate> formRows(double worldPop) {
        boolean[] formListed = new boolean[run.nForms];
        for (int s = 0; s < run.nStrata; s++) {
            formListed[run.strataRF[s][1]] = true;
        }
        List<RegionalEstimate> forms = new ArrayList<>();
        for (int f = 0; f < run.nForms; f++) {
            if (!formListed[f]) {
                continue;
            }
            boolean[] set = new boolean[run.nStrata];
            List<Integer> members = new ArrayList<>();
            for (int s = 0; s < run.nStrata; s++) {
                set[s] = run.strataRF[s][1] == f;
                if (set[s]) {
                    members.add(s);
                }
            }
            forms.add(total(run.data.forms.get(f), worldPop, run.boot.get(run.oForm + f),
                    delta(set, run.groupOf, run.groupN, run.groupVar, run.groupObs, run.sumY, run.sumY2), members, stockOut, run.label));
        }
        return forms;
    }

    private static double delta(boolean[] set, int[] groupOf, double[] groupN, double[] groupVar, long[] groupObs,
                                double[] sum, double[] sum2) {
        int nGroups = groupN.length;
        double[] z = new double[nGroups];
        double[] z2 = new double[nGroups];
        for (int s = 0; s < set.length; s++) {
            if (set[s] && groupOf[s] >= 0) {
                z[groupOf[s]] += sum[s];
                z2[groupOf[s]] += sum2[s];
            }
        }
        double var = 0;
        for (int g = 0; g < nGroups; g++) {
            var += CaseSteps.deltaVariance(groupN[g], groupVar[g], groupObs[g], z[g], z2[g]);
        }
        return Math.sqrt(var);
    }

    /**
     * A total over some strata: not estimated if every stratum is left out, else the bootstrap row
     * naming the strata it leaves out.
     */
    private static RegionalEstimate total(String name, double population, Bootstrap.Result b, double deltaSe,
                                          List<Integer> members, String[] leftOut, String[] label) {
        List<String> out = new ArrayList<>();
        for (int s : members) {
            if (leftOut[s] != null) {
                out.add(part(label[s], leftOut[s]));
            }
        }
        if (out.size() == members.size()) {
            return RegionalEstimate.notEstimated(name, population, "every stratum is left out: " + String.join("; ", out));
        }
        return row(name, population, b, deltaSe).leavingOut(out);
    }

    private static String part(String stratum, String why) {
        return "stratum '" + stratum + "' (" + why + ")";
    }

    /**
     * A stock larger than the population (a rate per 1,000 above 1,000) is impossible: the population
     * is wrong (often given in thousands), so it is an error naming the region and its population rows.
     */
    private static void checkRate(RegionalEstimate stock, Populations populations, int r) {
        double pop = populations.of(r);
        if (stock.isEstimated() && stock.getEstimate() > pop) {
            String rows = populations.rowsOf(r);
            String name = stock.getName();
            throw PrevalenceException.invalidData("region '" + name + "'" + (rows == null ? "" : ", population " + rows),
                    "Region '%s': the estimated stock, %s persons on an average day, is larger than its population "
                            + "%s%s (%s per 1,000); a population counts inhabitants (not thousands) and must be "
                            + "larger than the stock", name, Format.number(Math.rint(stock.getEstimate())),
                    Format.number(pop), rows == null ? "" : " (population file " + rows + ")",
                    Format.number(stock.getPer1000()));
        }
    }

    private static RegionalEstimate row(String name, double population, Bootstrap.Result b, double deltaSe) {
        return new RegionalEstimate(name, population, b.getEstimate(), b.getBootstrapStandardError(), deltaSe,
                b.interval(IntervalType.PERCENTILE, ReportedCasePipeline.LEVELS[0]),
                b.interval(IntervalType.PERCENTILE, ReportedCasePipeline.LEVELS[1]));
    }
}
