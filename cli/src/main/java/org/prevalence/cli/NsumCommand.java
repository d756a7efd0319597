package org.prevalence.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.survey.ReplicateMethod;
import org.prevalence.network.nsum.GeneralizedScaleUp;
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
                + "(standard error and percentile interval); --consistency holds out each known population. "
                + "--generalized is the generalized NSUM of Feehan and Salganik (2016): the connections the "
                + "survey (the frame, the whole population of size --population) reports to the hidden "
                + "population over the hidden members' mean visibility, from a sample of the hidden population "
                + "(--hidden-sample, with a --visibility column or, by the known-population method, the --known "
                + "populations' columns) or given (--mean-visibility); delta-method linearization SE.",
            "Examples:",
            "  prevalence nsum survey.csv --known known.csv --hidden clients --weights indweight --strata region "
                + "--cluster cluster --population 10000000 --interval bootstrap --format json",
            "  prevalence nsum survey.csv --hidden clients --weights indweight --population 10000000 --generalized "
                + "--hidden-sample rds.csv --visibility vis --hidden-weights w"},
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

    @Option(names = "--known", paramLabel = "KNOWN.csv",
            description = "Known populations: one row each, its survey column and its size (required unless "
                    + "--generalized with --visibility or --mean-visibility).")
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

    @Option(names = "--generalized",
            description = "The generalized NSUM (Feehan and Salganik 2016) with --hidden-sample or --mean-visibility.")
    boolean generalized;

    @Option(names = "--hidden-sample", paramLabel = "H.csv",
            description = "--generalized: a sample of the hidden population, one row per hidden respondent.")
    Path hiddenSample;

    @Option(names = "--visibility", paramLabel = "COL",
            description = "--generalized: the hidden sample's column of visibility (frame members who know the "
                    + "respondent is in the hidden population); without it, the --known populations' columns.")
    String visibility;

    @Option(names = "--hidden-weights", paramLabel = "W",
            description = "--generalized: the hidden sample's weights column (an RDS sample: 1/degree; default: "
                    + "equal).")
    String hiddenWeights;

    @Option(names = "--mean-visibility", paramLabel = "V",
            description = "--generalized: the hidden members' mean visibility, known from elsewhere (fixed).")
    Double meanVisibility;

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
        checkGeneralized();
        Table t = input.csv().read(file);
        KnownPopulations kp = known == null ? null : KnownPopulations.fromTable(input.csv().read(known), knownColumns.get(0),
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
        if (generalized) {
            Output.write(common, spec.commandLine().getOut(), generalized(design, kp).render(common.format));
            return 0;
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

    /** The options --generalized needs or refuses. */
    private void checkGeneralized() {
        if (!generalized) {
            for (String o : new String[] {hiddenSample == null ? null : "--hidden-sample",
                visibility == null ? null : "--visibility", hiddenWeights == null ? null : "--hidden-weights",
                meanVisibility == null ? null : "--mean-visibility"}) {
                if (o != null) {
                    throw PrevalenceException.invalidArgument(o, "%s needs --generalized", o);
                }
            }
            if (known == null) {
                throw PrevalenceException.invalidArgument("--known", "give --known KNOWN.csv, the known populations");
            }
            return;
        }
        if ((hiddenSample == null) == (meanVisibility == null)) {
            throw PrevalenceException.invalidArgument("--hidden-sample",
                    "--generalized needs --hidden-sample H.csv or --mean-visibility V (one, not both)");
        }
        if (hiddenSample != null && visibility == null && known == null) {
            throw PrevalenceException.invalidArgument("--visibility",
                    "--hidden-sample needs --visibility COL or --known KNOWN.csv (the probe populations' columns)");
        }
        if (meanVisibility != null && (visibility != null || hiddenWeights != null)) {
            throw PrevalenceException.invalidArgument("--mean-visibility",
                    "--mean-visibility replaces --hidden-sample; drop --visibility and --hidden-weights");
        }
        for (String o : new String[] {degree == null ? null : "--degree", consistency ? "--consistency" : null,
            interval == RdsCommand.IntervalChoice.BOOTSTRAP ? "--interval bootstrap" : null}) {
            if (o != null) {
                throw PrevalenceException.invalidArgument(o, "%s does not apply to --generalized (its SE is the "
                        + "delta-method linearization of both samples)", o);
            }
        }
    }

    /** The generalized NSUM and its document: JSON estimator, hidden, estimate, se, interval and the parts. */
    private Report generalized(SurveyDesign frame, KnownPopulations kp) {
        GeneralizedScaleUp g = GeneralizedScaleUp.withDefaults().withFrameSize(population)
                .withConfidenceLevel(common.level);
        GeneralizedScaleUp.Result r;
        if (meanVisibility != null) {
            r = g.estimate(frame, hidden, meanVisibility);
        } else {
            Table h = input.csv().read(hiddenSample);
            SurveyDesign.Builder hb = SurveyDesign.builder(h);
            if (hiddenWeights != null) {
                hb.weights(hiddenWeights);
            } else {
                hb.equalProbability();
            }
            SurveyDesign hs = hb.build();
            r = visibility != null ? g.estimate(frame, hidden, hs, visibility) : g.estimate(frame, hidden, hs, kp);
        }
        Interval iv = r.getConfidenceInterval();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("estimator", "generalized");
        json.put("hidden", r.getHidden());
        json.put("estimate", JsonNumbers.of(r.getEstimate()));
        json.put("se", JsonNumbers.of(r.getStandardError()));
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("lower", JsonNumbers.of(iv.lower()));
        i.put("upper", JsonNumbers.of(iv.upper()));
        i.put("level", JsonNumbers.of(iv.level()));
        i.put("method", iv.label());
        json.put("interval", i);
        json.put("connections", JsonNumbers.of(r.getConnections()));
        json.put("visibility", JsonNumbers.of(r.getVisibility()));
        json.put("frame_size", JsonNumbers.of(r.getFrameSize()));
        json.put("n", r.getFrameSampleSize());
        json.put("hidden_n", r.getHiddenSampleSize());
        json.put("variance", "linearization");
        String text = Output.fmt("Generalized network scale-up: %d frame respondents, %d hidden respondents, N_F = %s%n"
                + "Connections to %s y_FH = %s, mean visibility %s%nSize of %s: %s, SE %s, %s (linearization)%n",
                r.getFrameSampleSize(), r.getHiddenSampleSize(), Format.plain(r.getFrameSize()), r.getHidden(),
                Format.number(r.getConnections()), Format.number(r.getVisibility()), r.getHidden(),
                Format.number(r.getEstimate()), Format.number(r.getStandardError()), iv);
        ResultTable csv = new ResultTable("estimator", "hidden", "estimate", "se", "lower", "upper",
                "interval_level", "connections", "visibility", "frame_size", "n", "hidden_n");
        csv.add("generalized", r.getHidden(), Format.plain(r.getEstimate()), Format.plain(r.getStandardError()),
                Format.plain(iv.lower()), Format.plain(iv.upper()), Format.plain(iv.level()),
                Format.plain(r.getConnections()), Format.plain(r.getVisibility()), Format.plain(r.getFrameSize()),
                Integer.toString(r.getFrameSampleSize()), Integer.toString(r.getHiddenSampleSize()));
        return new Report(text, json, csv);
    }
}
