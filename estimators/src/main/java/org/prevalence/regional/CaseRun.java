package org.prevalence.regional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.bootstrap.Bootstrap;
import org.prevalence.core.bootstrap.MultiStatistic;

/**
 * The intermediate state of one {@link ReportedCasePipeline#estimate}, step by step: the strata,
 * the per-case values and per-stratum sums, which strata are estimable and how the others are
 * handled, the pools, their capture-recapture fits and the stratified bootstrap of every total.
 * {@link CaseRows} then assembles the result rows.
 */
final class CaseRun {
    final ReportedCasePipeline.Settings settings;
    final CaseData data;
    final Populations populations;
    final ReferenceWindow window;
    final int nCases;
    final int cells;
    final int nForms;
    final int nRegions;
    // strata (indexStrata)
    int[] stratumOfCell;
    List<int[]> strata;
    int nStrata;
    String[] key;
    String[] label;
    int[][] strataRF;
    // per-case values and per-stratum sums (sumCases)
    int[] caseStratum;
    double[] v;
    double[] y;
    long[][] counts;
    long[] n;
    double[] sumV;
    double[] sumV2;
    double[] sumY;
    double[] sumY2;
    double[] sumVD;
    long[] inWindow;
    long zeroDays;
    // estimability and pools (markEstimability, groupStrata)
    boolean[] estimable;
    boolean[] excluded;
    int[] parent;
    int[] groupOf;
    List<List<Integer>> groups;
    int nGroups;
    // pooled fits (fitGroups)
    double[] groupN;
    double[] groupVar;
    long[] groupObs;
    // bootstrap outputs: strata stock, strata victims, regions stock, regions victims, forms stock, forms victims, world
    int oStrataV;
    int oRegion;
    int oRegionV;
    int oForm;
    int oFormV;
    int oWorld;
    List<Bootstrap.Result> boot;

    CaseRun(ReportedCasePipeline.Settings settings, CaseData data, Populations populations, ReferenceWindow window) {
        this.settings = settings;
        this.data = data;
        this.populations = populations;
        this.window = window;
        this.nCases = data.size();
        this.cells = 1 << data.sources.size();
        this.nForms = data.forms.size();
        this.nRegions = data.edition.regions().size();
    }

    /** Strata in region, form order, with keys and labels; every region with cases needs a population. */
    void indexStrata() {
        stratumOfCell = new int[nRegions * nForms];
        java.util.Arrays.fill(stratumOfCell, -1);
        for (int i = 0; i < nCases; i++) {
            stratumOfCell[data.region[i] * nForms + data.form[i]] = 0;
        }
        strata = new ArrayList<>();
        for (int c = 0; c < stratumOfCell.length; c++) {
            if (stratumOfCell[c] == 0) {
                stratumOfCell[c] = strata.size();
                strata.add(new int[] {c / nForms, c % nForms});
            }
        }
        nStrata = strata.size();
        key = new String[nStrata];
        label = new String[nStrata];
        for (int s = 0; s < nStrata; s++) {
            String r = data.edition.regions().get(strata.get(s)[0]);
            String f = data.forms.get(strata.get(s)[1]);
            key[s] = RegionEdition.key(r) + "|" + RegionEdition.key(f);
            label[s] = r + "|" + f;
        }
        for (int r = 0; r < nRegions; r++) {
            for (int f = 0; f < nForms; f++) {
                if (stratumOfCell[r * nForms + f] >= 0) {
                    populations.require(r, "reported cases");
                    break;
                }
            }
        }
        strataRF = strata.toArray(new int[0][]);
    }

