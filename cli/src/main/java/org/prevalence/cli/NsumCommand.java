package org.prevalence.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.survey.ReplicateMethod;
import org.prevalence.network.nsum.KnownPopulations;
import org.prevalence.network.nsum.MissingReports;
import org.prevalence.network.nsum.NetworkScaleUp;
import org.prevalence.survey.ReplicateDesign;
import org.prevalence.survey.SurveyDesign;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/** {@code prevalence nsum}: the size of a hidden population by the network scale-up method. */
@Command(name = "nsum", mixinStandardHelpOptions = true, sortOptions = false,
        header = "The size of a hidden population by the network scale-up method (known-population degrees).",
        description = {
            "Reads a survey with one column per known population (how many people in it each respondent knows) "
                + "and one for the hidden population, and a file of known population sizes; estimates each "
                + "respondent's degree by the known-population method and the hidden population's size by "
                + "scale-up with the survey weights, as R's networkreporting (kp.individual.estimator_, "
                + "nsum.estimator). The standard error is the design's linearization of the ratio (svyratio); "
                + "--interval bootstrap uses the rescaled bootstrap of surveybootstrap instead "
                + "(standard error and percentile interval); --consistency holds out each known population.",
            "Example:",
            "  prevalence nsum survey.csv --known known.csv --hidden clients --weights indweight --strata region "
                + "--cluster cluster --population 10000000 --interval bootstrap --format json"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:success", "1:internal error", "2:bad input or options (the message names the row or option)"})
final class NsumCommand implements Callable<Integer> {
    /** What to do with a missing known-population report. */
    static final class Missing extends EnumConverter<MissingReports> {
        Missing() {
            super(MissingReports.class);
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "The survey, one row per respondent.")
    Path file;

    @Option(names = "--known", required = true, paramLabel = "KNOWN.csv",
            description = "Known populations: one row each, its survey column and its size.")
    Path known;

    @Option(names = "--known-columns", split = ",", paramLabel = "NAME,SIZE", defaultValue = "name,size",
            description = "The name and size columns of --known (default: ${DEFAULT-VALUE}).")
    List<String> knownColumns;

    @Option(names = "--hidden", required = true, paramLabel = "COL",
            description = "Reports about the hidden population.")
    String hidden;

    @Option(names = "--population", required = true, paramLabel = "N", description = "Total population size.")
    double population;

    @Option(names = "--weights", paramLabel = "W", description = "Sampling weights column.")
    String weights;

    @Option(names = "--equal-probability", description = "No weights: every respondent has the same weight.")
    boolean equalProbability;

    @Option(names = "--strata", paramLabel = "S", description = "Strata column (for the bootstrap).")
    String strata;

    @Option(names = "--cluster", paramLabel = "PSU", description = "PSU column (for the bootstrap; default: each row).")
    String cluster;

    @Option(names = "--degree", paramLabel = "COL",
            description = "Reported degrees instead of the known-population estimate; reports above it are errors.")
    String degree;

    @Option(names = "--missing", defaultValue = "fail", paramLabel = "fail|as-zero", converter = Missing.class,
            completionCandidates = Missing.class,
            description = "A missing known-population report: fail, or count it as 0 as R (default: ${DEFAULT-VALUE}).")
    MissingReports missing;

    @Option(names = "--interval", defaultValue = "none", paramLabel = "none|bootstrap",
            converter = RdsCommand.Intervals.class, completionCandidates = RdsCommand.Intervals.class,
            description = "bootstrap: the rescaled bootstrap SE and percentile interval; otherwise linearization "
                    + "(default: ${DEFAULT-VALUE}).")
    RdsCommand.IntervalChoice interval;

    @Option(names = "--replicates", defaultValue = "1000", paramLabel = "B",
            description = "Bootstrap replicates (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--consistency", description = "Also hold out each known population and estimate its size.")
    boolean consistency;

    @Mixin
    InputFormatOptions input;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        if ((weights != null) == equalProbability) {
            throw PrevalenceException.invalidArgument("--weights",
                    "give --weights COLUMN or --equal-probability (one, not both)");
        }
        if (knownColumns.size() != 2) {
            throw PrevalenceException.invalidArgument("--known-columns", "--known-columns takes NAME,SIZE");
        }
        if (replicates < 2) {
            throw PrevalenceException.invalidArgument("--replicates", "--replicates must be at least 2, got %d",
                    replicates);
        }
        if (!(common.level > 0 && common.level < 1)) {
            throw PrevalenceException.invalidArgument("--level", "--level must lie strictly between 0 and 1, got %s",
                    Format.plain(common.level));
        }
        Table t = input.csv().read(file);
        KnownPopulations kp = KnownPopulations.fromTable(input.csv().read(known), knownColumns.get(0),
                knownColumns.get(1));
        SurveyDesign.Builder b = SurveyDesign.builder(t);
        if (weights != null) {
            b.weights(weights);
        } else {
            b.equalProbability();
        }
        if (strata != null) {
            b.strata(strata);
        }
        if (cluster != null) {
            b.clusters(cluster);
        }
        SurveyDesign design = b.build();
        if (interval == RdsCommand.IntervalChoice.BOOTSTRAP) {
            design = ReplicateDesign.withDefaults().with(ReplicateMethod.BOOTSTRAP).withReplicates(replicates)
                    .withSeed(common.seed).build(design);
        }
        NetworkScaleUp nsum = NetworkScaleUp.withDefaults().withPopulationSize(population).with(missing)
                .withConfidenceLevel(common.level);
        if (degree != null) {
            nsum = nsum.withDegrees(degree);
        }
        NetworkScaleUp.Result r = nsum.estimate(design, kp, hidden);
        NetworkScaleUp.InternalConsistency ic = consistency ? nsum.internalConsistency(design, kp) : null;
        Output.write(common, spec.commandLine().getOut(), NetworkReport.nsum(r, ic, interval
                == RdsCommand.IntervalChoice.BOOTSTRAP ? replicates : 0, common.seed).render(common.format));
        return 0;
    }
}
