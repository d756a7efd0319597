package org.prevalence.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;
import org.prevalence.network.rds.GileBootstrap;
import org.prevalence.network.rds.RdsBootstrap;
import org.prevalence.network.rds.RdsEstimator;
import org.prevalence.network.rds.Multiplier;
import org.prevalence.network.rds.RdsMethod;
import org.prevalence.network.rds.RdsSample;
import org.prevalence.network.rds.RdsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/** {@code prevalence rds}: a population proportion or mean from a respondent-driven sample. */
@Command(name = "rds", mixinStandardHelpOptions = true, sortOptions = false,
        header = "A population proportion or mean from a respondent-driven sample (RDS-II, RDS-I, Gile's SS).",
        description = {
            "Reads one row per respondent (id, recruiter, reported network degree, outcome) and estimates as R's "
                + "RDS package: RDS-II (Volz-Heckathorn, the default), RDS-I (Salganik-Heckathorn) or its "
                + "data-smoothed form, or Gile's successive-sampling estimator (needs --population). Seeds are "
                + "rows whose recruiter is empty, 'seed', '0' or 'NA'. --interval bootstrap adds Salganik's RDS "
                + "bootstrap standard error and interval, or Gile's SS bootstrap with --estimator ss "
                + "(RDS.bootstrap.intervals' defaults).",
            "Examples:",
            "  prevalence rds sample.csv --id id --recruiter recruiter --degree degree --outcome disease=1",
            "  prevalence rds sample.csv --id id --recruiter recruiter --degree degree --outcome disease=1 "
                + "--estimator ss --population 1000 --interval bootstrap --format json"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:success", "1:internal error", "2:bad input or options (the message names the row or option)"})
final class RdsCommand implements Callable<Integer> {
    /** The intervals the command offers. */
    enum IntervalChoice { NONE, BOOTSTRAP }

    /** CLI spellings of the estimators: rds-ii, rds-i, rds-i-smoothed, ss. */
    static final class Estimators extends EnumConverter<RdsMethod> {
        Estimators() {
            super(RdsMethod.class);
        }
    }

    /** CLI spellings of the member draws: degree (R's default), uniform (Salganik 2006). */
    static final class MemberDraws extends EnumConverter<RdsBootstrap.MemberDraw> {
        MemberDraws() {
            super(RdsBootstrap.MemberDraw.class);
        }

        @Override
        String name(RdsBootstrap.MemberDraw e) {
            return cli(e);
        }

        /** @return the CLI spelling: {@code degree} or {@code uniform} */
        static String cli(RdsBootstrap.MemberDraw e) {
            return e == RdsBootstrap.MemberDraw.PROPORTIONAL_TO_DEGREE ? "degree" : "uniform";
        }
    }

    /** CLI spellings of the intervals. */
    static final class Intervals extends EnumConverter<IntervalChoice> {
        Intervals() {
            super(IntervalChoice.class);
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "The sample, one row per respondent.")
    Path file;

    @Option(names = "--id", required = true, paramLabel = "COL", description = "Respondent id column.")
    String id;

    @Option(names = "--recruiter", required = true, paramLabel = "COL",
            description = "Recruiter id column (empty, seed, 0 or NA for a seed).")
    String recruiter;

    @Option(names = "--degree", required = true, paramLabel = "COL", description = "Reported network degree column.")
    String degree;

    @Option(names = "--outcome", required = true, paramLabel = "VAR[=LEVEL]",
            description = "The outcome: VAR=LEVEL for the proportion at LEVEL, or a numeric VAR for its mean.")
    String outcome;

    @Option(names = "--estimator", defaultValue = "rds-ii", paramLabel = "rds-ii|rds-i|rds-i-smoothed|ss",
            converter = Estimators.class, completionCandidates = Estimators.class,
            description = "The estimator (default: ${DEFAULT-VALUE}).")
    RdsMethod estimator;

    @Option(names = "--population", paramLabel = "N",
            description = "Size of the hidden population (required by ss; at least the sample size).")
    Double population;

    @Option(names = "--interval", defaultValue = "none", paramLabel = "none|bootstrap", converter = Intervals.class,
            completionCandidates = Intervals.class,
            description = "bootstrap: Salganik's RDS bootstrap standard error and interval; Gile's SS bootstrap with "
                    + "--estimator ss (default: ${DEFAULT-VALUE}).")
    IntervalChoice interval;

    @Option(names = "--member-draw", paramLabel = "degree|uniform", converter = MemberDraws.class,
            completionCandidates = MemberDraws.class,
            description = "How Salganik's bootstrap draws each chain member within its group: degree (with "
                    + "probability proportional to degree, as R's RDS, the default) or uniform (Salganik 2006). "
                    + "Only with --interval bootstrap and an estimator other than ss.")
    RdsBootstrap.MemberDraw memberDraw;

    @Option(names = "--multiplier", paramLabel = "M",
            description = "Also estimate the population size as M / p, with M members counted by another source "
                    + "and p the estimated proportion (--outcome VAR=LEVEL marks them).")
    Double multiplier;

    @Option(names = "--bottleneck",
            description = "Also the bottleneck diagnostic (R's bottleneck.plot): the estimate on each seed's "
                    + "recruitment tree, by wave (JSON bottleneck[{seed, wave, n, estimate}]).")
    boolean bottleneck;

    @Option(names = "--replicates", defaultValue = "1000", paramLabel = "B",
            description = "Bootstrap replicates (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Mixin
    InputFormatOptions input;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        if (!(common.level > 0 && common.level < 1)) {
            throw PrevalenceException.invalidArgument("--level", "--level must lie strictly between 0 and 1, got %s",
                    Format.plain(common.level));
        }
        if (replicates < 2) {
            throw PrevalenceException.invalidArgument("--replicates", "--replicates must be at least 2, got %d",
                    replicates);
        }
        if (estimator == RdsMethod.SS && population == null) {
            throw PrevalenceException.invalidArgument("--population",
                    "--estimator ss needs --population N, the size of the hidden population");
        }
        if (memberDraw != null && interval != IntervalChoice.BOOTSTRAP) {
            throw PrevalenceException.invalidArgument("--member-draw",
                    "--member-draw applies to Salganik's bootstrap: add --interval bootstrap or leave it out");
        }
        if (memberDraw != null && estimator == RdsMethod.SS) {
            throw PrevalenceException.invalidArgument("--member-draw",
                    "--member-draw does not apply to --estimator ss, whose interval is Gile's SS bootstrap (it "
                            + "resamples a synthetic population, not chain members); leave --member-draw out");
        }
        RdsBootstrap.MemberDraw draw = memberDraw == null ? RdsBootstrap.MemberDraw.PROPORTIONAL_TO_DEGREE
                : memberDraw;
        int eq = outcome.indexOf('=');
        String variable = eq < 0 ? outcome : outcome.substring(0, eq);
        String level = eq < 0 ? null : outcome.substring(eq + 1);
        Table t = input.csv().read(file);
        RdsSample sample = RdsTable.sample(t, id, recruiter, degree);
        double[] y = RdsTable.outcome(t, variable, level);
        RdsEstimator est = RdsEstimator.withDefaults().with(estimator).withSeed(common.seed)
                .withThreads(common.threadCount());
        if (population != null) {
            est = est.withPopulationSize(population);
        }
        Report report;
        if (interval == IntervalChoice.BOOTSTRAP) {
            RdsBootstrap.Result b = estimator == RdsMethod.SS
                    ? GileBootstrap.withDefaults().with(est).withReplicates(replicates).withSeed(common.seed)
                            .withThreads(common.threadCount()).withConfidenceLevel(common.level).estimate(sample, y)
                    : RdsBootstrap.withDefaults().with(est).with(draw).withReplicates(replicates)
                    .withSeed(common.seed).withThreads(common.threadCount()).withConfidenceLevel(common.level)
                    .estimate(sample, y);
            Multiplier.Result m = multiplier == null ? null : Multiplier.estimate(multiplier, b);
            report = NetworkReport.rds(sample, variable, level, b.getPointEstimate(), b, m);
            if (estimator != RdsMethod.SS) {
                report = report.with("member_draw", MemberDraws.cli(draw),
                        draw == RdsBootstrap.MemberDraw.UNIFORM
                                ? Output.fmt("Chain members drawn uniformly within their group (Salganik 2006).%n")
                                : "");
            }
        } else {
            RdsEstimator.Result r = est.estimate(sample, y);
            Multiplier.Result m = multiplier == null ? null
                    : Multiplier.estimate(multiplier, r.getEstimate(), Double.NaN, null);
            report = NetworkReport.rds(sample, variable, level, r, null, m);
        }
        if (bottleneck) {
            report = withBottleneck(report, sample, est.bottleneck(sample, y));
        }
        Output.write(common, spec.commandLine().getOut(), report.render(common.format));
        return 0;
    }

    /** Adds one JSON row and one table line per seed tree and wave: seed id, wave, respondents, estimate. */
    private static Report withBottleneck(Report report, RdsSample sample, List<RdsEstimator.SeedTree> trees) {
        List<Map<String, Object>> rows = new ArrayList<>();
        ResultTable t = new ResultTable("seed", "wave", "n", "estimate");
        for (RdsEstimator.SeedTree tree : trees) {
            String seed = sample.id(tree.seedRow());
            double[] est = tree.byWave().estimates();
            int[] n = tree.byWave().respondents();
            for (int k = 0; k < est.length; k++) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("seed", seed);
                m.put("wave", k);
                m.put("n", n[k]);
                m.put("estimate", JsonNumbers.of(est[k]));
                rows.add(m);
                t.add(seed, Integer.toString(k), Integer.toString(n[k]), Format.number(est[k]));
            }
        }
        String text = Output.fmt("%nBottleneck diagnostic (estimate on each seed's tree, waves 0..k):%n") + t.text();
        return report.with("bottleneck", rows, text);
    }
}