    /** Per-case victims and stock contributions, and per-stratum counts and sums; refuses a window no case touches. */
    void sumCases() {
        long w = window.days();
        caseStratum = new int[nCases];
        v = new double[nCases];
        y = new double[nCases];
        counts = new long[nStrata][cells];
        n = new long[nStrata];
        sumV = new double[nStrata];
        sumV2 = new double[nStrata];
        sumY = new double[nStrata];
        sumY2 = new double[nStrata];
        sumVD = new double[nStrata];
        inWindow = new long[nStrata];
        zeroDays = 0;
        for (int i = 0; i < nCases; i++) {
            int s = stratumOfCell[data.region[i] * nForms + data.form[i]];
            caseStratum[i] = s;
            long d = window.daysInside(data.start[i], data.end[i]);
            if (d == 0) {
                zeroDays++;
            } else {
                inWindow[s]++;
            }
            v[i] = data.victims[i];
            y[i] = v[i] * d / w;
            counts[s][data.pattern[i]]++;
            n[s]++;
            sumV[s] += v[i];
            sumV2[s] += v[i] * v[i];
            sumY[s] += y[i];
            sumY2[s] += y[i] * y[i];
            sumVD[s] += v[i] * d;
        }
        if (nCases > 0 && zeroDays == nCases) {
            throw PrevalenceException.notEstimable("window",
                    "No case has a day inside the window %s, so no stock can be estimated; choose the window the "
                            + "cases' dates cover", window);
        }
    }

    /** Which strata are estimable; the others fail, are excluded or are pooled with their neighbour (union-find). */
    void markEstimability() {
        estimable = new boolean[nStrata];
        excluded = new boolean[nStrata];
        parent = new int[nStrata];
        Map<String, Integer> byKey = new LinkedHashMap<>();
        for (int s = 0; s < nStrata; s++) {
            parent[s] = s;
            byKey.put(key[s], s);
            estimable[s] = CaseSteps.estimable(counts[s], settings.minOverlap()) && finiteEstimate(counts[s]);
        }
        for (int s = 0; s < nStrata; s++) {
            if (estimable[s]) {
                continue;
            }
            String where = "stratum '" + label[s] + "'";
            switch (settings.noOverlap()) {
                case FAIL:
                    throw new PrevalenceException(PrevalenceException.Kind.NOT_ESTIMABLE, where, String.format(
                            Locale.ROOT, "Stratum '%s' is not estimable by capture-recapture: %s (at least %d cases "
                                    + "on two or more sources are needed)", label[s], describe(counts[s], data.sources),
                            settings.minOverlap()), new PrevalenceException.Remedy("choose NoOverlap.POOL with a named neighbour, "
                                    + "or NoOverlap.EXCLUDE", "use --no-overlap pool --pool '" + label[s]
                                    + "=REGION|FORM', or --no-overlap exclude"));
                case EXCLUDE:
                    excluded[s] = true;
                    break;
                case POOL:
                    poolWithNeighbour(s, where, byKey);
                    break;
                default:
                    throw new IllegalStateException();
            }
        }
    }

    /** Joins stratum s to the pool of its named neighbour, refusing a missing or caseless neighbour. */
    private void poolWithNeighbour(int s, String where, Map<String, Integer> byKey) {
        String nb = settings.neighbours().get(key[s]);
        if (nb == null) {
            throw new PrevalenceException(PrevalenceException.Kind.NOT_ESTIMABLE, where, String.format(
                    Locale.ROOT, "Stratum '%s' is not estimable (%s) and no neighbour is named for it",
                    label[s], describe(counts[s], data.sources)), new PrevalenceException.Remedy(
                    "name one with withNeighbour(\"" + label[s] + "\", \"region|form\"), or choose "
                            + "NoOverlap.EXCLUDE", "name one with --pool '" + label[s]
                            + "=REGION|FORM', or use --no-overlap exclude"));
        }
        Integer t = byKey.get(nb);
        if (t == null) {
            throw PrevalenceException.invalidArgument(where,
                    "The neighbour '%s' of stratum '%s' has no cases; the strata with cases are %s",
                    nb, label[s], List.of(label));
        }
        union(parent, s, t);
    }

    /** Groups (pools) of the strata not excluded, in order of their first stratum. */
    void groupStrata() {
        groupOf = new int[nStrata];
        java.util.Arrays.fill(groupOf, -1);
        groups = new ArrayList<>();
        int[] rootGroup = new int[nStrata];
        java.util.Arrays.fill(rootGroup, -1);
        for (int s = 0; s < nStrata; s++) {
            if (excluded[s]) {
                continue;
            }
            int root = find(parent, s);
            if (rootGroup[root] < 0) {
                rootGroup[root] = groups.size();
                groups.add(new ArrayList<>());
            }
            groupOf[s] = rootGroup[root];
            groups.get(groupOf[s]).add(s);
        }
        nGroups = groups.size();
        if (nGroups == 0) {
            throw PrevalenceException.notEstimable("strata", "Every stratum was excluded; nothing can be estimated");
        }
    }

    /** Estimated cases and their variance for each pool; refuses a pool that is still not estimable. */
    void fitGroups() {
        groupN = new double[nGroups];
        groupVar = new double[nGroups];
        groupObs = new long[nGroups];
        for (int g = 0; g < nGroups; g++) {
            long[] c = new long[cells];
            for (int s : groups.get(g)) {
                for (int mask = 1; mask < cells; mask++) {
                    c[mask] += counts[s][mask];
                }
                groupObs[g] += n[s];
            }
            if (!CaseSteps.estimable(c, settings.minOverlap()) || !finiteEstimate(c)) {
                List<String> names = new ArrayList<>();
                groups.get(g).forEach(s -> names.add(label[s]));
                throw new PrevalenceException(PrevalenceException.Kind.NOT_ESTIMABLE, "stratum '" + names.get(0) + "'",
                        String.format(Locale.ROOT, "The pool of strata %s is still not estimable: %s", names,
                                describe(c, data.sources)), new PrevalenceException.Remedy("name a different "
                                + "neighbour or choose NoOverlap.EXCLUDE", "name a different neighbour with --pool, "
                                + "or use --no-overlap exclude"));
            }
            groupN[g] = CaseSteps.estimatedCases(settings.estimator(), c);
            groupVar[g] = settings.estimator().variance(c);
        }
    }

    /** The resampler over the cases kept, sorted by group. */
    private CaseBootstrap resampler() {
        int[] groupStart = new int[nGroups + 1];
        for (int i = 0; i < nCases; i++) {
            int g = groupOf[caseStratum[i]];
            if (g >= 0) {
                groupStart[g + 1]++;
            }
        }
        for (int g = 0; g < nGroups; g++) {
            groupStart[g + 1] += groupStart[g];
        }
        int[] fill = groupStart.clone();
        int kept = groupStart[nGroups];
        int[] cs = new int[kept];
        int[] cp = new int[kept];
        double[] cv = new double[kept];
        double[] cy = new double[kept];
        for (int i = 0; i < nCases; i++) {
            int g = groupOf[caseStratum[i]];
            if (g < 0) {
                continue;
            }
            int j = fill[g]++;
            cs[j] = caseStratum[i];
            cp[j] = data.pattern[i];
            cv[j] = v[i];
            cy[j] = y[i];
        }
        return new CaseBootstrap(cells, nStrata, groupStart, cs, cp, cv, cy, groupN, settings.scheme());
    }

    /** Bootstraps every stratum, region, form and world total at once. */
    void bootstrap() {
        CaseBootstrap resampler = resampler();
        oStrataV = nStrata;
        oRegion = 2 * nStrata;
        oRegionV = oRegion + nRegions;
        oForm = oRegionV + nRegions;
        oFormV = oForm + nForms;
        oWorld = oFormV + nForms;
        final int outputs = oWorld + 2;
        boot = Bootstrap.withDefaults().withReplicates(settings.replicates()).withSeed(settings.seed())
                .withThreads(settings.threads()).runMany(resampler, outputs, statistic(resampler.stride()));
    }

    /** The bootstrap statistic: all outputs of one replicate, from its per-stratum sums. */
    private MultiStatistic<CaseBootstrap.Sample> statistic(int stride) {
        final int cells = this.cells;
        final int nStrata = this.nStrata;
        final int nGroups = this.nGroups;
        final List<List<Integer>> groups = this.groups;
        final int[] groupOf = this.groupOf;
        final int oStrataV = this.oStrataV;
        final int oRegion = this.oRegion;
        final int oRegionV = this.oRegionV;
        final int oForm = this.oForm;
        final int oFormV = this.oFormV;
        final int oWorld = this.oWorld;
        final int[][] strataRF = this.strataRF;
        final StratumEstimator est = settings.estimator();
        // Rao-Wu style rescaling of the per-case means: the observed cases are a without-replacement
        // sample of the stratum's universe, so their mean deviates by sqrt(1 - n/N) of a with-replacement draw
        final double[] shrink = new double[nGroups];
        for (int g = 0; g < nGroups; g++) {
            shrink[g] = Math.sqrt(Math.max(0, 1 - groupObs[g] / groupN[g]));
        }
        final double[] meanStock = new double[nStrata];
        final double[] meanVict = new double[nStrata];
        for (int s = 0; s < nStrata; s++) {
            if (groupOf[s] >= 0) {
                meanStock[s] = sumY[s] / groupObs[groupOf[s]];
                meanVict[s] = sumV[s] / groupObs[groupOf[s]];
            }
        }
        return (sample, out) -> {
            double[] buf = sample.sums;
            double[] factor = new double[nGroups];
            double[] obsOf = new double[nGroups];
            long[] cnt = new long[cells];
            for (int g = 0; g < nGroups; g++) {
                long[] c = cnt;
                java.util.Arrays.fill(c, 0);
                long obs = 0;
                for (int s : groups.get(g)) {
                    for (int mask = 1; mask < cells; mask++) {
                        long k = (long) buf[s * stride + mask];
                        c[mask] += k;
                        obs += k;
                    }
                }
                if (obs == 0) {
                    throw PrevalenceException.notEstimable("replicate", "a pool has no observed case in the replicate");
                }
                factor[g] = est.estimate(c);
                obsOf[g] = obs;
            }
            java.util.Arrays.fill(out, 0);
            for (int s = 0; s < nStrata; s++) {
                if (groupOf[s] < 0) {
                    continue; // excluded: stays 0 in every replicate and is not reported
                }
                int g = groupOf[s];
                double c = shrink[g];
                double stock = factor[g] * (meanStock[s] + c * (buf[s * stride + cells + 1] / obsOf[g] - meanStock[s]));
                double vict = factor[g] * (meanVict[s] + c * (buf[s * stride + cells] / obsOf[g] - meanVict[s]));
                out[s] = stock;
                out[oStrataV + s] = vict;
                out[oRegion + strataRF[s][0]] += stock;
                out[oRegionV + strataRF[s][0]] += vict;
                out[oForm + strataRF[s][1]] += stock;
                out[oFormV + strataRF[s][1]] += vict;
                out[oWorld] += stock;
                out[oWorld + 1] += vict;
            }
        };
    }

    boolean finiteEstimate(long[] c) {
        try {
            return Double.isFinite(settings.estimator().estimate(c));
        } catch (PrevalenceException e) {
            return false;
        }
    }

    static String describe(long[] c, List<String> sources) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < sources.size(); j++) {
            long nj = 0;
            for (int mask = 1; mask < c.length; mask++) {
                if ((mask & (1 << j)) != 0) {
                    nj += c[mask];
                }
            }
            sb.append(sources.get(j)).append(" found ").append(nj).append(", ");
        }
        return sb.append(CaseSteps.overlap(c)).append(" found by two or more").toString();
    }
    private static int find(int[] parent, int s) {
        while (parent[s] != s) {
            parent[s] = parent[parent[s]];
            s = parent[s];
        }
        return s;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
